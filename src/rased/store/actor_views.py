"""What the store knows about actors: the aggregates written with each article (``m0003_actor_aggregates``)
and the reads of the actor list and the actor page.

Every read here is a handful of index probes bounded by ``limit``, never a scan of all an actor's mentions:
the most mentioned actors (a country, the main armed group) are the ones analysts open first.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from . import text_index
from .model import ActorSummary

if TYPE_CHECKING:  # the store passes itself in; no import cycle at run time
    from .sql import SQLStore

# One actor, one type: a nationality («الفرنسي», type NAT) names its country, so in an actor's counts it is a
# mention of the country, a place (the registry gives countries the type LOC).
AGGREGATE_TYPE = {"NAT": "LOC"}


def validate() -> list[str]:
    """Problems of ``AGGREGATE_TYPE`` (empty when sound): every target is a registry type, never mapped again."""
    from ..knowledge.registry import TYPES

    return [f"{k} → {v}: not a registry type, or mapped again" for k, v in AGGREGATE_TYPE.items()
            if v not in TYPES or v in AGGREGATE_TYPE]


def aggregate_type(mention_type: str) -> str:
    """The type a mention of this entity type counts as in an actor's aggregates."""
    return AGGREGATE_TYPE.get(mention_type, mention_type)


def _counted_as(wanted: str) -> list[str]:
    """The mention types that count as ``wanted`` (``LOC``: LOC and NAT)."""
    return [wanted, *(k for k, v in AGGREGATE_TYPE.items() if v == wanted and k != wanted)]


def add(store: SQLStore, n: int, mentions: list[tuple], day: str | None, source: str | None) -> None:
    """Count one new, non-duplicate article's mention rows into the aggregates (inside the article's
    transaction)."""
    per_actor: Counter = Counter()
    names: Counter = Counter()
    keys: dict[tuple, str] = {}
    refs: dict[str, tuple] = {}
    for _start, _end, text, key, typ, actor_id, name_ar, name_en, wikidata, _score in mentions:
        if actor_id is None:
            continue
        per_actor[actor_id] += 1
        names[(actor_id, text, typ)] += 1
        keys.setdefault((actor_id, text, typ), key)
        if actor_id not in refs or (not any(refs[actor_id]) and (name_ar or name_en or wikidata)):
            refs[actor_id] = (name_ar, name_en, wikidata)
    if not per_actor:
        return
    ids = sorted(per_actor)
    store._executemany(
        "INSERT INTO actor_articles (actor_id, article_n, day, source, mentions) VALUES (?, ?, ?, ?, ?)",
        [(aid, n, day or "", source or "", per_actor[aid]) for aid in ids],
    )
    store._executemany(
        "INSERT INTO actor_names (actor_id, text, type, key, mentions) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (actor_id, text, type) DO UPDATE SET mentions = actor_names.mentions + excluded.mentions",
        [(aid, text, typ, keys[(aid, text, typ)], c) for (aid, text, typ), c in sorted(names.items())],
    )
    store._executemany(
        "INSERT INTO actor_stats (actor_id, name_ar, name_en, wikidata, articles, mentions) VALUES (?, ?, ?, ?, 1, ?)"
        " ON CONFLICT (actor_id) DO UPDATE SET articles = actor_stats.articles + 1,"
        " mentions = actor_stats.mentions + excluded.mentions,"
        " name_ar = coalesce(actor_stats.name_ar, excluded.name_ar),"
        " name_en = coalesce(actor_stats.name_en, excluded.name_en),"
        " wikidata = coalesce(actor_stats.wikidata, excluded.wikidata)",
        [(aid, *refs[aid], per_actor[aid]) for aid in ids],
    )
    if len(ids) > 1:
        store._executemany(
            "INSERT INTO actor_pairs (actor_id, other_id, articles) VALUES (?, ?, 1)"
            " ON CONFLICT (actor_id, other_id) DO UPDATE SET articles = actor_pairs.articles + 1",
            [(a, b) for a in ids for b in ids if a != b],
        )


