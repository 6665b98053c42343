"""Search: Arabic clitic and spelling variants are found, substrings are not, bad queries are refused."""
from __future__ import annotations

import pytest
from store_helpers import entity, make

from rased.errors import InputError
from rased.store import text_index

# (query, surface form as written in an article): real clitic and spelling variants from news text.
RECALL = [
    ("الموصل", "للموصل"), ("الموصل", "بالموصل"), ("الموصل", "والموصل"), ("الموصل", "فالموصل"),
    ("الموصل", "وبالموصل"), ("الموصل", "الموصل"), ("موصل", "بالموصل"),
    ("القاعدة", "والقاعدة"), ("القاعدة", "للقاعدة"), ("القاعدة", "بالقاعدة"), ("القاعدة", "القاعده"),
    ("داعش", "لداعش"), ("داعش", "وداعش"), ("داعش", "بداعش"), ("داعش", "فداعش"),
    ("بغداد", "ببغداد"), ("بغداد", "لبغداد"), ("بغداد", "وبغداد"), ("بغداد", "وببغداد"),
    ("سوريا", "سورية"), ("سوريا", "لسوريا"), ("سوريا", "وسوريا"), ("سوريا", "بسوريا"), ("سورية", "سوريا"),
    ("الحكومة", "والحكومة"), ("الحكومة", "للحكومة"), ("الحكومة", "بالحكومة"), ("الحكومة", "وللحكومة"),
    ("الحكومة", "الحكومه"), ("الحكومة", "الحكومات"),
    ("الرياض", "بالرياض"), ("الرياض", "والرياض"), ("الرياض", "للرياض"),
    ("اليمن", "باليمن"), ("اليمن", "واليمن"), ("اليمن", "لليمن"),
    ("طهران", "لطهران"), ("طهران", "وطهران"), ("طهران", "بطهران"),
    ("واشنطن", "لواشنطن"), ("واشنطن", "وواشنطن"), ("واشنطن", "بواشنطن"),
    ("الأسد", "والأسد"), ("الأسد", "للأسد"), ("الأسد", "الاسد"), ("الاسد", "الأسد"),
    ("إيران", "لإيران"), ("إيران", "وإيران"), ("إيران", "ايران"), ("ايران", "بإيران"),
    ("الحوثيين", "والحوثيين"), ("الحوثيين", "للحوثيين"), ("الحوثيين", "الحوثيون"),
    ("العراق", "بالعراق"), ("العراق", "والعراق"), ("العراق", "للعراق"),
    ("مصر", "لمصر"), ("مصر", "ومصر"), ("مصر", "بمصر"),
    ("الانتخابات", "والانتخابات"), ("الانتخابات", "بالانتخابات"), ("الانتخابات", "للانتخابات"),
    ("الانتخابات", "الإنتخابات"),
    ("مستشفى", "مستشفي"), ("المستشفى", "بالمستشفى"),
    ("الإرهاب", "والإرهاب"), ("الإرهاب", "للإرهاب"),
    ("٢٠١٥", "2015"), ("2015", "٢٠١٥"),
    ("Obama", "OBAMA"),
]

# Other words around the form, varied so that the test articles are not near-duplicates of each other.
FILLERS = [
    "قال مصدر مسؤول إن الوضع", "أفادت وكالة الأنباء بأن الاجتماع", "ذكر بيان رسمي صدر مساء اليوم أن",
    "أكد المتحدث باسم الوزارة أن الزيارة", "نقلت صحيفة محلية عن شهود عيان أن",
]


def _article(i: int, surface: str):
    lead = FILLERS[i % len(FILLERS)]
    text = f"{lead} في {surface} شهد تطورات جديدة خلال الأسبوع {i} وسط ترقب واسع من المراقبين والمحللين."
    return make(text, title=f"تقرير رقم {i}")


@pytest.fixture
def recall_store(store):
    arts = [_article(i, surface) for i, (_, surface) in enumerate(RECALL)]
    store.put([__import__("rased.store", fromlist=["Stored"]).Stored(a, f"t{i}", a.id) for i, a in enumerate(arts)])
    return store, arts


def test_recall_table_is_big_enough():
    assert len(RECALL) >= 60


def test_every_variant_is_found(recall_store):
    store, arts = recall_store
    assert store.stats()["duplicates"] == 0
    missed = []
    for (query, surface), art in zip(RECALL, arts):
        ids = {h.id for h in store.search(query, limit=1000)}
        if art.id not in ids:
            missed.append((query, surface))
    assert not missed, f"not found: {missed}"


