"""Stage ``structure``: paragraphs, headings, numbered points, quotes and captions as typed blocks.

Reads ``text`` (paragraphs separated by a blank line); writes ``blocks``.
"""
from __future__ import annotations

import dataclasses
import re

from ..arabic import normalize
from ..record import Article, Block
from ..settings import Settings
from .clean import PARAGRAPH_BREAK

_NUMBERED = re.compile(r"^\s*(?P<n>[0-9\u0660-\u0669\u06F0-\u06F9]{1,2})\s*[-–—.):/]\s*\S")
_TERMINAL = ".!?؟:،;؛…"
_QUOTED = re.compile(r'^[«"“].*[»"”][.؟!]?$', re.S)
_CAPTION = re.compile(r"^\(?(صورة|الصورة|صور|الصور|فيديو|تصوير)\s*(أرشيفية|ارشيفية|من|لـ|:|\))")


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in text.split(PARAGRAPH_BREAK):
        if part:
            spans.append((pos, pos + len(part)))
        pos += len(part) + len(PARAGRAPH_BREAK)
    return spans


def classify(par: str, next_par: str | None, settings: Settings) -> tuple[str, int | None]:
    numbered = _NUMBERED.match(par)
    if numbered:
        return "list_item", int(normalize.digits(numbered.group("n")))
    if _CAPTION.match(par):
        return "caption", None
    if _QUOTED.match(par) and par.count("«") <= 1 and par.count('"') <= 2:
        return "quote", None
    words = par.split()
    if (
        next_par is not None
        and len(words) <= settings.structure.max_heading_words
        and not par.rstrip().endswith(tuple(_TERMINAL))
        and len(next_par.split()) > len(words)
    ):
        return "heading", None
    return "paragraph", None


def run(article: Article, settings: Settings) -> Article:
    spans = paragraphs(article.text)
    blocks = []
    for i, (start, end) in enumerate(spans):
        following = article.text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else None
        kind, number = classify(article.text[start:end], following, settings)
        blocks.append(Block(kind, start, end, number))
    return dataclasses.replace(article, blocks=tuple(blocks))
