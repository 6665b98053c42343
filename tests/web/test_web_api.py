"""The JSON API: every endpoint, with good and bad parameters; errors are JSON with a code and a message."""
from __future__ import annotations

import pytest
import web_corpus

SEED_WORD = "الموصل"


def _seed_id(corpus):
    return next(a.id for a in corpus.values() if a.title and a.title.startswith("هل تشكل"))


def _error(r, status, code=None):
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) >= {"code", "message"}
    assert "Traceback" not in r.text and 'File "' not in r.text
    if code:
        assert body["code"] == code
    return body


def test_stats(client, corpus):
    s = client.get("/api/stats").json()
    assert s["articles"] == len(corpus)
    assert s["duplicates"] == 1
    assert s["actors"] >= 5


def test_search_finds_clitic_forms_and_folds_duplicates(client, corpus):
    r = client.get("/api/search", params={"q": SEED_WORD})
    assert r.status_code == 200
    data = r.json()
    ids = [h["id"] for h in data["hits"]]
    assert _seed_id(corpus) in ids
    dup = next(a for a in corpus.values() if a.source == "bbcarabic")
    assert dup.id not in ids  # folded into the article it duplicates
    head = next(h for h in data["hits"] if h["source"] == "alarabiya")
    assert head["duplicates"] == 1
    for h in data["hits"]:
        s = h["snippet"]
        assert s["highlights"], h
        for a, b in s["highlights"]:
            assert s["start"] <= a < b <= s["end"]


def test_search_facets(client):
    data = client.get("/api/search", params={"q": SEED_WORD}).json()
    facets = data["facets"]
    assert {f["value"] for f in facets["source"]} >= {"alarabiya", "skynews", "albawabhnews"}
    actors = {f["value"]: f for f in facets["actor"]}
    assert actors["grp:isis"]["count"] >= 3 and actors["grp:isis"]["name"]
    assert {"ORG", "LOC"} <= {f["value"] for f in facets["type"]}


@pytest.mark.parametrize("params, expect", [
    ({"source": "skynews"}, {"skynews"}),
    ({"actor": "grp:al-qaeda"}, {"albawabhnews"}),
    ({"type": "CONSULT"}, {"albawabhnews"}),
    ({"from": "2017-04-18", "to": "2017-04-18"}, {"skynews", "albawabhnews"}),
])
def test_search_filters(client, params, expect):
    data = client.get("/api/search", params={"q": SEED_WORD, **params}).json()
    assert {h["source"] for h in data["hits"]} == expect
    assert data["filters"]


def test_search_paging(client):
    first = client.get("/api/search", params={"q": SEED_WORD, "limit": 1}).json()
    second = client.get("/api/search", params={"q": SEED_WORD, "limit": 1, "offset": 1}).json()
    assert first["more"] and len(first["hits"]) == 1 and len(second["hits"]) == 1
    assert first["hits"][0]["id"] != second["hits"][0]["id"]


@pytest.mark.parametrize("params, status, code", [
    ({}, 422, "invalid_parameter"),  # no query
    ({"q": ""}, 422, "invalid_parameter"),
    ({"q": "   "}, 400, "query"),
    ({"q": SEED_WORD, "limit": 0}, 422, "invalid_parameter"),
    ({"q": SEED_WORD, "limit": "ten"}, 422, "invalid_parameter"),
    ({"q": SEED_WORD, "limit": 101}, 422, "invalid_parameter"),
    ({"q": SEED_WORD, "offset": -1}, 422, "invalid_parameter"),
    ({"q": SEED_WORD, "from": "yesterday"}, 400, "date"),
    ({"q": SEED_WORD, "from": "2017-02-30"}, 400, "date"),
    ({"q": SEED_WORD, "from": "2018-01-01", "to": "2017-01-01"}, 400, "date"),
    ({"q": "x" * 501}, 422, "invalid_parameter"),
])
def test_search_bad_parameters(client, params, status, code):
    body = _error(client.get("/api/search", params=params), status, code)
    if status == 422:
        assert body["details"] and all("where" in d for d in body["details"])


def test_article(client, corpus):
    seed = _seed_id(corpus)
    data = client.get(f"/api/articles/{seed}").json()
    a = data["article"]
    assert a["id"] == seed and a["schema"] == "rased.article/1"
    assert any(e["actor_id"] == "grp:isis" for e in a["entities"])
    assert a["relations"][0]["type"] == "CONSULT"
    assert a["removed"], "the seed's boilerplate is listed as removed"
    assert data["counts"]["relations"] == 1


def test_article_duplicates_and_story(client, corpus):
    head = next(a for a in corpus.values() if a.source == "alarabiya")
    dup = next(a for a in corpus.values() if a.source == "bbcarabic")
    data = client.get(f"/api/articles/{head.id}").json()
    assert [d["id"] for d in data["duplicates"]] == [dup.id]
    assert data["story"] and {"alarabiya", "skynews"} <= set(data["story"]["sources"])
    back = client.get(f"/api/articles/{dup.id}").json()
    assert back["duplicate_of"]["id"] == head.id


@pytest.mark.parametrize("path", ["/api/articles/0000000000000000", "/api/articles/nope", "/api/actors/grp:nobody"])
def test_not_found(client, path):
    _error(client.get(path), 404, "not_found")


def test_article_id_too_long(client):
    _error(client.get("/api/articles/" + "a" * 65), 422, "invalid_parameter")


def test_unknown_endpoint_and_method(client):
    _error(client.get("/api/nothing-here"), 404, "not_found")
    _error(client.delete("/api/stats"), 405, "method_not_allowed")


