"""Bad input: a one-line error and exit code 2, or a record with a problem — never a traceback."""
from __future__ import annotations

import subprocess
import sys
import zlib

import pytest

from rased import analyze
from rased.errors import InputError

PNG = b"\x89PNG\r\n\x1a\n" + zlib.compress(b"\x00" * 200)


def rased(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rased", *args], input=stdin, capture_output=True, timeout=120)


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("empty", b"", "empty"),
        ("spaces", b"  \n\n \t ", "empty"),
        ("png", PNG, "PNG"),
        ("pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("zip", b"PK\x03\x04" + b"\x00" * 40, "ZIP"),
        ("nul bytes", b"abc\x00def\x00" * 100, "binary"),
        ("gzip", zlib.compress(b"x") and b"\x1f\x8b\x08\x00" + b"\x00" * 20, "gzip"),
    ],
)
def test_cli_refuses_with_one_line(tmp_path, name, data, words):
    path = tmp_path / "input.bin"
    path.write_bytes(data)
    result = rased("analyze", str(path))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("rased: error[input]")
    assert words.lower() in err.lower()
    assert "Traceback" not in err


def test_huge_file(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(("خبر " * 13_000_000).encode("utf-8"))  # about 50 MB
    result = rased("analyze", str(path))
    assert result.returncode == 2
    assert "too large" in result.stderr.decode()


def test_huge_file_is_refused_unread(tmp_path):
    """A file over --max-bytes is refused after reading the limit, not the whole file."""
    import tracemalloc

    from rased.cli.cmd_analyze import read_input

    path = tmp_path / "huge.txt"
    path.write_bytes(("خبر " * 13_000_000).encode("utf-8"))  # about 50 MB
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match=r"too large \(91\.0 MB; the limit is 1 MB\)"):
            read_input(str(path), 1_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3_000_000


def test_stream_over_the_limit_is_refused(tmp_path):
    """A pipe (or a device) reports no size: the refusal says «over» the limit, not «0.0 kB»."""
    import os
    import threading

    from rased.cli.cmd_analyze import read_input

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as fh:
            fh.write(b"x" * 5000)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        with pytest.raises(InputError, match=r"the input is too large \(over 1\.0 kB; the limit is 1 kB\)"):
            read_input(str(fifo), 1000)
    finally:
        writer.join(timeout=10)


def test_huge_standard_input():
    result = rased("analyze", "-", "--max-bytes", "1000", stdin=("خبر " * 1000).encode("utf-8"))
    err = result.stderr.decode()
    assert result.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "the input is too large (over 1.0 kB; the limit is 1 kB)" in err


def test_missing_file_and_folder(tmp_path):
    assert rased("analyze", str(tmp_path / "nope.txt")).returncode == 2
    result = rased("analyze", str(tmp_path))
    assert result.returncode == 2 and "folder" in result.stderr.decode()


def test_stdin():
    result = rased("analyze", "-", stdin="قال الرئيس إن الاجتماع انتهى.\nوأضاف أن المحادثات مستمرة.".encode())
    assert result.returncode == 0
    assert b'"schema": "rased.article/1"' in result.stdout


def test_non_arabic_text_is_a_record_with_a_problem():
    article = analyze(b"The quick brown fox.\nIt jumps over the lazy dog, twice a day.")
    assert any(p.code == "not_arabic" for p in article.problems)


def test_windows_1256_and_bom(seed_bytes):
    text = seed_bytes.decode("utf-8")
    as_1256 = analyze(text.encode("cp1256"))
    as_bom_crlf = analyze(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    plain = analyze(seed_bytes)
    assert as_1256.text == plain.text == as_bom_crlf.text
    assert as_1256.title == plain.title
    assert any(p.code == "encoding" and "1256" in p.message for p in as_1256.problems)


def test_truncated_html():
    page = "<html><head><title>عنوان</title></head><body><article><h1>عنوان الخبر</h1><p>قال المتحدث إن الوضع"
    try:
        article = analyze(page.encode())
    except InputError as err:
        assert err.one_line().startswith("error[input]")
    else:
        assert "قال المتحدث" in article.text


def test_api_rejects_other_types():
    with pytest.raises(InputError):
        analyze(12345)  # type: ignore[arg-type]
