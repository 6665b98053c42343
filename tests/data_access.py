"""Access to the research data from tests: skip with a clear message when it is absent, fail on CI."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from rased import datasets

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "seed_article.txt"


def need_data(*parts: str) -> Path:
    """The path of a research data set, or skip the test with a clear message when it is absent."""
    if datasets.available(*parts):
        return datasets.path(*parts)
    message = f"research data not found: {datasets.path(*parts)} (set RASED_DATA to the shared data folder)"
    if os.environ.get("RASED_REQUIRE_DATA"):
        pytest.fail(message + " — required on CI")
    pytest.skip(message)
