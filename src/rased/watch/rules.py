"""Watchlist rules as data: what an analyst wants to hear about, checked on every new article.

| kind | fires on | evidence |
|---|---|---|
| ``actor`` | a mention of the actor | each mention |
| ``relation`` | a relation of ``relation`` type, with the ``source`` / ``target`` actors and ``modality`` if given | the relation's evidence |
| ``quote`` | a quote by the actor (``role = "by"``), about it (a mention inside the quote: ``"about"``) or either | the quote |
| ``keyword`` | every word and "phrase" of the keyword, matched on the store's search keys (any clitic form, alef and ya forms, light stems) | each matching word |
| ``spike`` | the actor named in more articles on the article's day than ``factor`` times its mean of the ``days`` before (and at least ``min_count``) | the mentions in the article that crossed the line |

A rule's ``id`` is given or derived from what it asks; ``validate()`` lists its problems; ``match`` gives the
evidence spans of one article (the spike is counted by ``alerts``, which needs the store).
"""
from __future__ import annotations

import json
import re
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from ..errors import InputError
from ..record import Article
from ..store import text_index
from ..web.labels import MODALITIES, RELATION_TYPES

KINDS = ("actor", "relation", "quote", "keyword", "spike")
ROLES = ("by", "about", "any")
RELATIONS = tuple(t for t in RELATION_TYPES if t != "co")
_ID = re.compile(r"^[\w:.\-→*«» ]{1,120}$")
MAX_EVIDENCE = 10  # spans kept per alert


@dataclass(slots=True, frozen=True)
class Rule:
    kind: str
    id: str = ""
    actor: str | None = None  # actor, quote, spike
    relation: str | None = None  # relation: the type
    source: str | None = None  # relation: the doer's actor id
    target: str | None = None  # relation: the target's actor id
    modality: str | None = None  # relation: asserted, reported, hedged, negated, possible
    role: str = "by"  # quote
    keyword: str | None = None  # keyword: words and "phrases" as in search
    days: int = 7  # spike: the trailing baseline, in days
    factor: float = 3.0  # spike
    min_count: int = 3  # spike: articles on the day, at least

    def validate(self) -> list[str]:
        problems = []
        if self.kind not in KINDS:
            return [f"kind {self.kind!r} is not one of {', '.join(KINDS)}"]
        if self.kind in ("actor", "quote", "spike") and not self.actor:
            problems.append(f"a {self.kind} rule needs an actor")
        if self.kind == "relation":
            if self.relation not in RELATIONS:
                problems.append(f"relation {self.relation!r} is not one of {', '.join(RELATIONS)}")
            if self.modality is not None and self.modality not in MODALITIES:
                problems.append(f"modality {self.modality!r} is not one of {', '.join(MODALITIES)}")
        if self.kind == "quote" and self.role not in ROLES:
            problems.append(f"role {self.role!r} is not one of {', '.join(ROLES)}")
        if self.kind == "keyword":
            try:
                text_index.parse_query(self.keyword or "")
            except InputError as err:
                problems.append(f"keyword: {err.message}")
        if self.kind == "spike" and not (self.days >= 1 and self.factor > 0 and self.min_count >= 1):
            problems.append("a spike needs days ≥ 1, factor > 0 and min_count ≥ 1")
        if self.id and not _ID.match(self.id):
            problems.append(f"id {self.id!r}: letters, digits, spaces and : . - only (at most 120)")
        return problems

    def with_id(self) -> Rule:
        return self if self.id else replace(self, id=derived_id(self))

    def to_dict(self) -> dict:
        keep = {"kind", "id"} | set(_FIELDS[self.kind])
        return {k: v for k, v in asdict(self).items() if k in keep and v is not None}

    def spec(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)


_FIELDS = {
    "actor": ("actor",),
    "relation": ("relation", "source", "target", "modality"),
    "quote": ("actor", "role"),
    "keyword": ("keyword",),
    "spike": ("actor", "days", "factor", "min_count"),
}


def derived_id(rule: Rule) -> str:
    return re.sub(r"[^\w:.\-→*«» ]", "", _described(rule))[:120]


def _described(rule: Rule) -> str:
    if rule.kind == "relation":
        mod = f" {rule.modality}" if rule.modality else ""
        return f"relation:{rule.relation} {rule.source or '*'}→{rule.target or '*'}{mod}"
    if rule.kind == "keyword":
        return f"keyword:«{' '.join((rule.keyword or '').split())[:80]}»"
    if rule.kind == "quote":
        return f"quote:{rule.role}:{rule.actor}"
    return f"{rule.kind}:{rule.actor}"


