"""The shipped Arabic NER tagger.

The model folder's ``config.json`` chooses the implementation: ``"kind": "bilstm-crf"`` is the neural
tagger (ONNX network run with onnxruntime, CRF decoding in numpy; see ``rased.ner.neural``); otherwise
the folder holds a CRF over cached word features (python-crfsuite).

    from rased.ner.tagger import load
    ner = load()
    ner.tag(["قال", "الرئيس", "محمد", "مرسي", "في", "القاهرة"])   # IOB2 labels, PER/ORG/LOC/MISC
    ner.entities("قال الرئيس محمد مرسي في القاهرة")               # [(start, end, type, score), ...]
"""
from __future__ import annotations

import bisect
import json
import re
import threading
from collections.abc import Sequence
from pathlib import Path

from ..errors import ModelError
from . import conll, edges, latin
from .consistency import harmonise
from .features import Featurizer, Gazetteer
from .model_files import (CLUSTERS_FILE, CONFIG_FILE, CRF_FILE, FAST_MODEL_DIR, GAZETTEER_FILE, MODEL_DIR, MODEL_FILE,
                          MODELS, ONNX_FILE, VECTORS_FILE, read_gazetteer, read_table, read_vectors)

__all__ = ["FAST_MODEL_DIR", "MODEL_DIR", "MODELS", "Tagger", "load"]  # the folders from ``model_files``
_SENTENCE_ENDS = frozenset(".!?\u061F\u06D4")
_OUTPUT_TYPES = {"PERS": "PER"}
_MAX_SENTENCE = 200
_LINE_BREAK = re.compile("\n")
# Hashtag marks are left out of the network's input: «#نادين_لبكي» is tagged as «نادين لبكي», «#الموصل» as
# «الموصل» (ANERcorp has no hashtags, and the marks alone made the model miss or swallow names).
_HASHTAG_MARKS = frozenset("#_")

_cache: dict[tuple[str, bool], "Tagger"] = {}
_lock = threading.Lock()


