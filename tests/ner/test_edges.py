"""Person names cut before a glued preposition (``rased.ner.edges``)."""
from __future__ import annotations

import pytest

from rased import datasets
from rased.ner import conll, edges


@pytest.mark.parametrize("sentence, labels, expected", [
    ("وقال ماكرون للصحافيين في سيدني", ["O", "B-PER", "I-PER", "O", "B-LOC"], ["O", "B-PER", "O", "O", "B-LOC"]),
    ("وقال ترمب للصحفيين خلال", ["O", "B-PERS", "I-PERS", "O"], ["O", "B-PERS", "O", "O"]),
    ("والسيد كي لدبي من نيجيريا", ["O", "B-PERS", "I-PERS", "O", "B-LOC"], ["O", "B-PERS", "I-PERS", "O", "B-LOC"]),
    # organisation names keep their «لـ» phrases; a one-word name is left as it is
    ("منظمة الأمم المتحدة للطفولة", ["B-ORG", "I-ORG", "I-ORG", "I-ORG"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG"]),
    ("للصحافيين", ["B-PER"], ["B-PER"]),
    # a name that starts with ل is no preposition («لافروف»، «ليبرمان»)
    ("سيرغي لافروف", ["B-PER", "I-PER"], ["B-PER", "I-PER"]),
])
def test_trim(sentence, labels, expected):
    assert edges.trim(sentence.split(), labels) == expected


@pytest.mark.data
def test_no_person_of_anercorp_train_is_cut():
    if not datasets.available("ner", "anercorp_original", "train.txt"):
        pytest.skip("ANERcorp train split not found: set RASED_DATA to the shared data folder")
    for tokens, labels in conll.read(datasets.path("ner", "anercorp_original", "train.txt")):
        labels = conll.to_iob2(labels)
        assert edges.trim(tokens, labels) == labels, " ".join(tokens)
