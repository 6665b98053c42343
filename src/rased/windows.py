"""A per-document budget for the model stages: long texts go to them in bounded windows.

The entity, quote and relation stages compare things within a document, and some of their look-ups grow with
its length, so a text of megabytes would cost far more than the sum of its articles. Above
``settings.budget.window_chars`` such a stage runs on windows of at most that many characters, cut at a
paragraph start, else a sentence start, else a space, and its spans are shifted back. A sentence longer than
``max_sentence_chars`` is blanked (same length, so offsets hold) for quotes and relations, and a stage leaves its
remaining windows out once one more, as slow as the last one, would take it past ``stage_seconds``, or the
document's stages together past ``document_seconds`` (a stage can only be stopped between windows, so it stops
before going over, not a window after). Each degradation is a
``Problem`` on the record. Articles under the limits go to the stage whole: their results are those of the
stage itself.
"""
from __future__ import annotations

import bisect
import dataclasses
import time
from collections.abc import Callable
from typing import Any

from .record import Article, Problem
from .settings import Settings

StageRun = Callable[[Article, Settings], Article]
OUTPUTS = {"entities": "entities", "quotes": "quotes", "relations": "relations"}
BOUNDED_SENTENCES = frozenset({"quotes", "relations"})  # stages given no over-long sentence


def cut(text: str, starts: tuple[list[int], ...], size: int) -> list[tuple[int, int]]:
    """Windows ``(start, end)`` covering ``text``, each at most ``size`` characters, ending where one of the
    sorted offset lists ``starts`` (tried in order) has an offset, else at a space."""
    out, pos, n = [], 0, len(text)
    while pos < n:
        limit = pos + size
        if limit >= n:
            out.append((pos, n))
            break
        end = 0
        for offsets in starts:
            i = bisect.bisect_right(offsets, limit) - 1
            if i >= 0 and offsets[i] > pos:
                end = offsets[i]
                break
        if not end:
            space = text.rfind(" ", pos + size // 2, limit)
            end = space + 1 if space > 0 else limit
        out.append((pos, end))
        pos = end
    return out


def shift(value: Any, delta: int) -> Any:
    """``value`` with every span offset (``start``, ``end``, ``*_start``, ``*_end``) moved by ``delta``."""
    if not dataclasses.is_dataclass(value):
        return value
    changes = {}
    for f in dataclasses.fields(value):
        v = getattr(value, f.name)
        if isinstance(v, int) and not isinstance(v, bool) and (f.name in ("start", "end") or f.name.endswith(("_start", "_end"))):
            changes[f.name] = v + delta
        elif dataclasses.is_dataclass(v):
            changes[f.name] = shift(v, delta)
    return dataclasses.replace(value, **changes)


def _inside(items, a: int, b: int) -> tuple:
    return tuple(shift(x, -a) for x in items or () if x.start >= a and x.end <= b)


def _quotes_inside(quotes, a: int, b: int) -> tuple:
    return tuple(shift(q, -a) for q in quotes if min(q.cue_start, q.content_start) >= a
                 and max(q.cue_end, q.content_end) <= b)


def _window(article: Article, text: str, a: int, b: int) -> Article:
    """The part ``[a, b)`` of the article as an article of its own, every span relative to ``a``."""
    clip = tuple(
        shift(dataclasses.replace(s, start=max(s.start, a), end=min(s.end, b)), -a)
        for s in article.sentences if s.start < b and s.end > a
    )
    blocks = tuple(
        shift(dataclasses.replace(k, start=max(k.start, a), end=min(k.end, b)), -a)
        for k in article.blocks if k.start < b and k.end > a
    )
    quotes = None if article.quotes is None else _quotes_inside(article.quotes, a, b)
    return dataclasses.replace(
        article, text=text[a:b], blocks=blocks, sentences=clip, entities=_inside(article.entities, a, b),
        quotes=quotes, problems=(), raw_offsets=(), removed=(),
    )


def _blank_long_sentences(article: Article, limit: int) -> tuple[str, Article, int]:
    long = [s for s in article.sentences if s.end - s.start > limit]
    if not long:
        return article.text, article, 0
    chars = list(article.text)
    for s in long:
        chars[s.start:s.end] = " " * (s.end - s.start)
    spans = [(s.start, s.end) for s in long]
    kept = tuple(e for e in article.entities or () if not any(a <= e.start < b for a, b in spans))
    return "".join(chars), dataclasses.replace(article, entities=kept), len(long)


def run_bounded(name: str, run: StageRun, article: Article, settings: Settings,
                document_started: float | None = None) -> Article:
    """Stage ``name`` on ``article`` within the budget of ``settings.budget``: ``stage_seconds`` of its own, and
    no more than is left of ``document_seconds`` since ``document_started`` (a ``time.monotonic()``), if given."""
    budget = settings.budget
    field = OUTPUTS.get(name)
    if field is None:
        return run(article, settings)
    text, given, blanked = article.text, article, 0
    if name in BOUNDED_SENTENCES:
        text, given, blanked = _blank_long_sentences(article, budget.max_sentence_chars)
    if len(text) <= budget.window_chars and not blanked:
        return run(article, settings)
    problems = list(article.problems)
    if blanked:
        problems.append(Problem("budget", f"{name}: {blanked} sentence(s) longer than {budget.max_sentence_chars} "
                                          "characters left out"))
    windows = cut(text, ([b.start for b in article.blocks], [s.start for s in article.sentences]),
                  budget.window_chars)
    found: list = []
    started, last = time.monotonic(), 0.0
    limit = budget.stage_seconds
    if document_started is not None:
        limit = min(limit, budget.document_seconds - (started - document_started))
    for k, (a, b) in enumerate(windows):
        spent = time.monotonic() - started
        if spent + last > limit:  # the next window, as slow as the last one, would go over
            problems.append(Problem("budget", f"{name}: stopped after {spent:.1f} s of its {max(limit, 0):.1f}; "
                                              f"{k} of {len(windows)} windows analysed", a, len(text)))
            break
        part = run(_window(given, text, a, b), settings)
        last = time.monotonic() - started - spent
        found.extend(shift(x, a) for x in getattr(part, field) or ())
    return dataclasses.replace(article, **{field: tuple(found)}, problems=tuple(problems))
