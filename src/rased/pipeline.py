"""The pipeline: input decoding, then an explicit ordered list of stages.

Each stage declares what it reads and writes; ``build`` checks that every field a stage reads is either an
input field or written by an earlier stage, so a reordering mistake fails at build time, not on data.
"""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from .errors import InputError
from .io import decode as decoding
from .io import html as html_input
from .record import Article, Problem, content_id
from .settings import DEFAULT, Settings
from .stages import clean, dateline, entities, header, quotes, relations, sentences, structure, summary
from .windows import run_bounded

INPUT_FIELDS = frozenset({"raw", "hints", "url", "source"})


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Article, Settings], Article]
    reads: frozenset[str]
    writes: frozenset[str]


def stage(name: str, run: Callable[[Article, Settings], Article], reads: str, writes: str) -> Stage:
    return Stage(name, run, frozenset(reads.split()), frozenset(writes.split()))


STAGES: tuple[Stage, ...] = (
    stage("header", header.run, "raw hints", "title published dateline author removed problems"),
    stage("clean", clean.run, "raw title removed", "text raw_offsets removed problems"),
    stage("dateline", dateline.run, "text dateline", "dateline"),
    stage("structure", structure.run, "text", "blocks"),
    stage("sentences", sentences.run, "text blocks", "sentences"),
    stage("entities", entities.run, "text", "entities ner"),
    stage("quotes", quotes.run, "text blocks sentences entities", "quotes"),
    stage("relations", relations.run, "text sentences entities quotes published", "relations"),
    stage("summary", summary.run, "text sentences", "summary keywords"),
)


def build(stages: tuple[Stage, ...] = STAGES) -> tuple[Stage, ...]:
    """Check the order of ``stages`` and return them."""
    available = set(INPUT_FIELDS) | {"problems", "removed"}
    for s in stages:
        missing = s.reads - available
        if missing:
            raise ValueError(f"stage {s.name!r} reads {sorted(missing)} before any stage writes them")
        available |= s.writes
    return stages


PIPELINE = build()


def _as_text(data: str | bytes, settings: Settings) -> decoding.Decoded:
    if isinstance(data, bytes):
        return decoding.decode(data, max_bytes=settings.input.max_bytes)
    if not isinstance(data, str):
        raise InputError(f"cannot analyze a {type(data).__name__}", hint="pass text (str) or bytes")
    if not data.strip():
        raise InputError("the input is empty", hint="give a text or HTML file with an article")
    if len(data) > settings.input.max_bytes:
        raise InputError(f"the input is too large ({len(data)} characters)", hint="one article is expected")
    return decoding.Decoded(decoding.normalise_newlines(data.lstrip("\ufeff")), "")


def _within_budget(text: str, settings: Settings, problems: list[Problem]) -> str:
    """The text cut to ``budget.max_chars`` (at a space), the cut recorded as a problem."""
    limit = settings.budget.max_chars
    if len(text) <= limit:
        return text
    end = text.rfind(" ", limit // 2, limit)
    end = end if end > 0 else limit
    problems.append(Problem("budget", f"the text has {len(text):,} characters; the first {end:,} were analysed"))
    return text[:end]


def prepare(
    data: str | bytes,
    *,
    url: str | None = None,
    fetched_at: datetime | str | None = None,
    source: str | None = None,
    title: str | None = None,
    published: str | None = None,
    settings: Settings = DEFAULT,
) -> Article:
    """The input record: decoded text (the main text for HTML pages) and metadata hints."""
    decoded = _as_text(data, settings)
    text, encoding = decoded.text, decoded.encoding
    hints: dict[str, str] = {}
    problems: list[Problem] = []
    if decoded.replaced:
        problems.append(Problem("encoding", decoding.replaced_message(decoded.replaced)))
    if decoding.looks_like_html(text):
        text, page, notes = html_input.extract(text, url=url)
        problems.extend(Problem("budget", note) for note in notes)
        hints.update(page)
        url = url or page.get("url")
        source = source or page.get("sitename")
    text = _within_budget(text, settings, problems)
    if encoding and encoding not in ("utf-8", "utf-8-sig"):
        problems.append(Problem("encoding", f"the input was decoded as {encoding}"))
    if title:
        hints["title"] = title
    if published:
        hints["date"] = published
    if fetched_at is not None:
        hints["fetched_at"] = fetched_at.isoformat() if isinstance(fetched_at, datetime) else str(fetched_at)
    return Article(id="", text="", url=url, source=source, raw=text, hints=tuple(hints.items()), problems=tuple(problems))


def run(article: Article, settings: Settings = DEFAULT, stages: tuple[Stage, ...] = PIPELINE) -> Article:
    started = time.monotonic()  # the stages share the document's time budget
    for s in stages:
        article = run_bounded(s.name, s.run, article, settings, started)
    return dataclasses.replace(article, id=content_id(article.text))


def analyze(
    data: str | bytes,
    *,
    url: str | None = None,
    fetched_at: datetime | str | None = None,
    source: str | None = None,
    title: str | None = None,
    published: str | None = None,
    settings: Settings | None = None,
) -> Article:
    settings = settings or DEFAULT
    article = prepare(
        data, url=url, fetched_at=fetched_at, source=source, title=title, published=published, settings=settings
    )
    return run(article, settings)