def test_highlight_marks_the_surface_form_in_the_original_text(recall_store):
    store, arts = recall_store
    for (query, surface), art in zip(RECALL, arts):
        hit = next(h for h in store.search(query, limit=1000) if h.id == art.id)
        marked = [art.text[s:e] for s, e in hit.snippet.highlights]
        assert surface in marked, (query, surface, marked)
        for s, e in hit.snippet.highlights:  # spans index the display text
            assert hit.snippet.text[s - hit.snippet.start : e - hit.snippet.start] == art.text[s:e]


def test_no_substring_match(store):
    a = make("طالبت المنظمة بزيادة المساعدة الإنسانية للنازحين في المخيمات.")
    b = make("أعلن الجيش السيطرة على قاعدة عسكرية قرب المدينة.")
    store.add(a)
    store.add(b)
    assert [h.id for h in store.search("قاعدة")] == [b.id]
    assert [h.id for h in store.search("القاعدة")] == [b.id]
    assert [h.id for h in store.search("مساعدة")] == [a.id]
    assert store.search("عد") == []  # no partial words


def test_all_words_must_match_and_phrases_are_ordered(store):
    a = make("وصل وفد الأمم المتحدة إلى بغداد لبحث الأزمة الإنسانية.")
    b = make("قالت الدول المتحدة في بيانها إن الأمم ستجتمع في بغداد.")
    store.add(a)
    store.add(b)
    assert {h.id for h in store.search("الأمم المتحدة")} == {a.id, b.id}
    assert [h.id for h in store.search('"الأمم المتحدة"')] == [a.id]
    assert [h.id for h in store.search("«الأمم المتحدة» بغداد")] == [a.id]
    assert store.search('"المتحدة الأمم"') == []
    assert store.search("الأمم طوكيو") == []
    hit = store.search('"الأمم المتحدة"')[0]
    assert [a.text[s:e] for s, e in hit.snippet.highlights] == ["الأمم", "المتحدة"]


def test_phrase_matches_clitic_forms(store):
    a = make("أرسلت الحكومة مساعدات للأمم المتحدة هذا الأسبوع.")
    store.add(a)
    assert [h.id for h in store.search('"الأمم المتحدة"')] == [a.id]


def test_title_matches_rank_first(store):
    body_only = make("تحدث التقرير عن أمور كثيرة منها الاقتصاد والتعليم، وذكر الموصل مرة واحدة في آخره.",
                     title="تقرير اقتصادي")
    in_title = make("تواصل القوات تقدمها في الأحياء الشرقية وسط مقاومة من المسلحين.", title="معركة الموصل")
    store.add(body_only)
    store.add(in_title)
    assert [h.id for h in store.search("الموصل")] == [in_title.id, body_only.id]
    assert store.search("الموصل")[0].title_highlights == ((6, 12),)


def test_filters(store):
    t1 = "اجتمع وزير الخارجية السعودي مع نظيره الأمريكي في الرياض لبحث الملف اليمني."
    t2 = "بحث وزير الخارجية الإيراني في طهران الملف اليمني مع مبعوث الأمم المتحدة."
    t3 = "ناقش البرلمان في بغداد الملف اليمني وتطورات الحرب في المنطقة."
    a = make(t1, source="spa", day="2015-03-01", entities=(entity(t1, "الرياض", "LOC", "Q3692"),))
    b = make(t2, source="irna", day="2015-03-05", entities=(entity(t2, "طهران", "LOC", "Q3616"),))
    c = make(t3, source="spa", day="2015-04-01", entities=(entity(t3, "البرلمان", "ORG", None),))
    for x in (a, b, c):
        store.add(x)
    ids = lambda **kw: {h.id for h in store.search("الملف اليمني", **kw)}  # noqa: E731
    assert ids() == {a.id, b.id, c.id}
    assert ids(source="spa") == {a.id, c.id}
    assert ids(date_from="2015-03-02") == {b.id, c.id}
    assert ids(date_to="2015-03-05") == {a.id, b.id}
    assert ids(date_from="2015-03-01", date_to="2015-03-01") == {a.id}
    assert ids(actor="Q3616") == {b.id}
    assert ids(type="ORG") == {c.id}
    assert ids(type="LOC", source="spa") == {a.id}
    assert ids(actor="Q-none") == set()


def test_near_duplicates_are_folded(store):
    text = ("أعلنت وزارة الداخلية العراقية اليوم مقتل عشرة مسلحين من تنظيم داعش في اشتباكات مع القوات الأمنية "
            "غرب مدينة الرمادي، وقالت إن القوات ضبطت أسلحة وعتادا كانت بحوزة المسلحين قبل أن تنسحب إلى مواقعها.")
    first = make(text, source="a")
    copy = make(text + " المصدر: وكالات.", source="b")
    store.add(first)
    store.add(copy)
    assert store.duplicate_of(copy.id) == first.id
    hits = store.search("الرمادي")
    assert [h.id for h in hits] == [first.id]
    assert hits[0].duplicates == 1


