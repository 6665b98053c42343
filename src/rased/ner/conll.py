"""CoNLL "token label" files and conlleval-style entity scoring.

Chunking follows conlleval: a chunk starts at ``B-X``, and also at ``I-X`` when the previous label is
``O`` or of another type; it ends before ``O``, ``B-*`` or a label of another type. Scoring counts a
predicted entity as correct only when its start, end and type all match a gold entity.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

Sentence = tuple[list[str], list[str]]


def read(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL file: ``[(tokens, labels), ...]``.

    Lines are ``token LABEL`` (space or tab; the label is the last field); a blank line ends a sentence.
    A byte-order mark, carriage returns and left-to-right marks are dropped.
    """
    sentences: list[Sentence] = []
    toks: list[str] = []
    labs: list[str] = []
    with open(path, encoding="utf-8-sig") as fh:
        for raw in fh:
            line = raw.replace("\u200e", "").replace("\u200f", "").strip()
            if not line:
                if toks:
                    sentences.append((toks, labs))
                    toks, labs = [], []
                continue
            parts = line.split()
            if len(parts) < 2:
                parts = [parts[0], "O"]
            toks.append(" ".join(parts[:-1]))
            labs.append(parts[-1])
    if toks:
        sentences.append((toks, labs))
    return sentences


def names_of(sentences: Iterable[Sentence]) -> list[tuple[tuple[str, ...], str]]:
    """Entity names ``(tokens, type)`` of labelled sentences."""
    return [(tuple(toks[s:e]), typ) for toks, labs in sentences for s, e, typ in chunks(labs)]


def write(path: str | Path, sentences: Iterable[Sentence]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for toks, labs in sentences:
            for t, lab in zip(toks, labs):
                fh.write(f"{t} {lab}\n")
            fh.write("\n")


def _split(label: str) -> tuple[str, str]:
    if label == "O" or not label:
        return "O", ""
    if "-" in label:
        prefix, _, typ = label.partition("-")
        return prefix, typ
    return "I", label


def chunks(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entities as ``(start, end, type)`` token spans (end exclusive), conlleval chunking."""
    if labels.count("O") == len(labels):  # most sentences of an article name no one
        return []
    out: list[tuple[int, int, str]] = []
    start = -1
    cur = ""
    for i, label in enumerate(labels):
        prefix, typ = ("O", "") if label == "O" else _split(label)  # «O», most labels, without a call
        if prefix == "O":
            if cur:
                out.append((start, i, cur))
            cur = ""
            continue
        if prefix == "B" or prefix == "S" or typ != cur:
            if cur:
                out.append((start, i, cur))
            start, cur = i, typ
        # prefix I/E of the current type continues the chunk
        if prefix in ("E", "S"):
            out.append((start, i + 1, cur))
            cur = ""
    if cur:
        out.append((start, len(labels), cur))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict:
    """Entity-level exact-match scores: ``{"micro": {...}, "per_type": {TYPE: {...}}, "tokens": n,
    "token_accuracy": a}``. ``gold`` and ``pred`` are label sequences, sentence by sentence."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_tok = correct_tok = 0
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError(f"sentence lengths differ: {len(g)} gold vs {len(p)} predicted labels")
        n_tok += len(g)
        correct_tok += sum(a == b for a, b in zip(g, p))
        gs = set(chunks(g))
        ps = set(chunks(p))
        for c in gs:
            n_gold[c[2]] += 1
        for c in ps:
            n_pred[c[2]] += 1
        for c in gs & ps:
            tp[c[2]] += 1
    types = sorted(set(n_gold) | set(n_pred))
    return {
        "micro": _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())),
        "per_type": {t: _prf(tp[t], n_pred[t], n_gold[t]) for t in types},
        "tokens": n_tok,
        "token_accuracy": round(correct_tok / n_tok, 4) if n_tok else 0.0,
    }


def to_bioes(labels: Sequence[str]) -> list[str]:
    """IOB labels to BIOES (S- single-token entity, E- last token), chunked the conlleval way."""
    out = ["O"] * len(labels)
    for s, e, typ in chunks(labels):
        if e - s == 1:
            out[s] = "S-" + typ
        else:
            out[s] = "B-" + typ
            for i in range(s + 1, e - 1):
                out[i] = "I-" + typ
            out[e - 1] = "E-" + typ
    return out


def to_iob2(labels: Sequence[str]) -> list[str]:
    """BIOES or loose IOB labels to strict IOB2 (every entity starts with B-)."""
    out = ["O"] * len(labels)
    for s, e, typ in chunks(labels):
        out[s] = "B-" + typ
        for i in range(s + 1, e):
            out[i] = "I-" + typ
    return out
