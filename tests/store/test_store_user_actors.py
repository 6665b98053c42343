"""The analyst's actors in a store, on real articles: `rased actors import` refuses a bad file whole, ingest links
with the store's actors, `rased relink` links a corpus stored before them exactly as a fresh ingest would (rows
and actor aggregates alike) without tagging it again, and `candidates` lists the names still unlinked."""
from __future__ import annotations

import json

import pytest
from user_actor_corpus import CLITIC_FORMS, actors_file, missed_forms, write_jsonl

from rased.cli.main import main
from rased.ingest.relink import relink
from rased.store import open_store

pytestmark = pytest.mark.data

# Every table a re-link rewrites; ``n`` orders articles the same in two stores fed the same inputs in order.
TABLES = {
    "mentions": "article_n, span_start, span_end, text, type, actor_id, actor_name, actor_name_en, wikidata",
    "quotes": "article_n, speaker_text, speaker_actor, direct, cue_start, content_start, content_end",
    "relations": "article_n, type, source_actor, target_actor, attributed_actor, modality, evidence_start",
    "actor_articles": "actor_id, article_n, day, source, mentions",
    "actor_names": "actor_id, text, type, mentions",
    "actor_stats": "actor_id, name_ar, name_en, wikidata, articles, mentions",
    "actor_pairs": "actor_id, other_id, articles",
    "articles": "n, id, record",
}


def _rows(store) -> dict[str, list[tuple]]:
    return {t: sorted(map(tuple, store._all(f"SELECT {cols} FROM {t}")), key=repr) for t, cols in TABLES.items()}


def _articles(store):
    return [a for a, _info in store.articles()]


def test_analyze_links_the_actors_of_a_file(tmp_path, capsys):
    from user_actor_corpus import articles

    from rased.record import from_dict

    csv = actors_file(tmp_path)
    out = []
    for i, a in enumerate(articles()):
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"{a['title']}\n\n{a['text']}", encoding="utf-8")
        assert main(["analyze", str(path), "--actors", str(csv)]) == 0
        out.append(from_dict(json.loads(capsys.readouterr().out)))
    assert missed_forms(out) == []


def test_ingest_then_relink_equals_ingest_with_the_actors(store_url, tmp_path, capsys):
    corpus = write_jsonl(tmp_path / "corpus.jsonl")
    csv = actors_file(tmp_path)
    with open_store(store_url) as before:  # stored before the analyst added the actors
        assert main(["ingest", str(corpus), "--db", store_url, "--quiet"]) == 0
        assert missed_forms(_articles(before))  # the shipped registry alone links none of them
        names = {c["name"] for c in before.unlinked_names(limit=100)}
        assert {"تشاتانوغا", "نكورونزيزا", "كريتر"} <= names
        assert main(["actors", "import", str(csv), "--db", store_url]) == 0
        summary = relink(before)
        assert summary.changed == summary.articles and summary.tagged == 0
        assert summary.linked_after > summary.linked_before
        assert missed_forms(_articles(before)) == []
        assert relink(before).changed == 0  # nothing left to change
        relinked = _rows(before)
        names = {c["name"] for c in before.unlinked_names(limit=100)}
        assert not names & {"تشاتانوغا", "نكورونزيزا", "كريتر"}
        ids = {a for a, _c, _n in CLITIC_FORMS}
        assert ids <= {a.actor_id for a in before.actors(limit=1000)}
    fresh_url = store_url + "-fresh" if "://" not in store_url else None
    if fresh_url is None:
        return  # PostgreSQL: one database per test; the comparison below runs on SQLite
    with open_store(fresh_url) as fresh:  # the actors first, then the same inputs
        assert main(["actors", "import", str(csv), "--db", fresh_url]) == 0
        assert main(["ingest", str(corpus), "--db", fresh_url, "--quiet"]) == 0
        assert _rows(fresh) == relinked


def test_relink_tags_articles_stored_without_ner_spans(tmp_path):
    corpus = write_jsonl(tmp_path / "corpus.jsonl")
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(corpus), "--db", db, "--quiet"]) == 0
    with open_store(db) as store:
        before = _rows(store)
        store._execute("DELETE FROM ner_spans")  # as a store written before migration 5
        summary = relink(store)
        assert summary.tagged == summary.articles and summary.changed == 0
        assert _rows(store) == before
        assert all(store.ner_spans(n) is not None for n, in store._all("SELECT n FROM articles"))


