"""Readers: turn paths into documents to analyse (``Doc``) or reasons they cannot be read (``Bad``).

Formats: ``text`` and ``html`` files, ``jsonl`` (one object per line; the text in a named field),
``rss`` (RSS/Atom via feedparser), ``warc`` (WARC/ARC via warcio, gzipped or not), ``ant`` (the ANT corpus's
TREC-style documents) and ``saudinewsnet`` (JSON arrays, also inside the corpus's ZIP files). ``auto`` picks
per file from the name and the first bytes. Folders are read recursively in sorted order (hidden entries
skipped); ZIP and tar archives are read member by member.

Every document has a ``locator`` (path, plus line, member or record offset) and a ``raw_hash`` of its
bytes; together they tell the store whether this exact input was already taken in.
"""
from __future__ import annotations

import calendar
import dataclasses
import hashlib
import html
import io
import json
import lzma
import os
import re
import tarfile
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..datasets import parse_ant
from ..errors import InputError
from ..io.decode import repaired_utf8, sniff_binary, utf8_replaced
from ..record import SCHEMA

FORMATS = ("auto", "text", "html", "jsonl", "rss", "warc", "ant", "saudinewsnet")

TEXT_FIELDS = ("text", "content", "body", "article", "html", "TEXT")
TITLE_FIELDS = ("title", "headline", "TITLE")
URL_FIELDS = ("url", "link", "URL")
SOURCE_FIELDS = ("source", "site", "outlet", "SRC")
DATE_FIELDS = ("published", "date", "date_published", "pubDate", "time", "TIME")
FETCHED_FIELDS = ("fetched_at", "date_extracted", "crawled")


@dataclass(slots=True, frozen=True)
class Doc:
    locator: str
    raw_hash: str
    data: str | bytes
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    fetched_at: str | None = None
    record: dict[str, Any] | None = None  # a stored-format record («rased.article/1»): taken as it is
    replaced: int = 0  # bad UTF-8 sequences the reader replaced by U+FFFD in a text it decoded itself


@dataclass(slots=True, frozen=True)
class Bad:
    locator: str
    raw_hash: str
    reason: str
    code: str = "input"


# Archive members are read through a bounded stream: a member larger than MEMBER_BYTES, or one that inflates
# more than MAX_RATIO times its compressed size (a zip bomb: 1 MB holding 1 GiB), is refused before it is
# inflated further. Small members may compress well (repeated markup): the ratio counts from RATIO_FROM bytes.
MEMBER_BYTES = 64_000_000
MAX_RATIO = 100
RATIO_FROM = 1_000_000
# A file is read whole only when its format needs it (one document, a JSON array, a feed, an ANT file) and it is
# no larger than this; archives are read from disk member by member and JSON lines and WARCs a record at a time,
# a JSON line over LINE_BYTES being a failure that is skipped without holding it.
WHOLE_FILE_BYTES = MEMBER_BYTES
LINE_BYTES = MEMBER_BYTES


def _too_big(size: int, compressed: int) -> str | None:
    if size > MEMBER_BYTES:
        return f"the archive member is too large (over {MEMBER_BYTES // 1_000_000} MB)"
    return _inflates(size, compressed)


def _inflates(size: int, compressed: int) -> str | None:
    if size > RATIO_FROM and size > MAX_RATIO * max(compressed, 1):
        return f"the archive member inflates more than {MAX_RATIO} times its compressed size (a zip bomb?)"
    return None


def digest(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


# ---------------------------------------------------------------------------------------------- walking

def read(
    paths: list[str | Path], *, format: str = "auto", text_field: str | None = None, exclude: set[Path] | None = None
) -> Iterator[Doc | Bad]:
    """Every document under ``paths``, in order; unreadable inputs come out as ``Bad``. Files in
    ``exclude`` (the store's own files, when it lies inside an input folder) are passed over."""
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}", hint="one of " + ", ".join(FORMATS))
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise InputError(f"no such file or folder: {missing[0]}", hint="check the path")
    skip = {Path(p).resolve() for p in exclude or ()}
    for p in paths:
        yield from _walk(Path(p), format, text_field, skip)


def files(paths: list[str | Path]) -> Iterator[Path]:
    """The files under ``paths`` that ``read`` reads, in its order."""
    for p in paths:
        yield from (f for f in _entries(Path(p)) if not isinstance(f, Bad) and f.is_file())


