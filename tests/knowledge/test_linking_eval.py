"""The entity-linking gold set and its evaluator (``rased.eval.linking``, ``rased eval linking``)."""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from rased import datasets
from rased.cli.main import main
from rased.errors import DataError, ModelError
from rased.eval import linking
from rased.eval.linking import GoldMention, judge, load_gold, locate, score
from rased.knowledge.registry import Registry
from rased.record import Article, Entity

GOLD = linking.GOLD_FILE
SEED_GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "seed_article.json"
_ANT_ID = re.compile(r"^[A-Z]{2}-[A-Za-z]+-\d+-\d{8}$")
_SNN_ID = re.compile(r"^\d{4}-\d{2}-\d{2}-\d+$")
_KEYS = {"corpus", "doc_id", "surface", "occurrence", "actor_id", "note"}


def need_data(*parts: str) -> None:
    """As ``tests/conftest.need_data`` (imported by name it can resolve to another folder's conftest)."""
    if datasets.available(*parts):
        return
    message = f"research data not found: {datasets.path(*parts)} (set RASED_DATA to the shared data folder)"
    if os.environ.get("RASED_REQUIRE_DATA"):
        pytest.fail(message + " — required on CI")
    pytest.skip(message)


@pytest.fixture(scope="module")
def gold() -> list[GoldMention]:
    return load_gold(GOLD)


# ------------------------------------------------------------------------------------------- the gold file
def test_gold_file_is_shipped_and_parses(gold):
    assert GOLD.is_file()
    assert linking.default_gold() == GOLD
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert set(rec) <= _KEYS and {"corpus", "doc_id", "surface", "occurrence", "actor_id"} <= set(rec)


def test_gold_size_and_spread(gold):
    assert len(gold) >= 180
    docs = {(m.corpus, m.doc_id) for m in gold}
    assert len(docs) >= 35
    assert {m.corpus for m in gold} == {"ant", "saudinewsnet"}
    assert len(set((m.corpus, m.doc_id, m.surface, m.occurrence) for m in gold)) == len(gold), "duplicate mentions"
    kinds = Counter(m.kind for m in gold)
    for kind in ("cty", "loc", "grp", "per", "gov", "mil", "int", "med", "nil"):
        assert kinds[kind] > 0, kind
    assert 0.10 <= kinds["nil"] / len(gold) <= 0.20, kinds


def test_gold_ids_exist_in_the_registry(gold):
    reg = Registry.load()
    missing = sorted({m.actor_id for m in gold if m.actor_id is not None and m.actor_id not in reg})
    assert not missing


def test_gold_holds_corpus_ids_and_no_article_text(gold):
    for m in gold:
        pattern = _ANT_ID if m.corpus == "ant" else _SNN_ID
        assert pattern.match(m.doc_id), m
        assert len(m.surface) <= 40 and len(m.surface.split()) <= 5, m


def test_gold_mentions_are_in_their_articles_and_none_is_the_seed(gold):
    need_data("corpora", "ant")
    need_data("corpora", "saudinewsnet")
    needed: dict[str, set[str]] = {}
    for m in gold:
        needed.setdefault(m.corpus, set()).add(m.doc_id)
    docs = linking.corpus_docs(needed)
    assert set(docs) == {(m.corpus, m.doc_id) for m in gold}
    seed = json.loads(SEED_GOLDEN.read_text(encoding="utf-8"))
    seed_title = seed["title"].strip()
    seed_opening = " ".join(seed["text"].split()[:8])
    assert len(seed_opening.split()) == 8
    for doc in docs.values():
        assert doc.title.strip() != seed_title
        assert seed_opening not in " ".join(doc.text.split())
    for m in gold:
        text = docs[(m.corpus, m.doc_id)].text
        assert linking._nth(text, m.surface, m.occurrence) >= 0, m


