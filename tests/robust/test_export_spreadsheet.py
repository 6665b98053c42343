"""CSV export opened as a spreadsheet would open it: a UTF-8 mark, no cell that runs as a formula, long cells
cut with a marker and kept whole beside the tables; JSONL and Parquet keep the values as stored."""
from __future__ import annotations

import codecs
import csv
import json

import pytest

from rased.cli.main import main
from rased.record import Article, content_id
from rased.store import open_store
from rased.store.export import FORMULA_STARTS, CsvOptions, export, safe_cell

HOSTILE = ['=HYPERLINK("http://example.com","انقر")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\tخبر", "\rخبر"]
LONG = "خبر طويل عن الموصل. " * 3000  # 60,000 characters


def _article(text: str, title: str) -> Article:
    return Article(id=content_id(text), text=text, title=title, source="=cmd", entities=(), quotes=(), relations=())


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "s.db")
    with open_store(path) as s:
        for i, t in enumerate(HOSTILE):
            s.add(_article(f"{t} نص المقال {i}", title=t))
        s.add(_article(LONG, title="مقال طويل"))
    return path


def _spreadsheet_rows(path):
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)  # Excel reads UTF-8 only with its mark
    return list(csv.DictReader(data.decode("utf-8-sig").splitlines(keepends=True)))


def test_excel_csv_has_bom_and_no_formula_cells(db, tmp_path):
    out = tmp_path / "x"
    assert main(["export", "--db", db, "--format", "csv", "--excel", "--out", str(out)]) == 0
    rows = _spreadsheet_rows(out / "articles.csv")
    assert len(rows) == len(HOSTILE) + 1
    for row in rows:
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), value
    titles = {r["title"] for r in rows}
    assert "'" + HOSTILE[0] in titles and "'@SUM(1+1)" in titles  # kept, readable, inert
    long = next(r for r in rows if r["title"] == "مقال طويل")
    assert len(long["text"]) <= 32_000 and "cells/" in long["text"]
    kept = list((out / "cells").iterdir())
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == LONG


def test_plain_csv_has_no_bom_but_is_still_safe(db, tmp_path):
    with open_store(db) as s:
        export(s, "csv", tmp_path / "p")
    data = (tmp_path / "p" / "articles.csv").read_bytes()
    assert not data.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(data.decode("utf-8").splitlines(keepends=True)))
    assert all(not v.startswith(FORMULA_STARTS) for r in rows for v in r.values())
    assert any(r["text"] == LONG for r in rows)  # no cut without a limit


def test_jsonl_keeps_values_as_stored(db, tmp_path):
    with open_store(db) as s:
        export(s, "jsonl", tmp_path / "j", csv_options=CsvOptions.excel())
    titles = {json.loads(line)["title"] for line in (tmp_path / "j" / "articles.jsonl").read_text("utf-8").splitlines()}
    assert set(HOSTILE) <= titles


def test_parquet_keeps_values_as_stored(db, tmp_path):
    import pyarrow.parquet as pq

    with open_store(db) as s:
        export(s, "parquet", tmp_path / "q", csv_options=CsvOptions.excel())
    rows = pq.read_table(tmp_path / "q" / "articles.parquet").to_pylist()
    assert set(HOSTILE) <= {r["title"] for r in rows} and any(r["text"] == LONG for r in rows)


def test_safe_cell():
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("خبر") == "خبر" and safe_cell("") == ""


def test_bad_max_cell_is_one_line(db, tmp_path, capsys):
    assert main(["export", "--db", db, "--format", "csv", "--max-cell", "-1", "--out", str(tmp_path / "z")]) == 2
