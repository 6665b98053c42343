"""Mention replacement (``rased.training.ner.augment``): names swapped for names of the same type, clitics kept."""
from __future__ import annotations

import random

from rased.ner import conll
from rased.training.ner import augment


_SPLITS = {"والجماعة": "وال", "للحركة": "لل", "بالاتحاد": "بال", "الاتحاد": "ال", "للأمم": "لل", "وقال": "و"}


def _prefix(word: str) -> str:  # the clitic prefix, as the encoder's frequency-aware stripping gives it
    return _SPLITS.get(word, "")


def test_clitics_move_to_the_new_name():
    assert augment.split_clitic("والجماعة", _prefix) == "و"
    assert augment.split_clitic("للحركة", _prefix) == "ل"
    assert augment.split_clitic("بالاتحاد", _prefix) == "ب"
    assert augment.split_clitic("الاتحاد", _prefix) == ""
    assert augment.attach("ل", "الأمم") == "للأمم"
    assert augment.attach("و", "الأمم") == "والأمم"
    assert augment.attach("ب", "Reuters") == "بReuters"


def test_replacer_swaps_every_name_for_one_of_its_type():
    pools = {"ORG": [("حركة", "فتح")], "PERS": [("سولانا",)], "LOC": [("القاهرة",)]}
    rep = augment.MentionReplacer(pools, [("OPEC",)], _prefix, random.Random(0), latin_share=0.0)
    toks = "وقال خافيير سولانا إن للأمم المتحدة دورا في لبنان".split()
    labs = ["O", "B-PERS", "I-PERS", "O", "B-ORG", "I-ORG", "O", "O", "B-LOC"]
    t2, l2 = rep(toks, labs)
    assert " ".join(t2) == "وقال سولانا إن لحركة فتح دورا في القاهرة"
    assert l2 == ["O", "B-PERS", "O", "B-ORG", "I-ORG", "O", "O", "B-LOC"]
    assert conll.to_iob2(l2) == l2
    latin = augment.MentionReplacer(pools, [("OPEC",)], _prefix, random.Random(0), latin_share=1.0)
    assert latin(toks, labs)[0][3] == "لOPEC"
    none = augment.MentionReplacer({}, [], _prefix, random.Random(0))
    assert none(toks, labs) == (toks, labs)  # no names of a type: the mention stays


def test_registry_pools_have_every_type_and_short_latin_names():
    pools, latin = augment.registry_pools()
    assert {"PERS", "ORG", "LOC"} <= set(pools)
    assert len(pools["ORG"]) >= 500 and len(latin) >= 100
    assert all(len(n) <= 2 and all(w.isascii() for w in n) for n in latin)

