"""Relation arguments that name nobody (claims.argument_shape), from spans the rules chose on unseen ANT articles."""
from __future__ import annotations

import pytest

from rased.claims.argument_shape import names_a_party
from rased.record import Mention


def _m(text: str, actor_id: str | None = None) -> Mention:
    return Mention(0, len(text), text, actor_id)


@pytest.mark.parametrize("text", ["4", "خلالها", "قبله", "بأنها", "نحن", "بعدة", "عدة", "10 مايو", "وفي 17 مايو 2014"])
def test_a_number_a_date_or_a_function_word_names_nobody(text):
    assert not names_a_party(_m(text))


@pytest.mark.parametrize("text", ["نحو 700 رهينة", "علي يحيى راشد المعافا", "علي", "GRU", "المطار", "ثلاثة رجال",
                                  "قوات الأمن", "الحوثيين", "رضوان فايد", "تيبو كورتوا", "شركة \"معهد مانبا"])
def test_a_noun_phrase_or_a_name_may_name_a_party(text):
    assert names_a_party(_m(text))


@pytest.mark.parametrize("text", [
    # spans read on unseen BBC Arabic and Sky News Arabia articles: a verb after the noun («وكان كلاي أدين في عام
    # 1967»، «وهي جماعة تساند حركة المقاطعة»), a dash into the next clause, a plural verb, some of someone
    "كلاي أدين", "جماعة تساند", "للحكومة - حاولوا كسر أبواب", "أوقفوا", "بعضها", "معظمهم",
])
def test_a_span_that_runs_into_a_clause_or_stands_for_a_part_names_nobody(text):
    assert not names_a_party(_m(text))


@pytest.mark.parametrize("text", [
    # spans the trigger rules read as doers on unseen ANT and SaudiNewsNet articles («وفي عام 2002 قتل أكثر من 200
    # شخص»، «وفي فبراير خطف فصيل ...»): a phrase that a preposition of time, place or circumstance opens
    "وفي منتصف فبراير المنصرم", "وفي مطلع العام", "ففي هجوم مفاجئ", "وبعد تدخل قوات الأمن", "أثناء العملية",
])
def test_a_phrase_of_when_or_where_names_nobody(text):
    assert not names_a_party(_m(text))


def test_a_linked_mention_always_names_its_actor():
    assert names_a_party(_m("عدة", "grp:example")) and names_a_party(None)


def test_the_relations_stage_drops_an_argument_that_names_nobody():
    # Sky News Arabia 2018, in no gold set: «قبله» (before him) was read as the arrested man's captor
    import rased

    a = rased.analyze("أما توني كيم (في نهاية الخمسينات من عمره)، فاعتقل قبله بشهر واحد في مطار بيونغ يانغ الرئيسي "
                      "أثناء محاولته مغادرة البلاد.".encode())
    coerce = [r for r in a.relations if r.type == "COERCE"]
    assert coerce and all(m is None or m.text != "قبله" for r in coerce for m in (r.source, r.target)), a.relations
