"""Evaluation gates for quotes, relations (events) and summaries: scores on real gold data against pinned floors.

Floors live in floors.json under "events", "quotes" and "summary"; they only rise.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from data_access import need_data

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())

pytestmark = pytest.mark.gate


def test_events_gate():
    folder = need_data("events", "universalpetrarch_arabic", "validation_dev")
    from rased.eval import events

    floors = FLOORS["events"]
    for name, floor in floors["files"].items():
        result = events.evaluate_file(folder / name)
        print(json.dumps(result, ensure_ascii=False))
        for metric, value in floor.items():
            assert result[metric] >= value, (name, metric, result)


def test_events_false_alarm_gate():
    need_data("corpora", "ant")
    from rased.eval import events

    floors = FLOORS["events"]
    result = events.false_alarms(floors["false_alarm_sentences"])
    print(json.dumps(result, ensure_ascii=False))
    assert result["sentences"] >= 500
    assert result["rate"] <= floors["false_alarm_rate_max"], result


def test_quotes_gate():
    need_data("corpora", "saudinewsnet")
    from rased.eval import quotes

    floors = FLOORS["quotes"]
    result = quotes.evaluate()
    print(json.dumps({k: result[k] for k in ("content", "speaker", "gold_quotes", "predicted")}, ensure_ascii=False))
    assert not result["missing_documents"] and not result["unplaced_gold"], result
    assert result["content"]["precision"] >= floors["content_precision"]
    assert result["content"]["recall"] >= floors["content_recall"]
    assert result["speaker"]["precision"] >= floors["speaker_precision"]
    assert result["speaker"]["recall"] >= floors["speaker_recall"]


def test_summary_gate():
    folder = need_data("summaries", "easc")
    from rased.eval import summary

    floors = FLOORS["summary"]
    result = summary.evaluate(folder)
    print(json.dumps(result))
    for metric in ("rouge1", "rouge2", "rougeL"):
        assert result["system"][metric] >= floors[metric], (metric, result)
        if floors["beat_lead3"]:
            assert result["system"][metric] > result["lead3"][metric], (metric, result)


def test_quotes_gold_set_shape():
    from rased.eval import quotes

    gold = quotes.load(quotes.DEFAULT_GOLD)
    assert len(gold) >= 40 and sum(len(g["quotes"]) for g in gold) >= 150
    for g in gold:
        assert set(g) == {"corpus", "doc_id", "quotes"}  # ids only: no article text in the repository
        for q in g["quotes"]:
            assert set(q) == {"speaker", "content"} and len(q["content"]) <= 80


def test_independent_quotes_gate():
    """Quotes on the independently annotated development gold (explicit speakers, as the held-out set is scored)."""
    folder = need_data("gold", "ant_dev")
    from rased.eval import quotes

    floors = FLOORS["independent"]["quotes"]
    result = quotes.evaluate_folder(folder)
    print(json.dumps({k: v for k, v in result.items() if k != "errors"}, ensure_ascii=False))
    assert result["articles"] >= 40
    for metric in ("precision", "recall", "precision_explicit"):
        assert result["quotes"][metric] >= floors[metric], (metric, result["quotes"])
    assert result["content"]["recall"] >= floors["content_recall"], result["content"]


def test_independent_relations_gate():
    folder = need_data("gold", "ant_dev")
    from rased.eval import relations

    floors = FLOORS["independent"]["relations"]
    result = relations.evaluate_folder(folder)
    print(json.dumps({k: v for k, v in result.items() if k != "errors"}, ensure_ascii=False))
    assert result["recall"] >= floors["recall"], result
    assert result["recall_any_type"] >= floors["recall_any_type"], result
