"""A person's name does not end in a word with «لل»: «ماكرون للصحافيين» is «ماكرون».

The network sometimes runs a person's name into the addressee after a speech verb («وقال ترمب للصحافيين»). No
person name of ANERcorp's train split ends in a word with «لل» (the preposition on the article), so such words are
cut from the end of a person entity. A single «ل» is left alone: names start with it («كي لدبي»، «يائير لبيد»).
Organisation names keep their «لل» phrases («منظمة الأمم المتحدة للطفولة»).
"""
from __future__ import annotations

from collections.abc import Sequence

from . import conll

_PERSON = frozenset({"PER", "PERS"})


def _preposition_word(token: str) -> bool:
    return token.startswith("لل") and len(token) > 3


def trim(tokens: Sequence[str], labels: Sequence[str]) -> list[str]:
    """IOB2 ``labels`` with trailing «لل» words cut from person entities."""
    out = list(labels)
    # most sentences: nothing to cut. One search of the joined tokens finds every token that starts with «لل»
    # (a token with a space inside can only make it look further, never miss one)
    if " لل" not in " " + " ".join(tokens):
        return out
    for s, e, typ in conll.chunks(labels):
        if typ not in _PERSON:
            continue
        while e - 1 > s and _preposition_word(tokens[e - 1]):
            out[e - 1] = "O"
            e -= 1
    return out
