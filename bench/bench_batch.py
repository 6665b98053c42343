"""Batch scaling on SaudiNewsNet: articles/s with 1 and 2 Dask workers, and batch + load against ingest.

    python bench/bench_batch.py [--articles 1000] [--shard-size 50] [--repeat 2] [--max-workers 2]

1. Throughput of ``run_batch`` on a LocalCluster of 1, 2, ... worker processes (one thread each), the
   cluster already started and warm: documents / (first submitted shard → last result). The best of
   ``--repeat`` runs is kept (other load on the machine only ever slows a run down).
   Scaling efficiency = (rate with N workers / rate with 1) / N.
2. The commands end to end, each a fresh process as a user runs them: ``rased batch`` (N workers; cluster
   start included) + ``rased load`` into SQLite, against ``rased ingest`` of the same JSONL file.

Prints markdown tables. Needs the research data (RASED_DATA); skips when it is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rased import datasets


def write_input(path: Path, n: int) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        for d in datasets.saudinewsnet(limit=n):
            fh.write(json.dumps({"title": d.title, "text": d.text, "url": d.url, "source": d.source,
                                 "date_extracted": d.time}, ensure_ascii=False) + "\n")
            count += 1
    return count


def scaling(inp: Path, tmp: Path, workers: int, shard_size: int, repeat: int) -> dict:
    from rased.batch import run_batch
    from rased.batch.runner import DaskRunner

    t0 = time.perf_counter()
    with DaskRunner("local", workers) as runner:
        runner.client.wait_for_workers(workers)
        runner.client.run(lambda: None)  # the warm-up plugin has run on every worker
        start = time.perf_counter() - t0
        best = None
        for r in range(repeat):
            out = tmp / f"scale-{workers}-{r}"
            s = run_batch([inp], out, runner, shard_size=shard_size)
            assert s.complete, s.failed
            if best is None or s.rate > best.rate:
                best = s
            shutil.rmtree(out)
    return {"workers": workers, "documents": best.documents, "seconds": best.run_seconds, "rate": best.rate,
            "per_core": best.per_core, "per_cpu": best.per_cpu, "cpu_share": best.task_cpu_seconds / best.task_seconds,
            "cluster_start": start, "load": os.getloadavg()[0]}


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the command and its child processes) and stdout of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--shard-size", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--max-workers", type=int, default=2)
    parser.add_argument("--skip-commands", action="store_true", help="only the scaling table")
    args = parser.parse_args()
    if not datasets.available("corpora", "saudinewsnet"):
        print(f"skipped: research data not found at {datasets.data_root()}", file=sys.stderr)
        return 0
    rased = str(Path(sys.executable).with_name("rased"))
    with tempfile.TemporaryDirectory(prefix="rased-bench-") as d:
        tmp = Path(d)
        inp = tmp / "snn.jsonl"
        n = write_input(inp, args.articles)
        rows = [scaling(inp, tmp, w, args.shard_size, args.repeat) for w in range(1, args.max_workers + 1)]
        base = rows[0]["rate"]
        print(f"\nSaudiNewsNet, {n} articles, shards of {args.shard_size}, {os.cpu_count()} CPU cores, "
              f"best of {args.repeat}\n")
        print("| workers | articles/s | speed-up | scaling efficiency | articles per CPU-s | CPU-cost ratio "
              "| CPU share of task time | load avg | cluster start s |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in rows:
            speedup = r["rate"] / base
            print(f"| {r['workers']} | {r['rate']:.1f} | {speedup:.2f}× | {speedup / r['workers']:.2f} | "
                  f"{r['per_cpu']:.1f} | {r['per_cpu'] / rows[0]['per_cpu']:.2f} | {r['cpu_share']:.0%} | "
                  f"{r['load']:.1f} | {r['cluster_start']:.1f} |")
        print("\n(scaling efficiency = (articles/s with N workers / with 1) / N, wall clock; CPU-cost ratio = "
              "articles per CPU-second with N workers / with 1: 1.00 means no per-article overhead from "
              "parallelism; CPU share < 100% means the workers waited for a core taken by other processes)")
        if args.skip_commands:
            return 0
        w = args.max_workers
        batch_s, batch_cpu, _ = timed([rased, "batch", str(inp), "--out", str(tmp / "out"), "--workers", str(w),
                                       "--shard-size", str(args.shard_size), "--quiet"])
        load_s, load_cpu, load_out = timed([rased, "load", str(tmp / "out"), "--db", str(tmp / "batch.db"), "--json",
                                            "--quiet"])
        ingest_s, ingest_cpu, ingest_out = timed([rased, "ingest", str(inp), "--db", str(tmp / "ingest.db"), "--json",
                                                  "--quiet"])
        loaded, ingested = json.loads(load_out)["store"], json.loads(ingest_out)["store"]
        assert loaded["articles"] == ingested["articles"], (loaded, ingested)
        print(f"\nCommands end to end (fresh processes), {n} articles into SQLite, load avg {os.getloadavg()[0]:.1f}\n")
        print("| command | wall s | articles/s | CPU s | stored |")
        print("|---|---|---|---|---|")
        print(f"| rased batch --workers {w} (cluster start included) | {batch_s:.1f} | {n / batch_s:.1f} | "
              f"{batch_cpu:.1f} | |")
        print(f"| rased load | {load_s:.1f} | {n / load_s:.1f} | {load_cpu:.1f} | {loaded['articles']} |")
        total = batch_s + load_s
        print(f"| **batch + load** | **{total:.1f}** | **{n / total:.1f}** | {batch_cpu + load_cpu:.1f} | |")
        print(f"| rased ingest (one process) | {ingest_s:.1f} | {n / ingest_s:.1f} | {ingest_cpu:.1f} | "
              f"{ingested['articles']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
