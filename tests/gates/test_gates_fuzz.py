"""Fuzzing gate: Hypothesis throws generated and mutated inputs at the decoder, every reader, cleaning and the
date parser, for a fixed number of examples each (``make eval``). A reader may refuse an input (``Bad``,
``InputError``) but never raise anything else; each crash found here becomes a test in tests/robust/."""
from __future__ import annotations

import io
import json
import tarfile
import zipfile
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rased.arabic.dates import find_dates
from rased.errors import InputError
from rased.ingest.readers import Bad, Doc, documents
from rased.io import decode as decoding
from rased.io import flatten as flat_html
from rased.io import html as html_input
from rased.pipeline import prepare
from rased.settings import DEFAULT
from rased.stages import clean, header

pytestmark = pytest.mark.gate

EXAMPLES = 300
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
TEXTY = st.text(st.one_of(ARABIC, st.sampled_from(list(" \n\t.،؟!«»:-<>/&;\"'=0123456789٠١٢٣abcxyz\ufeff\ufffd"))),
                max_size=600)
SEED = "بغداد - (رويترز) - قال رئيس الوزراء العراقي إن القوات دخلت الموصل.\n\nوأضاف أن المعارك مستمرة.\n"


def _mutated(base: bytes):
    """``base`` with a few bytes inserted, dropped or flipped, or cut short."""
    @st.composite
    def build(draw):
        data = bytearray(base)
        for _ in range(draw(st.integers(0, 6))):
            if not data:
                break
            i = draw(st.integers(0, len(data) - 1))
            op = draw(st.sampled_from(("insert", "drop", "flip", "cut")))
            if op == "insert":
                data[i:i] = draw(st.binary(min_size=1, max_size=4))
            elif op == "drop":
                del data[i]
            elif op == "flip":
                data[i] ^= draw(st.integers(1, 255))
            else:
                del data[i:]
        return bytes(data)
    return build()


def _read(name: str, data: bytes) -> list:
    items = list(documents(name, name, data))
    assert all(isinstance(i, (Doc, Bad)) for i in items)
    return items


@FUZZ
@given(st.one_of(st.binary(max_size=2000), _mutated(SEED.encode()), _mutated(SEED.encode("utf-16")),
                 _mutated(SEED.encode("cp1256"))))
def test_fuzz_decode(data):
    try:
        got = decoding.decode(data, max_bytes=1_000_000)
    except InputError:
        return
    assert "\r" not in got.text and got.replaced >= 0


@FUZZ
@given(TEXTY)
def test_fuzz_html(body):
    page = f"<!doctype html><html><head><title>{body[:40]}</title></head><body><article><p>{body}</p></article></body></html>"
    for data in (page, page[: len(page) // 2]):
        try:
            text, hints, notes = html_input.extract(data)
        except InputError:  # no article text: a refusal, not a crash
            continue
        assert text.strip() and isinstance(hints, dict) and isinstance(notes, list)


SOUP = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<span class='a'>", "</span>", "<br>", "<li>", "<b/>",
                        "<script>", "</script>", "<style>", "</style>", "<!-- x -->", "&amp;", "&#1575;", "</x>", "<",
                        ">", "<div", "<!doctype html>"])


@st.composite
def _tag_soup(draw) -> str:
    """Markup pieces and text, a piece sometimes repeated hundreds of times (deep nesting)."""
    parts = [draw(st.one_of(SOUP, TEXTY.map(lambda t: t[:40]))) * draw(st.sampled_from((1, 1, 1, 30, 300)))
             for _ in range(draw(st.integers(0, 30)))]
    return "".join(parts)


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        if not self.cdata_elem:
            self.text.append(data)


def _visible(page: str) -> str:
    parser = _Visible()
    parser.feed(page)
    parser.close()
    return "".join("".join(parser.text).split())


@FUZZ
@given(_tag_soup())
def test_fuzz_flatten(page):
    """Flattening drops tags, never text; the flattened page nests no deeper than asked; extraction never raises."""
    flat = flat_html.flatten(page, max_depth=20)
    assert _visible(flat.html) == _visible(page)
    assert flat_html.flatten(flat.html, max_depth=20).dropped == 0
    try:
        html_input.extract(page)
    except InputError:
        pass


RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><item><title>{0}</title>'
       '<link>http://example.com/a</link><description>{0}</description><pubDate>{1}</pubDate></item></channel></rss>')


@FUZZ
@given(TEXTY, st.text(max_size=40))
def test_fuzz_rss(body, date):
    _read("feed.rss", RSS.format(body, date).encode())


@FUZZ
@given(_mutated(RSS.format(SEED, "Tue, 18 Apr 2017 13:51:00 +0300").encode()))
def test_fuzz_rss_bytes(data):
    _read("feed.xml", data)


def _warc_bytes() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    body = f"<html><body><p>{SEED}</p></body></html>".encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record("http://example.com/a", "response", payload=io.BytesIO(body),
                                                  http_headers=headers))
    return buf.getvalue()


@FUZZ
@given(st.one_of(_mutated(_warc_bytes()), st.binary(max_size=500).map(lambda b: b"WARC/1.0\r\n" + b)))
def test_fuzz_warc(data):
    _read("crawl.warc", data)


@FUZZ
@given(st.lists(st.one_of(st.dictionaries(st.sampled_from(["text", "title", "url", "date", "x"]),
                                          st.one_of(TEXTY, st.integers(), st.none(), st.lists(st.integers()))),
                          st.integers(), TEXTY.map(json.dumps)), max_size=5),
       st.binary(max_size=50))
def test_fuzz_jsonl(objects, junk):
    lines = [json.dumps(o, ensure_ascii=False) for o in objects] + [junk.decode("latin-1")]
    _read("docs.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))


def _archive(kind: str) -> bytes:
    """A small archive of two articles: a ZIP (deflated) or a gzipped tar."""
    buf = io.BytesIO()
    members = {"a.txt": SEED.encode(), "b.jsonl": json.dumps({"text": SEED}, ensure_ascii=False).encode()}
    if kind == "zip":
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members.items():
                zf.writestr(name, data)
    else:
        with tarfile.open(fileobj=buf, mode="w:gz") as tf:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


@FUZZ
@given(_mutated(_archive("zip")))
def test_fuzz_zip(data):
    _read("corpus.zip", data)


@FUZZ
@given(_mutated(_archive("tar")))
def test_fuzz_tar(data):
    _read("corpus.tar.gz", data)


ANT = "<DOC><DOCNO>{0}</DOCNO><TITLE>{1}</TITLE><TIME>{2}</TIME><TEXT>{1}</TEXT></DOC>"


@FUZZ
@given(st.text(max_size=20), TEXTY, st.text(max_size=30))
def test_fuzz_ant(docno, body, time):
    _read("ant.xml", ANT.format(docno, body, time).encode())


@FUZZ
@given(_mutated(ANT.format("A1", SEED, "2017-04-18").encode()))
def test_fuzz_ant_bytes(data):
    _read("ant.xml", data)


@FUZZ
@given(TEXTY)
def test_fuzz_clean(text):
    try:
        article = prepare(text)
    except InputError:
        return
    article = clean.run(header.run(article, DEFAULT), DEFAULT)
    for start, raw_start, length in article.raw_offsets:  # every clean run maps back into the input
        assert 0 <= start and start + length <= len(article.text) and raw_start + length <= len(article.raw)


REFERENCE = datetime(2017, 4, 18, 12, tzinfo=timezone.utc)
DATE_WORDS = st.sampled_from(["نيسان", "أبريل", "رمضان", "منذ", "ساعات", "ص", "م", "2017", "١٨", "/", ":", "-",
                              "T", "+03:00", "Tue,", "GMT", "الثلاثاء", "هـ", "أمس", "0", "99", "31", "2"])


@FUZZ
@given(st.one_of(st.lists(DATE_WORDS, max_size=12).map(" ".join), st.text(max_size=80)))
def test_fuzz_dates(text):
    for m in find_dates(text, reference=REFERENCE):
        assert 0 <= m.start <= m.end <= len(text)
