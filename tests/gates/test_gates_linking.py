"""Evaluation gate: entity linking accuracy on the hand-annotated gold set against its pinned floor.

Run with ``make eval``. Skips with a message when the research corpora are absent, when ``floors.json`` has
no ``linking`` key yet, or while the pipeline has no ``entities`` stage.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from data_access import need_data

pytestmark = pytest.mark.gate

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())


def test_linking_gate():
    floors = FLOORS.get("linking")
    if floors is None:
        pytest.skip('no "linking" floor in tests/gates/floors.json (pin {"linking": {"accuracy": ...}})')
    need_data("corpora", "ant")
    need_data("corpora", "saudinewsnet")
    from rased import pipeline
    from rased.eval.linking import evaluate

    if not any(s.name == "entities" for s in pipeline.STAGES):
        pytest.skip("the pipeline has no entities stage yet")
    result = evaluate()
    print(json.dumps({k: v for k, v in result.items() if k != "errors"}, ensure_ascii=False))
    assert not result["unlocated"], result["unlocated"]
    for name, floor in floors.items():
        assert result[name] >= floor, (name, result[name], floor, result["errors"][:20])
