"""The analyst's actor files: reading CSV and JSONL in the registry's schema, refusing bad files with one line
that names the place, warning on common-word aliases, and linking with several user registries at once."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from rased.errors import InputError
from rased.knowledge import base, user_actors
from rased.knowledge.registry import Registry
from rased.pipeline import analyze
from rased.settings import EntitySettings, Settings

HEADER = "id,kind,name_ar,name_en,aliases_ar,aliases_en,country,wikidata\n"
GOOD = HEADER + (
    "agy:irq-smc,agency,خلية الإعلام الأمني,Security Media Cell,خلية الاعلام الامني|الخلية الإعلامية,SMC,IRQ,\n"
    "loc:hajin,place,هجين,Hajin,الهجين,,SYR,\n"
)


def _file(tmp_path, text: str, name: str = "mine.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_records_take_the_registry_schema(tmp_path):
    actors, warnings = user_actors.read(_file(tmp_path, GOOD))
    assert warnings == []
    smc, hajin = actors
    assert (smc.id, smc.kind, smc.type, smc.country) == ("agy:irq-smc", "agency", "ORG", "IRQ")
    assert smc.aliases_ar == ("خلية الاعلام الامني", "الخلية الإعلامية") and smc.aliases_en == ("SMC",)
    assert (hajin.type, hajin.wikidata, hajin.aliases_ar) == ("LOC", None, ("الهجين",))


def test_jsonl_record_with_a_shipped_id_adds_names_to_that_actor(tmp_path):
    line = {"id": "grp:isis", "aliases_ar": ["تنظيم الدولة المزعوم"]}
    actors, _ = user_actors.read(_file(tmp_path, json.dumps(line, ensure_ascii=False) + "\n", "mine.jsonl"))
    shipped = Registry.load()
    merged = user_actors.merge(shipped, actors)
    isis = merged.get("grp:isis")
    assert isis.name_en == shipped.get("grp:isis").name_en
    assert isis.aliases_ar[: len(shipped.get("grp:isis").aliases_ar)] == shipped.get("grp:isis").aliases_ar
    assert "تنظيم الدولة المزعوم" in isis.aliases_ar and len(merged) == len(shipped)
    assert [a.id for a in merged.lookup("تنظيم الدولة المزعوم")] == ["grp:isis"]
    assert not shipped.lookup("تنظيم الدولة المزعوم")  # the shipped registry is left as it was


@pytest.mark.parametrize("name, text, message", [
    ("a.csv", "id,kind,name_ar,name_en,nickname\nloc:x,place,هجين,Hajin,h\n", "a.csv: unknown column 'nickname'"),
    ("a.csv", "id,kind,name_ar\nloc:x,place,هجين\n", "a.csv: missing column 'name_en'"),
    ("a.csv", GOOD + "loc:hajin,place,هجين,Hajin,,,SYR,\n", "a.csv:4: duplicate id loc:hajin (first at a.csv:3)"),
    ("a.csv", HEADER + "loc:x,town,هجين,Hajin,,,SYR,\n", "a.csv:2: unknown kind 'town'"),
    ("a.csv", HEADER + "loc:x,place,هجين,,,,SYR,\n", "a.csv:2: loc:x has no name_en"),
    ("a.csv", HEADER + "loc:x,place,هجين,Hajin,,,SYX,\n", "a.csv:2: loc:x: unknown country 'SYX'"),
    ("a.csv", HEADER + "loc:x,place,هجين,Hajin,,,SYR,3127370\n", "a.csv:2: loc:x: bad wikidata id '3127370'"),
    ("a.csv", HEADER + "loc x,place,هجين,Hajin,,,SYR,\n", "a.csv:2: loc x: id is not of the form"),
    ("a.csv", HEADER + "loc:x,place,هجين,Hajin,Hajin town,,SYR,\n", "a.csv:2: loc:x: Latin letters in an Arabic name"),
    ("a.csv", HEADER + "grp:isis,person,,,,,,\n", "a.csv:2: grp:isis is a group in the shipped registry, not a person"),
    ("a.jsonl", '{"id": "loc:x", "kind": "place"\n', "a.jsonl:1: bad JSON"),
    ("a.jsonl", '{"id": "loc:x", "kind": "place", "name_ar": "هجين", "name_en": "Hajin", "aliases_ar": "هجين"}\n'
                '{"id": "loc:y", "colour": "red"}\n', "a.jsonl:2: unknown column 'colour'"),
    ("a.txt", GOOD, "a.txt: unknown actor file type"),
    ("a.jsonl", '{"id": "loc:x", "kind": "place", "name_ar": 5, "name_en": "Hajin"}\n', "a.jsonl:1: name_ar is a string"),
])
def test_bad_files_are_refused_with_one_line_naming_the_place(tmp_path, name, text, message):
    with pytest.raises(InputError) as err:
        user_actors.read(_file(tmp_path, text, name))
    assert message in err.value.one_line() and "\n" not in err.value.one_line()


def test_a_common_word_alias_is_a_warning_and_is_not_matched(tmp_path):
    text = HEADER + "per:abu-x,person,أبو محمد الشامي,Abu Muhammad al-Shami,القائد|الشامي,,SYR,\n"
    actors, warnings = user_actors.read(_file(tmp_path, text))
    assert len(warnings) == 1 and "«القائد»" in warnings[0] and "mine.csv:2" in warnings[0]
    assert actors[0].no_match_ar == ("القائد",)
    kb = base.for_actors(actors)
    assert not [m for m in kb.matcher.find("وصل القائد إلى المدينة") if "per:abu-x" in m.actor_ids]
    assert [m.actor_ids for m in kb.matcher.find("قال أبو محمد الشامي إن")] == [("per:abu-x",)]
    assert [a.id for a in kb.registry.lookup("القائد")] == ["per:abu-x"]  # kept for lookup


@pytest.mark.parametrize("word, common", [
    ("القائد", True), ("الأمن", True), ("دولار", True), ("الله", True),
    ("هجين", False), ("التواهي", False), ("الرياض", False),  # a shipped name is never called common
])
def test_common_words_from_the_corpus_frequencies(word, common):
    assert user_actors.common_word(word, Registry.load()) is common


def test_module_tables_are_sound():
    assert user_actors.validate() == []


# From a real article (SaudiNewsNet, aawsat, July 2015): «قال رئيس بلدية تشاتانوغا أندي بيرك ...»
SENTENCE = "وقال رئيس بلدية تشاتانوغا أندي بيرك إن المدينة حزينة بعد الهجوم على مركز التجنيد في تشاتانوغا."


def _settings(actor_id: str) -> Settings:
    actors, _ = user_actors.check([("test", {"id": actor_id, "kind": "place", "name_ar": "تشاتانوغا",
                                             "name_en": "Chattanooga", "country": "USA"})])
    return Settings(entities=EntitySettings(actors=actors))


def test_analyses_with_different_user_registries_in_threads_do_not_mix():
    plans = [_settings("loc:chattanooga-a"), _settings("loc:chattanooga-b"), Settings()] * 4

    def linked(settings: Settings) -> set[str | None]:
        return {e.actor_id for e in analyze(SENTENCE, settings=settings).entities if "تشاتانوغا" in e.text}

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(linked, plans))
    for settings, got in zip(plans, results):
        want = {settings.entities.actors[0].id} if settings.entities.actors else {None}
        assert got == want
    assert base.for_actors(_settings("loc:chattanooga-a").entities.actors) is \
        base.for_actors(_settings("loc:chattanooga-a").entities.actors)  # one build per set of actors
    assert not Registry.load().lookup("تشاتانوغا")
