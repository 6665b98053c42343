"""Tables of real examples for the Arabic text layer (words and phrases from news articles)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from rased.arabic import normalize
from rased.arabic.clitics import segment
from rased.arabic.stem import search_key
from rased.arabic.tokenize import tokens


@pytest.mark.parametrize(
    "text, expected",
    [
        ("إياد علاوي", "اياد علاوي"),
        ("أبوعزام الأميركي", "ابوعزام الاميركي"),
        ("آلان هينينغ", "الان هينينغ"),
        ("التنظيم الدموى", "التنظيم الدموي"),
        ("فى العراق", "في العراق"),
        ("هذة المعلومات", "هذه المعلومات"),
        ("المعلومات المتطرفة", "المعلومات المتطرفه"),
        ("قاسٍ", "قاس"),
        ("سريعاً", "سريعا"),
        ("مُحمّد", "محمد"),
        ("الجمهوريـــة", "الجمهوريه"),
        ("١٨/٤/٢٠١٧", "18/4/2017"),
        ("۱۳۹۶", "1396"),
        ("ٱلله", "الله"),
        ("مؤسسات", "مؤسسات"),
        ("مسئول", "مسئول"),
        ("ذهب إلى سوريا", "ذهب الي سوريا"),
        ("كي\u200cهان", "كيهان"),
        ("الأمم المتحدة", "الامم المتحده"),
        ("ی", "ي"),
    ],
)
def test_key(text, expected):
    assert normalize.key(text) == expected


def test_light_keeps_letter_shapes():
    assert normalize.light("إلى") == "إلى"
    assert normalize.light("سريعاً") == "سريعا"
    assert normalize.light("٣٠٠٠") == "3000"


def test_key_offsets_point_at_display():
    text = "مـُحمّد و٣ أشخاص"
    key, where = normalize.key_with_offsets(text)
    assert key == "محمد و3 اشخاص"
    assert "".join(normalize.key(text[i]) for i in where) == key


@pytest.mark.parametrize(
    "text, expected",
    [
        ("نائب الرئيس العراقي، إياد علاوي،", ["نائب", "الرئيس", "العراقي", "،", "إياد", "علاوي", "،"]),
        ("ما يشير؟ نعم.", ["ما", "يشير", "؟", "نعم", "."]),
        ("مقتل 3000 مواطن", ["مقتل", "3000", "مواطن"]),
        ("«الموصل»", ["«", "الموصل", "»"]),
        ("عام ٢٠١٧؛ ثم", ["عام", "٢٠١٧", "؛", "ثم"]),
        ("مجلة \"الجماعة\"", ["مجلة", '"', "الجماعة", '"']),
        ("موقع تويتر Twitter", ["موقع", "تويتر", "Twitter"]),
        ("نسبة 3.5 في المائة", ["نسبة", "3.5", "في", "المائة"]),
        ("قاسٍ على", ["قاسٍ", "على"]),
    ],
)
def test_tokens(text, expected):
    toks = tokens(text)
    assert [t.text for t in toks] == expected
    assert all(text[t.start : t.end] == t.text for t in toks)


@pytest.mark.parametrize(
    "word, prefix, stem, suffix",
    [
        ("والقاعدة", "و", "القاعدة", ""),
        ("للموصل", "ل", "الموصل", ""),
        ("بالموصل", "ب", "الموصل", ""),
        ("والموصل", "و", "الموصل", ""),
        ("وبالموصل", "وب", "الموصل", ""),
        ("لداعش", "ل", "داعش", ""),
        ("وداعش", "و", "داعش", ""),
        ("والحكومة", "و", "الحكومة", ""),
        ("ببغداد", "ب", "بغداد", ""),
        ("وقال", "و", "قال", ""),
        ("وأضاف", "و", "أضاف", ""),
        ("فإن", "ف", "إن", ""),
        ("سيقوم", "س", "يقوم", ""),
        ("كتابهم", "", "كتاب", "هم"),
        # real words that must stay whole
        ("وزير", "", "وزير", ""),
        ("والي", "", "والي", ""),
        ("بلاد", "", "بلاد", ""),
        ("وطن", "", "وطن", ""),
        ("وقت", "", "وقت", ""),
        ("وضع", "", "وضع", ""),
        ("كمال", "", "كمال", ""),
        ("لبنان", "", "لبنان", ""),
        ("كما", "", "كما", ""),
        ("الله", "", "الله", ""),
        ("وحدة", "", "وحدة", ""),
        ("ولاية", "", "ولاية", ""),
    ],
)
def test_clitic_segmentation(word, prefix, stem, suffix):
    seg = segment(word)
    assert (seg.prefix, seg.stem, seg.suffix) == (prefix, stem, suffix)


@pytest.mark.parametrize(
    "forms",
    [
        ("الموصل", "للموصل", "بالموصل", "والموصل", "فالموصل", "وبالموصل"),
        ("القاعدة", "والقاعدة", "بالقاعدة", "للقاعدة"),
        ("داعش", "لداعش", "وداعش", "بداعش"),
        ("الحكومة", "والحكومة", "للحكومة", "بالحكومة"),
        ("بغداد", "ببغداد", "لبغداد", "وبغداد"),
    ],
)
def test_search_key_unifies_clitic_forms(forms):
    assert len({search_key(f) for f in forms}) == 1


def test_search_key_keeps_distinct_words_apart():
    assert search_key("قاعدة") != search_key("مساعدة")
    assert search_key("وزير") != search_key("زير")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_key_is_idempotent(text):
    assert normalize.key(normalize.key(text)) == normalize.key(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("وبلفكالسيتنهمادشعقةىإأآـًٌَُِّ ٠١٢abc.,،؟«»\n")))
def test_tokens_slice_to_their_text(text):
    for t in tokens(text):
        assert text[t.start : t.end] == t.text
