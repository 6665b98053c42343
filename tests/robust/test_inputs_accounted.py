"""Archives are read through bounded streams (zip bombs refused without inflating them) and every input that
gives no article is a recorded failure; `rased ingest` exits 1 when nothing at all was stored."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import tracemalloc
import zipfile

import pytest

from rased.ingest.readers import Bad, Doc, documents, read


def _zip_with(name: str, size: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf, zf.open(name, "w", force_zip64=True) as fh:
        chunk = b"\x00" * 1_000_000
        for _ in range(size // len(chunk)):
            fh.write(chunk)
    return buf.getvalue()


def _read_all(path) -> list:
    return list(read([path]))


@pytest.mark.parametrize("size", [200_000_000, 5_000_000])  # over the member limit; under it but 1000:1
def test_zip_bomb_is_refused_without_inflating(tmp_path, size):
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_zip_with("big.txt", size))
    tracemalloc.start()
    items = _read_all(bomb)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [type(i) for i in items] == [Bad] and items[0].code == "archive"
    assert "zip bomb" in items[0].reason or "too large" in items[0].reason
    assert peak < 5_000_000 + len(bomb.read_bytes()) * 2


def test_tar_bomb_member_is_refused(tmp_path):
    path = tmp_path / "bomb.tar.gz"
    with tarfile.open(path, "w:gz") as tf:
        info = tarfile.TarInfo("big.txt")
        info.size = 5_000_000
        tf.addfile(info, io.BytesIO(b"\x00" * info.size))
    items = _read_all(path)
    assert len(items) == 1 and isinstance(items[0], Bad) and "inflates" in items[0].reason


def test_tar_members_together_over_the_member_limit_are_read(tmp_path, monkeypatch):
    """The member limit is for each member: a tar whose members together inflate past it (the ANT archive:
    24,000 small files, 12.7 MB of xz) is read whole; only its ratio to the file is a bomb's sign."""
    from rased.ingest import readers

    monkeypatch.setattr(readers, "MEMBER_BYTES", 20_000)
    path = tmp_path / "many.tar.gz"
    with tarfile.open(path, "w:gz") as tf:
        for i in range(8):
            data = "".join(f"خبر رقم {i * 1000 + k} عن بغداد. " for k in range(300)).encode("utf-8")
            info = tarfile.TarInfo(f"a{i}.txt")
            info.size = len(data)
            assert 5_000 < info.size < 20_000
            tf.addfile(info, io.BytesIO(data))
    items = _read_all(path)
    assert [type(i) for i in items] == [Doc] * 8, [getattr(i, "reason", "") for i in items]


def test_small_archive_members_still_read(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", "خبر عن بغداد. " * 2000)  # compresses very well, but is small
    (tmp_path / "ok.zip").write_bytes(buf.getvalue())
    assert [type(i) for i in _read_all(tmp_path / "ok.zip")] == [Doc]


def test_nothing_vanishes(tmp_path):
    (tmp_path / "good.txt").write_text("خبر عن بغداد.", encoding="utf-8")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "blank.jsonl").write_text("\n\n", encoding="utf-8")
    (tmp_path / "garbage.warc").write_bytes(b"WARC/1.0\r\n" + os.urandom(2000))
    (tmp_path / "empty.zip").write_bytes(_empty_zip())
    items = _read_all(tmp_path)
    by_name = {os.path.basename(i.locator.split("@")[0].split("!")[0]): i for i in items}
    assert isinstance(by_name["good.txt"], Doc)
    for name in ("dangling.txt", "blank.jsonl", "garbage.warc", "empty.zip"):
        assert isinstance(by_name.get(name), Bad), name
    assert "link" in by_name["dangling.txt"].reason


