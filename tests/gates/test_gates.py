"""Evaluation gates: quality scores on real gold data against pinned floors (floors only rise).

Run with ``make eval`` (CI does). Each gate skips with a message when the research data is absent.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from data_access import need_data

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text())

pytestmark = pytest.mark.gate


def test_metadata_gate():
    need_data("corpora", "ant")
    need_data("corpora", "saudinewsnet")
    from rased.eval.metadata import evaluate

    floors = FLOORS["metadata"]
    result = evaluate(limit=floors["articles"])
    print(json.dumps(result, ensure_ascii=False))
    for name in ("title", "published", "body", "boilerplate_removed"):
        assert result["accuracy"][name] >= floors[name], (name, result)
