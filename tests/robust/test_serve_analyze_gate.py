"""`rased serve` analyses texts only when asked (`--writable` or `--allow-analyze`), within its body limit."""
from __future__ import annotations

import asyncio
import json

import pytest
from fastapi.testclient import TestClient

from rased.cli import main as cli
from rased.cli.cmd_serve import build_app
from rased.store import open_store
from rased.web.app import _Guard

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


def _chunked(data: bytes, size: int = 4096):
    """A request body sent in chunks, without a Content-Length."""
    for i in range(0, len(data), size):
        yield data[i:i + size]


def test_body_limit_holds_without_a_declared_length(db):
    """A chunked body declares no length: the guard counts what arrives and stops at the limit."""
    with _client(db, "--allow-analyze", "--max-body", "1000") as c:
        big = json.dumps({"text": TEXT * 2000}, ensure_ascii=False).encode()
        r = c.post("/api/analyze", content=_chunked(big), headers={"content-type": "application/json"})
        assert r.status_code == 400 and r.json()["message"].startswith("the request is too large")
        small = json.dumps({"text": TEXT}, ensure_ascii=False).encode()
        r = c.post("/api/analyze", content=_chunked(small, 16), headers={"content-type": "application/json"})
        assert r.status_code == 200 and r.json()["entities"]


def test_guard_reads_no_more_than_the_limit():
    seen = {"app": False, "read": 0, "status": None}

    async def app(scope, receive, send):
        seen["app"] = True

    async def receive():
        seen["read"] += 1000
        return {"type": "http.request", "body": b"x" * 1000, "more_body": True}  # a body without end

    async def send(message):
        if message["type"] == "http.response.start":
            seen["status"] = message["status"]

    scope = {"type": "http", "method": "POST", "path": "/api/analyze", "headers": []}
    asyncio.run(_Guard(app, max_body=10_000)(scope, receive, send))
    assert seen == {"app": False, "read": 11_000, "status": 400}
