"""`rased serve` analyses texts only when asked (`--writable` or `--allow-analyze`), within its body limit."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from rased.cli import main as cli
from rased.cli.cmd_serve import build_app
from rased.store import open_store

TEXT = "قال رئيس الوزراء العراقي إن القوات دخلت الموصل. وأضاف أن المعارك مستمرة."


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "s.db"
    open_store(str(path)).close()
    return str(path)


def _client(db: str, *flags: str) -> TestClient:
    return TestClient(build_app(cli.parser().parse_args(["serve", "--db", db, *flags])))


def test_read_only_explorer_does_not_analyse(db):
    with _client(db) as c:
        r = c.post("/api/analyze", json={"text": TEXT})
        assert r.status_code == 403 and "--allow-analyze" in r.json()["hint"]
        assert c.post("/api/analyze/file", files={"file": ("a.txt", TEXT.encode(), "text/plain")}).status_code == 403
        page = c.post("/analyze", data={"text": TEXT})
        assert page.status_code == 403 and "Traceback" not in page.text


@pytest.mark.parametrize("flags", [("--allow-analyze",), ("--writable",)])
def test_analysis_when_asked(db, flags):
    with _client(db, *flags) as c:
        r = c.post("/api/analyze", json={"text": TEXT})
        assert r.status_code == 200 and r.json()["entities"]


def test_body_limit(db):
    with _client(db, "--allow-analyze", "--max-body", "1000") as c:
        r = c.post("/api/analyze", json={"text": TEXT * 30})
        assert r.status_code == 400 and r.json()["code"] == "input"
