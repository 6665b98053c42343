"""Summary and keywords: at most three sentence spans, in text order; key phrases from the article."""
from __future__ import annotations

from pathlib import Path

from seed_entities import analyze_without_entities
from rased.eval.summary import rouge_l, rouge_n, units

SEED = Path(__file__).resolve().parents[2] / "samples" / "seed_article.txt"


def test_seed_summary_and_keywords():
    article = analyze_without_entities(SEED.read_text(encoding="utf-8"))
    assert 1 <= len(article.summary) <= 3
    starts = [s.start for s in article.summary]
    assert starts == sorted(starts)
    assert all(s in article.sentences for s in article.summary)
    assert article.keywords and any("داعش" in k for k in article.keywords)
    assert any("القاعدة" in k for k in article.keywords)


def test_short_text_has_a_summary():
    article = analyze_without_entities("قال الوزير إن الحكومة ستعمل على ترتيب الزيارة بالكامل.")
    assert len(article.summary) == 1


def test_rouge_on_normalised_words():
    a = units("وقالت الحكومة إن الاتفاق سيوقع غدا")
    b = units("قالت الحكومه ان الاتفاق سيوقع غدا")
    assert rouge_n(a, b, 1) == 1.0 and rouge_n(a, b, 2) == 1.0 and rouge_l(a, b) == 1.0
    assert rouge_n(a, units("مباراة كرة القدم"), 1) == 0.0


def test_a_keyword_keeps_a_conjunction_that_belongs_to_its_word():
    """«وسم» (a hashtag) is not «و» + «سم» (poison): a stem shorter than three letters is shown as written."""
    text = ("أطلق ناشطون وسم الموصل على تويتر.\n\nوانتشر وسم الموصل بين المغردين، وتصدر وسم الموصل قائمة "
            "الأكثر تداولا في العراق.")
    keywords = analyze_without_entities(text).keywords
    assert not [k for k in keywords if "سم" in k.split()], keywords
    assert any("وسم" in k.split() for k in keywords), keywords
