"""Shares of hand-judged relations that are right, overall and per field, rule, type and modality.

    python bench/judged_relations.py [tests/gold/relations_judged.jsonl]

Each line of the file is one relation rased produced on an unseen corpus article, judged by a reader for its type,
source, target, modality and attribution (tests/gold/relations_judged.md says how the sample was drawn)."""
from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

FIELDS = ("type_ok", "source_ok", "target_ok", "modality_ok", "attribution_ok", "right")
DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "gold" / "relations_judged.jsonl"


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 0.0
    p = k / n
    den = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return centre - half, centre + half


def table(rows: list[dict]) -> list[str]:
    n = len(rows)
    out = [f"n = {n} relations from {len({r['doc_id'] for r in rows})} articles", "",
           "| field | true | share | 95% Wilson CI |", "|---|---|---|---|"]
    for f in FIELDS:
        k = sum(r[f] for r in rows)
        lo, hi = wilson(k, n)
        out.append(f"| {f} | {k}/{n} | {k / n:.0%} | {lo:.0%}–{hi:.0%} |")
    for key in ("rule", "type", "modality"):
        groups: dict = defaultdict(list)
        for r in rows:
            groups[r[key]].append(r)
        out += ["", f"| {key} | n | right |", "|---|---|---|"]
        for value, rs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
            k = sum(r["right"] for r in rs)
            out.append(f"| {value} | {len(rs)} | {k}/{len(rs)} ({k / len(rs):.0%}) |")
    top, count = Counter(r["doc_id"] for r in rows).most_common(1)[0]
    rest = [r for r in rows if r["doc_id"] != top]
    k = sum(r["right"] for r in rest)
    out.append(f"\nwithout the article that gives most ({top}, {count}): {k}/{len(rest)} right")
    return out


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    print("\n".join(table([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line])))
