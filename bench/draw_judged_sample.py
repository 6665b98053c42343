"""Draw the sample of relations to judge by hand, as tests/gold/relations_judged.md describes.

    RASED_DATA=../shared/data python bench/draw_judged_sample.py OUT_DIR

50 unseen ANT articles (internationalNews and middleEast, 1,500 characters or more, none of any gold file), seed
20261202; of their relations with both a source and a target, 100 drawn with the same seed. Writes
``OUT_DIR/sample.jsonl`` (the relations to judge) and ``OUT_DIR/counts.json``."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import rased
from rased import datasets

SEED = 20261202
GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold"


def excluded_ids() -> set[str]:
    ids = {json.loads(f.read_text(encoding="utf-8"))["docno"] for f in datasets.path("gold", "ant_dev").glob("*.json")}
    for name in ("quotes_gold.jsonl", "linking_gold.jsonl"):
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                ids.add(json.loads(line)["doc_id"])
    return ids


def row(doc_id: str, r) -> dict:
    return {"corpus": "ant", "doc_id": doc_id, "evidence_start": r.evidence_start, "evidence_end": r.evidence_end,
            "type": r.type, "rule": r.rule, "source": r.source.text if r.source else None,
            "target": r.target.text if r.target else None, "modality": r.modality,
            "attributed_to": r.attributed_to.text if r.attributed_to else None}


def main(out: Path) -> None:
    excluded = excluded_ids()
    pool = [d for d in datasets.ant(categories={"internationalNews", "middleEast"}) if len(d.text) >= 1500]
    eligible = sorted((d for d in pool if d.doc_id not in excluded), key=lambda d: d.doc_id)
    articles = random.Random(SEED).sample(eligible, 50)
    every, both = [], []
    for d in articles:
        for r in rased.analyze(d.text.encode()).relations or ():
            every.append(row(d.doc_id, r))
            if r.source is not None and r.target is not None:
                both.append(every[-1])
    sample = random.Random(SEED).sample(both, 100) if len(both) >= 100 else both
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "sample.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in sample)
    counts = {"pool": len(pool), "eligible": len(eligible), "relations": len(every), "both": len(both),
              "sample": len(sample), "sample_articles": len({r["doc_id"] for r in sample})}
    (out / "counts.json").write_text(json.dumps(counts), encoding="utf-8")
    print(json.dumps(counts))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: draw_judged_sample.py OUT_DIR")
    main(Path(sys.argv[1]))
