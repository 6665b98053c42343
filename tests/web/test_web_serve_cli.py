"""`rased serve`: its options, a clean error for a missing store, and a real server answering on 127.0.0.1."""
from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import web_corpus

from rased.cli import main as cli


def _rased(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rased", *args], capture_output=True, text=True, timeout=timeout)


def test_serve_options():
    args = cli.parser().parse_args(["serve"])
    assert (args.host, args.port, args.db, args.writable) == ("127.0.0.1", 8000, None, False)
    args = cli.parser().parse_args(["serve", "--db", "x.db", "--host", "0.0.0.0", "--port", "9000", "--writable"])
    assert (args.host, args.port, args.db, args.writable) == ("0.0.0.0", 9000, "x.db", True)
    assert args.workers == 1 and cli.parser().parse_args(["serve", "--workers", "3"]).workers == 3


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


@contextlib.contextmanager
def _served(path, *options: str):
    """``rased serve`` over the store at ``path`` on a free port, once it answers: (process, base URL)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "rased", "serve", "--db", str(path), "--port", str(port), *options],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/api/stats", timeout=5).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(f"the server did not answer: {proc.stderr.read() if proc.poll() is not None else ''}")
                time.sleep(0.2)
        yield proc, base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


def test_serve_answers(tmp_path):
    path = tmp_path / "s.db"
    web_corpus.fill(path)
    with _served(path) as (_, base):
        assert _get(base + "/api/stats")["articles"] == len(web_corpus.articles())


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="lists the worker processes from /proc")
def test_serve_workers(tmp_path):
    """``--workers 2``: two server processes on the one port, each answering from its own connections; stopping
    the server stops them all."""
    path = tmp_path / "s.db"
    web_corpus.fill(path)
    word = urllib.parse.quote(web_corpus.articles()[0].text.split()[0])
    with _served(path, "--workers", "2") as (proc, base):
        workers = [p for p in _children(proc.pid) if "multiprocessing.spawn" in _cmdline(p)]
        assert len(workers) == 2
        for _ in range(6):
            assert _get(base + "/api/stats")["articles"] == len(web_corpus.articles())
            assert _get(f"{base}/api/search?q={word}")["total"] >= 1
    assert proc.returncode is not None
    assert not any(Path(f"/proc/{p}").exists() for p in workers)


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""