def _empty_zip() -> bytes:
    buf = io.BytesIO()
    zipfile.ZipFile(buf, "w").close()
    return buf.getvalue()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_a_failure(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("خبر", encoding="utf-8")
    locked.chmod(0)
    try:
        items = _read_all(tmp_path)
    finally:
        locked.chmod(0o755)
    assert any(isinstance(i, Bad) and "folder" in i.reason for i in items)


def test_ingest_exits_1_when_every_input_failed(tmp_path):
    (tmp_path / "garbage.warc").write_bytes(b"WARC/1.0\r\n" + b"\xff" * 500)
    (tmp_path / "blank.jsonl").write_text("\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "rased", "ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "--quiet"]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "all 2 inputs failed" in lines[0] and "Traceback" not in result.stderr
    result = subprocess.run([*cmd, "--json"], capture_output=True, text=True, timeout=120)
    details = json.loads(result.stdout)
    assert result.returncode == 1 and len(details["failure_examples"]) == 2


def _peak(consume) -> int:
    tracemalloc.start()
    try:
        consume()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _count(path, kinds: dict) -> None:
    for item in read([path]):
        kinds[type(item).__name__] = kinds.get(type(item).__name__, 0) + 1


def test_json_lines_are_read_a_line_at_a_time(tmp_path):
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": "خبر عن بغداد والموصل. " * 60, "title": "عنوان"}, ensure_ascii=False) + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(20_000_000 // len(line.encode())):
            fh.write(line)
    kinds: dict = {}
    peak = _peak(lambda: _count(path, kinds))
    assert kinds == {"Doc": 20_000_000 // len(line.encode())}
    assert peak < 2_000_000  # the file is 20 MB: never held whole


def test_archive_on_disk_is_not_read_whole(tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for i in range(200):
            zf.writestr(f"a{i:03}.txt", ("خبر رقم %d عن بغداد. " % i) * 4000)
    assert path.stat().st_size > 20_000_000
    kinds: dict = {}
    peak = _peak(lambda: _count(path, kinds))
    assert kinds == {"Doc": 200} and peak < 2_000_000


def test_file_over_the_whole_file_limit_is_a_failure_unread(tmp_path, monkeypatch):
    from rased.ingest import readers

    monkeypatch.setattr(readers, "WHOLE_FILE_BYTES", 1_000_000)
    (tmp_path / "huge.txt").write_bytes("خبر عن بغداد. ".encode() * 100_000)
    (tmp_path / "small.txt").write_bytes("خبر عن بغداد. ".encode() * 100)
    items = list(read([tmp_path]))
    assert [type(i) for i in items] == [Bad, Doc]
    assert items[0].code == "size" and "too large to read whole" in items[0].reason


def test_json_line_over_the_line_limit_is_skipped(tmp_path, monkeypatch):
    from rased.ingest import readers

    monkeypatch.setattr(readers, "LINE_BYTES", 1000)
    good = json.dumps({"text": "خبر عن بغداد."}, ensure_ascii=False)
    long = json.dumps({"text": "خبر " * 2000}, ensure_ascii=False)
    (tmp_path / "lines.jsonl").write_text(f"{good}\n{long}\n{good}\r\n\n{good}", encoding="utf-8")
    items = list(read([tmp_path / "lines.jsonl"]))
    assert [(type(i).__name__, i.locator.rsplit(":", 1)[1]) for i in items] == [
        ("Doc", "1"), ("Bad", "2"), ("Doc", "3"), ("Doc", "5")]
    assert items[1].code == "size"


def test_a_reader_that_raises_fails_its_file_only(tmp_path, monkeypatch):
    from rased.ingest import readers

    def broken(locator, data):
        yield Doc(f"{locator}#1", "h1", "خبر أول عن بغداد.")
        raise RuntimeError("a bug in the feed reader")

    monkeypatch.setattr(readers, "_rss", broken)
    (tmp_path / "a.rss").write_text("<rss><channel><item><title>x</title></item></channel></rss>")
    (tmp_path / "b.txt").write_text("خبر عن الموصل.", encoding="utf-8")
    items = list(read([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Doc", "Bad", "Doc"]
    assert items[1].code == "error" and "RuntimeError: a bug in the feed reader" in items[1].reason


def test_linked_folder_is_read(tmp_path):
    """A link to a folder inside an input folder: its articles were left out without a word."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("خبر عن بغداد.", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b.txt").write_text("خبر عن الموصل.", encoding="utf-8")
    (tmp_path / "in" / "linked").symlink_to(tmp_path / "real")
    items = _read_all(tmp_path / "in")
    assert [(type(i).__name__, os.path.relpath(i.locator, tmp_path)) for i in items] == [
        ("Doc", "in/b.txt"), ("Doc", "in/linked/a.txt")]
    from rased.ingest.readers import files

    assert [f.name for f in files([tmp_path / "in"])] == ["b.txt", "a.txt"]


def test_link_cycle_is_a_failure(tmp_path):
    (tmp_path / "a.txt").write_text("خبر عن بغداد.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    items = _read_all(tmp_path)
    assert [type(i) for i in items] == [Doc, Bad] and "cycle" in items[1].reason


def test_folder_that_cannot_be_listed_is_a_failure(tmp_path, monkeypatch):
    """As the unreadable-folder test, for any user (root reads every folder): listing raises."""
    from pathlib import Path

    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("خبر", encoding="utf-8")
    (tmp_path / "b.txt").write_text("خبر عن الموصل.", encoding="utf-8")
    listing = Path.iterdir

    def iterdir(self):
        if self.name == "locked":
            raise PermissionError(13, "Permission denied")
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    items = _read_all(tmp_path)
    assert [type(i) for i in items] == [Doc, Bad]
    assert items[1].reason == "cannot read the folder: Permission denied"
    top = _read_all(tmp_path / "locked")  # the folder given itself
    assert [type(i) for i in top] == [Bad]


def test_a_stray_byte_in_a_json_line_is_replaced_and_recorded(tmp_path):
    """One 0xFF in a JSON line lost its article («invalid JSON: 'utf-8' codec can't decode»)."""
    from rased.ingest import ingest
    from rased.store import open_store

    line = json.dumps({"text": "قال رئيس الوزراء العراقي إن القوات دخلت الموصل. وأضاف أن المعارك مستمرة."},
                      ensure_ascii=False).encode()
    i = line.index("الموصل".encode())
    (tmp_path / "a.jsonl").write_bytes(line[:i] + b"\xff" + line[i:] + b"\n" + "\xe9t\xe9 \xe0 Paris".encode("latin-1"))
    items = list(read([tmp_path / "a.jsonl"]))
    assert [type(x) for x in items] == [Doc, Bad] and items[0].replaced == 1 and items[1].code == "encoding"
    store = open_store(str(tmp_path / "s.db"))
    try:
        summary = ingest([tmp_path / "a.jsonl"], store)
        assert (summary.stored, summary.failed) == (1, 1)
        article = store.get(summary.ids[0])
        assert "\ufffdالموصل" in article.text
        assert "1 invalid UTF-8 byte sequence(s) replaced by U+FFFD" in [p.message for p in article.problems]
    finally:
        store.close()


def test_a_stray_byte_in_an_ant_document_is_replaced_and_recorded(tmp_path):
    docs = [f"<DOC><DOCNO>A{i}</DOCNO><TEXT>قال رئيس الوزراء إن القوات دخلت الموصل {i}.</TEXT></DOC>".encode()
            for i in range(3)]
    damaged = docs[1].replace("الموصل".encode(), b"\xff" + "الموصل".encode())
    latin = "<DOC><DOCNO>A3</DOCNO><TEXT>\xe9t\xe9 \xe0 Paris \xe9t\xe9</TEXT></DOC>".encode("latin-1")
    items = list(documents("ant.xml", "ant.xml", b"\n".join([docs[0], damaged, docs[2], latin])))
    assert [(type(x).__name__, x.locator) for x in items] == [
        ("Doc", "ant.xml#A0"), ("Doc", "ant.xml#A1"), ("Doc", "ant.xml#A2"), ("Bad", "ant.xml#A3")]
    assert [x.replaced for x in items[:3]] == [0, 1, 0] and "\ufffdالموصل" in items[1].data


def test_analyze_of_a_json_line_with_a_stray_byte(tmp_path, capsys):
    from rased.cli import main as cli

    line = json.dumps({"text": "قال رئيس الوزراء العراقي إن القوات دخلت الموصل. وأضاف أن المعارك مستمرة."},
                      ensure_ascii=False).encode()
    i = line.index("الموصل".encode())
    (tmp_path / "one.jsonl").write_bytes(line[:i] + b"\xff" + line[i:])
    assert cli.main(["analyze", str(tmp_path / "one.jsonl")]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {"code": "encoding", "message": "1 invalid UTF-8 byte sequence(s) replaced by U+FFFD"}.items() <= \
        record["problems"][0].items()


def test_a_stray_byte_in_a_feed_is_replaced_and_recorded(tmp_path):
    """One stray byte made feedparser read the whole UTF-8 feed as windows-1252: every entry in mojibake."""
    from rased.ingest import ingest
    from rased.store import open_store

    entries = "".join(f"<item><title>خبر {i}</title><link>http://e.com/{i}</link><description>قال رئيس الوزراء "
                      f"العراقي إن القوات دخلت الموصل يوم {i}. وأضاف أن المعارك مستمرة.</description></item>"
                      for i in range(2))
    feed = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>{entries}</channel></rss>'
    data = feed.encode()
    i = data.index("الموصل".encode())
    (tmp_path / "f.rss").write_bytes(data[:i] + b"\xff" + data[i:])
    docs = list(read([tmp_path / "f.rss"]))
    assert [d.replaced for d in docs] == [1, 0] and "\ufffdالموصل" in docs[0].data and "الموصل" in docs[1].data
    store = open_store(str(tmp_path / "s.db"))
    try:
        summary = ingest([tmp_path / "f.rss"], store)
        problems = [[p.message for p in store.get(a).problems if p.code == "encoding"] for a in summary.ids]
        assert sorted(problems) == [[], ["1 invalid UTF-8 byte sequence(s) replaced by U+FFFD"]]
    finally:
        store.close()


def test_a_stray_byte_in_a_json_array_costs_one_article_nothing(tmp_path):
    """One stray byte in a SaudiNewsNet-style array lost every article of the file («invalid JSON»)."""
    articles = [{"title": f"خبر {i}", "content": f"قال رئيس الوزراء إن القوات دخلت الموصل يوم {i}."} for i in range(3)]
    data = json.dumps(articles, ensure_ascii=False).encode()
    i = data.index("الموصل يوم 1".encode())
    (tmp_path / "day.json").write_bytes(data[:i] + b"\xff" + data[i:])
    items = list(read([tmp_path / "day.json"]))
    assert [(type(x).__name__, x.replaced) for x in items] == [("Doc", 0), ("Doc", 1), ("Doc", 0)]
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps(articles[0], ensure_ascii=False).encode())
    assert [type(x) for x in read([tmp_path / "bom.jsonl"])] == [Doc]  # a byte-order mark still reads


def test_a_stream_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """A pipe or device reports no size: the whole-file limit is kept by a bounded read (a device without end
    was read until memory ran out)."""
    import threading

    from rased.ingest import readers

    monkeypatch.setattr(readers, "WHOLE_FILE_BYTES", 10_000)
    fifo = tmp_path / "stream.txt"
    os.mkfifo(fifo)

    def write(n: int) -> None:
        with open(fifo, "wb") as fh:
            fh.write("خبر عن بغداد. ".encode() * n)

    got = []
    for n in (2000, 100):  # 54,000 bytes (within the pipe's buffer), then 2,700
        writer = threading.Thread(target=write, args=(n,))
        writer.start()
        try:
            got.append(list(read([fifo])))
        finally:
            writer.join(timeout=10)
    assert [[type(i) for i in items] for items in got] == [[Bad], [Doc]]
    assert got[0][0].code == "size" and "too large to read whole (over 0 MB" in got[0][0].reason
