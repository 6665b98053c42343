"""Crash safety: `rased watch` SIGKILLed at random moments (5 times, each while it is storing articles) and
restarted ends with the same store and the same alerts as an uninterrupted run: none lost, none doubled."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from watch_helpers import source, watch_once
from test_watch_rules import RULES
from watch_corpus import articles

from rased.store import open_store
from rased.watch.alerts import add_rule, stored

pytestmark = [pytest.mark.data, pytest.mark.slow]
SRC = str(Path(__file__).resolve().parents[2] / "src")
KILLS = 5


def _pages():
    a = articles()
    return [a["claim"][0], a["threat"][0], *a["others"], *a["isis"][:4]]


def _snapshot(db: str) -> dict:
    with open_store(db) as store:
        arts = sorted((art.id, art.title, art.url) for art, _ in store.articles())
        items = sorted(store._all("SELECT url, state, article_id, attempts FROM watch_items"))
        alerts = sorted((x.rule, x.key, x.article_id, tuple((e.start, e.end, e.text) for e in x.evidence))
                        for x in stored(store))
        assert store.index_count() == len(arts)  # the search index has every article, once
        assert store.stats()["inputs"] == len(arts) and not store.failures()
        return {"articles": arts, "items": items, "alerts": alerts}


def _stored_items(db: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as c:
            return c.execute("SELECT count(*) FROM watch_items").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def _watch(sources_file: Path, db: str, out: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.Popen(
        [sys.executable, "-m", "rased", "watch", "--sources", str(sources_file), "--db", db, "--alerts-out", str(out),
         "--quiet", "--timeout", "2", *extra], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_killed_watcher_ends_like_an_uninterrupted_one(server, tmp_path):
    pages = _pages()
    for p in reversed(pages):
        server.publish("/news", p)
    ref_db, db = str(tmp_path / "ref.db"), str(tmp_path / "crash.db")
    for path in (ref_db, db):
        with open_store(path) as store:
            for r in RULES:
                add_rule(store, r)
    watch_once(ref_db, [source(server, "/news.rss", "news", interval=0.2)])
    reference = _snapshot(ref_db)
    assert len(reference["articles"]) == len(pages) and len(reference["alerts"]) >= 6

    sources_file = tmp_path / "sources.toml"
    sources_file.write_text(f'[[sources]]\nurl = "{server.url("/news.rss")}"\nname = "news"\ninterval = 0.2\n',
                            encoding="utf-8")
    out = tmp_path / "alerts.jsonl"
    rng = random.Random(15)
    kills = []
    for _ in range(KILLS):
        before = _stored_items(db)
        assert before < len(pages), "the watcher finished before it could be killed"
        proc = _watch(sources_file, db, out)
        deadline = time.monotonic() + 60
        while _stored_items(db) <= before and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.15))  # a random moment inside the run of stores
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills.append(_stored_items(db) - before)
    proc = _watch(sources_file, db, out, "--once")
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    assert _snapshot(db) == reference, kills
    delivered = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    keys = {(d["rule"], d["key"]) for d in delivered}
    assert keys == {(r, k) for r, k, *_ in reference["alerts"]}  # none lost (a kill between write and record may repeat one)
    assert len(delivered) - len(keys) <= KILLS
