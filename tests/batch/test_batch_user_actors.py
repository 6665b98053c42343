"""`rased batch --actors`: the analyst's actors are linked on the workers, the NER spans travel through the
Parquet output into the store (so `rased relink` need not tag again), and another set of actors is another job."""
from __future__ import annotations

import pytest
from user_actor_corpus import actors_file, missed_forms, write_jsonl

from rased.cli.main import main
from rased.ingest.relink import relink
from rased.store import open_store

pytestmark = pytest.mark.data


def test_batch_links_user_actors_and_keeps_ner_spans(tmp_path, capsys):
    corpus = write_jsonl(tmp_path / "corpus.jsonl")
    csv = actors_file(tmp_path)
    out, db = tmp_path / "out", str(tmp_path / "b.db")
    assert main(["batch", str(corpus), "--out", str(out), "--scheduler", "serial", "--actors", str(csv)]) == 0
    assert main(["load", str(out), "--db", db]) == 0
    with open_store(db) as store:
        assert missed_forms([a for a, _ in store.articles()]) == []
        assert main(["actors", "import", str(csv), "--db", db]) == 0
        summary = relink(store)
        assert summary.tagged == 0 and summary.changed == 0  # spans came with the batch; links already there
    # the same inputs with other actors are another job, not a resumption of this one
    assert main(["batch", str(corpus), "--out", str(out), "--scheduler", "serial"]) == 2
    assert "another batch" in capsys.readouterr().err


def test_load_reads_outputs_without_ner_spans(tmp_path):
    """A batch output written before the articles table had its ``ner`` column loads as before; relink then tags."""
    import pyarrow.parquet as pq

    from rased.batch import tables

    corpus = write_jsonl(tmp_path / "corpus.jsonl")
    out, db = tmp_path / "out", str(tmp_path / "b.db")
    assert main(["batch", str(corpus), "--out", str(out), "--scheduler", "serial"]) == 0
    for part in out.glob(f"articles/shard=*/{tables.PART}"):
        pq.write_table(pq.read_table(part).drop(["ner"]), part)
    assert main(["load", str(out), "--db", db]) == 0
    with open_store(db) as store:
        n = len(list(store.articles()))
        assert n and store.ner_spans(1) is None
        assert relink(store).tagged == n
