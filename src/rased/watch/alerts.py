"""Alerts: a rule that fired on a new article, with the article and the exact words it fired on.

``derive`` runs inside the transaction that stores the article, so an article and its alerts are committed
together; ``record`` writes them with a unique (rule, key) key (the article for article rules, actor and day
for a spike), so deriving twice never gives two alerts. Each alert names the rule that made it.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta, timezone

from ..record import Article
from ..store import watch_tables
from .rules import Rule, match

SCHEMA = "rased.alert/1"


@dataclass(slots=True, frozen=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(slots=True, frozen=True)
class Alert:
    rule: str  # the rule's id
    rule_kind: str
    key: str
    article_id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    evidence: tuple[Evidence, ...]
    at: str = ""  # when it was made
    note: str | None = None  # a spike's counts
    n: int | None = None  # its number in the store

    def to_dict(self) -> dict:
        d = asdict(self)
        d["evidence"] = [asdict(e) for e in self.evidence]
        d["schema"] = SCHEMA
        return d

    @staticmethod
    def from_json(n: int, record: str) -> Alert:
        d = json.loads(record)
        d.pop("schema", None)
        d["evidence"] = tuple(Evidence(**e) for e in d["evidence"])
        d["n"] = n
        return Alert(**d)


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def article_day(article: Article, fetched_day: str) -> str:
    """The day an article counts for: its publication day, else the day it was fetched."""
    value = article.published.value if article.published else None
    return value[:10] if value and len(value) >= 10 and value[4] == "-" else fetched_day


def _alert(rule: Rule, article: Article, key: str, spans, note: str | None = None) -> Alert:
    ev = tuple(Evidence(s, e, article.text[s:e]) for s, e in spans)
    published = article.published.value if article.published else None
    return Alert(rule.id, rule.kind, key, article.id, article.title, article.url, article.source, published, ev,
                 now(), note)


def _spike(store, rule: Rule, article: Article, spans, day: str) -> Alert | None:
    first = (date.fromisoformat(day) - timedelta(days=rule.days)).isoformat()
    counts = watch_tables.actor_days(store, rule.actor or "", first, day)
    today = counts.get(day, 0)
    baseline = sum(c for d, c in counts.items() if d < day) / rule.days
    if today < rule.min_count or today <= rule.factor * baseline:
        return None
    note = f"{today} articles on {day}; {baseline:.2f} a day over the {rule.days} days before"
    return _alert(rule, article, f"{rule.actor}@{day}", spans, note)


def derive(store, rules: list[Rule], article: Article, *, fetched_day: str) -> list[Alert]:
    """The alerts ``rules`` give for ``article``, just stored (not a near-duplicate) in the open transaction."""
    out = []
    for rule in rules:
        spans = match(rule, article)
        if not spans:
            continue
        if rule.kind == "spike":
            try:
                alert = _spike(store, rule, article, spans, article_day(article, fetched_day))
            except ValueError:  # a publication day that is no calendar day
                alert = None
            if alert is not None:
                out.append(alert)
        else:
            out.append(_alert(rule, article, article.id, spans))
    return out


def record(store, alerts: list[Alert]) -> list[Alert]:
    """Store the alerts (in the caller's transaction); the new ones, numbered."""
    out = []
    for a in alerts:
        n = watch_tables.put_alert(store, a.rule, a.key, a.article_id, json.dumps(a.to_dict(), ensure_ascii=False),
                                   at=a.at)
        if n is not None:
            out.append(Alert(**{**_fields(a), "n": n}))
    return out


def _fields(a: Alert) -> dict:
    return {k: getattr(a, k) for k in Alert.__dataclass_fields__}


def stored(store, *, after: int = 0, since: str | None = None, rule: str | None = None,
           limit: int = 1000) -> list[Alert]:
    return [Alert.from_json(n, r) for n, r in watch_tables.alerts(store, after=after, since=since, rule=rule,
                                                                    limit=limit)]


def load_rules(store) -> list[Rule]:
    from .rules import from_dict

    out = []
    for rule_id, _kind, spec, _at in watch_tables.rules(store):
        out.append(from_dict({**json.loads(spec), "id": rule_id}, f"stored rule {rule_id}"))
    return out


def add_rule(store, rule: Rule) -> Rule:
    """Store a rule (validated, its id derived when not given); InputError when its id is taken."""
    from ..errors import InputError

    problems = rule.validate()
    if problems:
        raise InputError(problems[0], code="rule")
    rule = rule.with_id()
    with store.transaction():
        if not watch_tables.put_rule(store, rule.id, rule.kind, rule.spec(), at=now()):
            raise InputError(f"a rule with the id {rule.id!r} exists already", code="rule",
                             hint="give another --name, or `rased rules rm ID` first")
    return rule


def remove_rule(store, rule_id: str) -> bool:
    with store.transaction():
        return watch_tables.delete_rule(store, rule_id)
