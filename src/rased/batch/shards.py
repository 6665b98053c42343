"""Shard planning: cut the inputs into units of work of about ``shard_size`` documents.

A shard is a tuple of ``Piece``s; a piece is a whole input file, or a slice of a big one:

- a JSONL file with more lines than ``shard_size`` is cut into line ranges (byte offsets found by one
  scan, so a worker reads only its own bytes);
- any other multi-document file (WARC, JSON array, feed, ANT, archive) larger than ``split_bytes`` is
  counted once here and cut into document-index ranges;
- small files whose document count is known (one-document text/HTML files, small JSONL files) are grouped
  until a shard holds ``shard_size`` documents; other files are a shard each.

The plan is a pure function of the inputs and the options, so a re-run finds the same shards with the same
``key`` (a hash of the pieces and of the files' sizes and modification times) and skips finished ones.
Documents are read by the ingest readers, so locators are the ones ``rased ingest`` would record.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..ingest import readers
from ..ingest.readers import Bad, Doc

SHARD_SIZE = 1000  # documents per shard: a few seconds to a minute of work on one core
SPLIT_BYTES = 64 * 1024 * 1024  # non-JSONL files larger than this are counted and cut into slices
_JSONL = (".jsonl", ".ndjson")
_MULTI = (".json", ".warc", ".warc.gz", ".arc", ".arc.gz", ".rss", ".atom", ".xml", ".zip", ".tar", ".tar.gz",
          ".tgz", ".tar.xz", ".txz", ".tar.bz2")


@dataclass(slots=True, frozen=True)
class Piece:
    path: str
    first: int = 0  # first document of the file in this piece (document-index slices)
    count: int | None = None  # documents in the piece; None: to the end of the file
    byte_start: int | None = None  # JSONL line ranges: the bytes [byte_start, byte_end) ...
    byte_end: int | None = None
    line: int = 1  # ... whose first line is this line of the file (for the locators)
    docs: int | None = None  # documents expected (None: not counted)
    size: int = 0  # the file's size and modification time when planned
    mtime_ns: int = 0


@dataclass(slots=True, frozen=True)
class Shard:
    id: int
    pieces: tuple[Piece, ...]
    format: str = "auto"
    text_field: str | None = None

    @property
    def name(self) -> str:
        return f"{self.id:06d}"

    @property
    def docs(self) -> int | None:
        counts = [p.docs for p in self.pieces]
        return None if None in counts else sum(counts)  # type: ignore[arg-type]

    @property
    def key(self) -> str:
        """Identity of the shard's work: what it reads (file states included) and how."""
        data = [self.id, self.format, self.text_field, [dataclasses.astuple(p) for p in self.pieces]]
        return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:20]

    def to_dict(self) -> dict:
        return {"id": self.id, "key": self.key, "docs": self.docs,
                "pieces": [{k: v for k, v in dataclasses.asdict(p).items() if v is not None} for p in self.pieces]}


# ---------------------------------------------------------------------------------------------- planning

def plan(
    paths: list[str | Path],
    *,
    shard_size: int = SHARD_SIZE,
    format: str = "auto",
    text_field: str | None = None,
    split_bytes: int = SPLIT_BYTES,
    exclude: Path | None = None,
) -> list[Shard]:
    """The shards for ``paths`` (files and folders, read recursively in sorted order like ``rased ingest``).
    Files under ``exclude`` (the output folder, when it lies inside an input folder) are left out."""
    if shard_size < 1:
        raise InputError("--shard-size must be 1 or more")
    if format not in readers.FORMATS:
        raise InputError(f"unknown format {format!r}", hint="one of " + ", ".join(readers.FORMATS))
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise InputError(f"no such file or folder: {missing[0]}", hint="check the path")
    skip = exclude.resolve() if exclude is not None else None
    groups: list[list[Piece]] = []
    open_group: list[Piece] = []
    open_docs = 0

    def close() -> None:
        nonlocal open_group, open_docs
        if open_group:
            groups.append(open_group)
        open_group, open_docs = [], 0

    for f in readers.files(list(paths)):
        if skip is not None and (f.resolve() == skip or skip in f.resolve().parents):
            continue
        for piece in _pieces(f, shard_size, format, text_field, split_bytes):
            if piece.docs is None or piece.docs >= shard_size:
                close()
                groups.append([piece])
            else:
                if open_docs + piece.docs > shard_size:
                    close()
                open_group.append(piece)
                open_docs += piece.docs
    close()
    return [Shard(i, tuple(g), format, text_field) for i, g in enumerate(groups)]


