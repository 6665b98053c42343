"""The numpy side of the BiLSTM-CRF tagger: CRF decoding, marginals, IOB2 constraints, input encoding."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from rased.ner import neural


def _brute(em, trans, start, end):
    n, k = em.shape
    scores = {}
    for path in itertools.product(range(k), repeat=n):
        s = start[path[0]] + em[0, path[0]] + end[path[-1]]
        s += sum(trans[path[i - 1], path[i]] + em[i, path[i]] for i in range(1, n))
        scores[path] = s
    return scores


def test_viterbi_and_marginals_match_brute_force():
    rng = np.random.default_rng(0)
    em, trans = rng.normal(size=(4, 3)), rng.normal(size=(3, 3))
    start, end = rng.normal(size=3), rng.normal(size=3)
    scores = _brute(em, trans, start, end)
    assert tuple(neural.viterbi(em, trans, start, end)) == max(scores, key=scores.get)
    z = np.logaddexp.reduce(list(scores.values()))
    m = neural.marginals(em, trans, start, end)
    for t in range(4):
        for j in range(3):
            p = sum(np.exp(s - z) for path, s in scores.items() if path[t] == j)
            assert m[t, j] == pytest.approx(p, abs=1e-9)
    assert neural.viterbi(em[:1], trans, start, end) == [int((start + em[0] + end).argmax())]


def test_iob2_constraints():
    ok, start_ok = neural.allowed_transitions(neural.LABELS)
    lab = {x: i for i, x in enumerate(neural.LABELS)}
    assert not start_ok[lab["I-PERS"]] and start_ok[lab["B-PERS"]] and start_ok[lab["O"]]
    assert ok[lab["B-PERS"], lab["I-PERS"]] and ok[lab["I-PERS"], lab["I-PERS"]]
    assert not ok[lab["O"], lab["I-ORG"]] and not ok[lab["B-LOC"], lab["I-ORG"]]
    assert ok[lab["I-ORG"], lab["B-ORG"]] and ok[lab["O"], lab["B-MISC"]]


def test_encoder_batch_shapes_and_gazetteer():
    from rased.ner.features import Gazetteer

    words = ["في", "القاهره", "قاهره", "مصر"]
    ids = np.array([[0, 1, 2], [3, 4, 5], [3, 4, 5], [6, 7, 8]])
    vecs = np.eye(4, 5, dtype=np.float16)
    enc = neural.Encoder(words, ids, vecs, {c: i + 2 for i, c in enumerate("القاهرمصف")},
                         Gazetteer([(("مصر",), "LOC")]))
    a = enc.sentence(["وفي", "القاهرة", "مصر"])
    b = enc.sentence(["زيد"])
    feeds = enc.batch([a, b])
    assert feeds["vec"].shape == (2, 3, 10) and feeds["ids"].shape == (2, 3, 6)
    assert feeds["chars"].shape == (2, 3, neural.MAX_CHARS) and feeds["flags"].shape == (2, 3, neural.N_FLAGS)
    assert feeds["lengths"].tolist() == [3, 1]
    assert feeds["vec"][0, 1, 1] == pytest.approx(3.0)  # القاهرة: word row 1, scaled
    assert feeds["vec"][0, 1, 5 + 2] == pytest.approx(3.0)  # its stem قاهره (article stripped): row 2
    loc = neural.TYPES.index("LOC")
    assert feeds["flags"][0, 2, 4 + loc] == 1.0  # gazetteer word type
    assert feeds["flags"][0, 2, 4 + len(neural.TYPES) + loc] == 1.0  # gazetteer span begin
    assert feeds["flags"][1, 0, 2] == 1.0  # unknown word
    assert not feeds["vec"][1, 0].any()


def test_batched_decoding_equals_one_sentence_at_a_time():
    rng = np.random.default_rng(7)
    labels = neural.LABELS if hasattr(neural, "LABELS") else ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    n = len(labels)
    ok, start_ok = neural.allowed_transitions(labels)
    trans = np.where(ok, rng.normal(size=(n, n)), -1e4)
    start = np.where(start_ok, rng.normal(size=n), -1e4)
    end = rng.normal(size=n)
    ems = [rng.normal(scale=3, size=(length, n)) for length in (1, 7, 3, 12, 2)]
    assert neural.viterbi_batch(ems, trans, start, end) == [neural.viterbi(em, trans, start, end) for em in ems]
    for batched, em in zip(neural.marginals_batch(ems, trans, start, end), ems):
        assert np.allclose(batched, neural.marginals(em, trans, start, end), atol=1e-9)
