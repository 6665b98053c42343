"""The HTML pages: right-to-left, the shipped font, no CDN, and the content of each page."""
from __future__ import annotations

import re

import pytest
import web_corpus

PAGES = ["/", "/?q=الموصل", "/actors", "/actors/grp:isis", "/stories", "/analyze", "/api/docs"]


def _seed_id(corpus):
    return next(a.id for a in corpus.values() if a.title and a.title.startswith("هل تشكل"))


@pytest.mark.parametrize("path", PAGES)
def test_page_is_rtl_arabic_and_offline(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<html dir="rtl" lang="ar">' in html
    assert '<link rel="stylesheet" href="/static/style.css">' in html
    # every script, style sheet, icon and font comes from this server (links to articles' sites are <a> only)
    loaded = re.findall(r'<(?:script|link|img|iframe|source|object|embed)\b[^>]*\b(?:src|href)="([^"]+)"', html)
    assert loaded and all(u.startswith("/") and not u.startswith("//") or u.startswith("data:") for u in loaded), loaded


def test_static_assets_are_served(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "Noto Naskh Arabic" in css.text
    for font in re.findall(r"url\((fonts/[^)]+\.woff2)\)", css.text):
        r = client.get("/static/" + font)
        assert r.status_code == 200 and r.content[:4] == b"wOF2"
    assert client.get("/static/fonts/OFL.txt").status_code == 200
    assert client.get("/static/explore.js").status_code == 200


def test_search_page(client, corpus):
    html = client.get("/", params={"q": "الموصل"}).text
    assert "<mark>الموصل</mark>" in html and "<mark>بالموصل</mark>" in html
    assert f'href="/articles/{_seed_id(corpus)}"' in html
    assert "+1 شبه مكررة" in html  # the near-duplicate is folded into its head
    assert 'href="/?q=%D8%A7%D9%84%D9%85%D9%88%D8%B5%D9%84&amp;source=skynews"' in html  # facet link


def test_search_page_filters_and_paging(client):
    html = client.get("/", params={"q": "الموصل", "source": "skynews", "from": "", "to": ""}).text
    assert html.count('class="hit"') == 1
    assert client.get("/", params={"q": "الموصل", "offset": -1}).status_code == 422


def test_search_page_bad_date_is_a_page_not_json(client):
    r = client.get("/", params={"q": "الموصل", "from": "not-a-date"})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert "not a date" in r.text and "Traceback" not in r.text


def test_home_page(client):
    html = client.get("/").text
    assert 'href="/actors/grp:isis"' in html
    assert "مقالة" in html


def test_article_page(client, corpus):
    seed = _seed_id(corpus)
    html = client.get(f"/articles/{seed}").text
    assert re.search(r'<a class="ent ent-ORG" href="/actors/grp:isis" title="[^"]*" data-actor="grp:isis">داعش</a>', html)
    assert 'class="m m-evidence' in html and 'data-ref="r1"' in html and 'href="#r1"' in html
    assert 'class="m m-quote"' in html and 'data-ref="q1"' in html
    assert "CONSULT" in html and "بحسب إياد علاوي" in html
    assert "ما حذفه التنظيف" in html and "طباعة" in html  # what cleaning removed
    assert "2017-04-18T13:51" in html


def test_article_page_story_and_duplicates(client, corpus):
    head = next(a for a in corpus.values() if a.source == "alarabiya")
    dup = next(a for a in corpus.values() if a.source == "bbcarabic")
    html = client.get(f"/articles/{head.id}").text
    assert "القصة" in html and f'href="/articles/{dup.id}"' in html
    assert "شبه مكررة من" in client.get(f"/articles/{dup.id}").text


def test_article_not_computed_is_said(tmp_path):
    from fastapi.testclient import TestClient

    from rased.store import open_store
    from rased.web import create_app

    path = tmp_path / "plain.db"
    seed = web_corpus.seed_article(annotated=False)
    with open_store(str(path)) as store:
        store.add(seed)
    with TestClient(create_app(str(path))) as c:
        html = c.get(f"/articles/{seed.id}").text
    if seed.entities is None:
        assert "لم تُستخرج الكيانات بعد" in html


def test_missing_pages(client):
    for path in ("/articles/0000000000000000", "/actors/grp:nobody", "/nothing"):
        r = client.get(path)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
        assert "404" in r.text and '<html dir="rtl" lang="ar">' in r.text


def test_actor_page(client):
    html = client.get("/actors/grp:isis").text
    assert "تنظيم الدولة الإسلامية" in html and "Islamic State" in html
    assert 'href="https://www.wikidata.org/wiki/Q2429253"' in html
    assert '<svg class="chart timeline"' in html and html.count('class="bar"') >= 12
    assert '<svg class="chart graph"' in html and 'href="/actors/grp:al-qaeda"' in html
    assert "CONSULT" in html
    assert "أقوال عنه" in html and "عن معلومات" in html


def test_actors_page(client):
    html = client.get("/actors", params={"type": "PER"}).text
    assert 'href="/actors/per:iyad-allawi"' in html and 'href="/actors/grp:isis"' not in html
    assert client.get("/actors", params={"type": "x" * 41}).status_code == 422


def test_stories_page(client):
    html = client.get("/stories").text
    assert "alarabiya" in html and "skynews" in html
    assert client.get("/stories", params={"window_days": 0}).status_code == 422


def test_analyze_page_paste(client):
    r = client.post("/analyze", data={"text": web_corpus.SEED.read_text(encoding="utf-8")})
    assert r.status_code == 200
    assert '<h1 class="title">هل تشكل' in r.text
    assert "احفظها في المخزن" not in r.text  # read-only: no store option


def test_analyze_page_upload(client):
    r = client.post("/analyze", files={"file": ("seed.txt", web_corpus.SEED.read_bytes(), "text/plain")})
    assert r.status_code == 200 and '<h1 class="title">هل تشكل' in r.text


@pytest.mark.parametrize("files, data, word", [
    ({"file": ("x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")}, {}, "PNG"),
    (None, {"text": "   "}, "paste a text"),
    ({"file": ("big.txt", b"a" * 2_000_001, "text/plain")}, {}, "too large"),
])
def test_analyze_page_refuses(client, files, data, word):
    r = client.post("/analyze", files=files, data=data)
    assert r.status_code == 400 and word in r.text and "Traceback" not in r.text
    assert 'class="error-message"' in r.text


def test_analyze_page_refuses_huge_request_early(client):
    r = client.post("/analyze", content=b"x" * 3_000_000, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 400 and "too large" in r.text


def test_analyze_page_store_when_writable(writable):
    text = "قالت وزارة الصحة العراقية إن مستشفيات الموصل استقبلت عشرات الجرحى من المدنيين خلال اليومين الماضيين."
    r = writable.post("/analyze", data={"text": text, "store": "1"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/articles/")
    assert writable.get(r.headers["location"]).status_code == 200


def test_analyze_page_store_refused_when_read_only(client):
    r = client.post("/analyze", data={"text": "نص قصير عن الموصل للتجربة.", "store": "1"})
    assert r.status_code == 403 and "read_only" in r.text