def remove(store: SQLStore, n: int) -> None:
    """Take stored article ``n``'s mention rows back out of the aggregates (before they are rewritten by a
    re-link); rows that fall to zero go."""
    rows = store._all("SELECT actor_id, text, type, count(*) FROM mentions WHERE article_n = ? AND actor_id IS NOT NULL"
                      " GROUP BY actor_id, text, type", (n,))
    per_actor: Counter = Counter()
    for actor_id, _text, _typ, c in rows:
        per_actor[actor_id] += c
    ids = sorted(per_actor)
    store._execute("DELETE FROM actor_articles WHERE article_n = ?", (n,))
    if not ids:
        return
    names = [(c, aid, text, typ) for aid, text, typ, c in rows]
    store._executemany("UPDATE actor_names SET mentions = mentions - ? WHERE actor_id = ? AND text = ? AND type = ?", names)
    store._executemany("DELETE FROM actor_names WHERE actor_id = ? AND text = ? AND type = ? AND mentions <= 0",
                       [row[1:] for row in names])
    store._executemany("UPDATE actor_stats SET articles = articles - 1, mentions = mentions - ? WHERE actor_id = ?",
                       [(per_actor[aid], aid) for aid in ids])
    store._executemany("DELETE FROM actor_stats WHERE actor_id = ? AND articles <= 0", [(aid,) for aid in ids])
    pairs = [(a, b) for a in ids for b in ids if a != b]
    store._executemany("UPDATE actor_pairs SET articles = articles - 1 WHERE actor_id = ? AND other_id = ?", pairs)
    store._executemany("DELETE FROM actor_pairs WHERE actor_id = ? AND other_id = ? AND articles <= 0", pairs)


def actors(store: SQLStore, *, type: str | None = None, name: str | None = None, limit: int = 100) -> list[ActorSummary]:
    """Linked actors by the number of (non-duplicate) articles that mention them."""
    where, params = "", []
    if type or name:
        # An actor qualifies when one of its written forms has the type / matches the name.
        cond, sub = [], []
        if type:
            types = _counted_as(type)
            cond.append(f"n.type IN ({', '.join('?' for _ in types)})")
            sub += types
        if name:
            k = text_index.keys_text(name) or name
            cond.append("(n.key LIKE ? OR n.text LIKE ? OR s.name_ar LIKE ? OR s.name_en LIKE ?)")
            sub += [f"%{k}%", f"%{name}%", f"%{name}%", f"%{name}%"]
        where = (
            " WHERE s.actor_id IN (SELECT n.actor_id FROM actor_names n JOIN actor_stats s ON s.actor_id = n.actor_id"
            f" WHERE {' AND '.join(cond)})"
        )
        params = sub
    rows = store._all(
        f"SELECT {_STATS} FROM actor_stats s{where} ORDER BY s.articles DESC, s.mentions DESC, s.actor_id LIMIT ?",
        [*params, limit],
    )
    return [_summary(store, row) for row in rows]


_STATS = "s.actor_id, s.name_ar, s.name_en, s.wikidata, s.articles, s.mentions"


def summary(store: SQLStore, actor_id: str) -> ActorSummary | None:
    """One actor's names and counts, or None when no stored (non-duplicate) article mentions it."""
    rows = store._all(f"SELECT {_STATS} FROM actor_stats s WHERE s.actor_id = ?", (actor_id,))
    return _summary(store, rows[0]) if rows else None


def _summary(store: SQLStore, stats: tuple) -> ActorSummary:
    """An actor's summary from its ``actor_stats`` row (``_STATS``), with its majority type and written form."""
    actor_id, ar, en, wd, articles, mentions = stats
    forms = store._all("SELECT text, type, mentions FROM actor_names WHERE actor_id = ?", (actor_id,))
    types, texts = Counter(), Counter()
    for text, typ, c in forms:
        types[aggregate_type(typ)] += c
        texts[text] += c
    return ActorSummary(
        actor_id=actor_id, name=ar or (texts.most_common(1)[0][0] if texts else actor_id), name_en=en, wikidata=wd,
        type=types.most_common(1)[0][0] if types else "", articles=int(articles), mentions=int(mentions),
    )