def _entries(path: Path) -> Iterator[Path | Bad]:
    """The files under ``path`` (hidden entries skipped), depth first in name order, and a ``Bad`` for each entry
    that cannot be read as one: a folder that cannot be listed, a dangling link, a socket or device, a link back
    to a folder already read. A link to a folder is followed: its files are read like the others."""
    if not path.is_dir():
        yield path
        return
    yield from _tree(path, set())


def _tree(folder: Path, seen: set[Path]) -> Iterator[Path | Bad]:
    real = folder.resolve()
    if real in seen:
        yield Bad(str(folder), "", "a link back to a folder already read (a cycle)", "io")
        return
    seen.add(real)
    try:
        children = sorted(c for c in folder.iterdir() if not c.name.startswith("."))
    except OSError as err:
        yield Bad(str(folder), "", f"cannot read the folder: {err.strerror or err}", "io")
        return
    for child in children:
        if child.is_file():
            yield child
        elif child.is_dir():
            yield from _tree(child, seen)
        elif child.is_symlink() and not child.exists():
            yield Bad(str(child), "", "a link to nothing (its target is missing)", "io")
        else:
            yield Bad(str(child), "", "not a regular file (a socket, pipe or device)", "io")


def _walk(path: Path, fmt: str, text_field: str | None, skip: set[Path]) -> Iterator[Doc | Bad]:
    for f in _entries(path):
        if isinstance(f, Bad):
            yield f
            continue
        if skip and f.resolve() in skip:
            continue
        found = 0
        try:
            for item in _file(f, fmt, text_field):
                found += 1
                yield item
        except Exception as err:  # a reader's bug must not stop a corpus: this file's failure, then the next file
            found += 1
            yield Bad(str(f), "", f"the reader failed: {type(err).__name__}: {err}", "error")
        if not found:  # nothing vanishes: a file that gives no document is a failure with its reason
            yield Bad(str(f), "", "no document in the file (no record, entry or member could be read)", "empty")


def _file(f: Path, fmt: str, text_field: str | None) -> Iterator[Doc | Bad]:
    name = f.name.lower()
    locator = str(f)
    try:
        with open(f, "rb") as fh:
            if name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")) and fmt in ("auto", "warc"):
                yield from _warc(locator, fh)
                return
            head = fh.read(4096)
            streamed = _streamed(locator, name, head, fh, fmt, text_field)
            if streamed is not None:
                yield from streamed
                return
            size = os.fstat(fh.fileno()).st_size  # 0 for a device: the bounded read below decides
            data = head + fh.read(WHOLE_FILE_BYTES + 1 - len(head)) if size <= WHOLE_FILE_BYTES else b""
            if size > WHOLE_FILE_BYTES or len(data) > WHOLE_FILE_BYTES:
                what = f"{size / 1e6:,.0f} MB" if size > WHOLE_FILE_BYTES else f"over {WHOLE_FILE_BYTES / 1e6:.0f} MB"
                yield Bad(locator, "", f"the file is too large to read whole ({what}; the limit is "
                                       f"{WHOLE_FILE_BYTES / 1e6:.0f} MB for one document, a JSON array or a feed)", "size")
                return
    except OSError as err:
        yield Bad(locator, "", f"cannot read the file: {err.strerror or err}", "io")
        return
    yield from _bytes(locator, f.name, data, fmt, text_field)


def _streamed(locator: str, name: str, head: bytes, fh: BinaryIO, fmt: str,
              text_field: str | None) -> Iterator[Doc | Bad] | None:
    """The documents of a file that is read piece by piece (an archive, JSON lines), None for other files."""
    kind = _archive_kind(name, head)
    jsonl = fmt == "jsonl" or (fmt == "auto" and name.endswith((".jsonl", ".ndjson")))
    if kind or jsonl:
        fh.seek(0)  # from the start again, past the head read to tell the kind
    if kind == "zip":
        return _zip(locator, fh, "", fmt, text_field)
    if kind == "tar":
        return _tar(locator, fh, os.fstat(fh.fileno()).st_size, "", fmt, text_field)
    if jsonl:
        return _jsonl(locator, fh, text_field)
    return None


def _archive_kind(name: str, data: bytes) -> str | None:
    if name.endswith(".zip") and data.startswith(b"PK"):
        return "zip"
    if name.endswith((".tar", ".tar.gz", ".tgz", ".tar.xz", ".txz", ".tar.bz2")):
        return "tar"
    return None


