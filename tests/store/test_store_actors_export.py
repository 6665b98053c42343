"""Actors from entity mentions, and export to JSONL, CSV and Parquet."""
from __future__ import annotations

import csv
import json

import pytest
from store_helpers import entity, make

from rased.errors import InputError
from rased.record import Mention, Quote, Relation
from rased.store.export import export

T1 = "قال وزير الخارجية الأمريكي جون كيري في الرياض إن واشنطن تدعم السعودية."
T2 = "التقى جون كيري نظيره الروسي سيرغي لافروف في جنيف لبحث الأزمة السورية."
T3 = "هاجم تنظيم داعش مواقع الجيش العراقي قرب الموصل."


def _articles():
    e1 = (entity(T1, "جون كيري", "PER", "Q22316"), entity(T1, "الرياض", "GPE", "Q3692"), entity(T1, "واشنطن", "GPE", "Q61"))
    q = Quote(Mention(e1[0].start, e1[0].end, "جون كيري", "Q22316"), "جون كيري", 0, 3, T1.index("واشنطن"), len(T1) - 1, False)
    a1 = make(T1, title="كيري في الرياض", day="2015-03-05", source="spa", entities=e1, quotes=(q,))
    e2 = (entity(T2, "جون كيري", "PER", "Q22316"), entity(T2, "سيرغي لافروف", "PER", "Q10560"))
    a2 = make(T2, day="2015-03-06", source="rt", entities=e2)
    e3 = (entity(T3, "داعش", "ORG", "Q2429253"), entity(T3, "الموصل", "GPE", "Q209842"), entity(T3, "الجيش العراقي", "ORG", None))
    s, t = Mention(e3[0].start, e3[0].end, "داعش", "Q2429253"), Mention(e3[2].start, e3[2].end, "الجيش العراقي", None)
    rel = Relation("ASSAULT", s, t, 0, len(T3), "هاجم", "asserted")
    a3 = make(T3, day="2015-03-07", source="bbc", entities=e3, relations=(rel,))
    a4 = make("خبر بلا كيانات عن الطقس.")  # contributes nothing to actors
    return [a1, a2, a3, a4]


@pytest.fixture
def filled(store):
    for a in _articles():
        store.add(a)
    return store


def test_actors_listing(filled):
    actors = filled.actors()
    assert actors[0].actor_id == "Q22316" and actors[0].articles == 2 and actors[0].name == "جون كيري"
    assert {a.actor_id for a in actors} == {"Q22316", "Q3692", "Q61", "Q10560", "Q2429253", "Q209842"}
    assert {a.actor_id for a in filled.actors(type="ORG")} == {"Q2429253"}
    assert [a.actor_id for a in filled.actors(name="لافروف")] == ["Q10560"]


def test_actor_detail(filled):
    info = filled.actor("Q22316")
    assert (info["type"], info["articles"], info["first_seen"], info["last_seen"]) == ("PER", 2, "2015-03-05", "2015-03-06")
    assert {c["actor_id"] for c in info["co_actors"]} == {"Q3692", "Q61", "Q10560"}
    assert info["quotes"][0]["content"].startswith("واشنطن")
    assert {s["source"] for s in info["sources"]} == {"spa", "rt"}
    isis = filled.actor("Q2429253")
    assert isis["relations"][0]["type"] == "ASSAULT" and isis["relations"][0]["target"] == "الجيش العراقي"
    with pytest.raises(InputError, match="no actor"):
        filled.actor("Q0")


def test_search_by_actor_and_relation_type(filled):
    assert [h.source for h in filled.search("الرياض", actor="Q22316")] == ["spa"]
    assert [h.source for h in filled.search("الموصل", type="ASSAULT")] == ["bbc"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(filled, tmp_path, fmt):
    counts = export(filled, fmt, tmp_path / "out")
    assert counts[f"articles.{fmt}"] == 4 and counts[f"entities.{fmt}"] == 8
    assert counts[f"quotes.{fmt}"] == 1 and counts[f"relations.{fmt}"] == 1
    path = tmp_path / "out" / f"entities.{fmt}"
    if fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        records = (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(records) == 4
    elif fmt == "csv":
        rows = list(csv.DictReader(path.open(encoding="utf-8")))
    else:
        import pyarrow.parquet as pq
        rows = pq.read_table(path).to_pylist()
    arts = {a.id: a for a in _articles()}
    for r in rows:  # every exported span slices the article text to the mention
        a = arts[r["article_id"]]
        assert a.text[int(r["start"]) : int(r["end"])] == r["text"]


def test_export_errors(filled, tmp_path):
    with pytest.raises(InputError):
        export(filled, "xlsx", tmp_path / "o")
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError):
        export(filled, "csv", tmp_path / "file")
