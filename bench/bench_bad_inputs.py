"""Bad inputs through the command line: exit code, the one-line message, wall time and peak memory of each.

    python bench/bench_bad_inputs.py [--only NAME] [--timeout 60]

Every input is made here (a zip bomb, a 10,000-level HTML page, a 5 MB one-line text, stray bytes in UTF-8, a
2 GiB sparse file, garbage and empty WARCs, dangling links...) and given to `rased analyze` or `rased ingest` in a process of its
own; the table says what happened. The targets: no traceback, no run over 30 s, no peak RSS over 600 MB.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "samples" / "seed_article.txt").read_bytes()


def _long_text(megabytes: float, one_line: bool) -> bytes:
    text = SEED.decode("utf-8")
    parts = [text] * int(megabytes * 1e6 / len(SEED) + 1)
    joined = "\n\n".join(parts)
    return (" ".join(joined.split()) if one_line else joined).encode("utf-8")


def _stray(data: bytes) -> bytes:
    i = len(data) // 2
    while data[i] & 0xC0 == 0x80:
        i += 1
    return data[:i] + b"\xff" + data[i:]


def _damaged(data: bytes, share: float) -> bytes:
    """``data`` with ``share`` of its non-ASCII bytes overwritten by bytes that are never UTF-8."""
    rng = random.Random(7)
    out = bytearray(data)
    high = [i for i, b in enumerate(out) if b >= 0x80]
    for i in rng.sample(high, int(len(high) * share)):
        out[i] = rng.choice((0xFF, 0xFE, 0xC0))
    return bytes(out)


def _film_list() -> bytes:
    """An Arabic article whose lines are mostly English film titles (more Latin letters than Arabic), in windows-1256."""
    films = ("The Conformist | Bernardo Bertolucci (Italy)", "The Deer Hunter | Michael Cimino (USA)",
             "Coming Home | Hal Ashby (USA)", "Days of Heaven | Terrence Malick (USA)")
    lines = ["سنوات السينما: أفضل عشرة أفلام في السنة", *(f"{i + 1}. {films[i % 4]}" for i in range(20)),
             "عنوان الفيلم متبوعًا باسم مخرجه وتاريخ إنتاجه وتقييمه."]
    return "\n".join(lines).encode("cp1256")


def _dense_sentences() -> bytes:
    """100 sentences of 4,900 characters (just under the sentence limit), each a chain of attacks and accusations
    between named actors: the relation stage's cost grows faster than a sentence's length."""
    unit = "وهاجم الجيش الأمريكي القوات الروسية في سوريا واتهم الرئيس محمد بن سلمان إيران و"
    sentence = (unit * (4900 // len(unit) + 1))[:4900].rsplit(" ", 1)[0] + ".\n"
    return (sentence * 100).encode("utf-8")


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf, \
            zf.open("bomb.txt", "w", force_zip64=True) as fh:
        chunk = b"\x00" * (1 << 20)
        for _ in range(1024):  # 1 GiB of zeros, about 1 MB compressed
            fh.write(chunk)


def _damaged_zip(path: Path) -> None:
    """A ZIP of one article whose deflated bytes are overwritten: the member cannot be inflated."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", SEED)
    data, start = buf.getvalue(), 30 + len("a.txt")
    path.write_bytes(data[:start] + b"\xff" * 8 + data[start + 8:])


def _json_day_with_a_stray_byte(path: Path) -> None:
    """Three articles in a JSON array (the SaudiNewsNet layout), one stray byte in the second."""
    text = SEED.decode("utf-8")
    articles = [{"title": f"article {i}", "content": text.replace("الموصل", f"الموصل {i}", 1)} for i in range(3)]
    data = json.dumps(articles, ensure_ascii=False).encode("utf-8")
    i = data.index("الموصل 1".encode())
    path.write_bytes(data[:i] + b"\xff" + data[i:])


def _deep_html(levels: int) -> bytes:
    body = "<div>" * levels + SEED.decode("utf-8") + "</div>" * levels
    return f"<!doctype html><html><body>{body}</body></html>".encode("utf-8")


def _warc(payload: bytes) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record("http://example.com/a", "response", payload=io.BytesIO(payload),
                                                  http_headers=headers))
    return buf.getvalue()


