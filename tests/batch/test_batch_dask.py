"""Batch on a Dask LocalCluster of 2 worker processes: same output as article-by-article analysis, a worker
killed mid-run loses and duplicates nothing, re-runs skip finished shards, caches load once per worker."""
from __future__ import annotations

import os
import signal

import pytest
from batch_fixtures import (
    assert_equals_reference, output, saudinewsnet_items, synthetic_articles, temp_files, write_folder, write_jsonl,
)
from data_access import need_data

from rased.batch import run_batch, task
from rased.batch.runner import DaskRunner, Runner

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=40)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def real_inputs(tmp_path_factory):
    need_data("corpora", "saudinewsnet")
    root = tmp_path_factory.mktemp("snn")
    items = saudinewsnet_items(48)
    return [write_jsonl(root / "snn.jsonl", items[:40], ("{cut",)), write_folder(root / "folder", items[40:])]


def test_synthetic_articles_on_two_workers(client, tmp_path):
    items = synthetic_articles(12)
    inputs = [write_jsonl(tmp_path / "a.jsonl", items[:8], ("not json",)), write_folder(tmp_path / "f", items[8:])]
    runner = DaskRunner(client=client)
    assert isinstance(runner, Runner) and runner.workers() == 2
    summary = run_batch(inputs, tmp_path / "out", runner, shard_size=3)
    assert summary.complete and summary.articles == 12 and summary.failures == 1
    assert_equals_reference(tmp_path / "out", inputs)
    again = run_batch(inputs, tmp_path / "out", runner, shard_size=3)
    assert again.skipped == summary.shards and again.done == 0


def test_real_articles_equal_article_by_article(client, real_inputs, tmp_path):
    out = tmp_path / "out"
    summary = run_batch(real_inputs, out, DaskRunner(client=client), shard_size=6)
    assert summary.complete and summary.articles == 48 and summary.failures == 1
    assert_equals_reference(out, real_inputs)
    workers = {m["worker"]["pid"] for m in map(_marker(out), range(summary.shards))}
    assert len(workers) == 2, "both workers should have taken shards"
    # Models, registry, cue lexicon and word tables were built once per worker process, however many
    # shards and articles it analysed.
    reports = client.run(task.load_report)
    assert sum(r["documents"] for r in reports.values()) >= 49
    for r in reports.values():
        assert r["warm_calls"] == 1 and r["same_objects"]
        assert r["registry_builds"] == r["matcher_builds"] == r["cue_lexicon_builds"] == r["word_table_builds"] == 1
        assert r["tagger_objects"] <= 1
    rerun = run_batch(real_inputs, out, DaskRunner(client=client), shard_size=6)
    assert rerun.skipped == summary.shards and rerun.documents == 0


def test_worker_killed_mid_run_loses_and_duplicates_nothing(client, real_inputs, tmp_path):
    out = tmp_path / "out"
    pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_one(summary) -> None:
        if killed or summary.done < 1:
            return
        busy = [addr for addr, keys in client.processing().items() if keys and addr in pids]
        if busy:
            os.kill(pids[busy[0]], signal.SIGKILL)  # mid-task: its shard must be re-run elsewhere
            killed.append(pids[busy[0]])

    summary = run_batch(real_inputs, out, DaskRunner(client=client), shard_size=4, progress=kill_one)
    assert killed, "no worker was busy to kill"
    assert summary.complete and not summary.failed
    assert summary.articles == 48 and summary.failures == 1
    arts, fails = output(out)
    assert len(arts) == 48 and len({a["locator"] for a in arts}) == 48
    assert len(fails) == 1
    assert_equals_reference(out, real_inputs)
    assert not temp_files(out)
    client.wait_for_workers(2, timeout=60)  # the nanny restarted the killed worker


def _marker(out):
    import json

    return lambda i: json.loads(task.marker_path(out, i).read_text())
