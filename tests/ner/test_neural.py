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


def test_batched_decoding_on_real_sentences_of_every_length():
    """The shipped model's emissions: sentences longest-first inside the batch, back in their order outside."""
    from rased.ner import tagger

    model = tagger.load()._neural
    if model is None:
        pytest.skip("the shipped model is not the neural one")
    words = "قال وزير الخارجية السعودي عادل الجبير في الرياض إن المملكة تدعم الحل السياسي في اليمن".split()
    sents = [words[:n] for n in (3, 16, 1, 9, 16, 2, 9, 12)]  # ties, a single word, the longest twice
    ems = model.emissions(sents)
    args = (model.trans, model.start, model.end)
    assert neural.viterbi_batch(ems, *args) == [neural.viterbi(em, *args) for em in ems]
    for batched, em in zip(neural.marginals_batch(ems, *args), ems):
        assert batched.shape == em.shape
        assert np.allclose(batched, neural.marginals(em, *args), atol=1e-9)


def test_length_batches_cover_every_sentence_once_within_bounds():
    rng = np.random.default_rng(3)
    lengths = sorted(int(x) for x in rng.integers(1, 120, size=300))
    batches = neural.length_batches(lengths, 2000)
    assert [i for b in batches for i in b] == list(range(len(lengths)))
    for b in batches:
        longest, shortest = lengths[b[-1]], lengths[b[0]]
        assert len(b) * longest <= 2000 or len(b) == 1
        assert longest <= max(neural.SHORT, neural.MAX_STRETCH * shortest)
    assert neural.length_batches([], 2000) == []
    assert neural.length_batches([500, 500, 500], 1000) == [range(0, 2), range(2, 3)]


def test_shipped_model_scores_a_sentence_the_same_alone_and_in_any_batch():
    """Batching (by length, padded) must not change a sentence's emissions, not even in the last bit: the int8
    LSTMs quantize with fixed ranges (``rased.training.ner.int8``)."""
    from rased.ner import tagger

    model = tagger.load()._neural
    if model is None:
        pytest.skip("the shipped model is not the neural one")
    sents = [["قال", "الرئيس", "الأمريكي", "باراك", "أوباما", "في", "واشنطن"], ["هاجم", "تنظيم", "داعش"],
             "أعلن وزير الخارجية السعودي عادل الجبير أن المملكة تدعم الحل السياسي في اليمن".split(),
             ["الموصل"], "وقالت وكالة رويترز إن شركة أرامكو ستطرح أسهمها في البورصة".split()]
    together = model.emissions(sents)
    for s, em in zip(sents, together):
        assert np.array_equal(model.emissions([s])[0], em)


def test_char_cnn_in_numpy_equals_a_direct_convolution():
    """The shipped character CNN (run per word form in numpy) against a plain loop over positions."""
    from pathlib import Path

    from rased.ner import char_split

    path = Path(neural.__file__).parent / "model" / char_split.CHARCNN_FILE
    if not path.exists():
        pytest.skip("the shipped model keeps its character CNN inside the network")
    cnn = char_split.CharCNN(path)
    with np.load(path) as z:
        emb, w, bias = z["char"], z["conv_w"], z["conv_b"]
    rng = np.random.default_rng(5)
    ids = rng.integers(0, emb.shape[0], size=(9, neural.MAX_CHARS))
    ids[:, 6:] = 0  # padded words
    x = np.pad(emb[ids], ((0, 0), (1, 1), (0, 0)))
    want = np.array([[max(0.0, max(float((x[n, p:p + 3] * w[f].T).sum() + bias[f]) for p in range(neural.MAX_CHARS)))
                      for f in range(w.shape[0])] for n in range(len(ids))])
    assert np.allclose(cnn(ids), want, atol=1e-4)


