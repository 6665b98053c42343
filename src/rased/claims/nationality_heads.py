"""A nationality adjective alone is no argument: the noun phrase it describes is («الرئيس الأميركي»، «القوات الجوية
الليبية»، «هيئة الهلال الأحمر الإماراتي»، «وفد أميركي»).

The argument rules land on the entity the linker found, and for «قال الرئيس الأميركي» that entity is the adjective
«الأميركي». The span is widened back over the noun it agrees with: definite words before a definite adjective (at
most two, or a whole entity such as «الهلال الأحمر»), then one indefinite head of a construct when it is a title,
an agent noun or a body noun (``body_nouns.tsv``) («وزير الخارجية الأميركي»، «هيئة ...»); an
indefinite word before an indefinite adjective when it is such a head («وفد أميركي»، «مسؤول أميركي»). The actor stays
the country: the span now shows who of it acts. A trigger noun before the adjective is left alone: in «الهجوم التركي»
the nationality is the doer, no description of one («the Turkish attack»). Never a verb, a preposition or a clause word.
"""
from __future__ import annotations

import bisect
import dataclasses

from ..knowledge.cues import lexicon, lexicon_verb, strip_proclitic
from ..record import Mention, Relation
from .view import TokenView

_CONJUNCTIONS = ("و", "ف")  # a conjunction glued to the head word stays out of the span


def widen_relation(view: TokenView, r: Relation) -> Relation:
    """``r`` with each argument that is a nationality adjective alone widened to the noun it describes."""
    src, tgt = widen(view, r.source), widen(view, r.target)
    return r if (src, tgt) == (r.source, r.target) else dataclasses.replace(r, source=src, target=tgt)


def widen(view: TokenView, m: Mention | None) -> Mention | None:
    if m is None:
        return None
    t0 = bisect.bisect_left(view.starts, m.start)
    e = view.entity[t0] if t0 < len(view.toks) else None
    if e is None or e.type != "NAT" or (e.start, e.end) != (m.start, m.end) or t0 == 0:
        return m
    head = _head_start(view, t0, definite=_bare(view.keys[t0]).startswith("ال"))
    if head is None:
        return m
    k, skip = head
    start = view.toks[k].start + skip
    return Mention(start, m.end, view.text[start:m.end], m.actor_id)


def _head_start(view: TokenView, t0: int, definite: bool) -> tuple[int, int] | None:
    """(first token of the head, characters of a glued conjunction to leave out), or None when no actor noun is
    there: the farthest actor noun (a title, agent or body noun, or a named body) within three words before the
    adjective, with only nouns of the adjective's definiteness between («وزير الخارجية الأميركي»، «القوات الجوية
    الليبية»، «مسؤول عسكري أميركي»); the head itself may be an indefinite construct head («وزارة حقوق الإنسان»)."""
    best, k, steps = None, t0, 0
    while k > 0 and steps < 3:
        j = k - 1
        e = view.entity[j]
        if e is not None and e.type == "ORG" and k == t0 and definite:
            k = bisect.bisect_left(view.starts, e.start)  # «هيئة الهلال الأحمر الإماراتي»: a named body is a head
            best = k
        elif view.is_word(j) and e is None and _plain_word(view.keys[j]):
            agrees = _bare(view.keys[j]).startswith("ال") == definite
            if not (agrees or definite):
                break  # «الرئيس أميركي»: no agreement, no head
            if _is_actor_noun(view.keys[j]):
                best = j
            if not agrees:
                break  # an indefinite word before a definite phrase heads it (a construct) and ends it
            k = j
        else:
            break
        steps += 1
    if best is None:
        return None
    key = view.keys[best]
    glued = key[:1] in _CONJUNCTIONS and (key[1:3] == "ال" or _is_actor_noun(key[1:]))
    return best, 1 if glued else 0


def _is_actor_noun(key: str) -> bool:
    """A title, an agent noun or a body noun, bare, with «ال» or after a glued «و/ف»."""
    lex = lexicon()
    forms = {key, _bare(key)}
    if key[:1] in _CONJUNCTIONS:
        forms.add(key[1:])
    for f in list(forms):
        if f.startswith("ال"):
            forms.add(f[2:])
    return any(f in lex.titles or f in lex.agents or f in lex.body_nouns for f in forms)


def _plain_word(key: str) -> bool:
    """No verb of the tables, no trigger noun, no clause word (preposition, adjunct ...)."""
    lex = lexicon()
    bare = _bare(key)
    return not (lexicon_verb(key, ("", "و")) or strip_proclitic(key, lex.triggers) is not None
                or lex.clause_words.get(bare) is not None)


def _bare(key: str) -> str:
    """The key without a «و»/«ف» glued before «ال» («والرئيس»)."""
    return key[1:] if key[:1] in _CONJUNCTIONS and key[1:3] == "ال" else key
