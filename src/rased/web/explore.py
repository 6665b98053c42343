"""What each page and API endpoint shows, gathered from the store: plain dicts, no HTML, no HTTP.

The JSON API returns these dicts as they are; the HTML pages render the same dicts (plus the ``Article``
record for the annotated text). Each request uses one connection of a small pool, never shared by two at once.
"""
from __future__ import annotations

import dataclasses
import queue
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import InputError, RasedError
from ..record import Article, to_dict
from ..settings import DEFAULT, InputSettings
from ..store import SQLStore
from ..store.model import SearchPage
from . import charts
from .labels import relation_label
from .markup import actor_url, article_url
from .search_cache import SearchCache

_ACTOR_ID = re.compile(r"^[a-z]{3}:\S+$")


class NotFound(RasedError):
    """The article, actor or page asked for is not in the store."""

    code = "not_found"


class ReadOnly(RasedError):
    """The explorer was started read-only and the request would write to the store."""

    code = "read_only"


def _registry():
    from ..knowledge import registry

    try:
        return registry.load()
    except RasedError:
        return None


def actor_names(actor_id: str) -> dict[str, Any]:
    """Names of an actor from the shipped registry (empty when unknown to it)."""
    reg = _registry()
    a = reg.get(actor_id) if reg is not None else None
    if a is None:
        return {}
    return {
        "name_ar": a.name_ar, "name_en": a.name_en, "kind": a.kind, "aliases_ar": list(a.aliases_ar),
        "aliases_en": list(a.aliases_en), "wikidata": a.wikidata, "country": a.country,
    }


def wikidata_url(qid: str | None) -> str | None:
    return f"https://www.wikidata.org/wiki/{qid}" if qid and re.fullmatch(r"Q\d+", qid) else None


def _blank(value: str | None) -> str | None:
    """Form fields arrive as empty strings; the store wants None for "no filter"."""
    if value is None:
        return None
    value = value.strip()
    return value or None


