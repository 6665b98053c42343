"""A small news site on the loopback interface, for the demo, the tests and the benchmark of ``rased watch``.

It serves RSS feeds, a news sitemap and a listing page of the articles it is given, and the article pages
themselves (HTML), with ETag and Last-Modified (answering 304 to a conditional GET), gzip when asked, and
robots.txt. ``routes`` takes extra handlers (a test's faulty endpoints). Every request is counted.

    python -m rased.watch.feedserver samples/seed_article.txt --port 8765   # the demo's feed: /feed.rss
"""
from __future__ import annotations

import gzip
import hashlib
import html
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass(slots=True, frozen=True)
class Page:
    slug: str
    title: str
    text: str
    published: str | None = None  # ISO 8601


@dataclass(slots=True)
class Feed:
    title: str
    pages: list[Page] = field(default_factory=list)
    changed: float = field(default_factory=time.time)
    salt: int = 0  # bumped to change the ETag without new items


def article_html(page: Page) -> bytes:
    paras = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in page.text.split("\n") if p.strip())
    meta = f'<meta property="article:published_time" content="{page.published}">' if page.published else ""
    return (f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{html.escape(page.title)}'
            f'</title>{meta}</head><body><header><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav></header>'
            f'<article><h1>{html.escape(page.title)}</h1>\n{paras}</article>'
            f'<footer>موقع تجريبي للمراقبة</footer></body></html>').encode("utf-8")


def _rfc822(iso: str | None) -> str:
    if not iso:
        return ""
    from datetime import datetime

    return formatdate(datetime.fromisoformat(iso).timestamp(), usegmt=True)


class FeedServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, robots: str = "User-agent: *\nDisallow: /private/\n"):
        self.feeds: dict[str, Feed] = {}
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.robots = robots
        self.requests: Counter = Counter()  # path → requests
        self.answers: Counter = Counter()  # (path, status) → answers
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer((host, port), _handler(self))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # ------------------------------------------------------------------------------------------ content
    def feed(self, path: str, title: str = "أخبار") -> Feed:
        with self.lock:
            return self.feeds.setdefault(path, Feed(title))

    def publish(self, feed_path: str, page: Page) -> str:
        """Add an article to a feed (newest first); its page's address."""
        feed = self.feed(feed_path)
        with self.lock:
            feed.pages.insert(0, page)
            feed.changed = time.time()
        return self.url(f"/articles/{page.slug}")

    def touch(self, feed_path: str) -> None:
        """A new ETag and Last-Modified for the same items (a feed that changes without news)."""
        with self.lock:
            self.feeds[feed_path].salt += 1
            self.feeds[feed_path].changed = time.time()

    def page(self, slug: str) -> Page | None:
        with self.lock:
            return next((p for f in self.feeds.values() for p in f.pages if p.slug == slug), None)

    def rss(self, path: str) -> bytes:
        feed = self.feeds[path]
        items = "".join(
            f"<item><title>{html.escape(p.title)}</title><link>{self.url('/articles/' + p.slug)}</link>"
            f"<guid>{p.slug}</guid><pubDate>{_rfc822(p.published)}</pubDate></item>\n" for p in feed.pages)
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>{html.escape(feed.title)}'
                f'</title><link>{self.base}/</link>\n{items}</channel></rss>').encode("utf-8")

    def sitemap(self, path: str) -> bytes:
        feed = self.feeds[path]
        urls = "".join(
            f"<url><loc>{self.url('/articles/' + p.slug)}</loc><news:news><news:publication><news:name>"
            f"{html.escape(feed.title)}</news:name><news:language>ar</news:language></news:publication>"
            f"<news:publication_date>{p.published or ''}</news:publication_date><news:title>{html.escape(p.title)}"
            f"</news:title></news:news></url>\n" for p in feed.pages)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
                f' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n{urls}</urlset>').encode("utf-8")

    def listing(self, path: str) -> bytes:
        feed = self.feeds[path]
        links = "".join(f'<li><a class="headline" href="/articles/{p.slug}">{html.escape(p.title)}</a></li>'
                        for p in feed.pages)
        return (f'<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>{html.escape(feed.title)}</title>'
                f'</head><body><nav><a href="/">الرئيسية</a></nav><ul class="news">{links}</ul></body></html>'
                ).encode("utf-8")

    def listing_body(self, path: str) -> tuple[bytes, str, Feed] | None:
        """The body and content type of the feed (``NAME.rss``), sitemap (``NAME.sitemap.xml``) or listing page
        (``NAME.html``) of the feed ``NAME``."""
        for suffix, render, ctype in ((".rss", self.rss, "application/rss+xml"),
                                      (".sitemap.xml", self.sitemap, "application/xml"),
                                      (".html", self.listing, "text/html; charset=utf-8")):
            name = path[: -len(suffix)]
            if path.endswith(suffix) and name in self.feeds:
                with self.lock:
                    return render(name), ctype, self.feeds[name]
        return None


def _handler(server: FeedServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet
            pass

        def answer(self, status: int, body: bytes = b"", ctype: str = "text/plain; charset=utf-8",
                   headers: dict[str, str] | None = None) -> None:
            path = urlsplit(self.path).path
            with server.lock:
                server.answers[(path, status)] += 1
            if body and "gzip" in self.headers.get("accept-encoding", "") and len(body) > 512:
                body = gzip.compress(body)
                headers = {**(headers or {}), "content-encoding": "gzip"}
            self.send_response(status)
            self.send_header("content-type", ctype)
            self.send_header("content-length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if body:
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            path = urlsplit(self.path).path
            with server.lock:
                server.requests[path] += 1
            route = server.routes.get(path)
            if route is not None:
                return route(self)
            if path == "/robots.txt":
                return self.answer(200, server.robots.encode()) if server.robots else self.answer(404)
            found = server.listing_body(path)
            if found is not None:
                return self._listing(*found)
            if path.startswith("/articles/"):
                page = server.page(path[len("/articles/"):])
                if page is not None:
                    return self.answer(200, article_html(page), "text/html; charset=utf-8")
            self.answer(404, b"not found")

        def _listing(self, body: bytes, ctype: str, feed: Feed) -> None:
            etag = '"' + hashlib.sha256(body + str(feed.salt).encode()).hexdigest()[:16] + '"'
            modified = formatdate(feed.changed, usegmt=True)
            if self.headers.get("if-none-match") == etag:
                return self.answer(304, headers={"etag": etag, "last-modified": modified})
            self.answer(200, body, ctype, {"etag": etag, "last-modified": modified})

    return Handler


def main(argv: list[str] | None = None) -> int:
    """Serve text files as the articles of one feed (``/feed.rss``, ``/feed.sitemap.xml``, ``/feed.html``)."""
    import argparse
    from pathlib import Path

    p = argparse.ArgumentParser(prog="python -m rased.watch.feedserver", description=main.__doc__)
    p.add_argument("articles", nargs="+", help="text files: the first line is the title")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--drip", type=float, default=0.0, help="publish one article every DRIP seconds (0: all at once)")
    args = p.parse_args(argv)
    pages = []
    for i, f in enumerate(args.articles):
        lines = [x for x in Path(f).read_text(encoding="utf-8").splitlines() if x.strip()]
        pages.append(Page(f"a{i + 1}", lines[0].strip(), "\n".join(lines[1:])))
    with FeedServer(port=args.port) as server:
        server.feed("/feed", "موجز تجريبي")
        print(f"feed server on {server.url('/feed.rss')} (Ctrl-C to stop)", flush=True)
        try:
            for page in pages:
                server.publish("/feed", page)
                time.sleep(args.drip)
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