def test_import_refuses_a_bad_file_whole(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    good = actors_file(tmp_path).read_text(encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(good + "loc:tawahi,place,التواهي,Tawahi,,,YEM,\n", encoding="utf-8")  # a duplicate id, last
    assert main(["actors", "import", str(bad), "--db", db]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "bad.csv:8: duplicate id loc:tawahi (first at bad.csv:5)" in err
    with open_store(db) as store:
        assert store.user_actors() == ()
    assert main(["actors", "import", str(actors_file(tmp_path)), "--db", db]) == 0
    assert main(["actors", "import", str(actors_file(tmp_path)), "--db", db]) == 2  # already there
    assert "--replace" in capsys.readouterr().err
    assert main(["actors", "import", str(actors_file(tmp_path)), "--db", db, "--replace"]) == 0
    assert main(["actors", "add", "loc:tawahi", "--alias-ar", "مديرية التواهي", "--db", db]) == 0
    assert main(["actors", "add", "loc:hajin", "--kind", "place", "--name-ar", "هجين", "--db", db]) == 2
    assert "no name_en" in capsys.readouterr().err
    capsys.readouterr()
    assert main(["actors", "list", "--db", db]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(listed) == 6
    tawahi = next(r for r in listed if r["id"] == "loc:tawahi")
    assert tawahi["aliases_ar"] == ["حي التواهي", "مديرية التواهي"] and tawahi["name_en"] == "Tawahi"


def test_candidates_lists_unlinked_names_with_their_contexts_and_ner_types(tmp_path, capsys):
    """`rased actors candidates --db`: the names of the real articles no actor is linked to, each with the
    type NER gave it and contexts that write it; after the import the analyst's actors are no longer listed."""
    corpus, db = write_jsonl(tmp_path / "corpus.jsonl"), str(tmp_path / "s.db")
    assert main(["ingest", str(corpus), "--db", db, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["actors", "candidates", "--db", db, "--limit", "100", "--json"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_name = {c["name"]: c for c in found}
    assert by_name["تشاتانوغا"]["type"] == "LOC" and by_name["نكورونزيزا"]["type"] == "PER"
    assert [c["articles"] for c in found] == sorted((c["articles"] for c in found), reverse=True)
    for c in found:
        assert c["type"] in {"PER", "ORG", "LOC"} and sum(c["types"].values()) == c["mentions"]
        assert 1 <= len(c["contexts"]) <= 2 and all(x["name"] in x["context"] for x in c["contexts"])
    assert main(["actors", "candidates", "--db", db, "--limit", "3"]) == 0  # the readable listing
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{found[0]['name']}  ({found[0]['articles']} articles") and "NER: " in lines[0]
    assert lines[1].startswith(f"    {found[0]['contexts'][0]['article']}: …")
    assert main(["actors", "import", str(actors_file(tmp_path)), "--db", db]) == 0
    with open_store(db) as store:
        relink(store)
    capsys.readouterr()
    assert main(["actors", "candidates", "--db", db, "--limit", "100", "--json"]) == 0
    after = {json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()}
    assert not after & {"تشاتانوغا", "نكورونزيزا", "كريتر", "التواهي"} and after < set(by_name)


# The first 20 candidates of the first 1,000 SaudiNewsNet articles, judged by hand: actors the registry lacks
# (a region, places, people) ...
REAL_NAMES = {"الخليج", "هوليوود", "النيل", "بلاتر", "فاتن حمامة", "عبد الوهاب", "شنغهاي", "التواهي", "يوسف شاهين",
              "ميشال شلهوب", "جيفري ويب"}
# ... and the rest: parts of longer names, common nouns and peoples NER took for names, a fragment of «ان.بي.سي»
NOT_ACTORS = {"ريف", "الولايات", "عبد العزيز", "الشيعة", "عز الدين", "الأكراد", "الفقار", "عبد الله", "بي"}


@pytest.mark.slow
def test_candidates_of_a_thousand_corpus_articles_list_real_names_first(tmp_path, capsys):
    from rased import datasets
    from rased.knowledge.registry import Registry

    corpus, db = tmp_path / "corpus.jsonl", str(tmp_path / "s.db")
    corpus.write_text("".join(json.dumps({"title": d.title, "text": d.text, "url": d.url, "source": d.source},
                                         ensure_ascii=False) + "\n" for d in datasets.saudinewsnet(limit=1000)),
                      encoding="utf-8")
    assert main(["ingest", str(corpus), "--db", db, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["actors", "candidates", "--db", db, "--limit", "20", "--json"]) == 0
    names = [json.loads(line)["name"] for line in capsys.readouterr().out.splitlines()]
    assert len(names) == 20 and not [n for n in names if Registry.load().lookup(n)], names
    unjudged = [n for n in names if n not in REAL_NAMES | NOT_ACTORS]
    assert len(unjudged) <= 3, f"judge these by hand and add them to REAL_NAMES or NOT_ACTORS: {unjudged}"
    assert names[0] in REAL_NAMES
    assert len(REAL_NAMES.intersection(names[:10])) >= 5 and len(REAL_NAMES.intersection(names)) >= 10, names
