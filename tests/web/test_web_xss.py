"""Article text is shown as text: markup in a stored title, body, source or URL never becomes HTML."""
from __future__ import annotations

import web_corpus


def _xss_id(corpus):
    return next(a.id for a in corpus.values() if a.text == web_corpus.XSS_BODY)


def _assert_inert(html: str):
    assert "<script>alert" not in html
    assert "<script>document" not in html
    assert "<img src=x" not in html
    assert "<b>evil</b>" not in html
    assert 'href="javascript:' not in html.lower()
    # the only script is our own file
    assert html.count("<script") == 1 and '<script src="/static/explore.js" defer></script>' in html


def test_article_page_escapes_everything(client, corpus):
    html = client.get(f"/articles/{_xss_id(corpus)}").text
    _assert_inert(html)
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;evil&lt;/b&gt;" in html
    # the highlighted entity next to the markup is still a link
    assert 'href="/actors/loc:mosul"' in html


def test_search_page_escapes_snippets_and_titles(client):
    html = client.get("/", params={"q": "الموصل"}).text
    _assert_inert(html)
    assert "&lt;script&gt;" in html


def test_search_query_is_escaped(client):
    html = client.get("/", params={"q": '"><script>alert(9)</script>'}).text
    assert "<script>alert(9)" not in html


def test_actor_page_escapes_quotes_and_names(client):
    html = client.get("/actors/grp:isis").text
    _assert_inert(html)


def test_analyze_page_escapes_pasted_text(client):
    html = client.post("/analyze", data={"text": web_corpus.XSS_BODY}).text
    _assert_inert(html)
    assert "onerror=alert(1)&gt;" in html


def test_error_page_escapes_path(client):
    r = client.get("/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert r.status_code == 404
    assert "<script>alert(1)" not in r.text
