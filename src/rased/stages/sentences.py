"""Stage ``sentences``: sentence spans inside each block.

Reads ``text`` and ``blocks``; writes ``sentences``. «.», «!», «?» and «؟» end a sentence, with any closing
quotes or brackets after them; the Arabic comma «،» and semicolon «؛» do not. A period after a single letter
(an initial, «د.») or inside a number does not; nor does an ellipsis.
"""
from __future__ import annotations

import dataclasses
import re

from ..record import Article, Sentence
from ..settings import Settings

_END = re.compile(r"([.!?؟…]+)([\"'»”)\]]*)(?=\s|$)")
_INITIAL = re.compile(r"(?:^|\s)[\u0621-\u064AA-Za-z]$")


def split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (offsets into ``text``)."""
    spans = []
    pos = start
    for m in _END.finditer(text, start, end):
        marks = m.group(1)
        if marks.startswith("..") or marks.startswith("…") or (marks == "." and _INITIAL.search(text, pos, m.start())):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end and text[pos:end].strip():
        spans.append((pos, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def run(article: Article, settings: Settings) -> Article:
    sentences = []
    for block in article.blocks:
        if block.type in ("heading", "caption"):
            sentences.append(Sentence(block.start, block.end))
        else:
            sentences.extend(Sentence(a, b) for a, b in split(article.text, block.start, block.end))
    return dataclasses.replace(article, sentences=tuple(sentences))
