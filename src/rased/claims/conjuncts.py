"""Coordinated arguments: each actor of «A و B و C» in an argument's place takes part in the relation.

The argument rules choose one actor for each role; in «دعت الولايات المتحدة وبريطانيا وفرنسا إلى وقف ...» or «لقي
القرار ترحيبا من السعودية وإسرائيل» the others stood beside it unrecorded, and an analyst asking what Britain called
for found nothing. After the stage, each argument a clause rule read (a verb's subject, or its object) followed by «و» (or «،») and another actor the registry links
gives one more relation of the same trigger, type, evidence and modality with that actor in its place, rule
``+conjunct``. The conjunct must end its phrase (punctuation, «و», a preposition or the clause's end after it:
«والجيش رد» opens a clause), be of the argument's kind (a person beside persons, a body beside bodies), and not be
the relation's other argument («بين مصر وإثيوبيا» already has both).
"""
from __future__ import annotations

import bisect
import dataclasses

from ..knowledge.cues import lexicon
from ..record import Entity, Mention, Relation
from .view import TokenView

_CLAUSE_RULES = {"vso": ("source", "target"), "svo": ("source", "target"), "topic-svo": ("source",),
                 "subject-only": ("source",), "support-verb": ("source",), "undergo": ("target",)}
_MAX_CONJUNCTS = 4  # «الولايات المتحدة وروسيا والصين وبريطانيا وفرنسا وألمانيا»: enough for a list of parties


def fan_out(view: TokenView, relations: list[Relation]) -> list[Relation]:
    out: list[Relation] = []
    seen = {(r.type, r.evidence_start, _span(r.source), _span(r.target)) for r in relations}
    for r in relations:
        out.append(r)
        for role in _roles(r):
            for m in _conjuncts(view, getattr(r, role)):
                other = r.target if role == "source" else r.source
                if other is not None and _overlap(m, other):
                    continue
                new = dataclasses.replace(r, **{role: m}, rule=f"{r.rule}+conjunct")
                key = (new.type, new.evidence_start, _span(new.source), _span(new.target))
                if key not in seen:
                    seen.add(key)
                    out.append(new)
    return out


def _roles(r: Relation) -> tuple[str, ...]:
    """The roles a clause rule read (``_CLAUSE_RULES``): a subject's co-subjects and, of a verb's object, its
    co-objects. An actor the trigger rules took nearest to a noun has no reliable coordination: a list after it
    («رغم معارضة بريطانيا وفرنسا») is as often another phrase's."""
    first = (r.rule or "").split("+")[0]
    return _CLAUSE_RULES.get(first, ())


def _conjuncts(view: TokenView, m: Mention | None) -> list[Mention]:
    """The linked actors coordinated after ``m``, of its kind."""
    if m is None or not m.actor_id:
        return []
    found: list[Mention] = []
    k = bisect.bisect_left(view.starts, m.end)
    while k < len(view.toks) and len(found) < _MAX_CONJUNCTS:
        e = _actor_after_and(view, k)
        if e is None or _kind(e.actor_id) != _kind(m.actor_id):
            break
        t1 = bisect.bisect_left(view.starts, e.end)
        if not _ends_phrase(view, t1):
            break
        found.append(Mention(e.start, e.end, e.text, e.actor_id))
        k = t1
    return found


def _actor_after_and(view: TokenView, k: int) -> Entity | None:
    """The linked entity that token ``k`` starts with a glued «و» («وبريطانيا»), or that follows a bare «و» or a
    comma with «و» after it («، وفرنسا»)."""
    if k < len(view.toks) and view.toks[k].text in "،,":
        k += 1
    if k >= len(view.toks):
        return None
    if view.keys[k] == "و":
        k += 1
        if k >= len(view.toks):
            return None
        e = view.entity[k]
        return e if _usable(e) and e.start == view.toks[k].start else None
    e = view.entity[k]
    tok = view.toks[k]
    glued = view.text[tok.start:tok.start + 1] == "و" and e is not None and e.start == tok.start + 1
    return e if glued and _usable(e) else None


def _usable(e: Entity | None) -> bool:
    return e is not None and bool(e.actor_id) and e.type != "NAT"


def _ends_phrase(view: TokenView, t1: int) -> bool:
    """After the conjunct: the end, punctuation, another «و» conjunct, a complementizer, a preposition (bare or
    glued), a definite noun or an actor (the object) — no verb of a new clause («والجيش رد»)."""
    if t1 >= len(view.toks) or not view.is_word(t1):
        return True
    key = view.keys[t1]
    words = lexicon().clause_words
    if key.startswith("ال") or _usable(view.entity[t1]):
        return True  # the verb's object comes next («ووقعت روسيا والصين الاتفاق»، «ودعت ... والبحرين قطر»)
    return key.startswith("و") or words.get(key) == "preposition" or key in lexicon().complementizers \
        or (key[:1] in ("ب", "ل") and len(key) > 3)  # «اتهمت فرنسا روسيا وإيران بدعم ...»: a glued preposition


def _kind(actor_id: str | None) -> str:
    """Persons beside persons, every other actor (states, bodies, groups) beside the others."""
    return "person" if (actor_id or "").startswith("per:") else "body"


def _span(m: Mention | None) -> tuple[int, int] | None:
    return (m.start, m.end) if m is not None else None


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end
