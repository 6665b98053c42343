"""Batch without a cluster: shard planning, the serial runner, atomic writes, resumption and loading."""
from __future__ import annotations

import json

import pytest
from batch_fixtures import (
    assert_equals_reference, output, synthetic_articles, temp_files, write_folder, write_jsonl,
)

from rased.batch import load, plan, run_batch, shards, tables
from rased.batch.runner import Runner, SerialRunner
from rased.errors import InputError
from rased.ingest import ingest
from rased.ingest.readers import read
from rased.store import open_store

BAD_LINES = ("{not json", json.dumps({"title": "بلا نص", "text": ""}))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("inputs")
    items = synthetic_articles(24)
    jsonl = write_jsonl(root / "news.jsonl", items[:14] + [items[0]], BAD_LINES)  # one article twice
    folder = write_folder(root / "folder", items[14:])
    return [jsonl, folder]


def test_plan_slices_jsonl_and_groups_small_files(inputs):
    jsonl, folder = inputs
    planned = plan([jsonl, folder], shard_size=4)
    pieces = [p for s in planned for p in s.pieces]
    assert [s.id for s in planned] == list(range(len(planned)))
    assert all(s.docs <= 4 for s in planned)
    assert sum(s.docs for s in planned) == 17 + 10
    # JSONL slices are byte ranges that tile the file; each of the 10 text files is one document.
    ranges = [(p.byte_start, p.byte_end) for p in pieces if p.path == str(jsonl)]
    assert ranges[0][0] == 0 and ranges[-1][1] == jsonl.stat().st_size
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert sum(1 for p in pieces if p.path.endswith(".txt")) == 10
    # Same inputs, same plan, same keys: what lets a re-run recognise finished shards.
    assert [s.key for s in plan([jsonl, folder], shard_size=4)] == [s.key for s in planned]


def test_shards_read_exactly_what_ingest_reads(inputs):
    planned = plan(inputs, shard_size=3)
    from_shards = [(d.locator, d.raw_hash) for s in planned for d in shards.read(s)]
    from_ingest = [(d.locator, d.raw_hash) for d in read([str(p) for p in inputs])]
    assert from_shards == from_ingest


def test_serial_runner_output_equals_article_by_article(inputs, tmp_path):
    runner = SerialRunner()
    assert isinstance(runner, Runner)
    out = tmp_path / "out"
    summary = run_batch(inputs, out, runner, shard_size=5)
    assert summary.complete and summary.done == summary.shards
    assert summary.failures == 2 and summary.articles == 25
    assert_equals_reference(out, inputs)
    m = json.loads((out / "manifest.json").read_text())
    assert m["status"] == "complete" and m["shards_done"] == m["shards_total"] == summary.shards
    assert m["totals"]["articles"] == 25 and m["code_version"].startswith("0.")
    assert all(s["status"] == "done" and "seconds" in s for s in m["shards"])
    assert not temp_files(out)


def test_rerun_skips_finished_shards_and_redoes_lost_ones(inputs, tmp_path):
    out = tmp_path / "out"
    first = run_batch(inputs, out, SerialRunner(), shard_size=5)
    before = sorted(a["locator"] for a in output(out)[0])
    again = run_batch(inputs, out, SerialRunner(), shard_size=5)
    assert again.skipped == first.shards and again.done == 0 and again.documents == 0
    # A shard whose marker is missing (its worker died before finishing) is done again, once.
    (out / "_shards" / "000002.json").unlink()
    (out / "articles" / "shard=000002" / ".part.parquet.deadbeef").write_bytes(b"half a file")
    third = run_batch(inputs, out, SerialRunner(), shard_size=5)
    assert third.done == 1 and third.skipped == first.shards - 1
    assert sorted(a["locator"] for a in output(out)[0]) == before
    assert not temp_files(out)
    with pytest.raises(InputError, match="another batch"):
        run_batch(inputs, out, SerialRunner(), shard_size=7)


def test_a_failing_document_is_recorded_not_fatal(inputs, tmp_path, monkeypatch):
    import rased.pipeline

    real = rased.pipeline.analyze

    def flaky(data, **kw):
        if "(3)" in (kw.get("title") or ""):
            raise RuntimeError("stage bug")
        return real(data, **kw)

    monkeypatch.setattr(rased.pipeline, "analyze", flaky)
    out = tmp_path / "out"
    summary = run_batch(inputs[:1], out, SerialRunner(), shard_size=5)
    assert summary.complete
    fails = {f["code"]: f for f in output(out)[1]}
    assert fails["error"]["reason"] == "RuntimeError: stage bug"


def test_atomic_write_leaves_no_partial_file(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    def crash(table, where, **kw):
        where.write_bytes(b"PAR1 half")
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", crash)
    with pytest.raises(OSError):
        tables.write(tmp_path, "articles", 7, [])
    folder = tables.shard_dir(tmp_path, "articles", 7)
    assert list(folder.iterdir()) == []  # neither the final file nor the half-written temporary
    monkeypatch.undo()
    tables.write(tmp_path, "articles", 7, [])
    assert [p.name for p in folder.iterdir()] == [tables.PART]
    # What a worker killed mid-write leaves is hidden from readers and removed by the next run.
    (folder / f".{tables.PART}.0123").write_bytes(b"PAR1 half")
    assert pq.read_table(tmp_path / "articles").num_rows == 0
    assert tables.remove_temporaries(tmp_path) == 1


def test_load_equals_ingest_and_is_idempotent(inputs, tmp_path):
    out = tmp_path / "out"
    run_batch(inputs, out, SerialRunner(), shard_size=5)
    with open_store(tmp_path / "loaded.db") as loaded, open_store(tmp_path / "ingested.db") as ingested:
        first = load(out, loaded, batch_size=7)
        ingest([str(p) for p in inputs], ingested)
        assert first.stored == 24 and first.existing == 1 and first.failed == 2
        assert loaded.stats() == ingested.stats()
        got = [(a.id, a, info["duplicate_of"]) for a, info in loaded.articles()]
        want = [(a.id, a, info["duplicate_of"]) for a, info in ingested.articles()]
        assert got == want
        assert loaded.search("المحادثات")[0].id == ingested.search("المحادثات")[0].id
        assert sorted(loaded._all("SELECT locator, article_id FROM inputs")) == sorted(
            ingested._all("SELECT locator, article_id FROM inputs"))
        again = load(out, loaded)
        assert again.stored == 0 and again.skipped == 25
        assert loaded.stats() == ingested.stats()


def test_load_without_precomputed_keys(inputs, tmp_path):
    out = tmp_path / "out"
    run_batch(inputs, out, SerialRunner(), shard_size=50, search_keys=False)
    arts, _ = output(out)
    assert all(a["key_version"] is None and a["record"] for a in arts)
    with open_store(tmp_path / "s.db") as store:
        assert load(out, store).stored == 24
        assert store.search("المحادثات")


def test_cli_batch_and_load(inputs, tmp_path, capsys):
    from rased.cli.main import main

    out = tmp_path / "out"
    assert main(["batch", *map(str, inputs), "--out", str(out), "--scheduler", "serial", "--shard-size", "6",
                 "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["complete"] and summary["articles"] == 25
    assert main(["load", str(out), "--db", str(tmp_path / "c.db"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["store"]["articles"] == 24
    assert main(["load", str(tmp_path / "nothing"), "--db", str(tmp_path / "c.db")]) == 2
    assert "no batch output" in capsys.readouterr().err
