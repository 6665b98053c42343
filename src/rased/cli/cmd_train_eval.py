"""`rased train ...` and `rased eval ...`: building shipped artefacts and scoring quality."""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    train = sub.add_parser("train", help="rebuild a shipped artefact from the research data",
                           description="Rebuild a shipped artefact (needs the research data).")
    train_sub = train.add_subparsers(dest="what", metavar="WHAT")
    train_sub.required = True
    wf = train_sub.add_parser("wordfreq", help="the word-frequency table used by cleaning and clitic splitting")
    wf.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "arabic" / "data" / "wordfreq.tsv.gz")
    wf.set_defaults(func=_train_wordfreq)

    evaluate = sub.add_parser("eval", help="score a component on gold data and print JSON",
                              description="Score a component on gold data; prints JSON.")
    eval_sub = evaluate.add_subparsers(dest="what", metavar="WHAT")
    eval_sub.required = True
    ev_clean = eval_sub.add_parser("metadata", help="titles and publication times on the ANT corpus")
    ev_clean.add_argument("--limit", type=int, default=2000, help="articles to score")
    ev_clean.set_defaults(func=_eval_metadata)

    for name in ("cmd_ner", "cmd_linking", "cmd_events"):
        try:
            module = importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"{__package__}.{name}":
                raise
            continue
        if hasattr(module, "register_train"):
            module.register_train(train_sub)
        if hasattr(module, "register_eval"):
            module.register_eval(eval_sub)


def _train_wordfreq(args: argparse.Namespace) -> int:
    from ..training import wordfreq

    rows = wordfreq.main(args.out)
    print(json.dumps({"words": rows, "out": str(args.out)}))
    return 0


def _eval_metadata(args: argparse.Namespace) -> int:
    from ..eval import metadata

    json.dump(metadata.evaluate(limit=args.limit), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
