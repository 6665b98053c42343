"""``rased eval linking``: entity linking scored on the hand-annotated gold set.

The main CLI calls ``register_eval(eval_subparsers)``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import DataError

_FORMAT_HINT = "give --data FILE (JSON Lines: corpus, doc_id, surface, occurrence, actor_id)"


def run_eval(args: argparse.Namespace) -> int:
    from ..eval import linking

    data = Path(args.data) if args.data else linking.default_gold()
    if data is None:
        raise DataError("no linking gold file: none given and none shipped with this checkout", hint=_FORMAT_HINT)
    if not data.is_file():
        raise DataError(f"linking gold file not found: {data}", hint=_FORMAT_HINT)
    result = linking.evaluate(data)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def register_eval(eval_subparsers) -> argparse.ArgumentParser:
    p = eval_subparsers.add_parser(
        "linking", help="entity linking on the hand-annotated gold set (needs the research corpora)",
        description="Analyze the gold articles of the ANT and SaudiNewsNet corpora and score the actor ids of "
                    "their entities against the gold mentions: accuracy overall and by kind, precision of "
                    "linked predictions, and the errors, printed as JSON.")
    p.add_argument("--data", help="gold file (JSON Lines; default: tests/gold/linking_gold.jsonl of the project)")
    p.set_defaults(func=run_eval)
    return p
