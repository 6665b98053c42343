"""``WordRows`` (the run-time input tables) against ``Encoder.flatten`` (training's encoding) on real sentences."""
from __future__ import annotations

import numpy as np
import pytest

from rased.ner import neural, tagger
from rased.ner.word_rows import WordRows

# names of the gazetteer (spans of one and more words), unknown words, glued punctuation, Latin script, numbers
SENTENCES = [
    "قال الرئيس الأمريكي باراك أوباما في واشنطن إن الولايات المتحدة ستدعم الحكومة العراقية".split(),
    "وأعلنت وزارة الداخلية السعودية في الرياض، القبض على 12 مطلوبا".split(),
    ["الموصل"],
    "وقالت وكالة رويترز إن شركة أرامكو السعودية ستطرح أسهمها في البورصة (Reuters) قريبا".split(),
    "زززيد قال لصحيفة الشرق الأوسط: «الأمم المتحدة» تعمل مع منظمة الصحة العالمية".split(),
]


def _model():
    model = tagger.load()._neural
    if model is None:
        pytest.skip("the shipped model is not the neural one")
    return model


def test_rows_equal_the_encoders_flat_arrays():
    model = _model()
    enc = model.encoder
    want = enc.flatten([enc.sentence(s) for s in SENTENCES])
    rows = WordRows(enc)
    for _ in range(2):  # new word forms, then the same ones from the tables
        got = rows.flat(SENTENCES)
        assert got["starts"].tolist() == want["starts"].tolist()
        assert got["lengths"].tolist() == want["lengths"].tolist()
        for name in ("ids", "chars", "flags", "vec"):
            assert got["rows"][name].dtype == want["rows"][name].dtype
            assert np.array_equal(got["rows"][name], want["rows"][name]), name
    assert want["rows"]["flags"][:, 4 + len(neural.TYPES):].any()  # the sentences do hit gazetteer spans
    assert len(rows) == len({t for s in SENTENCES for t in s})


def test_character_vectors_and_growth_and_bound():
    model = _model()
    enc = model.encoder
    rows = WordRows(enc, model.char_cnn, max_rows=30)
    many = [[f"كلمة{i}", f"word{i}", "في"] for i in range(5000)]  # past the first table size
    got = rows.flat(many)
    assert len(rows) == 10001
    flat = enc.flatten([enc.sentence(s) for s in many])
    assert np.array_equal(got["rows"]["ids"], flat["rows"]["ids"])
    want = model.char_cnn(flat["rows"]["chars"])
    assert np.allclose(got["rows"]["charvec"], want, atol=1e-6) and not got["rows"]["charvec"][0].any()
    rows.flat(SENTENCES[:1])  # past max_rows: emptied first
    assert len(rows) == len(set(SENTENCES[0]))
