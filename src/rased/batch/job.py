"""A batch job: plan shards, skip the finished ones, run the rest on a runner, keep the manifest.

    from rased.batch import run_batch
    from rased.batch.runner import DaskRunner
    with DaskRunner("local", workers=2) as runner:
        summary = run_batch(["corpus/"], "out/", runner)
"""
from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..store import text_index
from . import manifest as mf
from . import shards as shard_plan
from . import tables, task
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .runner import Runner


@dataclass(slots=True)
class BatchSummary:
    out: str
    shards: int = 0
    skipped: int = 0  # finished by an earlier run
    done: int = 0  # finished by this run
    failed: list[tuple[int, str]] = field(default_factory=list)  # (shard id, error) after retries
    documents: int = 0  # read by this run
    articles: int = 0
    failures: int = 0  # documents that could not be read or analysed (rows of `failures`)
    seconds: float = 0.0  # wall time of this run, planning included
    run_seconds: float = 0.0  # from the first submitted shard to the last result
    task_seconds: float = 0.0  # summed over shards: time spent in shard tasks
    task_cpu_seconds: float = 0.0  # summed over shards: CPU time of the tasks (wall minus waiting for a core)
    workers: int = 0
    stale: int = 0  # skipped shards made by another code version

    @property
    def rate(self) -> float:
        """Documents per second of this run's processing time."""
        return self.documents / self.run_seconds if self.run_seconds > 0 else 0.0

    @property
    def per_core(self) -> float:
        """Documents per second per busy worker slot (the figure to size a cluster with)."""
        return self.documents / self.task_seconds if self.task_seconds > 0 else 0.0

    @property
    def per_cpu(self) -> float:
        """Documents per CPU-second of the tasks: the per-core figure on machines with nothing else to run."""
        return self.documents / self.task_cpu_seconds if self.task_cpu_seconds > 0 else 0.0

    @property
    def complete(self) -> bool:
        return not self.failed and self.skipped + self.done == self.shards

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": self.out, "complete": self.complete, "shards": self.shards, "skipped": self.skipped,
            "done": self.done, "failed": [list(f) for f in self.failed], "documents": self.documents,
            "articles": self.articles, "failures": self.failures, "seconds": round(self.seconds, 3),
            "run_seconds": round(self.run_seconds, 3), "task_seconds": round(self.task_seconds, 3),
            "workers": self.workers, "documents_per_second": round(self.rate, 2),
            "documents_per_core_second": round(self.per_core, 2),
            "documents_per_cpu_second": round(self.per_cpu, 2), "task_cpu_seconds": round(self.task_cpu_seconds, 3),
            "stale": self.stale,
        }