def detect(name: str, data: bytes) -> str | None:
    """The format of one file from its name and first bytes (None: not a format we read)."""
    name = name.lower()
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")) or head.startswith(b"WARC/"):
        return "warc"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".json"):
        # one JSON value (an array, or one object over several lines) is read whole; else one object a line
        return "saudinewsnet" if head.startswith(b"[") or _one_json_value(data) else "jsonl"
    lower = head[:2048].lower()
    if b"<docno>" in lower or lower.startswith(b"<doc>"):
        return "ant"
    if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", lower):
        return "rss"
    if name.endswith((".rss", ".atom", ".xml")):
        return "rss"  # the feed reader reports what it cannot read
    if name.endswith((".html", ".htm", ".xhtml")) or re.search(rb"<(!doctype html|html|body|p|div)[\s>]", lower):
        return "html"
    if sniff_binary(data):
        return None
    return "text"


def kind(name: str, data: bytes) -> str | None:
    """The format of one file, archives («zip», «tar») included; None: not a format we read."""
    return _archive_kind(name.lower(), data) or detect(name, data)


def documents(locator: str, name: str, data: bytes) -> Iterator[Doc | Bad]:
    """The documents of one file's bytes, its format found from ``name`` and the bytes."""
    return _bytes(locator, name, data, "auto", None)


def _one_json_value(data: bytes) -> bool:
    try:
        return isinstance(json.loads(data), dict)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def _bytes(locator: str, name: str, data: bytes, fmt: str, text_field: str | None) -> Iterator[Doc | Bad]:
    kind = _archive_kind(name.lower(), data)
    if kind == "zip":
        yield from _zip(locator, io.BytesIO(data), digest(data), fmt, text_field)
        return
    if kind == "tar":
        yield from _tar(locator, io.BytesIO(data), len(data), digest(data), fmt, text_field)
        return
    h = digest(data)
    if not data.strip():
        yield Bad(locator, h, "the file is empty", "empty")
        return
    use = detect(name, data) if fmt == "auto" else fmt
    if use is None:
        yield Bad(locator, h, f"not a text document ({sniff_binary(data)})", "binary")
        return
    if use in ("text", "html"):
        yield Doc(locator, h, data)
    elif use == "jsonl":
        yield from _jsonl(locator, io.BytesIO(data), text_field)
    elif use == "saudinewsnet":
        yield from _json_array(locator, data, text_field)
    elif use == "rss":
        yield from _rss(locator, data)
    elif use == "warc":
        yield from _warc(locator, io.BytesIO(data))
    elif use == "ant":
        yield from _ant(locator, data)


# What a damaged ZIP raises, from its directory or while a member inflates (a corrupt deflate, LZMA or bzip2
# stream; an offset that points before the file's start).
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError, zlib.error,
               lzma.LZMAError)


def _zip(locator: str, source: BinaryIO, raw_hash: str, fmt: str, text_field: str | None) -> Iterator[Doc | Bad]:
    try:
        zf = zipfile.ZipFile(source)
        names = sorted(n for n in zf.namelist() if not n.endswith("/"))
    except _ZIP_ERRORS as err:
        yield Bad(locator, raw_hash, f"not a readable ZIP archive: {err}", "archive")
        return
    for n in names:
        info = zf.getinfo(n)
        why = _too_big(info.file_size, info.compress_size)  # as the archive declares them...
        try:
            if why is None:
                with zf.open(info) as fh:  # ... and as they turn out: never more than the limit is inflated
                    member = fh.read(min(MEMBER_BYTES, max(RATIO_FROM, MAX_RATIO * info.compress_size)) + 1)
                why = _too_big(len(member), info.compress_size)
        except _ZIP_ERRORS as err:
            yield Bad(f"{locator}!{n}", "", f"cannot read the archive member: {err}", "archive")
            continue
        if why:
            yield Bad(f"{locator}!{n}", "", why, "archive")
            continue
        yield from _bytes(f"{locator}!{n}", n, member, fmt, text_field)


def _tar(locator: str, source: BinaryIO, size: int, raw_hash: str, fmt: str,
         text_field: str | None) -> Iterator[Doc | Bad]:
    inflated = 0
    try:
        tf = tarfile.open(fileobj=source, mode="r:*")
        for member in tf:
            if not member.isfile() or Path(member.name).name.startswith("."):
                continue
            inflated += member.size  # a compressed tar has one stream: its members together against the file
            why = _too_big(member.size, 0) if member.size > MEMBER_BYTES else _inflates(inflated, size)
            if why:  # a tar's sizes are those of its headers: a refused member is never read
                yield Bad(f"{locator}!{member.name}", "", why, "archive")
                if inflated > MAX_RATIO * size:
                    return
                continue
            handle = tf.extractfile(member)
            if handle is None:
                continue
            yield from _bytes(f"{locator}!{member.name}", member.name, handle.read(), fmt, text_field)
    except (tarfile.TarError, EOFError, OSError) as err:
        yield Bad(locator, raw_hash, f"truncated or unreadable tar archive: {err}", "archive")


