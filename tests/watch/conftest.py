"""Fixtures of the watch tests: a feed server on 127.0.0.1 (started by the test), a store, a watcher run."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from rased.store import open_store  # noqa: E402
from rased.watch.feedserver import FeedServer  # noqa: E402
from rased.watch.fetcher import Policy  # noqa: E402
from rased.watch.loop import Watcher  # noqa: E402
from rased.watch.sources import Source  # noqa: E402

# short timeouts: a hanging server costs the tests a second, not a minute
FAST = Policy(connect_timeout=2.0, read_timeout=1.0, deadline=3.0, retries=1, backoff=0.05, max_bytes=2_000_000)


@pytest.fixture
def server():
    with FeedServer() as s:
        yield s


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "watch.db")


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