def cases(tmp: Path) -> list[tuple[str, Callable[[], list[str]]]]:
    """(name, a function that makes the input and returns the command's arguments)."""
    def analyze(name: str, data: bytes) -> Callable[[], list[str]]:
        def make() -> list[str]:
            (tmp / name).write_bytes(data) if not (tmp / name).exists() else None
            return ["analyze", str(tmp / name)]
        return make

    def ingest(name: str, build: Callable[[Path], None]) -> Callable[[], list[str]]:
        def make() -> list[str]:
            folder = tmp / f"in-{name}"
            folder.mkdir(exist_ok=True)
            build(folder)
            return ["ingest", str(folder), "--db", str(tmp / f"{name}.db"), "--quiet"]
        return make

    def sparse(path: Path) -> Path:
        with open(path, "wb") as fh:
            fh.truncate(2 << 30)  # 2 GiB that take no disk space: only a reader that reads them all pays
        return path

    def analyze_sparse() -> list[str]:
        return ["analyze", str(sparse(tmp / "huge.txt"))]

    def warc_files(folder: Path, garbage: bool) -> None:
        (folder / "crawl.warc").write_bytes(b"WARC/1.0\r\n" + os.urandom(4000) if garbage else b"")
        (folder / "cut.warc.gz").write_bytes(_warc(_deep_html(3))[:-200])

    def links(folder: Path) -> None:
        (folder / "good.txt").write_bytes(SEED)
        (folder / "dangling.txt").unlink(missing_ok=True)
        (folder / "dangling.txt").symlink_to(folder / "missing.txt")
        locked = folder / "locked"
        locked.mkdir(exist_ok=True)
        (locked / "a.txt").write_bytes(SEED)
        locked.chmod(0)

    return [
        ("UTF-8 article with one stray 0xFF", analyze("stray.txt", _stray(SEED))),
        ("UTF-8 article with 5% of its non-ASCII bytes damaged", analyze("damaged.txt", _damaged(SEED, 0.05))),
        ("Arabic film list with English titles, in windows-1256", analyze("films1256.txt", _film_list())),
        ("UTF-16 article without a mark", analyze("utf16.txt", SEED.decode().encode("utf-16-le"))),
        ("windows-1256 article", analyze("cp1256.txt", SEED.decode().encode("cp1256", "ignore"))),
        ("empty file", analyze("empty.txt", b"")),
        ("PNG image named .txt", analyze("image.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(3000))),
        ("11 MB text (over the 10 MB limit)", analyze("big.txt", b"a " * 5_500_000)),
        ("0.9 MB text, paragraphs", analyze("0.9mb.txt", _long_text(0.9, False))),
        ("5 MB text on one line", analyze("5mb-line.txt", _long_text(5, True))),
        ("5 MB without punctuation or spaces", analyze("5mb-word.txt", "خبر".encode() * 900_000)),
        ("0.9 MB of 4,900-character sentences dense with relation triggers", analyze("dense.txt", _dense_sentences())),
        ("HTML nested 10,000 levels deep", analyze("deep.html", _deep_html(10_000))),
        ("2 GiB file (sparse) to analyze", analyze_sparse),
        ("a device without end (/dev/zero) to analyze", lambda: ["analyze", "/dev/zero"]),
        ("a device without end (/dev/zero) to ingest", lambda: ["ingest", "/dev/zero", "--db", str(tmp / "zero.db")]),
        ("2 GiB file (sparse) and one good file to ingest",
         ingest("huge", lambda f: (sparse(f / "huge.txt"), (f / "good.txt").write_bytes(SEED)))),
        ("zip of 1 MB holding a 1 GiB member", ingest("bomb", lambda f: _zip_bomb(f / "bomb.zip"))),
        ("damaged ZIP and one good file", ingest("damaged-zip", lambda f: (_damaged_zip(f / "a.zip"),
                                                                           (f / "good.txt").write_bytes(SEED)))),
        ("JSON array of 3 articles, a stray byte in one", ingest("json-day", lambda f: _json_day_with_a_stray_byte(
            f / "2015-07-23.json"))),
        ("garbage WARC + cut WARC.gz", ingest("garbage-warc", lambda f: warc_files(f, True))),
        ("empty WARC + cut WARC.gz", ingest("empty-warc", lambda f: warc_files(f, False))),
        ("dangling link, unreadable folder, one good file", ingest("links", links)),
        ("folder of only bad inputs", ingest("all-bad", lambda f: (f / "x.jsonl").write_text("\n\n{oops\n"))),
    ]


def measure(args: list[str], timeout: float) -> tuple[int | str, str, float, float]:
    """(exit code, one-line message, wall seconds, peak RSS MB) of one `rased` run."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "rased", *args], stdout=out, stderr=err,
                                start_new_session=True)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                return "timeout", f"killed after {timeout:.0f} s", time.perf_counter() - started, usage.ru_maxrss / 1024
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        return code, _message(code, out.read(), err.read().decode("utf-8", "replace")), elapsed, usage.ru_maxrss / 1024


def _message(code: int, stdout: bytes, stderr: str) -> str:
    if "Traceback" in stderr:
        return "TRACEBACK: " + stderr.strip().splitlines()[-1]
    if code == 0 and stdout.startswith(b"{"):
        record = json.loads(stdout)
        problems = "; ".join(p["message"] for p in record.get("problems", []) if p["code"] in ("encoding", "budget"))
        return f"{len(record.get('entities') or ())} entities" + (f"; {problems}" if problems else "")
    lines = [line for line in stderr.splitlines() if line.strip()]
    return lines[0] if lines else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="run only the inputs whose name contains this")
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    print("| input | exit | message | seconds | peak RSS MB |")
    print("|---|---|---|---|---|")
    worst = 0.0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        try:
            for name, make in cases(Path(tmp)):
                if args.only and args.only not in name:
                    continue
                code, message, seconds, rss = measure(make(), args.timeout)
                worst = max(worst[0], seconds), max(worst[1], rss)
                message = message.replace("|", "\\|")[:160]
                print(f"| {name} | {code} | {message} | {seconds:.1f} | {rss:.0f} |", flush=True)
        finally:
            for locked in Path(tmp).glob("*/locked"):
                locked.chmod(0o755)  # so that the temporary folder can be removed
    print(f"\nslowest {worst[0]:.1f} s, largest {worst[1]:.0f} MB (targets: 30 s, 600 MB)")
    return 0 if worst[0] <= 30 and worst[1] <= 600 else 1


if __name__ == "__main__":
    sys.exit(main())