class Explorer:
    def __init__(self, store: SQLStore, *, more: Callable[[], SQLStore] | None = None, size: int = 1,
                 cache: SearchCache | None = None):
        """Over ``store``; with ``more`` (opens another connection to the same store), up to ``size`` requests
        read at once, each on its own connection (SQLite and PostgreSQL run their statements outside Python's
        lock, so one request's SQL overlaps another's page building). ``cache``: search pages kept until the
        store changes."""
        self._cache = cache
        self._free: queue.LifoQueue[SQLStore] = queue.LifoQueue()
        self._free.put(store)
        self._opened = [store]
        self._more = more
        self._size = max(1, size) if more is not None else 1
        self._opening = threading.Lock()

    @contextmanager
    def store(self) -> Iterator[SQLStore]:
        """A connection of the pool for the length of one request (never shared by two requests at once)."""
        s = self._take()
        try:
            yield s
        finally:
            self._free.put(s)

    def _take(self) -> SQLStore:
        try:
            return self._free.get_nowait()
        except queue.Empty:
            pass
        with self._opening:
            if len(self._opened) < self._size:
                s = self._more()
                self._opened.append(s)
                return s
        return self._free.get()

    def close(self) -> None:
        for s in self._opened:
            s.close()
        if self._cache is not None:
            self._cache.close()

    # ------------------------------------------------------------------------------------------ stats
    def stats(self) -> dict[str, Any]:
        with self.store() as s:
            return {**s.stats(), "dialect": s.dialect}

    # ------------------------------------------------------------------------------------------ search
    def search(
        self, q: str, *, source: str | None = None, actor: str | None = None, type: str | None = None,
        date_from: str | None = None, date_to: str | None = None, sort: str = "relevance", limit: int = 20,
        offset: int = 0,
    ) -> dict[str, Any]:
        """One page of hits with the total and the facets of every hit (counted by the store, in SQL)."""
        filters = {
            "source": _blank(source), "actor": _blank(actor), "type": _blank(type),
            "date_from": _blank(date_from), "date_to": _blank(date_to),
        }
        if not (q or "").strip():
            raise InputError("the query is empty", hint="type a word, e.g. الموصل", code="query")
        out = self._search_page(q, filters, _blank(sort) or "relevance", limit, offset).to_dict()
        for f in out["facets"]["actor"]:
            f["name"] = f["name"] or _label(f["value"])
        return {**out, "filters": {k: v for k, v in filters.items() if v}}

    def _search_page(self, q: str, filters: dict[str, str | None], sort: str, limit: int, offset: int) -> SearchPage:
        """The store's page of hits, from the cache while the store is unchanged since it was computed."""
        cache = self._cache
        key = (q, *filters.items(), sort, limit, offset)
        generation = cache.generation() if cache is not None else None
        found = cache.get(key, generation) if cache is not None else None
        if found is None:
            with self.store() as s:
                found = s.search_page(q, **filters, sort=sort, limit=limit, offset=offset)
            if cache is not None:
                cache.put(key, generation, found)
        return found

    def search_all(self, q: str, *, sort: str = "relevance", most: int = 10_000, **filters: str | None):
        """Every hit of a search (up to ``most``), page by page, for an export."""
        filters = {k: _blank(v) for k, v in filters.items()}
        done = 0
        while done < most:
            want = min(1000, most - done)
            with self.store() as s:
                hits = s.search(q, **filters, sort=_blank(sort) or "relevance", limit=want, offset=done)
            yield from hits
            done += len(hits)
            if len(hits) < want:
                return

    def home(self, *, latest: int = 10, stories: int = 5) -> dict[str, Any]:
        """What the home page shows: counts, the latest articles, the largest recent stories, the top actors."""
        with self.store() as s:
            found = s.stories(limit=stories)
            return {
                "stats": {**s.stats(), "dialect": s.dialect},
                "latest": [a.to_dict() for a in s.latest(limit=latest)],
                "stories": [st.to_dict() for st in found],
                "top_actors": [a.to_dict() for a in s.actors(limit=12)],
            }

    # ------------------------------------------------------------------------------------------ article
    def article(self, article_id: str) -> tuple[Article, dict[str, Any]]:
        with self.store() as s:
            a = s.get(article_id)
            if a is None:
                raise NotFound(f"no article {article_id!r} in the store", hint="search for it first")
            head = s.duplicate_of(article_id)
            duplicates = s.duplicates(article_id)
            versions = [v for v in s.versions(a.url) if v.id != a.id] if a.url else []
            found = s.story_of(head or article_id)
            story = found.to_dict() if found else None
            head_info = _brief(s.get(head)) if head else None
            dup_info = [b for b in (_brief(s.get(d)) for d in duplicates) if b]
        return a, {
            "duplicate_of": head_info,
            "duplicates": dup_info,
            "versions": [_brief(v) for v in versions],
            "story": story,
            "counts": _counts(a),
        }

    # ------------------------------------------------------------------------------------------ actors
    def actors(self, *, type: str | None = None, name: str | None = None, limit: int = 50) -> dict[str, Any]:
        with self.store() as s:
            found = s.actors(type=_blank(type), name=_blank(name), limit=limit)
        return {"actors": [a.to_dict() for a in found], "filters": {"type": _blank(type), "name": _blank(name)}}

    def actor(self, actor_id: str, *, limit: int = 20) -> dict[str, Any]:
        with self.store() as s:
            try:
                info = s.actor(actor_id, limit=limit)
            except InputError as err:
                if err.code == "actor":
                    raise NotFound(err.message, hint=err.hint) from None
                raise
        articles = info["recent_articles"]
        registry = actor_names(actor_id)
        names = {a["actor_id"]: _label(a["actor_id"]) for a in info["co_actors"]}
        for r in info["relations"]:
            for side in ("source", "target"):
                if r[side] and _ACTOR_ID.match(r[side]):
                    names.setdefault(r[side], _label(r[side]))
        relations = [
            {**r, "source_name": names.get(r["source"], r["source"]), "target_name": names.get(r["target"], r["target"])}
            for r in info["relations"]
        ]
        return {
            **info,
            "registry": registry,
            "aliases": sorted(set(registry.get("aliases_ar", [])) | set(registry.get("aliases_en", []))),
            "wikidata_url": wikidata_url(info.get("wikidata") or registry.get("wikidata")),
            "timeline": charts.buckets({t["day"]: t["articles"] for t in info["timeline"]}),
            "recent_articles": articles,
            "co_actors": [{**c, "name": names.get(c["actor_id"])} for c in info["co_actors"]],
            "relations": relations,
            "graph": _graph(actor_id, info["name"], info["co_actors"][:12], relations),
        }

    # ------------------------------------------------------------------------------------------ stories
    def stories(self, *, window_days: float = 2.0, min_sources: int = 2, limit: int = 20) -> dict[str, Any]:
        with self.store() as s:
            found = s.stories(window_days=window_days, min_sources=min_sources, limit=limit)
        return {"stories": [st.to_dict() for st in found], "window_days": window_days, "min_sources": min_sources}

    # ------------------------------------------------------------------------------------------ writing
    def user_actors(self) -> tuple:
        """The store's own actors: articles analysed here are linked with them too."""
        with self.store() as s:
            return s.user_actors()

    def add(self, article: Article) -> dict[str, Any]:
        with self.store() as s:
            result = s.add(article, locator=f"web:{article.id}")
        return {"id": article.id, "stored": result.stored, "existing": result.existing, "duplicates": result.duplicates}


