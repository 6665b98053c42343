"""SQLite backend: one file, WAL journal, FTS5 over precomputed search keys.

The FTS5 table is contentless (``content=''``): it holds only the index of the keys computed in Python
(see ``text_index``), split by ``unicode61`` on the spaces between them; the display text lives in the
article's JSON record, which snippets are cut from. Ranking is FTS5's BM25 with the title weighted 3:1.
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from . import search, text_index
from .sql import ARTICLE_INSERT_COLUMNS, SQLStore

TITLE_WEIGHT, BODY_WEIGHT = 3.0, 1.0
MMAP_SIZE = 1 << 34  # bytes of the file read through a memory map (SQLite lowers it to its own maximum)


def _header(path: Path) -> bytes:
    """The file's first 16 bytes (an SQLite file starts ``SQLite format 3``), without reading the rest of it."""
    with path.open("rb") as f:
        return f.read(16)


class SQLiteStore(SQLStore):
    dialect = "sqlite"

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 60.0):
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        p = Path(self.path)
        if self.path != ":memory:":
            if p.is_dir():
                raise StoreError(f"{p} is a folder, not a store", hint="give a file name such as rased.db")
            if p.exists() and p.stat().st_size >= 16 and not _header(p).startswith(b"SQLite format 3"):
                raise StoreError(f"{p} is not an SQLite store", hint="give a new file name or an existing rased store")
            if not p.parent.exists():
                raise StoreError(f"the folder of {p} does not exist", hint="create it first")
        self._depth = 0
        try:
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            # Reads through a memory map instead of a read() into the page cache per page: a search touches pages
            # of the index, the covering index and the facets all over the file (about 10% of its CPU).
            self.conn.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")
            if "fts5" not in {r[0] for r in self.conn.execute("PRAGMA compile_options")} and not self._has_fts5():
                raise StoreError("this SQLite has no FTS5", hint="use a Python built with a recent SQLite, or PostgreSQL")
            self.migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"cannot open the store {p}: {err}", hint="is it a rased store? is the disk full?") from None

    def _has_fts5(self) -> bool:
        try:
            self.conn.execute("CREATE VIRTUAL TABLE temp._probe USING fts5(x)")
            self.conn.execute("DROP TABLE temp._probe")
            return True
        except sqlite3.OperationalError:
            return False

    # ------------------------------------------------------------------------------------------- hooks
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(sql, tuple(params))
        except sqlite3.OperationalError as err:
            raise StoreError(f"the store failed: {err}", hint="is another process writing? is the disk full?") from err

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            try:
                self.conn.executemany(sql, rows)
            except sqlite3.OperationalError as err:
                raise StoreError(f"the store failed: {err}", hint="is the disk full?") from err

    @contextlib.contextmanager
    def _outermost_transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def _run_optional(self, sql: str) -> bool:
        self.conn.execute("SAVEPOINT optional")
        try:
            self.conn.execute(sql)
        except sqlite3.DatabaseError:
            self.conn.execute("ROLLBACK TO optional")
            return False
        finally:
            self.conn.execute("RELEASE optional")
        return True

    def _table_names(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}

    def _insert_article(self, p, values: list[Any]) -> int | None:
        cols = ", ".join(ARTICLE_INSERT_COLUMNS)
        marks = ", ".join("?" for _ in ARTICLE_INSERT_COLUMNS)
        row = self._execute(
            f"INSERT INTO articles ({cols}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING RETURNING n", values
        ).fetchone()
        return None if row is None else int(row[0])

    def _index_keys(self, n: int, p) -> None:
        self._execute(
            "INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)",
            (n, " ".join(p.title_keys), " ".join(p.body_keys)),
        )

    def _clear_index(self) -> None:
        self._execute("INSERT INTO article_fts (article_fts) VALUES ('delete-all')")

    def _ranked_sql(self, query: text_index.Query, extra: str) -> tuple[str, list[Any]]:
        # With filters, ORDER BY rank lets FTS5 hand over its matches best first, so the join and the filters stop
        # after the LIMIT; the narrow covering index gives each match's head, source and day without the wide row.
        # Without, SQLite's own sort picks the best LIMIT matches, keeping no more than that many at a time (FTS5
        # sorts every match); ties in rowid order, as FTS5's sort leaves them.
        frm, cond, params = self._match(query)
        head = "SELECT coalesce(a.duplicate_of, a.id) AS head, -f.rank AS score, a.id AS id, a.n AS n, a.source AS source"
        bm25 = f"bm25(article_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})"
        if not extra:
            return (
                f"{head} FROM (SELECT rowid, {bm25} AS rank FROM article_fts WHERE {cond} ORDER BY rank, rowid LIMIT ?) f"
                " JOIN articles a INDEXED BY articles_search ON a.n = f.rowid ORDER BY f.rank, f.rowid",
                params,
            )
        return (
            f"{head} FROM {frm} WHERE {cond} AND f.rank MATCH ?{extra} ORDER BY f.rank LIMIT ?",
            [*params, f"bm25({TITLE_WEIGHT}, {BODY_WEIGHT})"],
        )

    def _ranked_counted_sql(self, query: text_index.Query, extra: str) -> tuple[str, list[Any]] | None:
        # With filters, one pass over the matches checks each against the filters once, for the ranking and for
        # the total both (FTS5's rank order sorted every match and the count checked them all again); ties in
        # rowid order, as FTS5 gives them. Without, the ranked read alone is cheaper (and holds the total when
        # it holds every match).
        if not extra:
            return None
        frm, cond, params = self._match(query)
        return (
            "WITH m AS MATERIALIZED (SELECT coalesce(a.duplicate_of, a.id) AS head,"
            f" bm25(article_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank, a.id AS id, a.n AS n, a.source AS source,"
            f" {search.GROUP_N} AS g FROM {frm} WHERE {cond}{extra})"
            " SELECT head, -rank AS score, id, n, source, (SELECT count(DISTINCT g) FROM m) AS total"
            " FROM m ORDER BY rank, n LIMIT ?",
            params,
        )

    def _hit_fields(self, ids: list[str]) -> dict[str, tuple]:
        # json_extract cuts the fields out of the record in C, outside Python's lock: parsing the whole record here
        # (it holds every annotation) cost more than the query.
        marks = ",".join("?" for _ in ids)
        rows = self._all(
            "SELECT id, json_extract(record, '$.text', '$.title', '$.source', '$.url', '$.published.value'), story_id"
            f" FROM articles WHERE id IN ({marks})", ids,
        )
        return {aid: (*json.loads(fields), story) for aid, fields, story in rows}

    def _facet_values(self, ns: list[int]) -> dict[str, Counter]:
        # SQLite's GROUP BY sorts every row first (most of the facets' cost); one JSON array per kind, built in C as
        # the rows are read and counted here, costs half as much.
        types, actors = self._all(
            "SELECT json_group_array(value) FILTER (WHERE kind = 'type'),"
            " json_group_array(value) FILTER (WHERE kind = 'actor')"
            f" FROM article_facets WHERE article_n IN ({','.join('?' for _ in ns)}) AND value <> ''", ns,
        )[0]
        return {"type": Counter(json.loads(types)), "actor": Counter(json.loads(actors))}

    def _match(self, query: text_index.Query) -> tuple[str, str, list[Any]]:
        return ("article_fts f JOIN articles a INDEXED BY articles_search ON a.n = f.rowid", "article_fts MATCH ?",
                [text_index.fts5_match(query)])

    def generation(self) -> int:
        # Changes when any other connection commits, in this process or another (WAL or not).
        return int(self._one("PRAGMA data_version"))

    def index_count(self) -> int:
        # A contentless table still keeps one docsize row per indexed document.
        return int(self._one("SELECT count(*) FROM article_fts_docsize"))

    def size_bytes(self) -> int:
        if self.path == ":memory:":
            return 0
        return sum(os.path.getsize(f) for f in (self.path, self.path + "-wal") if os.path.exists(f))

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()
