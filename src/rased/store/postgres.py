"""PostgreSQL backend (psycopg 3): the same schema and statements, a ``tsvector`` column for search.

Why the ``simple`` configuration and not PostgreSQL's ``arabic`` one: our own Arabic processing (matching
keys, clitic segmentation, light stemming in ``text_index.term``) runs in Python before indexing, for
documents and queries alike. The ``tsvector`` is built from those keys as a literal (no text-search parser
touches the words), and the query as a ``tsquery`` literal, so both backends match on identical terms and
a search gives the same articles on either. (Snowball's Arabic stemmer behind ``arabic`` would stem our
stems again and disagree with SQLite.) Ranking is ``ts_rank_cd`` with the title weighted A.
``pg_trgm`` indexes mention keys for fuzzy actor-name lookups where the extension is installed.
"""
from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from typing import Any

from ..errors import StoreError
from . import text_index
from .sql import ARTICLE_INSERT_COLUMNS, SQLStore

try:
    import psycopg
except ImportError:  # pragma: no cover
    psycopg = None

_PLACEHOLDER = re.compile(r"\?")


def _pg(sql: str) -> str:
    return _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))


class PostgresStore(SQLStore):
    dialect = "postgres"

    def __init__(self, url: str):
        if psycopg is None:
            raise StoreError("PostgreSQL support needs psycopg", hint="pip install 'psycopg[binary]'")
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise StoreError(f"cannot connect to PostgreSQL: {first}", hint="is the server running? check --db") from None
        self._depth = 0
        self.migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(_pg(sql), tuple(params))
        except psycopg.OperationalError as err:
            raise StoreError(f"the store failed: {err}", hint="is the server still running?") from err

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(_pg(sql), rows)

    def _outermost_transaction(self) -> contextlib.AbstractContextManager:
        return self.conn.transaction()

    def _migration_lock(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(7270617)")  # one migrator at a time

    def _run_optional(self, sql: str) -> bool:
        try:
            with self.conn.transaction():  # a savepoint inside the migration
                self.conn.execute(sql)
            return True
        except psycopg.Error:
            return False

    def _table_names(self) -> set[str]:
        rows = self.conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchall()
        return {r[0] for r in rows}

    def _insert_article(self, p, values: list[Any]) -> int | None:
        cols = ", ".join((*ARTICLE_INSERT_COLUMNS, "keys"))
        marks = ", ".join(["?"] * len(ARTICLE_INSERT_COLUMNS) + ["?::tsvector"])
        row = self._execute(
            f"INSERT INTO articles ({cols}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING RETURNING n",
            [*values, text_index.tsvector(p.title_keys, p.body_keys)],
        ).fetchone()
        return None if row is None else int(row[0])

    def _index_keys(self, n: int, p) -> None:
        if self._indexing:
            self._execute(
                "UPDATE articles SET keys = ?::tsvector WHERE n = ?", (text_index.tsvector(p.title_keys, p.body_keys), n)
            )

    _indexing = False  # keys are written with the row; only a reindex rewrites them

    def reindex(self, batch: int = 500) -> int:
        self._indexing = True
        try:
            return super().reindex(batch)
        finally:
            self._indexing = False

    def _clear_index(self) -> None:
        pass  # every row's keys are rewritten

    def _ranked_sql(self, query: text_index.Query, extra: str) -> tuple[str, list[Any]]:
        return (
            "SELECT coalesce(a.duplicate_of, a.id) AS head, ts_rank_cd(a.keys, CAST(? AS tsquery)) AS score, a.id,"
            f" a.n, a.source FROM articles a WHERE a.keys @@ CAST(? AS tsquery){extra} ORDER BY score DESC, a.n LIMIT ?",
            [text_index.tsquery(query)] * 2,
        )

    def _match(self, query: text_index.Query) -> tuple[str, str, list[Any]]:
        return "articles a", "a.keys @@ CAST(? AS tsquery)", [text_index.tsquery(query)]

    def generation(self) -> int:
        # Raised once per committed writing transaction of this database (migration 9), visible with its data.
        return int(self._one("SELECT n FROM store_generation"))

    def index_count(self) -> int:
        return int(self._one("SELECT count(*) FROM articles WHERE keys IS NOT NULL"))

    def size_bytes(self) -> int:
        return int(self._one("SELECT pg_database_size(current_database())"))

    def close(self) -> None:
        self.conn.close()
