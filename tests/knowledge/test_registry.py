"""The shipped actor registry loads, validates and meets its size floors."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rased.knowledge.registry import KINDS, Actor, Registry, Surface

FLOORS = {"country": 250, "place": 400, "group": 200, "person": 400}


@pytest.fixture(scope="module")
def reg() -> Registry:
    return Registry.load()


def test_loads_and_is_cached(reg):
    assert Registry.load() is reg
    assert len(reg) >= 1500
    assert all(isinstance(a, Actor) for a in reg)


def test_validate_has_no_problems(reg):
    assert reg.validate() == []


@pytest.mark.parametrize("kind,floor", sorted(FLOORS.items()))
def test_floors_per_kind(reg, kind, floor):
    assert len(reg.by_kind(kind)) >= floor


def test_every_actor_has_names_and_a_known_kind(reg):
    for a in reg:
        assert a.name_ar and a.name_en, a.id
        assert a.kind in KINDS, a.id


def test_organisation_kinds_present(reg):
    counts = reg.counts()
    for kind in ("government", "military", "agency", "international", "media"):
        assert counts.get(kind, 0) > 0, kind


def test_actor_records_are_frozen(reg):
    a = reg.get("grp:isis")
    with pytest.raises(AttributeError):
        a.name_en = "x"  # type: ignore[misc]


@pytest.mark.parametrize("actor_id,name_en", [
    ("grp:isis", "Islamic State"),
    ("grp:al-qaeda", "al-Qaeda"),
    ("loc:mosul", "Mosul"),
    ("cty:IRQ", "Iraq"),
    ("per:gadahn", "Adam Gadahn"),
    ("per:iyad-allawi", "Iyad Allawi"),
    ("per:alan-henning", "Alan Henning"),
    ("mil:irq", "Iraqi Armed Forces"),
    ("int:un", "United Nations"),
    ("loc:wtc", "World Trade Center"),
])
def test_key_actors(reg, actor_id, name_en):
    assert reg[actor_id].name_en == name_en


def test_country_fields(reg):
    iraq = reg.country("IRQ")
    assert iraq is reg.country("IQ")
    assert (iraq.iso2, iraq.iso3, iraq.type) == ("IQ", "IRQ", "LOC")
    assert {"العراقي", "العراقية", "العراقيون"} <= set(iraq.nisba_ar)


def test_names_flags_nisba(reg):
    names = reg.names("cty:IRQ")
    assert names[0] == Surface("العراق", False)
    assert Surface("العراقيين", True) in names
    assert all(isinstance(s, Surface) for s in names)


def test_lookup_uses_matching_keys(reg):
    assert [a.id for a in reg.lookup("الانبار")] == ["loc:anbar"]
    assert "grp:isis" in [a.id for a in reg.lookup("داعش")]
    assert "grp:houthis" in [a.id for a in reg.lookup("أنصار الله")]
    ids = {a.id for a in reg.lookup("طرابلس")}
    assert {"loc:tripoli", "loc:tripoli-lb"} <= ids


def test_aliases_of_gadahn(reg):
    names = {s.text for s in reg.names("per:gadahn")}
    assert {"آدم بيرلمان", "عزام الأميركي", "أبو عزام الأميركي", "أبوعزام الأميركي", "عزام الأمريكي"} <= names
    assert reg["per:gadahn"].wikidata is None or reg["per:gadahn"].wikidata.startswith("Q")


def test_dated_roles(reg):
    allawi = reg["per:iyad-allawi"]
    titles = {(r.title, r.org) for r in allawi.roles}
    assert ("prime-minister", "gov:irq") in titles
    assert ("vice-president", "gov:irq") in titles


def test_parent_links(reg):
    assert reg["gov:irq-mod"].parent == "gov:irq"
    assert reg[reg["mil:irq"].parent].kind == "government"


def test_validate_catches_problems():
    bad = Registry([
        {"id": "grp:a", "kind": "group", "type": "ORG", "name_ar": "أ", "name_en": "A", "wikidata": "X1"},
        {"id": "grp:b", "kind": "gang", "type": "ORG", "name_ar": "ب", "name_en": "B", "parent": "grp:zzz"},
        {"id": "per:c", "kind": "person", "type": "ORG", "name_ar": "ج", "name_en": "C"},
        {"id": "grp:a", "kind": "group", "type": "ORG", "name_ar": "أ", "name_en": "A"},
        {"id": "per:d", "kind": "person", "type": "PER", "name_ar": "", "name_en": "D"},
    ])
    problems = "\n".join(bad.validate())
    for expected in ("duplicate id grp:a", "bad wikidata id 'X1'", "unknown kind 'gang'", "unknown parent 'grp:zzz'",
                     "should have type PER", "per:d: missing name_ar"):
        assert expected in problems


def test_shipped_files_are_reproducible():
    """Re-running the build over the shared data gives the shipped files byte for byte."""
    from rased.training import build_registry as br

    data = br._data_dir(os.environ.get("RASED_DATA"))
    if not (data / br.MLEDOZE).exists():
        pytest.skip(f"shared data not found ({br.MLEDOZE}); set RASED_DATA to run this check")
    built = br.build(data)
    for part, records in built.items():
        shipped = (br.ACTORS_DIR / f"{part}.jsonl").read_text(encoding="utf-8")
        assert shipped == br.render(records), f"{part}.jsonl is stale: run python -m rased.training.build_registry"


def test_curated_files_are_valid_json():
    from rased.training.build_registry import ACTORS_DIR

    for path in Path(ACTORS_DIR).glob("curated_*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line)


def test_check_without_the_research_data_finds_a_stale_file(tmp_path, monkeypatch, capsys):
    """`build_registry --check` where the shared data is absent (a user's machine, CI without it) still fails
    when a curated record is not in the generated file as the build would put it."""
    import shutil

    from rased.training import build_registry as br

    assert br.check_curated() == []
    actors = tmp_path / "actors"
    shutil.copytree(br.ACTORS_DIR, actors)
    monkeypatch.setattr(br, "ACTORS_DIR", actors)
    assert br.main(["--check", "--data", str(tmp_path / "no-data")]) == 0

    def edit(name, change):
        path = actors / name
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        change(records)
        path.write_text(br.render(records), encoding="utf-8")

    edit("curated_persons.jsonl", lambda rs: rs[0]["aliases_ar"].append("اسم جديد"))
    edit("curated_countries.jsonl", lambda rs: rs[0]["nisba_extra"].append("النسبة الجديدة"))
    edit("places.jsonl", lambda rs: rs.pop(0))
    capsys.readouterr()
    assert br.main(["--check", "--data", str(tmp_path / "no-data")]) == 1
    err = capsys.readouterr().err
    first = {p: br._read_jsonl(actors / f"curated_{p}.jsonl")[0] for p in ("persons", "countries")}
    assert f"persons: {first['persons']['id']} differs" in err
    assert f"countries: cty:{first['countries']['iso3']} nisba_ar is not what curated_countries.jsonl gives" in err
    assert f"places: {br.curated_part('places')[0]['id']} missing" in err and "3 stale record(s)" in err
