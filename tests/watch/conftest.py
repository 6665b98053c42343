"""Fixtures of the watch tests: a feed server on 127.0.0.1 (started by the test) and a store path."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from rased.watch.feedserver import FeedServer  # noqa: E402


@pytest.fixture
def server():
    with FeedServer() as s:
        yield s


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "watch.db")
