"""Matching keys: the normalised form of display text used for search, lookup and models.

Offsets always refer to the display text; ``key_with_offsets`` gives the map from key back to display.
"""
from __future__ import annotations

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


def key_with_offsets(text: str) -> tuple[str, list[int]]:
    """The key of ``text`` and, for each key character, its index in ``text``.

    The table is applied per character so that dropped characters can be accounted for.
    """
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        mapped = _FOLDS.get(ord(ch), ch)
        if mapped is None:
            continue
        for piece in mapped:
            out.append(piece)
            where.append(i)
    return "".join(out), where
