"""A polite, robust HTTP fetcher for feeds and article pages.

Built on httpx's async client: it is maintained, speaks HTTP/1.1 and HTTP/2, takes a timeout per phase
(connect, read, write, pool) and streams the body, so that a response is cut at the size cap instead of being
read whole. Around it:

- conditional GET (``If-None-Match`` / ``If-Modified-Since`` from the last answer's ETag / Last-Modified);
- gzip, deflate and brotli bodies (decoded by httpx; the size cap counts the decoded bytes, so a small
  compressed bomb is cut too);
- per-host concurrency (a semaphore) and a per-host delay between requests;
- robots.txt (``urllib.robotparser``), read once per host and fetcher, under the same limits;
- a deadline for the whole request besides the per-phase timeouts (a server that trickles one byte a second
  never trips a read timeout), a redirect cap with loop detection, and retries of network errors, timeouts,
  429 and 5xx answers with exponential backoff and jitter.

Each ``Fetcher`` owns its client and its per-host state: nothing is kept at module level.
"""
from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__
from ..errors import RasedError

USER_AGENT = f"rased-watch/{__version__} (+https://github.com/rased; news monitoring)"
RETRY_STATUS = frozenset((429, 500, 502, 503, 504))
REDIRECTS = frozenset((301, 302, 303, 307, 308))


class FetchError(RasedError):
    """A fetch that gave no usable answer; ``code``: timeout, too_large, redirects, http, robots, network."""

    code = "fetch"

    def __init__(self, message: str, *, code: str = "fetch", status: int | None = None):
        super().__init__(message, code=code)
        self.status = status


@dataclass(slots=True, frozen=True)
class Policy:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # the whole request, body included
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    retries: int = 2  # after the first try
    backoff: float = 0.5  # seconds before the first retry; doubled each time, with ±50% jitter
    max_backoff: float = 30.0
    per_host: int = 2  # requests at once to one host
    host_delay: float = 0.0  # seconds between the starts of two requests to one host
    robots: bool = True
    user_agent: str = USER_AGENT
    http2: bool = True


@dataclass(slots=True, frozen=True)
class Response:
    url: str  # after redirects
    status: int
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    location: str | None = None  # of a redirect
    retry_after: str | None = None  # of a 429 or 503

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class _Host:
    gate: asyncio.Semaphore
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    robots: RobotFileParser | None = None
    robots_loaded: bool = False


