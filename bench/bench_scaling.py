"""`rased.analyze` time on one input of 0.1, 0.5, 1, 2 and 5 MB: the cost should grow at most linearly.

    python bench/bench_scaling.py [--sizes 0.1,0.5,1,2,5] [--one-line]

Each input is SaudiNewsNet articles joined into one text (the bundled sample article repeated when the
research data is absent); ``--one-line`` joins them into a single line. Each size runs in its own process,
with the models loaded before the clock starts; the table gives wall seconds, seconds per MB, and peak RSS.
By default the per-document budget applies (``settings.budget``: the first 500,000 characters); with
``--no-budget`` the whole text is analysed, which shows the cost of the pipeline itself.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts() -> list[str]:
    from rased import datasets

    if datasets.available("corpora", "saudinewsnet"):
        return [f"{d.title}\n{d.text}" for d in datasets.saudinewsnet(limit=4000) if d.text.strip()]
    return [(ROOT / "samples" / "seed_article.txt").read_text(encoding="utf-8")]


def build(texts: list[str], megabytes: float, one_line: bool) -> bytes:
    parts, size, i = [], 0, 0
    while size < megabytes * 1e6:
        t = texts[i % len(texts)]
        parts.append(t)
        size += len(t.encode("utf-8")) + 2
        i += 1
    text = "\n\n".join(parts)
    return (" ".join(text.split()) if one_line else text).encode("utf-8")


def one(path: str, budget: bool) -> None:
    """Child process: warm the models, then time one analysis (without ``budget``: all of the text, no time limit)."""
    import dataclasses

    from rased import analyze
    from rased.settings import DEFAULT

    settings = DEFAULT
    if not budget:
        from rased.settings import BudgetSettings

        settings = dataclasses.replace(DEFAULT, budget=BudgetSettings(max_chars=10**8, stage_seconds=1e9,
                                                                          document_seconds=1e9))
    analyze((ROOT / "samples" / "seed_article.txt").read_bytes())
    data = Path(path).read_bytes()
    started = time.perf_counter()
    article = analyze(data, settings=settings)
    elapsed = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "rss_mb": rss, "entities": len(article.entities or ()),
                      "problems": [p.message for p in article.problems if p.code == "budget"]}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0.1,0.5,1,2,5")
    parser.add_argument("--one-line", action="store_true", help="the input as one line")
    parser.add_argument("--no-budget", action="store_true",
                        help="analyse all of each text with no time limit (the cost of the pipeline itself)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one, not args.no_budget)
        return 0
    texts = corpus_texts()
    kind = ("one line" if args.one_line else "paragraphs") + (", no budget" if args.no_budget else "")
    print(f"| input ({kind}) | seconds | s/MB | peak RSS MB | entities | budget problems |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (float(x) for x in args.sizes.split(",")):
            path = Path(tmp) / f"{mb}.txt"
            data = build(texts, mb, args.one_line)
            path.write_bytes(data)
            extra = ["--no-budget"] if args.no_budget else []
            proc = subprocess.run([sys.executable, __file__, "--one", str(path), *extra], capture_output=True, text=True,
                                  env={**os.environ, "PYTHONHASHSEED": "0"})
            if proc.returncode:
                print(f"| {len(data) / 1e6:.1f} MB | failed: {proc.stderr.strip().splitlines()[-1:]} | | | | |")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"| {len(data) / 1e6:.1f} MB | {r['seconds']:.1f} | {r['seconds'] / (len(data) / 1e6):.1f} | "
                  f"{r['rss_mb']:.0f} | {r['entities']} | {'; '.join(r['problems'])} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
