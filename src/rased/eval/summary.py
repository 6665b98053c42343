"""Summary evaluation on EASC (Essex Arabic Summaries Corpus): ROUGE-1/2/L against five human summaries.

Layout: ``DIR/Articles/TopicN/<name>.txt`` (one article) and ``DIR/MTurk/TopicN/D*.M.250.A.k.X`` (five extractive
summaries). ROUGE is computed here on normalised words (matching key, clitic-aware search key), as F1 averaged over
the references, for the summary stage and for lead-3 (the first three sentences) beside it.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..arabic.stem import search_key
from ..arabic.tokenize import tokens


def units(text: str) -> list[str]:
    return [search_key(t.text) for t in tokens(text) if t.kind in ("ar", "num", "lat")]


def _ngrams(words: list[str], n: int) -> Counter:
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def _f1(overlap: float, n_sys: int, n_ref: int) -> float:
    if not n_sys or not n_ref or not overlap:
        return 0.0
    p, r = overlap / n_sys, overlap / n_ref
    return 2 * p * r / (p + r)


def rouge_n(system: list[str], reference: list[str], n: int) -> float:
    s, r = _ngrams(system, n), _ngrams(reference, n)
    return _f1(sum((s & r).values()), sum(s.values()), sum(r.values()))


def _lcs(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(system: list[str], reference: list[str]) -> float:
    return _f1(_lcs(system, reference), len(system), len(reference))


def scores(system: str, references: list[str]) -> dict[str, float]:
    sw = units(system)
    refs = [units(r) for r in references]
    k = len(refs) or 1
    return {
        "rouge1": sum(rouge_n(sw, r, 1) for r in refs) / k,
        "rouge2": sum(rouge_n(sw, r, 2) for r in refs) / k,
        "rougeL": sum(rouge_l(sw, r) for r in refs) / k,
    }


def read(folder: str | Path) -> list[tuple[str, str, list[str]]]:
    """(topic, article text, reference summaries) for every EASC topic under ``folder``."""
    root = Path(folder)
    if (root / "EASC-UTF-8").is_dir():
        root = root / "EASC-UTF-8"
    out = []
    for topic in sorted((root / "Articles").iterdir(), key=lambda p: p.name):
        files = sorted(topic.glob("*.txt"))
        refs_dir = root / "MTurk" / topic.name
        if not files or not refs_dir.is_dir():
            continue
        text = files[0].read_text(encoding="utf-8-sig")
        refs = [p.read_text(encoding="utf-8-sig", errors="replace") for p in sorted(refs_dir.iterdir()) if p.is_file()]
        out.append((topic.name, text, refs))
    return out


def evaluate(folder: str | Path, limit: int | None = None) -> dict:
    from .. import analyze

    data = read(folder)[:limit]
    total = {"system": Counter(), "lead3": Counter()}
    wins = 0
    for _, text, refs in data:
        article = analyze(text)
        system = " ".join(article.text[s.start:s.end] for s in (article.summary or ()))
        lead = " ".join(article.text[s.start:s.end] for s in article.sentences[:3])
        a, b = scores(system, refs), scores(lead, refs)
        total["system"].update(a)
        total["lead3"].update(b)
        wins += a["rouge1"] >= b["rouge1"]
    n = len(data) or 1
    return {
        "articles": len(data),
        "system": {k: round(v / n, 4) for k, v in total["system"].items()},
        "lead3": {k: round(v / n, 4) for k, v in total["lead3"].items()},
        "system_at_least_lead3": round(wins / n, 4),
    }
