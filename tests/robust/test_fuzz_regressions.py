"""Crashes the fuzzing gate (tests/gates/test_gates_fuzz.py) found, kept as regression tests."""
from __future__ import annotations

import io
import zipfile

import pytest

from rased.ingest.readers import Bad, documents, read

FEED = b'<?xml version="1.0" encoding="%s"?><rss version="2.0"><channel><title>t</title><item><title>x</title>' \
       b'<description>\xd8\xae\xd8\xa8\xd8\xb1</description></item></channel></rss>'


def test_feed_with_a_nul_in_its_encoding_declaration_is_a_failure():
    """feedparser raised ValueError («embedded null character») out of the reader."""
    items = list(documents("feed.xml", "feed.xml", FEED % b"\x00utf-8"))
    assert len(items) == 1 and isinstance(items[0], Bad) and items[0].code == "feed"


def test_feed_with_a_stray_byte_in_its_encoding_declaration_is_read():
    """feedparser raised UnicodeDecodeError out of the reader; a failure then, the stray byte is now replaced before
    feedparser reads the feed (as any stray byte of a UTF-8 feed) and the entry is read."""
    items = list(documents("feed.xml", "feed.xml", FEED % b"\x80utf-8"))
    assert [(type(i).__name__, i.data) for i in items] == [("Doc", "خبر")]


def _zip_of(text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", text)
    return buf.getvalue()


def _corrupt_deflate(data: bytes) -> bytes:
    start = 30 + len("a.txt")  # the member's compressed bytes follow its local header
    return data[:start] + b"\xff" * 8 + data[start + 8:]


def _lost_byte(data: bytes) -> bytes:
    return data[:2] + data[3:]  # «PK\x03\x04» loses a byte: every offset of the directory is one off


# Found by the fuzzing gate (test_fuzz_zip): zlib.error while a member inflated, ValueError («negative seek
# value») from a directory whose offsets point before the file; both escaped the reader and stopped an ingest.
@pytest.mark.parametrize("damage", [_corrupt_deflate, _lost_byte])
def test_damaged_zip_is_a_failure(tmp_path, damage):
    data = damage(_zip_of("خبر عن بغداد والموصل. " * 50))
    items = list(documents("corpus.zip", "corpus.zip", data))
    assert items and all(isinstance(i, Bad) and i.code == "archive" for i in items)
    (tmp_path / "corpus.zip").write_bytes(data)
    assert all(isinstance(i, Bad) for i in read([tmp_path / "corpus.zip"]))
