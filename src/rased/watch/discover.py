"""What a source lists: article addresses (with the title and time the listing gives) from an RSS/Atom feed, a
news sitemap (Google News ``<news:news>`` or a plain ``<urlset>``) or an HTML listing page.

A source whose kind was guessed is read as what its answer turns out to be (a ``<urlset>`` behind a ``.xml``
address is a sitemap). A listing that cannot be read raises ``InputError`` with the reason: the watcher
records it as the source's error and goes on with the other sources.
"""
from __future__ import annotations

import calendar
import time
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.etree
import lxml.html

from ..errors import InputError
from .sources import Source

MAX_ITEMS = 500  # addresses taken from one listing
_NS_NEWS = "http://www.google.com/schemas/sitemap-news/0.9"


@dataclass(slots=True, frozen=True)
class Item:
    url: str
    title: str | None = None
    published: str | None = None


def sniff(body: bytes) -> str | None:
    head = body[:2048].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if b"<html" in head or b"<!doctype html" in head:
        return "page"
    return None


def items(source: Source, body: bytes, base_url: str) -> tuple[str, list[Item]]:
    """``(kind read, items)`` of one listing, in the listing's order, each address once."""
    kind = source.kind if source.kind_given else (sniff(body) or source.kind)
    read = {"feed": _feed, "sitemap": _sitemap, "page": _page}[kind]
    found = read(body, base_url, source)
    out, seen = [], set()
    for it in found:
        url = urldefrag(urljoin(base_url, it.url.strip()))[0]
        if urlsplit(url).scheme in ("http", "https") and url not in seen:
            seen.add(url)
            out.append(Item(url, it.title, it.published))
        if len(out) >= MAX_ITEMS:
            break
    return kind, out


def _feed(body: bytes, base_url: str, source: Source) -> list[Item]:
    import feedparser

    from ..io.decode import repaired_utf8

    try:
        feed = feedparser.parse(repaired_utf8(body)[0])  # a stray byte: the titles stay UTF-8
    except (ValueError, LookupError) as err:
        raise InputError(f"not a readable feed: {type(err).__name__}: {err}", code="feed") from None
    linked = [e for e in feed.entries if e.get("link")]
    if not linked and feed.get("bozo"):
        raise InputError(f"not a readable feed: {getattr(feed, 'bozo_exception', 'malformed')}", code="feed")
    if not linked and not feed.get("feed") and not feed.get("version"):
        raise InputError("not a readable feed (neither RSS nor Atom)", code="feed")
    out = []
    for e in linked:
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        published = (time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(calendar.timegm(stamp)))
                     if stamp else e.get("published"))
        out.append(Item(e["link"], e.get("title") or None, published or None))
    return out


def _sitemap(body: bytes, base_url: str, source: Source) -> list[Item]:
    # no entities, no network: a sitemap is data from a stranger (XXE, billion laughs)
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = lxml.etree.fromstring(body, parser=parser)
    except lxml.etree.XMLSyntaxError as err:
        raise InputError(f"not a readable sitemap: {err}", code="sitemap") from None
    tag = lxml.etree.QName(root).localname
    if tag == "sitemapindex":
        raise InputError("a sitemap index, not a sitemap", hint="list each of its news sitemaps as a source",
                         code="sitemap")
    if tag != "urlset":
        raise InputError(f"not a sitemap (the root element is <{tag}>)", code="sitemap")
    out = []
    for url in root:
        if not isinstance(url.tag, str) or lxml.etree.QName(url).localname != "url":
            continue
        fields = {lxml.etree.QName(c).localname: (c.text or "").strip() for c in url.iter() if isinstance(c.tag, str)}
        if fields.get("loc"):
            news = url.find(f"{{{_NS_NEWS}}}news")
            title = news.findtext(f"{{{_NS_NEWS}}}title") if news is not None else None
            stamp = (news.findtext(f"{{{_NS_NEWS}}}publication_date") if news is not None else None) or fields.get("lastmod")
            out.append(Item(fields["loc"], (title or "").strip() or None, (stamp or "").strip() or None))
    return out


def _page(body: bytes, base_url: str, source: Source) -> list[Item]:
    try:
        root = lxml.html.fromstring(body)
    except (ValueError, lxml.etree.ParserError) as err:
        raise InputError(f"not a readable page: {err}", code="page") from None
    anchors = _hinted(root, source.links) if source.links else _article_links(root, base_url)
    out = [Item(a.get("href"), " ".join(a.text_content().split()) or None) for a in anchors if a.get("href")]
    if not out:
        raise InputError("the page has no article links" + (f" matching {source.links!r}" if source.links else ""),
                         hint="give the source a links = \"CSS selector\" hint", code="page")
    return out


def _hinted(root, hint: str) -> list:
    try:
        if hint.startswith(("/", "(")):
            found = root.xpath(hint)
        else:
            from lxml.cssselect import CSSSelector

            found = CSSSelector(hint)(root)
    except (lxml.etree.XPathError, ValueError, SyntaxError) as err:  # cssselect's SelectorError is a SyntaxError
        raise InputError(f"the links hint {hint!r} is not a valid selector: {err}", code="page") from None
    anchors = []
    for el in found:
        if not isinstance(el, lxml.html.HtmlElement):
            continue
        anchors += [el] if el.tag == "a" else el.iter("a")
    return anchors


def _article_links(root, base_url: str) -> list:
    """Without a hint: links to pages of the same site whose path looks like an article (two segments or more,
    or a long number), navigation to the site's sections left out."""
    host = urlsplit(base_url).netloc
    out = []
    for a in root.iter("a"):
        href = a.get("href")
        if not href:
            continue
        parts = urlsplit(urljoin(base_url, href))
        segments = [s for s in parts.path.split("/") if s]
        if parts.netloc == host and (len(segments) >= 2 or any(ch.isdigit() for ch in parts.path)):
            out.append(a)
    return out
