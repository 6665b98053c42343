"""Bytes to text: refuse what is not text, detect the encoding, normalise line ends.

UTF-8 comes first: a UTF-8 article with a few invalid bytes (a stray byte, a character cut at the end) keeps
UTF-8, the bad bytes replaced by U+FFFD and counted, because decoding the whole text with another codec turns
every Arabic letter into mojibake. Another codec is used only when the bytes say so: a byte-order mark, the
zero-byte pattern of UTF-16, or high bytes that are mostly not UTF-8 (windows-1256 when most of its letters are
then Arabic, windows-1252 for Latin text, else the best guess of charset_normalizer).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

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
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its mark starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ARABIC = re.compile(r"[\u0621-\u064A]")
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\s\u064b-\u0652]")  # harakat aside: they go with the letters
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# High bytes of UTF-16 code units in news text: Latin (0x00), Arabic (0x06), punctuation (0x20), presentation
# forms (0xFB, 0xFE); a text whose every other byte is one of these is UTF-16 even without a mark.
_UTF16_HIGH = frozenset(b"\x00\x06\x20\xfb\xfe")
UTF16_SHARE = 0.95
# A text keeps UTF-8 while it has at least this many valid non-ASCII characters per bad byte. Text in a legacy
# codec read as UTF-8 has almost none (the seed article in windows-1256: 22 valid against 3,317 bad), a damaged
# UTF-8 article most (a fifth of its non-ASCII bytes overwritten: 2,315 against 2,102), and re-reading that in
# windows-1256 turns every Arabic letter of it into mojibake.
UTF8_VALID_PER_INVALID = 1
# windows-1256 when this share of the non-ASCII characters it reads are Arabic letters: 0.91-1.0 on 1,932
# SaudiNewsNet articles written in windows-1256, about 0.3 for random bytes
ARABIC_SHARE = 0.65


@dataclass(slots=True, frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int = 0  # invalid UTF-8 sequences replaced by U+FFFD


def _arabic_share(text: str) -> float:
    """The share of Arabic letters among the non-ASCII characters of ``text`` (spaces and harakat aside): English
    words in an Arabic text (a film list in windows-1256) do not count against it, and random bytes, whose high
    half reads as Arabic letters and symbols alike, stay far under it."""
    sample = text[:20000]
    high = len(_NON_ASCII.findall(sample))
    return len(_ARABIC.findall(sample)) / high if high else 0.0


def _has_wide_bom(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE))


def sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:8192]
    if b"\x00" in head and not (_has_wide_bom(head) or utf16_order(head)):
        return "a binary file (it contains NUL bytes)"
    return None


def utf16_order(data: bytes) -> str | None:
    """«utf-16-le» or «utf-16-be» when the bytes of a text without a mark have UTF-16's zero-byte pattern."""
    head = data[: 65536 & ~1]
    if len(head) < 8 or b"\x00" not in head:
        return None
    for order, high in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if sum(high.count(b) for b in _UTF16_HIGH) >= UTF16_SHARE * len(high):
            sample = head.decode(order, errors="replace")
            letters = len(_LETTER.findall(sample))
            if "\ufffd" not in sample and letters >= 0.5 * len("".join(sample.split())):
                return order
    return None


def decode(data: bytes, *, max_bytes: int) -> Decoded:
    """The text of ``data`` and how it was read. Raises InputError for empty, oversized, binary or undecodable input."""
    if not data or not data.strip():
        raise InputError("the input is empty", hint="give a text or HTML file with an article")
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    what = sniff_binary(data)
    if what:
        raise InputError(f"the input is {what}, not text", hint="give a text or HTML file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, f"the input starts with a {encoding} mark")
    order = utf16_order(data)
    if order:
        return _strict(data, order, f"the input looks like {order}")
    return _utf8_or_legacy(data)


def too_large(size: int | None, max_bytes: int) -> InputError:
    """The error for an input over ``max_bytes`` (``size`` None: a stream read only up to the limit)."""
    what = _amount(size, 1) if size is not None else f"over {_amount(max_bytes, 1)}"
    return InputError(f"the input is too large ({what}; the limit is {_amount(max_bytes, 0)})",
                      hint="one article is expected; use `rased ingest` for a corpus, or raise --max-bytes")


def _amount(size: int, digits: int) -> str:
    return f"{size / 1e6:.{digits}f} MB" if size >= 1_000_000 else f"{size / 1e3:.{digits}f} kB"


def _strict(data: bytes, encoding: str, why: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"{why} but does not decode: {err.reason}", hint="save it as UTF-8") from err
    if not text.strip("\ufeff \t\r\n"):
        raise InputError("the input is empty", hint="give a text or HTML file with an article")
    return Decoded(normalise_newlines(text.lstrip("\ufeff")), encoding)


def utf8_replaced(data: bytes) -> tuple[str, int, bool]:
    """``data`` read as UTF-8 with its bad bytes as U+FFFD, how many sequences were replaced, and whether it is
    UTF-8 at all (its valid non-ASCII characters not outnumbered by the bad bytes)."""
    text = data.decode("utf-8", errors="replace")
    # a literal U+FFFD in the input is valid UTF-8 (EF BF BD), not a replaced byte
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if not replaced:
        return text, 0, True
    valid = len(text) - len(text.encode("ascii", "ignore")) - replaced
    return text, replaced, bool(valid) and valid >= UTF8_VALID_PER_INVALID * replaced


def repaired_utf8(data: bytes) -> tuple[bytes, int]:
    """``data`` with its bad UTF-8 bytes replaced by U+FFFD when it is UTF-8 by the rule of ``utf8_replaced``, and
    how many were replaced; other bytes as they are. For readers that decode by themselves (feedparser re-reads a
    whole feed as windows-1252 for one stray byte)."""
    text, replaced, utf8 = utf8_replaced(data)
    return (text.encode("utf-8"), replaced) if replaced and utf8 else (data, 0)


def replaced_message(replaced: int) -> str:
    """The record's problem for bad UTF-8 bytes that were replaced."""
    return f"{replaced} invalid UTF-8 byte sequence(s) replaced by U+FFFD"


def _utf8_or_legacy(data: bytes) -> Decoded:
    text, replaced, utf8 = utf8_replaced(data)
    if utf8:
        return Decoded(normalise_newlines(text), "utf-8", replaced)
    return _legacy(data)


def _legacy(data: bytes) -> Decoded:
    text = data.decode("cp1256", errors="replace")  # cp1256 maps every byte but none: a safety net only
    if _arabic_share(text) >= ARABIC_SHARE:
        return Decoded(normalise_newlines(text), "windows-1256")
    try:
        text = data.decode("cp1252")
        letters = len(_LETTER.findall(text[:20000]))
        if letters and len(_LATIN.findall(text[:20000])) >= 0.9 * letters:
            return Decoded(normalise_newlines(text), "windows-1252")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("the input is not text in any known encoding", hint="save it as UTF-8 or windows-1256")
    return Decoded(normalise_newlines(str(best)), best.encoding)


def normalise_newlines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(" ", text)


def looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.search(r"<(html|head|body|article|div|p)[\s>]", head)
    )
