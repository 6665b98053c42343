"""Scoring a NER model folder on a CoNLL file (``rased eval ner``, the NER gates)."""
from __future__ import annotations

import time
from pathlib import Path

from ..ner import conll, tagger as ner_tagger
from ..ner.consistency import CONLL_WINDOW, harmonise


def evaluate(data: str | Path, model_dir: str | Path | None = None, context: int = CONLL_WINDOW) -> dict:
    """Score a model folder on a CoNLL file (labels compared as they are in the gold file). A CoNLL file
    has no article marks: ``context`` sentences on each side stand for the article when names are made
    consistent (``rased.ner.consistency``); 0 scores the model's labels as they are."""
    sentences = conll.read(data)
    tagger = ner_tagger.load(model_dir, raw_labels=True) if model_dir else ner_tagger.load(raw_labels=True)
    t0 = time.process_time()
    words = [t for t, _ in sentences]
    pred = tagger.tag_many(words)
    if context > 0:
        pred = harmonise(words, pred, window=context)
    dt = time.process_time() - t0  # CPU seconds of this process: tokens per second on one core
    result = conll.score([labs for _, labs in sentences], pred)
    result["tokens_per_second"] = round(result["tokens"] / dt) if dt > 0 else None
    return result
