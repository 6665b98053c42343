"""Re-link a stored corpus after the registry changed (the analyst added actors or names), without tagging it
again: the NER spans stored with each article go through linking with the store's registry, and where the
entities change, quotes and relations (which read them) are recomputed and the article's rows rewritten.

    from rased.ingest.relink import relink
    with open_store("rased.db") as store:
        summary = relink(store)

Articles stored before the store kept NER spans are tagged once, and their spans kept for the next time.
Each batch of articles is rewritten in one transaction.
"""
from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..ner import tagger
from ..record import from_dict
from ..settings import Settings
from ..stages import entities, quotes, relations
from . import settings_for

BATCH = 200


@dataclass(slots=True)
class Summary:
    articles: int = 0  # articles read
    changed: int = 0  # articles whose entities changed
    tagged: int = 0  # articles without stored NER spans, tagged once
    linked_before: int = 0  # linked mentions over all articles, before and after
    linked_after: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def relink(store, settings: Settings | None = None, *, progress: Callable[[Summary], None] | None = None,
           batch: int = BATCH) -> Summary:
    """Re-link every stored article with ``settings`` (default: the defaults plus the store's actors)."""
    settings = settings or settings_for(store)
    summary = Summary()
    started = time.perf_counter()
    for rows in store.record_batches(batch):
        with store.transaction():
            for n, record in rows:
                _relink_one(store, n, record, settings, summary)
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)
    summary.seconds = time.perf_counter() - started
    return summary


def relink_article(store, article_id: str, settings: Settings | None = None) -> bool:
    """Re-link one stored article (after an actor was added from its page); whether its entities changed."""
    found = store.stored_record(article_id)
    if found is None:
        return False
    summary = Summary()
    with store.transaction():
        _relink_one(store, *found, settings or settings_for(store), summary)
    return summary.changed == 1


def _relink_one(store, n: int, record: str, settings: Settings, summary: Summary) -> None:
    article = from_dict(json.loads(record))
    summary.articles += 1
    before = article.entities or ()
    summary.linked_before += sum(1 for e in before if e.actor_id)
    if not article.text:
        return
    spans = store.ner_spans(n)
    if spans is None:
        spans = tagger.load(settings.entities.model).entities(article.text)
        store.put_ner_spans(n, spans)
        summary.tagged += 1
    found = entities.link(article.text, spans, settings)
    summary.linked_after += sum(1 for e in found if e.actor_id)
    if found == tuple(before):
        return
    new = dataclasses.replace(article, entities=found)
    new = relations.run(quotes.run(new, settings), settings)
    store.replace_annotations(n, new)
    summary.changed += 1
