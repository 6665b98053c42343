"""Rules of each kind on real ANT articles served by a loopback site: a claim of responsibility (ASSAULT by ISIS,
reported), a threat by Trump against Iran, his quotes, Arabic-aware keywords, an actor, and a mention spike built
from ISIS articles spread over days; alerts carry exact evidence; webhooks and files get each alert once."""
from __future__ import annotations

import dataclasses
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from watch_helpers import source, watch_once
from watch_corpus import articles

from rased.errors import InputError
from rased.store import open_store
from rased.watch.alerts import add_rule, stored
from rased.watch.deliver import JsonLines, Webhook
from rased.watch.rules import Rule, from_dict

pytestmark = pytest.mark.data

RULES = [
    Rule("relation", "claims", relation="ASSAULT", source="grp:isis", modality="reported"),
    Rule("relation", "threats", relation="THREATEN", source="per:trump", target="cty:IRN"),
    Rule("quote", "trump-says", actor="per:trump"),
    Rule("keyword", "amaq", keyword='"وكالة أعماق"'),
    Rule("keyword", "province", keyword="الإقليم"),
    Rule("keyword", "isis-not-amaq", keyword="داعش -أعماق"),
    Rule("actor", "isis", actor="grp:isis"),
]


def _run(server, db, rules, pages, sinks=()):
    with open_store(db) as store:
        for r in rules:
            add_rule(store, r)
    for p in pages:
        server.publish("/news", p)
    watch_once(db, [source(server, "/news.rss", "news")], sinks=sinks)
    with open_store(db) as store:
        return stored(store), store


def _by(alerts):
    out: dict[str, dict[str, object]] = {}
    for a in alerts:
        out.setdefault(a.rule, {})[a.article_id] = a
    return out


def test_each_rule_kind_on_real_articles(server, db):
    a = articles()
    claim, threat, sport = a["claim"][0], a["threat"][0], a["others"][0]
    alerts, _ = _run(server, db, RULES, [sport, threat, claim])
    with open_store(db) as store:
        texts = {art.title: art for art, _ in store.articles()}
    claim_art, threat_art = texts[claim.title], texts[threat.title]
    got = _by(alerts)
    for alert in alerts:  # every evidence span is the exact text of the stored article
        text = (texts[alert.title]).text
        assert alert.evidence and all(text[e.start:e.end] == e.text for e in alert.evidence)
        assert alert.url.endswith("/articles/" + next(p.slug for p in (claim, threat, sport) if p.title == alert.title))
    assert set(got["claims"]) == {claim_art.id}
    assert "مسؤوليته" in got["claims"][claim_art.id].evidence[0].text
    assert set(got["threats"]) == {threat_art.id}
    assert set(got["trump-says"]) == {threat_art.id}
    assert set(got["amaq"]) == {claim_art.id}
    assert [e.text for e in got["amaq"][claim_art.id].evidence] == ["وكالة", "أعماق"]
    assert "بالإقليم" in [e.text for e in got["province"][claim_art.id].evidence]  # a clitic form, by the search keys
    assert "isis-not-amaq" not in got  # the only ISIS article names Amaq
    assert set(got["isis"]) == {claim_art.id}
    assert not any(sport.title == x.title for x in alerts)


def test_a_mention_spike_against_the_trailing_baseline(server, db):
    isis = articles()["isis"]
    days = ["2018-04-01", "2018-04-02", "2018-04-03", "2018-04-04", "2018-04-05"]
    baseline = [dataclasses.replace(p, published=f"{d}T10:00:00+03:00") for p, d in zip(isis[:5], days)]
    spike_day = [dataclasses.replace(p, published=f"2018-04-08T{9 + i:02d}:00:00+03:00") for i, p in enumerate(isis[5:9])]
    rule = Rule("spike", "isis-spike", actor="grp:isis", days=7, factor=3.0, min_count=3)
    alerts, _ = _run(server, db, [rule], baseline)
    assert alerts == []  # one article a day is no spike
    with open_store(db) as store:
        assert all(any(e.actor_id == "grp:isis" for e in art.entities) for art, _ in store.articles())
    seen = []
    for p in spike_day:
        server.publish("/news", p)
        watch_once(db, [source(server, "/news.rss", "news")])
        with open_store(db) as store:
            seen.append([(x.rule, x.key, x.title) for x in stored(store)])
    assert seen[0] == seen[1] == []  # two articles on the day: under min_count
    assert seen[2] == [("isis-spike", "grp:isis@2018-04-08", spike_day[2].title)]  # the third crosses 3 × 5/7
    assert seen[3] == seen[2]  # one alert per actor and day
    with open_store(db) as store:
        assert "3 articles on 2018-04-08" in stored(store)[0].note


class _Receiver:
    """A webhook endpoint on 127.0.0.1: refuses the first POST (500), then keeps every alert it gets."""

    def __init__(self):
        self.got: list[dict] = []
        self.keys: list[str] = []
        self.refused = 0
        outer = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["content-length"]))
                if outer.refused == 0:
                    outer.refused += 1
                    self.send_response(500)
                else:
                    outer.got.append(json.loads(body))
                    outer.keys.append(self.headers["idempotency-key"])
                    self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"


def test_webhook_and_file_get_each_alert_once(server, db, tmp_path):
    a = articles()
    receiver = _Receiver()
    out = tmp_path / "alerts.jsonl"
    sinks = lambda: [JsonLines(str(out)), Webhook(receiver.url, backoff=0.01)]  # noqa: E731
    alerts, _ = _run(server, db, RULES[:2], [a["claim"][0]], sinks=sinks())
    server.publish("/news", a["threat"][0])
    watch_once(db, [source(server, "/news.rss", "news")], sinks=sinks())  # a second watcher: nothing resent
    watch_once(db, [source(server, "/news.rss", "news")], sinks=sinks())
    receiver.httpd.shutdown()
    with open_store(db) as store:
        alerts = stored(store)
    assert [x.rule for x in alerts] == ["claims", "threats"]
    assert receiver.refused == 1  # the first POST failed and was retried
    assert [g["rule"] for g in receiver.got] == ["claims", "threats"] and len(set(receiver.keys)) == 2
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["article_id"] for x in lines] == [x.article_id for x in alerts]
    for x in lines:
        assert {"rule", "article_id", "title", "url", "evidence"} <= set(x)
        assert all(set(e) == {"start", "end", "text"} for e in x["evidence"])


@pytest.mark.parametrize("raw, problem", [
    ({"kind": "relation", "relation": "EXPLODE"}, "relation 'EXPLODE' is not one of"),
    ({"kind": "relation", "relation": "ASSAULT", "modality": "maybe"}, "modality 'maybe'"),
    ({"kind": "actor"}, "needs an actor"),
    ({"kind": "keyword", "keyword": "  "}, "keyword: empty search query"),
    ({"kind": "keyword", "keyword": "داعش OR القاعدة"}, "operators"),
    ({"kind": "spike", "actor": "grp:isis", "days": 0}, "days ≥ 1"),
    ({"kind": "quote", "actor": "per:trump", "role": "against"}, "role 'against'"),
    ({"kind": "weather"}, "kind 'weather'"),
    ({"kind": "actor", "actor": "x", "colour": "red"}, "unknown field 'colour'"),
])
def test_bad_rules_are_refused_with_one_line(raw, problem):
    with pytest.raises(InputError) as err:
        from_dict(raw)
    assert problem in err.value.one_line() and "\n" not in err.value.one_line()
