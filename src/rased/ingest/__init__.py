"""Ingest: read inputs, analyse each document, store the articles in batches.

    from rased.ingest import ingest
    from rased.store import open_store
    with open_store("rased.db") as store:
        summary = ingest(["corpus/"], store)

Each batch (``batch_size`` documents) is written in one transaction. An input already stored (same
locator and bytes) is skipped before analysis, so a re-run after a crash only analyses what is missing.
A document that cannot be read or analysed is recorded in the store's ``failures`` with its reason and
ingest goes on.
"""
from __future__ import annotations

import dataclasses
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RasedError
from ..io.decode import replaced_message
from ..record import Article, Problem, from_dict
from ..store.model import Failed, Stored
from .readers import FORMATS, Bad, Doc, detect, read

__all__ = ["FORMATS", "Bad", "Doc", "Summary", "analyze_doc", "detect", "ingest", "ingest_docs", "note_replaced", "read",
           "settings_for"]

BATCH_SIZE = 200


@dataclass(slots=True)
class Summary:
    read: int = 0  # documents read from the inputs
    stored: int = 0  # new articles
    existing: int = 0  # articles already in the store (same content)
    skipped: int = 0  # inputs already taken in by an earlier run
    duplicates: int = 0  # new articles that are near-duplicates of stored ones
    failed: int = 0
    seconds: float = 0.0
    reasons: Counter = field(default_factory=Counter)  # failure code → count
    examples: list[tuple[str, str]] = field(default_factory=list)  # (locator, reason), the first few
    ids: list[str] = field(default_factory=list)  # ids of the new articles, in order

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "stored": self.stored, "existing": self.existing, "skipped": self.skipped,
            "duplicates": self.duplicates, "failed": self.failed, "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.rate, 2), "failure_reasons": dict(self.reasons),
            "failure_examples": [list(e) for e in self.examples],
        }


def settings_for(store, settings=None):
    """``settings`` (the defaults when None) with the analyst's actors of ``store`` added to linking: ingest,
    relink and any other writer into a store link with the registry that store keeps."""
    import dataclasses

    from ..settings import DEFAULT

    settings = settings or DEFAULT
    actors = tuple(store.user_actors()) if hasattr(store, "user_actors") else ()
    if not actors:
        return settings
    return dataclasses.replace(settings, entities=dataclasses.replace(settings.entities, actors=actors))


def _default_analyzer(store) -> Callable[..., Article]:
    import functools

    from ..pipeline import analyze

    return functools.partial(analyze, settings=settings_for(store))


def analyze_doc(doc: Doc, analyzer: Callable[..., Article]) -> Article:
    if doc.record is not None:
        try:
            return from_dict(doc.record)
        except (KeyError, TypeError, ValueError) as err:
            raise RasedError(f"not a valid stored record: {err}", code="record") from None
    kwargs: dict[str, Any] = {"url": doc.url, "source": doc.source, "fetched_at": doc.fetched_at}
    if doc.title:
        kwargs["title"] = doc.title
    if doc.published:
        kwargs["published"] = doc.published
    return note_replaced(analyzer(doc.data, **kwargs), doc)


def note_replaced(article: Article, doc: Doc) -> Article:
    """``article`` with a problem for the bad bytes ``doc``'s reader replaced before the pipeline saw its text."""
    if not doc.replaced:
        return article
    problem = Problem("encoding", replaced_message(doc.replaced))
    return dataclasses.replace(article, problems=(problem, *article.problems))


def ingest(
    paths: Iterable[str | Path],
    store,
    *,
    format: str = "auto",
    text_field: str | None = None,
    batch_size: int = BATCH_SIZE,
    analyzer: Callable[..., Article] | None = None,
    progress: Callable[[Summary], None] | None = None,
    max_examples: int = 20,
) -> Summary:
    """Read, analyse and store everything under ``paths``; returns the counts."""
    own = getattr(store, "path", None)
    exclude = {Path(own + suffix) for suffix in ("", "-wal", "-shm", "-journal")} if own and own != ":memory:" else set()
    items = read(list(paths), format=format, text_field=text_field, exclude=exclude)
    return ingest_docs(items, store, batch_size=batch_size, analyzer=analyzer, progress=progress, max_examples=max_examples)


def ingest_docs(
    items: Iterable[Doc | Bad],
    store,
    *,
    batch_size: int = BATCH_SIZE,
    analyzer: Callable[..., Article] | None = None,
    progress: Callable[[Summary], None] | None = None,
    max_examples: int = 20,
) -> Summary:
    """Analyse and store documents from any reader (``read``, a corpus, a crawler). Without an ``analyzer``, the
    pipeline runs with the default settings and the store's own actors (``settings_for``)."""
    analyzer = analyzer or _default_analyzer(store)
    summary = Summary()
    started = time.perf_counter()
    batch: list[Stored | Failed] = []

    def fail(locator: str, raw_hash: str, reason: str, code: str) -> None:
        batch.append(Failed(locator, raw_hash, reason, code))
        if len(summary.examples) < max_examples:
            summary.examples.append((locator, reason))
        summary.reasons[code] += 1

    def flush() -> None:
        if batch:
            result = store.put(batch)
            result.count_into(summary)
            summary.ids.extend(result.ids)
            batch.clear()
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)

    for item in items:
        summary.read += 1
        if isinstance(item, Bad):
            fail(item.locator, item.raw_hash, item.reason, item.code)
        elif item.raw_hash and store.seen(item.locator, item.raw_hash):
            summary.skipped += 1
        else:
            try:
                batch.append(Stored(analyze_doc(item, analyzer), item.locator, item.raw_hash))
            except RasedError as err:
                fail(item.locator, item.raw_hash, err.message, err.code)
            except Exception as err:  # a bug in one stage must not stop a corpus: record it, go on
                fail(item.locator, item.raw_hash, f"{type(err).__name__}: {err}", "error")
        if len(batch) >= batch_size:
            flush()
        elif progress and summary.read % 25 == 0:
            summary.seconds = time.perf_counter() - started
            progress(summary)
    flush()
    return summary
