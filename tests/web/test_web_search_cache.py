"""The explorer's search cache: a repeated search is answered from it with the very same page, and any write to
the store (by another connection, as an ingest does, or through the explorer itself) drops it (both backends)."""
from __future__ import annotations

import pytest
import web_corpus
from fastapi.testclient import TestClient

from rased.store import Stored, open_store
from rased.web import create_app
from rased.web.explore import Explorer
from rased.web.search_cache import SearchCache

NEW = ("أعلنت السلطات المحلية في الموصل افتتاح جسر جديد فوق نهر دجلة بعد أشهر من أعمال الإعمار، وقال المحافظ إن "
       "الجسر سيخفف الزحام في الجانب الأيسر من المدينة ويعيد ربط الأحياء التي عزلتها المعارك.")


class _Generations:
    """A stand-in for the watcher connection: its generation is whatever the test sets."""

    def __init__(self):
        self.value = 0

    def generation(self):
        return self.value

    def close(self):
        pass


def test_cache_keeps_pages_of_the_current_generation_only():
    gen = _Generations()
    cache = SearchCache(gen, size=2)
    g = cache.generation()
    cache.put("a", g, "page a")
    cache.put("b", g, "page b")
    assert cache.get("a", g) == "page a"  # now the most recently used
    cache.put("c", g, "page c")  # over the size: «b» goes
    assert (cache.get("b", g), cache.get("a", g), len(cache)) == (None, "page a", 2)
    gen.value = 1  # a write: the next request sees another generation and nothing from before
    assert cache.get("a", cache.generation()) is None and len(cache) == 0


def test_a_page_computed_across_a_write_is_not_kept():
    gen = _Generations()
    cache = SearchCache(gen)
    before = cache.generation()  # a request starts
    gen.value = 1
    now = cache.generation()  # another request starts after the write
    cache.put("q", before, "page from before the write")
    assert cache.get("q", now) is None and len(cache) == 0


@pytest.fixture
def explorer(store_url):
    with open_store(store_url) as s:
        s.put([Stored(a, f"test:{i}", a.id) for i, a in enumerate(web_corpus.articles())])
    ex = Explorer(open_store(store_url), more=lambda: open_store(store_url), size=2,
                  cache=SearchCache(open_store(store_url)))
    yield ex
    ex.close()


def _count_store_searches(ex: Explorer, monkeypatch) -> list[str]:
    calls: list[str] = []
    with ex.store() as s:
        cls = type(s)
    real = cls.search_page

    def counted(self, query, **kw):
        calls.append(query)
        return real(self, query, **kw)

    monkeypatch.setattr(cls, "search_page", counted)
    return calls


def test_repeated_search_is_served_from_the_cache_unchanged(explorer, monkeypatch):
    calls = _count_store_searches(explorer, monkeypatch)
    first = explorer.search("الموصل", limit=3)
    again = explorer.search("الموصل", limit=3)
    assert again == first and len(calls) == 1
    explorer.search("الموصل", limit=3, offset=3)
    explorer.search("الموصل", limit=3, sort="date")
    explorer.search("الموصل", limit=3, source="skynews")
    assert len(calls) == 4  # another page, order or filter is another search
    with explorer.store() as s:
        fresh = s.search_page("الموصل", limit=3).to_dict()
    assert (first["total"], first["hits"]) == (fresh["total"], fresh["hits"])
    assert [(f["value"], f["count"]) for f in first["facets"]["actor"]] == [
        (f["value"], f["count"]) for f in fresh["facets"]["actor"]]


def test_an_ingest_by_another_connection_drops_the_cache(explorer, store_url, monkeypatch):
    calls = _count_store_searches(explorer, monkeypatch)
    before = explorer.search("الموصل")
    with open_store(store_url) as other:  # what `rased ingest` does, from its own connection
        new = web_corpus.news("skynews", "2017-05-01", "جسر جديد في الموصل", NEW)
        other.put([Stored(new, "test:new", new.id)])
    after = explorer.search("الموصل")
    assert len(calls) == 2 and after["total"] == before["total"] + 1
    assert new.id in {h["id"] for h in after["hits"]}
    assert explorer.search("الموصل") == after and len(calls) == 2


def test_an_article_added_through_the_explorer_drops_the_cache(tmp_path):
    path = tmp_path / "w.db"
    web_corpus.fill(path)
    with TestClient(create_app(str(path), read_only=False)) as c:
        assert c.get("/api/search", params={"q": "دجلة"}).json()["total"] == 0  # kept in the cache
        assert c.post("/api/articles", json={"text": NEW, "source": "skynews"}).status_code == 200
        after = c.get("/api/search", params={"q": "دجلة"}).json()
        assert after["total"] == 1


def test_the_cache_can_be_turned_off(web_db):
    with TestClient(create_app(str(web_db[0]), search_cache=0)) as c:
        assert c.app.state.explorer._cache is None
        assert c.get("/api/search", params={"q": "الموصل"}).json()["total"] >= 4


def test_the_generation_moves_with_this_stores_commits_only(store_url, request):
    """Readers see a new generation together with the rows of the write, never before its commit; a write to
    another database of the same server (PostgreSQL) leaves it where it was."""
    with open_store(store_url) as writer, open_store(store_url) as watcher:
        start = watcher.generation()
        new = web_corpus.news("skynews", "2017-05-01", "جسر جديد في الموصل", NEW)
        with writer.transaction():
            writer.put([Stored(new, "test:new", new.id)])
            assert watcher.generation() == start  # not committed yet
        moved = watcher.generation()
        assert moved != start
        if store_url.startswith("postgres"):
            with open_store(request.getfixturevalue("pg_server").new_database()) as elsewhere:
                elsewhere.put([Stored(new, "test:new", new.id)])
        assert watcher.generation() == moved


def test_every_postgres_table_tells_the_generation_of_its_writes(request):
    """A table without the trigger would let the cache serve pages from before a write to it."""
    with open_store(request.getfixturevalue("pg_server").new_database()) as s:
        tables = s._table_names() - {"store_generation", "schema_migrations"}
        triggered = {r[0] for r in s._all(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'store_changed'")}
        assert tables and tables <= triggered
