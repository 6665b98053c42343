"""The alerts page in headless Chromium: a real article (ANT, a claim of responsibility by ISIS) enters a feed
on 127.0.0.1, the running watcher takes it in, and its alert appears on the open page without a reload within
5 seconds; the alert's link opens the article with the evidence sentence highlighted."""
from __future__ import annotations

import asyncio
import sys
import threading
import time
from pathlib import Path

import pytest
from test_browser import SHOTS, LiveServer, _check_page, browser  # noqa: F401 - the browser fixture

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "watch"))
from watch_corpus import articles  # noqa: E402

from rased.store import open_store  # noqa: E402
from rased.watch.alerts import add_rule  # noqa: E402
from rased.watch.feedserver import FeedServer  # noqa: E402
from rased.watch.fetcher import Policy  # noqa: E402
from rased.watch.loop import Watcher  # noqa: E402
from rased.watch.rules import Rule  # noqa: E402
from rased.watch.sources import Source  # noqa: E402
from rased.web import create_app  # noqa: E402

pytestmark = pytest.mark.data
STREAM = "/api/alerts/stream"


class Running:
    """A watcher polling the feed every 0.3 s in a thread of its own, until stopped."""

    def __init__(self, db: str, source: Source, stored: threading.Event):
        self.store = open_store(db)
        self.watcher = Watcher(self.store, (source,), policy=Policy(read_timeout=2, deadline=5, retries=0),
                               on_item=lambda url, state: stored.set())
        self.loop = asyncio.new_event_loop()
        self.stop = asyncio.Event()
        self.thread = threading.Thread(target=self.loop.run_until_complete, args=(self._run(),), daemon=True)

    async def _run(self):
        await self.watcher.run(stop=self.stop)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.loop.call_soon_threadsafe(self.stop.set)
        self.thread.join(timeout=20)
        self.watcher.close()
        self.store.close()


@pytest.fixture
def alerts_page(browser):  # noqa: F811 - the browser fixture of test_browser
    p = browser.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    failed: list[str] = []
    # the live stream is cut when the page is left: that is no failure
    p.on("requestfailed", lambda r: failed.append(r.url) if STREAM not in r.url else None)
    yield p
    p.close()
    assert not errors, errors
    assert not failed, failed


def test_an_alert_appears_live_within_5_seconds(alerts_page, tmp_path):
    a = articles()
    db = str(tmp_path / "live.db")
    with open_store(db) as store:
        add_rule(store, Rule("relation", "claims", relation="ASSAULT", source="grp:isis"))
    stored = threading.Event()
    with FeedServer() as feeds:
        feeds.publish("/news", a["others"][0])
        src = Source(feeds.url("/news.rss"), "news", "feed", 0.3, kind_given=True)
        with Running(db, src, stored), LiveServer(create_app(db)) as explorer:
            assert stored.wait(60), "the watcher took nothing in"  # models loaded, first round done
            page = alerts_page
            page.goto(explorer.url + "/alerts")
            _check_page(page)
            page.wait_for_function("document.getElementById('live-state').textContent === 'live'")
            assert page.locator("li.alert").count() == 0
            started = time.monotonic()
            feeds.publish("/news", a["claim"][0])
            page.wait_for_selector("ol.alerts li.alert.new", timeout=5_000)
            elapsed = time.monotonic() - started
            assert elapsed < 5.0, elapsed
            item = page.locator("ol.alerts li.alert.new").first
            assert a["claim"][0].title in item.inner_text() and "claims" in item.inner_text()
            assert "مسؤوليته" in item.locator("blockquote.evidence").inner_text()
            SHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SHOTS / "11-alerts-live.png"), full_page=True)
            item.locator("a.alert-title").click()
            page.wait_for_selector("article.text .m-alert")
            assert page.url.endswith("#hl")
            marked = page.locator("article.text .m-alert").first
            assert marked.is_visible() and "مسؤوليته" in page.locator("article.text").inner_text()
            assert "مسؤوليته" in " ".join(page.locator("article.text .m-alert").all_inner_texts())
            page.screenshot(path=str(SHOTS / "12-alert-article.png"), full_page=True)
    print(f"alert on the page {elapsed:.2f} s after the item entered the feed")
