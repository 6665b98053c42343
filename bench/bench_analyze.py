"""Analyze throughput on SaudiNewsNet articles, one core, with peak memory.

    python bench/bench_analyze.py [--articles 5000] [--stages all]

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
    args = parser.parse_args()
    if not datasets.available("corpora", "saudinewsnet"):
        print(f"skipped: research data not found at {datasets.data_root()}", file=sys.stderr)
        return 0
    docs = [d for d in datasets.saudinewsnet(limit=args.articles) if d.text.strip()]
    texts = [f"{d.title}\n{d.text}" for d in docs]
    chars = sum(len(t) for t in texts)
    run(prepare(texts[0]))  # warm caches: word table, regexes
    started = time.perf_counter()
    for text in texts:
        run(prepare(text), DEFAULT, PIPELINE)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stages = ", ".join(s.name for s in PIPELINE)
    print(f"| input | articles | stages | articles/s | MB/s | peak RSS MB |")
    print(f"|---|---|---|---|---|---|")
    print(f"| SaudiNewsNet | {len(texts)} | {stages} | {len(texts) / elapsed:.0f} | {chars * 2 / elapsed / 1e6:.2f} | {peak_mb:.0f} |")
    print(f"(one process, pid {os.getpid()}, {elapsed:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
