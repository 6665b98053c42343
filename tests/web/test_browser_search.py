"""The explorer's search in headless Chromium: the total and page numbers, sort by date, the export of a
search, Arabic dates with the ISO date in the tooltip, and the relations graph with linked actors only, its
labels not overlapping. Screenshots go where ``test_browser`` puts them."""
from __future__ import annotations

import csv
import io
import json

import pytest
import web_corpus
from test_browser import SHOTS, LiveServer, _check_page, browser, page  # noqa: F401  (fixtures)

N = 46  # web_corpus.many(45) and the graph article all name «الفلوجة»


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from rased.web import create_app

    path = tmp_path_factory.mktemp("browser-search") / "many.db"
    web_corpus.fill_many(path)
    with LiveServer(create_app(str(path))) as s:
        yield s


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _days(page) -> list[str]:
    return page.locator("ol.hits li.hit .meta time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")


def test_total_count_and_pagination(page, server):
    page.goto(server.url + "/?q=الفلوجة")
    page.wait_for_selector("ol.hits li.hit")
    _check_page(page)
    assert page.locator(".total-count").inner_text() == str(N)
    assert page.locator("ol.hits li.hit").count() == 20
    assert page.locator("nav.pager .page").all_inner_texts() == ["1", "2", "3"]
    assert page.locator("nav.pager .current").inner_text() == "1"
    assert page.locator(".facets").inner_text().count("من كل النتائج") == 1
    # a facet's count is a badge centred on its row, not a bar stretched to the row's height, its number on top
    count, link = (page.locator(f".facets li {s}").first.bounding_box() for s in (".count", "a"))
    assert count["height"] < 0.9 * link["height"], (count, link)
    assert abs(count["y"] + count["height"] / 2 - link["y"] - link["height"] / 2) < 2
    _shot(page, "20-search-total-pages")
    page.locator("nav.pager a.page", has_text="3").click()
    page.wait_for_url("**offset=40**")
    assert page.locator("ol.hits li.hit").count() == N - 40
    assert page.locator("ol.hits").get_attribute("start") == "41"
    assert page.locator("nav.pager .current").inner_text() == "3"
    assert page.locator("nav.pager a.next").count() == 0 and page.locator("nav.pager a.prev").count() == 1
    assert f"{N}" in page.locator(".result-bar .total").inner_text() and "41–46" in page.locator(".result-bar").inner_text()


def test_sort_by_date(page, server):
    page.goto(server.url + "/?q=الفلوجة")
    page.wait_for_selector("ol.hits li.hit")
    relevance = _days(page)
    page.locator("a.sort-link", has_text="الأحدث أولاً").click()
    page.wait_for_url("**sort=date**")
    days = _days(page)
    assert len(days) == 20 and days == sorted(days, reverse=True) and days != relevance
    assert days[0] == "2016-02-01" and days[1] == "2016-01-01"
    assert page.locator(".sort-on").inner_text() == "الأحدث أولاً"
    page.locator("nav.pager a.next").click()
    page.wait_for_url("**offset=20**")
    more = _days(page)
    assert more == sorted(more, reverse=True) and more[0] < days[-1]  # the order goes on across pages
    _shot(page, "21-search-by-date")


def test_export_of_a_search(page, server, tmp_path):
    page.goto(server.url + "/?q=الفلوجة&source=SkyNews")  # the filter ignores case
    page.wait_for_selector("ol.hits li.hit")
    shown = int(page.locator(".total-count").inner_text())
    assert shown == 15
    with page.expect_download() as got:
        page.locator("a.export-csv").click()
    data = (tmp_path / "hits.csv")
    got.value.save_as(data)
    raw = data.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a spreadsheet reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == shown and {r["source"] for r in rows} == {"skynews"}
    assert all("الفلوجة" in r["title"] for r in rows)
    with page.expect_download() as got:
        page.locator("a.export-jsonl").click()
    lines = (tmp_path / "hits.jsonl")
    got.value.save_as(lines)
    hits = [json.loads(x) for x in lines.read_text(encoding="utf-8").splitlines()]
    assert [h["id"] for h in hits] == [r["id"] for r in rows] and hits[0]["snippet"]["highlights"]


def test_arabic_dates_with_iso_in_the_tooltip(page, server):
    page.goto(server.url + "/?q=الفلوجة&sort=date")
    page.wait_for_selector("ol.hits li.hit")
    first = page.locator("ol.hits li.hit .meta time").nth(1)
    assert first.get_attribute("title") == "2016-01-01" and first.get_attribute("datetime") == "2016-01-01"
    assert first.inner_text() == "1 يناير 2016"
    from babel import Locale

    names = set(Locale.parse("ar").months["format"]["wide"].values())
    shown = page.locator("ol.hits li.hit .meta time").all_inner_texts()
    assert len(shown) == 20 and all(t.split()[1] in names for t in shown), shown
    page.goto(server.url + "/")  # the home page: the latest articles, dated the same way
    page.wait_for_selector("section.latest li")
    assert page.locator("section.latest li time").first.inner_text() == "1 فبراير 2016"
    _shot(page, "22-home-latest")


def test_graph_has_linked_actors_only_without_overlaps(page, server):
    page.goto(server.url + "/actors/grp:isis")
    page.wait_for_selector("svg.graph")
    _check_page(page)
    graph = page.locator("svg.graph")
    nodes = graph.locator("a.node").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert sorted(nodes) == ["/actors/grp:al-qaeda", "/actors/mil:irq"]
    text = graph.inner_html()
    assert "ضربات" not in text and ">?<" not in text and "؟" not in text
    labels = graph.locator("text.edge-label").evaluate_all("els => els.map(e => e.textContent)")
    assert sorted(labels) == ["تشاور", "قتال"]  # Arabic on the graph, the PLOVER code in the tooltip
    tips = graph.locator(".edge-tip > title").evaluate_all("els => els.map(e => e.textContent)")
    assert sorted(tips) == ["تشاور (CONSULT)", "قتال (FIGHT)"]
    boxes = graph.locator("text").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, e.textContent]; })")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, f"labels overlap: {a[4]!r} and {b[4]!r}"
    _shot(page, "23-actor-graph-linked-only")
    graph.screenshot(path=str(SHOTS / "23b-graph.png"))
