"""The store's share of ``rased watch`` (``m0008_watch``): source state and health, the items taken in, rules,
alerts and their deliveries. The store passes itself in; each statement runs in the caller's transaction."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .sql import SQLStore

SOURCE_COLUMNS = (
    "url", "name", "kind", "etag", "last_modified", "next_due", "checked_at", "last_status", "last_success",
    "last_error", "last_error_at", "failures", "fetches", "not_modified", "items",
)


# ------------------------------------------------------------------------------------------------ sources

def ensure_source(store: SQLStore, url: str, name: str, kind: str) -> None:
    store._execute(
        "INSERT INTO watch_sources (url, name, kind) VALUES (?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET name = excluded.name, kind = excluded.kind",
        (url, name, kind),
    )


def source(store: SQLStore, url: str) -> dict[str, Any] | None:
    rows = store._all(f"SELECT {', '.join(SOURCE_COLUMNS)} FROM watch_sources WHERE url = ?", (url,))
    return dict(zip(SOURCE_COLUMNS, rows[0])) if rows else None


def sources(store: SQLStore) -> list[dict[str, Any]]:
    rows = store._all(f"SELECT {', '.join(SOURCE_COLUMNS)} FROM watch_sources ORDER BY name, url")
    return [dict(zip(SOURCE_COLUMNS, r)) for r in rows]


def fetched(store: SQLStore, url: str, *, at: str, status: int | None, next_due: float, etag: str | None = None,
            last_modified: str | None = None, not_modified: bool = False, items: int = 0) -> None:
    """A successful fetch (an answer, 304 included): validators, schedule and health."""
    store._execute(
        "UPDATE watch_sources SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),"
        " next_due = ?, checked_at = ?, last_status = ?, last_success = ?, failures = 0, fetches = fetches + 1,"
        " not_modified = not_modified + ?, items = items + ? WHERE url = ?",
        (etag, last_modified, next_due, at, status, at, int(not_modified), items, url),
    )


def failed(store: SQLStore, url: str, *, at: str, status: int | None, error: str, next_due: float) -> None:
    store._execute(
        "UPDATE watch_sources SET next_due = ?, checked_at = ?, last_status = ?, last_error = ?, last_error_at = ?,"
        " failures = failures + 1, fetches = fetches + 1 WHERE url = ?",
        (next_due, at, status, error.replace("\x00", "")[:500], at, url),
    )


# ------------------------------------------------------------------------------------------------ items

def item_states(store: SQLStore, urls: Sequence[str]) -> dict[str, tuple[str, int]]:
    """``url → (state, attempts)`` of the items among ``urls`` already recorded."""
    out: dict[str, tuple[str, int]] = {}
    urls = list(dict.fromkeys(urls))
    for i in range(0, len(urls), 500):
        part = urls[i : i + 500]
        marks = ", ".join("?" for _ in part)
        for url, state, attempts in store._all(
            f"SELECT url, state, attempts FROM watch_items WHERE url IN ({marks})", part
        ):
            out[url] = (state, int(attempts))
    return out


def mark_item(store: SQLStore, url: str, source_url: str, state: str, *, at: str, article_id: str | None = None,
              reason: str | None = None) -> None:
    store._execute(
        "INSERT INTO watch_items (url, source, state, article_id, attempts, reason, at) VALUES (?, ?, ?, ?, 1, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET state = excluded.state, article_id = excluded.article_id,"
        " attempts = watch_items.attempts + 1, reason = excluded.reason, at = excluded.at",
        (url, source_url, state, article_id, None if reason is None else reason[:500], at),
    )


def item_counts(store: SQLStore) -> dict[str, int]:
    return {state: int(n) for state, n in store._all("SELECT state, count(*) FROM watch_items GROUP BY state")}


# ------------------------------------------------------------------------------------------------ rules

def put_rule(store: SQLStore, rule_id: str, kind: str, spec: str, *, at: str) -> bool:
    """Add a rule; False when a rule with this id exists already (it is left as it is)."""
    row = store._execute(
        "INSERT INTO watch_rules (id, kind, spec, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"
        " RETURNING id",
        (rule_id, kind, spec, at),
    ).fetchone()
    return row is not None


def rules(store: SQLStore) -> list[tuple[str, str, str, str]]:
    """``(id, kind, spec JSON, created_at)`` of every rule, oldest first."""
    return store._all("SELECT id, kind, spec, created_at FROM watch_rules ORDER BY created_at, id")


def delete_rule(store: SQLStore, rule_id: str) -> bool:
    return store._execute("DELETE FROM watch_rules WHERE id = ? RETURNING id", (rule_id,)).fetchone() is not None


# ------------------------------------------------------------------------------------------------ alerts

def put_alert(store: SQLStore, rule_id: str, key: str, article_id: str, record: str, *, at: str) -> int | None:
    """Insert an alert; its number, or None when the rule already alerted on this key."""
    row = store._execute(
        "INSERT INTO watch_alerts (rule_id, key, article_id, created_at, record) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (rule_id, key) DO NOTHING RETURNING n",
        (rule_id, key, article_id, at, record),
    ).fetchone()
    return None if row is None else int(row[0])


def alerts(store: SQLStore, *, after: int = 0, since: str | None = None, rule: str | None = None,
           limit: int = 1000) -> list[tuple[int, str]]:
    """``(n, record JSON)`` of the alerts numbered above ``after`` (made at or after ``since``), oldest first."""
    where, params = ["n > ?"], [after]
    if since:
        where.append("created_at >= ?")
        params.append(since)
    if rule:
        where.append("rule_id = ?")
        params.append(rule)
    return store._all(f"SELECT n, record FROM watch_alerts WHERE {' AND '.join(where)} ORDER BY n LIMIT ?",
                      [*params, limit])


def alert_count(store: SQLStore) -> int:
    return int(store._one("SELECT count(*) FROM watch_alerts"))


def undelivered(store: SQLStore, target: str, *, limit: int = 500) -> list[tuple[int, str]]:
    return store._all(
        "SELECT a.n, a.record FROM watch_alerts a WHERE NOT EXISTS"
        " (SELECT 1 FROM watch_deliveries d WHERE d.alert_n = a.n AND d.target = ?) ORDER BY a.n LIMIT ?",
        (target, limit),
    )


def delivered(store: SQLStore, n: int, target: str, *, at: str) -> None:
    store._execute(
        "INSERT INTO watch_deliveries (alert_n, target, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", (n, target, at)
    )


def skip_delivered(store: SQLStore, target: str, *, at: str) -> int:
    """Mark every alert as delivered to ``target`` (a new target starts with the alerts made from now on)."""
    rows = undelivered(store, target, limit=1_000_000)
    store._executemany("INSERT INTO watch_deliveries (alert_n, target, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                       [(n, target, at) for n, _ in rows])
    return len(rows)


# ------------------------------------------------------------------------------------------------ mentions by day

def actor_days(store: SQLStore, actor_id: str, first_day: str, last_day: str) -> dict[str, int]:
    """Articles (near-duplicates left out) mentioning the actor, by day, from ``first_day`` to ``last_day``."""
    rows = store._all(
        "SELECT day, count(*) FROM actor_articles WHERE actor_id = ? AND day >= ? AND day <= ? GROUP BY day",
        (actor_id, first_day, last_day),
    )
    return {d: int(c) for d, c in rows}
