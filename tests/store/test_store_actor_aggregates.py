"""The per-actor aggregates the actor views read (migration 3) equal what a scan of the stored records gives:
written article by article on both backends, and filled by the migration on a store that predates them."""
from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from data_access import need_data

from rased import analyze
from rased.record import Published
from rased.store import Stored, open_store, sql


@pytest.fixture(scope="module")
def real_articles():
    """Real news articles through the whole pipeline, with dates spread over two years, and near-duplicates of
    some of them (one word changed), which the actor views must not count."""
    need_data("corpora", "saudinewsnet")
    from rased import datasets

    out = []
    for i, doc in enumerate(datasets.saudinewsnet(limit=30)):
        a = analyze(doc.text, title=doc.title, source=doc.source, url=doc.url)
        day = f"201{5 + i % 2}-{1 + i % 12:02d}-{1 + i % 27:02d}"
        out.append(dataclasses.replace(a, published=Published(day, "day", "caller", day)))
    for a in out[:4]:
        words = a.text.split(" ")
        words[len(words) // 2] = "كلمة"
        text = " ".join(words)
        out.append(analyze(text, title=a.title, source=a.source + "-copy", url=a.url + "?copy"))
    return out


def _expected(store) -> dict[str, dict]:
    """Per actor, from the stored records (non-duplicates only): what the aggregates must hold."""
    per: dict[str, dict] = {}
    for art, info in store.articles(duplicates=False):
        seen = Counter(e.actor_id for e in art.entities or () if e.actor_id)
        for aid, c in seen.items():
            x = per.setdefault(aid, {"articles": 0, "mentions": 0, "names": Counter(), "sources": Counter(),
                                     "days": Counter(), "co": Counter(), "about": 0,
                                     "by": 0, "relations": 0})
            x["articles"] += 1
            x["mentions"] += c
            x["names"].update(e.text for e in art.entities if e.actor_id == aid)
            x["sources"][art.source or ""] += 1
            if art.published:
                x["days"][art.published.value[:10]] += 1
            x["co"].update(o for o in seen if o != aid)
            x["relations"] += sum(1 for r in art.relations or ()
                                  if aid in (r.source and r.source.actor_id, r.target and r.target.actor_id))
            for q in art.quotes or ():
                if q.speaker is not None and q.speaker.actor_id == aid:
                    x["by"] += 1
                    continue
                if any(e.actor_id == aid and q.content_start <= e.start and e.end <= q.content_end
                       for e in art.entities):
                    x["about"] += 1
    return per


def _check(store) -> int:
    expected = _expected(store)
    assert expected, "the articles link no actor: the test would check nothing"
    listed = {a.actor_id: a for a in store.actors(limit=1000)}
    assert set(listed) == set(expected)
    for aid, want in expected.items():
        info = store.actor(aid, limit=1000)
        assert (info["articles"], info["mentions"]) == (want["articles"], want["mentions"]), aid
        assert (listed[aid].articles, listed[aid].mentions) == (want["articles"], want["mentions"])
        assert {n["text"]: n["count"] for n in info["names"]} == dict(want["names"])
        assert {s["source"]: s["articles"] for s in info["sources"]} == dict(want["sources"])
        assert {t["day"]: t["articles"] for t in info["timeline"]} == dict(want["days"])
        assert {c["actor_id"]: c["articles"] for c in info["co_actors"]} == dict(want["co"])
        assert len(info["quotes_about"]) == want["about"]
        assert len(info["quotes"]) == want["by"] and len(info["relations"]) == want["relations"]
        days = [a["day"] or "" for a in info["recent_articles"]]
        assert days == sorted(days, reverse=True) and len(days) == want["articles"]
        assert (info["first_seen"], info["last_seen"]) == (min(want["days"], default=None), max(want["days"], default=None))
    # the articles exercise every part (quotes by and about, relations), or the equalities above prove little
    assert all(sum(x[k] for x in expected.values()) for k in ("about", "by", "relations"))
    return len(expected)


def test_aggregates_written_with_each_article_equal_a_scan(store, real_articles):
    result = store.put([Stored(a, f"t:{i}", a.id) for i, a in enumerate(real_articles)])
    assert result.duplicates >= 3  # the near-copies are folded, so they must not count below
    assert _check(store) >= 20


def test_migration_fills_aggregates_of_an_older_store(store_url, real_articles, monkeypatch):
    """A store written before migration 3 (aggregates not kept) gets them filled when it is opened."""
    before = [(v, m) for v, m in sql.steps() if v < 3]
    monkeypatch.setattr(sql, "steps", lambda: before)
    monkeypatch.setattr(sql.actor_views, "add", lambda *a, **k: None)
    monkeypatch.setattr(sql.search, "add_facets", lambda *a, **k: None)  # no such table before m0007
    monkeypatch.setattr(sql.user_registry, "put_ner", lambda *a, **k: None)  # NER spans came with migration 5
    with open_store(store_url) as old:
        assert old.schema_version() == 2
        old.put([Stored(a, f"t:{i}", a.id) for i, a in enumerate(real_articles)])
    monkeypatch.undo()
    with open_store(store_url) as upgraded:
        assert upgraded.schema_version() >= 3
        assert _check(upgraded) >= 20
        # and later articles keep them up to date
        extra = analyze("قال الرئيس الأمريكي باراك أوباما في واشنطن إن تنظيم داعش يخسر مواقعه في العراق.",
                        source="extra")
        upgraded.add(extra)
        assert _check(upgraded) >= 20