def _pieces(f: Path, shard_size: int, fmt: str, text_field: str | None, split_bytes: int) -> Iterator[Piece]:
    st = f.stat()
    base = Piece(str(f), size=st.st_size, mtime_ns=st.st_mtime_ns)
    name = f.name.lower()
    if fmt == "jsonl" or (fmt == "auto" and name.endswith(_JSONL)):
        yield from _jsonl_pieces(f, base, shard_size)
        return
    if fmt in ("text", "html") or (fmt == "auto" and not name.endswith(_MULTI) and _single(f)):
        yield dataclasses.replace(base, docs=1)
        return
    if st.st_size <= split_bytes:
        yield base
        return
    total = sum(1 for _ in readers.read([f], format=fmt, text_field=text_field))
    for first in range(0, max(total, 1), shard_size):
        n = min(shard_size, total - first)
        yield dataclasses.replace(base, first=first, count=n, docs=n)


def _single(f: Path) -> bool:
    """Whether ``f`` holds one document (text or HTML), from its first bytes, as the readers decide."""
    try:
        with open(f, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return True  # the reader reports it as one unreadable document
    return readers.detect(f.name, head) in ("text", "html", None)


def _jsonl_pieces(f: Path, base: Piece, shard_size: int) -> Iterator[Piece]:
    """Line ranges of ``shard_size`` lines (blank lines included), found with one buffered scan."""
    starts = [0]  # byte offset of the first line of each range
    lines = 0
    offset = 0
    with open(f, "rb") as fh:
        for raw in fh:  # splits on b"\n" only; the reader's splitlines also counts \r\n as one break
            lines += 1
            offset += len(raw)
            if lines % shard_size == 0:
                starts.append(offset)
    if starts[-1] == offset and len(starts) > 1:
        starts.pop()
    if len(starts) == 1:
        yield dataclasses.replace(base, docs=lines)
        return
    bounds = starts + [offset]
    for i in range(len(starts)):
        n = min(shard_size, lines - i * shard_size)
        yield dataclasses.replace(
            base, byte_start=bounds[i], byte_end=bounds[i + 1], line=i * shard_size + 1, docs=n, first=i * shard_size,
        )


# ---------------------------------------------------------------------------------------------- reading

def read(shard: Shard) -> Iterator[Doc | Bad]:
    """The documents of ``shard``, in plan order, with the locators ``rased ingest`` gives them."""
    for piece in shard.pieces:
        yield from _read_piece(piece, shard.format, shard.text_field)


def _read_piece(p: Piece, fmt: str, text_field: str | None) -> Iterator[Doc | Bad]:
    if p.byte_start is not None:
        try:
            with open(p.path, "rb") as fh:
                fh.seek(p.byte_start)
                data = fh.read(p.byte_end - p.byte_start)
        except OSError as err:
            yield Bad(f"{p.path}:{p.line}", "", f"cannot read the file: {err.strerror or err}", "io")
            return
        prefix = p.path + ":"
        shift = p.line - 1
        # The reader numbers lines from 1 within the bytes it is given; shift them to the file's numbering.
        for item in readers._jsonl(p.path, io.BytesIO(data), text_field):
            if shift and item.locator.startswith(prefix):
                number = int(item.locator[len(prefix):]) + shift
                item = dataclasses.replace(item, locator=f"{prefix}{number}")
            yield item
        return
    items = readers.read([p.path], format=fmt, text_field=text_field)
    if p.count is None and p.first == 0:
        yield from items
    else:
        yield from itertools.islice(items, p.first, None if p.count is None else p.first + p.count)
