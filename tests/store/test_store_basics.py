"""Writing and reading: idempotent by content hash, versions by URL, failures, migrations, reopening."""
from __future__ import annotations

import pytest
from store_helpers import make

from rased.errors import StoreError
from rased.store import Failed, Stored, open_store
from rased.store.migrations import latest


def test_add_is_idempotent(store):
    a = make("خبر عن اجتماع وزراء الخارجية العرب في القاهرة.", url="http://x/1")
    assert store.add(a).stored == 1
    assert store.add(a).existing == 1
    assert store.put([Stored(a, "file-1", "h1"), Stored(a, "file-2", "h2")]).existing == 2
    assert store.stats()["articles"] == 1
    assert store.index_count() == 1
    assert store.get(a.id) == a
    assert store.get("0" * 16) is None


def test_same_url_with_changed_text_keeps_both_versions(store):
    v1 = make("النسخة الأولى من الخبر عن الانتخابات.", url="http://news/a")
    v2 = make("النسخة الثانية من الخبر عن الانتخابات بعد التحديث وإضافة تفاصيل جديدة كثيرة.", url="http://news/a")
    store.add(v1)
    store.add(v2)
    assert [a.id for a in store.versions("http://news/a")] == [v1.id, v2.id]
    assert store.stats()["articles"] == 2


def test_failures_are_recorded_once_and_cleared_by_success(store):
    a = make("نص سليم.")
    store.put([Failed("dir/bad.bin", "h", "a binary file", "binary"), Failed("dir/bad.bin", "h", "a binary file", "binary")])
    assert [(f.locator, f.code, f.reason) for f in store.failures()] == [("dir/bad.bin", "binary", "a binary file")]
    store.put([Failed("x.txt", "h2", "boom", "error")])
    store.put([Stored(a, "x.txt", "h2")])  # the same input succeeded later
    assert [f.locator for f in store.failures()] == ["dir/bad.bin"]
    assert store.seen("x.txt", "h2") and not store.seen("x.txt", "other")


def test_batch_is_atomic(store):
    good = make("مقال جيد عن الاقتصاد.")
    bad = make("مقال بلا معرف.").__class__(id="", text="مقال بلا معرف.")
    with pytest.raises(StoreError):
        store.put([Stored(good, "a", "1"), Stored(bad, "b", "2")])
    assert store.stats()["articles"] == 0
    assert store.index_count() == 0
    assert not store.seen("a", "1")


def test_reopen_and_migrations(store_url):
    a = make("خبر محفوظ.")
    with open_store(store_url) as s:
        s.add(a)
        assert s.schema_version() == latest()
    with open_store(store_url) as s:  # migrations are not re-applied
        assert s.migrate() == []
        assert s.get(a.id) == a


def test_reindex_rebuilds_the_index(store):
    a = make("القوات تدخل الموصل.")
    store.add(a)
    assert store.reindex() == 1
    assert store.index_count() == 1
    assert [h.id for h in store.search("بالموصل")] == [a.id]


def test_stale_search_keys_are_detected(store):
    store.add(make("خبر."))
    store._set_meta("key_version", "old")
    with pytest.raises(StoreError, match="other search keys") as err:
        store.search("خبر")
    assert "--reindex" in err.value.hint
    store.reindex()
    assert store.search("خبر")


def test_open_errors(tmp_path):
    with pytest.raises(StoreError):
        open_store("mysql://localhost/db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all, just text")
    with pytest.raises(StoreError, match="not an SQLite store"):
        open_store(junk)
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path)
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "missing.db", create=False)
    with pytest.raises(StoreError):
        open_store(tmp_path / "no" / "such" / "dir.db")


def test_sqlite_url_forms(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///rel.db") as s:
        s.add(make("نص."))
    assert (tmp_path / "rel.db").exists()
    with open_store(f"sqlite:///{tmp_path}/abs.db") as s:
        assert s.path == f"{tmp_path}/abs.db"
    with open_store(None) as s:
        assert s.path == "rased.db"
    import sqlite3
    assert sqlite3.connect(tmp_path / "rel.db").execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_postgres_connection_error_is_a_store_error():
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
