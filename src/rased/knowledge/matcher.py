"""Gazetteer matcher: finds registry actors in Arabic text with one Aho-Corasick pass.

Every Arabic name, alias and nisba form of every actor is turned into its matching key
(``rased.arabic.normalize.key``: alef forms, ى/ي and ة/ه folded, diacritics dropped) and put in one automaton.
Text is keyed the same way, so «الأنبار» and «الانبار», «غزة» and «غزه» match alike.

Word boundaries are clitic-aware:

* a match must end at a word boundary: «العراقي» does not match inside «العراقيين» (the plural is matched
  only because it is itself a nisba form);
* a match may start a word, or follow proclitics glued to it: و ف ب ك ل and their combinations
  (وب، ول، فب، فل، وك، فك). For «والقاعدة» the span is «القاعدة»: the proclitic is outside the span;
* after the preposition ل a name starting with ال loses its alef: «للموصل» is ل + الموصل. Such a match is
  found through the elided key (ل + the name without ال) and only after ل/ول/فل. **Span choice:** the span
  starts at the second ل, so it covers the name minus its elided alef («لموصل» in «للموصل»); ``surface``
  is that text.
* a match never starts inside a word: «قاعدة» is not found in «مساعدة»;
* a match written with the accusative ending «ـاً» is dropped: «دوماً» (always) is not Douma;
* «لـ» before a name that starts with ل is read as «لـ» + «الـ» when that word is commoner: «للحج» is «for the
  Hajj», not «to Lahij».

Overlapping candidates are resolved longest first («الدولة الإسلامية في العراق والشام» beats «الدولة
الإسلامية»), then leftmost. A name shared by several actors gives one match with all their ids
(``actor_ids`` sorted); names listed in an actor's ``no_match_ar`` (common words such as «صور») are kept
out of the automaton.

``find(text)`` uses a matcher built once over the shipped registry (module-level cache).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from rased.arabic.chars import DIACRITICS, FATHATAN, TATWEEL
from rased.arabic.clitics import split_prefix
from rased.arabic.normalize import key, key_with_offsets

from .registry import Registry

__all__ = ["Match", "Matcher", "default_matcher", "find", "PROCLITICS"]

# Proclitic strings that may be glued before a name.
PROCLITICS = frozenset({"", "و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"})
# Before an elided name (ل + name without ال) the proclitics must end with the preposition ل.
ELIDING = frozenset({"ل", "ول", "فل"})
_MAX_PREFIX = max(len(p) for p in PROCLITICS)
_TRAILING = frozenset(DIACRITICS + TATWEEL)
_ODD_WS = re.compile(r"[^\S ]| {2,}")

# Phrases that contain an actor name but name something else; as the longest match they hide it.
# «القاعدة البحرية» is a naval base, not al-Qaeda.
STOP_PHRASES = (
    "القاعدة البحرية", "القاعدة الجوية", "القاعدة العسكرية", "القاعدة الأمريكية", "القاعدة الأميركية",
    "القاعدة الروسية", "القاعدة التركية", "القاعدة الفرنسية", "القاعدة البريطانية", "القاعدة الشعبية",
    "القاعدة الأساسية", "القاعدة الذهبية", "القاعدة القانونية", "القاعدة الاقتصادية", "القاعدة الصناعية",
    "القاعدة الانتخابية", "القاعدة الجماهيرية", "القاعدة العامة",
    # «سوق عكاظ» is the old market and its festival, not the newspaper; «منطقة الجزيرة» and «شبه الجزيرة» are
    # lands, not the channel (a peninsula the registry names, «شبه الجزيرة العربية», is longer and still wins)
    "سوق عكاظ", "منطقة الجزيرة", "شبه الجزيرة",
    # «مسقط رأسه» is a birthplace, not Muscat
    "مسقط رأس", "مسقط رأسه", "مسقط رأسها",
)


@dataclass(frozen=True)
class Match:
    start: int  # span in the original text
    end: int
    surface: str  # text[start:end]
    actor_ids: tuple[str, ...]
    nisba: bool  # matched through a nationality adjective (العراقي), not the actor's name

    @property
    def ambiguous(self) -> bool:
        return len(self.actor_ids) > 1


def _norm(k: str) -> str:
    return " ".join(k.split())


def _variants(k: str) -> set[str]:
    """Spelling variants of a keyed name: «ابو عزام» ↔ «ابوعزام», «عبد الله» ↔ «عبدالله»."""
    out = {k}
    glued = re.sub(r"(?<!\S)(ابو|عبد) (?=\S)", r"\1", k)
    if glued != k:
        out.add(glued)
    return out


class Matcher:
    """An Aho-Corasick automaton over the Arabic names of a registry."""

    def __init__(self, registry: Registry | None = None):
        registry = registry or Registry.load()
        # key -> [name ids, nisba ids, elided name ids, elided nisba ids]
        table: dict[str, list[set[str]]] = {}
        for actor in registry:
            blocked = {_norm(key(x)) for x in actor.no_match_ar}
            for surface in registry.names(actor):
                k = _norm(key(surface.text))
                if len(k) < 2 or k in blocked:
                    continue
                for v in _variants(k):
                    table.setdefault(v, [set(), set(), set(), set()])[1 if surface.nisba else 0].add(actor.id)
                    if v.startswith("ال") and len(v) > 3:
                        table.setdefault("ل" + v[2:], [set(), set(), set(), set()])[
                            3 if surface.nisba else 2].add(actor.id)
        stops: set[str] = set()
        for phrase in STOP_PHRASES:
            k = _norm(key(phrase))
            stops.add(k)
            table.setdefault(k, [set(), set(), set(), set()])
            if k.startswith("ال"):
                stops.add("ل" + k[2:])
                table.setdefault("ل" + k[2:], [set(), set(), set(), set()])
        auto = ahocorasick.Automaton()
        for k, (names, nisba, el_names, el_nisba) in table.items():
            regular, elided = _pick(names, nisba), _pick(el_names, el_nisba)
            if k in stops:
                regular, elided = regular or _STOP, elided or _STOP
            auto.add_word(k, (len(k), regular, elided))
        auto.make_automaton()
        self._auto = auto
        self.size = len(table)

    def find(self, text: str) -> list[Match]:
        """Actor mentions in ``text``, left to right, non-overlapping (longest wins)."""
        if not text:
            return []
        s, offs = key_with_offsets(text)
        if _ODD_WS.search(s):
            s, offs = _collapse_ws(s, offs)
        n = len(s)
        cands: list[tuple[int, int, tuple[str, ...], bool]] = []
        for end, (length, regular, elided) in self._auto.iter(s):
            if end + 1 < n and s[end + 1].isalnum():
                continue
            start = end - length + 1
            ws = start
            while ws > 0 and start - ws <= _MAX_PREFIX and s[ws - 1].isalnum():
                ws -= 1
            prefix = s[ws:start]
            if ws > 0 and s[ws - 1].isalnum():
                continue  # more than a proclitic glued before it
            if regular and prefix in PROCLITICS:
                if prefix.endswith("ل") and s[start] == "ل" and split_prefix("ل" + s[start:end + 1])[2]:
                    continue  # «للحج» is «ل + الحج» (for the Hajj), not «ل + لحج» (Lahij)
                cands.append((start, end + 1, *regular))
            elif elided and prefix in ELIDING:
                cands.append((start, end + 1, *elided))
        if not cands:
            return []
        cands.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken = bytearray(n)
        chosen = []
        for c in cands:
            if any(taken[c[0]:c[1]]):
                continue
            taken[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
            chosen.append(c)
        chosen.sort()
        out = []
        for start, end, ids, nisba in chosen:
            ds, de = offs[start], offs[end - 1] + 1
            while de < len(text) and text[de] in _TRAILING:
                de += 1
            # a stop phrase has no ids; the accusative ending «ـاً» marks an adverb or an indefinite word, never a
            # name: «دوماً» (always) is not Douma, «درعاً» (a shield) not Daraa, «مسؤولاً روسياً» not Russia itself
            if ids and FATHATAN not in text[ds:de]:
                out.append(Match(ds, de, text[ds:de], ids, nisba))
        return out


_STOP = ((), False)


def _pick(names: set[str], nisba: set[str]) -> tuple[tuple[str, ...], bool] | None:
    """A name beats a nisba form that keys the same («السعودية» is Saudi Arabia's name, not an adjective)."""
    if names:
        return tuple(sorted(names)), False
    if nisba:
        return tuple(sorted(nisba)), True
    return None


def _collapse_ws(s: str, offs: list[int]) -> tuple[str, list[int]]:
    """Each run of white space as one space, with the offset of the run's first character. Only the runs that
    are not already one space are visited (an article has hundreds of spaces and a few dozen line breaks)."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _ODD_RUN.finditer(s):  # \s is str.isspace: the same characters
        a = m.start()
        out.append(s[pos:a])
        where.extend(offs[pos:a])
        out.append(" ")
        where.append(offs[a])
        pos = m.end()
    out.append(s[pos:])
    where.extend(offs[pos:])
    return "".join(out), where


# a run of two or more white-space characters, or one that is not a space (a lone space is left as it is)
_ODD_RUN = re.compile(r"\s{2,}|[^\S ]")


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    """The matcher over the shipped registry, built on first use."""
    return Matcher(Registry.load())


def find(text: str) -> list[Match]:
    """Actor mentions in ``text`` (see ``Matcher.find``)."""
    return default_matcher().find(text)
