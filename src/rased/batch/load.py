"""Load a batch output into a store (SQLite or PostgreSQL).

Shards are read in shard order and rows in input order, so articles are stored in the order ``rased
ingest`` would store them (near-duplicate heads come out the same). Only finished shards (those with a
marker) are read. Each batch of rows goes through ``store.put`` in one transaction, with the search keys
the workers computed (``Stored.precomputed``): loading parses JSON and writes rows, it does no text work. When the
store's key version differs from the batch's, ``put`` recomputes the keys.

Loading is idempotent: articles are keyed by their content hash, inputs by (locator, raw hash), so loading
the same output twice, or an output that overlaps an earlier ingest, stores nothing twice. An input
already recorded in the store is skipped before its record is even parsed.
"""
from __future__ import annotations

import dataclasses

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..record import from_dict
from ..store.model import Failed, Precomputed, Stored
from . import manifest as mf
from . import tables

BATCH_SIZE = 1000
_COLUMNS = ["seq", "locator", "raw_hash", "record", "title_keys", "body_keys", "minhash", "story_terms", "key_version"]


@dataclass(slots=True)
class LoadSummary:
    shards: int = 0
    rows: int = 0  # article rows read
    stored: int = 0
    existing: int = 0
    skipped: int = 0  # inputs the store already had
    duplicates: int = 0
    failed: int = 0
    seconds: float = 0.0
    reasons: Counter = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "shards": self.shards, "rows": self.rows, "stored": self.stored, "existing": self.existing,
            "skipped": self.skipped, "duplicates": self.duplicates, "failed": self.failed,
            "seconds": round(self.seconds, 3), "rows_per_second": round(self.rate, 2),
            "failure_reasons": dict(self.reasons),
        }


def load(
    out: str | Path,
    store,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[LoadSummary], None] | None = None,
) -> LoadSummary:
    """Put every finished shard of the batch output ``out`` into ``store``; returns the counts."""
    out = Path(out)
    if mf.read(out) is None:
        raise InputError(f"no batch output in {out} (no {mf.NAME})", hint="run `rased batch INPUT... --out DIR` first")
    started = time.perf_counter()
    summary = LoadSummary()
    batch: list[Stored | Failed] = []

    def flush() -> None:
        if batch:
            store.put(batch).count_into(summary)
            batch.clear()
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)

    for shard_id in sorted(mf.markers(out)):
        summary.shards += 1
        arts = _articles(out, shard_id)
        fails = tables.read(out, "failures", shard_id).to_pylist()
        # Interleave articles and failures in input order (``seq``), as ingest would meet them.
        for kind, row in _in_order(arts, fails):
            if kind == "failure":
                batch.append(Failed(row["locator"], row["raw_hash"], row["reason"], row["code"]))
                summary.reasons[row["code"]] += 1
            else:
                summary.rows += 1
                if row["raw_hash"] and store.seen(row["locator"], row["raw_hash"]):
                    summary.skipped += 1
                    continue
                article = from_dict(json.loads(row["record"]))
                if row.get("ner"):
                    article = dataclasses.replace(article, ner=tuple(tuple(x) for x in json.loads(row["ner"])))
                pre = None
                if row["key_version"] is not None:
                    pre = Precomputed(tuple(row["title_keys"]), tuple(row["body_keys"]), row["minhash"],
                                      row["story_terms"], row["key_version"], row["record"])
                batch.append(Stored(article, row["locator"], row["raw_hash"], pre))
            if len(batch) >= batch_size:
                flush()
    flush()
    return summary


def _articles(out: Path, shard_id: int) -> list[dict]:
    """A shard's article rows; outputs of earlier versions have no ``ner`` column."""
    extra = ["ner"] if "ner" in tables.column_names(out, "articles", shard_id) else []
    return tables.read(out, "articles", shard_id, [*_COLUMNS, *extra]).to_pylist()


def _in_order(arts: list[dict], fails: list[dict]):
    merged = [(a["seq"], "article", a) for a in arts] + [(f["seq"], "failure", f) for f in fails]
    merged.sort(key=lambda t: t[0])
    for _, kind, row in merged:
        yield kind, row
