"""The store commands through the real `rased` command line."""
from __future__ import annotations

import json

import pytest

from rased.cli.main import main, parser

COMMANDS = ("ingest", "search", "stories", "actors", "actor", "export")


def test_every_command_is_registered_and_documented(capsys):
    sub = next(a for a in parser()._actions if a.dest == "command")
    for name in COMMANDS:
        assert name in sub.choices
        assert sub.choices[name].format_help()
        assert any(name == c.dest for c in sub._choices_actions), f"{name} has no help line"


def test_cli_round_trip(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("دخلت القوات العراقية مدينة الموصل بعد معارك عنيفة مع تنظيم داعش استمرت أسابيع.", encoding="utf-8")
    (folder / "b.txt").write_text("افتتح رئيس الوزراء مشروعا لتحلية المياه في مدينة البصرة جنوب العراق.", encoding="utf-8")
    (folder / "c.bin").write_bytes(b"\x00\x01" * 50)
    db = str(tmp_path / "r.db")
    assert main(["ingest", str(folder), "--db", db, "--json"]) == 0
    out, err = capsys.readouterr()
    summary = json.loads(out)
    assert (summary["stored"], summary["failed"]) == (2, 1)
    assert "failed" in err and "c.bin" in err
    assert main(["search", "بالموصل", "--db", db, "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(hits) == 1 and hits[0]["snippet"]["highlights"]
    assert main(["search", "الموصل", "--db", db]) == 0
    assert "الموصل" in capsys.readouterr().out
    assert main(["stories", "--db", db]) == 0
    assert main(["actors", "--db", db]) == 0
    assert main(["export", "--db", db, "--format", "csv", "--out", str(tmp_path / "x")]) == 0
    assert (tmp_path / "x" / "articles.csv").exists()


@pytest.mark.parametrize("argv", [
    ["search", '"غير مغلق', "--db", "{db}"],
    ["search", "داعش", "--from", "أمس", "--db", "{db}"],
    ["search", "داعش", "--db", "{missing}"],
    ["actor", "Q0", "--db", "{db}"],
    ["ingest", "{missing}", "--db", "{db}"],
    ["ingest", "--db", "{db}"],
    ["search", "x", "--db", "mysql://h/db"],
])
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, argv):
    db = str(tmp_path / "r.db")
    (tmp_path / "a.txt").write_text("نص عن داعش.", encoding="utf-8")
    main(["ingest", str(tmp_path / "a.txt"), "--db", db, "--quiet"])
    capsys.readouterr()
    argv = [a.format(db=db, missing=str(tmp_path / "missing")) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("rased: error[") and "\n" not in err and "hint" in err