# ---------------------------------------------------------------------------------------------- fields

def _field(obj: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for n in names:
        v = obj.get(n)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


def _from_object(locator: str, raw: bytes | str, obj: Any, text_field: str | None) -> Doc | Bad:
    h = digest(raw)
    if not isinstance(obj, dict):
        return Bad(locator, h, f"a JSON {type(obj).__name__}, not an object", "json")
    if obj.get("schema") == SCHEMA:
        return Doc(locator, h, "", record=obj)
    if text_field:
        text = obj.get(text_field)
        if text is None:
            return Bad(locator, h, f"no field {text_field!r} (fields: {', '.join(list(obj)[:8])})", "field")
        text = text if isinstance(text, str) else None
    else:
        text = _field(obj, TEXT_FIELDS)
    if not text or not text.strip():
        return Bad(locator, h, "no text (no non-empty field " + (repr(text_field) if text_field else "text/content/body") + ")", "empty")
    return Doc(
        locator, h, text,
        url=_field(obj, URL_FIELDS), source=_field(obj, SOURCE_FIELDS), title=_field(obj, TITLE_FIELDS),
        published=_field(obj, DATE_FIELDS), fetched_at=_field(obj, FETCHED_FIELDS),
    )


def _lines(fh: BinaryIO) -> Iterator[bytes | None]:
    """The lines of ``fh`` as ``bytes.splitlines`` gives them, read one at a time; None for a line over
    LINE_BYTES, which is skipped without being held."""
    while True:
        piece = fh.readline(LINE_BYTES + 1)
        if not piece:
            return
        if len(piece) > LINE_BYTES and not piece.endswith(b"\n"):
            while piece and not piece.endswith(b"\n"):
                piece = fh.readline(1 << 20)
            yield None
            continue
        yield from piece.splitlines()


def _jsonl(locator: str, fh: BinaryIO, text_field: str | None) -> Iterator[Doc | Bad]:
    for i, line in enumerate(_lines(fh), 1):
        where = f"{locator}:{i}"
        if line is None:
            yield Bad(where, "", f"the line is too long (over {LINE_BYTES / 1e6:.0f} MB)", "size")
            continue
        if not line.strip():
            continue
        try:
            obj, replaced = _json_value(line)
        except json.JSONDecodeError as err:
            yield Bad(where, digest(line), f"invalid JSON: {err}", "json")
            continue
        except ValueError as err:
            yield Bad(where, digest(line), str(err), "encoding")
            continue
        item = _from_object(where, line, obj, text_field)
        yield dataclasses.replace(item, replaced=replaced) if replaced and isinstance(item, Doc) else item


def _json_value(raw: bytes) -> tuple[Any, int]:
    """The JSON value of ``raw`` and how many bad UTF-8 sequences were replaced to read it (a stray byte costs
    the value nothing). Raises json.JSONDecodeError, or ValueError for bytes that are not UTF-8 at all."""
    try:
        return json.loads(raw), 0  # UTF-8 with or without a mark, UTF-16, UTF-32
    except UnicodeDecodeError:
        text, replaced, utf8 = utf8_replaced(raw)
        if not utf8:
            raise ValueError(f"not UTF-8 ({replaced} invalid byte sequence(s))") from None
        return json.loads(text.lstrip("\ufeff")), replaced


def _json_array(locator: str, data: bytes, text_field: str | None) -> Iterator[Doc | Bad]:
    try:
        items, replaced = _json_value(data)
    except json.JSONDecodeError as err:
        yield Bad(locator, digest(data), f"invalid JSON: {err}", "json")
        return
    except ValueError as err:
        yield Bad(locator, digest(data), str(err), "encoding")
        return
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        yield Bad(locator, digest(data), "a JSON value that is neither an array nor an object", "json")
        return
    for i, obj in enumerate(items):
        raw = json.dumps(obj, ensure_ascii=False, sort_keys=True)
        item = _from_object(f"{locator}#{i}", raw, obj, text_field)
        bad = raw.count("\ufffd") if replaced else 0  # the replaced bytes of this object
        yield dataclasses.replace(item, replaced=bad) if bad and isinstance(item, Doc) else item


def _rss(locator: str, data: bytes) -> Iterator[Doc | Bad]:
    import feedparser

    repaired, replaced = repaired_utf8(data)
    try:
        feed = feedparser.parse(repaired)
    except (ValueError, LookupError) as err:  # a malformed encoding declaration («encoding="\x80utf-8"»)
        yield Bad(locator, digest(data), f"not a readable RSS/Atom feed: {type(err).__name__}: {err}", "feed")
        return
    if not feed.entries:
        why = getattr(feed, "bozo_exception", None)
        yield Bad(locator, digest(data), f"not a readable RSS/Atom feed{': ' + str(why) if why else ' (no entries)'}", "feed")
        return
    source = feed.feed.get("title") or None
    for i, e in enumerate(feed.entries):
        content = ""
        if e.get("content"):
            content = max((c.get("value", "") for c in e.content), key=len)
        content = content or e.get("summary", "") or ""
        title, link = e.get("title"), e.get("link")
        ident = e.get("id") or link or str(i)
        raw = json.dumps([title, link, content], ensure_ascii=False)
        if not content.strip():
            yield Bad(f"{locator}#{ident}", digest(raw), "feed entry without content", "empty")
            continue
        bad = (content.count("\ufffd") + (title or "").count("\ufffd")) if replaced else 0
        content = fragment_text(content)
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        published = (
            time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(calendar.timegm(stamp))) if stamp else e.get("published")
        )
        yield Doc(f"{locator}#{ident}", digest(raw), content, url=link, source=source, title=title, published=published,
                  replaced=bad)


_BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|blockquote|tr|section|article)\s*>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]+>")


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry), one paragraph per block element."""
    if "<" not in fragment:
        return html.unescape(fragment).strip()
    text = _BLOCK_END.sub("\n\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())


def _warc(locator: str, stream: BinaryIO) -> Iterator[Doc | Bad]:
    from warcio.archiveiterator import ArchiveIterator

    count = seen = 0
    try:
        it = ArchiveIterator(stream, arc2warc=True)
        for record in it:
            seen += 1
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            fetched = record.rec_headers.get_header("WARC-Date")
            ctype = ""
            if record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    continue
                ctype = record.http_headers.get_header("Content-Type") or ""
            else:
                ctype = record.rec_headers.get_header("Content-Type") or ""
            if ctype and not re.match(r"\s*(text/|application/xhtml)", ctype, re.I):
                continue
            payload = record.content_stream().read()
            offset = it.get_record_offset()  # only after the payload is read: asking first consumes it
            where = f"{locator}@{offset}"
            if getattr(record.raw_stream, "limit", 0):  # the file ended inside this record
                yield Bad(where, digest(payload), f"truncated WARC/ARC: record {count + 1} ends early", "warc")
                return
            count += 1
            if not payload.strip():
                yield Bad(where, digest(payload), "empty WARC record", "empty")
                continue
            yield Doc(where, digest(payload), payload, url=url, fetched_at=fetched)
    except Exception as err:  # warcio raises plain Exception subclasses of many kinds on a cut file
        yield Bad(f"{locator}@end", "", f"truncated or corrupt WARC/ARC after {count} records: {type(err).__name__}: {err}", "warc")
        return
    if not seen:
        yield Bad(locator, "", "no WARC/ARC record could be read (truncated, or not a WARC file)", "warc")
    elif not count:
        yield Bad(locator, "", f"no text page among its {seen} WARC/ARC records", "warc")


_ANT_DOC = re.compile(rb"<DOC>(.*?)</DOC>", re.S)


def _ant(locator: str, data: bytes) -> Iterator[Doc | Bad]:
    for i, raw in enumerate(_ANT_DOC.findall(data) or [data]):
        chunk, replaced, utf8 = utf8_replaced(raw)
        fields = parse_ant(chunk)
        where = f"{locator}#{fields.get('DOCNO') or i}"
        if not utf8:
            yield Bad(where, digest(raw), f"an ANT document that is not UTF-8 ({replaced} invalid byte sequence(s))",
                      "encoding")
            continue
        if not fields.get("TEXT"):
            yield Bad(where, digest(chunk), "no ANT document (no <TEXT> field; invalid or cut XML?)", "ant")
            continue
        yield Doc(
            where, digest(chunk), fields["TEXT"], url=fields.get("URL") or None, source=fields.get("SRC") or None,
            title=fields.get("TITLE") or None, published=fields.get("TIME") or None, replaced=replaced,
        )
