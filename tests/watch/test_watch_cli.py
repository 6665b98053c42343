"""The command forms scripts call, exactly as documented; bad sources files and rules give one line and exit 2."""
from __future__ import annotations

import json

import pytest
from watch_helpers import FAST
from watch_corpus import articles

from rased.cli.main import main
from rased.watch import sources as source_files


def _sources(tmp_path, text: str):
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.data
def test_the_documented_forms(server, tmp_path, capsys):
    a = articles()
    server.publish("/news", a["threat"][0])
    server.publish("/news", a["claim"][0])
    db = str(tmp_path / "cli.db")
    assert main(["rules", "add", "--actor", "grp:isis", "--db", db]) == 0
    assert main(["rules", "add", "--relation", "ASSAULT", "--source", "grp:isis", "--db", db]) == 0
    assert main(["rules", "add", "--relation", "THREATEN", "--source", "ترامب", "--target", "إيران", "--db", db]) == 0
    assert main(["rules", "add", "--keyword", '"وكالة أعماق"', "--db", db]) == 0
    ids = capsys.readouterr().out.split("\n")[:4]
    assert ids == ["actor:grp:isis", "relation:ASSAULT grp:isis→*", "relation:THREATEN per:trump→cty:IRN",
                   "keyword:«وكالة أعماق»"]
    src = _sources(tmp_path, f'[[sources]]\nurl = "{server.url("/news.rss")}"\nname = "news"\ninterval = 60\n')
    assert main(["watch", "--sources", src, "--db", db, "--once", "--quiet", "--timeout", str(FAST.read_timeout)]) == 0
    printed = [json.loads(x) for x in capsys.readouterr().out.splitlines()]  # alerts on stdout as JSON lines
    assert sorted(x["rule"] for x in printed) == sorted(ids)
    assert main(["alerts", "--db", db, "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["rule"] for x in lines] == [x["rule"] for x in printed]
    for x in lines:
        assert {"rule", "article_id", "title", "url", "evidence"} <= set(x) and x["evidence"]
        assert all(isinstance(e["start"], int) and e["end"] > e["start"] and e["text"] for e in x["evidence"])
    assert main(["alerts", "--db", db, "--json", "--rule", "keyword:«وكالة أعماق»"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["alerts", "--db", db, "--json", "--since", "1h"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(lines)
    assert main(["watch", "status", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "news" in out and "items: 2 stored" in out
    assert main(["rules", "list", "--db", db, "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4
    assert main(["rules", "rm", "actor:grp:isis", "--db", db]) == 0
    assert main(["rules", "rm", "actor:grp:isis", "--db", db]) == 2


@pytest.mark.parametrize("text, message", [
    ("[[sources]\nurl = 1", "not valid TOML"),
    ("title = 'x'", "no [[sources]] tables"),
    ("[[sources]]\nname = 'x'", "source 1: the url is missing"),
    ("[[sources]]\nurl = 'ftp://x.org/feed'", "is not an http(s) address"),
    ("[[sources]]\nurl = 'https://x.org/rss'\nkind = 'podcast'", "kind 'podcast'"),
    ("[[sources]]\nurl = 'https://x.org/rss'\ninterval = 'often'", "interval must be a number"),
    ("[[sources]]\nurl = 'https://x.org/rss'\ncolour = 'red'", "unknown field 'colour'"),
    ("[[sources]]\nurl = 'https://x.org/rss'\n[[sources]]\nurl = 'https://x.org/rss'", "listed twice"),
])
def test_bad_sources_files(tmp_path, capsys, text, message):
    src = _sources(tmp_path, text)
    assert main(["watch", "--sources", src, "--db", str(tmp_path / "x.db"), "--once"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_kinds_are_guessed_from_the_address():
    got = source_files.parse("[[sources]]\nurl='https://a.org/rss.xml'\n[[sources]]\nurl='https://a.org/news-sitemap.xml'\n"
                             "[[sources]]\nurl='https://a.org/world'\ninterval=60\nlinks='h3 a'", "s.toml")
    assert [(s.kind, s.kind_given, s.name) for s in got] == [("feed", False, "a.org"), ("sitemap", False, "a.org"),
                                                              ("page", False, "a.org")]
    assert got[2].interval == 60.0 and got[2].links == "h3 a"


def test_bad_commands(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    assert main(["rules", "add", "--db", db]) == 2
    assert main(["rules", "add", "--actor", "nobody-at-all", "--db", db]) == 2
    assert main(["rules", "add", "--relation", "EXPLODE", "--db", db]) == 2
    assert main(["watch", "--db", db]) == 2  # no sources file
    assert main(["watch", "--sources", str(tmp_path / "none.toml"), "--db", db]) == 2
    assert main(["alerts", "--db", db, "--since", "last tuesday"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 6 and all(line.startswith("rased: error[") for line in err)
