"""Distant supervision (``rased.training.ner.distant``): registry names marked on untagged corpus words, and the
sentences self-training keeps with them."""
from __future__ import annotations

import numpy as np

from rased.training.ner import distant, self_training

_NAMES = [(("حركة", "الشباب", "المجاهدين"), "ORG"), (("تنظيم", "القاعدة"), "ORG"), (("أمل",), "ORG"),
          (("الإخوان",), "ORG")]


def test_names_match_with_a_glued_clitic_and_the_longest_first():
    m = distant.NameMatcher(_NAMES)
    toks = "وقال إن بتنظيم القاعدة ووللإخوان علاقة".split()
    assert m.matches(toks) == [(2, 4, "ORG")]
    assert m.matches("قالت جماعة الإخوان".split()) == [(2, 3, "ORG")]


def test_short_one_word_names_are_left_out():
    assert distant.NameMatcher(_NAMES).matches("لا أمل في الحل".split()) == []


def test_mark_labels_untagged_words_only_and_leaves_the_head_outside():
    m = distant.NameMatcher(_NAMES)
    toks = "قال متحدث باسم حركة الشباب المجاهدين".split()
    labs, covered = distant.mark(toks, ["O"] * 6, m)
    assert labs == ["O", "O", "O", "O", "B-ORG", "I-ORG"]
    assert covered == {3, 4, 5}
    tagged = ["O", "O", "O", "O", "B-LOC", "O"]
    assert distant.mark(toks, tagged, m)[0] == tagged


def test_hesitant_sentence_kept_only_when_a_name_covers_the_doubt():
    m = distant.NameMatcher(_NAMES)
    toks = "قال متحدث باسم حركة الشباب المجاهدين".split()
    conf = np.array([0.99, 0.99, 0.99, 0.6, 0.5, 0.7])
    assert self_training._confident_labels(toks, ["O"] * 6, conf, None) is None
    assert self_training._confident_labels(toks, ["O"] * 6, conf, m) == ["O", "O", "O", "O", "B-ORG", "I-ORG"]
    conf[1] = 0.5
    assert self_training._confident_labels(toks, ["O"] * 6, conf, m) is None
