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


@pytest.mark.parametrize("model, key, context", [
    (None, "camel_test", 0), ("fast", "camel_test_fast", 0),  # the models' own labels
    (None, "camel_test_consistent", 10), ("fast", "camel_test_fast_consistent", 10),  # as `rased eval ner` scores
])
def test_ner_gate(model, key, context):
    test_file = need_data("ner", "anercorp_camel_test", "ANERCorp_CamelLab_test.txt")
    from rased.ner.tagger import MODELS
    from rased.eval.ner import evaluate

    floors = FLOORS["ner"][key]
    result = evaluate(test_file, MODELS[model] if model else None, context=context)
    print(json.dumps(result["micro"]))
    assert result["micro"]["f1"] >= floors["micro"], result["micro"]
    for name in ("PERS", "ORG", "LOC", "MISC"):
        assert result["per_type"][name]["f1"] >= floors[name], (name, result["per_type"][name])
