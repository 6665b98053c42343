"""Delivery of alerts: JSON lines (stdout or a file) and webhooks (a POST of the alert's JSON, retried).

Each target has a name (``stdout``, ``file:PATH``, ``webhook:URL``); the store records which alert went to
which target, so a restarted watcher sends each alert once. A webhook gets the header ``Idempotency-Key``
(the alert's number and rule), so a receiver can also tell a resend after a crash between the POST and its
record. A target that fails keeps its alerts for the next round.
"""
from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx

from ..store import watch_tables
from .alerts import Alert, now


class JsonLines:
    def __init__(self, target: str = "-"):
        self.target = target
        self.name = "stdout" if target == "-" else f"file:{Path(target).resolve()}"

    def send(self, alerts: list[Alert]) -> None:
        lines = "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in alerts)
        if self.target == "-":
            out: IO[str] = sys.stdout
            out.write(lines)
            out.flush()
            return
        with open(self.target, "a", encoding="utf-8") as f:
            f.write(lines)
            f.flush()

    def close(self) -> None:
        pass


@dataclass
class Webhook:
    url: str
    retries: int = 3
    timeout: float = 10.0
    backoff: float = 0.5
    _client: httpx.Client | None = field(default=None, repr=False)
    _random: random.Random = field(default_factory=random.Random, repr=False)

    @property
    def name(self) -> str:
        return f"webhook:{self.url}"

    def send(self, alerts: list[Alert]) -> None:
        if self._client is None:
            self._client = httpx.Client(timeout=self.timeout, follow_redirects=False)
        for a in alerts:
            self._post(a)

    def _post(self, a: Alert) -> None:
        headers = {"idempotency-key": f"{a.n}:{a.rule}:{a.key}", "content-type": "application/json"}
        body = json.dumps(a.to_dict(), ensure_ascii=False).encode("utf-8")
        for attempt in range(self.retries + 1):
            try:
                r = self._client.post(self.url, content=body, headers=headers)
                if r.status_code < 300:
                    return
                why = f"HTTP {r.status_code}"
                if r.status_code < 500 and r.status_code != 429:
                    break
            except httpx.HTTPError as err:
                why = f"{type(err).__name__}: {err}"
            if attempt < self.retries:
                time.sleep(self.backoff * 2 ** attempt * self._random.uniform(0.5, 1.5))
        raise DeliveryError(f"the webhook {self.url} refused alert {a.n}: {why}")

    def close(self) -> None:
        if self._client is not None:
            self._client.close()


class DeliveryError(Exception):
    pass


def pending(store, sinks, *, on_error=None) -> int:
    """Send every alert a target has not had yet; returns how many went out. A failing target stops at its
    first refused alert (``on_error(sink, message)``) and keeps the rest for later."""
    sent = 0
    for sink in sinks:
        for n, record in watch_tables.undelivered(store, sink.name):
            alert = Alert.from_json(n, record)
            try:
                sink.send([alert])
            except (DeliveryError, OSError) as err:
                if on_error:
                    on_error(sink, str(err))
                break
            with store.transaction():
                watch_tables.delivered(store, n, sink.name, at=now())
            sent += 1
    return sent
