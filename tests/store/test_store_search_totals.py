"""The total of a search page, from the ranked read when it holds every match and from the count statement
otherwise, is the number of near-duplicate groups with a match; the facet values a dialect gathers are those the
shared SQL groups (both backends)."""
from __future__ import annotations

import random

import pytest
from store_helpers import entity, make

from rased.store import Stored, search, text_index

BASE = ("أعلنت وزارة الداخلية اليوم مقتل عشرة مسلحين في اشتباكات مع القوات الأمنية غرب المدينة، وقالت إن "
        "القوات ضبطت أسلحة وعتادا كانت بحوزة المسلحين قبل أن تنسحب إلى مواقعها في ساعة متأخرة من الليل. "
        "وأضافت الوزارة في بيانها أن عمليات التمشيط مستمرة في القرى المجاورة وأن الطرق الرئيسية أعيد فتحها "
        "أمام حركة المدنيين بعد ساعات من الإغلاق، مشيرة إلى أن الأجهزة المختصة تتابع التحقيقات مع الموقوفين.")
OTHER = ("وقعت الحكومة والشركات الأجنبية اتفاقا لتطوير حقول النفط الجنوبية يمتد عشرين عاما، وقال وزير النفط إن "
         "الاتفاق يرفع الإنتاج تدريجيا ويوفر آلاف الوظائف للشباب في المحافظات المنتجة، فيما طالب نواب في البرلمان "
         "بنشر بنود العقود كاملة ومراجعة حصة الدولة من العائدات قبل المصادقة عليها في جلسة الأسبوع المقبل، "
         "وأكد خبراء اقتصاديون أن نجاح المشروع مرهون باستقرار الأسعار في الأسواق العالمية وتحسين البنية التحتية.")
WORDS = ("مجلس", "حكومة", "وزير", "اتفاق", "مدينة", "قرار", "شركة", "سوق", "نفط", "مطار", "جامعة", "مستشفى",
         "مصرف", "ميناء", "طريق", "جسر", "محكمة", "برلمان", "انتخابات", "ميزانية", "صادرات", "مصنع", "قطار", "ملعب")


def _groups(store, query: str, **filters) -> set[str]:
    """The groups with a match, from every hit (one hit per group)."""
    return {h.group for h in store.search(query, limit=1000, **filters)}


def _count(store, query: str, **filters) -> int:
    extra, params = search.filters(**filters)
    return search.count(store, text_index.parse_query(query), extra, params)


@pytest.fixture
def grouped(store):
    """Near-duplicate groups whose words differ: only the copy, only the original, or both have a word."""
    a = make(BASE + " في الرمادي.", source="a", title="اشتباكات")
    a_copy = make(BASE + " في الرمادي قرب الموصل.", source="b", title="اشتباكات")  # the copy alone has «الموصل»
    b = make(OTHER + " في الفلوجة قرب الموصل.", source="b", title="نفط")  # the original alone has «الموصل»
    b_copy = make(OTHER + " في الفلوجة.", source="a", title="نفط")
    lone = make("خبر قصير عن الموصل والرمادي والفلوجة لا نسخة له.", source="a")
    store.put([Stored(x, f"g{i}", x.id) for i, x in enumerate((a, a_copy, b, b_copy, lone))])
    assert store.duplicate_of(a_copy.id) == a.id and store.duplicate_of(b_copy.id) == b.id
    return store


@pytest.mark.parametrize("query, filters", [
    ("الموصل", {}), ("الرمادي", {}), ("الفلوجة", {}), ("الداخلية", {}), ("النفط", {}), ("الموصل", {"source": "a"}),
    ("الموصل", {"source": "b"}), ("الداخلية", {"source": "a"}), ("الرمادي -الموصل", {}),
])
def test_total_is_the_number_of_groups(grouped, query, filters):
    groups = _groups(grouped, query, **filters)
    assert groups  # every case has matches
    assert _count(grouped, query, **filters) == len(groups)
    assert grouped.search_page(query, **filters).total == len(groups)
    assert grouped.search_page(query, sort="date", **filters).total == len(groups)


def test_many_matches_are_counted_by_the_count_statement(store, monkeypatch):
    """More matches than the ranked read asks for: the total comes from the count statement, and equals the
    groups; fewer: from the ranked rows alone."""
    rng = random.Random(7)
    arts = [make(" ".join(rng.choice(WORDS) for _ in range(20 + i)) + " الرمادي" * (1 + i // 10) + f" رقم {i}.",
                 source="s") for i in range(130)]  # the word's count differs, so do the scores (either ranking)
    store.put([Stored(x, f"m{i}", x.id) for i, x in enumerate(arts)])
    calls = []
    real = search.count
    monkeypatch.setattr(search, "count", lambda *a: calls.append(a) or real(*a))
    page = store.search_page("الرمادي", limit=1)  # reads max(4, 101, FACET_DEPTH) ranked rows first
    monkeypatch.setattr(search, "FACET_DEPTH", 50)
    small = store.search_page("الرمادي", limit=1)  # 101 of 130: the count statement
    groups = _groups(store, "الرمادي")
    assert len(groups) > 101 and page.total == small.total == len(groups)
    assert len(calls) == 1
    assert store.search_page("رقم 7").total == 1 and len(calls) == 1  # one match: no count statement
    # with a filter, SQLite's ranked rows carry the total (no count statement); PostgreSQL counts apart
    assert store.search_page("الرمادي", source="S", limit=1).total == len(groups)
    assert store.search_page("الرمادي", source="other", limit=1).total == 0
    assert len(calls) == (1 if store.dialect == "sqlite" else 2)  # no match: nothing to count


def test_facet_values_of_the_dialect_equal_the_shared_sql(store):
    texts = ["قال أوباما في واشنطن إن داعش يخسر.", "قال أوباما في باريس إن فرنسا تدعم.", "خبر بلا كيان واحد."]
    arts = [make(texts[0], entities=(entity(texts[0], "أوباما", "PER", "per:obama"),
                                     entity(texts[0], "داعش", "ORG", "grp:isis"))),
            make(texts[1], entities=(entity(texts[1], "أوباما", "PER", "per:obama"),
                                     entity(texts[1], "فرنسا", "GPE", "cty:FRA"))),
            make(texts[2])]
    store.put([Stored(x, f"f{i}", x.id) for i, x in enumerate(arts)])
    ns = [r[0] for r in store._all("SELECT n FROM articles ORDER BY n")]
    with store._transaction():  # an empty value counts for nothing on either path
        store._execute("INSERT INTO article_facets (article_n, kind, value) VALUES (?, 'actor', '')", (ns[2],))
    got = store._facet_values(ns)
    assert got == search.facet_values(store, ns)
    assert got["actor"] == {"per:obama": 2, "grp:isis": 1, "cty:FRA": 1}
    assert got["type"] == {"PER": 2, "ORG": 1, "GPE": 1}
    assert store._facet_values([ns[2]]) == {"type": {}, "actor": {}}


def test_most_frequent_values_are_those_of_a_full_sort():
    """Only the values as frequent as the last one shown are sorted: the same facets as sorting them all,
    ties at the cut included."""
    from collections import Counter

    from rased.store.model import Facet

    rng = random.Random(3)
    for size in (0, 5, search.FACET_SIZE, search.FACET_SIZE + 1, 300):
        counts = Counter({f"v{rng.randrange(10_000)}": rng.choice((1, 1, 2, 3, 5)) for _ in range(size)})
        full = [Facet(v, n) for v, n in sorted(counts.items(), key=lambda vn: (-vn[1], vn[0]))[:search.FACET_SIZE]]
        assert search._most_frequent(counts) == full
