"""Ingest readers: files, folders, JSONL, RSS, WARC, ANT, SaudiNewsNet, auto detection, bad inputs."""
from __future__ import annotations

import gzip
import io
import json
import zipfile

import pytest

from rased.errors import InputError
from rased.ingest import detect, ingest, read
from rased.ingest.readers import Bad, Doc

ARTICLES = [
    "أعلنت الحكومة العراقية اليوم بدء عملية عسكرية واسعة لاستعادة مدينة الموصل من تنظيم داعش بمشاركة قوات التحالف.",
    "قال وزير الخارجية السعودي في مؤتمر صحفي بالرياض إن المملكة تدعم الحل السياسي في اليمن وتطالب الحوثيين بالانسحاب.",
    "شهدت العاصمة المصرية القاهرة مظاهرات حاشدة للمطالبة بإصلاحات اقتصادية وسط انتشار أمني كثيف في الميادين الرئيسية.",
    "أكد البنك المركزي الأردني أن الاحتياطيات الأجنبية ارتفعت خلال الربع الأول من العام بفضل تحسن عائدات السياحة.",
]


def _html(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"


def make_warc(path, pages: list[tuple[str, str]], gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))
        # an image response is not an article: skipped, not a failure
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("http://x/a.png", "response", payload=io.BytesIO(b"\x89PNG...."), http_headers=img))


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار الاختبار</title><link>http://news.test/</link>
<item><title>عنوان الخبر الأول</title><link>http://news.test/1</link><pubDate>Mon, 17 Oct 2016 08:00:00 GMT</pubDate>
<description><![CDATA[<p>{a}</p>]]></description></item>
<item><title>عنوان الخبر الثاني</title><link>http://news.test/2</link><pubDate>Tue, 18 Oct 2016 09:30:00 GMT</pubDate>
<description><![CDATA[<p>{b}</p>]]></description></item>
</channel></rss>"""

ANT_DOC = """<DOC>
<DOCNO>ALARABIYA_{n}</DOCNO>
<URL>http://www.alarabiya.net/{n}.html</URL>
<SRC>ALARABIYA</SRC>
<CAT>politics</CAT>
<TITLE>عنوان {n}</TITLE>
<TIME>2015-06-{n:02d}</TIME>
<TEXT>{text}</TEXT>
</DOC>"""


def test_text_and_html_files_in_nested_folders(tmp_path, store):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(ARTICLES[0], encoding="utf-8")
    (tmp_path / "a" / "b" / "two.html").write_text(_html("خبر اليمن", ARTICLES[1]), encoding="utf-8")
    (tmp_path / "a" / "b" / "three.txt").write_bytes(ARTICLES[2].encode("cp1256"))  # windows-1256
    (tmp_path / "a" / ".hidden.txt").write_text("ملف مخفي", encoding="utf-8")
    s = ingest([tmp_path], store)
    assert (s.read, s.stored, s.failed) == (3, 3, 0)
    assert {h.id for h in store.search("بالموصل")} and {h.id for h in store.search("اليمن")}
    assert store.search("القاهرة")  # decoded from windows-1256


def test_jsonl_named_fields_and_text_field(tmp_path, store):
    lines = [
        {"title": "خبر أول", "content": ARTICLES[0], "url": "http://j/1", "source": "jsrc", "date": "2016-10-17"},
        {"headline": "خبر ثان", "body": ARTICLES[1], "link": "http://j/2"},
        {"title": "بلا نص"},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n", encoding="utf-8")
    s = ingest([path], store)
    assert (s.read, s.stored, s.failed) == (4, 2, 2)
    assert set(s.reasons) == {"empty", "json"}
    hit = store.search("الموصل")[0]
    assert (hit.url, hit.source, hit.title) == ("http://j/1", "jsrc", "خبر أول")
    assert hit.published.startswith("2016-10-17")
    custom = tmp_path / "custom.jsonl"
    custom.write_text(json.dumps({"matn": ARTICLES[2], "text": "ليس هذا"}, ensure_ascii=False) + "\n", encoding="utf-8")
    s2 = ingest([custom], store, format="jsonl", text_field="matn")
    assert s2.stored == 1 and store.search("القاهرة")
    s3 = ingest([custom], store, format="jsonl", text_field="nope")
    assert s3.failed == 1 and "no field 'nope'" in s3.examples[0][1]


def test_rss_feed(tmp_path, store):
    path = tmp_path / "feed.xml"
    path.write_text(RSS.format(a=ARTICLES[0], b=ARTICLES[1]), encoding="utf-8")
    assert detect("feed.xml", path.read_bytes()) == "rss"
    s = ingest([path], store)
    assert (s.stored, s.failed) == (2, 0)
    hit = store.search("الموصل")[0]
    assert hit.url == "http://news.test/1" and hit.title == "عنوان الخبر الأول"
    assert hit.source == "أخبار الاختبار"


def test_warc_built_in_the_test(tmp_path, store):
    path = tmp_path / "crawl.warc.gz"
    make_warc(path, [("http://site.test/a", _html("خبر الموصل", ARTICLES[0])), ("http://site.test/b", _html("خبر القاهرة", ARTICLES[2]))])
    s = ingest([path], store)
    assert (s.read, s.stored, s.failed) == (2, 2, 0)
    assert store.search("الموصل")[0].url == "http://site.test/a"
    plain = tmp_path / "plain.warc"
    make_warc(plain, [("http://site.test/c", _html("خبر", ARTICLES[3]))], gz=False)
    assert ingest([plain], store).stored == 1


def test_truncated_warc_keeps_what_came_before(tmp_path, store):
    full = tmp_path / "full.warc"
    make_warc(full, [(f"http://t.test/{i}", _html(f"خبر {i}", ARTICLES[i])) for i in range(3)], gz=False)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc"
    second = data.index(b"WARC/1", data.index(b"WARC/1", data.index(b"WARC/1") + 1) + 1)  # start of record 3
    cut.write_bytes(data[: second - 40])  # record 2 loses its tail
    s = ingest([cut], store)
    assert (s.stored, s.failed) == (1, 1)
    assert s.reasons["warc"] == 1 and "truncated" in store.failures()[0].reason


def test_ant_files_and_tar_archive(tmp_path, store):
    import tarfile

    folder = tmp_path / "ant"
    folder.mkdir()
    for n in range(2):
        (folder / f"doc{n}.txt").write_text(ANT_DOC.format(n=n + 1, text=ARTICLES[n]), encoding="utf-8")
    (folder / "broken.xml").write_text("<DOC><DOCNO>X</DOCNO><TEXT>بلا نهاية", encoding="utf-8")
    s = ingest([folder], store)
    assert (s.stored, s.failed) == (2, 1)
    hit = store.search("الموصل")[0]
    assert hit.source == "ALARABIYA" and hit.url == "http://www.alarabiya.net/1.html" and hit.title == "عنوان 1"
    archive = tmp_path / "ant.tar.xz"
    with tarfile.open(archive, "w:xz") as tf:
        for n in range(2, 4):
            p = tmp_path / f"m{n}.txt"
            p.write_text(ANT_DOC.format(n=n + 1, text=ARTICLES[n]), encoding="utf-8")
            tf.add(p, arcname=f"ant/{p.name}")
    s2 = ingest([archive], store, format="ant")
    assert s2.stored == 2


def test_saudinewsnet_json_and_zip(tmp_path, store):
    items = [
        {"source": "aleqtisadiya", "url": "http://sa/1", "date_extracted": "2015-07-21 02:51:32", "title": "خبر",
         "author": "x", "content": ARTICLES[1]},
        {"source": "okaz", "url": "http://sa/2", "date_extracted": "2015-07-21 03:00:00", "title": "خبر 2",
         "author": "", "content": ARTICLES[3]},
    ]
    z = tmp_path / "2015-07-21.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("2015-07-21.json", json.dumps(items, ensure_ascii=False))
    s = ingest([z], store, format="saudinewsnet")
    assert s.stored == 2
    assert store.search("اليمن")[0].source == "aleqtisadiya"
    j = tmp_path / "day.json"
    j.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    assert detect("day.json", j.read_bytes()) == "saudinewsnet"
    assert ingest([j], store).existing == 2  # same texts: nothing new


def test_bad_inputs_in_a_folder_are_reported_and_skipped(tmp_path, store):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLES[0], encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    rnd = __import__("random").Random(1)
    (tmp_path / "bytes.txt").write_bytes(bytes(rnd.randrange(1, 256) for _ in range(400)))  # no known encoding
    (tmp_path / "bad.xml").write_text("<rss><channel><item><title>x</title>", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "نص ناقص', encoding="utf-8")
    warc = tmp_path / "cut.warc.gz"
    make_warc(warc, [("http://t/1", _html("خبر", ARTICLES[1]))])
    warc.write_bytes(warc.read_bytes()[:60])
    s = ingest([tmp_path], store)
    assert s.stored == 1
    assert s.failed == 7, s.examples
    failures = {f.locator.split("/")[-1].split("@")[0].split(":")[0].split("#")[0]: f for f in store.failures()}
    assert set(failures) == {"image.png", "empty.txt", "blank.txt", "bytes.txt", "bad.xml", "bad.jsonl", "cut.warc.gz"}
    assert all(f.reason for f in failures.values())


def test_missing_path_and_unknown_format(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read([tmp_path / "nope"]))
    with pytest.raises(InputError, match="unknown format"):
        list(read([tmp_path], format="pdf"))


def test_detect():
    assert detect("x.warc.gz", b"\x1f\x8b") == "warc"
    assert detect("x.jsonl", b"{}") == "jsonl"
    assert detect("x.txt", b"<DOC>\n<DOCNO>1</DOCNO>") == "ant"
    assert detect("x", b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>") == "rss"
    assert detect("x.htm", b"hello") == "html"
    assert detect("x", "نص عربي".encode()) == "text"
    assert detect("x.bin", b"\x00\x00\x00\x01") is None


def test_stored_records_are_read_back_unchanged(tmp_path, store):
    from rased.record import Article, content_id, to_dict

    a = Article(id=content_id(ARTICLES[0]), text=ARTICLES[0], title="سجل", source="rec")
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(to_dict(a), ensure_ascii=False) + "\n", encoding="utf-8")
    docs = list(read([path]))
    assert isinstance(docs[0], Doc) and docs[0].record is not None
    assert ingest([path], store).stored == 1
    assert store.get(a.id) == a


def test_gzip_is_not_mistaken_for_text(tmp_path, store):
    (tmp_path / "x.txt.gz").write_bytes(gzip.compress(ARTICLES[0].encode()))
    s = ingest([tmp_path], store)
    assert s.failed == 1 and isinstance(next(iter(read([tmp_path]))), Bad)
