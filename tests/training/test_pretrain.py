"""Language-model pretraining of the tagger network (``rased.training.ner.pretrain``): it learns, saves, and a tagger
network starts from its weights with its own character list."""
from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch (the `train` extra) trains the networks")

from rased.training.ner import bilstm, pretrain  # noqa: E402

WORDS = ["قال", "الرئيس", "في", "بغداد", "إن", "الحكومة", "ستجتمع", "غدا", "مع", "المعارضة"]
SIZES = [2, 3, 4]
SENTENCES = [["قال", "الرئيس", "في", "بغداد", "إن", "الحكومة", "ستجتمع", "غدا"],
             ["ستجتمع", "الحكومة", "مع", "المعارضة", "في", "بغداد"]] * 20


def _resources():
    rng = np.random.default_rng(0)
    cluster_ids = np.array([[i % 2, i % 3, i % 4] for i in range(len(WORDS))], dtype=np.int64)
    vectors = rng.normal(size=(len(WORDS), 8)).astype(np.float32)
    return cluster_ids, vectors


def _pretrain(tmp_path, chars, epochs):
    cluster_ids, vectors = _resources()
    return pretrain.pretrain(SENTENCES, tmp_path / "lm.pt", chars=chars, words=WORDS, cluster_ids=cluster_ids,
                             sizes=SIZES, vectors=vectors, hidden=8, char_dim=4, char_filters=6, dropout=0.0,
                             epochs=epochs, batch=8, threads=1, log=lambda m: logs.append(m))


logs: list[str] = []


def test_pretraining_lowers_the_language_model_loss(tmp_path):
    chars = bilstm.training_chars([(s, ["O"] * len(s)) for s in SENTENCES])
    logs.clear()
    path = _pretrain(tmp_path, chars, epochs=8)
    losses = [float(m.split("loss ")[1].split()[0]) for m in logs]
    assert path.exists() and len(losses) == 8
    assert losses[-1] < losses[0] * 0.8, losses


def test_a_tagger_network_starts_from_the_pretrained_weights(tmp_path):
    chars = ["ا", "ب", "ت", "ل", "م"]
    path = _pretrain(tmp_path, chars, epochs=1)
    saved = torch.load(path)["net"]
    net = bilstm.build_model(len(chars) + 3, SIZES, 8, 8, 4, 6, 0.0)  # one more character than pretrained
    shared = pretrain.init_from(net, path, ["ا", "ب", "ث", "ل", "م", "ن"])
    assert shared == 4  # ا ب ل م
    assert torch.equal(net.fw.weight_ih_l0, saved["fw.weight_ih_l0"])
    rows = net.char.weight.detach()
    assert torch.equal(rows[2 + 3], saved["char.weight"][2 + 3])  # «ل»: row 3 in both lists
    assert torch.equal(rows[2 + 4], saved["char.weight"][2 + 4])  # «م»
