"""An office named once with its holder stands for that person later in the article (``cues/titles.tsv``).

«الرئيس الأمريكي دونالد ترامب ... واتهم الرئيس الأمريكي ألمانيا»: the second «الرئيس الأمريكي» is Trump, not the
United States. A title phrase is the title noun and the words between it and a linked person's name (at most
three, no punctuation: «وزير الخارجية الروسي سيرغي لافروف»); a later occurrence of the same phrase (two words at
least, compared by matching keys) with no name right after it becomes a mention of that person. A phrase that
introduced two different people in the article names nobody.
"""
from __future__ import annotations

from .cues import article_words, lexicon

_MAX_WORDS = 4  # title noun and its qualifiers before the name
_PROCLITICS = ("و", "ف", "ب", "ل")


def _titles() -> frozenset[str]:
    return lexicon().titles


def _bare(key: str) -> str:
    for p in _PROCLITICS:
        if key.startswith(p) and key[len(p):] in _titles():
            return key[len(p):]
    return key


def governed_title(key: str) -> bool:
    """A title noun glued to a preposition: «لوزير»، «بالرئيس»، and «للرئيس», whose article lost its alef."""
    if key[:1] not in ("ل", "ب") or len(key) < 4:
        return False
    bare = "ال" + key[2:] if key.startswith("لل") else key[1:]
    return bare in _titles()


def _phrase_before(toks, keys, k: int) -> int | None:
    """Index of the title noun that opens a phrase ending at token ``k`` (exclusive), or None."""
    for j in range(k - 1, max(-1, k - _MAX_WORDS - 1), -1):
        if toks[j].kind == "punct":
            return None
        if _bare(keys[j]) in _titles():
            return j if k - j >= 2 else None
    return None


def _phrase_inside(toks, keys, k: int, end: int) -> tuple[int | None, int]:
    """A title phrase the person's own mention opens with («الرئيس الأمريكي دونالد ترامب»): the title noun and the
    definite words after it, up to the first word of the name."""
    if _bare(keys[k]) not in _titles():
        return None, k
    n = k + 1
    while n < len(toks) and toks[n].end <= end and keys[n].startswith("ال") and n - k < _MAX_WORDS:
        n += 1
    inside_name = n < len(toks) and toks[n].end <= end
    return (k, n) if n - k >= 2 and inside_name else (None, k)


def offices(text: str, persons: list[tuple[int, int, str]], names: set[int],
            mentioned: set[int]) -> list[tuple[int, int, str]]:
    """``(start, end, person id)`` for the later mentions of an office that ``persons`` (start, end, id of the
    linked persons, in text order) introduced; ``names`` are the starts of every person mention, linked or not,
    ``mentioned`` those of every mention."""
    toks, keys = article_words(text)
    starts = {t.start: n for n, t in enumerate(toks)}
    person_starts = names | {s for s, _e, _a in persons}
    holder: dict[tuple[str, ...], str | None] = {}
    first_end: dict[tuple[str, ...], int] = {}
    for s, e, actor_id in persons:
        k = starts.get(s)
        if k is None:
            continue
        j, name = _phrase_inside(toks, keys, k, e)
        if j is None:
            j, name = _phrase_before(toks, keys, k), k
        if j is None:
            continue
        phrase = (_bare(keys[j]), *keys[j + 1:name])
        holder[phrase] = actor_id if holder.get(phrase, actor_id) == actor_id else None
        first_end.setdefault(phrase, s)
    out = []
    for phrase, actor_id in holder.items():
        if actor_id is not None:
            out += _later(toks, keys, phrase, actor_id, first_end[phrase], person_starts, mentioned)
    return out


def _later(toks, keys, phrase, actor_id, after: int, person_starts, mentioned) -> list[tuple[int, int, str]]:
    out = []
    n, first = len(phrase), phrase[0]
    for j in range(len(toks) - n + 1):
        # a word whose bare form is ``first`` ends with it (``_bare`` only cuts a proclitic): the cheap test first
        if (not keys[j].endswith(first) or toks[j].start <= after or _bare(keys[j]) != first
                or tuple(keys[j + 1:j + n]) != phrase[1:]):
            continue
        nxt = j + n if j + n < len(toks) else None
        qualified = nxt is not None and keys[nxt].startswith("ال") and toks[nxt].start not in mentioned
        if nxt is not None and toks[nxt].start in person_starts or qualified:
            continue  # a name follows («نائب رئيس الوزراء بهاء الأعرجي»), or the office goes on («... السابق»)
        lead = len(keys[j]) - len(phrase[0])
        out.append((toks[j].start + lead, toks[j + n - 1].end, actor_id))
    return out
