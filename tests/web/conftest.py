"""Explorer fixtures: a temp SQLite store filled with the test articles, and clients over it."""
from __future__ import annotations

import pytest
import web_corpus
from fastapi.testclient import TestClient

from rased.web import create_app


@pytest.fixture(scope="session")
def web_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "explorer.db"
    arts = web_corpus.fill(path)
    return path, {a.id: a for a in arts}


@pytest.fixture(scope="session")
def corpus(web_db):
    return web_db[1]


@pytest.fixture(scope="session")
def client(web_db):
    with TestClient(create_app(str(web_db[0]))) as c:
        yield c


@pytest.fixture
def writable(tmp_path):
    path = tmp_path / "writable.db"
    web_corpus.fill(path)
    with TestClient(create_app(str(path), read_only=False)) as c:
        yield c
