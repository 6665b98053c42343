"""Tokenisation with offsets into the display text.

A word is a run of letters/digits of one script, with Arabic diacritics and tatweel kept inside it.
The Arabic comma, semicolon and question mark (U+060C, U+061B, U+061F) are punctuation tokens of
their own, although they sit inside the Arabic block: a ``[\\u0600-\\u06FF]+`` tokenizer glues them to words.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_ARABIC_WORD = "\u0621-\u063A\u0641-\u064A\u064B-\u065F\u0670-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0640"
_DIGITS = "0-9\u0660-\u0669\u06F0-\u06F9"
_TOKEN = re.compile(
    rf"(?P<ar>[{_ARABIC_WORD}]+)"
    rf"|(?P<num>[{_DIGITS}]+(?:[.,٫٬][{_DIGITS}]+)*)"
    rf"|(?P<lat>[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?)"
    r"|(?P<punct>[^\s])"
)


class Token(NamedTuple):
    """A token and its offsets (a named tuple: made a third faster than a frozen dataclass, for every token)."""

    text: str
    start: int
    end: int
    kind: str  # "ar" | "num" | "lat" | "punct"


_LAST: tuple[str, tuple[Token, ...]] | None = None


def tokens(text: str) -> tuple[Token, ...]:
    """The tokens of ``text``. The last result is kept: several stages tokenise the same article text in turn
    (NER, quotes, relations), and one assignment of a tuple keeps the cache safe across threads."""
    global _LAST
    last = _LAST
    if last is not None and last[0] is text:
        return last[1]
    # ``tuple.__new__`` builds each named tuple without the Python-level ``Token.__new__`` (one call per token)
    new = tuple.__new__
    found = tuple([new(Token, (m.group(), m.start(), m.end(), m.lastgroup or "punct")) for m in _TOKEN.finditer(text)])
    _LAST = (text, found)
    return found


def words(text: str) -> list[Token]:
    """Tokens that are words or numbers (no punctuation)."""
    return [t for t in tokens(text) if t.kind != "punct"]


_ARABIC_WORD_RE = re.compile(rf"[{_ARABIC_WORD}]+")


def arabic_words(text: str) -> list[str]:
    return _ARABIC_WORD_RE.findall(text)
