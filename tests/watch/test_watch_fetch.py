"""The watcher against a news site on 127.0.0.1 serving real ANT articles: new items between rounds stored once,
conditional GETs answered 304 refetch nothing, and faulty sources give a health entry while the others go on."""
from __future__ import annotations

import time

import pytest
from watch_helpers import source, watch_once
from watch_corpus import articles

from rased.store import open_store, watch_tables

pytestmark = pytest.mark.data


def _pages(server) -> dict[str, int]:
    return {p: n for p, n in server.requests.items() if p.startswith("/articles/")}


def _health(db) -> dict[str, dict]:
    with open_store(db) as store:
        return {s["name"]: s for s in watch_tables.sources(store)}


def test_new_items_are_stored_once_and_304_refetches_nothing(server, db):
    others = articles()["others"]
    for p in others[:3]:
        server.publish("/world", p)
    for p in others[3:5]:
        server.publish("/gulf", p)
    for p in others[5:7]:
        server.publish("/sport", p)
    sources = [source(server, "/world.rss", "world"),  # an RSS feed
               source(server, "/gulf.sitemap.xml", "gulf", kind="sitemap"),  # a news sitemap
               source(server, "/sport.html", "sport", kind="page", links="ul.news a.headline")]  # a listing page
    first = watch_once(db, sources)[0]
    assert (first.new_items, first.stored) == (7, 7)
    assert set(_pages(server).values()) == {1} and len(_pages(server)) == 7

    second = watch_once(db, sources)[0]
    assert second.not_modified == 3 and second.new_items == 0  # every listing answered 304
    assert len(_pages(server)) == 7 and set(_pages(server).values()) == {1}

    for p in others[7:9]:  # two new items in one feed; another feed changes its ETag without news
        server.publish("/world", p)
    server.touch("/gulf")
    third = watch_once(db, sources)[0]
    assert (third.new_items, third.stored, third.not_modified) == (2, 2, 1)
    assert len(_pages(server)) == 9 and set(_pages(server).values()) == {1}  # no page fetched twice
    with open_store(db) as store:
        assert store.stats()["articles"] == 9
        assert watch_tables.item_counts(store) == {"stored": 9}
    health = _health(db)
    assert health["gulf"]["kind"] == "sitemap" and health["sport"]["kind"] == "page"
    assert all(h["failures"] == 0 and h["last_success"] for h in health.values())
    assert server.answers[("/world.rss", 304)] == 1 and server.answers[("/gulf.sitemap.xml", 304)] == 1


def _fail(status: int):
    def route(h):
        h.answer(status, b"server error")
    return route


def _hang(h):
    h.send_response(200)
    h.send_header("content-type", "application/rss+xml")
    h.send_header("content-length", "100000")
    h.end_headers()
    h.wfile.write(b"<?xml version='1.0'?><rss><channel>")
    h.wfile.flush()
    time.sleep(6)  # never finishes within the read timeout


def _huge(h):  # 50 MB, chunked: no length to refuse it by, the stream is cut at the cap
    h.send_response(200)
    h.send_header("content-type", "application/rss+xml")
    h.send_header("transfer-encoding", "chunked")
    h.end_headers()
    chunk = b"<item><title>x</title></item>" * 35_000  # ~1 MB
    try:
        for _ in range(50):
            h.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        h.wfile.write(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass


def _malformed(h):
    h.answer(200, b"<?xml version='1.0'?><rss><channel><item><title>\xd8\xae\xd8\xa8\xd8\xb1</ti", "application/rss+xml")


def _redirect(to: str):
    def route(h):
        h.answer(302, headers={"location": to})
    return route


def test_faulty_sources_get_a_health_entry_and_the_others_go_on(server, db):
    good = articles()["others"]
    server.publish("/ok", good[0])
    server.routes.update({
        "/e500.rss": _fail(500), "/hang.rss": _hang, "/huge.rss": _huge, "/bad.rss": _malformed,
        "/loop1.rss": _redirect("/loop2.rss"), "/loop2.rss": _redirect("/loop1.rss"),
    })
    server.feed("/private/feed")
    server.publish("/private/feed", good[1])
    server.feed("/quiet")  # a feed with no items yet is healthy
    names = ["e500", "hang", "huge", "bad", "loop1", "private/feed", "quiet", "ok"]
    sources = [source(server, f"/{n}.rss", n) for n in names]
    started = time.monotonic()
    rounds = watch_once(db, sources, rounds=2)
    assert time.monotonic() - started < 20
    health = _health(db)
    expected = {"e500": "HTTP 500", "hang": "timed out", "huge": "larger than the limit", "bad": "not a readable feed",
                "loop1": "redirect loop", "private/feed": "robots.txt disallows"}
    for name, words in expected.items():
        assert health[name]["failures"] >= 1, (name, health[name])
        assert words in health[name]["last_error"], (name, health[name]["last_error"])
        assert health[name]["last_success"] is None
    assert server.answers[("/e500.rss", 500)] >= 2  # retried before giving up
    assert "/private/feed.rss" not in server.requests  # never asked for
    assert health["quiet"]["failures"] == 0 and health["quiet"]["fetches"] == 2
    ok = health["ok"]
    assert ok["failures"] == 0 and ok["fetches"] == 2 and ok["items"] == 1  # fetched in both rounds
    assert rounds[0].stored == 1 and rounds[0].source_errors == 6
    with open_store(db) as store:
        assert store.stats()["articles"] == 1


def test_a_failing_page_is_retried_then_given_up(server, db):
    page = articles()["others"][0]
    server.publish("/news", page)
    server.routes[f"/articles/{page.slug}"] = _fail(404)
    sources = [source(server, "/news.rss", "news")]
    for _ in range(4):
        server.touch("/news")  # a new ETag each time, so the listing is read again
        watch_once(db, sources)
    assert server.requests[f"/articles/{page.slug}"] == 3  # MAX_ATTEMPTS, then left alone
    with open_store(db) as store:
        assert watch_tables.item_counts(store) == {"failed": 1}
        assert any(f.locator.endswith(page.slug) and "404" in f.reason for f in store.failures())