class Fetcher:
    """``async with Fetcher(policy) as f: r = await f.get(url, etag=..., last_modified=...)``."""

    def __init__(self, policy: Policy | None = None, *, seed: int | None = None, transport=None):
        self.policy = policy or Policy()
        self._random = random.Random(seed)
        self._hosts: dict[str, _Host] = {}
        p = self.policy
        self._client = httpx.AsyncClient(
            http2=p.http2 and transport is None, follow_redirects=False, transport=transport,
            timeout=httpx.Timeout(connect=p.connect_timeout, read=p.read_timeout, write=p.read_timeout,
                                  pool=p.deadline),
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
            headers={"user-agent": p.user_agent, "accept-encoding": "gzip, deflate, br"},
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        await self._client.aclose()

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(asyncio.Semaphore(self.policy.per_host))
        return host

    async def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The answer to a GET of ``url`` after redirects (a 304 when the validators still hold); ``FetchError``
        when there is none worth reading."""
        seen = {url}
        for _ in range(self.policy.max_redirects + 1):
            await self._check_robots(url)
            r = await self._with_retries(url, etag, last_modified)
            if r.status not in REDIRECTS:
                return r
            location = r.location
            if not location:
                raise FetchError(f"a {r.status} redirect without a Location header", code="redirects", status=r.status)
            url = urljoin(url, location)
            if url in seen:
                raise FetchError(f"a redirect loop (back to {url})", code="redirects", status=r.status)
            seen.add(url)
        raise FetchError(f"more than {self.policy.max_redirects} redirects", code="redirects")

    async def _with_retries(self, url: str, etag: str | None, last_modified: str | None) -> Response:
        p = self.policy
        for attempt in range(p.retries + 1):
            try:
                r = await self._once(url, etag, last_modified)
            except FetchError as err:
                if err.code not in ("timeout", "network") or attempt == p.retries:
                    raise
                await asyncio.sleep(self._pause(attempt))
                continue
            if r.status in RETRY_STATUS and attempt < p.retries:
                await asyncio.sleep(self._pause(attempt, r.retry_after))
                continue
            if r.status >= 400:
                raise FetchError(f"HTTP {r.status}", code="http", status=r.status)
            return r
        raise AssertionError("unreachable")  # pragma: no cover

    def _pause(self, attempt: int, retry_after: str | None = None) -> float:
        p = self.policy
        if retry_after and retry_after.strip().isdigit():
            return min(float(retry_after), p.max_backoff)
        return min(p.backoff * (2 ** attempt) * self._random.uniform(0.5, 1.5), p.max_backoff)

    async def _once(self, url: str, etag: str | None, last_modified: str | None) -> Response:
        headers = {}
        if etag:
            headers["if-none-match"] = etag
        if last_modified:
            headers["if-modified-since"] = last_modified
        host = self._host(url)
        async with host.gate:
            await self._wait_turn(host)
            try:
                async with asyncio.timeout(self.policy.deadline):
                    return await self._read(url, headers)
            except TimeoutError:
                raise FetchError(f"no complete answer within {self.policy.deadline:g} s", code="timeout") from None
            except httpx.TimeoutException as err:
                raise FetchError(f"timed out ({type(err).__name__})", code="timeout") from None
            except httpx.HTTPError as err:
                raise FetchError(f"network error: {type(err).__name__}: {err}", code="network") from None

    async def _wait_turn(self, host: _Host) -> None:
        if self.policy.host_delay <= 0:
            return
        async with host.lock:
            now = time.monotonic()
            wait = host.next_start - now
            host.next_start = max(now, host.next_start) + self.policy.host_delay
        if wait > 0:
            await asyncio.sleep(wait)

    async def _read(self, url: str, headers: dict[str, str]) -> Response:
        limit = self.policy.max_bytes
        async with self._client.stream("GET", url, headers=headers) as r:
            if r.status_code in REDIRECTS:
                return Response(str(r.url), r.status_code, b"", location=r.headers.get("location"))
            if r.status_code in RETRY_STATUS:
                return Response(str(r.url), r.status_code, b"", retry_after=r.headers.get("retry-after"))
            declared = r.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(f"the answer is too large ({int(declared):,} bytes; the limit is {limit:,})",
                                 code="too_large", status=r.status_code)
            chunks, size = [], 0
            async for chunk in r.aiter_bytes():
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"the answer is larger than the limit of {limit:,} bytes", code="too_large",
                                     status=r.status_code)
                chunks.append(chunk)
            return Response(str(r.url), r.status_code, b"".join(chunks), r.headers.get("etag"),
                            r.headers.get("last-modified"), r.headers.get("content-type", ""))

    async def _check_robots(self, url: str) -> None:
        if not self.policy.robots:
            return
        host = self._host(url)
        if not host.robots_loaded:
            async with host.lock:
                if not host.robots_loaded:
                    host.robots = await self._robots(url)
                    host.robots_loaded = True
        if host.robots is not None and not host.robots.can_fetch(self.policy.user_agent, url):
            raise FetchError("robots.txt disallows this address", code="robots")

    async def _robots(self, url: str) -> RobotFileParser | None:
        """The host's robots.txt; None (everything allowed) when it has none or it cannot be read (RFC 9309
        allows all on a 4xx; on 5xx or no answer this fetcher also allows, and the page fetch reports the fault)."""
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            async with asyncio.timeout(min(self.policy.deadline, 15.0)):
                r = await self._client.get(robots_url)
        except (TimeoutError, httpx.HTTPError):
            return None
        if r.status_code != 200 or len(r.content) > 500_000:
            return None
        parser = RobotFileParser(robots_url)
        parser.parse(r.text.splitlines())
        return parser