def test_actors(client):
    data = client.get("/api/actors").json()
    ids = [a["actor_id"] for a in data["actors"]]
    assert ids[0] in ("grp:isis", "loc:mosul")
    assert "grp:al-qaeda" in ids
    only = client.get("/api/actors", params={"type": "PER"}).json()["actors"]
    assert only and all(a["type"] == "PER" for a in only)
    named = client.get("/api/actors", params={"name": "علاوي"}).json()["actors"]
    assert [a["actor_id"] for a in named] == ["per:iyad-allawi"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 5000}, {"limit": "x"}])
def test_actors_bad_parameters(client, params):
    _error(client.get("/api/actors", params=params), 422, "invalid_parameter")


def test_actor(client):
    data = client.get("/api/actors/grp:isis").json()
    assert data["name"] == "تنظيم الدولة الإسلامية" and data["name_en"] == "Islamic State"
    assert data["wikidata_url"] == "https://www.wikidata.org/wiki/Q2429253"
    assert "ISIS" in data["aliases"]
    periods = {p["period"]: p["articles"] for p in data["timeline"]}
    assert periods["2017-04"] >= 3 and periods["2015-06"] == 1 and periods["2016-01"] == 0
    assert any(r["type"] == "CONSULT" and r["target"] == "grp:al-qaeda" for r in data["relations"])
    assert "grp:al-qaeda" in {n["id"] for n in data["graph"]["nodes"]}
    assert any(c["actor_id"] == "loc:mosul" for c in data["co_actors"])


def test_actor_quotes_by_and_about(client):
    by = client.get("/api/actors/per:iyad-allawi").json()
    assert by["quotes"] and "معلومات" in by["quotes"][0]["content"]
    about = client.get("/api/actors/grp:isis").json()
    assert about["quotes_about"] and about["quotes_about"][0]["speaker"] == "إياد علاوي"


def test_actor_bad_limit(client):
    _error(client.get("/api/actors/grp:isis", params={"limit": 0}), 422, "invalid_parameter")


def test_stories(client):
    data = client.get("/api/stories").json()
    assert len(data["stories"]) == 1
    assert set(data["stories"][0]["sources"]) == {"alarabiya", "skynews"}
    assert client.get("/api/stories", params={"min_sources": 3}).json()["stories"] == []


@pytest.mark.parametrize("params", [{"window_days": 0}, {"window_days": "a"}, {"min_sources": 0}, {"limit": 0}])
def test_stories_bad_parameters(client, params):
    _error(client.get("/api/stories", params=params), 422, "invalid_parameter")


def test_analyze_text(client, corpus):
    before = client.get("/api/stats").json()["articles"]
    text = web_corpus.SEED.read_text(encoding="utf-8")
    data = client.post("/api/analyze", json={"text": text}).json()
    assert data["id"] == _seed_id(corpus)
    assert data["title"].startswith("هل تشكل")
    assert client.get("/api/stats").json()["articles"] == before  # nothing stored


def test_analyze_file(client):
    r = client.post("/api/analyze/file", files={"file": ("seed.txt", web_corpus.SEED.read_bytes(), "text/plain")})
    assert r.status_code == 200 and r.json()["published"]["value"].startswith("2017-04-18")


@pytest.mark.parametrize("data, word", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "PNG"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"abc\x00def\x00" * 100, "binary"),
    (b"   \n ", "empty"),
])
def test_analyze_file_refuses_bad_input(client, data, word):
    body = _error(client.post("/api/analyze/file", files={"file": ("x.bin", data, "application/octet-stream")}), 400, "input")
    assert word.lower() in body["message"].lower()


def test_analyze_refuses_too_large(client):
    big = ("خبر " * 600_000).encode()  # 4.8 MB, over the 2 MB limit
    _error(client.post("/api/analyze/file", files={"file": ("big.txt", big, "text/plain")}), 400, "input")
    _error(client.post("/api/analyze", json={"text": "خبر " * 600_000}), 400, "input")


def test_analyze_bad_body(client):
    _error(client.post("/api/analyze", json={"txt": "x"}), 422, "invalid_parameter")
    _error(client.post("/api/analyze", content=b"not json", headers={"content-type": "application/json"}), 422)
    _error(client.post("/api/analyze", json={"text": ""}), 400, "input")
    _error(client.post("/api/analyze/file"), 422, "invalid_parameter")


def test_read_only_refuses_to_store(client):
    _error(client.post("/api/articles", json={"text": "نص قصير عن الموصل وداعش للتجربة فقط."}), 403, "read_only")


def test_writable_stores(writable):
    text = "أعلنت الحكومة العراقية اليوم عن خطة جديدة لإعادة إعمار المدينة القديمة في الموصل بعد انتهاء المعارك."
    r = writable.post("/api/articles", json={"text": text, "source": "test"})
    assert r.status_code == 200 and r.json()["stored"] == 1
    assert writable.get(f"/api/articles/{r.json()['id']}").status_code == 200
    assert writable.post("/api/articles", json={"text": text}).json()["existing"] == 1


def test_openapi_schema_is_local(client):
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/search", "/api/articles/{article_id}", "/api/actors", "/api/actors/{actor_id}", "/api/stories",
            "/api/stats", "/api/analyze", "/api/analyze/file", "/api/articles"} <= paths
    assert not any(p.startswith("/articles") or p == "/" for p in paths)  # pages are not API
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text
    assert "cdn" not in docs.text.lower() and "swagger-ui" not in docs.text
    for gone in ("/docs", "/redoc"):
        assert client.get(gone).status_code == 404


def test_security_headers(client):
    r = client.get("/api/stats")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
