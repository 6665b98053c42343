"""Analyze throughput on SaudiNewsNet articles, one core, with peak memory.

    python bench/bench_analyze.py [--articles 5000] [--upto STAGE]

Prints a table: articles/s by the wall clock and per CPU-second of the one core used (the second is steady
when other jobs share the machine), and peak RSS. Needs the research data (RASED_DATA).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time

from rased import datasets
from rased.pipeline import PIPELINE, prepare, run
from rased.settings import EntitySettings, Settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--upto", default=None, help="run the stages up to and including this one (default: all)")
    parser.add_argument("--ner", default="accurate", help="NER model: accurate (default) or fast")
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
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in texts:
        run(prepare(text), settings, stages)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started  # one process, one thread: CPU seconds of one core
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0]
    print("| input | articles | stages | articles/s (wall) | articles per CPU-second | peak RSS MB | load average |")
    print("|---|---|---|---|---|---|---|")
    print(f"| SaudiNewsNet | {len(texts)} | {', '.join(s.name for s in stages)} (NER: {args.ner}) | {len(texts) / elapsed:.0f} "
          f"| {len(texts) / cpu:.0f} | {peak_mb:.0f} | {load:.1f} |")
    print(f"(one process, pid {os.getpid()}, {elapsed:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
