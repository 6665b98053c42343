"""What the store takes and gives back: plain frozen records, no SQL.

``prepare`` turns an ``Article`` into everything the store writes for it (the JSON record, the search keys,
the MinHash signature and its LSH bands, the entity/quote/relation rows); both backends write the same.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from dataclasses import asdict, dataclass, field
from typing import Any

from ..record import Article, Mention, to_dict
from . import dedup, text_index
from .text_index import Snippet

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
STORY_WORDS = 80  # body words that go into a story's terms (the lead carries the event)


@dataclass(slots=True, frozen=True)
class Precomputed:
    """The costly part of ``prepare`` (search keys, MinHash, story terms, the JSON record), computed once where
    the article is analysed (a batch worker, see ``rased.batch``) and handed to ``put`` through
    ``Stored.precomputed``. When ``key_version`` is not ``text_index.KEY_VERSION``, ``prepare`` recomputes it."""

    title_keys: tuple[str, ...]
    body_keys: tuple[str, ...]
    signature: bytes
    story_terms: str
    key_version: str
    record: str  # ``record_json(article)``


@dataclass(slots=True, frozen=True)
class Stored:
    """An analysed article and the input it came from (with its search keys, when already computed)."""

    article: Article
    locator: str
    raw_hash: str
    precomputed: Precomputed | None = None


@dataclass(slots=True, frozen=True)
class Failed:
    """An input that could not be read or analysed: recorded, never dropped silently."""

    locator: str
    raw_hash: str
    reason: str
    code: str = "input"


@dataclass(slots=True)
class PutResult:
    stored: int = 0  # new articles
    existing: int = 0  # already in the store (same content hash)
    duplicates: int = 0  # new articles marked as near-duplicates of an earlier one
    failed: int = 0
    ids: list[str] = field(default_factory=list)  # ids of new articles, in order

    def add(self, other: PutResult) -> None:
        other.count_into(self)
        self.ids.extend(other.ids)

    def count_into(self, summary) -> None:
        """Add these counts to a running summary (ingest's, load's) with the same four counters."""
        summary.stored += self.stored
        summary.existing += self.existing
        summary.duplicates += self.duplicates
        summary.failed += self.failed


@dataclass(slots=True, frozen=True)
class Folded:
    """Another article of a hit's near-duplicate group (``original``: the one the others duplicate)."""

    id: str
    title: str | None
    source: str | None
    day: str | None
    original: bool


@dataclass(slots=True, frozen=True)
class Hit:
    id: str  # the article of the group that matched (best, or latest when sorted by date)
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    score: float  # higher is better; comparable within one result list only
    snippet: Snippet
    title_highlights: tuple[tuple[int, int], ...]  # spans into the title
    duplicates: int  # the other articles of its near-duplicate group, folded into this hit
    story_id: str | None
    group: str = ""  # the group's original (``coalesce(duplicate_of, id)``)
    folded: tuple[Folded, ...] = ()  # the group's other articles (the first ``search.FOLDED_SHOWN``)

    def to_dict(self) -> dict[str, Any]:
        # Built by hand: ``asdict`` deep-copies every field and cost as much as the snippets of a page.
        return {
            "id": self.id, "title": self.title, "source": self.source, "url": self.url, "published": self.published,
            "score": self.score,
            "snippet": {"text": self.snippet.text, "start": self.snippet.start, "end": self.snippet.end,
                        "highlights": [list(h) for h in self.snippet.highlights]},
            "title_highlights": [list(h) for h in self.title_highlights],
            "duplicates": self.duplicates, "story_id": self.story_id, "group": self.group,
            "folded": [{"id": f.id, "title": f.title, "source": f.source, "day": f.day, "original": f.original}
                       for f in self.folded],
        }


@dataclass(slots=True, frozen=True)
class Facet:
    value: str
    count: int  # matching groups (an article and its near-duplicates count once)
    name: str | None = None  # an actor's Arabic name


@dataclass(slots=True, frozen=True)
class SearchPage:
    """One page of a search with the total and the facet counts of every match."""

    query: str
    sort: str
    total: int  # matching groups
    offset: int
    limit: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[Facet, ...]]  # "source", "type", "actor" → counts, most frequent first
    facet_depth: int = 0  # the facets count the best this-many matches (every match when the total is no more)

    @property
    def more(self) -> bool:
        return self.offset + len(self.hits) < self.total

    @property
    def facets_exact(self) -> bool:
        return self.total <= self.facet_depth

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query, "sort": self.sort, "total": self.total, "offset": self.offset, "limit": self.limit,
            "more": self.more, "hits": [h.to_dict() for h in self.hits],
            "facets": {k: [{"value": f.value, "count": f.count, "name": f.name} for f in v] for k, v in self.facets.items()},
            "facet_depth": self.facet_depth, "facets_exact": self.facets_exact,
        }


@dataclass(slots=True, frozen=True)
class ActorSummary:
    actor_id: str
    name: str
    name_en: str | None
    wikidata: str | None
    type: str
    articles: int
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class StoryArticle:
    """An article as lists show it (a story's articles, the latest articles)."""

    id: str
    source: str | None
    title: str | None
    day: str | None
    url: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class Story:
    id: str
    first_day: str
    last_day: str
    sources: tuple[str, ...]
    articles: tuple[StoryArticle, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True, frozen=True)