# ---------------------------------------------------------------------------------------------- analyze

def analyze(data: str | bytes, *, max_bytes: int, url: str | None = None, source: str | None = None,
            actors: tuple = ()) -> Article:
    """Analyse one pasted text or uploaded file, without storing it (``rased.analyze`` refuses bad input);
    ``actors``: the store's own actors (``Explorer.user_actors``), linked beside the shipped registry."""
    from ..pipeline import analyze as run

    settings = dataclasses.replace(DEFAULT, input=InputSettings(max_bytes=max_bytes),
                                   entities=dataclasses.replace(DEFAULT.entities, actors=tuple(actors)))
    return run(data, url=_blank(url), source=_blank(source), settings=settings)


def may_analyze(state: Any) -> None:
    """Refuse analysis on an explorer started without it: each analysis costs seconds of CPU per request."""
    if not getattr(state, "allow_analyze", True):
        raise ReadOnly("this explorer does not analyse texts",
                       hint="start it with `rased serve --writable` or `--allow-analyze`")


def article_json(article: Article) -> dict[str, Any]:
    return to_dict(article)


# ---------------------------------------------------------------------------------------------- helpers

def _label(actor_id: str) -> str:
    names = actor_names(actor_id)
    return names.get("name_ar") or actor_id


def _brief(a: Article | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "id": a.id, "title": a.title, "source": a.source, "url": a.url,
        "published": a.published.value if a.published else None,
    }


def _counts(a: Article) -> dict[str, int | None]:
    def n(x):
        return None if x is None else len(x)

    return {"entities": n(a.entities), "quotes": n(a.quotes), "relations": n(a.relations),
            "sentences": len(a.sentences), "removed": len(a.removed), "problems": len(a.problems)}


def _graph(actor_id: str, name: str, co_actors: list[dict], relations: list[dict]) -> dict[str, Any]:
    """Nodes and edges for the relations graph: linked actors only (a relation with an unlinked side, «؟» or a
    common noun, stays in the relations list), relation counterparts first, then co-mentioned actors."""
    edges: Counter = Counter()
    others: list[str] = []
    for r in relations:
        s, t = r["source"], r["target"]
        other = t if s == actor_id else s if t == actor_id else None
        if other is None or other == actor_id or not _ACTOR_ID.match(other or ""):
            continue
        if other not in others:
            others.append(other)
        edges[(s, t, r["type"])] += 1
    for c in co_actors:
        if c["actor_id"] not in others:
            others.append(c["actor_id"])
        if not any(actor_id in (s, t) and c["actor_id"] in (s, t) for s, t, _ in edges):
            edges[(actor_id, c["actor_id"], "co")] += c["articles"]
    others = others[:12]
    nodes = [{"id": o, "label": _label(o), "url": actor_url(o)} for o in others]
    return {
        "center": {"id": actor_id, "label": name, "url": None},
        "nodes": nodes,
        "edges": [{"source": s, "target": t, "type": typ, "label": relation_label(typ), "count": c}
                  for (s, t, typ), c in edges.items() if s in others or t in others],
    }


def graph_svg(graph: dict[str, Any], title: str):
    center = charts.Node(**graph["center"])
    others = [charts.Node(**n) for n in graph["nodes"]]
    edges = [charts.Edge(e["source"], e["target"], "" if e["type"] == "co" else e["label"], e["type"], e["count"])
             for e in graph["edges"]]
    return charts.graph(center, others, edges, title=title)


__all__ = ["Explorer", "NotFound", "ReadOnly", "analyze", "may_analyze", "article_json", "article_url", "graph_svg"]
