"""Matching keys: the normalised form of display text used for search, lookup and models.

Offsets always refer to the display text; ``key_with_offsets`` gives the map from key back to display.
"""
from __future__ import annotations

import re

from .chars import DIGIT_FOLDS, DROPPED, INVISIBLE, LETTER_FOLDS, ODD_SPACES

_FOLDS = {ord(k): v for k, v in (LETTER_FOLDS | DIGIT_FOLDS).items()}
_FOLDS.update({ord(c): None for c in DROPPED})
_FOLDS.update({ord(c): None for c in INVISIBLE})
_FOLDS.update({ord(c): " " for c in ODD_SPACES})

_LIGHT = {ord(c): None for c in DROPPED | set(INVISIBLE)}
_LIGHT.update(_FOLDS_DIGITS := {ord(k): v for k, v in DIGIT_FOLDS.items()})


def key(text: str) -> str:
    """Full matching key: alef forms, ى/ي, ة/ه folded; tatweel, diacritics, invisibles dropped; digits ASCII."""
    return text.translate(_FOLDS)


def light(text: str) -> str:
    """A lighter key that keeps letter shapes (ى, ة, hamza) but drops diacritics/tatweel and folds digits.

    Word frequencies are counted on this form: ى vs ي still tells «إلى» from «والي».
    """
    return text.translate(_LIGHT)


def digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII, nothing else."""
    return text.translate(_FOLDS_DIGITS)


_DROPPED_RUN = re.compile("[" + re.escape("".join(sorted(DROPPED | set(INVISIBLE)))) + "]+")


def key_with_offsets(text: str) -> tuple[str, list[int]]:
    """The key of ``text`` and, for each key character, its index in ``text``.

    Every fold maps one character to one character or to nothing, so the offsets are the positions of the
    characters that survive: whole runs between dropped characters, built with ``range`` rather than per character.
    """
    folded = text.translate(_FOLDS)
    if len(folded) == len(text):
        return folded, list(range(len(text)))
    where: list[int] = []
    pos = 0
    for m in _DROPPED_RUN.finditer(text):
        where.extend(range(pos, m.start()))
        pos = m.end()
    where.extend(range(pos, len(text)))
    return folded, where
