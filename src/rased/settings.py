"""One frozen settings object with a sub-object per stage. Defaults live here; only shells read config files."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True, frozen=True)
class InputSettings:
    max_bytes: int = 10_000_000  # one article; a corpus goes through `rased ingest`


@dataclass(slots=True, frozen=True)
class BudgetSettings:
    """What one document may cost (``rased.windows``); going over is a ``Problem`` on the record, not a hang."""

    max_chars: int = 500_000  # decoded text analysed (about 0.9 MB of Arabic UTF-8, 150 long articles); the rest is left out
    window_chars: int = 50_000  # the most text the entity, quote and relation stages see at once
    max_sentence_chars: int = 5_000  # a longer "sentence" (a text without punctuation) gets no quotes or relations
    stage_seconds: float = 20.0  # a stage that has run this long leaves its remaining windows out
    document_seconds: float = 25.0  # ... and so does one that would take the whole document past this

    def __post_init__(self) -> None:
        for name in ("max_chars", "window_chars", "max_sentence_chars", "stage_seconds", "document_seconds"):
            if getattr(self, name) <= 0:
                raise ValueError(f"budget.{name} must be positive")
        if self.window_chars < 1000:
            raise ValueError("budget.window_chars must be at least 1000")


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
    budget: BudgetSettings = field(default_factory=BudgetSettings)
    header: HeaderSettings = field(default_factory=HeaderSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    structure: StructureSettings = field(default_factory=StructureSettings)
    entities: EntitySettings = field(default_factory=EntitySettings)
    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    relations: RelationSettings = field(default_factory=RelationSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)


DEFAULT = Settings()
