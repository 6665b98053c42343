"""Generic state nouns linked to the armed forces or the government of the country the article is about
(knowledge.institutions).

Texts are from SaudiNewsNet articles of August 2015 and ANT articles of 2018 that no gold set holds (shortened)."""
from __future__ import annotations

import rased
from rased.knowledge import institutions

_YEMEN = ("تمكنت القوات الموالية للشرعية في اليمن من الدخول الى مدينة زنجبار عاصمة محافظة أبين. وقالت مصادر محلية "
          "ان المقاومة حققت تقدما كبيرا في محافظة ابين. وفي مدينة تعز تواصلت المواجهات بين المقاومة والجيش الوطني "
          "من جهة ومليشيات الحوثي وصالح من جهة أخرى.")


def _linked(text: str) -> list[tuple[str, str | None]]:
    return [(e.text, e.actor_id) for e in rased.analyze(text.encode()).entities]


def test_the_national_army_of_the_article_country():
    assert ("الجيش الوطني", "mil:yem") in _linked(_YEMEN)


def test_a_qualified_noun_is_left_to_the_registry():
    text = ("كشف مستشار الجيش الوطني الليبي عن دخول قرابة 5 آلاف مهاجر يوميا إلى ليبيا. ويمثلون خطرا على ليبيا "
            "وعلى أوروبا، مع استمرار تدفقهم إلى ليبيا.")
    linked = _linked(text)
    assert ("ليبيا", "cty:LBY") in linked
    assert not [t for t, a in linked if t.endswith("الجيش الوطني")]


def test_a_sports_sentence_has_a_club_not_an_army():
    text = ("بعد غد موعد الجماهير السعودية مع اللقاء المرتقب بين الهلال والنصر في السعودية. وفاز بها الهلال آنذاك بعد "
            "تعادل النصر مع الجيش في المباراة الشهيرة في السعودية. وتستضيف السعودية البطولة.")
    linked = _linked(text)
    assert ("السعودية", "cty:SAU") in linked
    assert not [a for t, a in linked if t == "الجيش"]


def test_the_home_country_must_lead_clearly():
    assert institutions.home_country(["YEM", "YEM", "YEM", "SAU"]) == "YEM"
    assert institutions.home_country(["YEM", "YEM", "YEM", "SAU", "SAU"]) is None  # 3 against 2: no clear lead
    assert institutions.home_country(["YEM", "YEM", None]) is None  # too few mentions


def test_a_state_noun_with_a_nationality_is_that_nation_s_army():
    # the noun and its nationality become one mention of the army
    text = ("وأشارت الوكالة الأمريكية إلى أن هدف الولايات المتحدة الأمريكية في سوريا والعراق من وراء الضربات الجوية "
            "ألا يحرز داعش تقدما في الميدان، وأن تدرب قوات الجيش العراقية.")
    linked = _linked(text)
    assert ("قوات الجيش العراقية", "mil:irq") in linked
    assert ("العراقية", "cty:IRQ") not in linked


# --- offices (knowledge.titles): SaudiNewsNet, August 2015, in no gold set

def test_an_office_named_with_its_holder_stands_for_them_later():
    text = ("عقد الرئيس اليمني عبد ربه منصور هادي اليوم اجتماعا ضم مستشاريه. وأكد الرئيس اليمني أن الحكومة تقف "
            "دوما مع كل الخطوات الهادفة لتحقيق تطلعات الشعب اليمني.")
    assert ("الرئيس اليمني", "per:hadi") in _linked(text)


def test_an_office_followed_by_another_name_or_a_qualifier_is_someone_else():
    text = ("وأعلن رئيس الوزراء حيدر العبادي حزمة إصلاحات. وأقال نائب رئيس الوزراء بهاء الأعرجي، بعد أن أعفى رئيس "
            "الوزراء السابق نوري المالكي من منصبه.")
    linked = _linked(text)
    assert [t for t, a in linked if a == "per:haider-al-abadi"] == ["حيدر العبادي"]
    assert ("نوري المالكي", "per:nouri-al-maliki") in linked


def test_the_government_of_the_article_country():
    # BBC Arabic 2018, in no gold set (shortened): «الحكومة المركزية» in an article about Iraq is Iraq's government
    text = ("أقر البرلمان العراقي في جلسته المنعقدة السبت الصيغة النهائية لمشروع الموازنة الاتحادية العامة لسنة 2018. "
            "وصدق البرلمان العراقي على موازنة بقيمة 88.5 مليار دولار لعام 2018 رغم مقاطعة البرلمانيين الأكراد "
            "للتصويت احتجاجا على خفض المخصصات المالية لإقليم كردستان العراق. ويأتي الخفض الذي قررته الحكومة "
            "المركزية في بغداد بعد التوترات الحادة التي سادت العلاقات بين إقليم الحكم الذاتي وبغداد.")
    assert ("الحكومة المركزية", "gov:irq") in _linked(text)
