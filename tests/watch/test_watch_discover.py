"""Article links from a listing: feeds, news sitemaps, pages with a CSS or XPath hint or none; bad listings refused."""
from __future__ import annotations

import pytest

from rased.errors import InputError
from rased.watch.discover import items
from rased.watch.sources import Source

BASE = "http://127.0.0.1:9/news/"
PAGE = b"""<html><body><nav><a href="/">home</a><a href="/sport">sport</a></nav>
<div class="list"><h3><a href="/news/2018/05/iran-sanctions.html">sanctions</a></h3>
<h3><a href="world/123456">world</a></h3><h3><a href="/news/2018/05/iran-sanctions.html#top">again</a></h3></div>
<a href="https://elsewhere.example/2018/x">elsewhere</a><a href="mailto:x@y.z">mail</a></body></html>"""


def _src(kind: str, links: str | None = None, given: bool = True) -> Source:
    return Source(BASE, "t", kind, 60, links=links, kind_given=given)


@pytest.mark.parametrize("hint", ["div.list h3 a", "//div[@class='list']//a", "div.list h3"])
def test_a_page_with_a_hint(hint):
    kind, found = items(_src("page", hint), PAGE, BASE)
    assert kind == "page"
    assert [i.url for i in found] == ["http://127.0.0.1:9/news/2018/05/iran-sanctions.html",
                                      "http://127.0.0.1:9/news/world/123456"]  # joined, fragment dropped, once
    assert found[0].title == "sanctions"


def test_a_page_without_a_hint_keeps_article_like_links_of_the_site():
    _, found = items(_src("page"), PAGE, BASE)
    assert [i.url for i in found] == ["http://127.0.0.1:9/news/2018/05/iran-sanctions.html",
                                      "http://127.0.0.1:9/news/world/123456"]


def test_a_news_sitemap_and_a_guessed_kind():
    body = ("""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>http://127.0.0.1:9/a/1</loc><news:news>
    <news:publication_date>2018-05-10T13:08:33+04:00</news:publication_date><news:title>ترامب يهدد إيران</news:title>
    </news:news></url><url><loc>http://127.0.0.1:9/a/2</loc><lastmod>2018-05-11</lastmod></url></urlset>""").encode()
    kind, found = items(_src("feed", given=False), body, BASE)  # guessed a feed from the address; it is a sitemap
    assert kind == "sitemap"
    assert [(i.url, i.title, i.published) for i in found] == [
        ("http://127.0.0.1:9/a/1", "ترامب يهدد إيران", "2018-05-10T13:08:33+04:00"),
        ("http://127.0.0.1:9/a/2", None, "2018-05-11")]


def test_a_sitemap_never_reads_external_entities():
    body = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>'
            b"<urlset><url><loc>http://127.0.0.1:9/&e;</loc></url></urlset>")
    _, found = items(_src("sitemap"), body, BASE)
    assert [i.url for i in found] == ["http://127.0.0.1:9/"]  # the entity is left empty, no file is read


@pytest.mark.parametrize("kind, body, words", [
    ("sitemap", b"<urlset><url><loc>x</loc></url", "not a readable sitemap"),
    ("sitemap", b"<sitemapindex><sitemap><loc>http://x/s.xml</loc></sitemap></sitemapindex>", "a sitemap index"),
    ("sitemap", b"<html><body>hello</body></html>", "not a sitemap"),
    ("feed", b"<rss><channel><item><title>x</ti", "not a readable feed"),
    ("feed", b"hello, world", "not a readable feed"),
    ("page", b"<html><body><p>no links</p></body></html>", "no article links"),
    ("page", PAGE, "not a valid selector"),
])
def test_bad_listings_are_refused(kind, body, words):
    hint = "div[" if words == "not a valid selector" else None
    with pytest.raises(InputError) as err:
        items(_src(kind, hint), body, BASE)
    assert words in err.value.message


def test_a_stray_byte_leaves_the_feed_titles_in_utf8():
    """feedparser re-read a whole UTF-8 feed as windows-1252 for one stray byte (every title in mojibake)."""
    items_xml = "".join(f"<item><title>خبر عن الموصل رقم {i}</title><link>http://127.0.0.1:9/a/{i}</link></item>"
                        for i in range(3))
    body = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{items_xml}</channel></rss>'
    data = body.encode()
    i = data.index("رقم 1".encode())
    _, found = items(_src("feed"), data[:i] + b"\xff" + data[i:], BASE)
    assert [f.title for f in found] == ["خبر عن الموصل رقم 0", "خبر عن الموصل \ufffdرقم 1", "خبر عن الموصل رقم 2"]
