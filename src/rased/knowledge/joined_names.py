"""Two persons named one after the other, which NER reads as one name.

An Arabic clause puts its verb first and names the doer and the one done to right after it, with nothing
between: «والتقى ترامب بوتين»، «استقبل أردوغان ظريف»، «وحث كوربن تريزا ماي». The NER model tags such a pair as
one person («ترامب بوتين»), which the registry cannot link, so both persons and the relation between them are
lost. A person span is cut in two when

* ``registry``: registry names of two different persons cover it word for word («ترامب» + «بوتين»); or
* ``surname``: its first word is the surname of a person the article named in full before it («جيرمي كوربن»
  ... «كوربن») and at least two words follow it («تريزا ماي»), so that a family name after a given name
  («حافظ الأسد» after «بشار الأسد») or a two-word name («صالح مسلم») is never cut;

and the first piece opens with no given name of the registry («يوسف عبد العزيز»، «سلمان بن عبد العزيز» after
«محمد بن سلمان») and no piece holds a word of lineage («بن»، «آل»، «أبو»): those are one person's chain of names.

Reads the NER spans, the registry matches and linking's lookup of a written name; the pieces replace the span,
and linking treats each as a span of its own.
"""
from __future__ import annotations

from collections.abc import Callable

from ..arabic import normalize
from .matcher import Match
from .registry import Registry

Span = tuple[int, int, str, float]
_LINEAGE = frozenset(normalize.key(w) for w in ("بن", "ابن", "بنت", "آل", "أبو", "ابو", "أم", "عبد"))


def split(text: str, ner: list[Span], matches: list[Match], registry: Registry, one_person: Callable[[str], bool],
          given_name: Callable[[str], bool]) -> tuple[list[Span], set[tuple[int, int]]]:
    """The NER spans with joined person names cut, and the (start, end) of the pieces made; ``one_person``
    tells whether a name written so is one person of the registry (linking's own lookups), ``given_name`` whether
    a word opens persons' names there."""
    persons = _person_matches(matches, registry)
    out: list[Span] = []
    pieces: set[tuple[int, int]] = set()
    for span in ner:
        cut = _cut(text, span, persons, ner, one_person) if span[2] == "PER" else None
        if cut is None or not _apart(text, cut, given_name):
            out.append(span)
            continue
        for s, e in cut:
            out.append((s, e, span[2], span[3]))
            pieces.add((s, e))
    return out, pieces


def _apart(text: str, cut: list[tuple[int, int]], given_name: Callable[[str], bool]) -> bool:
    """Whether the pieces are names of their own: the first opens with no given name, none holds lineage."""
    words = [w for s, e in cut for w in text[s:e].split()]
    return not given_name(text[cut[0][0]:cut[0][1]].split()[0]) and not any(normalize.key(w) in _LINEAGE for w in words)


def _person_matches(matches: list[Match], registry: Registry) -> dict[tuple[int, int], str]:
    """(start, end) → actor id of the registry matches that name one person."""
    out = {}
    for m in matches:
        actor = registry.get(m.actor_ids[0]) if len(m.actor_ids) == 1 and not m.nisba else None
        if actor is not None and actor.type == "PER":
            out[(m.start, m.end)] = actor.id
    return out


def _cut(text: str, span: Span, persons: dict[tuple[int, int], str], ner: list[Span],
         one_person: Callable[[str], bool]) -> list[tuple[int, int]] | None:
    start, end = span[0], span[1]
    if (start, end) in persons:
        return None
    inside = sorted((s, e, a) for (s, e), a in persons.items() if start <= s and e <= end)
    tiled = _tiling(text, start, end, inside)
    if tiled is not None:
        return tiled
    return _after_known_surname(text, start, end, persons, ner, one_person)


def _tiling(text: str, start: int, end: int, inside: list[tuple[int, int, str]]) -> list[tuple[int, int]] | None:
    """Pieces when registry names of two or more different persons cover the span with only spaces between."""
    pos, pieces, actors = start, [], set()
    for s, e, actor in inside:
        if s < pos or text[pos:s].strip():
            return None
        pieces.append((s, e))
        actors.add(actor)
        pos = e
    if len(pieces) < 2 or len(actors) < len(pieces) or text[pos:end].strip():
        return None
    return pieces


def _after_known_surname(text: str, start: int, end: int, persons: dict[tuple[int, int], str], ner: list[Span],
                         one_person: Callable[[str], bool]) -> list[tuple[int, int]] | None:
    words = text[start:end].split()
    if len(words) < 3:
        return None
    first = normalize.key(words[0])
    if not any(_full_name_ending(text, s, e, first, persons, one_person) for s, e in
               [*persons, *((s, e) for s, e, t, _ in ner if t == "PER")] if e <= start):
        return None
    cut = text.index(words[0], start) + len(words[0])
    rest = cut + (len(text[cut:end]) - len(text[cut:end].lstrip()))
    return [(start, cut), (rest, end)]


def _full_name_ending(text: str, start: int, end: int, word: str, persons: dict[tuple[int, int], str],
                      one_person: Callable[[str], bool]) -> bool:
    """Whether text[start:end] names one person of the registry in two words or more, the last being ``word``."""
    name = text[start:end].split()
    if len(name) < 2 or normalize.key(name[-1]) != word:
        return False
    if (start, end) in persons:
        return True
    return one_person(text[start:end])
