"""`rased search --sort`, the total, `rased actor NAME`, and the ingest progress total, through the real CLI."""
from __future__ import annotations

import pytest
from store_helpers import entity, make

from rased.cli.main import main
from rased.cli.progress import count_documents
from rased.record import ActorRef
from rased.store import Stored, open_store

ISIS = ActorRef("تنظيم الدولة الإسلامية", "Islamic State", "Q2429253", "group")
FRANCE = ActorRef("فرنسا", "France", "Q142", "country")


def _linked(text: str, surface: str, type: str, actor_id: str, ref: ActorRef):
    import dataclasses

    return dataclasses.replace(entity(text, surface, type, actor_id), actor=ref)


@pytest.fixture
def db(tmp_path):
    texts = [
        ("2015-03-01", "أعلنت السلطات الفرنسية أن تنظيم داعش تبنى الهجوم على مدينة الرقة في شمال البلاد أمس."),
        ("2015-05-09", "قالت فرنسا إن طائراتها قصفت مواقع لتنظيم داعش قرب الرقة بعد اجتماع وزراء الدفاع في باريس."),
        ("2014-11-20", "نقلت وكالات الأنباء عن سكان في الرقة أن الأسواق أغلقت أبوابها منذ أيام بسبب القصف المتواصل."),
    ]
    arts = []
    for day, text in texts:
        ents = []
        for surface, typ, aid, ref in [("داعش", "ORG", "grp:isis", ISIS), ("الفرنسية", "NAT", "cty:FRA", FRANCE),
                                       ("فرنسا", "LOC", "cty:FRA", FRANCE)]:
            if surface in text:
                ents.append(_linked(text, surface, typ, aid, ref))
        arts.append(make(text, day=day, source="SPA", entities=tuple(sorted(ents, key=lambda e: e.start))))
    path = str(tmp_path / "cli.db")
    with open_store(path) as store:
        store.put([Stored(a, f"c{i}", a.id) for i, a in enumerate(arts)])
    return path


def test_search_sort_by_date_prints_the_total(db, capsys):
    assert main(["search", "الرقة", "--db", db, "--sort", "date"]) == 0
    out, err = capsys.readouterr()
    assert "3 articles · 1–3 · by date" in err
    assert out.index("2015-05-09") < out.index("2015-03-01") < out.index("2014-11-20")
    assert main(["search", "الرقة -داعش", "--db", db, "--source", "spa"]) == 0
    out, err = capsys.readouterr()
    assert "1 articles" in err and "2014-11-20" in out and "2015-03-01" not in out


@pytest.mark.parametrize("name", ["grp:isis", "داعش", "لداعش", "Islamic State", "الدولة الإسلامية"])
def test_actor_by_id_or_any_name(db, capsys, name):
    assert main(["actor", name, "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("grp:isis  تنظيم الدولة الإسلامية")
    assert "with: فرنسا [cty:FRA] (2)" in out  # names beside ids


def test_actor_type_counts_nationality_for_the_country(db, capsys):
    assert main(["actor", "الفرنسية", "--db", db]) == 0
    assert capsys.readouterr().out.startswith("cty:FRA  فرنسا / France  [LOC]")
    assert main(["actors", "--db", db, "--type", "LOC"]) == 0
    assert "cty:FRA" in capsys.readouterr().out


def test_unknown_actor_is_a_one_line_error(db, capsys):
    assert main(["actor", "لا أحد", "--db", db]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rased: error[actor]: no actor with the id or name") and err.count("\n") == 1


def test_ingest_progress_counts_documents_when_it_can(tmp_path):
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>نص</p>", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "أ"}\n\n{"text": "ب"}\n', encoding="utf-8")
    assert count_documents([tmp_path]) == 4
    (tmp_path / "d.zip").write_bytes(b"PK\x03\x04")
    assert count_documents([tmp_path]) is None  # an archive is counted only by reading it