def run_batch(
    paths: list[str | Path],
    out: str | Path,
    runner: Runner,
    *,
    shard_size: int = shard_plan.SHARD_SIZE,
    format: str = "auto",
    text_field: str | None = None,
    search_keys: bool = True,
    split_bytes: int = shard_plan.SPLIT_BYTES,
    redo_stale: bool = False,
    progress: Callable[[BatchSummary], None] | None = None,
    actors: tuple = (),
) -> BatchSummary:
    """Analyse everything under ``paths`` into Parquet tables under ``out``; resumable (see the package doc).
    ``actors``: the analyst's own actors (``Actor`` records), linked beside the shipped registry."""
    started = time.perf_counter()
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} exists and is not a folder", hint="--out names a folder for the batch output")
    inputs = [str(p) for p in paths]
    if not inputs:
        raise InputError("nothing to do", hint="give files or folders: rased batch PATH... --out DIR")
    missing = [p for p in inputs if not Path(p).exists()]
    if missing:
        raise InputError(f"no such file or folder: {missing[0]}", hint="check the path")
    out.mkdir(parents=True, exist_ok=True)
    options = {"shard_size": shard_size, "format": format, "text_field": text_field, "search_keys": search_keys,
               "split_bytes": split_bytes}
    if actors:  # other actors give other outputs: a run with other actors is another job
        options["actors"] = _actors_digest(actors)
    signature = mf.job_signature(inputs, options)
    previous = mf.read(out)
    if previous is not None and previous.get("job") != signature:
        raise InputError(
            f"{out} holds the output of another batch (other inputs or options)",
            hint="use a new --out folder, or repeat the first run's inputs and options to resume it",
        )
    version = mf.code_version()
    t_plan = time.perf_counter()
    planned = shard_plan.plan(paths, shard_size=shard_size, format=format, text_field=text_field,
                              split_bytes=split_bytes, exclude=out)
    plan_seconds = time.perf_counter() - t_plan
    finished = {i: m for i, m in mf.markers(out).items() if i < len(planned) and m.get("key") == planned[i].key}
    summary = BatchSummary(out=str(out), shards=len(planned))
    summary.stale = sum(1 for m in finished.values() if m.get("code_version") != version)
    if redo_stale:
        finished = {i: m for i, m in finished.items() if m.get("code_version") == version}
        summary.stale = 0
    summary.skipped = len(finished)
    todo = [s for s in planned if s.id not in finished]
    created = (previous or {}).get("created") or _now()
    results: dict[int, dict[str, Any]] = dict(finished)
    errors: dict[int, str] = {}

    def save(status: str) -> None:
        mf.write(out, _manifest(signature, inputs, options, version, created, status, planned, results, errors,
                                summary, plan_seconds))

    _clean(out)
    save("running")
    summary.workers = runner.workers() if todo else 0
    fn = functools.partial(task.process_shard, out=str(out), options=task.Options(search_keys, version, tuple(actors)))
    t_run = time.perf_counter()
    last_save = t_run
    save_every = max(2.0, len(planned) / 5000)
    for outcome in runner.map(fn, todo):
        shard = outcome.item
        if outcome.ok:
            m = outcome.result
            results[shard.id] = m
            errors.pop(shard.id, None)
            summary.done += 1
            summary.documents += m["documents"]
            summary.articles += m["counts"]["articles"]
            summary.failures += m["counts"]["failures"]
            summary.task_seconds += m["seconds"]["total"]
            summary.task_cpu_seconds += m["seconds"].get("cpu", 0.0)
        else:
            errors[shard.id] = outcome.error or "failed"
            summary.failed.append((shard.id, outcome.error or "failed"))
        summary.run_seconds = time.perf_counter() - t_run
        summary.seconds = time.perf_counter() - started
        if progress:
            progress(summary)
        if time.perf_counter() - last_save >= save_every:
            save("running")
            last_save = time.perf_counter()
    _clean(out)
    summary.seconds = time.perf_counter() - started
    save("complete" if summary.complete else "incomplete")
    return summary


def _clean(out: Path) -> None:
    """Remove what workers killed while writing left (no task of this job runs when this is called)."""
    tables.remove_temporaries(out)
    for stale in (out / task.MARKERS).glob(".*.json.*"):
        stale.unlink(missing_ok=True)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _manifest(signature, inputs, options, version, created, status, planned, results, errors, summary,
              plan_seconds) -> dict[str, Any]:
    shards = []
    totals = {"documents": 0, "articles": 0, "entities": 0, "quotes": 0, "relations": 0, "problems": 0,
              "failures": 0}
    task_seconds = 0.0
    for s in planned:
        entry = s.to_dict()
        m = results.get(s.id)
        if m is not None:
            entry.update(status="done", documents=m["documents"], counts=m["counts"], seconds=m["seconds"],
                         worker=m.get("worker"), code_version=m.get("code_version"), finished_at=m.get("finished_at"))
            totals["documents"] += m["documents"]
            for k in totals:
                if k != "documents":
                    totals[k] += m["counts"].get(k, 0)
            task_seconds += m["seconds"]["total"]
        elif s.id in errors:
            entry.update(status="failed", error=errors[s.id])
        else:
            entry["status"] = "pending"
        shards.append(entry)
    done = sum(1 for e in shards if e["status"] == "done")
    return {
        "format": mf.FORMAT,
        "job": signature,
        "status": status,
        "created": created,
        "updated": _now(),
        "code_version": version,
        "key_version": text_index.KEY_VERSION,
        "inputs": inputs,
        "options": options,
        "shards_total": len(planned),
        "shards_done": done,
        "totals": totals,
        "timings": {
            "plan_seconds": round(plan_seconds, 3),
            "last_run": {
                "seconds": round(summary.seconds, 3), "run_seconds": round(summary.run_seconds, 3),
                "workers": summary.workers, "documents": summary.documents,
                "documents_per_second": round(summary.rate, 2),
            },
            "task_seconds_all_runs": round(task_seconds, 3),
            "documents_per_core_second": round(totals["documents"] / task_seconds, 2) if task_seconds else None,
        },
        "shards": shards,
    }


def _actors_digest(actors: tuple) -> str:
    import hashlib

    from ..knowledge.user_actors import to_record

    lines = sorted(json.dumps(to_record(a), ensure_ascii=False, sort_keys=True) for a in actors)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
