"""Self-training: labelled news sentences from the unlabeled corpora, tagged by an ensemble of trained models.

ANERcorp has 125,000 tokens; half of the test's organisations and four fifths of its persons never occur in it.
The unlabeled corpora (SaudiNewsNet, ANT) show thousands of other names in the same kinds of contexts. Models
trained on ANERcorp with different seeds (the teachers) tag corpus sentences together (emissions and CRF scores
averaged); the sentences they tag confidently (every token's marginal probability ≥ ``MIN_CONFIDENCE``) join the
training data of the model that ships (the student). The teachers see only the training split, so a dev or test
score of the student stays clean.
"""
from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np

from ...ner import conll
from ...ner.neural import marginals_batch, viterbi_batch

MIN_CONFIDENCE = 0.8
EMPTY_KEPT = 0.3  # share of confident sentences without any entity that are kept
MIN_TOKENS, MAX_TOKENS = 6, 60
SKIP_ARTICLES = 2000  # the first SaudiNewsNet articles are the benchmarks' and tests' articles: left out
ANT_SEED = 3


def corpus_sentences(texts: Iterable[str]) -> Iterator[list[list[str]]]:
    """Token sentences of each text, split at sentence punctuation and line breaks.

    Nearly the tagger's own split (``tagger.entities``), which also ends sentences at «۔» and every 200 tokens;
    kept as it is because it made the shipped model's training sentences (61 of 12,000 articles split
    differently), so that ``rased train ner --self-train`` reproduces them."""
    from ...arabic.tokenize import tokens

    for text in texts:
        toks = tokens(text)
        out, lo = [], 0
        for i, t in enumerate(toks):
            end_here = t.kind == "punct" and t.text in ".!؟?"
            if i + 1 < len(toks) and "\n" in text[t.end:toks[i + 1].start]:
                end_here = True
            if end_here or i == len(toks) - 1:
                s = [x.text for x in toks[lo:i + 1]]
                if MIN_TOKENS <= len(s) <= MAX_TOKENS:
                    out.append(s)
                lo = i + 1
        if out:
            yield out


def pseudo_label(teacher_dirs: Sequence[str | Path], texts: Iterable[str], limit: int, *,
                 seed: int = 7, names=None) -> tuple[list[conll.Sentence], int]:
    """Up to ``limit`` confidently tagged sentences of ``texts`` (IOB2 labels) and the number looked at.
    ``names`` (a ``distant.NameMatcher``): its names are labelled where the teachers saw none, and a
    sentence is also kept when every word the teachers hesitated on lies inside one of them."""
    from ...ner.tagger import load

    teachers = [load(d, raw_labels=True)._neural for d in teacher_dirs]
    if any(t is None for t in teachers):
        raise ValueError("self-training needs BiLSTM-CRF teachers")
    trans = sum(t.trans for t in teachers) / len(teachers)
    start = sum(t.start for t in teachers) / len(teachers)
    end = sum(t.end for t in teachers) / len(teachers)
    labels = teachers[0].labels
    rng = random.Random(seed)
    kept: list[conll.Sentence] = []
    seen = 0
    for sents in corpus_sentences(texts):
        ems = [sum(e) / len(teachers) for e in zip(*(t.emissions(sents) for t in teachers))]
        paths = viterbi_batch(ems, trans, start, end)
        posts = marginals_batch(ems, trans, start, end)
        for s, path, post in zip(sents, paths, posts):
            seen += 1
            labs = _confident_labels(s, conll.to_iob2([labels[j] for j in path]),
                                     post[np.arange(len(path)), path], names)
            if labs is None:
                continue
            if all(lab == "O" for lab in labs) and rng.random() >= EMPTY_KEPT:
                continue
            kept.append((list(s), labs))
            if len(kept) >= limit:
                return kept, seen
    return kept, seen


def _confident_labels(tokens, labs: list[str], conf: np.ndarray, names) -> list[str] | None:
    """The labels of a sentence worth keeping, or ``None``: every token confident, or (with ``names``)
    every hesitant token inside a name of ``names`` the teachers left untagged."""
    if names is None:
        return labs if conf.min() >= MIN_CONFIDENCE else None
    from .distant import mark

    marked, covered = mark(tokens, labs, names)
    return marked if set(np.flatnonzero(conf < MIN_CONFIDENCE).tolist()) <= covered else None


def corpus_texts(seed: int = 7) -> list[str]:
    """Article texts of both unlabeled corpora, alternating SaudiNewsNet (shuffled with ``seed``, without the
    benchmark articles) and ANT (shuffled with ``ANT_SEED``): Saudi and pan-Arab outlets, all their sections
    (politics, economy, sport, technology — companies and clubs are organisations ANERcorp rarely shows)."""
    from ... import datasets

    snn = [d.text for d in datasets.saudinewsnet()][SKIP_ARTICLES:]
    random.Random(seed).shuffle(snn)
    ant = [d.text for d in datasets.ant() if d.text]
    random.Random(ANT_SEED).shuffle(ant)
    return [t for pair in zip(snn, ant) for t in pair]
