"""The explorer's unlinked-names page: on a real article, a name the registry lacks is listed, added as a new
actor (then as another name of it) from the page, and the article is re-linked at once; read-only refuses."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from user_actor_corpus import write_jsonl

from rased.cli.main import main
from rased.store import open_store
from rased.web import create_app

pytestmark = pytest.mark.data


@pytest.fixture
def chattanooga_db(tmp_path):
    from user_actor_corpus import articles

    items = [a for a in articles() if "لتشاتانوغا" in a["text"]]
    assert items, "the corpus article about Chattanooga"
    corpus = tmp_path / "c.jsonl"
    write_jsonl(corpus)
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(corpus), "--db", db, "--quiet"]) == 0
    with open_store(db) as store:
        aid = next(a.id for a, _ in store.articles() if "لتشاتانوغا" in a.text)
    return db, aid


def _linked(db: str, aid: str, actor_id: str) -> set[str]:
    with open_store(db) as store:
        return {e.text for e in store.get(aid).entities if e.actor_id == actor_id}


def test_add_an_actor_and_a_name_from_the_article_page(chattanooga_db):
    db, aid = chattanooga_db
    with TestClient(create_app(db, read_only=False)) as c:
        page = c.get(f"/articles/{aid}/names")
        assert page.status_code == 200 and "تشاتانوغا" in page.text and 'name="actor_id"' in page.text
        assert f"/articles/{aid}/names" in c.get(f"/articles/{aid}").text  # linked from the article page
        r = c.post(f"/articles/{aid}/names", data={"name": "تشاتانوغا", "actor_id": "loc:chattanooga",
                                                    "kind": "place", "name_en": "Chattanooga", "country": "usa"},
                   follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == f"/articles/{aid}"
        assert _linked(db, aid, "loc:chattanooga") == {"تشاتانوغا"}  # «لتشاتانوغا» included, re-linked at once
        r = c.post(f"/articles/{aid}/names", data={"name": "شاتانوغا", "actor_id": "loc:chattanooga"},
                   follow_redirects=False)
        assert r.status_code == 303
        assert _linked(db, aid, "loc:chattanooga") == {"تشاتانوغا", "شاتانوغا"}
        assert "شاتانوغا" not in {n.split("<")[0] for n in c.get(f"/articles/{aid}/names").text.split("<strong>")[1:]}
        bad = c.post(f"/articles/{aid}/names", data={"name": "كريتر", "actor_id": "loc:crater", "kind": "place"})
        assert bad.status_code == 400 and "name_en" in bad.text  # the schema's checks, as on the command line
    with open_store(db) as store:
        (actor,) = store.user_actors()
        assert (actor.id, actor.country, actor.aliases_ar) == ("loc:chattanooga", "USA", ("شاتانوغا",))


def test_read_only_explorer_lists_but_does_not_add(chattanooga_db):
    db, aid = chattanooga_db
    with TestClient(create_app(db)) as c:
        page = c.get(f"/articles/{aid}/names")
        assert page.status_code == 200 and "تشاتانوغا" in page.text and 'name="actor_id"' not in page.text
        r = c.post(f"/articles/{aid}/names", data={"name": "تشاتانوغا", "actor_id": "loc:chattanooga",
                                                    "kind": "place", "name_en": "Chattanooga"})
        assert r.status_code == 403
    with open_store(db) as store:
        assert store.user_actors() == ()


def test_articles_added_in_the_explorer_link_the_stores_actors(chattanooga_db):
    from user_actor_corpus import articles

    db, _aid = chattanooga_db
    # a new version of a stored article (its text with one more line), so that it is stored anew
    text = next(a["text"] for a in articles() if "بشاتانوغا" in a["text"]) + "\n\nتحديث: نشر الخبر أولاً أمس."
    with TestClient(create_app(db, read_only=False)) as c:
        c.post(f"/articles/{_aid}/names", data={"name": "شاتانوغا", "actor_id": "loc:chattanooga",
                                                 "kind": "place", "name_en": "Chattanooga", "country": "USA"})
        stored = c.post("/api/articles", json={"text": text}).json()
        assert stored["stored"] == 1
        page = c.post("/analyze", data={"text": text})
    assert page.status_code == 200 and "loc:chattanooga" in page.text
    assert "شاتانوغا" in _linked(db, stored["id"], "loc:chattanooga")
