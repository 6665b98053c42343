"""The watcher links new articles with the store's own actors (`rased actors import`), in the clitic forms the
articles write, as ingest does: real SaudiNewsNet articles served by the tests' feed server."""
from __future__ import annotations

import pytest
from user_actor_corpus import actors_file, articles, missed_forms
from watch_helpers import source, watch_once

from rased.cli.main import main
from rased.store import open_store
from rased.watch.feedserver import Page

pytestmark = pytest.mark.data


def test_watched_articles_link_the_stores_actors(server, db, tmp_path):
    pages = [Page(f"user-actors-{i}", a["title"], a["text"], None) for i, a in enumerate(articles())]
    for page in pages[: len(pages) // 2]:
        server.publish("/news", page)
    sources = [source(server, "/news.rss", "news")]
    assert watch_once(db, sources)[0].stored == len(pages) // 2
    with open_store(db) as store:  # before the analyst's actors: none of their names is linked
        assert missed_forms(a for a, _info in store.articles())
    assert main(["actors", "import", str(actors_file(tmp_path)), "--db", db]) == 0
    for page in pages[len(pages) // 2:]:
        server.publish("/news", page)
    assert watch_once(db, sources)[0].stored == len(pages) - len(pages) // 2
    with open_store(db) as store:
        watched = [a for a, _info in store.articles() if a.title in {p.title for p in pages[len(pages) // 2:]}]
    assert len(watched) == len(pages) - len(pages) // 2
    missed = missed_forms(watched)
    assert not [m for m in missed if not m.endswith("not met")], missed
    assert len([m for m in missed if m.endswith("not met")]) < len(missed_forms([]))  # some forms were met
