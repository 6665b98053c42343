"""The seed article's actors, linked by the real pipeline (shipped NER model + registry + linking rules)."""
from __future__ import annotations

import pytest

from rased import analyze
from rased.arabic import wordfreq
from rased.arabic.normalize import key


@pytest.fixture(scope="module")
def entities(seed_bytes):
    return analyze(seed_bytes).entities


def linked(entities, actor_id):
    return [e.text for e in entities if e.actor_id == actor_id]


@pytest.mark.parametrize(
    "actor_id, surface",
    [
        ("grp:isis", "داعش"),
        ("grp:al-qaeda", "القاعدة"),
        ("loc:mosul", "الموصل"),
        ("cty:IRQ", "العراق"),
        ("cty:SYR", "سوريا"),
        ("per:iyad-allawi", "إياد علاوي"),
        ("per:abu-bakr-al-baghdadi", "البغدادي"),
        ("per:zawahiri", "الظواهري"),
        ("per:alan-henning", "آلان هينينغ"),
        ("grp:nusra", "جبهة النصرة"),
        ("loc:california", "كاليفورنيا"),
        ("loc:wtc", "مركز التجارة العالمي"),
        ("mil:irq", "القوات العراقية"),
    ],
)
def test_actor_is_linked(entities, actor_id, surface):
    assert any(surface in text for text in linked(entities, actor_id)), (actor_id, linked(entities, actor_id))


def test_gadahn_under_all_three_names(entities):
    names = linked(entities, "per:gadahn")
    assert any("بيرلمان" in n for n in names)
    assert "عزام الأميركي" in names
    assert "أبوعزام الأميركي" in names


def test_actor_record_is_attached(entities):
    isis = next(e for e in entities if e.actor_id == "grp:isis")
    assert isis.actor.name_en and isis.actor.kind == "group"
    assert isis.cluster == "grp:isis"


def test_nationality_adjectives(entities):
    assert any(e.type == "NAT" and e.actor_id == "cty:IRQ" for e in entities)


def test_no_entity_on_a_function_word(entities):
    stop = {key(w) for w in wordfreq.stopwords()}
    assert not [e.text for e in entities if key(e.text) in stop]


def test_spans_slice_to_their_text(seed_bytes, entities):
    text = analyze(seed_bytes).text
    for e in entities:
        assert text[e.start : e.end] == e.text
