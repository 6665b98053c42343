"""Search over the store: a page of hits, ranked or by date, with the total and the facet counts, counted in SQL
(the sources of the ranked rows are counted as they are read). The total is the groups of the ranked rows when
they hold every match, else one count statement (or the ranked rows' own ``total`` column where the dialect
gives one).

Near-duplicates fold into groups: an article and those stored as its near-duplicates share the key
``coalesce(duplicate_of, id)``. The total and the facets count groups, a page lists groups, and each hit is
the group's article that matched (the best-scoring one, or the latest when sorted by date) with the group's
other articles listed under it, so that a folded copy never hides which article holds the words.

The dialect supplies only the full-text part (``_match``, ``_ranked_sql`` and ``_ranked_counted_sql`` in
``sqlite.py`` and ``postgres.py``), how a hit's fields are read from the record (``_hit_fields``) and how the facet
values are gathered (``_facet_values``); filters, counting, date order and facets are the SQL both share.
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from . import actor_views, text_index
from .model import Facet, Folded, Hit, Prepared, SearchPage

if TYPE_CHECKING:  # the store passes itself in; no import cycle at run time
    from .sql import SQLStore

SORTS = ("relevance", "date")
MAX_LIMIT = 1000
FACET_SIZE = 20  # values listed per facet
FACET_DEPTH = 500  # facets count the best this-many matches (all of them when there are no more)
FOLDED_SHOWN = 10  # near-duplicates listed under a hit (the count says how many there are)
GROUP = "coalesce(a.duplicate_of, a.id)"
_DAY = "coalesce(a.published_day, '')"


def _checked_day(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError(f"{what} date {value!r} is not a date", hint="write dates as YYYY-MM-DD", code="date") from None


def filters(
    *, actor: str | None = None, type: str | None = None, source: str | None = None,
    date_from: str | None = None, date_to: str | None = None,
) -> tuple[str, list[Any]]:
    """The filters as `` AND ...`` conditions on ``a`` (the article row) and their parameters."""
    d_from, d_to = _checked_day(date_from, "--from"), _checked_day(date_to, "--to")
    if d_from and d_to and d_from > d_to:
        raise InputError(f"--from {d_from} is after --to {d_to}", hint="swap the dates", code="date")
    where, params = [], []
    if source and source.strip():
        where.append("lower(a.source) = ?")  # outlets are written «CNN» or «cnn»: both are one outlet
        params.append(source.strip().lower())
    if d_from:
        where.append("a.published_day >= ?")
        params.append(d_from)
    if d_to:
        where.append("a.published_day <= ?")
        params.append(d_to)
    # Checked per match: one probe each of the (actor_id|type, article_n) indexes.
    if actor:
        where.append("EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = ? AND m.article_n = a.n)")
        params.append(actor)
    if type:
        where.append(
            "(EXISTS (SELECT 1 FROM mentions m WHERE m.type = ? AND m.article_n = a.n)"
            " OR EXISTS (SELECT 1 FROM relations r WHERE r.type = ? AND r.article_n = a.n))"
        )
        params += [type, type]
    return "".join(f" AND {w}" for w in where), params


def _check_page(sort: str, limit: int, offset: int) -> None:
    if sort not in SORTS:
        raise InputError(f"unknown sort {sort!r}", hint="sort by " + " or ".join(SORTS), code="query")
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT}", hint="e.g. --limit 20", code="query")
    if not isinstance(offset, int) or offset < 0:
        raise InputError("offset must be 0 or more", code="query")


def page(
    store: SQLStore, query: str, *, sort: str = "relevance", limit: int = 20, offset: int = 0,
    counts: bool = True, **filter_args: str | None,
) -> SearchPage:
    """One page of hits; with ``counts`` also the total and the facets (each one SQL statement)."""
    q = text_index.parse_query(query)
    _check_page(sort, limit, offset)
    extra, fparams = filters(**filter_args)
    store._check_keys()
    counted = store._ranked_counted_sql(q, extra) if counts else None  # rows that carry the total too
    ranked_sql, ranked_params = counted or store._ranked_sql(q, extra)
    ranked_params = [*ranked_params, *fparams]
    seen: list[tuple[int, list[tuple]]] = []  # (rows asked, rows read) of each ranked read: the facets' sample

    def ranked(k: int) -> list[tuple]:
        seen.append((k, store._all(ranked_sql, [*ranked_params, k])))
        return [row[:3] for row in seen[-1][1]]  # (head, score, id): the page's order

    if sort == "date":
        sql, params = _dated_sql(store, q, extra)
        top = _top_groups(lambda k: store._all(sql, [*params, *fparams, k]), offset + limit)
    else:
        top = _top_groups(ranked, offset + limit, first=FACET_DEPTH if counts else 0)
    hits = _hits(store, q, top[offset:])
    total, facets = 0, {}
    if counts:
        if not seen:  # date order: the facets still count the best matches
            ranked(FACET_DEPTH)
        asked, rows = seen[-1]
        if counted:
            total = int(rows[0][5]) if rows else 0
        elif len(rows) < asked:  # the ranked read holds every match: its groups are the total
            total = len({row[0] for row in rows})
        else:
            total = count(store, q, extra, fparams)
        facets = facet_counts(store, [(row[0], row[3], row[4]) for row in rows[:FACET_DEPTH]])
    return SearchPage(query, sort, total, offset, limit, tuple(hits), facets, FACET_DEPTH)


def _dated_sql(store: SQLStore, q: text_index.Query, extra: str) -> tuple[str, list[Any]]:
    frm, cond, params = store._match(q)
    return (
        f"SELECT {GROUP}, {_DAY}, a.n, a.id FROM {frm} WHERE {cond}{extra} ORDER BY {_DAY} DESC, a.n DESC LIMIT ?",
        params,
    )


def _top_groups(fetch: Callable[[int], list[tuple]], need: int, first: int = 0) -> list[tuple[str, tuple, str]]:
    """The ``need`` first ``(group, key, article id)`` triples. ``fetch(k)`` gives the first ``k`` matches in
    order (rows ``(group, *key, article id)``, the key descending); a group takes the key and article of its
    first match. Ties are broken by the group id.

    Only the first ``k`` matches are read (the index orders them); the answer is exact once at least ``need``
    groups have a key strictly above the ``k``-th match's, for every other group then has no more than that
    match. Otherwise ``k`` grows, up to every match. ``first``: read at least this many at once."""
    k = max(4 * need, need + 100, first)
    while True:
        rows = fetch(k)
        best: dict[str, tuple[tuple, str]] = {}
        for row in rows:
            if row[0] not in best:
                best[row[0]] = (tuple(row[1:-1]), row[-1])
        if len(rows) < k:
            ranked = list(best.items())
        else:
            edge = tuple(rows[-1][1:-1])
            ranked = [(g, v) for g, v in best.items() if v[0] > edge]
            if len(ranked) < need:
                k *= 8
                continue
        ranked.sort(key=lambda t: t[0])
        ranked.sort(key=lambda t: t[1][0], reverse=True)  # stable: equal keys stay in group order
        return [(g, key, aid) for g, (key, aid) in ranked[:need]]


# A group by its original's number: distinct integers, mostly arriving in ascending order, cost the database far less
# than distinct ids (the articles' hashes, in random order); only a near-duplicate looks its original up (originals
# are never deleted, so the lookup always finds it).
GROUP_N = "CASE WHEN a.duplicate_of IS NULL THEN a.n ELSE (SELECT h.n FROM articles h WHERE h.id = a.duplicate_of) END"


def count(store: SQLStore, q: text_index.Query, extra: str, fparams: list[Any]) -> int:
    frm, cond, params = store._match(q)
    return int(store._one(f"SELECT count(DISTINCT {GROUP_N}) FROM {frm} WHERE {cond}{extra}", [*params, *fparams]))


def add_facets(store: SQLStore, n: int, p: Prepared) -> None:
    """Write a new article's ``article_facets`` rows (inside the article's transaction)."""
    store._executemany("INSERT INTO article_facets (article_n, kind, value) VALUES (?, ?, ?)", [(n, *f) for f in p.facets()])


def facet_values(store: SQLStore, ns: list[int]) -> dict[str, Counter]:
    """How many of the articles ``ns`` have each type and each actor, from their ``article_facets`` rows."""
    out: dict[str, Counter] = {"type": Counter(), "actor": Counter()}
    rows = store._all(
        f"SELECT kind, value, count(*) FROM article_facets WHERE article_n IN ({', '.join('?' for _ in ns)})"
        " AND value <> '' GROUP BY kind, value",
        ns,
    )
    for kind, value, n in rows:
        out[kind][value] += int(n)
    return out


def facet_counts(store: SQLStore, matches: list[tuple[str, int, str | None]]) -> dict[str, tuple[Facet, ...]]:
    """Groups per source, per entity or relation type and per linked actor among ``matches`` (``(group, article n,
    source)`` of the best ``FACET_DEPTH`` matches, or of every match when there are no more), as the ranking read
    them: bounded cost however common the words.

    Sources are counted here; types and actors are read from one matching article per group (the first stored:
    its original when that matched, for near-duplicates share their entities) in ``article_facets``, a few rows
    per article, in one statement."""
    counts: dict[str, Counter] = {"source": Counter(), "type": Counter(), "actor": Counter()}
    first: dict[str, int] = {}
    for g, n, source in matches:
        first[g] = min(n, first.get(g, n))
    per_source = {(source, g) for g, _, source in matches if source}  # a group counts once per outlet
    counts["source"].update(source for source, _ in per_source)
    if first:
        for kind, values in store._facet_values(list(first.values())).items():
            counts[kind].update(values)
    top = {k: _most_frequent(c) for k, c in counts.items()}
    names = actor_views.names_of(store, [f.value for f in top["actor"]])
    top["actor"] = [Facet(f.value, f.count, names.get(f.value)) for f in top["actor"]]
    return {k: tuple(v) for k, v in top.items()}


def _most_frequent(counts: Counter) -> list[Facet]:
    """The ``FACET_SIZE`` most frequent values, ties in value order; only those as frequent as the last one are
    sorted (a common word's actors are a thousand values, nearly all counted once or twice)."""
    items = list(counts.items())
    if len(items) > FACET_SIZE:
        cut = heapq.nlargest(FACET_SIZE, counts.values())[-1]
        items = [vn for vn in items if vn[1] >= cut]
    return [Facet(v, n) for v, n in sorted(items, key=lambda vn: (-vn[1], vn[0]))[:FACET_SIZE]]


def _hits(store: SQLStore, q: text_index.Query, top: list[tuple[str, tuple, str]]) -> list[Hit]:
    if not top:
        return []
    records = store._hit_fields([aid for _, _, aid in top])
    groups = folded(store, [g for g, _, _ in top])
    hits = []
    for g, key, aid in top:
        text, title, source, url, published, story = records[aid]
        others, size = groups.get(g, ((), 1))
        hits.append(Hit(
            id=aid, title=title, source=source, url=url, published=published,
            score=float(key[0]) if isinstance(key[0], (int, float)) else 0.0,
            snippet=text_index.snippet(text, q),
            title_highlights=tuple(text_index.match_spans(title or "", q)),
            duplicates=size - 1, story_id=story, group=g,
            folded=tuple(f for f in others if f.id != aid)[:FOLDED_SHOWN],
        ))
    return hits


def folded(store: SQLStore, groups: list[str]) -> dict[str, tuple[tuple[Folded, ...], int]]:
    """Each group's first ``FOLDED_SHOWN + 1`` articles (its original first) and its size."""
    marks = ",".join("?" for _ in groups)
    rows = store._all(
        f"SELECT id, g, title, source, published_day, size FROM (SELECT a.id, {GROUP} AS g, a.title, a.source,"
        f" a.published_day, count(*) OVER (PARTITION BY {GROUP}) AS size,"
        f" row_number() OVER (PARTITION BY {GROUP} ORDER BY a.duplicate_of IS NOT NULL, a.n) AS k"
        f" FROM articles a WHERE a.id IN ({marks}) OR a.duplicate_of IN ({marks})) t"
        f" WHERE k <= {FOLDED_SHOWN + 1} ORDER BY g, k",
        [*groups, *groups],
    )
    out: dict[str, tuple[list[Folded], int]] = {}
    for aid, g, title, source, day, size in rows:
        out.setdefault(g, ([], int(size)))[0].append(Folded(aid, title, source, day, aid == g))
    return {g: (tuple(v), n) for g, (v, n) in out.items()}
