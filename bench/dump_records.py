"""Full analyze records of research-corpus articles as JSON lines, to compare two versions of the code byte for byte.

    python bench/dump_records.py OUT.jsonl [--saudinewsnet 600] [--ant 400] [--ner accurate]

A speed change must leave every record as it was: run this with the code before and after it and compare the two
files (``cmp``). The SaudiNewsNet half is split between the first articles (those ``bench_analyze.py`` reads) and
articles after the first 3,000 (word forms the caches of a long run have not seen); the ANT articles come from the
start of its archive. Keys are sorted, so the files differ only where a record does. Needs the research data
(RASED_DATA).
"""
from __future__ import annotations

import argparse
import json
import sys

from rased import datasets
from rased.pipeline import analyze
from rased.record import to_dict
from rased.settings import EntitySettings, Settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", help="the JSON-lines file to write")
    parser.add_argument("--saudinewsnet", type=int, default=600, help="SaudiNewsNet articles (default 600)")
    parser.add_argument("--ant", type=int, default=400, help="ANT articles (default 400)")
    parser.add_argument("--ner", default="accurate", help="NER model: accurate (default) or fast")
    args = parser.parse_args()
    if not datasets.available("corpora", "saudinewsnet"):
        print(f"skipped: research data not found at {datasets.data_root()}", file=sys.stderr)
        return 0
    n = args.saudinewsnet
    saudi = [d for d in datasets.saudinewsnet(limit=n + 3000) if d.text.strip()]
    docs = saudi[: n // 2] + (saudi[-(n - n // 2):] if n - n // 2 else [])
    docs += [d for d in datasets.ant(limit=args.ant) if d.text.strip()] if args.ant else []
    settings = Settings(entities=EntitySettings(model=args.ner))
    with open(args.out, "w", encoding="utf-8") as fh:
        for d in docs:  # one process, in order: the per-word caches fill as they would in a long run
            record = to_dict(analyze(f"{d.title}\n{d.text}", settings=settings))
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(docs)} records written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
