"""Alerts and rules in the explorer: the JSON API (in the OpenAPI schema), the alerts page, the rule form of a
writable explorer (refused when read-only), and the article page with an alert's sentence highlighted."""
from __future__ import annotations

import pytest
from watch_helpers import source, watch_once
from fastapi.testclient import TestClient
from test_watch_rules import RULES
from watch_corpus import articles

from rased.store import open_store
from rased.watch.alerts import add_rule
from rased.web import create_app

pytestmark = pytest.mark.data


@pytest.fixture
def watched(server, db):
    with open_store(db) as store:
        for r in RULES[:2]:
            add_rule(store, r)
    a = articles()
    for p in (a["claim"][0], a["threat"][0], a["others"][0]):
        server.publish("/news", p)
    watch_once(db, [source(server, "/news.rss", "news")])
    return db


def test_api_and_pages(watched):
    with TestClient(create_app(watched)) as client:
        schema = client.get("/api/openapi.json").json()
        for path in ("/api/alerts", "/api/alerts/stream", "/api/rules", "/api/rules/{rule_id}", "/api/watch/status"):
            assert path in schema["paths"], path
        got = client.get("/api/alerts").json()
        assert sorted(a["rule"] for a in got["alerts"]) == ["claims", "threats"]
        assert got["last"] == max(a["n"] for a in got["alerts"])
        claim = next(a for a in got["alerts"] if a["rule"] == "claims")
        assert client.get("/api/alerts", params={"rule": "claims"}).json()["alerts"] == [claim]
        assert client.get("/api/alerts", params={"after": got["last"]}).json()["alerts"] == []
        assert [r["id"] for r in client.get("/api/rules").json()["rules"]] == ["claims", "threats"]
        status = client.get("/api/watch/status").json()
        assert status["items"] == {"stored": 3} and status["sources"][0]["failures"] == 0

        page = client.get("/alerts")
        assert page.status_code == 200 and 'data-stream="/api/alerts/stream?after=' in page.text
        assert claim["title"] in page.text and claim["link"] in page.text.replace("&amp;", "&")
        assert "rule-form" not in page.text  # read-only: no form
        assert client.post("/api/rules", json={"kind": "actor", "actor": "grp:isis"}).status_code == 403
        assert client.delete("/api/rules/claims").status_code == 403

        article = client.get(claim["link"].split("#")[0])
        assert article.status_code == 200
        marked = article.text.split('class="m m-alert')[1].split("</p>")[0]
        ev = claim["evidence"][0]["text"]
        assert 'id="hl"' in article.text and ev.split()[0] in marked
        assert client.get(f"/articles/{claim['article_id']}?hl=abc").status_code == 422


def test_rules_from_the_explorer(watched):
    with TestClient(create_app(watched, read_only=False)) as client:
        assert "rule-form" in client.get("/alerts").text
        added = client.post("/api/rules", json={"kind": "actor", "actor": "الدولة الإسلامية"})
        assert added.status_code == 200 and added.json()["actor"] == "grp:isis"  # a name becomes the id
        bad = client.post("/api/rules", json={"kind": "relation", "relation": "EXPLODE"})
        assert bad.status_code == 400 and "EXPLODE" in bad.json()["message"]
        form = client.post("/alerts/rules", data={"kind": "keyword", "keyword": '"وكالة أعماق"', "name": "amaq"},
                           follow_redirects=False)
        assert form.status_code == 303
        refused = client.post("/alerts/rules", data={"kind": "keyword", "keyword": "داعش OR"})
        assert refused.status_code == 400 and "operators" in refused.text
        assert [r["id"] for r in client.get("/api/rules").json()["rules"]] == ["claims", "threats", "actor:grp:isis", "amaq"]
        assert client.delete("/api/rules/amaq").json() == {"removed": "amaq"}
        assert client.delete("/api/rules/amaq").status_code == 400
