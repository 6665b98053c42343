"""Training of the feature CRF tagger (``rased train ner --kind crf``; scored by ``rased.eval.ner``).

The model folder holds ``ner.crfsuite`` (the CRF), ``clusters.tsv.gz`` (word clusters, optional),
``vectors.npz`` (word vectors aligned with the cluster table, optional), ``gazetteer.tsv.gz`` (names
from the training data) and ``config.json``.
"""
from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from ...ner import conll
from ...ner.conll import names_of
from ...ner.features import Featurizer, Gazetteer
from ...ner.model_files import (CLUSTERS_FILE, CONFIG_FILE, GAZETTEER_FILE, MODEL_FILE, VECTORS_FILE, read_table,
                                read_vectors, write_gazetteer)


DEFAULT_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150}


def actor_person_names() -> list[tuple[tuple[str, ...], str]]:
    """Person names from the UniversalPetrarch Arabic actor dictionary (MIT), typed ``xPER``.

    An entry whose codes sit on the following indented lines (dated roles) is a person; the words
    that occur at least 3 times in non-person entries, and there at least as often as in person
    entries (titles such as رئيس, وزير, nisba adjectives), are dropped from the names.
    Empty when the dictionary is not in the shared data.
    """
    from ... import datasets
    from ...ner.features import norm

    parts = ("events", "universalpetrarch_arabic", "dictionaries", "actor_dict_ar_v4.txt")
    if not datasets.available(*parts):
        return []
    lines = datasets.path(*parts).read_text(encoding="utf-8").split("\n")
    from collections import Counter

    persons: list[tuple[str, ...]] = []
    in_person: Counter[str] = Counter()
    in_other: Counter[str] = Counter()
    for i, line in enumerate(lines):
        if not line.strip() or line[0] in "\t#":
            continue
        name = line.split("[")[0].strip().strip("_")
        words = tuple(w for w in name.split("_") if w)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if "[" not in line and nxt.startswith("\t"):
            persons.append(words)
            in_person.update({norm(w) for w in words})
        else:
            in_other.update({norm(w) for w in words})
    other_words = {w for w, n in in_other.items() if n >= 3 and n >= in_person[w]}
    out = []
    for words in persons:
        kept = tuple(w for w in words if norm(w) not in other_words)
        if kept:
            out.append((kept, "xPER"))
    return out


def featurize_out_of_fold(sentences: Sequence[conll.Sentence], clusters, *, folds: int = 5,
                          extra_names: Sequence[tuple[Sequence[str], str]] = (),
                          use_gazetteer: bool = True, vectors=None) -> list:
    """Feature lists for training sentences. The gazetteer of each of ``folds`` contiguous blocks is
    built from the names of the other blocks only, so that the CRF does not learn to trust a
    gazetteer that always contains the answer."""
    if not use_gazetteer:
        fz = Featurizer(clusters, vectors=vectors)
        return [fz.sequence(t) for t, _ in sentences]
    n = len(sentences)
    bounds = [round(i * n / folds) for i in range(folds + 1)]
    out: list = []
    for k in range(folds):
        lo, hi = bounds[k], bounds[k + 1]
        others = list(sentences[:lo]) + list(sentences[hi:])
        gz = Gazetteer(names_of(others) + list(extra_names))
        fz = Featurizer(clusters, gz, vectors=vectors)
        out.extend(fz.sequence(t) for t, _ in sentences[lo:hi])
    return out


def fit(X, y, model_path: str | Path, params: dict | None = None, log=print) -> Path:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in zip(X, y):
        trainer.append(xseq, yseq)
    p = dict(DEFAULT_PARAMS)
    p.update(params or {})
    trainer.set_params({"c1": p["c1"], "c2": p["c2"], "max_iterations": p["max_iterations"],
                        "feature.possible_transitions": True})
    t0 = time.time()
    trainer.train(str(model_path))
    log(f"ner: CRF trained in {time.time() - t0:.0f}s ({len(X)} sentences)")
    return Path(model_path)


def _place(src: str | Path | None, dest: Path) -> None:
    """Copy ``src`` to ``dest`` (unless it is ``dest``); remove ``dest`` when ``src`` is None."""
    if src is None:
        if dest.exists():
            dest.unlink()
    elif Path(src).resolve() != dest.resolve():
        dest.write_bytes(Path(src).read_bytes())


def train(data: str | Path, out: str | Path, *, clusters_path: str | Path | None = None,
          vectors_path: str | Path | None = None,
          params: dict | None = None, use_gazetteer: bool = True, folds: int = 5, scheme: str = "iob2",
          actors: bool = False, log=print) -> Path:
    """Train a model folder from a CoNLL file."""
    sentences = conll.read(data)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    clusters = None
    cluster_names: tuple[str, ...] = ()
    vectors = None
    if clusters_path:
        clusters, sizes = read_table(clusters_path)
        cluster_names = tuple(f"k{k}" for k in sizes)
        if vectors_path:
            vectors = read_vectors(vectors_path)
    elif vectors_path:
        raise ValueError("word vectors need the cluster table that gives their word order")
    _place(clusters_path, out / CLUSTERS_FILE)
    _place(vectors_path if clusters_path else None, out / VECTORS_FILE)
    t0 = time.time()
    extra = actor_person_names() if (use_gazetteer and actors) else []
    X = featurize_out_of_fold(sentences, clusters, folds=folds, use_gazetteer=use_gazetteer, extra_names=extra,
                              vectors=vectors)
    y = [conll.to_bioes(labs) if scheme == "bioes" else conll.to_iob2(labs) for _, labs in sentences]
    log(f"ner: features for {len(X)} sentences in {time.time() - t0:.0f}s")
    p = dict(DEFAULT_PARAMS)
    p.update(params or {})
    fit(X, y, out / MODEL_FILE, p, log=log)
    if use_gazetteer:
        write_gazetteer(out / GAZETTEER_FILE, names_of(sentences) + extra)
    elif (out / GAZETTEER_FILE).exists():
        (out / GAZETTEER_FILE).unlink()
    config = {"format": 1, "scheme": scheme, "params": p, "gazetteer": use_gazetteer, "actor_names": len(extra), "cluster_names": list(cluster_names),
              "vectors": None if vectors is None else list(vectors.shape),
              "trained_on": Path(data).name, "sentences": len(sentences),
              "tokens": sum(len(t) for t, _ in sentences)}
    (out / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return out
