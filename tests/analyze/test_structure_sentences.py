"""Blocks and sentences on real-style article text; relative and Hijri date lines through the pipeline."""
from __future__ import annotations

import pytest

from rased import analyze
from rased.stages.sentences import split

ARTICLE = """مقتل 12 مدنيا في قصف على ريف إدلب
آخر تحديث: منذ 3 ساعات
إدلب - (رويترز) - قال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في قصف جوي على بلدة في ريف إدلب الجنوبي. وأضاف المرصد أن بين القتلى أطفالا.
خلفية التصعيد
تشهد المنطقة تصعيدا منذ أسابيع، بحسب مصادر محلية، في وقت تتواصل فيه المساعي الدبلوماسية لوقف إطلاق النار.
«لن نسمح باستمرار هذه المجازر»
(صورة أرشيفية) دخان يتصاعد من بلدة في ريف إدلب
وأوضح مدير المرصد، رامي عبد الرحمن، أن الغارات استهدفت سوقا شعبية؟ لا، بل حيا سكنيا مكتظا.
"""


@pytest.fixture(scope="module")
def article():
    return analyze(ARTICLE, fetched_at="2019-05-04T12:30:00+03:00")


def kinds(article):
    return [(b.type, article.text[b.start : b.end][:20]) for b in article.blocks]


def test_relative_date_line_uses_the_reference(article):
    # «آخر تحديث» is an update time: used, and said so, when no publication time is given
    assert article.published.value == "2019-05-04T09:30+03:00"
    assert any(p.code == "published_from_update" for p in article.problems)


def test_dateline_place_and_agency(article):
    assert article.dateline.place == "إدلب" and article.dateline.agency == "رويترز"


def test_block_types(article):
    types = [b.type for b in article.blocks]
    assert types == ["paragraph", "heading", "paragraph", "quote", "caption", "paragraph"]


def test_sentences_split_on_arabic_marks_not_commas(article):
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert texts[0].startswith("إدلب - (رويترز)") and texts[0].endswith("الجنوبي.")
    assert texts[1] == "وأضاف المرصد أن بين القتلى أطفالا."
    assert any(t.endswith("سوقا شعبية؟") for t in texts)
    assert not any(t.endswith("،") for t in texts)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال د. محمد إن النسبة 3.5 في المائة. وأضاف أنها سترتفع.", ["قال د. محمد إن النسبة 3.5 في المائة.", "وأضاف أنها سترتفع."]),
        ("هل انتهت الحرب؟ لا أحد يعرف!", ["هل انتهت الحرب؟", "لا أحد يعرف!"]),
        ("قال: «انتهى الأمر.» ثم غادر.", ["قال: «انتهى الأمر.»", "ثم غادر."]),
        ("وتابع... ثم صمت طويلا", ["وتابع... ثم صمت طويلا"]),
        ("أولا، الأمن؛ ثانيا، الاقتصاد", ["أولا، الأمن؛ ثانيا، الاقتصاد"]),
        ("بدأ الاجتماع في الساعة 10.30 صباحا وانتهى ظهرا.", ["بدأ الاجتماع في الساعة 10.30 صباحا وانتهى ظهرا."]),
    ],
)
def test_sentence_table(text, expected):
    assert [text[a:b] for a, b in split(text, 0, len(text))] == expected


def test_hijri_and_gregorian_date_line():
    article = analyze("عنوان الخبر هنا\nالأحد 15 رمضان 1438 هـ - 11 يونيو 2017 م\nقال المتحدث إن الاجتماع انتهى دون اتفاق.\nوأضاف أن المحادثات ستستأنف.")
    assert article.published.value == "2017-06-11" and article.published.precision == "day"


def test_hijri_only_date_line():
    article = analyze("عنوان الخبر هنا\n15 رمضان 1438 هـ\nقال المتحدث إن الاجتماع انتهى دون اتفاق.\nوأضاف أن المحادثات ستستأنف.")
    assert article.published.value == "2017-06-10"


def test_maghrebi_and_levantine_months():
    a = analyze("عنوان\nنشر في 5 جويلية 2018 على الساعة 10:15\nنص الخبر الأول هنا.\nنص ثان.")
    b = analyze("عنوان\n18 نيسان/أبريل 2017\nنص الخبر الأول هنا.\nنص ثان.")
    assert a.published.value == "2018-07-05T10:15"
    assert b.published.value == "2017-04-18"


@pytest.mark.parametrize("text, place, agency", [
    ("نيويورك، الولايات المتحدة (CNN) -- أعلنت شركة Apple أنها ستسحب البطاريات.", "نيويورك، الولايات المتحدة", "CNN"),
    ("القاهرة (أ ف ب) - أعلنت الحكومة المصرية خطة جديدة.", "القاهرة", "أ ف ب"),
])
def test_dateline_with_a_country_or_an_outlet_in_latin_letters(text, place, agency):
    dateline = analyze(text).dateline
    assert dateline is not None and (dateline.place, dateline.agency) == (place, agency)