def test_load_gold_rejects_bad_lines(tmp_path):
    good = {"corpus": "ant", "doc_id": "X", "surface": "بغداد", "occurrence": 0, "actor_id": "loc:baghdad"}
    for bad, message in [
        ("{not json", "bad JSON"),
        (json.dumps({**good, "corpus": "web"}), "unknown corpus"),
        (json.dumps({**good, "occurrence": -1}), "occurrence"),
        (json.dumps({k: v for k, v in good.items() if k != "actor_id"}), "missing actor_id"),
        (json.dumps({**good, "actor_id": "baghdad"}), "actor_id"),
    ]:
        p = tmp_path / "g.jsonl"
        p.write_text(json.dumps(good, ensure_ascii=False) + "\n" + bad + "\n", encoding="utf-8")
        with pytest.raises(DataError, match=message):
            load_gold(p)
    with pytest.raises(DataError, match="not found"):
        load_gold(tmp_path / "absent.jsonl")


# ------------------------------------------------------------------------------------------- the evaluator
TEXT = "قال رئيس الوزراء العراقي حيدر العبادي في بغداد إن العبادي التقى كينو جابرييل في أربيل."


def _entity(surface: str, actor_id: str | None, typ: str, nth: int = 0) -> Entity:
    start = linking._nth(TEXT, surface, nth)
    assert start >= 0, surface
    return Entity(start=start, end=start + len(surface), text=surface, type=typ, actor_id=actor_id)


def _article(entities) -> Article:
    return Article(id="test", text=TEXT, entities=tuple(entities))


GOLD_HAND = [
    GoldMention("ant", "d1", "العراقي", 0, "cty:IRQ"),
    GoldMention("ant", "d1", "حيدر العبادي", 0, "per:haider-al-abadi"),
    GoldMention("ant", "d1", "بغداد", 0, "loc:baghdad"),
    GoldMention("ant", "d1", "العبادي", 1, "per:haider-al-abadi"),  # the surname after the full name
    GoldMention("ant", "d1", "كينو جابرييل", 0, None),
    GoldMention("ant", "d1", "أربيل", 0, "loc:erbil"),
]


def _perfect() -> list[Entity]:
    return [
        _entity("العراقي", "cty:IRQ", "NAT"),
        _entity("حيدر العبادي", "per:haider-al-abadi", "PER"),
        _entity("بغداد", "loc:baghdad", "LOC"),
        _entity("العبادي", "per:haider-al-abadi", "PER", nth=1),
        _entity("كينو جابرييل", None, "PER"),  # unlinked: right for a null gold
        _entity("أربيل", "loc:erbil", "LOC"),
    ]


def test_hand_built_article_scores_perfect():
    result = score(GOLD_HAND, {("ant", "d1"): _article(_perfect())})
    assert result["accuracy"] == 1.0
    assert result["linked_precision"] == 1.0
    assert result["recall_nonnil"] == 1.0
    assert result["errors"] == [] and result["unlocated"] == []
    assert result["by_kind"] == {
        "cty": {"n": 1, "correct": 1, "accuracy": 1.0},
        "loc": {"n": 2, "correct": 2, "accuracy": 1.0},
        "nil": {"n": 1, "correct": 1, "accuracy": 1.0},
        "per": {"n": 2, "correct": 2, "accuracy": 1.0},
    }
    assert result["mentions"] == 6 and result["articles"] == 1 and result["linked"] == 5


def test_hand_built_article_with_one_error():
    entities = _perfect()
    entities[3] = _entity("العبادي", "per:someone-else", "PER", nth=1)
    result = score(GOLD_HAND, {("ant", "d1"): _article(entities)})
    assert result["accuracy"] == round(5 / 6, 4)
    assert result["by_kind"]["per"] == {"n": 2, "correct": 1, "accuracy": 0.5}
    assert result["linked_precision"] == round(4 / 5, 4)
    assert result["errors"] == [{"corpus": "ant", "doc_id": "d1", "surface": "العبادي", "occurrence": 1,
                                 "gold": "per:haider-al-abadi", "predicted": "per:someone-else",
                                 "entity": "العبادي", "note": None}]


