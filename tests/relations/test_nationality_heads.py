"""A nationality adjective alone is no argument: the noun it describes is (claims.nationality_heads, body_nouns.tsv).
Sentences in the style of unseen news articles."""
import pytest

import rased
from rased.knowledge.cues import lexicon, validate, word_key


def _arguments(text: str) -> list[tuple[str | None, str | None]]:
    return [(r.source.text if r.source else None, r.target.text if r.target else None)
            for r in rased.analyze(text.encode()).relations]


@pytest.mark.parametrize("text, argument", [
    ("وقال الرئيس الأميركي إن بلاده ستفرض عقوبات على إيران.", "الرئيس الأميركي"),  # a definite title
    ("وقصفت القوات الجوية الليبية مواقع التنظيم.", "القوات الجوية الليبية"),  # an agent noun and its adjective
    ("واتهم وزير الخارجية الإيراني واشنطن بدعم الإرهاب.", "وزير الخارجية الإيراني"),  # a construct head
    ("وزار وفد أميركي مدينة منبج.", "وفد أميركي"),  # an indefinite body noun
    ("وأعلنت هيئة الهلال الأحمر الإماراتي توقيع اتفاق مع منظمة الصحة العالمية.",
     "هيئة الهلال الأحمر الإماراتي"),  # a named body before the adjective, and its body noun
])
def test_the_argument_is_the_noun_the_nationality_describes(text, argument):
    assert argument in [a for pair in _arguments(text) for a in pair]


@pytest.mark.parametrize("text, adjective, wider", [
    # the head is the event itself: the nationality is its doer
    ("وأدان المرصد الهجوم التركي على عفرين.", "التركي", "الهجوم التركي"),
    # a named body heads the adjective only right before it: here «أهدافا» is the noun described, and no actor
    ("وقصفت طائرات تحالف دعم الشرعية أهدافا حوثية في صعدة.", "حوثية", "طائرات تحالف دعم الشرعية أهدافا حوثية"),
])
def test_no_widening_over_an_event_noun_or_another_phrase(text, adjective, wider):
    found = [a for pair in _arguments(text) for a in pair]
    assert adjective in found and wider not in found


def test_the_body_noun_table_is_read_and_validates():
    assert {word_key(w) for w in ("وفد", "مسؤول", "هيئة")} <= lexicon().body_nouns
    assert not [p for p in validate() if "body_nouns" in p]