class Tagger:
    """A loaded model. ``raw_labels=True`` keeps the labels of the training data (``PERS``);
    otherwise they are mapped to PER/ORG/LOC/MISC."""

    def __init__(self, model_dir: str | Path, *, raw_labels: bool = False):
        d = Path(model_dir)
        self.model_dir = d
        self.config = json.loads((d / CONFIG_FILE).read_text(encoding="utf-8")) if (d / CONFIG_FILE).exists() else {}
        self.raw_labels = raw_labels
        self._lock = threading.Lock()
        self._neural = None
        if self.config.get("kind") == "bilstm-crf":
            from .neural import NeuralModel

            if not ((d / ONNX_FILE).exists() and (d / CRF_FILE).exists()):
                raise ModelError(f"NER model not found in {d}", hint="reinstall rased or run `rased train ner`")
            self._neural = NeuralModel(d, self.config)
            self.labels = list(self._neural.labels)
            return
        if not (d / MODEL_FILE).exists():
            raise ModelError(f"NER model not found in {d}", hint="reinstall rased or run `rased train ner`")
        self._init_crf(d)

    def _init_crf(self, d: Path) -> None:
        import pycrfsuite

        clusters, names, vectors = None, ("k64", "k256", "k1024"), None
        if (d / CLUSTERS_FILE).exists():
            clusters, sizes = read_table(d / CLUSTERS_FILE)
            names = tuple(f"k{k}" for k in sizes)
            if (d / VECTORS_FILE).exists():
                vectors = read_vectors(d / VECTORS_FILE)
        gazetteer = Gazetteer(read_gazetteer(d / GAZETTEER_FILE)) if (d / GAZETTEER_FILE).exists() else None
        self.featurizer = Featurizer(clusters, gazetteer, cluster_names=names, vectors=vectors)
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(d / MODEL_FILE))
        self.labels = self._crf.labels()

    def _out(self, labels: Sequence[str]) -> list[str]:
        labels = conll.to_iob2(labels)
        if self.raw_labels:
            return labels
        out = []
        for lab in labels:
            if lab != "O":
                p, _, t = lab.partition("-")
                lab = f"{p}-{_OUTPUT_TYPES.get(t, t)}"
            out.append(lab)
        return out

    @staticmethod
    def _rules(tokens: Sequence[str], labels: list[str]) -> list[str]:
        """Sentence rules after the model: Latin-script names (``latin``), person names cut before a glued
        preposition (``edges``)."""
        return edges.trim(tokens, latin.mark(tokens, labels))

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 labels for one sentence given as token strings."""
        if not tokens:
            return []
        if self._neural is not None:
            labels = self._neural.predict([list(tokens)])[0]
        else:
            xseq = self.featurizer.sequence(tokens)
            with self._lock:
                labels = self._crf.tag(xseq)
        return self._out(self._rules(tokens, conll.to_iob2(labels)))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        if self._neural is not None:  # batched: the sentences of an article go through the network together
            return [self._out(self._rules(s, labs))
                    for s, labs in zip(sentences, self._neural.predict([list(s) for s in sentences]))]
        return [self.tag(s) for s in sentences]

    def _tag_scored_many(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        if self._neural is not None:  # the network's labels are IOB2 already
            labs, probs = self._neural.predict([list(s) for s in sentences], scores=True)
            tagged = list(zip(labs, probs))
        else:
            tagged = [(conll.to_iob2(labels), probs) for labels, probs in map(self._tag_scored, sentences)]
        out = []
        for words, (labels, probs) in zip(sentences, tagged):
            marked = self._rules(words, labels)
            if marked != labels:  # a name labelled by a Latin-script rule gets the rules' score
                probs = [latin.RULE_SCORE if new != old else (probs[i] if probs else 1.0)
                         for i, (new, old) in enumerate(zip(marked, labels))]
            out.append((marked, probs))
        return out

    def _tag_scored(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        xseq = self.featurizer.sequence(tokens)
        with self._lock:
            self._crf.set(xseq)
            labels = self._crf.tag()
            probs = [self._crf.marginal(lab, i) for i, lab in enumerate(labels)]
        return labels, probs

    def entities(self, text: str, *, consistent: bool = True) -> list[tuple[int, int, str, float]]:
        """Named entities of display text, one document: ``(start, end, type, score)`` with character
        offsets into ``text``; score is the mean marginal probability of the entity's labels.
        ``consistent``: one name keeps one type across the text (``rased.ner.consistency``)."""
        from ..arabic.tokenize import tokens as tokenize

        toks = [t for t in tokenize(text) if not (t.kind == "punct" and t.text in _HASHTAG_MARKS)]
        sents = _sentences(text, toks)
        words = [[s.text for s in x] for x in sents]
        tagged = self._tag_scored_many(words)
        # the model's own entities keep their score; one that document consistency added or retyped gets
        # the mean score of the model's entities with the same words and type
        own: dict[tuple[int, int, int, str], float] = {}
        by_name: dict[tuple[tuple[str, ...], str], list[float]] = {}
        for k, (labels, probs) in enumerate(tagged):
            for s, e, typ in conll.chunks(labels):
                own[(k, s, e, typ)] = score = sum(probs[s:e]) / (e - s)
                by_name.setdefault((tuple(words[k][s:e]), typ), []).append(score)
        final = harmonise(words, [labels for labels, _ in tagged]) if consistent else [lab for lab, _ in tagged]
        out: list[tuple[int, int, str, float]] = []
        for k, (sent, labels) in enumerate(zip(sents, final)):
            for s, e, typ in conll.chunks(labels):
                score = own.get((k, s, e, typ))
                if score is None:
                    scores = by_name[(tuple(words[k][s:e]), typ)]
                    score = sum(scores) / len(scores)
                typ = typ if self.raw_labels else _OUTPUT_TYPES.get(typ, typ)
                out.append((sent[s].start, sent[e - 1].end, typ, round(score, 4)))
        return out


def _sentences(text: str, toks: list) -> list[list]:
    """``toks`` cut into sentences: after an end mark, before a line break, at ``_MAX_SENTENCE`` tokens."""
    # the tokens followed by a line break, found from the breaks (no token holds one) rather than by slicing
    # every gap between two tokens
    starts = [t.start for t in toks]
    breaks = {bisect.bisect_right(starts, m.start()) - 1 for m in _LINE_BREAK.finditer(text)}
    sents, lo, last = [], 0, len(toks) - 1
    for i, t in enumerate(toks):
        if (t.kind == "punct" and t.text in _SENTENCE_ENDS) or i - lo + 1 >= _MAX_SENTENCE or i in breaks or i == last:
            sents.append(toks[lo:i + 1])
            lo = i + 1
    return sents


def load(model_dir: str | Path | None = None, *, raw_labels: bool = False) -> Tagger:
    """The tagger of ``model_dir`` — a folder, or the name of a shipped model ("accurate", the default, or
    "fast") — loaded once per process."""
    d = str(MODELS[model_dir] if model_dir in MODELS else Path(model_dir) if model_dir else MODEL_DIR)
    k = (d, raw_labels)
    with _lock:
        if k not in _cache:
            _cache[k] = Tagger(d, raw_labels=raw_labels)
        return _cache[k]
