"""The watcher: rounds over the sources that are due; each new article fetched, analysed and stored through
the ingest path, its alerts derived and delivered.

A round fetches every due source at once (and the new article pages of each, under the fetcher's per-host
limits), then takes the sources in the sources file's order, and their items in the listing's order, so that
two runs over the same answers store the same articles in the same order. Per article, one transaction holds
the article (``ingest_docs``), the record that its address was taken in, and its alerts: a watcher killed
at any moment loses nothing and, restarted, fetches none of it again. A source's validators (ETag,
Last-Modified) are saved only after all its items are in: a 304 never hides an item that was not stored.

All store work runs on one worker thread (the event loop only fetches), one piece at a time.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..errors import InputError
from ..ingest import Bad, Doc, ingest_docs, settings_for
from ..ingest.readers import digest
from ..store import watch_tables
from . import alerts as alerting
from . import deliver, discover
from .fetcher import Fetcher, FetchError, Policy, Response
from .sources import Source

MAX_ATTEMPTS = 3  # an article page that fails this often is given up
PAGES_AT_ONCE = 16  # article pages fetched at once in a round (the fetcher also limits each host)
MAX_BACKOFF_FACTOR = 16  # a failing source waits up to this many intervals


@dataclass(slots=True)
class RoundSummary:
    sources: int = 0
    not_modified: int = 0
    source_errors: int = 0
    new_items: int = 0
    stored: int = 0
    existing: int = 0
    failed_items: int = 0
    alerts: int = 0
    delivered: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.sources} sources checked ({self.not_modified} not modified, {self.source_errors} failing) · "
                f"{self.new_items} new items · {self.stored} stored · {self.existing} already stored · "
                f"{self.failed_items} failed · {self.alerts} alerts · {self.seconds:.1f} s")


@dataclass(slots=True)
class _Listing:
    source: Source
    at: float
    response: Response | None = None
    error: FetchError | InputError | None = None
    kind: str = ""
    pages: list[tuple[discover.Item, Response | FetchError]] = field(default_factory=list)


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="seconds")


class Watcher:
    def __init__(self, store, sources: tuple[Source, ...], *, sinks=(), policy: Policy | None = None,
                 analyzer: Callable | None = None, log: Callable[[str], None] | None = None,
                 clock: Callable[[], float] = time.time, max_attempts: int = MAX_ATTEMPTS,
                 on_item: Callable[[str, str], None] | None = None):
        self.store = store
        self.sources = sources
        self.sinks = list(sinks)
        self.policy = policy or Policy()
        self.clock = clock
        self.log = log or (lambda _message: None)
        self.max_attempts = max_attempts
        self.on_item = on_item  # (item url, state) after each item's transaction: tests and benchmarks
        self._analyzer = analyzer
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="rased-watch-store")

    async def _db(self, fn, *args, **kwargs):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        for sink in self.sinks:
            sink.close()

    # ------------------------------------------------------------------------------------------ running
    async def run(self, *, once: bool = False, rounds: int | None = None, stop: asyncio.Event | None = None,
                  on_round: Callable[[RoundSummary], None] | None = None) -> None:
        """Rounds until ``stop`` is set (or one round with ``once``, or ``rounds`` rounds)."""
        stop = stop or asyncio.Event()
        rounds = 1 if once else rounds
        await self._db(self._prepare)
        async with Fetcher(self.policy) as fetcher:
            done = 0
            while not stop.is_set():
                summary = await self.round(fetcher)
                done += 1
                if on_round:
                    on_round(summary)
                if rounds is not None and done >= rounds:
                    return
                wait = await self._db(self._next_wait)
                try:
                    await asyncio.wait_for(stop.wait(), timeout=wait)
                except TimeoutError:
                    pass

    def _prepare(self) -> None:
        if self._analyzer is None:
            from ..pipeline import analyze

            self._analyzer = functools.partial(analyze, settings=settings_for(self.store))
        with self.store.transaction():
            for s in self.sources:
                watch_tables.ensure_source(self.store, s.url, s.name, s.kind)

    def _next_wait(self) -> float:
        now = self.clock()
        dues = [(watch_tables.source(self.store, s.url) or {}).get("next_due") or 0.0 for s in self.sources]
        return min(max(min(dues, default=now + 1.0) - now, 0.05), 5.0)

    async def round(self, fetcher: Fetcher) -> RoundSummary:
        started = time.perf_counter()
        summary = RoundSummary()
        summary.delivered += await self._db(deliver.pending, self.store, self.sinks,
                                            on_error=lambda sink, m: self.log(m))  # left over from before
        states = await self._db(lambda: {s.url: watch_tables.source(self.store, s.url) or {} for s in self.sources})
        now = self.clock()
        due = [s for s in self.sources if (states[s.url].get("next_due") or 0.0) <= now]
        gate, claimed = asyncio.Semaphore(PAGES_AT_ONCE), set()  # an address two sources list is fetched once
        tasks = [asyncio.create_task(self._gather(fetcher, s, states[s.url], gate, claimed)) for s in due]
        try:
            for task in tasks:  # in the sources file's order, whichever finishes first
                listing = await task
                await self._db(self._commit, listing, summary)
        finally:
            for task in tasks:
                task.cancel()
        summary.sources = len(due)
        summary.seconds = time.perf_counter() - started
        return summary

    # ------------------------------------------------------------------------------------------ fetching
    async def _gather(self, fetcher: Fetcher, source: Source, state: dict, gate: asyncio.Semaphore,
                      claimed: set[str]) -> _Listing:
        listing = _Listing(source, self.clock())
        try:
            r = await fetcher.get(source.url, etag=state.get("etag"), last_modified=state.get("last_modified"))
            listing.response = r
            if r.not_modified:
                return listing
            listing.kind, found = discover.items(source, r.body, r.url)
        except (FetchError, InputError) as err:
            listing.error = err
            return listing
        known = await self._db(watch_tables.item_states, self.store, [it.url for it in found])
        new = [it for it in found if it.url not in claimed and (
            it.url not in known or (known[it.url][0] == "failed" and known[it.url][1] < self.max_attempts))]
        claimed.update(it.url for it in new)

        async def page(item: discover.Item):
            async with gate:
                try:
                    return item, await fetcher.get(item.url)
                except FetchError as err:
                    return item, err

        listing.pages = list(await asyncio.gather(*(page(it) for it in new)))
        return listing

    # ------------------------------------------------------------------------------------------ storing
    def _commit(self, listing: _Listing, summary: RoundSummary) -> None:
        """(worker thread) A source's items, one transaction each, then its state."""
        s, store = listing.source, self.store
        at = _iso(listing.at)
        for item, result in listing.pages:
            summary.new_items += 1
            self._item(s, item, result, summary)
        r, err = listing.response, listing.error
        with store.transaction():
            if err is not None:
                failures = (watch_tables.source(store, s.url) or {}).get("failures") or 0
                delay = s.interval * min(2 ** failures, MAX_BACKOFF_FACTOR)
                watch_tables.failed(store, s.url, at=at, status=getattr(err, "status", None) or (r.status if r else None),
                                    error=err.one_line(), next_due=listing.at + delay)
                summary.source_errors += 1
                self.log(f"{s.name}: {err.message}")
            else:
                assert r is not None
                if listing.kind:
                    watch_tables.ensure_source(store, s.url, s.name, listing.kind)
                watch_tables.fetched(store, s.url, at=at, status=r.status, next_due=listing.at + s.interval,
                                     etag=r.etag, last_modified=r.last_modified, not_modified=r.not_modified,
                                     items=len(listing.pages))
                summary.not_modified += int(r.not_modified)

    def _item(self, s: Source, item: discover.Item, result: Response | FetchError, summary: RoundSummary) -> None:
        store, at = self.store, _iso(self.clock())
        made: list = []
        if isinstance(result, FetchError):
            doc: Doc | Bad = Bad(item.url, "", result.message, result.code)
        else:
            doc = Doc(item.url, digest(result.body), result.body, url=result.url, source=s.name, title=item.title,
                      published=item.published, fetched_at=at)
        captured = []

        def analyzer(*args, **kwargs):
            captured.append(self._analyzer(*args, **kwargs))
            return captured[-1]

        with store.transaction():
            got = ingest_docs([doc], store, batch_size=1, analyzer=analyzer)
            ok = bool(got.stored or got.existing or got.skipped)
            article_id = got.ids[0] if got.ids else (captured[-1].id if captured and ok else None)
            if got.stored and not got.duplicates and captured:
                rules = alerting.load_rules(store)
                made = alerting.record(store, alerting.derive(store, rules, captured[-1], fetched_day=at[:10]))
            reason = None if ok else (got.examples[0][1] if got.examples else "not stored")
            watch_tables.mark_item(store, item.url, s.url, "stored" if ok else "failed", at=at,
                                   article_id=article_id, reason=reason)
        summary.stored += got.stored
        summary.existing += got.existing + got.skipped
        summary.failed_items += int(not ok)
        summary.alerts += len(made)
        if made:
            summary.delivered += deliver.pending(store, self.sinks, on_error=lambda sink, m: self.log(m))
        if self.on_item:
            self.on_item(item.url, "stored" if ok else "failed")


def status(store) -> dict:
    """Each source's health and the counts of items and alerts (``rased watch status``)."""
    return {"sources": watch_tables.sources(store), "items": watch_tables.item_counts(store),
            "alerts": watch_tables.alert_count(store)}
