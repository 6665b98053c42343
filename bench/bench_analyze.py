"""Analyze throughput on SaudiNewsNet articles, one core, with peak memory.

    python bench/bench_analyze.py [--articles 5000] [--upto STAGE] [--profile]

Prints a table: articles/s by the wall clock and per CPU-second of the one core used (the second is steady
when other jobs share the machine), and peak RSS. ``--profile`` adds each stage's CPU milliseconds per article
and its share of the whole. After the first article the garbage collector is settled as ``rased ingest`` and
``rased batch`` settle it (``rased.heap``); ``--no-settle`` leaves it alone. Needs the research data (RASED_DATA).
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import sys
import time

from rased import datasets, heap
from rased.pipeline import PIPELINE, prepare, run
from rased.record import content_id
from rased.settings import EntitySettings, Settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--upto", default=None, help="run the stages up to and including this one (default: all)")
    parser.add_argument("--ner", default="accurate", help="NER model: accurate (default) or fast")
    parser.add_argument("--profile", action="store_true", help="also print each stage's share of the CPU time")
    parser.add_argument("--no-settle", action="store_true",
                        help="leave the garbage collector's settings alone (see rased.heap)")
    args = parser.parse_args()
    if not datasets.available("corpora", "saudinewsnet"):
        print(f"skipped: research data not found at {datasets.data_root()}", file=sys.stderr)
        return 0
    docs = [d for d in datasets.saudinewsnet(limit=args.articles) if d.text.strip()]
    texts = [f"{d.title}\n{d.text}" for d in docs]
    settings = Settings(entities=EntitySettings(model=args.ner))
    names = [s.name for s in PIPELINE]
    stages = PIPELINE[: names.index(args.upto) + 1] if args.upto else PIPELINE
    run(prepare(texts[0]), settings, stages)  # warm caches: word table, regexes, models
    if not args.no_settle:
        heap.settle()  # as rased ingest and rased batch do after loading the models
    per_stage = {s.name: 0.0 for s in stages}
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in texts:
        if args.profile:
            _timed(prepare(text), settings, stages, per_stage)
        else:
            run(prepare(text), settings, stages)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started  # one process, one thread: CPU seconds of one core
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0]
    print("| input | articles | stages | articles/s (wall) | articles per CPU-second | peak RSS MB | load average |")
    print("|---|---|---|---|---|---|---|")
    print(f"| SaudiNewsNet | {len(texts)} | {', '.join(s.name for s in stages)} (NER: {args.ner}) | {len(texts) / elapsed:.0f} "
          f"| {len(texts) / cpu:.0f} | {peak_mb:.0f} | {load:.1f} |")
    if args.profile:
        total = sum(per_stage.values()) or 1.0
        print()
        print("| stage | CPU ms per article | share |")
        print("|---|---|---|")
        for name, secs in per_stage.items():
            print(f"| {name} | {1000 * secs / len(texts):.1f} | {100 * secs / total:.1f}% |")
    print(f"(one process, pid {os.getpid()}, {elapsed:.1f} s)", file=sys.stderr)
    return 0


def _timed(article, settings, stages, per_stage: dict[str, float]):
    """``pipeline.run`` with each stage's CPU time added to ``per_stage``."""
    for s in stages:
        t0 = time.process_time()
        article = s.run(article, settings)
        per_stage[s.name] += time.process_time() - t0
    return dataclasses.replace(article, id=content_id(article.text))


if __name__ == "__main__":
    sys.exit(main())
