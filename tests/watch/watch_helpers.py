"""Helpers of the watch tests: a source on the test's feed server, a watcher run, short timeouts."""
from __future__ import annotations

import asyncio

from rased.store import open_store
from rased.watch.feedserver import FeedServer
from rased.watch.fetcher import Policy
from rased.watch.loop import Watcher
from rased.watch.sources import Source

# short timeouts: a hanging server costs the tests a second, not a minute
FAST = Policy(connect_timeout=2.0, read_timeout=1.0, deadline=3.0, retries=1, backoff=0.05, max_bytes=2_000_000)


def source(server: FeedServer, path: str, name: str | None = None, kind: str | None = None, interval: float = 0.1,
           links: str | None = None) -> Source:
    url = server.url(path)
    return Source(url, name or path.strip("/"), kind or "feed", interval, links=links, kind_given=kind is not None)


def watch_once(db: str, sources, *, policy: Policy = FAST, sinks=(), rounds: int = 1):
    """Run ``rounds`` rounds of a watcher over ``sources`` (each after the sources are due again); the summaries."""
    import time

    time.sleep(max(s.interval for s in sources))  # every source due again since the last run
    summaries = []
    with open_store(db) as store:
        watcher = Watcher(store, tuple(sources), sinks=sinks, policy=policy)
        try:
            asyncio.run(watcher.run(rounds=rounds, on_round=summaries.append))
        finally:
            watcher.close()
    return summaries
