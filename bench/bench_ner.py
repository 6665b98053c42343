"""NER tagging speed of the shipped model, tokens per second on one core.

    python bench/bench_ner.py [--sentences 2000]

Tags the sentences of the CAMeL test split (needs the research data) a whole article's worth at a time, as the
pipeline does, cold (empty caches) and warm.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from rased import datasets
from rased.ner import conll, tagger


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=25, help="sentences per call (about one article)")
    args = parser.parse_args()
    if not datasets.available("ner", "anercorp_camel_test"):
        print(f"skipped: research data not found at {datasets.data_root()}", file=sys.stderr)
        return 0
    sentences = [tokens for tokens, _ in conll.read(datasets.path("ner", "anercorp_camel_test", "ANERCorp_CamelLab_test.txt"))]
    sentences = sentences[: args.sentences]
    n_tokens = sum(len(s) for s in sentences)
    t0 = time.process_time()
    model = tagger.load()
    load_s = time.process_time() - t0
    kind = model.config.get("kind", "crf")
    print("| model | pass | sentences | tokens | tokens/s (wall) | tokens per CPU-second | load average |")
    print("|---|---|---|---|---|---|---|")
    for label in ("cold", "warm"):
        wall, cpu = time.perf_counter(), time.process_time()
        for i in range(0, len(sentences), args.batch):
            model.tag_many(sentences[i : i + args.batch])
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"| {kind} | {label} | {len(sentences)} | {n_tokens} | {n_tokens / wall:,.0f} | {n_tokens / cpu:,.0f} "
              f"| {os.getloadavg()[0]:.1f} |")
    print(f"(model loaded in {load_s:.2f} CPU-seconds)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
