"""Fixtures shared by the whole suite: the seed article and a store on each backend."""
from __future__ import annotations

import pytest
from data_access import SEED

from rased.store import open_store
from rased.store.pgserver import TempPostgres, binaries


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server on a free loopback port, started once per test process."""
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
