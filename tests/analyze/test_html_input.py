"""HTML pages: trafilatura finds the main text; our Arabic rules find the title and the time."""
from __future__ import annotations

from rased import analyze

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>{title} | موقع الأخبار</title>
<meta property="og:title" content="{title}">
{meta}
</head><body>
<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<article>
<h1>{title}</h1>
<div class="date">{date_line}</div>
<p>بغداد - (رويترز) - قال مسؤولون عراقيون إن القوات العراقية استعادت السيطرة على حي جديد في غرب الموصل بعد معارك عنيفة مع مقاتلي تنظيم داعش استمرت أياما.</p>
<p>وأضاف المسؤولون أن عشرات المدنيين تمكنوا من الفرار من المنطقة خلال الليل، وأن فرق الإغاثة تقدم لهم المساعدة في مخيمات قريبة من المدينة.</p>
<p>وكانت الحكومة العراقية قد أعلنت في وقت سابق أن العمليات العسكرية ستستمر حتى طرد التنظيم من آخر معاقله في المدينة القديمة.</p>
</article>
<footer><p>جميع الحقوق محفوظة 2017</p><a href="#">تابعونا على تويتر</a></footer>
</body></html>"""

TITLE = "القوات العراقية تستعيد حيا جديدا في غرب الموصل"


def page(meta: str = "", date_line: str = "", charset: str = "utf-8") -> str:
    return PAGE.format(title=TITLE, meta=meta, date_line=date_line, charset=charset)


def test_html_main_text_and_metadata():
    html = page(meta='<meta property="article:published_time" content="2017-04-18T10:51:00+03:00">')
    article = analyze(html.encode("utf-8"), url="https://example.org/news/1")
    assert article.title == TITLE
    assert article.published.value == "2017-04-18T10:51:00+03:00"
    assert article.published.source == "page_metadata"
    assert "القوات العراقية استعادت السيطرة" in article.text
    assert "الرئيسية" not in article.text and "جميع الحقوق محفوظة" not in article.text
    assert len([b for b in article.blocks if b.type == "paragraph"]) == 3
    assert article.dateline.place == "بغداد" and article.dateline.agency == "رويترز"
    assert article.url == "https://example.org/news/1"


def test_html_arabic_date_line_without_metadata():
    article = analyze(page(date_line="نشر في: الثلاثاء 18 نيسان/أبريل 2017 - 10:51 صباحا").encode("utf-8"))
    assert article.published is not None
    assert article.published.value == "2017-04-18T10:51"


def test_html_in_windows_1256():
    article = analyze(page(charset="windows-1256").encode("cp1256"))
    assert article.title == TITLE
    assert "وأضاف المسؤولون" in article.text


def test_no_date_means_null_not_invented():
    article = analyze(page().encode("utf-8"))
    assert article.published is None
    assert any(p.code == "no_publication_time" for p in article.problems)
