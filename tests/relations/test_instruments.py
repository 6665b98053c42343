"""The attack that caused a death (rased.claims.instruments), on sentences of ANT articles outside every gold set."""
from __future__ import annotations

import pytest

from rased import analyze


def _assaults(text: str):
    return [(r.source.actor_id if r.source else None, r.target.text if r.target else None, r.rule)
            for r in analyze(text.encode()).relations if r.type == "ASSAULT"]


@pytest.mark.parametrize("text, doer, victim", [
    # the actor glued to «ل» after the attack noun is its doer, not its target
    ("والجمعة قتل 43 مدنيا على الأقل بقصف للقوات التركية على مدينة عفرين، شمالي سوريا.", "mil:tur", "43 مدنيا"),
    # past the noun's adjective
    ("وفي سياق متصل، قتل أكثر من 10 من الحوثيين بغارات جوية للتحالف العربي استهدفت تعزيزاتهم في منطقة الملتقى.",
     "mil:arab-coalition", "الحوثيين"),
    # «لقي X مصرعه»: a death without a killing verb; the one named before the attack noun died in it
    ("لقي القيادي الميداني الحوثي، قائد مجموعة الاقتحامات، أبو زيد مصبح، مصرعه بغارة جوية لمقاتلات التحالف العربي.",
     "mil:arab-coalition", "أبو زيد مصبح"),
])
def test_the_attack_noun_gives_the_death_its_doer(text, doer, victim):
    found = _assaults(text)
    assert any(s == doer and t is not None and victim in t and rule.endswith("+instrument") for s, t, rule in found), \
        found
    assert not any(t is not None and s is None and victim in t for s, t, _ in found), found  # one event, one record


def test_who_met_his_death_is_the_person_after_the_verb():
    # not «القوات الخاصة» of his apposition, which stands nearer the attack noun
    found = _assaults("وفي جبهة نهم القريبة من العاصمة صنعاء لقي القيادي الحوثي علي يحيى راشد المعافا، مشرف القوات "
                      "الخاصة في مربع همدان، مصرعه بانفجار عبوة ناسفة زرعت في سيارته.")
    assert [t for _, t, rule in found if rule.endswith("+instrument")] == ["علي يحيى راشد المعافا"], found


def test_killers_named_keep_the_attack():
    found = _assaults("وقتل مسلحون مجهولون ثلاثة جنود في هجوم على نقطة تفتيش شمال بغداد.")
    assert found and not any(rule.endswith("+instrument") for *_, rule in found), found


def test_a_city_after_the_attack_is_where_it_happened():
    found = _assaults("أفادت وسائل إعلام بريطانية، الخميس، بإصابة نحو 30 شخصاً بانفجار شمال لندن.")
    assert found and all(s != "cty:GBR" for s, *_ in found), found
