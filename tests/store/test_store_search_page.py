"""A search page: total and facets counted in SQL over every match, sort by date, ``-word``, any-case
source, and the matching article of a near-duplicate group shown first (both backends)."""
from __future__ import annotations

import pytest
from store_helpers import entity, make

from rased.errors import InputError
from rased.store import Stored, text_index

BODY = ("أعلنت السلطات في {place} اليوم فتح الطريق الدولي بعد أشهر من الإغلاق، وقال المحافظ إن الحركة "
        "التجارية ستعود إلى أسواق المدينة خلال الأسابيع المقبلة {n} مع استكمال أعمال الصيانة {extra}.")
LEADS = ["قال مصدر مسؤول إن", "أفادت وكالة الأنباء بأن", "ذكر بيان رسمي أن", "أكد المتحدث باسم الوزارة أن",
         "نقلت صحيفة محلية عن شهود أن", "أوضح تقرير حكومي أن", "كشف مسؤول محلي أن"]


def _art(i: int, *, place: str = "الرمادي", extra: str = "", source: str = "spa", day: str | None = None, **kw):
    text = LEADS[i % len(LEADS)] + " " + BODY.format(place=place, n="و" * (i + 1) + "قت", extra=extra)
    text += f" التقرير رقم {i} " + " ".join(["تفاصيل"] * i)
    return make(text, source=source, day=day, title=f"خبر {i}", **kw)


@pytest.fixture
def filled(store):
    arts = [_art(i, source=src, day=f"2015-03-{i + 1:02d}")
            for i, src in enumerate(["spa", "SPA", "cnn", "CNN", "spa", "alarabiya"])]
    arts.append(_art(6, place="الموصل", day="2015-03-20"))  # no «الرمادي»
    text = _art(7, extra="وأكد أن تنظيم داعش انسحب", day="2015-02-01").text
    arts.append(make(text, source="spa", day="2015-02-01", title="خبر 7",
                     entities=(entity(text, "داعش", "ORG", "grp:isis"),)))
    store.put([Stored(a, f"t{i}", a.id) for i, a in enumerate(arts)])
    return store, arts


def test_total_counts_every_match_not_the_page(filled):
    store, arts = filled
    page = store.search_page("الرمادي", limit=2)
    assert page.total == 7 and len(page.hits) == 2 and page.more
    last = store.search_page("الرمادي", limit=5, offset=5)
    assert len(last.hits) == 2 and not last.more
    ids = [h.id for h in store.search_page("الرمادي", limit=2).hits + store.search_page("الرمادي", limit=5, offset=2).hits]
    assert len(set(ids)) == 7 and arts[6].id not in ids


def test_facets_are_counted_over_every_match(filled):
    store, arts = filled
    facets = store.search_page("الرمادي", limit=1).facets
    sources = {f.value: f.count for f in facets["source"]}
    assert sources == {"spa": 3, "SPA": 1, "cnn": 1, "CNN": 1, "alarabiya": 1}
    assert [(f.value, f.count) for f in facets["actor"]] == [("grp:isis", 1)]
    assert {f.value: f.count for f in facets["type"]} == {"ORG": 1}


def test_source_filter_ignores_case(filled):
    store, _ = filled
    assert store.search_page("الرمادي", source="cnn").total == 2
    assert store.search_page("الرمادي", source=" SPA ").total == 4
    assert {h.source for h in store.search("الرمادي", source="Cnn")} == {"cnn", "CNN"}


def test_sort_by_date_latest_first(filled):
    store, arts = filled
    hits = store.search("الرمادي", sort="date", limit=20)
    days = [h.published for h in hits]
    assert days == sorted(days, reverse=True) and days[0] == "2015-03-06" and days[-1] == "2015-02-01"
    paged = store.search("الرمادي", sort="date", limit=3) + store.search("الرمادي", sort="date", limit=3, offset=3)
    assert [h.id for h in paged] == [h.id for h in hits[:6]]
    with pytest.raises(InputError):
        store.search("الرمادي", sort="newest")


def test_minus_word_excludes(filled):
    store, arts = filled
    assert {h.id for h in store.search("الرمادي -داعش", limit=50)} == {a.id for a in arts[:6]}
    assert [h.id for h in store.search("الرمادي -«تنظيم داعش»")] != []
    assert arts[7].id not in {h.id for h in store.search('الرمادي -"تنظيم داعش"', limit=50)}
    assert store.search_page("الرمادي -داعش").total == 6
    with pytest.raises(InputError, match="left-out"):
        store.search("-داعش")


