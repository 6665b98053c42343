"""The attack that caused a death: «قتل 43 مدنيا بقصف للقوات التركية»، «لقي القيادي الحوثي ... مصرعه بغارة جوية
لمقاتلات التحالف»، «قتل 26 من ميليشيات الحوثي في غارات شنتها مقاتلات التحالف».

An attack noun (an ASSAULT trigger noun that takes its doer after it) reached from a death in its sentence through a
link (the glued «ب», or a `link` word of ``instruments.tsv``: «في»، «جراء»، «إثر») is how those people died. Read
alone, the trigger rules take the dead before it as the attack's doer and an actor glued to «ل» after it as its
target; both are the other way round. Here the attack's doer is what follows it (its genitive, «شنتها X», or the
actor glued to «ل» after its adjectives: «لمقاتلات التحالف»), the dead are its target, and the killing's relation
gets that doer. When both records then say the same, the attack's is dropped: one event, one relation
(rule ``…+instrument``).
"""
from __future__ import annotations

import bisect
import dataclasses

from ..knowledge.cues import lexicon, reporting_verb
from ..record import Relation
from . import clauses
from .view import TokenView

_REACH = 12  # tokens between the death and its attack noun
_ENDS = ("preposition", "boundary", "relative", "negation")  # clause words that end the attack noun's phrase


def _attack_noun(view: TokenView, k: int) -> bool:
    """An ASSAULT noun that takes its doer after it, reached through a link («بغارة»، «في غارات»، «جراء القصف»)."""
    found, prefix = clauses.trigger_readings(view, k)
    if not any(t.type == "ASSAULT" and t.pos == "noun" and t.gen == "agent" for t in found):
        return False
    glued_b = prefix > 0 and "ب" in view.keys[k][:prefix]
    return glued_b or (k > 0 and lexicon().instruments.get(view.keys[k - 1]) == "link")


def _killing(view: TokenView, k: int) -> bool:
    found, _ = clauses.trigger_readings(view, k)
    return any(t.type == "ASSAULT" and t.gen in ("patient", "passive") for t in found)


def _death_before(view: TokenView, k: int, lo: int) -> int | None:
    """The token of the death the attack noun at ``k`` caused: a killing verb or noun, or «مصرعه»."""
    for j in range(k - 1, max(lo, k - _REACH) - 1, -1):
        if lexicon().instruments.get(view.keys[j]) == "death" or _killing(view, j):
            return j
    return None


def _died(view: TokenView, death: int, lo: int):
    """Who died, for «لقي X مصرعه»: the subject of the `meets` verb before the death word — the first person named
    after it («لقي القيادي الحوثي علي يحيى راشد المعافا، مشرف القوات الخاصة ...، مصرعه»: not the group of his
    title nor the unit of his apposition), else its first actor; None for other deaths."""
    if lexicon().instruments.get(view.keys[death]) != "death":
        return None
    meets = next((j for j in range(death - 1, lo - 1, -1) if lexicon().instruments.get(view.keys[j]) == "meets"), None)
    if meets is None:
        return None
    people = (n for n in range(meets + 1, death) if view.entity[n] is not None and view.entity[n].type == "PER")
    found = [clauses.actor_at(view, n, "died") for n in people] or [
        clauses.actor_at(view, n, "died") for n in range(meets + 1, death)]
    return next((a.mention() for a in found if a is not None), None)


def _doer_after(view: TokenView, k: int, hi: int):
    """The actor glued to «ل» after the attack noun and at most two of its adjectives («بغارة جوية لمقاتلات
    التحالف»، «بقصف للقوات التركية»), as a mention without its «ل»."""
    for n in range(k + 1, min(hi, k + 4)):
        if not view.is_word(n) or lexicon().clause_words.get(view.keys[n]) in _ENDS:
            return None
        if view.toks[n].text.startswith("ل"):
            a = clauses.actor_at(view, n, "instrument")
            e = view.entity[n]
            if a is None or e is not None and e.actor is not None and e.actor.kind == "place":
                return None  # «بانفجار شمال لندن»: a city glued to nothing is where it happened
            start = a.start + 1 if view.text[a.start] == "ل" else a.start
            return dataclasses.replace(a, start=start, text=view.text[start:a.end]).mention()
    return None


def _same(a, b) -> bool:
    return (a is None) == (b is None) and (a is None or a.start < b.end and b.start < a.end)


def _reported_between(view: TokenView, a, k: int) -> bool:
    """A reporting verb between mention ``a`` and token ``k``: «..., السعودية، وأشارت إلى مصرعه بغارة» — what
    stands before it is no one who died."""
    return any(reporting_verb(view.keys[n]) for n in range(bisect.bisect_left(view.starts, a.end), k))


def _co_doer(view: TokenView, doer, target) -> bool:
    """«بغارات جوية روسية وسورية»: a target right after the doer, joined by «و», acts beside it."""
    if doer is None or target is None or target.start <= doer.start:
        return False
    gap = view.text[doer.end:target.start].strip()
    return gap == "" and view.text[target.start:target.start + 1] == "و" or gap == "و"


def attach(view: TokenView, relations: list[Relation], token_of) -> list[Relation]:
    """The relations with each death joined to its attack; ``token_of`` gives a relation's trigger token."""
    out = list(relations)
    by_token = {token_of(r): n for n, r in enumerate(out) if r.type == "ASSAULT"}
    drop: set[int] = set()
    for k, n in sorted((k, n) for k, n in by_token.items() if k is not None):
        lo, hi = view.sentence_of(k)
        death = _death_before(view, k, lo) if _attack_noun(view, k) else None
        killed = out[by_token[death]] if death in by_token else None
        if death is None or killed is not None and killed.source is not None:
            continue  # «وقتل مسلحون ثلاثة جنود في هجوم»: the killers are named, and the attack is theirs
        r = out[n]
        before = r.source is not None and r.source.start < view.toks[k].start
        doer = r.source if r.source is not None and not before else _doer_after(view, k, hi)
        died = _died(view, death, lo)
        victim = died or (r.source if before and not _reported_between(view, r.source, death) else None)
        target = None if died or _same(r.target, doer) or _co_doer(view, doer, r.target) else r.target
        out[n] = r = dataclasses.replace(r, source=doer, target=target or victim,
                                         rule=f"{r.rule or 'triggers'}+instrument")
        if killed is None or doer is None:
            continue
        # «قتلوا بغارات جوية روسية»: a doer the trigger rules lent the killing as its target is no victim
        lent = killed.target is not None and doer.actor_id and killed.target.actor_id == doer.actor_id
        claimed = r.attributed_to is not None and _same(r.attributed_to, r.source)
        claim = (r.attributed_to, r.modality) if claimed or killed.attributed_to is None else (
            killed.attributed_to, killed.modality)  # «في هجوم أعلن تنظيم داعش مسؤوليته عنه»: the doer's word
        out[by_token[death]] = dataclasses.replace(killed, source=doer, target=victim if lent else killed.target,
                                                   attributed_to=claim[0], modality=claim[1],
                                                   rule=f"{killed.rule or 'triggers'}+instrument")
        if r.target is None or victim is not None or _same(killed.target, r.target):
            drop.add(n)  # one event, one relation: the killing's
    return [r for n, r in enumerate(out) if n not in drop]
