"""The watcher's tables on both backends: rules, idempotent alerts, items, deliveries and source health."""
from __future__ import annotations

from rased.store import watch_tables
from rased.watch.alerts import Alert, Evidence, add_rule, load_rules, record, remove_rule, stored
from rased.watch.rules import Rule


def _alert(rule: str, key: str) -> Alert:
    return Alert(rule, "actor", key, key, "عنوان", "http://127.0.0.1/a", "src", None,
                 (Evidence(0, 4, "داعش"),), "2018-01-01T00:00:00.000+00:00")


def test_watch_tables(store):
    add_rule(store, Rule("actor", actor="grp:isis"))
    add_rule(store, Rule("keyword", "k", keyword="الموصل"))
    assert [r.id for r in load_rules(store)] == ["actor:grp:isis", "k"]
    with store.transaction():
        first = record(store, [_alert("k", "a1"), _alert("k", "a2")])
        again = record(store, [_alert("k", "a1")])  # the same (rule, key): no second alert
    assert [a.n for a in first] == [1, 2] and again == []
    assert [(a.rule, a.key, a.evidence[0].text) for a in stored(store)] == [("k", "a1", "داعش"), ("k", "a2", "داعش")]
    assert [a.key for a in stored(store, after=1)] == ["a2"]
    with store.transaction():
        watch_tables.delivered(store, 1, "stdout", at="t")
    assert [n for n, _ in watch_tables.undelivered(store, "stdout")] == [2]
    with store.transaction():
        watch_tables.ensure_source(store, "http://127.0.0.1/f", "f", "feed")
        watch_tables.failed(store, "http://127.0.0.1/f", at="t1", status=500, error="HTTP 500", next_due=1.0)
        watch_tables.failed(store, "http://127.0.0.1/f", at="t2", status=500, error="HTTP 500", next_due=2.0)
        watch_tables.mark_item(store, "http://127.0.0.1/a", "http://127.0.0.1/f", "failed", at="t", reason="x")
        watch_tables.mark_item(store, "http://127.0.0.1/a", "http://127.0.0.1/f", "stored", at="t", article_id="a1")
    s = watch_tables.source(store, "http://127.0.0.1/f")
    assert (s["failures"], s["last_error"], s["last_success"]) == (2, "HTTP 500", None)
    with store.transaction():
        watch_tables.fetched(store, "http://127.0.0.1/f", at="t3", status=200, next_due=3.0, etag='"e"', items=1)
    s = watch_tables.source(store, "http://127.0.0.1/f")
    assert (s["failures"], s["etag"], s["last_success"], s["last_error"]) == (0, '"e"', "t3", "HTTP 500")
    assert watch_tables.item_states(store, ["http://127.0.0.1/a", "http://x"]) == {"http://127.0.0.1/a": ("stored", 2)}
    assert remove_rule(store, "k") and not remove_rule(store, "k")
