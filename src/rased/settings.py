"""One frozen settings object with a sub-object per stage. Defaults live here; only shells read config files."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class InputSettings:
    max_bytes: int = 10_000_000  # one article; a corpus goes through `rased ingest`


@dataclass(slots=True, frozen=True)
class HeaderSettings:
    max_title_words: int = 30
    header_lines: int = 6  # non-empty lines at the top that may hold title, date, author


@dataclass(slots=True, frozen=True)
class CleanSettings:
    max_boilerplate_words: int = 12  # a print/share line longer than this is content
    caption_min_words: int = 2  # a title-prefix caption has at least this many words
    repeat_min: int = 3  # a short line seen this often is a repeated caption
    repeat_max_words: int = 12
    glue_min_part: int = 100  # corpus count each half of a glued word must reach
    glue_min_opener: int = 50  # ... and the second half, as a paragraph opener, for a lost paragraph break
    glue_max_whole: int = 1  # ... while the glued form itself is (almost) unseen


@dataclass(slots=True, frozen=True)
class StructureSettings:
    max_heading_words: int = 8
    max_point_heading_words: int = 10


@dataclass(slots=True, frozen=True)
class EntitySettings:
    # The NER model: "accurate" (the shipped BiLSTM-CRF), "fast" (the shipped feature CRF: lower F1, about half
    # the cost of a full analysis), or the path of a model folder made by `rased train ner`.
    model: str = "accurate"
    # The analyst's own actors (``rased.knowledge.registry.Actor`` records), linked beside the shipped registry;
    # read them with ``rased.knowledge.user_actors.read`` or from a store (``store.user_actors()``).
    actors: tuple = ()


@dataclass(slots=True, frozen=True)
class QuoteSettings:
    min_direct_words: int = 4  # «داعش», «بداية» in quotation marks are names or scare quotes, not speech
    max_speaker_words: int = 14  # words between a cue and its «إن/أن» or colon
    continue_paragraphs: int = 2  # a subject-less «وأضاف» continues a speaker this many paragraph breaks back


@dataclass(slots=True, frozen=True)
class RelationSettings:
    max_argument_words: int = 12  # an actor further than this from the trigger is not its argument
    event_types: tuple[str, ...] = ("ASSAULT", "PROTEST", "FIGHT")  # kept without actors


@dataclass(slots=True, frozen=True)
class SummarySettings:
    sentences: int = 3
    position_weight: float = 0.35  # prior for early sentences, mixed with the centrality score
    min_words: int = 5  # shorter sentences (headings, captions) are not summary material
    keywords: int = 8


@dataclass(slots=True, frozen=True)
class Settings:
    input: InputSettings = field(default_factory=InputSettings)
    header: HeaderSettings = field(default_factory=HeaderSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    structure: StructureSettings = field(default_factory=StructureSettings)
    entities: EntitySettings = field(default_factory=EntitySettings)
    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    relations: RelationSettings = field(default_factory=RelationSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)


DEFAULT = Settings()