def actor(store: SQLStore, actor_id: str, *, limit: int = 20) -> dict[str, Any]:
    """Everything the store knows about one actor: names, timeline, sources, latest articles, co-actors,
    relations, quotes by it and quotes about it."""
    head = summary(store, actor_id)
    if head is None:
        raise InputError(f"no actor {actor_id!r} in the store", hint="`rased actors` lists the known actor ids", code="actor")
    first, last = store._all(
        "SELECT min(day), max(day) FROM actor_articles WHERE actor_id = ? AND day <> ''", (actor_id,)
    )[0]
    names = store._all(
        "SELECT text, sum(mentions) AS c FROM actor_names WHERE actor_id = ? GROUP BY text ORDER BY c DESC, text",
        (actor_id,),
    )
    timeline = store._all(
        "SELECT day, count(*) FROM actor_articles WHERE actor_id = ? AND day <> '' GROUP BY day ORDER BY day",
        (actor_id,),
    )
    sources = store._all(
        "SELECT source, count(*) AS c FROM actor_articles WHERE actor_id = ? GROUP BY source ORDER BY c DESC, source",
        (actor_id,),
    )
    articles = store._all(
        "SELECT a.id, a.title, a.source, a.published_day, x.mentions FROM actor_articles x"
        " JOIN articles a ON a.n = x.article_n WHERE x.actor_id = ?"
        " ORDER BY x.day DESC, x.article_n DESC LIMIT ?",
        (actor_id, limit),
    )
    co = store._all(
        "SELECT other_id, articles FROM actor_pairs WHERE actor_id = ? ORDER BY articles DESC, other_id LIMIT ?",
        (actor_id, limit),
    )
    # Relations and quotes are walked from the actor's latest articles (an index in date order), so that a
    # query stops after `limit` finds instead of sorting all of a frequent actor's rows. A relation's actors
    # and a quote's speaker are mentions of the article, so every one of them is reached this way.
    rels = store._all(
        "SELECT r.type, r.source_actor, r.source_text, r.target_actor, r.target_text, r.modality, r.evidence,"
        " a.id, a.published_day FROM actor_articles x JOIN relations r ON r.article_n = x.article_n"
        " JOIN articles a ON a.n = x.article_n"
        " WHERE x.actor_id = ? AND (r.source_actor = x.actor_id OR r.target_actor = x.actor_id)"
        " ORDER BY x.day DESC, x.article_n DESC, r.evidence_start LIMIT ?",
        (actor_id, limit),
    )
    quotes = store._all(
        "SELECT q.speaker_text, q.direct, q.content, a.id, a.published_day FROM actor_articles x"
        " JOIN quotes q ON q.article_n = x.article_n JOIN articles a ON a.n = x.article_n"
        " WHERE x.actor_id = ? AND q.speaker_actor = x.actor_id"
        " ORDER BY x.day DESC, x.article_n DESC, q.content_start LIMIT ?",
        (actor_id, limit),
    )
    # Quotes about the actor: said by someone else, with a mention of the actor inside the quoted words.
    about = store._all(
        "SELECT q.speaker_text, q.direct, q.content, a.id, a.published_day FROM actor_articles x"
        " JOIN quotes q ON q.article_n = x.article_n JOIN articles a ON a.n = x.article_n"
        " WHERE x.actor_id = ? AND (q.speaker_actor IS NULL OR q.speaker_actor <> ?)"
        " AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_n = q.article_n AND m.actor_id = ?"
        " AND m.span_start >= q.content_start AND m.span_end <= q.content_end)"
        " ORDER BY x.day DESC, x.article_n DESC, q.content_start LIMIT ?",
        (actor_id, actor_id, actor_id, limit),
    )
    relations = [
        {"type": t, "source": sa or st, "target": ta or tt, "modality": mo, "evidence": ev, "article": ai, "day": d}
        for t, sa, st, ta, tt, mo, ev, ai, d in rels
    ]
    named = names_of(store, [i for i, _ in co] + [r[s] for r in relations for s in ("source", "target") if r[s]])
    for r in relations:
        r["source_name"], r["target_name"] = (named.get(r[s], r[s]) for s in ("source", "target"))
    return {
        **head.to_dict(),
        "first_seen": first,
        "last_seen": last,
        "names": [{"text": t, "count": int(c)} for t, c in names],
        "timeline": [{"day": d, "articles": int(c)} for d, c in timeline],
        "sources": [{"source": s, "articles": int(c)} for s, c in sources],
        "recent_articles": [
            {"id": i, "title": t, "source": s, "day": d, "mentions": int(c)} for i, t, s, d, c in articles
        ],
        "co_actors": [{"actor_id": i, "name": named.get(i, i), "articles": int(c)} for i, c in co],
        "relations": relations,
        "quotes": _quotes(quotes),
        "quotes_about": _quotes(about),
    }


def names_of(store: SQLStore, ids: list[str]) -> dict[str, str]:
    """The Arabic name (else English, else the id) of each stored actor among ``ids``."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    rows = store._all(
        f"SELECT actor_id, coalesce(name_ar, name_en, actor_id) FROM actor_stats WHERE actor_id IN ({', '.join('?' for _ in ids)})",
        ids,
    )
    return dict(rows)


def named(store: SQLStore, name: str) -> list[str]:
    """Ids of the stored actors one of whose written forms, or registry names, is ``name`` (Arabic-aware: the
    same search keys, «الرئيس أوباما» and «أوباما» differ but «لداعش» and «داعش» do not), most articles first."""
    k = text_index.keys_text(name)
    rows = store._all(
        "SELECT s.actor_id FROM actor_stats s WHERE s.actor_id IN"
        " (SELECT n.actor_id FROM actor_names n WHERE n.key = ? OR lower(n.text) = lower(?))"
        " OR lower(s.name_ar) = lower(?) OR lower(s.name_en) = lower(?)"
        " ORDER BY s.articles DESC, s.mentions DESC, s.actor_id",
        (k, name, name, name),
    )
    return [r[0] for r in rows]


def _quotes(rows: list[tuple]) -> list[dict[str, Any]]:
    """Quote rows (speaker, direct, content, article id, day) as the actor view gives them."""
    return [{"speaker": s, "direct": bool(di), "content": c, "article": ai, "day": d} for s, di, c, ai, d in rows]
