"""Analyze throughput on SaudiNewsNet articles, one core, with peak memory.

    python bench/bench_analyze.py [--articles 5000] [--upto STAGE]

Prints a table (articles/s, tokens/s, peak RSS). Needs the research data (RASED_DATA).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time

from rased import datasets
from rased.pipeline import PIPELINE, prepare, run
from rased.settings import DEFAULT


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--upto", default=None, help="run the stages up to and including this one (default: all)")
    args = parser.parse_args()
    if not datasets.available("corpora", "saudinewsnet"):
        print(f"skipped: research data not found at {datasets.data_root()}", file=sys.stderr)
        return 0
    docs = [d for d in datasets.saudinewsnet(limit=args.articles) if d.text.strip()]
    texts = [f"{d.title}\n{d.text}" for d in docs]
    chars = sum(len(t) for t in texts)
    names = [s.name for s in PIPELINE]
    stages = PIPELINE[: names.index(args.upto) + 1] if args.upto else PIPELINE
    run(prepare(texts[0]), DEFAULT, stages)  # warm caches: word table, regexes, models
    started = time.perf_counter()
    for text in texts:
        run(prepare(text), DEFAULT, stages)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| input | articles | stages | articles/s | MB/s | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    print(f"| SaudiNewsNet | {len(texts)} | {', '.join(s.name for s in stages)} | {len(texts) / elapsed:.0f} "
          f"| {chars * 2 / elapsed / 1e6:.2f} | {peak_mb:.0f} |")
    print(f"(one process, pid {os.getpid()}, {elapsed:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
