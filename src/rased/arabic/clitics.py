"""Clitic segmentation checked against corpus frequencies.

A split is accepted only when the remainder is a common word in its own right. Past that, two checks
against the corpus counts keep real words whole:
- after a preposition (ب ك ل), the remainder must be clearly more common than the whole form
  («بلاد», «كمال» stay whole; «بالموصل» splits);
- after a bare conjunction (و ف), where «وقال» is more common than «قال», the test is the article: a word
  that itself takes «ال» more often than the remainder does is a word of its own («وزير»: «الوزير» ≫ «الزير»;
  «وطن», «وقت», «وضع» likewise), and «ال» must leave at least two letters («والي» is not و + «الي»).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import wordfreq
from .normalize import light

# Conjunction, then preposition / future particle; «لل» is ل + ال with the alef elided.
_PROCLITICS = tuple(
    sorted(
        {c + p for c in ("", "و", "ف") for p in ("", "ب", "ك", "ل")} - {""},
        key=len,
        reverse=True,
    )
)
_FUTURE = ("وس", "فس", "س")
_IMPERFECT_PREFIXES = "يتنأا"
_ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ني", "ه", "ك", "ي")

MIN_COUNT = 5  # the remainder must be a real word
RATIO = 3  # ... and this many times more common than the whole form
MIN_STEM = 2


@dataclass(slots=True, frozen=True)
class Segments:
    prefix: str  # the proclitics as written (may be "")
    stem: str  # the host word, with «ال» restored after «لل»
    suffix: str  # the enclitic pronoun (may be "")
    restored_al: bool = False  # True when «لل» stood for ل + ال

    @property
    def prefix_len(self) -> int:
        """Characters of the written word taken by the prefix (for spans)."""
        return len(self.prefix)


def _accept(rest: str, whole_count: int) -> bool:
    n = wordfreq.count(rest)
    return n >= MIN_COUNT and n >= RATIO * whole_count


def _accept_after_conjunction(form: str, rest: str) -> bool:
    n = wordfreq.count(rest)
    if n < MIN_COUNT:
        return False
    if rest.startswith("ال"):
        return len(rest) - 2 >= MIN_STEM and n >= wordfreq.count(form)
    return wordfreq.count("ال" + form) <= wordfreq.count("ال" + rest)


@lru_cache(maxsize=200_000)
def split_prefix(word: str) -> tuple[str, str, bool]:
    """(prefix, rest, restored_al): the longest proclitic string whose removal leaves a common word."""
    form = light(word)
    if form in wordfreq.stopwords() and not form.startswith(("و", "ف")):
        return "", word, False
    whole = wordfreq.count(form)
    for pre in _PROCLITICS:
        if not form.startswith(pre) or len(form) - len(pre) < MIN_STEM:
            continue
        rest = form[len(pre):]
        if pre.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
            # «للموصل» = ل + (ا)لموصل
            if _accept("ا" + rest, whole):
                return word[: len(pre)], "ا" + word[len(pre):], True
        accepted = _accept_after_conjunction(form, rest) if pre in ("و", "ف") else _accept(rest, whole)
        if accepted:
            return word[: len(pre)], word[len(pre):], False
    for pre in _FUTURE:
        if form.startswith(pre) and len(form) > len(pre) + 2 and form[len(pre)] in _IMPERFECT_PREFIXES:
            if _accept(form[len(pre):], whole):
                return word[: len(pre)], word[len(pre):], False
    return "", word, False


@lru_cache(maxsize=200_000)
def split_suffix(word: str) -> tuple[str, str]:
    """(stem, enclitic) when a pronoun suffix leaves a common word; nouns with «ال» take none."""
    form = light(word)
    if form.startswith("ال") or form in wordfreq.stopwords():
        return word, ""
    whole = wordfreq.count(form)
    for suf in _ENCLITICS:
        if form.endswith(suf) and len(form) - len(suf) >= MIN_STEM + 1:
            if _accept(form[: -len(suf)], whole):
                return word[: -len(suf)], word[-len(suf):]
    return word, ""


def host(word: str) -> str:
    """``segment(word).stem`` without building the ``Segments`` (search keys need only the stem)."""
    return split_suffix(split_prefix(word)[1])[0]


def segment(word: str) -> Segments:
    # not memoised itself: its two steps are, and their plain tuples of strings are not tracked by the garbage
    # collector, where 70,000 memoised ``Segments`` (1,000 articles) were traversed by every full collection
    prefix, rest, restored = split_prefix(word)
    stem, suffix = split_suffix(rest)
    return Segments(prefix, stem, suffix, restored)