class FailureRow:
    locator: str
    code: str
    reason: str
    at: str


def text_column(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL; the JSON record keeps the exact value."""
    return None if value is None else value.replace("\x00", "")


def _real(value: float) -> float:
    """A score as a 4-byte REAL column takes it: PostgreSQL rejects magnitudes that underflow (the record keeps
    the exact value)."""
    value = float(value)
    return 0.0 if abs(value) < 1e-37 else value


def _actor(m: Mention | None) -> str | None:
    return text_column(m.actor_id) if m is not None else None


def _text(m: Mention | None) -> str | None:
    return text_column(m.text) if m is not None else None


@dataclass(slots=True)
class Prepared:
    article: Article
    record: str
    title_keys: list[str]
    body_keys: list[str]
    signature: bytes
    bands: list[tuple[int, int]]
    story_terms: str
    published: str | None
    day: str | None
    mentions: list[tuple]
    quotes: list[tuple]
    relations: list[tuple]

    def facets(self) -> list[tuple[str, str]]:
        return facet_rows(self.mentions, self.relations)


def facet_rows(mentions: list[tuple], relations: list[tuple]) -> list[tuple[str, str]]:
    """``(kind, value)`` rows of ``article_facets``: an article's entity and relation types, its linked actors."""
    rows = {("type", m[4]) for m in mentions} | {("type", r[0]) for r in relations}
    rows |= {("actor", m[5]) for m in mentions if m[5]}
    return sorted(rows)


@lru_cache(maxsize=1)
def _story_stopwords() -> frozenset[str]:
    """Keys of function words and reporting verbs: they say nothing about which event is reported."""
    from ..arabic import wordfreq

    words = set(wordfreq.stopwords()) | set(STORY_STOPWORDS.split())
    return frozenset(text_index.term(w) for w in words) - {""}


STORY_STOPWORDS = (
    "قال قالت وقال وقالت اضاف اضافت واضاف واضافت اكد اكدت واكد واكدت اعلن اعلنت ذكر ذكرت افاد افادت "
    "اليوم امس الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعة السبت منذ اول اولى الأولى خلال بعد قبل عام "
    "مصدر مصادر بيان وكالة الانباء مسؤول مسؤولون"
)


def record_json(article: Article) -> str:
    """The article's JSON record as the store keeps it."""
    return json.dumps(to_dict(article), ensure_ascii=False, separators=(",", ":"))


def precompute(article: Article) -> Precomputed:
    a = article
    title_keys = [t.key for t in text_index.key_tokens(a.title or "")]
    body_keys = [t.key for t in text_index.key_tokens(a.text)]
    story: list[str] = []
    stop = _story_stopwords()
    for k in title_keys + body_keys[:STORY_WORDS]:
        if len(k) >= 3 and not k.isdigit() and k not in stop and k not in story:
            story.append(k)
    return Precomputed(
        tuple(title_keys), tuple(body_keys), dedup.signature(a.text), " ".join(story), text_index.KEY_VERSION,
        record_json(a),
    )


def annotation_rows(a: Article) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The mention, quote and relation rows of an article, as the store writes them."""
    mentions = []
    for e in a.entities or ():
        ref = e.actor
        mentions.append((
            e.start, e.end, text_column(e.text), text_index.keys_text(e.text), text_column(e.type), text_column(e.actor_id),
            text_column(ref.name_ar) if ref else None, text_column(ref.name_en) if ref else None, text_column(ref.wikidata) if ref else None,
            _real(e.score),
        ))
    quotes = [
        (text_column(q.speaker_text), _actor(q.speaker), int(q.direct), q.cue_start, q.cue_end, q.content_start,
         q.content_end, text_column(a.text[q.content_start : q.content_end]))
        for q in a.quotes or ()
    ]
    relations = [
        (text_column(r.type), _text(r.source), _actor(r.source), _text(r.target), _actor(r.target),
         _text(r.attributed_to), _actor(r.attributed_to), text_column(r.modality), text_column(r.trigger),
         r.evidence_start, r.evidence_end, text_column(a.text[r.evidence_start : r.evidence_end]), text_column(r.event_time))
        for r in a.relations or ()
    ]
    return mentions, quotes, relations


def prepare(article: Article, pre: Precomputed | None = None) -> Prepared:
    a = article
    if pre is None or pre.key_version != text_index.KEY_VERSION:
        pre = precompute(a)
    title_keys, body_keys, sig = list(pre.title_keys), list(pre.body_keys), pre.signature
    published = a.published.value if a.published else None
    day = published[:10] if published and _DAY.match(published) else None
    mentions, quotes, relations = annotation_rows(a)
    return Prepared(
        article=a,
        record=pre.record,
        title_keys=title_keys,
        body_keys=body_keys,
        signature=sig,
        bands=dedup.bands(sig) if body_keys else [],
        story_terms=pre.story_terms,
        published=text_column(published),
        day=day,
        mentions=mentions,
        quotes=quotes,
        relations=relations,
    )
