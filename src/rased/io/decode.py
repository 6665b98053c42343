"""Bytes to text: refuse what is not text, detect the encoding, normalise line ends.

Arabic pages come in UTF-8 or windows-1256. cp1256 maps almost every byte, so "it decoded" proves nothing:
a candidate decoding is kept only when most of its letters are Arabic.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x00", "a binary file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"SQLite format 3", "an SQLite database"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ARABIC = re.compile(r"[\u0621-\u064A]")
_LETTER = re.compile(r"[^\W\d_]")


def _arabic_share(text: str) -> float:
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    return len(_ARABIC.findall(sample)) / letters if letters else 0.0


def sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if b"\x00" in head and not (head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE)):
        return "a binary file (it contains NUL bytes)"
    return None


def decode(data: bytes, *, max_bytes: int) -> tuple[str, str]:
    """(text, encoding). Raises InputError for empty, oversized, binary or undecodable input."""
    if not data or not data.strip():
        raise InputError("the input is empty", hint="give a text or HTML file with an article")
    if len(data) > max_bytes:
        raise InputError(
            f"the input is too large ({len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)",
            hint="one article is expected; use `rased ingest` for a corpus, or raise --max-bytes",
        )
    what = sniff_binary(data)
    if what:
        raise InputError(f"the input is {what}, not text", hint="give a text or HTML file")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(encoding)), encoding
            except UnicodeDecodeError as err:
                raise InputError(f"the input starts with a {encoding} mark but does not decode: {err.reason}") from err
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
        if _arabic_share(text) >= 0.5:
            return normalise_newlines(text), "windows-1256"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("the input is not text in any known encoding", hint="save it as UTF-8 or windows-1256")
    return normalise_newlines(str(best)), best.encoding


def normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text)


def looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|head|body|article|div|p)[\s>]", head)
    )
