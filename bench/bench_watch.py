"""Watch benchmark: 200 RSS feeds on 127.0.0.1, 20 new items each (real ANT articles), one core.

    python bench/bench_watch.py                          # 200 feeds × 20 items
    python bench/bench_watch.py --feeds 20 --items 5     # a quick run

A loopback news site (``rased.watch.feedserver``, in this process) serves the feeds and the article pages; the
watcher polls every feed each ``--interval`` seconds, with a keyword rule that fires on nearly every article,
and an in-process sink notes when each alert is delivered. Two phases, every feed getting ``--items`` items:

1. latency: the first ``--steady`` items of each feed appear one by one at ``--rate`` items a second in all
   (below what one core analyses, so no queue builds up): time from an item's appearance in its feed to its
   alert, p50 / p95 / max;
2. throughput: the other items appear at once: articles per second through fetch → analyze → store (and
   alerts), from their appearance to the last one stored, and the same latency figures (queueing included).

The process is pinned to one CPU (``os.sched_setaffinity``) where the system allows: the feed server's
threads share that core, so the figures are conservative.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from rased import datasets
from rased.store import open_store
from rased.watch.alerts import add_rule
from rased.watch.feedserver import FeedServer, Page
from rased.watch.fetcher import Policy
from rased.watch.loop import Watcher
from rased.watch.rules import Rule
from rased.watch.sources import Source


class Clock:
    """Delivery sink: the time each alert reaches it, by article address."""

    name = "bench"

    def __init__(self):
        self.at: dict[str, float] = {}

    def send(self, alerts) -> None:
        now = time.time()
        for a in alerts:
            self.at.setdefault(a.url, now)

    def close(self) -> None:
        pass


def corpus(n: int) -> list[Page]:
    if not datasets.available("corpora", "ant"):
        sys.exit(f"the ANT corpus is not at {datasets.path('corpora', 'ant')}: set RASED_DATA")
    pages, seen = [], set()
    for doc in datasets.ant():
        if len(doc.text) >= 300 and doc.title not in seen:
            seen.add(doc.title)
            pages.append(Page(f"b{len(pages)}", doc.title, doc.text, None))
            if len(pages) >= n:
                break
    return pages


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else float("nan")


def run(args) -> dict:
    pages = corpus(args.feeds * args.items)
    per_feed = [pages[i :: args.feeds] for i in range(args.feeds)]
    db = str(Path(tempfile.mkdtemp(prefix="rased-bench-watch-")) / "watch.db")
    with open_store(db) as store:
        add_rule(store, Rule("keyword", "every-article", keyword="في"))
    clock, appeared, stored_at = Clock(), {}, {}
    with FeedServer() as server:
        for f in range(args.feeds):
            server.feed(f"/f{f:03d}")
        sources = tuple(Source(server.url(f"/f{f:03d}.rss"), f"f{f:03d}", "feed", args.interval, kind_given=True)
                        for f in range(args.feeds))
        store = open_store(db)
        policy = Policy(read_timeout=10, deadline=30, per_host=args.per_host, robots=True)
        watcher = Watcher(store, sources, sinks=[clock], policy=policy,
                          on_item=lambda url, state: stored_at.setdefault(url, time.time()))
        loop = asyncio.new_event_loop()
        stop = asyncio.Event()
        thread = threading.Thread(target=loop.run_until_complete, args=(watcher.run(stop=stop),), daemon=True)
        thread.start()

        def publish(f: int, page: Page) -> None:
            url = server.publish(f"/f{f:03d}", page)
            appeared[url] = time.time()

        def wait_stored(urls: list[str], limit: float) -> float:
            deadline = time.time() + limit
            while time.time() < deadline and not all(u in stored_at for u in urls):
                time.sleep(0.05)
            return max((stored_at.get(u, time.time()) for u in urls), default=time.time())

        time.sleep(args.interval * 2)  # the first (empty) rounds; the models load with the first article
        warm = Page("warm", pages[0].title + " ", pages[0].text + "\nتحديث.", None)
        wait_stored([server.publish("/f000", warm)], 120)
        steady = [(f, p) for i in range(args.steady) for f in range(args.feeds) for p in [per_feed[f][i]]
                  if i < len(per_feed[f])]
        t0 = time.time()
        for k, (f, p) in enumerate(steady):
            time.sleep(max(0.0, t0 + k / args.rate - time.time()))
            publish(f, p)
        steady_urls = [server.url(f"/articles/{p.slug}") for _, p in steady]
        wait_stored(steady_urls, 300)
        burst = [(f, p) for f in range(args.feeds) for p in per_feed[f][args.steady :]]
        t1 = time.time()
        for f, p in burst:
            publish(f, p)
        burst_urls = [server.url(f"/articles/{p.slug}") for _, p in burst]
        t2 = wait_stored(burst_urls, 3600)
        time.sleep(0.5)
        loop.call_soon_threadsafe(stop.set)
        thread.join(60)
        watcher.close()
        stats = store.stats()
        store.close()

    def latencies(urls):
        return [clock.at[u] - appeared[u] for u in urls if u in clock.at]

    return {
        "feeds": args.feeds, "items": len(steady) + len(burst), "stored": stats["articles"] - 1,
        "steady": latencies(steady_urls), "burst": latencies(burst_urls), "steady_n": len(steady_urls),
        "burst_n": len(burst_urls), "burst_seconds": t2 - t1,
        "burst_stored": sum(1 for u in burst_urls if u in stored_at),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--feeds", type=int, default=200)
    p.add_argument("--items", type=int, default=20, help="new items per feed")
    p.add_argument("--steady", type=int, default=2, help="items per feed in the latency phase")
    p.add_argument("--rate", type=float, default=8.0, help="latency phase: items a second, all feeds together")
    p.add_argument("--interval", type=float, default=1.0, help="seconds between two checks of a feed")
    p.add_argument("--per-host", type=int, default=8, help="requests at once to the one loopback host")
    args = p.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    r = run(args)
    print(f"{r['feeds']} feeds, {r['items']} new items, {r['stored']} articles stored; "
          f"feeds checked every {args.interval:g} s; one core ({os.cpu_count()} on the machine, load "
          f"{os.getloadavg()[0]:.1f})\n")
    print("| phase | items | alerts | item → alert p50 | p95 | max | articles/s (fetch → analyze → store) |")
    print("|---|---|---|---|---|---|---|")
    for name, key, extra in (("steady, %g items/s" % args.rate, "steady", "—"),
                             ("burst, all at once", "burst", f"{r['burst_stored'] / r['burst_seconds']:.1f}")):
        lat = r[key]
        print(f"| {name} | {r[key + '_n']} | {len(lat)} | {pct(lat, .5):.2f} s | {pct(lat, .95):.2f} s | "
              f"{max(lat, default=float('nan')):.2f} s | {extra} |")


if __name__ == "__main__":
    main()
