"""`rased analyze` on a corpus, feed or archive file that holds one article: its fields fill the record; a file
of several is refused with a pointer to `rased ingest`."""
from __future__ import annotations

import json
import subprocess
import sys

BODY = ("أعلنت وزارة الصحة العراقية اليوم عن افتتاح مستشفى جديد في مدينة الموصل بعد سنوات من الحرب، "
        "وقال وزير الصحة إن المستشفى سيخدم آلاف المرضى في محافظة نينوى.")
ANT_DOC = f"""<DOC>
<DOCNO>AL-health-7-20180301</DOCNO>
<URL>http://www.alarabiya.net/ar/health/2018/03/01/hospital.html</URL>
<SRC>alarabia</SRC>
<CAT>health</CAT>
<TITLE>مستشفى جديد في الموصل</TITLE>
<TIME>Thu, 01 Mar 2018 10:00:00 +0300</TIME>
<AUTHOR>بغداد - العربية.نت</AUTHOR>
<ABSTRACT>{BODY[:60]}</ABSTRACT>
<TEXT>{BODY}</TEXT>
</DOC>
"""


def rased(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rased", *args], input=stdin, capture_output=True, timeout=120)


def analyzed(path) -> dict:
    result = rased("analyze", str(path))
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_an_ant_document_gives_its_title_time_source_and_body(tmp_path):
    path = tmp_path / "AL-health-7-20180301.txt"
    path.write_text(ANT_DOC, encoding="utf-8")
    rec = analyzed(path)
    assert rec["title"] == "مستشفى جديد في الموصل"
    assert rec["published"]["value"].startswith("2018-03-01T10:00:00")
    assert rec["url"].endswith("hospital.html") and rec["source"] == "alarabia"
    assert rec["text"].startswith("أعلنت وزارة الصحة") and "<DOC" not in rec["text"] and "DOCNO" not in rec["text"]
    same = json.loads(rased("analyze", "-", stdin=ANT_DOC.encode()).stdout)
    assert same["title"] == rec["title"] and same["text"] == rec["text"]


def test_a_json_line_gives_its_fields(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"title": "مستشفى جديد", "text": BODY, "url": "https://example.org/a",
                                "published": "2018-03-01T10:00:00+03:00"}, ensure_ascii=False) + "\n", encoding="utf-8")
    rec = analyzed(path)
    assert rec["title"] == "مستشفى جديد" and rec["url"] == "https://example.org/a"
    assert rec["published"]["value"].startswith("2018-03-01T10:00:00") and rec["text"].startswith("أعلنت")


def test_a_file_of_several_documents_is_refused_in_one_line(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text(ANT_DOC + ANT_DOC.replace("AL-health-7", "AL-health-8"), encoding="utf-8")
    result = rased("analyze", str(path))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "2 documents" in err and "rased ingest" in err and "Traceback" not in err


def test_a_cut_corpus_document_is_refused_in_one_line(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text(ANT_DOC[:300], encoding="utf-8")
    result = rased("analyze", str(path))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "TEXT" in err and "Traceback" not in err


def test_one_json_object_over_several_lines(tmp_path):
    path = tmp_path / "article.json"
    path.write_text(json.dumps({"title": "مستشفى جديد", "text": BODY}, ensure_ascii=False, indent=2), encoding="utf-8")
    rec = analyzed(path)
    assert rec["title"] == "مستشفى جديد" and rec["text"].startswith("أعلنت")
