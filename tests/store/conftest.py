"""Store fixtures: every store test runs on SQLite and on a throwaway PostgreSQL server."""
from __future__ import annotations

import pytest

from rased.store import open_store
from rased.store.pgserver import TempPostgres, binaries


@pytest.fixture(scope="session")
def pg_server():
    if binaries() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found: install the `postgresql` package "
                    "to run the PostgreSQL backend tests")
    server = TempPostgres().start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_server").new_database()


@pytest.fixture
def store(store_url):
    s = open_store(store_url)
    yield s
    s.close()
