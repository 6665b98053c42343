"""The store's share of the analyst's actors (``m0005_user_actors``): the user registry's rows and the NER spans
kept with each article for re-linking. The store passes itself in; the statements run in its transaction."""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import InputError
from ..knowledge.registry import Actor
from ..knowledge.user_actors import common_word, to_record

if TYPE_CHECKING:
    from .sql import SQLStore


def actors(store: SQLStore) -> tuple[Actor, ...]:
    return tuple(Actor.from_dict(json.loads(r)) for (r,) in store._all("SELECT record FROM user_actors ORDER BY id"))


def put(store: SQLStore, new: Sequence[Actor], *, replace: bool, now: str) -> tuple[int, int]:
    ids = [a.id for a in new]
    have = {i for (i,) in store._all("SELECT id FROM user_actors")} & set(ids)
    if have and not replace:
        first = sorted(have)[0]
        raise InputError(f"actor {first} is already in this store's registry ({len(have)} of the {len(ids)} are)",
                         hint="pass --replace to replace them, or `rased actors add ID --alias-ar ...` to add names")
    store._executemany("DELETE FROM user_actors WHERE id = ?", [(i,) for i in sorted(have)])
    store._executemany(
        "INSERT INTO user_actors (id, record, added_at) VALUES (?, ?, ?)",
        [(a.id, json.dumps(to_record(a), ensure_ascii=False, sort_keys=True), now) for a in new],
    )
    return len(ids) - len(have), len(have)


def ner(store: SQLStore, n: int) -> list[tuple[int, int, str, float]] | None:
    spans = store._one("SELECT spans FROM ner_spans WHERE article_n = ?", (n,))
    return None if spans is None else [tuple(s) for s in json.loads(spans)]


def put_ner(store: SQLStore, n: int, spans) -> None:
    store._execute(
        "INSERT INTO ner_spans (article_n, spans) VALUES (?, ?) ON CONFLICT (article_n) DO UPDATE SET spans = excluded.spans",
        (n, json.dumps([list(s) for s in spans], ensure_ascii=False, separators=(",", ":"))),
    )


CONTEXT_CHARS = 50  # characters of text shown on each side of a candidate's mention


def candidates(store: SQLStore, *, limit: int = 30, contexts: int = 2, type: str | None = None) -> list[dict]:
    """The unlinked names of the stored corpus (non-duplicate articles), by the number of articles that name
    them: each with its commonest written form, the types NER gave it and a few contexts. Nationality
    adjectives (``NAT``) are left out: they are linked or they are not names; MISC names unless ``type`` asks; so are common words NER took for
    names (currencies, «الله», «النصر»: ``user_actors.common_word``), which an analyst would not add."""
    from ..knowledge.registry import Registry

    shipped = Registry.load()
    # MISC names are events, currencies, works and creeds («الحرب العالمية الثانية», «جنيه إسترليني»), seldom
    # actors: they are listed only when asked for by type
    cond, params = " AND m.type <> 'MISC'", []
    if type:
        cond, params = " AND m.type = ?", [type]
    rows = store._all(
        "SELECT m.key, count(DISTINCT m.article_n) AS arts, count(*) AS c FROM mentions m"
        " JOIN articles a ON a.n = m.article_n WHERE m.actor_id IS NULL AND a.duplicate_of IS NULL"
        f" AND m.type <> 'NAT' AND length(m.key) >= 2{cond} GROUP BY m.key ORDER BY arts DESC, c DESC, m.key LIMIT ?",
        [*params, limit * 3 + 20],
    )
    out = []
    for key, arts, c in rows:
        found = _candidate(store, key, int(arts), int(c), contexts, cond, params)
        if not common_word(found["name"], shipped):
            out.append(found)
        if len(out) == limit:
            break
    return out


def _candidate(store: SQLStore, key: str, articles: int, mentions: int, contexts: int, cond: str, params) -> dict:
    forms = store._all(
        f"SELECT m.text, m.type, count(*) FROM mentions m WHERE m.key = ? AND m.actor_id IS NULL{cond}"
        " GROUP BY m.text, m.type", [key, *params])
    texts: dict[str, int] = {}
    types: dict[str, int] = {}
    for text, typ, c in forms:
        texts[text] = texts.get(text, 0) + int(c)
        types[typ] = types.get(typ, 0) + int(c)
    spots = store._all(
        "SELECT a.id, a.record, m.span_start, m.span_end FROM mentions m JOIN articles a ON a.n = m.article_n"
        f" WHERE m.key = ? AND m.actor_id IS NULL AND a.duplicate_of IS NULL{cond}"
        " ORDER BY m.article_n, m.span_start LIMIT ?", [key, *params, contexts])
    shown = []
    for aid, record, start, end in spots:
        text = json.loads(record)["text"]
        lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
        shown.append({"article": aid, "start": start, "end": end,
                      "context": " ".join(text[lo:hi].split()), "name": text[start:end]})
    return {"key": key, "name": max(texts, key=lambda t: (texts[t], t)), "type": max(types, key=lambda t: (types[t], t)),
            "types": dict(sorted(types.items(), key=lambda kv: -kv[1])), "articles": articles, "mentions": mentions,
            "contexts": shown}
