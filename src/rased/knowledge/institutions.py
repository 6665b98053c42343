"""Generic state nouns linked to the institution of the article's own country (``cues/institutions.tsv``).

The registry cannot know whose army «الجيش الوطني» or «القوات الحكومية» is; the article usually does. When one
country clearly leads the article's linked mentions (the country itself, its places, nationals and bodies), an
unqualified state noun is that country's armed forces («... الحديدة ... الحوثيين ... وتقدم الجيش الوطني» → the
Yemeni army) or government («الحكومة»); followed by a nationality adjective it is that nation's («القوات الحكومية الأفغانية» → the Afghan
army). A noun followed by another adjective of that shape or a name is left to the registry («الجيش الوطني
الليبي»); with no leading country, or no single armed force of that country, nothing is linked.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter
from collections.abc import Callable, Iterable

from ..arabic import normalize
from .cues import lexicon, sports_or_culture
from .registry import Registry

_MIN_MENTIONS = 3  # the leading country is named (or its places, people, bodies) at least this often
_LEAD = 2.0  # ... and at least this many times as often as the next one
_PROCLITICS = r"(?:[وف]?[بلك]?)"
_ARMY_NAMES = ("الجيش", "القوات المسلحة")
_GOVERNMENT_NAMES = ("الحكومة ",)
_SENTENCE_ENDS = ".!?؟\n"
_WORDS = re.compile(r"[\u0621-\u064A]+")
_NEXT_WORD = re.compile(r"\s*([\u0621-\u064A]+)")


def written_variants(form: str) -> str:
    """A regular expression for ``form`` as news writes it: final «ة» or «ه», «ي» or «ى»."""
    return re.escape(form).replace("ة", "[ةه]").replace("ي", "[يى]")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """The state nouns as one pattern, built once: the table is read-only."""
    forms = sorted((f for f, _ in lexicon().institutions), key=len, reverse=True)
    alts = "|".join(written_variants(f) for f in forms)
    glued = "|".join(written_variants(f[2:]) for f in forms if f.startswith("ال"))  # «للجيش»: ل + الجيش, no alef
    return re.compile(rf"(?<![\u0621-\u064A])(?:{_PROCLITICS}(?P<form>{alts})|[وف]?لل(?P<glued>{glued}))"
                      r"(?![\u0621-\u064A])")


def home_country(countries: Iterable[str | None]) -> str | None:
    """The country that leads the article's mentions, or None when none clearly does."""
    counts = Counter(c for c in countries if c)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] * _LEAD > ranked[0][1]:
        return None
    return ranked[0][0]


def _institution(registry: Registry, country: str, kind: str) -> str | None:
    """The country's one actor of ``kind``: for the military, the force under its government one of whose
    names is its army («الجيش العراقي»، «القوات المسلحة المصرية»), not a unit, a guard or a foreign mission; for
    the government, the top body one of whose names is «الحكومة ...» (not a ministry or a parliament)."""
    index = registry.derived_index("institutions", _institution_keys)
    ids = index.get(f"{kind}:{country}", ())
    return ids[0] if len(ids) == 1 else None


def _institution_keys(actor) -> list[str]:
    country = actor.country or actor.iso3
    if not country:
        return []
    names = (actor.name_ar, *actor.aliases_ar)
    if actor.kind == "government" and actor.parent is None and any(n.startswith(_GOVERNMENT_NAMES) for n in names):
        return [f"government:{country}"]  # «الحكومة اليمنية»: the country's government, not a ministry
    if not (actor.parent or "").startswith("gov:"):
        return []
    if actor.kind == "military" and any(n.startswith(_ARMY_NAMES) for n in names):
        return [f"military:{country}"]
    return []


def _qualified(text: str, end: int) -> bool:
    """A nationality adjective or a name follows («الجيش الوطني الليبي»، «قوات الحكومة السورية»)."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    return word.startswith("ال") and word.endswith(("ي", "ية", "يه", "يين", "يون"))


def in_sports_or_culture(text: str, start: int, end: int) -> bool:
    """In a sports or culture sentence «الجيش» is a club or a film's subject («تعادل النصر مع الجيش في المباراة»)."""
    lo = max(text.rfind(c, 0, start) for c in _SENTENCE_ENDS) + 1
    his = [i for i in (text.find(c, end) for c in _SENTENCE_ENDS) if i >= 0]
    return sports_or_culture(normalize.key(w) for w in _WORDS.findall(text, lo, min(his, default=len(text))))


def spans(text: str, countries: Iterable[str | None], nationals: dict[int, tuple[int, str]],
          taken: Callable[[int, int], bool], registry: Registry) -> list[tuple[int, int, str, int | None]]:
    """``(start, end, actor id, absorbed)`` of the state nouns of ``text`` that stand for a country's armed
    forces: the country of the nationality adjective right after the noun («القوات الحكومية الأفغانية»: the
    mention then covers both, and ``absorbed`` is the start of the adjective's own mention), else the article's
    home country. ``nationals`` maps the start of each nationality mention to its end and country;
    ``taken(start, end)`` tells which characters another mention covers already."""
    home = home_country(countries)
    out = []
    for m in _pattern().finditer(text):
        group = "form" if m.group("form") else "glued"
        start, end = m.span(group)
        if group == "glued":
            start -= 2  # the mention keeps the «ل» that stands for the article's alef
        if taken(start, end) or in_sports_or_culture(text, start, end):
            continue
        kind = _kind(m.group(group), group == "glued")
        nxt = _NEXT_WORD.match(text, end)
        national = nationals.get(nxt.start(1)) if nxt else None
        if national is not None:
            actor_id = _institution(registry, national[1], kind) if kind else None
            if actor_id:
                out.append((start, national[0], actor_id, nxt.start(1)))
        elif home is not None and not _qualified(text, end):
            actor_id = _institution(registry, home, kind) if kind else None
            if actor_id:
                out.append((start, end, actor_id, None))
    return out


def _kind(written: str, glued: bool) -> str | None:
    wanted = normalize.key(("ال" if glued else "") + written)
    return next((kind for form, kind in lexicon().institutions if normalize.key(form) == wanted), None)
