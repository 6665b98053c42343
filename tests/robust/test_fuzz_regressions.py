"""Crashes the fuzzing gate (tests/gates/test_gates_fuzz.py) found, kept as regression tests."""
from __future__ import annotations

import pytest

from rased.ingest.readers import Bad, documents

FEED = b'<?xml version="1.0" encoding="%s"?><rss version="2.0"><channel><title>t</title><item><title>x</title>' \
       b'<description>\xd8\xae\xd8\xa8\xd8\xb1</description></item></channel></rss>'


@pytest.mark.parametrize("encoding", [b"\x80utf-8", b"\x00utf-8"])
def test_feed_with_a_broken_encoding_declaration_is_a_failure(encoding):
    """feedparser raised UnicodeDecodeError / ValueError («embedded null character») out of the reader."""
    items = list(documents("feed.xml", "feed.xml", FEED % encoding))
    assert len(items) == 1 and isinstance(items[0], Bad) and items[0].code == "feed"
