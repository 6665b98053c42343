"""Short names: a definite head noun alone names again the body the article last named with it.

«... شنت مقاتلات تحالف دعم الشرعية غارات ... وقال التحالف إن ...»: «التحالف» is the Saudi-led coalition; «الحزب»
after «حزب الله» is Hezbollah, «الحركة» after «حركة طالبان» the Taliban. The registry cannot link such a noun
(every coalition is «التحالف»); the article does. The head nouns are data (``cues/short_names.tsv``). The
antecedent is the nearest linked body named before the noun whose mention, or whose actor's Arabic name, begins
with that noun; a definite word right after the noun makes another name («الحزب الديمقراطي»، «المجلس الوطني»)
and nothing is linked, nor is a noun with no such antecedent.
"""
from __future__ import annotations

import re
import bisect
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..arabic import normalize
from .cues import lexicon
from .institutions import in_sports_or_culture, written_variants
from .registry import Registry

_NEXT_WORD = re.compile(r"\s*([\u0621-\u064A]+)")
_PROCLITICS = ("و", "ف", "ب", "ل", "ك")
_BODY_KINDS = ("group", "military", "government", "international", "media", "agency")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    alts = "|".join(written_variants(h) for h in sorted(lexicon().short_names, key=len, reverse=True))
    # «التحالف»، «وبالتحالف»; «للتحالف»: ل + التحالف, whose alef is not written
    return re.compile(rf"(?<![\u0621-\u064A])[وف]?[بك]?(?:(?P<al>ال)|(?P<ll>لل))(?P<head>{alts})(?![\u0621-\u064A])")


def _bare(key: str) -> str:
    while key[:1] in _PROCLITICS and len(key) > 4 and not key.startswith("ال"):
        key = key[1:]
    return key[2:] if key.startswith("ال") else key


def _named_with(head: str, surface: str, actor) -> bool:
    """The mention, or its actor's Arabic name, begins with ``head`` («تحالف دعم الشرعية»، «حركة طالبان»)."""
    names = [surface] + ([actor.name_ar] if actor is not None else [])
    return any(_bare(normalize.key(n)).split(" ")[0] == head for n in names)


def spans(text: str, mentions: Sequence, taken: Callable[[int, int], bool],
          registry: Registry) -> list[tuple[int, int, str]]:
    """``(start, end, actor id)`` of the short names of ``text``; ``mentions`` are the linked mentions so far
    (with ``start``, ``end``, ``type`` and ``actor_id``), ``taken(start, end)`` tells which characters they cover."""
    bodies = sorted((m for m in mentions if m.actor_id and m.type != "NAT"), key=lambda m: m.end)
    ends = [m.end for m in bodies]
    out = []
    for match in _pattern().finditer(text):
        start = match.start("al") if match.group("al") else match.start("ll")
        end = match.end()
        nxt = _NEXT_WORD.match(text, end)
        if taken(start, end) or (nxt is not None and nxt.group(1).startswith("ال")) \
                or in_sports_or_culture(text, start, end):  # «قرر الاتحاد حرمان جماهير الأهلي»: a federation
            continue
        head = normalize.key(match.group("head"))
        for m in reversed(bodies[:bisect.bisect_right(ends, start)]):
            actor = registry.get(m.actor_id)
            if actor is not None and actor.kind in _BODY_KINDS and _named_with(head, text[m.start:m.end], actor):
                out.append((start, end, m.actor_id))
                break
    return out
