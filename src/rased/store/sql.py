"""The store: the one place that speaks SQL (with its two dialects in ``sqlite.py`` and ``postgres.py``).

Statements are written once with ``?`` placeholders and the subset of SQL that SQLite (≥ 3.35) and
PostgreSQL share (``ON CONFLICT``, ``RETURNING``); a backend adapts the placeholders and supplies the
full-text parts. Every write of a batch runs in one transaction: an article, its search keys, its LSH
bands, its entity rows and the input it came from are committed together or not at all, so a store
killed at any moment is consistent and a re-run neither loses nor duplicates anything.
"""
from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from typing import Any

from ..errors import StoreError
from ..record import Article, from_dict
from . import actor_views, dedup, search, stories as story_clustering, text_index, user_registry
from .migrations import steps
from .model import (
    ActorSummary, Failed, FailureRow, Hit, PutResult, SearchPage, Story, StoryArticle, Stored, annotation_rows,
    facet_rows, prepare, record_json, text_column,
)

ARTICLE_INSERT_COLUMNS = (
    "id", "url", "source", "title", "published", "published_day", "ingested_at", "length", "story_terms",
    "record", "minhash",
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SQLStore:
    """Shared implementation; subclasses connect and provide the dialect hooks marked below."""

    dialect = "sql"
    url: str

    # --------------------------------------------------------------------------------- dialect hooks
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _outermost_transaction(self) -> contextlib.AbstractContextManager:
        """Begin, commit on success, roll back on error (the dialect's own statements)."""
        raise NotImplementedError

    _depth = 0

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction: nested uses join the outermost one, which alone commits or rolls back."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._outermost_transaction():
                yield
        finally:
            self._depth = 0

    def _migration_lock(self) -> None:
        """Called first inside the migration transaction (PostgreSQL takes an advisory lock)."""

    def _run_optional(self, sql: str) -> bool:
        raise NotImplementedError

    def _insert_article(self, p, values: list[Any]) -> int | None:
        """Insert one article row; its ``n``, or None when the id is already stored."""
        raise NotImplementedError

    def _index_keys(self, n: int, p) -> None:
        """Add the article's search keys to the full-text index."""
        raise NotImplementedError

    def _clear_index(self) -> None:
        raise NotImplementedError

    def _match(self, query: text_index.Query) -> tuple[str, str, list[Any]]:
        """``(FROM clause, condition, params)`` of the articles matching ``query``; the article row is ``a``."""
        raise NotImplementedError

    def _ranked_sql(self, query: text_index.Query, extra: str) -> tuple[str, list[Any]]:
        """SQL (and its params) of the articles matching ``query`` that pass ``extra`` (`` AND ...`` conditions
        on ``a``, the article row): rows ``(head, score, id, n, source)`` (so named), head = ``coalesce(a.duplicate_of,
        a.id)``, score higher = better, best first; its last parameter is the ``LIMIT`` (the caller adds the row count)."""
        raise NotImplementedError

    def _ranked_counted_sql(self, query: text_index.Query, extra: str) -> tuple[str, list[Any]] | None:
        """``_ranked_sql`` whose rows also carry, as a sixth column ``total``, the number of groups
        (``search.GROUP_N``) of every match that passes ``extra``; None where the dialect counts apart
        (``search.count``)."""
        return None

    def _hit_fields(self, ids: list[str]) -> dict[str, tuple]:
        """``{id: (text, title, source, url, published value, story id)}`` of the articles ``ids``: what a search hit
        shows, from the JSON record (parsed here; a dialect may have the database cut the fields out instead)."""
        marks = ",".join("?" for _ in ids)
        out = {}
        for aid, record, story in self._all(f"SELECT id, record, story_id FROM articles WHERE id IN ({marks})", ids):
            d = json.loads(record)
            published = d.get("published")
            out[aid] = (d["text"], d.get("title"), d.get("source"), d.get("url"),
                        published.get("value") if published else None, story)
        return out

    def _facet_values(self, ns: list[int]) -> dict[str, Counter]:
        """``{"type": Counter, "actor": Counter}``: how many of the articles ``ns`` have each value (the shared SQL
        groups in the database; a dialect may gather the values and count them here instead)."""
        return search.facet_values(self, ns)

    def _table_names(self) -> set[str]:
        raise NotImplementedError

    def size_bytes(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # --------------------------------------------------------------------------------- life cycle
    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._execute(sql, params).fetchone()
        return None if row is None else row[0]

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return [tuple(r) for r in self._execute(sql, params).fetchall()]

    def migrate(self) -> list[int]:
        """Apply the numbered migrations not yet applied; returns their numbers."""
        applied: list[int] = []
        if "schema_migrations" not in self._table_names():
            with self._transaction():
                self._migration_lock()
                self._execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    " applied_at TEXT NOT NULL)"
                )
        for version, module in steps():
            with self._transaction():
                self._migration_lock()
                if self._one("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)):
                    continue
                for stmt in getattr(module, "POSTGRES" if self.dialect == "postgres" else "SQLITE"):
                    if isinstance(stmt, tuple):
                        self._run_optional(stmt[1])
                    else:
                        self._execute(stmt)
                self._execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, module.NAME, _now()),
                )
                if version == 1:
                    self._set_meta("key_version", text_index.KEY_VERSION)
                applied.append(version)
        newest = max(v for v, _ in steps())
        have = self._one("SELECT max(version) FROM schema_migrations")
        if have is not None and have > newest:
            raise StoreError(
                f"the store's schema (version {have}) is newer than this rased (version {newest})",
                hint="upgrade rased",
            )
        return applied

    def schema_version(self) -> int:
        return int(self._one("SELECT max(version) FROM schema_migrations") or 0)

    def _set_meta(self, key: str, value: str) -> None:
        self._execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def meta(self, key: str) -> str | None:
        return self._one("SELECT value FROM meta WHERE key = ?", (key,))

    def _check_keys(self) -> None:
        if self.meta("key_version") != text_index.KEY_VERSION:
            raise StoreError(
                "the search index was built with other search keys (the stemmer changed)",
                hint="run `rased ingest --reindex` once",
            )

    # --------------------------------------------------------------------------------- writing
    def seen(self, locator: str, raw_hash: str) -> bool:
        """Whether this exact input (place and bytes) is already stored."""
        return self._one("SELECT 1 FROM inputs WHERE locator = ? AND raw_hash = ?", (locator, raw_hash)) is not None

    def put(self, items: Iterable[Stored | Failed]) -> PutResult:
        """Store a batch in one transaction: articles (idempotent by id) and failures."""
        self._check_keys()
        result = PutResult()
        now = _now()
        with self._transaction():
            for item in items:
                if isinstance(item, Failed):
                    self._execute(
                        "INSERT INTO failures (locator, raw_hash, code, reason, at) VALUES (?, ?, ?, ?, ?)"
                        " ON CONFLICT (locator, raw_hash) DO UPDATE SET code = excluded.code,"
                        " reason = excluded.reason, at = excluded.at",
                        (item.locator, item.raw_hash, item.code, text_column(item.reason), now),
                    )
                    result.failed += 1
                    continue
                self._put_article(item, now, result)
        return result

    def add(self, article: Article, *, locator: str | None = None) -> PutResult:
        """Store one article (its own transaction); the locator defaults to ``article:<id>``."""
        return self.put([Stored(article, locator or f"article:{article.id}", article.id)])

    def _put_article(self, item: Stored, now: str, result: PutResult) -> None:
        a = item.article
        if not a.id:
            raise StoreError("an article without an id cannot be stored", hint="analyze it first")
        p = prepare(a, item.precomputed)
        values = [
            a.id, text_column(a.url), text_column(a.source), text_column(a.title), p.published, p.day, now,
            len(a.text),
            p.story_terms, p.record, p.signature,
        ]
        n = self._insert_article(p, values)
        if n is None:
            result.existing += 1
        else:
            result.stored += 1
            result.ids.append(a.id)
            self._index_keys(n, p)
            head = None
            if p.bands:
                head, sim = self._near_duplicate(p)
                if head is not None:
                    self._execute("UPDATE articles SET duplicate_of = ?, similarity = ? WHERE n = ?", (head, sim, n))
                    result.duplicates += 1
                self._executemany(
                    "INSERT INTO lsh (band, bucket, article_n) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    [(b, k, n) for b, k in p.bands],
                )
            if p.mentions:
                self._insert_mentions(n, p.mentions)
            search.add_facets(self, n, p)
            if head is None:
                actor_views.add(self, n, p.mentions, p.day, text_column(a.source))
            self._insert_claims(n, p.quotes, p.relations)
            if a.ner:
                user_registry.put_ner(self, n, a.ner)
        self._execute(
            "INSERT INTO inputs (locator, raw_hash, article_id, at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (locator, raw_hash) DO NOTHING",
            (item.locator, item.raw_hash, a.id, now),
        )
        self._execute("DELETE FROM failures WHERE locator = ? AND raw_hash = ?", (item.locator, item.raw_hash))

    def _insert_mentions(self, n: int, mentions: list[tuple]) -> None:
        self._executemany(
            "INSERT INTO mentions (article_n, span_start, span_end, text, key, type, actor_id, actor_name,"
            " actor_name_en, wikidata, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, *m) for m in mentions],
        )

    def _insert_claims(self, n: int, quotes: list[tuple], relations: list[tuple]) -> None:
        if quotes:
            self._executemany(
                "INSERT INTO quotes (article_n, speaker_text, speaker_actor, direct, cue_start, cue_end,"
                " content_start, content_end, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(n, *q) for q in quotes],
            )
        if relations:
            self._executemany(
                "INSERT INTO relations (article_n, type, source_text, source_actor, target_text, target_actor,"
                " attributed_text, attributed_actor, modality, trigger, evidence_start, evidence_end, evidence,"
                " event_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(n, *r) for r in relations],
            )

    def replace_annotations(self, n: int, article: Article) -> None:
        """Rewrite stored article ``n``'s entities, quotes and relations with ``article``'s (a re-link): its
        record, its rows and its share of the actor aggregates, in the caller's transaction."""
        dup, source, day = self._all("SELECT duplicate_of, source, published_day FROM articles WHERE n = ?", (n,))[0]
        mentions, quotes, relations = annotation_rows(article)
        if dup is None:
            actor_views.remove(self, n)
        for table in ("mentions", "quotes", "relations", "article_facets"):
            self._execute(f"DELETE FROM {table} WHERE article_n = ?", (n,))
        if mentions:
            self._insert_mentions(n, mentions)
        self._executemany("INSERT INTO article_facets (article_n, kind, value) VALUES (?, ?, ?)",
                          [(n, *f) for f in facet_rows(mentions, relations)])
        if dup is None:
            actor_views.add(self, n, mentions, day, source)
        self._insert_claims(n, quotes, relations)
        self._execute("UPDATE articles SET record = ? WHERE n = ?", (record_json(article), n))

    def record_batches(self, batch: int = 500) -> Iterator[list[tuple[int, str]]]:
        """Every stored article as ``(n, record JSON)``, ``batch`` at a time in storage order."""
        last = 0
        while rows := self._all("SELECT n, record FROM articles WHERE n > ? ORDER BY n LIMIT ?", (last, batch)):
            yield rows
            last = rows[-1][0]

    def stored_record(self, article_id: str) -> tuple[int, str] | None:
        """``(n, record JSON)`` of one stored article, or None."""
        rows = self._all("SELECT n, record FROM articles WHERE id = ?", (article_id,))
        return (rows[0][0], rows[0][1]) if rows else None

    def transaction(self) -> contextlib.AbstractContextManager:
        """One transaction for several writes (``replace_annotations`` of a batch): all or nothing."""
        return self._transaction()

    # --------------------------------------------------------------------------------- the analyst's actors
    def user_actors(self) -> tuple:
        """The actors the analyst added to this store (``rased.knowledge.registry.Actor``), by id."""
        return user_registry.actors(self)

    def put_user_actors(self, actors, *, replace: bool = False) -> tuple[int, int]:
        """Add actors to the store's user registry in one transaction; ``(added, replaced)``. An id already
        there is an error unless ``replace``."""
        with self._transaction():
            return user_registry.put(self, actors, replace=replace, now=_now())

    def ner_spans(self, n: int) -> list[tuple[int, int, str, float]] | None:
        """The NER spans stored with article ``n``; None when it was stored without them."""
        return user_registry.ner(self, n)

    def unlinked_names(self, *, limit: int = 30, contexts: int = 2, type: str | None = None) -> list[dict]:
        """The most frequent unlinked names, with contexts (``user_registry.candidates``)."""
        return user_registry.candidates(self, limit=min(limit, search.MAX_LIMIT), contexts=contexts, type=type)

    def put_ner_spans(self, n: int, spans) -> None:
        user_registry.put_ner(self, n, spans)

    def _near_duplicate(self, p) -> tuple[str | None, float | None]:
        """The canonical article ``p`` nearly duplicates (the earliest stored match), if any."""
        where = " OR ".join("(l.band = ? AND l.bucket = ?)" for _ in p.bands)
        params = [v for pair in p.bands for v in pair]
        rows = self._all(
            "SELECT DISTINCT a.n, a.id, a.duplicate_of, a.minhash FROM lsh l JOIN articles a ON a.n = l.article_n"
            f" WHERE {where} ORDER BY a.n",
            params,
        )
        for _, aid, dup_of, sig in rows:
            sim = dedup.similarity(bytes(sig), p.signature)
            if sim >= dedup.THRESHOLD:
                return (dup_of or aid), sim
        return None, None

    def reindex(self, batch: int = 500) -> int:
        """Recompute every article's search keys (after a stemmer change); returns the count."""
        count = 0
        with self._transaction():
            self._clear_index()
            for n, record in self._iter_rows("n, record", batch):
                p = prepare(from_dict(json.loads(record)))
                self._index_keys(n, p)
                self._execute("UPDATE articles SET story_terms = ? WHERE n = ?", (p.story_terms, n))
                count += 1
            self._set_meta("key_version", text_index.KEY_VERSION)
            self._set_meta("stories_state", "")
        return count

    # --------------------------------------------------------------------------------- reading
    def _iter_rows(self, columns: str, batch: int = 500, where: str = "") -> Iterator[tuple]:
        last = 0
        while True:
            rows = self._all(
                f"SELECT {columns} FROM articles WHERE n > ? {where} ORDER BY n LIMIT ?", (last, batch)
            )
            if not rows:
                return
            yield from rows
            last = rows[-1][0]

    def get(self, article_id: str) -> Article | None:
        record = self._one("SELECT record FROM articles WHERE id = ?", (article_id,))
        return None if record is None else from_dict(json.loads(record))

    def articles(self, *, duplicates: bool = True, batch: int = 500) -> Iterator[tuple[Article, dict[str, Any]]]:
        """Every stored article in storage order, with its store fields (duplicate_of, story_id, ...)."""
        where = "" if duplicates else "AND duplicate_of IS NULL"
        for n, record, dup, sim, story, at in self._iter_rows(
            "n, record, duplicate_of, similarity, story_id, ingested_at", batch, where
        ):
            info = {"duplicate_of": dup, "similarity": sim, "story_id": story, "ingested_at": at}
            yield from_dict(json.loads(record)), info

    def versions(self, url: str) -> list[Article]:
        """Every stored text of one URL, oldest first."""
        return [from_dict(json.loads(r)) for (r,) in self._all("SELECT record FROM articles WHERE url = ? ORDER BY n", (url,))]

    def latest(self, *, limit: int = 10) -> list[StoryArticle]:
        """The latest dated articles (near-duplicates left out), newest first (the index on the day, backwards)."""
        rows = self._all(
            "SELECT id, source, title, published_day, url FROM articles WHERE published_day IS NOT NULL"
            " AND duplicate_of IS NULL ORDER BY published_day DESC, n DESC LIMIT ?",
            (limit,),
        )
        return [StoryArticle(*r) for r in rows]

    def duplicate_of(self, article_id: str) -> str | None:
        return self._one("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,))

    def duplicates(self, article_id: str) -> list[str]:
        """Ids of the articles stored as near-duplicates of this one."""
        return [r[0] for r in self._all("SELECT id FROM articles WHERE duplicate_of = ? ORDER BY n", (article_id,))]

    def failures(self) -> list[FailureRow]:
        return [FailureRow(*r) for r in self._all("SELECT locator, code, reason, at FROM failures ORDER BY locator")]

    def stats(self) -> dict[str, int]:
        return {
            "articles": int(self._one("SELECT count(*) FROM articles")),
            "duplicates": int(self._one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")),
            "failures": int(self._one("SELECT count(*) FROM failures")),
            "inputs": int(self._one("SELECT count(*) FROM inputs")),
            "mentions": int(self._one("SELECT count(*) FROM mentions")),
            "actors": int(self._one("SELECT count(DISTINCT actor_id) FROM mentions WHERE actor_id IS NOT NULL")),
            "stories": int(self._one("SELECT count(DISTINCT story_id) FROM articles WHERE story_id IS NOT NULL")),
        }

    def index_count(self) -> int:
        """Articles present in the full-text index (equals the article count in a consistent store)."""
        raise NotImplementedError

    def generation(self) -> Any:
        """A value that changes whenever another connection (of this process or another) commits a change to the
        store, read anew on each call: what a cache of search results over this store is valid for. The caller
        keeps this connection for reading it (its own writes are not seen)."""
        raise NotImplementedError

    # --------------------------------------------------------------------------------- search
    def search(self, query: str, *, limit: int = 20, offset: int = 0, sort: str = "relevance",
               **filters: str | None) -> list[Hit]:
        """Articles matching every word/phrase of ``query`` (and none of its ``-words``), best first or latest
        first (``sort="date"``); near-duplicates folded into one hit. Filters: ``actor``, ``type``, ``source``
        (any case), ``date_from``, ``date_to``."""
        return list(search.page(self, query, sort=sort, limit=limit, offset=offset, counts=False, **filters).hits)

    def search_page(self, query: str, *, limit: int = 20, offset: int = 0, sort: str = "relevance",
                    **filters: str | None) -> SearchPage:
        """``search`` with the total number of hits and the facet counts of all of them."""
        return search.page(self, query, sort=sort, limit=limit, offset=offset, **filters)

    # --------------------------------------------------------------------------------- actors
    def actors(self, *, type: str | None = None, name: str | None = None, limit: int = 100) -> list[ActorSummary]:
        """Linked actors by the number of (non-duplicate) articles that mention them."""
        return actor_views.actors(self, type=type, name=name, limit=limit)

    def actor_summary(self, actor_id: str) -> ActorSummary | None:
        """One actor's names and counts (None when no stored article mentions it)."""
        return actor_views.summary(self, actor_id)

    def actors_named(self, name: str) -> list[str]:
        """Ids of the stored actors written or named ``name`` (Arabic-aware), most articles first."""
        return actor_views.named(self, name)

    def actor(self, actor_id: str, *, limit: int = 20) -> dict[str, Any]:
        """Everything the store knows about one actor (see ``actor_views.actor``)."""
        return actor_views.actor(self, actor_id, limit=limit)

    # --------------------------------------------------------------------------------- stories
    def _stories_state(self, window_days: float) -> str:
        n, top = self._all("SELECT count(*), max(n) FROM articles")[0]
        return f"{n}:{top}:{window_days}:{text_index.KEY_VERSION}"

    def build_stories(self, *, window_days: float = 2.0) -> int:
        """Cluster articles of different outlets about one event (see ``stories.py``); returns the count."""
        rows = self._all(
            "SELECT n, id, coalesce(source, ''), published_day, story_terms FROM articles"
            " WHERE duplicate_of IS NULL AND published_day IS NOT NULL ORDER BY published_day, n"
        )
        docs = [story_clustering.Doc(n, aid, src, day, terms.split()) for n, aid, src, day, terms in rows]
        clusters = story_clustering.cluster(docs, window_days=window_days)
        with self._transaction():
            self._execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL")
            self._executemany(
                "UPDATE articles SET story_id = ? WHERE n = ?",
                [(sid, n) for sid, members in clusters.items() for n in members],
            )
            self._execute(
                "UPDATE articles SET story_id = (SELECT h.story_id FROM articles h WHERE h.id = articles.duplicate_of)"
                " WHERE duplicate_of IS NOT NULL"
            )
            self._set_meta("stories_state", self._stories_state(window_days))
        return len(clusters)

    def stories(
        self, *, window_days: float = 2.0, rebuild: bool = False, limit: int = 50, min_sources: int = 2
    ) -> list[Story]:
        """Stories (clusters of articles from ≥ ``min_sources`` outlets), largest and latest first."""
        if rebuild or self.meta("stories_state") != self._stories_state(window_days):
            self.build_stories(window_days=window_days)
        rows = self._all(
            "SELECT story_id, id, source, title, published_day, url FROM articles"
            " WHERE story_id IS NOT NULL AND duplicate_of IS NULL ORDER BY story_id, published_day, n"
        )
        groups: dict[str, list[StoryArticle]] = {}
        for sid, aid, src, title, day, url in rows:
            groups.setdefault(sid, []).append(StoryArticle(aid, src, title, day, url))
        out = [st for st in (_story(sid, arts, min_sources) for sid, arts in groups.items()) if st is not None]
        out.sort(key=lambda s: (len(s.sources), len(s.articles), s.last_day), reverse=True)
        return out[:limit]

    def story_of(self, article_id: str, *, window_days: float = 2.0, min_sources: int = 2) -> Story | None:
        """The story an article belongs to (a near-duplicate shares its original's), if it is in one."""
        if self.meta("stories_state") != self._stories_state(window_days):
            self.build_stories(window_days=window_days)
        sid = self._one("SELECT story_id FROM articles WHERE id = ?", (article_id,))
        if sid is None:
            return None
        rows = self._all(
            "SELECT id, source, title, published_day, url FROM articles"
            " WHERE story_id = ? AND duplicate_of IS NULL ORDER BY published_day, n",
            (sid,),
        )
        return _story(sid, [StoryArticle(*row) for row in rows], min_sources)


def _story(story_id: str, articles: list[StoryArticle], min_sources: int) -> Story | None:
    sources = tuple(sorted({a.source or "" for a in articles}))
    if len(sources) < min_sources:
        return None
    days = [a.day for a in articles if a.day]
    return Story(story_id, min(days), max(days), sources, tuple(articles))

