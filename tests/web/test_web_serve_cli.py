"""`rased serve`: its options, a clean error for a missing store, and a real server answering on 127.0.0.1."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request

import web_corpus

from rased.cli import main as cli


def _rased(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rased", *args], capture_output=True, text=True, timeout=timeout)


def test_serve_options():
    args = cli.parser().parse_args(["serve"])
    assert (args.host, args.port, args.db, args.writable) == ("127.0.0.1", 8000, None, False)
    args = cli.parser().parse_args(["serve", "--db", "x.db", "--host", "0.0.0.0", "--port", "9000", "--writable"])
    assert (args.host, args.port, args.db, args.writable) == ("0.0.0.0", 9000, "x.db", True)


def test_serve_help():
    out = _rased("serve", "--help").stdout
    for opt in ("--db", "--host", "--port", "--writable"):
        assert opt in out


def test_serve_missing_store_is_one_line(tmp_path):
    r = _rased("serve", "--db", str(tmp_path / "missing.db"))
    assert r.returncode == 2
    assert r.stderr.startswith("rased: error[store]") and r.stderr.count("\n") == 1
    assert not (tmp_path / "missing.db").exists()  # serving never creates a store


def test_serve_bad_port(tmp_path):
    path = tmp_path / "s.db"
    web_corpus.fill(path)
    r = _rased("serve", "--db", str(path), "--port", "70000")
    assert r.returncode == 2 and "port" in r.stderr


def test_serve_answers(tmp_path):
    path = tmp_path / "s.db"
    web_corpus.fill(path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "rased", "serve", "--db", str(path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5) as r:
                    stats = json.load(r)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(f"the server did not answer: {proc.stderr.read() if proc.poll() is not None else ''}")
                time.sleep(0.2)
        assert stats["articles"] == len(web_corpus.articles())
    finally:
        proc.terminate()
        proc.wait(timeout=20)