def from_dict(raw: dict, where: str = "rule") -> Rule:
    names = {f.name for f in fields(Rule)}
    unknown = sorted(set(raw) - names)
    if unknown:
        raise InputError(f"{where}: unknown field {unknown[0]!r}", hint="fields: " + ", ".join(sorted(names)))
    try:
        rule = Rule(**raw)
    except TypeError as err:
        raise InputError(f"{where}: {err}") from None
    problems = rule.validate()
    if problems:
        raise InputError(f"{where}: {problems[0]}")
    return rule


def load(path: str | Path) -> list[Rule]:
    """Rules of a TOML file of ``[[rules]]`` tables (fields as ``Rule``); refused as a whole when one is bad."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"no such rules file: {p}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise InputError(f"{p}: not a readable TOML file: {err}") from None
    raw = data.get("rules")
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw) or not raw:
        raise InputError(f"{p}: no [[rules]] tables", hint='e.g. [[rules]] kind = "actor" actor = "grp:isis"')
    return [from_dict(r, f"{p}: rule {i}") for i, r in enumerate(raw, 1)]


# ------------------------------------------------------------------------------------------------ matching

def _mentions(article: Article, actor_id: str) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in article.entities or () if e.actor_id == actor_id]


def _relation(rule: Rule, article: Article) -> list[tuple[int, int]]:
    out = []
    for r in article.relations or ():
        if r.type != rule.relation or (rule.modality and r.modality != rule.modality):
            continue
        if rule.source and (r.source is None or r.source.actor_id != rule.source):
            continue
        if rule.target and (r.target is None or r.target.actor_id != rule.target):
            continue
        out.append((r.evidence_start, r.evidence_end))
    return out


def _quote(rule: Rule, article: Article) -> list[tuple[int, int]]:
    mentions = _mentions(article, rule.actor or "")
    out = []
    for q in article.quotes or ():
        by = q.speaker is not None and q.speaker.actor_id == rule.actor
        about = any(q.content_start <= s and e <= q.content_end for s, e in mentions)
        if (rule.role == "by" and by) or (rule.role == "about" and about) or (rule.role == "any" and (by or about)):
            start, end = min(q.cue_start, q.content_start), max(q.cue_end, q.content_end)
            out.append((start, end))
    return out


def _keyword(rule: Rule, article: Article) -> list[tuple[int, int]]:
    query = text_index.parse_query(rule.keyword or "")
    text = article.text
    if query.excludes and text_index.match_spans(text, text_index.Query(query.text, query.excludes)):
        return []
    spans: list[tuple[int, int]] = []
    for clause in query.clauses:  # every word and phrase must be there
        found = text_index.match_spans(text, text_index.Query(query.text, (clause,)))
        if not found:
            return []
        spans += found
    return sorted(set(spans))


def match(rule: Rule, article: Article) -> list[tuple[int, int]]:
    """Evidence spans into ``article.text`` when the rule fires on the article (empty when it does not); a
    spike rule gives the actor's mentions (whether the day is a spike is for ``alerts`` to count)."""
    if rule.kind == "relation":
        spans = _relation(rule, article)
    elif rule.kind == "quote":
        spans = _quote(rule, article)
    elif rule.kind == "keyword":
        spans = _keyword(rule, article)
    else:
        spans = _mentions(article, rule.actor or "")
    return sorted(set(s for s in spans if 0 <= s[0] < s[1] <= len(article.text)))[:MAX_EVIDENCE]


# ------------------------------------------------------------------------------------------------ actors

def resolve_actor(name: str, registry, store=None) -> str:
    """The actor id ``name`` is or names (any of its Arabic or English names, Arabic-aware), in the registry
    (shipped and the store's own actors) or among the stored actors; ``InputError`` when none or unclear."""
    name = name.strip()
    if name in registry:
        return name
    ids = list(dict.fromkeys(a.id for a in (*registry.lookup(name), *registry.lookup_en(name))))
    if not ids and store is not None:
        ids = store.actors_named(name)
    if not ids:
        raise InputError(f"no actor with the id or name {name!r}", code="actor",
                         hint="give an id such as grp:isis (`rased actors --name WORD` lists stored actors)")
    if len(ids) > 1:
        raise InputError(f"the name {name!r} is several actors: {', '.join(ids[:5])}", code="actor",
                         hint="give one of the ids")
    return ids[0]


def resolved(rule: Rule, registry, store=None) -> Rule:
    """The rule with its actor names turned into ids (an id stays as it is)."""
    changes = {}
    for name in ("actor", "source", "target"):
        value = getattr(rule, name)
        if value:
            changes[name] = resolve_actor(value, registry, store)
    return replace(rule, **changes)