def test_split_network_equals_the_exported_one(tmp_path):
    """Cutting the character CNN out of an exported network changes no emission score."""
    torch = pytest.importorskip("torch", reason="torch (the `train` extra) exports the networks")
    pytest.importorskip("onnx", reason="onnx (the `train` extra) edits the exported graph")
    import onnxruntime as ort

    from rased.ner import char_split
    from rased.training.ner import bilstm

    torch.manual_seed(0)
    net = bilstm.build_model(30, [4, 8, 16], 5, 8, 6, 7, 0.0)
    with torch.no_grad():
        net.char.weight[0].zero_()
    whole = bilstm.export_onnx(net, tmp_path / "whole.onnx", n_ids=6, vec_dim=10)
    cut = tmp_path / "cut.onnx"
    cut.write_bytes(whole.read_bytes())
    cnn = char_split.CharCNN(char_split.split(cut, tmp_path / "charcnn.npz"))
    rng = np.random.default_rng(1)
    b, t = 3, 6
    feeds = {"vec": rng.normal(size=(b, t, 10)).astype(np.float32),
             "ids": np.stack([rng.integers(0, s + 1, size=(b, t)) for s in (4, 8, 16, 16, 2, 4)], -1).astype(np.int64),
             "chars": rng.integers(0, 30, size=(b, t, neural.MAX_CHARS)).astype(np.int64),
             "flags": rng.integers(0, 2, size=(b, t, neural.N_FLAGS)).astype(np.float32),
             "lengths": np.array([6, 4, 1], dtype=np.int64)}
    want = ort.InferenceSession(str(whole)).run(None, feeds)[0]
    split_feeds = {k: v for k, v in feeds.items() if k != "chars"}
    split_feeds[char_split.CHARVEC_INPUT] = cnn(feeds["chars"].reshape(b * t, -1)).reshape(b, t, -1)
    got = ort.InferenceSession(str(cut)).run(None, split_feeds)[0]
    assert np.allclose(got, want, atol=1e-5)


def test_self_training_keeps_confident_iob2_sentences_only():
    from pathlib import Path

    from rased.ner import tagger
    from rased.training.ner import self_training

    model_dir = Path(tagger.__file__).parent / "model"
    texts = [
        "قال وزير الخارجية السعودي عادل الجبير في الرياض إن المملكة تدعم الحل السياسي في اليمن.\n"
        "وأضاف أن الأمم المتحدة تعمل مع الحكومة الشرعية.",
        "هذا نص قصير.",  # too short for a sentence of its own
        "أعلنت شركة أرامكو السعودية عن نتائجها المالية للعام الماضي في مؤتمر صحفي عقد في الظهران اليوم.",
    ]
    assert [len(s) for s in next(self_training.corpus_sentences(texts[:1]))] == [16, 9]
    kept, seen = self_training.pseudo_label([model_dir, model_dir], texts, 10, seed=1)
    assert seen == 3 and 0 < len(kept) <= 3
    for toks, labs in kept:
        assert len(toks) == len(labs)
        for prev, lab in zip(["O", *labs], labs):
            assert lab == "O" or lab.startswith("B-") or (lab.startswith("I-") and prev[2:] == lab[2:])
    one, _ = self_training.pseudo_label([model_dir], texts, 1, seed=1)
    assert len(one) == 1


def test_self_training_rounds_make_each_student_the_next_teacher(tmp_path, monkeypatch):
    """``rased train ner --self-train N --rounds 2``: the teachers tag round 1; the student trained on it
    tags round 2; the data returned is the train split plus the sentences of the last round."""
    import argparse
    from pathlib import Path

    from rased import datasets
    from rased.cli import cmd_ner
    from rased.ner import conll
    from rased.training.ner import bilstm, self_training

    gold = tmp_path / "train.txt"
    conll.write(gold, [(["قال", "بوش"], ["O", "B-PERS"])])
    trained, tagged_by = [], []

    def fake_train(data, out, **kw):
        trained.append((Path(data).name, kw["params"]["seed"]))
        return out

    def fake_pseudo(teachers, texts, limit, names=None):
        assert names is None  # no --distant
        tagged_by.append([Path(t).name for t in teachers])
        return [(["في", "بغداد"], ["O", "B-LOC"])] * len(tagged_by), 10

    monkeypatch.setattr(bilstm, "train", fake_train)
    monkeypatch.setattr(self_training, "pseudo_label", fake_pseudo)
    monkeypatch.setattr(self_training, "corpus_texts", lambda: [])
    monkeypatch.setattr(datasets, "require", lambda *parts: tmp_path)
    args = argparse.Namespace(teacher_seeds="1,2", seed=2, self_train=5, rounds=2, distant=False)
    out = cmd_ner._self_training_data(args, gold, tmp_path, tmp_path, tmp_path, {"seed": 2}, lambda m: None)
    assert tagged_by == [["teacher-1", "teacher-2"], ["student-1"]]
    assert trained == [("train.txt", 1), ("train.txt", 2), ("train+pseudo-1.txt", 2)]
    sents = conll.read(out)
    assert len(sents) == 3 and sents[0][1] == ["O", "B-PERS"]  # gold first, then round 2's two sentences
