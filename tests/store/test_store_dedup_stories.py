"""Near-duplicates (MinHash LSH) and stories (same event, several outlets, close in time)."""
from __future__ import annotations

from store_helpers import make

from rased.store import dedup

BASE = ("أعلنت وزارة الدفاع التركية اليوم أن طائراتها قصفت مواقع لحزب العمال الكردستاني في شمال العراق، "
        "وقالت في بيان إن الغارات دمرت مخازن أسلحة وملاجئ يستخدمها المسلحون في منطقة قنديل الجبلية.")


def test_signature_similarity():
    a, b = dedup.signature(BASE), dedup.signature(BASE + " وأضاف البيان أن العملية مستمرة.")
    c = dedup.signature("خبر مختلف تماما عن الاقتصاد والأسواق المالية في آسيا وأوروبا وارتفاع أسعار النفط.")
    assert dedup.similarity(a, a) == 1.0
    assert dedup.similarity(a, b) >= dedup.THRESHOLD
    assert dedup.similarity(a, c) < 0.2
    assert len(dedup.bands(a)) == dedup.BANDS


def test_near_duplicate_points_to_the_first_copy(store):
    first = make(BASE, source="aa")
    second = make(BASE.replace("اليوم", "اليـــوم").replace("قصفت", "قَصَفَت").replace("،", " -"), source="bb")
    third = make(BASE + " (رويترز)", source="cc")
    other = make("خبر مختلف تماما عن الاقتصاد والأسواق المالية في آسيا وأوروبا وارتفاع أسعار النفط.")
    res = store.put([__import__("rased.store", fromlist=["Stored"]).Stored(a, a.source or "x", a.id)
                     for a in (first, second, third, other)])
    assert res.stored == 4 and res.duplicates == 2
    assert store.duplicate_of(first.id) is None
    assert store.duplicate_of(second.id) == first.id
    assert store.duplicate_of(third.id) == first.id
    assert store.duplicate_of(other.id) is None


STORY = [
    ("alarabiya", "2015-06-10", "زلزال بقوة ست درجات يضرب جنوب إيران", "ضرب زلزال بقوة ست درجات على مقياس ريختر محافظة بوشهر جنوب إيران وأسفر عن سقوط قتلى وجرحى وانهيار منازل."),
    ("bbc", "2015-06-11", "قتلى في زلزال بوشهر الإيرانية", "قالت السلطات الإيرانية إن الزلزال الذي ضرب بوشهر أدى إلى مقتل أربعة أشخاص وانهيار منازل طينية في قرى المحافظة."),
    ("skynews", "2015-06-10", "زلزال بوشهر: فرق الإنقاذ تبحث عن ناجين", "تبحث فرق الإنقاذ عن ناجين تحت أنقاض المنازل المنهارة بعد زلزال ريختر الذي ضرب بوشهر جنوب إيران."),
]
OTHER = [
    ("bbc", "2015-06-10", "البنك المركزي يرفع أسعار الفائدة", "رفع البنك المركزي الأوروبي أسعار الفائدة للمرة الأولى منذ سنوات لمواجهة التضخم في منطقة اليورو."),
    ("alarabiya", "2015-06-25", "زلزال جديد في بوشهر", "ضرب زلزال جديد محافظة بوشهر جنوب إيران بعد أسبوعين من زلزال ريختر الأول وانهيار منازل."),
    ("alarabiya", "2015-06-11", "انتخابات بلدية في تونس", "أجرت تونس انتخابات بلدية هي الأولى منذ الثورة وسط إقبال ضعيف من الناخبين في المدن الكبرى."),
]


def test_stories_cluster_outlets_within_the_window(store):
    arts = [make(text, title=title, source=src, day=day) for src, day, title, text in STORY + OTHER]
    for a in arts:
        store.add(a)
    stories = store.stories(window_days=2)
    assert len(stories) == 1
    s = stories[0]
    assert {a.id for a in s.articles} == {a.id for a in arts[:3]}
    assert s.sources == ("alarabiya", "bbc", "skynews")
    assert (s.first_day, s.last_day) == ("2015-06-10", "2015-06-11")
    assert store.stories(window_days=2, min_sources=4) == []
    assert store.stats()["stories"] == 1


def test_stories_are_rebuilt_when_the_store_changes(store):
    a, b = (make(text, title=title, source=src, day=day) for src, day, title, text in STORY[:2])
    store.add(a)
    assert store.stories() == []
    store.add(b)
    assert len(store.stories()) == 1
