"""The explorer's search answers: total, sort, facets from SQL, the export of a search, dates, labels, pages."""
from __future__ import annotations

import csv
import io
import json

import pytest

from rased.store.actor_views import AGGREGATE_TYPE, aggregate_type, validate as validate_types
from rased.web import exports, labels, markup, pages


def test_api_search_has_the_total_sort_and_facets(client):
    data = client.get("/api/search", params={"q": "الموصل", "limit": 1}).json()
    assert data["total"] >= 4 and len(data["hits"]) == 1 and data["more"] and data["facets_exact"]
    assert {"source", "type", "actor"} == set(data["facets"]) and data["sort"] == "relevance"
    dated = client.get("/api/search", params={"q": "الموصل", "sort": "date", "limit": 50}).json()
    days = [(h["published"] or "")[:10] for h in dated["hits"]]
    assert days == sorted(days, reverse=True) and dated["total"] == data["total"]
    assert client.get("/api/search", params={"q": "الموصل", "sort": "newest"}).status_code == 422


def test_api_minus_word_and_source_case(client):
    every = client.get("/api/search", params={"q": "الموصل"}).json()["total"]
    fewer = client.get("/api/search", params={"q": "الموصل -القديمة"}).json()["total"]
    assert 0 < fewer < every
    assert client.get("/api/search", params={"q": "الموصل", "source": "SKYNEWS"}).json()["total"] == 1
    only = client.get("/api/search", params={"q": "-الموصل"})
    assert only.status_code == 400 and only.json()["code"] == "query"


def test_hit_lists_its_folded_near_duplicate(client):
    hits = client.get("/api/search", params={"q": "المخيمات جنوب", "limit": 50}).json()["hits"]
    folded = next(h for h in hits if h["duplicates"])
    assert folded["folded"] and folded["folded"][0]["id"] != folded["id"]
    assert folded["group"] in {folded["id"], *(f["id"] for f in folded["folded"])}


def test_export_csv_opens_as_a_spreadsheet_would(client):
    r = client.get("/api/search/export", params={"q": "الموصل", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    assert r.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    total = client.get("/api/search", params={"q": "الموصل"}).json()["total"]
    assert len(rows) == total and [r["rank"] for r in rows] == [str(i) for i in range(1, total + 1)]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


def test_export_jsonl_and_bad_requests(client):
    r = client.get("/api/search/export", params={"q": "الموصل", "format": "jsonl", "sort": "date"})
    hits = [json.loads(line) for line in r.text.splitlines()]
    assert hits and [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert client.get("/api/search/export", params={"q": '"غير مغلق', "format": "csv"}).status_code == 400
    assert client.get("/api/search/export", params={"q": "الموصل", "format": "xlsx"}).status_code == 422


@pytest.mark.parametrize("value, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"), ("الموصل", "الموصل"), (None, ""), (3, "3"),
])
def test_formula_cells_are_neutralised(value, safe):
    assert exports.cell(value) == safe


def test_search_page_shows_total_pages_sort_and_export(client):
    html = client.get("/", params={"q": "الموصل", "sort": "date"}).text
    assert 'class="total-count"' in html and 'class="sort-on">الأحدث أولاً' in html
    assert 'href="/api/search/export?q=%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84&amp;sort=date&amp;format=csv"' in html
    assert '<time dir="rtl" datetime="2017-04-18" title="2017-04-18">18 أبريل 2017</time>' in html
    assert "<fieldset class=\"filters\">" in html  # the filters are not folded away


def test_home_page_lists_latest_articles_and_stories(client):
    html = client.get("/").text
    assert 'class="latest"' in html and "القوات العراقية تتقدم" in html
    assert 'class="home-stories"' in html


def test_pager():
    form = {"q": "x"}
    p = pages.pager(95, 40, 20, form)
    assert [i.get("number") for i in p["items"]] == [1, 2, 3, 4, 5] and p["current"] == 3
    assert p["first"] == 41 and p["last"] == 60 and "offset=20" in p["prev"] and "offset=60" in p["next"]
    far = pages.pager(1000, 500, 20, form)
    assert [i.get("number", "…") for i in far["items"]] == [1, "…", 24, 25, 26, 27, 28, "…", 50]
    assert pages.pager(5, 0, 20, form)["items"] == [] and pages.pager(5, 0, 20, form)["next"] is None


@pytest.mark.parametrize("value, words", [
    ("2015-03-01", "1 مارس 2015"), ("2015-03", "مارس 2015"), ("2015-03-01T10:30:00+03:00", "1 مارس 2015 10:30"),
    ("2015-13-45", None), ("yesterday", None), ("", None),
])
def test_arabic_dates(value, words):
    assert markup.arabic_date(value) == words
    if words:
        assert str(markup.date_tag(value)) == f'<time dir="rtl" datetime="{value}" title="{value}">{words}</time>'


def test_label_and_type_tables_are_sound():
    assert labels.validate() == [] and validate_types() == []
    assert labels.relation_label("ASSAULT") == "اعتداء" and labels.relation_label("NEW") == "NEW"
    assert aggregate_type("NAT") == "LOC" and aggregate_type("PER") == "PER" and AGGREGATE_TYPE


def test_actor_type_counts_a_nationality_for_its_country(client):
    actors = {a["actor_id"]: a for a in client.get("/api/actors", params={"limit": 100}).json()["actors"]}
    assert all(a["type"] != "NAT" for a in actors.values())


def test_explorer_pool_never_shares_a_connection():
    """Requests at once each get their own connection, at most ``size`` of them, each used by one at a time."""
    import threading
    import time

    from rased.web.explore import Explorer

    class Conn:
        def __init__(self):
            self.busy, self.most, self.closed = 0, 0, False

        def close(self):
            self.closed = True

    opened: list[Conn] = []

    def more():
        opened.append(Conn())
        return opened[-1]

    first = Conn()
    opened.append(first)
    ex = Explorer(first, more=more, size=3)

    def request():
        with ex.store() as c:
            c.busy += 1
            c.most = max(c.most, c.busy)
            time.sleep(0.02)
            c.busy -= 1

    threads = [threading.Thread(target=request) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert 1 < len(opened) <= 3 and all(c.most == 1 for c in opened)
    ex.close()
    assert all(c.closed for c in opened)


def test_search_export_of_hostile_cells_opens_inert(tmp_path):
    """Titles, sources and texts that a spreadsheet would run as formulas, found by a search and exported from
    the explorer: the file opens as UTF-8 (its mark) and no cell starts a formula; the values stay readable."""
    from fastapi.testclient import TestClient

    from rased.record import Article, content_id
    from rased.store import open_store
    from rased.store.export import FORMULA_STARTS
    from rased.web import create_app

    hostile = ['=HYPERLINK("http://example.com","انقر")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\tخبر"]
    path = tmp_path / "hostile.db"
    with open_store(str(path)) as s:
        for i, t in enumerate(hostile):
            text = f"{t} خبر عن الموصل رقم {i}"
            s.add(Article(id=content_id(text), text=text, title=t, source="=cmd", entities=(), quotes=(),
                          relations=()))
    with TestClient(create_app(str(path))) as c:
        r = c.get("/api/search/export", params={"q": "الموصل", "format": "csv"})
    assert r.status_code == 200 and r.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(hostile)
    assert all(not v.startswith(FORMULA_STARTS) for row in rows for v in row.values()), rows
    assert {row["title"] for row in rows} == {"'" + t for t in hostile} and {row["source"] for row in rows} == {"'=cmd"}
