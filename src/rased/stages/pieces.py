"""Pieces of display text that remember where each character came from in the raw input.

Cleaning works on lines; a line's display form drops odd spaces and invisible marks and collapses
whitespace. Offsets are kept as runs ``(offset_in_piece, raw_start, length)`` so that the final text can
give ``Article.raw_offsets`` without a per-character table.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..arabic.chars import INVISIBLE, ODD_SPACES

_RUN = re.compile(rf"[^\s{ODD_SPACES}{INVISIBLE}]+")
_HAS_SPACE = re.compile(rf"[\s{ODD_SPACES}]")
_HAS_INVISIBLE = re.compile(rf"[{INVISIBLE}]")


@dataclass(slots=True, frozen=True)
class Piece:
    text: str
    runs: tuple[tuple[int, int, int], ...]
    raw_start: int
    raw_end: int

    def slice(self, start: int, end: int) -> Piece:
        """The sub-piece for display offsets [start, end)."""
        runs = []
        for off, raw, length in self.runs:
            a, b = max(off, start), min(off + length, end)
            if a < b:
                runs.append((a - start, raw + a - off, b - a))
        raw_start = runs[0][1] if runs else self.raw_start
        raw_end = runs[-1][1] + runs[-1][2] if runs else self.raw_start
        return Piece(self.text[start:end], tuple(runs), raw_start, raw_end)

    def strip(self) -> Piece:
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return self.slice(left, right) if (left or right != len(self.text)) else self


def join(first: Piece, second: Piece, separator: str) -> Piece:
    shift = len(first.text) + len(separator)
    return Piece(
        first.text + separator + second.text,
        first.runs + tuple((off + shift, raw, n) for off, raw, n in second.runs),
        first.raw_start,
        second.raw_end,
    )


_NEEDS_WORK = re.compile(rf"^\s|\s$|\s\s|[\t{ODD_SPACES}{INVISIBLE}]")


def line_piece(raw: str, start: int, end: int) -> Piece:
    """The display form of ``raw[start:end]``: words joined by single spaces, invisibles dropped."""
    line = raw[start:end]
    if line and not _NEEDS_WORK.search(line):  # most lines are already clean: one run
        return Piece(line, ((0, start, len(line)),), start, end)
    if not _HAS_INVISIBLE.search(line):
        return _spaced_piece(raw, start, end)
    parts: list[str] = []
    runs: list[tuple[int, int, int]] = []
    length = 0
    prev_end = None
    for m in _RUN.finditer(raw, start, end):
        if prev_end is not None:
            gap = raw[prev_end : m.start()]
            if _HAS_SPACE.search(gap):
                parts.append(" ")
                length += 1
        text = m.group()
        parts.append(text)
        runs.append((length, m.start(), len(text)))
        length += len(text)
        prev_end = m.end()
    return Piece("".join(parts), tuple(runs), start, end)


def _spaced_piece(raw: str, start: int, end: int) -> Piece:
    """``line_piece`` of a line without invisible marks: every gap between two words holds white space, so the
    words are joined by one space each (one pass over the matches instead of a search per gap)."""
    found = [(m.start(), m.group()) for m in _RUN.finditer(raw, start, end)]
    runs, length = [], 0
    for at, word in found:
        runs.append((length, at, len(word)))
        length += len(word) + 1
    return Piece(" ".join([word for _, word in found]), tuple(runs), start, end)


def split_lines(raw: str) -> list[Piece]:
    """One piece per input line (empty lines included, as empty pieces)."""
    return list(iter_lines(raw))


def iter_lines(raw: str) -> Iterator[Piece]:
    pos = 0
    for line in raw.split("\n"):
        yield line_piece(raw, pos, pos + len(line))
        pos += len(line) + 1


class TextBuilder:
    """Joins pieces into the clean text, accumulating the raw-offset runs."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[tuple[int, int, int]] = []
        self._length = 0

    @property
    def length(self) -> int:
        return self._length

    def add(self, piece: Piece) -> tuple[int, int]:
        start = self._length
        self._parts.append(piece.text)
        self._runs.extend([(start + off, raw, n) for off, raw, n in piece.runs])
        self._length += len(piece.text)
        return start, self._length

    def separator(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> tuple[str, tuple[tuple[int, int, int], ...]]:
        return "".join(self._parts), tuple(self._runs)
