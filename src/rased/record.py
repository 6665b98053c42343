"""The one record that flows through the pipeline.

Every annotation is a character span ``(start, end)`` into ``Article.text`` (the clean display text),
so that anything shown to a user can be traced back to the exact characters it came from.
Records are frozen: a stage returns a new ``Article`` through ``dataclasses.replace``.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "rased.article/1"

BLOCK_TYPES = ("paragraph", "heading", "list_item", "quote", "caption")


@dataclass(slots=True, frozen=True)
class Block:
    type: str
    start: int
    end: int
    number: int | None = None  # list items: the number as written («1-», «٢.»)


@dataclass(slots=True, frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class Removed:
    """A piece of the input that cleaning dropped; ``raw_start``/``raw_end`` index the decoded input."""

    text: str
    reason: str
    raw_start: int
    raw_end: int


@dataclass(slots=True, frozen=True)
class Problem:
    code: str
    message: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True, frozen=True)
class Published:
    """A publication time: ISO 8601 ``value`` (with offset where known) and its precision."""

    value: str
    precision: str  # "day" | "minute" | "second"
    source: str  # where it came from: "date_line", "html_meta", "caller", ...
    text: str  # the words it was read from


@dataclass(slots=True, frozen=True)
class Dateline:
    """The line that dates (and sometimes places) the article, as written."""

    text: str
    place: str | None = None
    agency: str | None = None


@dataclass(slots=True, frozen=True)
class ActorRef:
    name_ar: str
    name_en: str
    wikidata: str | None
    kind: str


@dataclass(slots=True, frozen=True)
class Entity:
    start: int
    end: int
    text: str
    type: str
    actor_id: str | None = None
    actor: ActorRef | None = None
    score: float = 1.0
    cluster: str | None = None


@dataclass(slots=True, frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str | None = None


@dataclass(slots=True, frozen=True)
class Quote:
    speaker: Mention | None
    speaker_text: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    direct: bool
    speaker_start: int | None = None  # the words that name the speaker (for an implicit one, its antecedent)
    speaker_end: int | None = None
    rule: str | None = None  # the rule that decided the quote


@dataclass(slots=True, frozen=True)
class Relation:
    type: str
    source: Mention | None
    target: Mention | None
    evidence_start: int
    evidence_end: int
    trigger: str
    modality: str
    attributed_to: Mention | None = None
    event_time: str | None = None
    location: Mention | None = None
    rule: str | None = None  # the rule that chose the arguments (docs/relations.md)


@dataclass(slots=True, frozen=True)
class Article:
    id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: Published | None = None
    dateline: Dateline | None = None
    author: str | None = None
    blocks: tuple[Block, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    removed: tuple[Removed, ...] = ()
    problems: tuple[Problem, ...] = ()
    # Map from clean-text offsets back to the decoded input: (clean_start, raw_start, length) runs.
    raw_offsets: tuple[tuple[int, int, int], ...] = ()
    # Filled by later stages; None means "not computed", never "nothing found".
    entities: tuple[Entity, ...] | None = None
    quotes: tuple[Quote, ...] | None = None
    relations: tuple[Relation, ...] | None = None
    summary: tuple[Sentence, ...] | None = None
    keywords: tuple[str, ...] | None = None
    # Raw material that stages read but users do not need (the decoded input, page metadata).
    raw: str = field(default="", repr=False, compare=False)
    hints: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)
    # The NER model's spans ``(start, end, type, score)`` that linking read: the store keeps them so that a
    # stored corpus is re-linked after the registry changes without tagging it again (``rased relink``).
    ner: tuple[tuple[int, int, str, float], ...] = field(default=(), repr=False, compare=False)

    def hint(self, name: str) -> str | None:
        for key, value in self.hints:
            if key == name:
                return value
        return None

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def raw_position(self, offset: int) -> int | None:
        """Where clean-text ``offset`` came from in the decoded input."""
        for clean_start, raw_start, length in self.raw_offsets:
            if clean_start <= offset < clean_start + length:
                return raw_start + offset - clean_start
        return None


def content_id(text: str) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the clean text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_PRIVATE = {"raw", "hints", "ner"}


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name not in _PRIVATE}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def to_dict(article: Article) -> dict[str, Any]:
    """The JSON form of an article, with its schema tag; fields not computed are left out."""
    data: dict[str, Any] = {"schema": SCHEMA}
    for f in dataclasses.fields(article):
        if f.name in _PRIVATE:
            continue
        value = getattr(article, f.name)
        if value is None and f.name in ("entities", "quotes", "relations", "summary", "keywords"):
            continue
        data[f.name] = _plain(value)
    return data


def _build(cls: type, data: dict[str, Any] | None) -> Any:
    if data is None:
        return None
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = data[f.name]
    return cls(**kwargs)


def _mention(data: dict[str, Any] | None) -> Mention | None:
    return _build(Mention, data)


def from_dict(data: dict[str, Any]) -> Article:
    """Read back what ``to_dict`` wrote (the store and the batch runner use this)."""
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} record: schema={data.get('schema')!r}")

    def many(name: str, build) -> tuple | None:
        items = data.get(name)
        return None if items is None else tuple(build(item) for item in items)

    def entity(item: dict[str, Any]) -> Entity:
        item = dict(item)
        item["actor"] = _build(ActorRef, item.get("actor"))
        return _build(Entity, item)

    def quote(item: dict[str, Any]) -> Quote:
        item = dict(item)
        item["speaker"] = _mention(item.get("speaker"))
        return _build(Quote, item)

    def relation(item: dict[str, Any]) -> Relation:
        item = dict(item)
        for key in ("source", "target", "attributed_to", "location"):
            item[key] = _mention(item.get(key))
        return _build(Relation, item)

    return Article(
        id=data["id"],
        text=data["text"],
        source=data.get("source"),
        url=data.get("url"),
        title=data.get("title"),
        published=_build(Published, data.get("published")),
        dateline=_build(Dateline, data.get("dateline")),
        author=data.get("author"),
        blocks=tuple(_build(Block, b) for b in data.get("blocks", ())),
        sentences=tuple(_build(Sentence, s) for s in data.get("sentences", ())),
        removed=tuple(_build(Removed, r) for r in data.get("removed", ())),
        problems=tuple(_build(Problem, p) for p in data.get("problems", ())),
        raw_offsets=tuple(tuple(run) for run in data.get("raw_offsets", ())),
        entities=many("entities", entity),
        quotes=many("quotes", quote),
        relations=many("relations", relation),
        summary=many("summary", lambda s: _build(Sentence, s)),
        keywords=None if data.get("keywords") is None else tuple(data["keywords"]),
    )
