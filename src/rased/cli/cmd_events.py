"""`rased eval events|summary|quotes`: scores for relations, summaries and quotes, printed as JSON."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError


def register_eval(eval_sub: argparse._SubParsersAction) -> None:
    p = eval_sub.add_parser("events", help="relations on UniversalPetrarch PLOVER validation sentences",
                            description="Category recall and source/target matches on a UniversalPetrarch "
                                        "validation XML file; with --false-alarms, the share of culture and "
                                        "sports sentences (ANT corpus) given an ASSAULT or PROTEST relation.")
    p.add_argument("--data", type=Path, action="append", required=True, help="validation XML file (repeatable)")
    p.add_argument("--limit", type=int, default=None, help="sentences per file")
    p.add_argument("--false-alarms", type=int, default=0, metavar="N",
                   help="also measure false alarms on at least N culture/sports sentences (0: skip)")
    p.set_defaults(func=_events)

    p = eval_sub.add_parser("summary", help="summary ROUGE-1/2/L on EASC, with lead-3 beside it",
                            description="ROUGE-1/2/L F1 of the summary stage against the five EASC references.")
    p.add_argument("--data", type=Path, required=True, help="EASC folder (with Articles/ and MTurk/)")
    p.add_argument("--limit", type=int, default=None)
    p.set_defaults(func=_summary)

    p = eval_sub.add_parser("quotes", help="quote speaker and content precision/recall on the gold set",
                            description="Speaker and content precision/recall of the quotes stage on a gold "
                                        "JSONL file (article ids only; texts come from the corpora).")
    p.add_argument("--data", type=Path, default=None, help="gold JSONL, or a folder of per-article gold JSON files "
                        "(default: tests/gold/quotes_gold.jsonl)")
    p.add_argument("--errors", action="store_true", help="list the mismatches")
    p.set_defaults(func=_quotes)

    p = eval_sub.add_parser("relations", help="relation recall, modality and attribution on a gold folder",
                            description="Recall of relations (type + source + target actor; source + target "
                                        "only), per type, and modality / attribution accuracy on the relations "
                                        "found, on a folder of per-article gold JSON files.")
    p.add_argument("--data", type=Path, required=True, help="folder of per-article gold JSON files")
    p.add_argument("--errors", action="store_true", help="list the gold relations not found")
    p.set_defaults(func=_relations)


def _dump(result: dict) -> int:
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _need(path: Path, what: str) -> None:
    if not path.exists():
        raise InputError(f"{what} not found: {path}", hint="give --data the path of the data set")


def _events(args: argparse.Namespace) -> int:
    from ..eval import events

    files = []
    for path in args.data:
        _need(path, "validation file")
        files.append(events.evaluate_file(path, limit=args.limit))
    result: dict = {"files": files}
    if args.false_alarms:
        result["false_alarms"] = events.false_alarms(args.false_alarms)
    return _dump(result)


def _summary(args: argparse.Namespace) -> int:
    from ..eval import summary

    _need(args.data, "EASC folder")
    return _dump(summary.evaluate(args.data, limit=args.limit))


def _quotes(args: argparse.Namespace) -> int:
    from ..eval import quotes

    path = args.data or quotes.DEFAULT_GOLD
    _need(path, "gold file")
    result = quotes.evaluate_folder(path) if path.is_dir() else quotes.evaluate(path)
    if not args.errors:
        result.pop("errors", None)
    return _dump(result)


def _relations(args: argparse.Namespace) -> int:
    from ..eval import relations

    _need(args.data, "gold folder")
    if not args.data.is_dir():
        raise InputError(f"not a folder: {args.data}", hint="give --data a folder of per-article gold JSON files")
    result = relations.evaluate_folder(args.data)
    if not args.errors:
        result.pop("errors", None)
    return _dump(result)