def test_minus_inside_a_word_is_not_an_exclusion():
    q = text_index.parse_query("سايكس-بيكو")
    assert not q.excludes and len(q.clauses) == 2
    assert text_index.parse_query("داعش -الموصل").excludes[0].word == "الموصل"


def test_matching_article_first_with_its_group_listed(store):
    """A near-duplicate that alone has the word is the hit; its original is listed under it."""
    base = ("أعلنت وزارة الداخلية اليوم مقتل عشرة مسلحين في اشتباكات مع القوات الأمنية غرب المدينة، وقالت إن "
            "القوات ضبطت أسلحة وعتادا كانت بحوزة المسلحين قبل أن تنسحب إلى مواقعها في ساعة متأخرة من الليل. "
            "وأضافت الوزارة في بيانها أن عمليات التمشيط مستمرة في القرى المجاورة وأن الطرق الرئيسية أعيد فتحها "
            "أمام حركة المدنيين بعد ساعات من الإغلاق، مشيرة إلى أن الأجهزة المختصة تتابع التحقيقات مع الموقوفين.")
    original = make(base, source="a", title="اشتباكات")
    copy = make(base + " قرب الرمادي.", source="b", title="اشتباكات")
    store.put([Stored(original, "o", original.id), Stored(copy, "c", copy.id)])
    assert store.duplicate_of(copy.id) == original.id
    page = store.search_page("الرمادي")
    assert page.total == 1
    (hit,) = page.hits
    assert hit.id == copy.id and hit.group == original.id and hit.duplicates == 1
    assert [(f.id, f.original) for f in hit.folded] == [(original.id, True)]
    assert base[:20] not in hit.snippet.text or "الرمادي" in hit.snippet.text
    (both,) = store.search("الداخلية")
    assert both.duplicates == 1 and len(both.folded) == 1


def test_page_dict_for_the_api(filled):
    store, _ = filled
    d = store.search_page("الرمادي", limit=2, sort="date").to_dict()
    assert d["total"] == 7 and d["sort"] == "date" and d["more"] and len(d["hits"]) == 2
    assert set(d["facets"]) == {"source", "type", "actor"} and d["facets"]["actor"][0]["value"] == "grp:isis"


def test_facet_rows_written_with_each_article_equal_the_migration_fill(filled, monkeypatch):
    """``article_facets`` as ``put`` writes it is what m0007 computes from the mention and relation rows."""
    from rased.store.migrations import m0007_search_facets as m7

    store, _ = filled
    written = store._all("SELECT article_n, kind, value FROM article_facets ORDER BY 1, 2, 3")
    with store._transaction():
        store._execute("DELETE FROM article_facets")
        store._execute(m7._FILL)
    assert store._all("SELECT article_n, kind, value FROM article_facets ORDER BY 1, 2, 3") == written
    assert ("actor", "grp:isis") in {(k, v) for _, k, v in written}


def test_hit_fields_are_the_records_exactly(store):
    """The database cuts a hit's text, title, source, url and date from the JSON record: every character comes
    back as the record holds it (NUL, quotes, backslashes, control characters, emoji), and absent fields as None."""
    odd = 'قال «المحافظ» \\ "اقتباس" \x00 \t\u200f 😀 \u2028 في الرمادي'
    full = make(odd + " اليوم", title='عنوان "الرمادي" \\ \x00 😀', source='src "x" \x00', url="http://x.test/a?b=\"c\"",
                day="2015-03-04")
    bare = make("خبر عن الرمادي بلا عنوان ولا مصدر", source=None)
    store.put([Stored(a, f"odd{i}", a.id) for i, a in enumerate((full, bare))])
    hits = {h.id: h for h in store.search("الرمادي")}
    h = hits[full.id]
    assert (h.title, h.source, h.url, h.published) == (full.title, full.source, full.url, "2015-03-04")
    assert h.snippet.text == full.text[h.snippet.start : h.snippet.end] and "\x00" in h.snippet.text
    b = hits[bare.id]
    assert (b.title, b.source, b.url, b.published) == (None, None, None, None)
    assert b.snippet.text == bare.text
