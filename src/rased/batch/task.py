"""What runs on a worker: warm the per-process caches once, then analyse shard after shard.

``process_shard`` is the whole unit of work: it reads the shard's documents with the ingest readers,
analyses each with the pipeline (a document that fails becomes a row of ``failures``, never an exception),
computes the store's search keys, writes the shard's tables atomically and finally its completion marker
``OUT/_shards/NNNNNN.json``. The marker is written last, so a shard is finished exactly when its marker
exists; a task killed at any point is simply run again and overwrites the same files.

Models and the actor registry are module-level caches of the pipeline (``tagger.load``, ``registry.load``,
``matcher.default_matcher``); ``warm`` fills them once per worker process (the Dask runner calls it from a
worker plugin), and ``load_report`` tells how many times each was built in this process.
"""
from __future__ import annotations

import functools
import json
import os
import socket
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .. import heap
from ..errors import RasedError
from ..ingest import analyze_doc
from ..ingest.readers import Bad
from ..record import Article
from ..settings import EntitySettings, Settings
from . import shards as shard_plan
from . import tables

MARKERS = "_shards"
_WARM_TEXT = "قال وزير الخارجية السعودي في الرياض يوم الأحد إن المحادثات مع الأمم المتحدة ستستمر.\n\nوأضاف أن الوفد سيزور بغداد."

_state: dict[str, Any] = {"warm_calls": 0, "warm_seconds": 0.0, "warmed": None, "shards": 0, "documents": 0}


@dataclass(slots=True, frozen=True)
class Options:
    """How a shard is processed; the same for every shard of a job."""

    search_keys: bool = True  # compute the store's search keys here, so `rased load` does no text work
    code_version: str = ""
    actors: tuple = ()  # the analyst's own actors (``Actor`` records), linked beside the shipped registry


def _loaded() -> dict[str, Any]:
    """How many times each per-process cache of the pipeline was built in this process."""
    from ..arabic import wordfreq
    from ..knowledge import cues, matcher, registry
    from ..ner import tagger

    return {
        "tagger_objects": len(tagger._cache),
        "registry_builds": registry._load_shipped.cache_info().misses,
        "matcher_builds": matcher.default_matcher.cache_info().misses,
        "cue_lexicon_builds": cues.lexicon.cache_info().misses,
        "word_table_builds": wordfreq.table.cache_info().misses,
    }


def warm() -> dict[str, Any]:
    """Load the NER model, the actor registry, its matcher, the cue lexicon and the word tables into this process."""
    from ..arabic import wordfreq
    from ..knowledge import cues, matcher, registry
    from ..ner import tagger
    from ..pipeline import analyze

    started = time.perf_counter()
    objects = []
    for name, loader in (("tagger", tagger.load), ("registry", registry.load), ("matcher", matcher.default_matcher),
                         ("cue_lexicon", cues.lexicon), ("word_table", wordfreq.table)):
        try:
            objects.append(loader())
        except RasedError as err:  # not shipped (yet): the stages that need it report it per document
            objects.append(None)
            _state.setdefault("unavailable", {})[name] = err.one_line()
    try:
        analyze(_WARM_TEXT)
    except RasedError as err:
        _state.setdefault("unavailable", {})["pipeline"] = err.one_line()
    heap.settle()  # what was just loaded lives as long as the worker: out of the collector's way
    _state["warm_calls"] += 1
    _state["warm_seconds"] += time.perf_counter() - started
    _state["warmed"] = tuple(id(o) for o in objects[:3])
    return load_report()


def load_report() -> dict[str, Any]:
    """Per-process counts: how often each cache was built, and how much work this process did."""
    from ..knowledge import matcher, registry
    from ..ner import tagger

    report = {"pid": os.getpid(), **{k: v for k, v in _state.items() if k != "warmed"}, **_loaded()}
    if _state["warmed"] is not None:
        now = (id(tagger._cache.get((str(tagger.MODEL_DIR), False))), id(registry.load()), id(matcher.default_matcher()))
        report["same_objects"] = now == _state["warmed"]
    return report


def marker_path(out: str | Path, shard: int) -> Path:
    return Path(out) / MARKERS / f"{shard:06d}.json"


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` as JSON atomically: a hidden temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex}"
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def process_shard(shard: shard_plan.Shard, out: str, options: Options = Options()) -> dict[str, Any]:
    """Analyse one shard and write its tables and marker; returns the marker (counts and timings)."""
    from ..pipeline import analyze
    from ..store.model import precompute

    started = time.perf_counter()
    cpu_started = time.process_time()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in tables.TABLES}
    reasons: Counter = Counter()
    t_keys = 0.0
    docs = 0

    def fail(seq: int, locator: str, raw_hash: str, reason: str, code: str) -> None:
        rows["failures"].append({"seq": seq, "locator": locator, "raw_hash": raw_hash, "code": code, "reason": reason})
        reasons[code] += 1

    if options.actors:
        analyze = functools.partial(analyze, settings=Settings(entities=EntitySettings(actors=options.actors)))
    for seq, item in enumerate(shard_plan.read(shard)):
        docs += 1
        if isinstance(item, Bad):
            fail(seq, item.locator, item.raw_hash, item.reason, item.code)
            continue
        try:
            article: Article = analyze_doc(item, analyze)
            t0 = time.perf_counter()
            pre = precompute(article) if options.search_keys else None
            t_keys += time.perf_counter() - t0
        except RasedError as err:
            fail(seq, item.locator, item.raw_hash, err.message, err.code)
            continue
        except Exception as err:  # a bug in one stage must not stop a corpus: record it, go on
            fail(seq, item.locator, item.raw_hash, f"{type(err).__name__}: {err}", "error")
            continue
        for table, new in tables.article_rows(article, seq, item.locator, item.raw_hash, pre).items():
            rows[table].extend(new)
    t_write = time.perf_counter()
    for table in tables.TABLES:
        tables.write(out, table, shard.id, rows[table])
    finished = time.perf_counter()
    _state["shards"] += 1
    _state["documents"] += docs
    marker = {
        "id": shard.id,
        "key": shard.key,
        "status": "done",
        "documents": docs,
        "counts": {t: len(rows[t]) for t in tables.TABLES},
        "failure_reasons": dict(reasons),
        "seconds": {
            "total": round(finished - started, 4),
            "cpu": round(time.process_time() - cpu_started, 4),  # this process's CPU time (one thread per worker)
            "read_analyze": round(t_write - started - t_keys, 4),
            "search_keys": round(t_keys, 4),
            "write": round(finished - t_write, 4),
        },
        "worker": {"host": socket.gethostname(), "pid": os.getpid()},
        "code_version": options.code_version,
        "search_keys": options.search_keys,
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    write_json(marker_path(out, shard.id), marker)
    return marker