@pytest.mark.parametrize("query", [
    '"الموصل', "«الموصل", 'داعش "الموصل', "الموصل»",
    "داعش OR الموصل", "داعش AND الموصل", "NOT داعش", "NEAR(داعش الموصل)", "داع*", "title:داعش",
    "' OR 1=1 --", "Robert'); DROP TABLE articles;--", "(داعش)", "^داعش", "", "   ", ";--", "'", "\"\"", "{}", "--",
])
def test_malformed_queries_are_input_errors(store, query):
    with pytest.raises(InputError) as err:
        store.search(query)
    assert err.value.hint


@pytest.mark.parametrize("query", [
    "x'; DROP TABLE articles; --", "1; SELECT id FROM failures", "a-b c.d", "articles WHERE 1=1",
])
def test_sqlish_queries_are_just_words(store, query):
    a = make("نص قصير عن بغداد.")
    store.add(a)
    assert store.search(query) == []
    assert store.search("بغداد")[0].id == a.id  # the store is intact


@pytest.mark.parametrize("kwargs", [
    {"date_from": "2015-13-01"}, {"date_to": "yesterday"}, {"date_from": "2015-05-01", "date_to": "2015-04-01"},
    {"limit": 0}, {"limit": 100000}, {"offset": -1},
])
def test_bad_filters_are_input_errors(store, kwargs):
    with pytest.raises(InputError):
        store.search("بغداد", **kwargs)


def test_limit_and_offset(store):
    arts = [make(f"خبر رقم {i} عن مدينة بغداد وما يجري فيها من أحداث {'ومشاريع ' * i}") for i in range(5)]
    for a in arts:
        store.add(a)
    page1 = store.search("بغداد", limit=2)
    page2 = store.search("بغداد", limit=2, offset=2)
    rest = store.search("بغداد", limit=10, offset=4)
    assert len(page1) == 2 and len(page2) == 2 and len(rest) == 1
    assert len({h.id for h in page1 + page2 + rest}) == 5


def test_snippet_window_is_cut_from_long_text(store):
    text = "مقدمة طويلة عن أمور أخرى. " * 40 + "ثم دخلت القوات إلى الموصل صباح اليوم. " + "خاتمة عامة. " * 40
    a = make(text)
    store.add(a)
    s = store.search("الموصل")[0].snippet
    assert len(s.text) <= 300
    assert text[s.highlights[0][0] : s.highlights[0][1]] == "الموصل"
    assert "[الموصل]" in s.marked()


def test_query_parsing_units():
    q = text_index.parse_query('الموصل "الأمم المتحدة" «مجلس الأمن»')
    kinds = [type(c).__name__ for c in q.clauses]
    assert kinds == ["Phrase", "Phrase", "Term"]
    assert text_index.term("للموصل") == text_index.term("الموصل")
    assert text_index.term("مساعدة") != text_index.term("قاعدة")
    # Every key is quoted in the FTS5 expression: no user text is FTS syntax.
    assert all(part.startswith(('"', "(")) for part in text_index.fts5_match(q).split(" AND "))


def test_many_near_duplicates_above_other_hits(store):
    """The ranking reads the best matches first and widens the window when near-duplicates of one head fill
    it: a page is still the best *heads*, each with its duplicate count."""
    base = ("أعلنت السلطات في الرمادي اليوم إعادة فتح الطريق الدولي بعد أشهر من الإغلاق، وقال محافظ الرمادي إن "
            "الحركة التجارية ستعود تدريجيا إلى أسواق الرمادي خلال الأسابيع المقبلة مع استكمال أعمال الصيانة والتأهيل.")
    head = make(base, source="a")
    copies = [make(base + f" المصدر: وكالات، النشرة {i}.", source="b") for i in range(130)]
    others = [make(f"{FILLERS[i]} في الرمادي شهد تطورات جديدة خلال الأسبوع {i} وسط ترقب واسع من المراقبين "
                   f"والمحللين {'ومتابعة ' * i}", source="c") for i in range(5)]
    from rased.store import Stored

    store.put([Stored(a, f"d{i}", a.id) for i, a in enumerate([head, *copies, *others])])
    hits = store.search("الرمادي", limit=3)
    assert hits[0].id == head.id and hits[0].duplicates == 130
    assert len(hits) == 3 and {h.id for h in hits[1:]} <= {a.id for a in others}
    every = store.search("الرمادي", limit=50)
    assert [h.id for h in every][:3] == [h.id for h in hits]
    assert {h.id for h in every} == {head.id} | {a.id for a in others}
    assert [h.id for h in store.search("الرمادي", limit=2, offset=1)] == [h.id for h in every[1:3]]