def test_null_gold_is_wrong_when_linked_and_missing_entities_are_errors():
    entities = [e for e in _perfect() if e.text != "أربيل"]
    entities[4] = _entity("جابرييل", "per:someone", "PER")  # a partial span, linked: wrong for a null gold
    result = score(GOLD_HAND, {("ant", "d1"): _article(entities)})
    wrong = {(e["surface"], e["gold"], e["predicted"]) for e in result["errors"]}
    assert wrong == {("كينو جابرييل", None, "per:someone"), ("أربيل", "loc:erbil", None)}
    assert result["by_kind"]["nil"]["accuracy"] == 0.0


def test_judge_any_overlapping_entity_with_the_gold_id_counts():
    # «الرئيس العراقي» as one ORG-like entity plus the nisba: the gold id on either overlapping entity is enough.
    inner = _entity("العراقي", "cty:IRQ", "NAT")
    outer = Entity(start=inner.start - 4, end=inner.end, text="x", type="ORG", actor_id="gov:irq")
    assert judge([outer, inner], inner.start, inner.end, "cty:IRQ")[:2] == (True, "cty:IRQ")
    assert judge([outer], inner.start, inner.end, "cty:IRQ")[:2] == (False, "gov:irq")
    assert judge([], inner.start, inner.end, None)[:2] == (True, None)


def test_locate_falls_back_to_raw_offsets_when_cleaning_dropped_an_occurrence():
    raw = "بغداد - اقرأ أيضا\nوصل الوفد إلى بغداد أمس."
    text = "وصل الوفد إلى بغداد أمس."
    # cleaning dropped the first line: clean text [0, len) comes from raw offset 18
    article = Article(id="t", text=text, raw=raw, raw_offsets=((0, 18, len(text)),), entities=())
    start, end, how = locate(article, GoldMention("ant", "d", "بغداد", 1, "loc:baghdad"))
    assert (text[start:end], how) == ("بغداد", "raw_offsets")
    assert locate(article, GoldMention("ant", "d", "بغداد", 0, "loc:baghdad")) is None
    result = score([GoldMention("ant", "d", "بغداد", 0, "loc:baghdad")], {("ant", "d"): article})
    assert result["scored"] == 0 and result["unlocated"][0]["surface"] == "بغداد"


def test_score_refuses_articles_without_entities():
    with pytest.raises(ModelError):
        score(GOLD_HAND[:1], {("ant", "d1"): Article(id="t", text=TEXT)})


def test_evaluate_reads_each_article_once_and_analyzes_it(tmp_path, monkeypatch):
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps({"corpus": m.corpus, "doc_id": m.doc_id, "surface": m.surface,
                                       "occurrence": m.occurrence, "actor_id": m.actor_id}, ensure_ascii=False)
                           for m in GOLD_HAND) + "\n", encoding="utf-8")
    asked = []

    def fake_docs(needed):
        asked.append({k: set(v) for k, v in needed.items()})
        return {("ant", "d1"): SimpleNamespace(text=TEXT, title="عنوان")}

    def fake_analyze(text, *, title=None):
        assert text == TEXT and title == "عنوان"
        return _article(_perfect())

    monkeypatch.setattr(linking, "corpus_docs", fake_docs)
    result = linking.evaluate(p, analyze=fake_analyze)
    assert asked == [{"ant": {"d1"}}]
    assert result["accuracy"] == 1.0 and result["gold"] == str(p)


# ------------------------------------------------------------------------------------------- the command
def test_cli_missing_gold_file_is_a_data_error(tmp_path, capsys):
    assert main(["eval", "linking", "--data", str(tmp_path / "absent.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "error[data]" in err and "hint:" in err


def test_cli_prints_the_json(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(linking, "evaluate", lambda path: {"accuracy": 1.0, "gold": str(path)})
    assert main(["eval", "linking"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out == {"accuracy": 1.0, "gold": str(GOLD)}
