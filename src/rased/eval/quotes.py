"""Quote evaluation against a hand-made gold set (``tests/gold/quotes_gold.jsonl``).

Each gold line names a corpus article (``corpus`` + ``doc_id`` from ``rased.datasets``) and lists *every* quote in it
as a speaker text and the opening words of the content. The article text is read from the corpus at evaluation time
(the gold file holds no article text). Gold contents are located in the analysed text by matching key.

* content: a predicted quote matches a gold quote when their content spans overlap (one-to-one, in text order);
  precision = matched predictions / predictions, recall = matched gold / gold;
* speaker: a matched pair whose speakers share a word (search keys, stop words aside) counts for the speaker
  scores, with the same denominators.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..arabic import wordfreq
from ..arabic.normalize import key_with_offsets, light
from ..arabic.stem import search_key
from ..arabic.tokenize import words

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "tests" / "gold" / "quotes_gold.jsonl"


def load(path: str | Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _squash(text: str) -> tuple[str, list[int]]:
    """Matching key without spaces or punctuation, with offsets back into ``text``."""
    k, where = key_with_offsets(text)
    out, pos = [], []
    for ch, w in zip(k, where):
        if ch.isalnum():
            out.append(ch)
            pos.append(w)
    return "".join(out), pos


def locate(text: str, snippet: str, after: int = 0) -> tuple[int, int] | None:
    """Span of ``snippet`` in ``text`` (by matching key, ignoring spaces and punctuation), first at or after ``after``."""
    hay, pos = _squash(text)
    needle, _ = _squash(snippet)
    if not needle:
        return None
    start_at = next((i for i, p in enumerate(pos) if p >= after), len(pos))
    i = hay.find(needle, start_at)
    if i < 0:
        i = hay.find(needle)
    if i < 0:
        return None
    return pos[i], pos[i + len(needle) - 1] + 1


def _speaker_words(text: str) -> set[str]:
    stop = wordfreq.stopwords()
    return {search_key(w.text) for w in words(text) if light(w.text) not in stop and len(w.text) > 1}


def same_speaker(a: str, b: str) -> bool:
    return bool(_speaker_words(a) & _speaker_words(b))


def _documents(wanted: set[tuple[str, str]]) -> dict[tuple[str, str], object]:
    from .. import datasets

    found: dict[tuple[str, str], object] = {}
    corpora = {c for c, _ in wanted}
    if "saudinewsnet" in corpora:
        ids = {d for c, d in wanted if c == "saudinewsnet"}
        for doc in datasets.saudinewsnet():
            if doc.doc_id in ids:
                found[("saudinewsnet", doc.doc_id)] = doc
                if len([k for k in found if k[0] == "saudinewsnet"]) == len(ids):
                    break
    if "ant" in corpora:
        ids = {d for c, d in wanted if c == "ant"}
        for doc in datasets.ant():
            if doc.doc_id in ids:
                found[("ant", doc.doc_id)] = doc
    return found


def evaluate(path: str | Path = DEFAULT_GOLD, analyze=None) -> dict:
    from .events import pipeline_analyze

    analyze = analyze or pipeline_analyze()
    gold = load(path)
    docs = _documents({(g["corpus"], g["doc_id"]) for g in gold})
    n_gold = n_pred = c_match = s_match = 0
    missing_docs, unplaced = [], []
    errors = []
    for g in gold:
        doc = docs.get((g["corpus"], g["doc_id"]))
        if doc is None:
            missing_docs.append(g["doc_id"])
            continue
        article = analyze(doc.text)
        text = article.text
        spans = []
        for q in g["quotes"]:
            at = locate(text, q["content"])
            if at is None:
                unplaced.append(f'{g["doc_id"]}: {q["content"]}')
            spans.append(at)
        preds = list(article.quotes or ())
        n_gold += len(g["quotes"])
        n_pred += len(preds)
        used: set[int] = set()
        for gi, (q, span) in enumerate(zip(g["quotes"], spans)):
            if span is None:
                continue
            overlapping = [pi for pi, p in enumerate(preds)
                           if pi not in used and p.content_start < span[1] and p.content_end > span[0]]
            agreeing = [pi for pi in overlapping if same_speaker(preds[pi].speaker_text, q["speaker"])]
            best = (agreeing or overlapping or [None])[0]
            if best is None:
                if len(errors) < 40:
                    errors.append({"doc": g["doc_id"], "missed": q["content"]})
                continue
            used.add(best)
            c_match += 1
            if same_speaker(preds[best].speaker_text, q["speaker"]):
                s_match += 1
            elif len(errors) < 40:
                errors.append({"doc": g["doc_id"], "content": q["content"], "gold_speaker": q["speaker"],
                               "speaker": preds[best].speaker_text})
        for pi, p in enumerate(preds):
            if pi not in used and len(errors) < 40:
                errors.append({"doc": g["doc_id"], "extra": text[p.content_start:p.content_end][:80],
                               "speaker": p.speaker_text})
    ratio = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    return {
        "articles": len(gold) - len(missing_docs),
        "gold_quotes": n_gold,
        "predicted": n_pred,
        "content": {"precision": ratio(c_match, n_pred), "recall": ratio(c_match, n_gold)},
        "speaker": {"precision": ratio(s_match, n_pred), "recall": ratio(s_match, n_gold)},
        "missing_documents": missing_docs,
        "unplaced_gold": unplaced,
        "errors": errors,
    }


# --- gold folders in the per-article layout (independent annotation, e.g. ant_dev) -------------------------

def _pair(golds: list[dict], preds: list, text: str) -> list[tuple[dict, object | None]]:
    """Each gold quote with the prediction it is found by (content token Jaccard >= 0.5, one-to-one,
    a prediction whose speaker agrees preferred), or ``None``."""
    from .annotated import token_jaccard

    used: set[int] = set()
    out = []
    for g in golds:
        scored = []
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            j = token_jaccard(text[p.content_start:p.content_end], g["content_text"])
            if j >= 0.5:
                scored.append((same_speaker(p.speaker_text, g["speaker_text"]), j, -pi))
        if not scored:
            out.append((g, None))
            continue
        best = -max(scored)[2]
        used.add(best)
        out.append((g, preds[best]))
    return out


def _quote_row(g: dict, p) -> dict:
    return {"cue": g["cue"], "gold_speaker": g["speaker_text"], "gold_content": g["content_text"][:90],
            "speaker": p.speaker_text if p is not None else None}


def evaluate_folder(path: str | Path, analyze=None, errors: int = 60) -> dict:
    """Quotes P/R on a gold folder, scored as the independent held-out set is: a gold quote is found when a
    predicted quote's content has token Jaccard >= 0.5 with it and the speakers share a word. The headline
    figures count explicit-speaker gold quotes over all predictions (as the held-out set is scored, so figures
    compare); implicit-speaker ones (the antecedent of «وأضاف») are reported apart: ``precision_all`` counts
    them as right too, ``precision_explicit`` leaves the predictions that found them out of the count."""
    from .annotated import load_folder, ratio
    from .events import pipeline_analyze

    analyze = analyze or pipeline_analyze()
    c = {k: 0 for k in ("pred", "content", "exp", "exp_found", "imp", "imp_found", "imp_paired",
                        "dir", "dir_found", "ind", "ind_found")}
    mistakes = []
    for doc in load_folder(path):
        article = analyze(doc.text)
        preds = list(article.quotes or ())
        c["pred"] += len(preds)
        for g, p in _pair(list(doc.quotes), preds, article.text):
            implicit = bool(g.get("speaker_implicit"))
            found = p is not None and same_speaker(p.speaker_text, g["speaker_text"])
            c["content"] += p is not None
            kind = "imp" if implicit else "exp"
            c[kind] += 1
            c["imp_paired"] += implicit and p is not None
            c[kind + "_found"] += found
            way = "dir" if g.get("direct") else "ind"
            c[way] += 1
            c[way + "_found"] += found
            if not found and len(mistakes) < errors:
                mistakes.append({"doc": doc.docno, **_quote_row(g, p)})
    return {
        "articles": len(load_folder(path)), "gold_quotes": c["exp"] + c["imp"], "predicted": c["pred"],
        "quotes": {"precision": ratio(c["exp_found"], c["pred"]), "recall": ratio(c["exp_found"], c["exp"]),
                   "gold": c["exp"],
                   "precision_all": ratio(c["exp_found"] + c["imp_found"], c["pred"]),
                   "precision_explicit": ratio(c["exp_found"], c["pred"] - c["imp_paired"])},
        "content": {"precision": ratio(c["content"], c["pred"]), "recall": ratio(c["content"], c["exp"] + c["imp"])},
        "implicit_speaker": {"gold": c["imp"], "recall": ratio(c["imp_found"], c["imp"])},
        "direct": {"gold": c["dir"], "recall": ratio(c["dir_found"], c["dir"])},
        "indirect": {"gold": c["ind"], "recall": ratio(c["ind_found"], c["ind"])},
        "errors": mistakes,
    }
