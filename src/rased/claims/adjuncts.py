"""Relations told by an adjunct phrase, with no verb of their own (``adjuncts.tsv``).

«الجيش الوطني والمقاومة الشعبية بدعم من قوات التحالف» — the coalition backs the army; «ميليشيا الحوثي المدعومة
من إيران» — Iran backs the Houthis; «القوات المسلحة بالتعاون مع الشرطة» — the army works with the police. The phrase
introduces one actor (after its preposition, or a nationality adjective right after its head: «بدعم روسي») and
qualifies another: the noun phrase right before it (``host`` noun: a participle, an apposition between commas) or
the doer of its clause, the nearest actor before it (``host`` clause). A coordinated host counts by its first
member («الجيش الوطني والمقاومة»). An actor governed by a preposition («في سجون ميليشيا الحوثي») is no host.

Each reading records the rule ``adjunct-noun`` or ``adjunct-clause``; in a sports or culture sentence a phrase
marked ``veto`` gives ``adjunct-none``: no relation («بطولة ... ينظمها الاتحاد ... بالتعاون مع لجنة ...»).
"""
from __future__ import annotations

from ..knowledge.cues import Adjunct, lexicon, sports_or_culture
from . import clauses
from .clauses import Arg
from .verb_frames import Reading
from .view import TokenView

_REACH = {"noun": 6}  # how many tokens back a participle's noun phrase may start
_PREP_GAP = 3  # words between the head and its preposition («بدعم جوي مباشر من»)


def at(view: TokenView, k: int) -> Adjunct | None:
    """The adjunct frame whose head is token ``k`` (a leading «و»/«ف» allowed)."""
    if not view.is_word(k):
        return None
    table = lexicon().adjuncts
    key = view.keys[k]
    return table.get(key) or (table.get(key[1:]) if key[:1] in ("و", "ف") else None)


def _introduced(view: TokenView, k: int, adj: Adjunct, hi: int) -> Arg | None:
    """The actor the phrase introduces: after its preposition, or right after the head."""
    if k + 1 >= hi:
        return None
    nxt = view.entity[k + 1]
    if adj.prep is None or (nxt is not None and nxt.type == "NAT"):
        return clauses.actor_at(view, k + 1, "adjunct")
    for m in range(k + 1, min(hi - 1, k + 2 + _PREP_GAP)):
        if view.keys[m] == adj.prep:
            return clauses.actor_at(view, m + 1, "prep:" + adj.prep)
        if not view.is_word(m):
            return None
    return None


def _host(view: TokenView, k: int, adj: Adjunct, lo: int) -> Arg | None:
    """The actor the phrase qualifies. A participle qualifies the noun phrase right before it (a comma between
    them allowed: «الحوثيين، المدعومين من إيران»), read back to the first member of its coordination. A clause
    adjunct qualifies the doer of its clause: the first actor of the clause before it (after a complementizer that
    opens it) that no preposition governs («... أطلقت القوات المشتركة عملية ... على الميليشيات ...، بدعم من
    التحالف»: the joint forces, not the militias they fight). A nationality adjective is no host («الاتحاد السعودي
    للرياضات البحرية بالتعاون مع ...»)."""
    if adj.host == "clause":
        return clause_doer(view, k, lo)
    floor = max(lo, k - _REACH[adj.host])
    adjacent = k - 1 if k - 1 >= lo and view.toks[k - 1].text in "،," else k
    for j in range(k - 1, floor - 1, -1):
        a = _candidate(view, j, k, lo)
        if a is None:
            continue
        if a.t1 != adjacent:
            return None  # «اليمن وقع تحت سيطرة مليشيات مدعومة من إيران»: the militias are backed, not Yemen
        while view.keys[a.t0][:1] == "و" and a.t0 > floor:
            first = clauses.actor_ending_at(view, a.t0, floor, "adjunct-host")
            if first is None:
                break
            a = first
        return a
    return None


def _candidate(view: TokenView, j: int, k: int, lo: int) -> Arg | None:
    a = clauses.actor_at(view, j, "adjunct-host")
    if a is None or a.t1 > k or clauses.preposition_before(view, j, lo) is not None or _nationality(view, j):
        return None
    return a


def clause_doer(view: TokenView, k: int, lo: int) -> Arg | None:
    """The first actor before token ``k`` in its sentence (from ``lo``, after the last complementizer) that no
    preposition governs: the doer of the clause ``k`` stands in."""
    complementizers = lexicon().complementizers
    start = max((j + 1 for j in range(lo, k) if complementizers.get(view.keys[j]) == "comp"), default=lo)
    for j in range(start, k):
        a = _candidate(view, j, k, lo)
        if a is not None:
            return a
    return None


def _nationality(view: TokenView, j: int) -> bool:
    e = view.entity[j]
    return e is not None and e.type == "NAT"


def read(view: TokenView, k: int) -> tuple[str, Reading] | None:
    """The relation type and reading of the adjunct phrase headed by token ``k``, or None."""
    adj = at(view, k)
    if adj is None:
        return None
    lo, hi = view.sentence_of(k)
    if adj.veto and sports_or_culture(view.keys[j] for j in range(lo, hi) if view.is_word(j)):
        return adj.type, Reading("adjunct-none", None, None, k, k + 1, False)  # no relation at all
    introduced = _introduced(view, k, adj, hi)
    if introduced is None:
        return None
    host = _host(view, k, adj, lo)
    if host is None or (host.actor_id is not None and host.actor_id == introduced.actor_id):
        return None
    source, target = (introduced, host) if adj.introduced == "source" else (host, introduced)
    return adj.type, Reading("adjunct-" + adj.host, source, target, min(host.t0, k), introduced.t1, False)
