"""What each page and API endpoint shows, gathered from the store: plain dicts, no HTML, no HTTP.

The JSON API returns these dicts as they are; the HTML pages render the same dicts (plus the ``Article``
record for the annotated text). One lock serialises the store's single connection between request threads.
"""
from __future__ import annotations

import dataclasses
import re
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import InputError, RasedError
from ..record import Article, to_dict
from ..settings import DEFAULT, InputSettings
from ..store import SQLStore
from . import charts
from .markup import actor_url, article_url

FACET_DEPTH = 50  # facets count the first this-many hits (the store ranks and cuts snippets; it does not count)
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
    def __init__(self, store: SQLStore):
        self._store = store
        self._lock = threading.RLock()

    @contextmanager
    def store(self) -> Iterator[SQLStore]:
        with self._lock:
            yield self._store

    def close(self) -> None:
        with self._lock:
            self._store.close()

    # ------------------------------------------------------------------------------------------ stats
    def stats(self) -> dict[str, Any]:
        with self.store() as s:
            return {**s.stats(), "dialect": s.dialect}

    # ------------------------------------------------------------------------------------------ search
    def search(
        self, q: str, *, source: str | None = None, actor: str | None = None, type: str | None = None,
        date_from: str | None = None, date_to: str | None = None, limit: int = 20, offset: int = 0,
    ) -> dict[str, Any]:
        filters = {
            "source": _blank(source), "actor": _blank(actor), "type": _blank(type),
            "date_from": _blank(date_from), "date_to": _blank(date_to),
        }
        if not (q or "").strip():
            raise InputError("the query is empty", hint="type a word, e.g. الموصل", code="query")
        with self.store() as s:
            top = s.search(q, **filters, limit=FACET_DEPTH, offset=0)
            if offset + limit <= FACET_DEPTH:
                page = top[offset : offset + limit]
                more = len(top) > offset + limit
            else:
                page = s.search(q, **filters, limit=limit + 1, offset=offset)
                more = len(page) > limit
                page = page[:limit]
            records = {h.id: s.get(h.id) for h in top}
        return {
            "query": q,
            "filters": {k: v for k, v in filters.items() if v},
            "limit": limit,
            "offset": offset,
            "more": more,
            "hits": [h.to_dict() for h in page],
            "facets": _facets(top, records),
            "facet_depth": FACET_DEPTH,
            "counted": len(top),
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


def _facets(hits, records: dict[str, Article | None]) -> dict[str, list[dict]]:
    sources, types, actors, names = Counter(), Counter(), Counter(), {}
    for h in hits:
        sources[h.source or ""] += 1
        a = records.get(h.id)
        if a is None:
            continue
        seen_types = {e.type for e in a.entities or ()} | {r.type for r in a.relations or ()}
        types.update(seen_types)
        seen_actors = set()
        for e in a.entities or ():
            if e.actor_id:
                seen_actors.add(e.actor_id)
                if e.actor is not None:
                    names.setdefault(e.actor_id, e.actor.name_ar)
        actors.update(seen_actors)
    return {
        "source": [{"value": k, "count": c} for k, c in sources.most_common(20) if k],
        "type": [{"value": k, "count": c} for k, c in types.most_common(20)],
        "actor": [{"value": k, "name": names.get(k) or _label(k), "count": c} for k, c in actors.most_common(20)],
    }


def _graph(actor_id: str, name: str, co_actors: list[dict], relations: list[dict]) -> dict[str, Any]:
    """Nodes and edges for the relations graph: relation counterparts first, then co-mentioned actors."""
    edges: Counter = Counter()
    others: list[str] = []
    for r in relations:
        s, t = r["source"] or "?", r["target"] or "?"
        if actor_id not in (s, t):
            continue
        other = t if s == actor_id else s
        if other != actor_id and other not in others:
            others.append(other)
        edges[(s, t, r["type"])] += 1
    for c in co_actors:
        if c["actor_id"] not in others:
            others.append(c["actor_id"])
        if not any(actor_id in (s, t) and c["actor_id"] in (s, t) for s, t, _ in edges):
            edges[(actor_id, c["actor_id"], "co")] += c["articles"]
    others = others[:12]
    labels = {}
    for r in relations:
        for side in ("source", "target"):
            labels.setdefault(r[side], r[f"{side}_name"])
    nodes = [{"id": o, "label": labels.get(o) or _label(o), "url": actor_url(o) if _ACTOR_ID.match(o) else None}
             for o in others]
    return {
        "center": {"id": actor_id, "label": name, "url": None},
        "nodes": nodes,
        "edges": [{"source": s, "target": t, "type": typ, "count": c} for (s, t, typ), c in edges.items()
                  if s in others or t in others],
    }


def graph_svg(graph: dict[str, Any], title: str):
    center = charts.Node(**graph["center"])
    others = [charts.Node(**n) for n in graph["nodes"]]
    edges = [charts.Edge(e["source"], e["target"], "" if e["type"] == "co" else e["type"], e["type"], e["count"])
             for e in graph["edges"]]
    return charts.graph(center, others, edges, title=title)


__all__ = ["Explorer", "NotFound", "ReadOnly", "analyze", "article_json", "article_url", "graph_svg"]
