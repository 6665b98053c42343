"""Decoding real articles with injected faults: UTF-8 stays UTF-8 (bad bytes counted), other codecs only when
the bytes say so."""
from __future__ import annotations

import codecs
import random
from collections import Counter

import pytest
from data_access import SEED, need_data

from rased import analyze, datasets
from rased.errors import InputError
from rased.io.decode import decode, normalise_newlines

LIMIT = 10_000_000


def _corpus_texts(n: int = 4) -> list[str]:
    need_data("corpora", "saudinewsnet", "dataset")
    return [d.text for d in datasets.saudinewsnet(limit=40) if len(d.text) > 800][:n]


def _middle(data: bytes) -> int:
    """A byte offset in the middle of ``data`` that starts a character (not inside a multibyte sequence)."""
    i = len(data) // 2
    while data[i] & 0xC0 == 0x80:
        i += 1
    return i


def _stray(data: bytes, n: int) -> bytes:
    step = len(data) // (n + 1)
    out = bytearray(data)
    for k in range(n, 0, -1):
        i = k * step
        while out[i] & 0xC0 == 0x80:
            i += 1
        out[i:i] = b"\xff"
    return bytes(out)


def _truncated(data: bytes) -> bytes:
    end = len(data.rstrip())
    while data[end - 1] < 0x80:  # cut inside the last multibyte character
        end -= 1
    return data[: end - 1]


# (fault, bytes from the UTF-8 text, expected encoding, expected replaced count, text comparable to the original)
FAULTS = (
    ("clean", lambda b: b, "utf-8", 0, True),
    ("one stray 0xFF", lambda b: _stray(b, 1), "utf-8", 1, False),
    ("three stray 0xFF", lambda b: _stray(b, 3), "utf-8", 3, False),
    ("truncated multibyte at the end", _truncated, "utf-8", 1, False),
    ("lone continuation byte", lambda b: b[: _middle(b)] + b"\x80" + b[_middle(b):], "utf-8", 1, False),
    ("UTF-8 BOM", lambda b: codecs.BOM_UTF8 + b, "utf-8-sig", 0, True),
    ("UTF-16 LE with BOM", lambda b: b.decode().encode("utf-16"), "utf-16", 0, True),
    ("UTF-16 BE with BOM", lambda b: codecs.BOM_UTF16_BE + b.decode().encode("utf-16-be"), "utf-16", 0, True),
    ("UTF-16 LE without BOM", lambda b: b.decode().encode("utf-16-le"), "utf-16-le", 0, True),
    ("UTF-16 BE without BOM", lambda b: b.decode().encode("utf-16-be"), "utf-16-be", 0, True),
)


def _check(text: str, fault) -> None:
    name, make, encoding, replaced, same = fault
    data = text.encode("utf-8")
    got = decode(make(data), max_bytes=LIMIT)
    assert (got.encoding, got.replaced) == (encoding, replaced), name
    if same:
        assert got.text == normalise_newlines(text), name
    else:
        assert got.text.count("\ufffd") == replaced, name
        original, kept = normalise_newlines(text), got.text.replace("\ufffd", "")
        assert original.startswith(kept) and len(original) - len(kept) <= 4, name
        assert "ظٹ" not in got.text and "ط§" not in got.text, f"{name}: mojibake"


@pytest.mark.parametrize("fault", FAULTS, ids=[f[0] for f in FAULTS])
def test_seed_article_faults(fault):
    _check(SEED.read_text(encoding="utf-8"), fault)


@pytest.mark.data
@pytest.mark.parametrize("fault", FAULTS, ids=[f[0] for f in FAULTS])
def test_corpus_article_faults(fault):
    for text in _corpus_texts():
        _check(text, fault)


def _damaged(data: bytes, share: float) -> bytes:
    """``data`` with ``share`` of its non-ASCII bytes overwritten (a bad transfer, a damaged disk)."""
    rng = random.Random(7)
    out = bytearray(data)
    high = [i for i, b in enumerate(out) if b >= 0x80]
    for i in rng.sample(high, int(len(high) * share)):
        out[i] = rng.choice((0xFF, 0xFE, 0x80, 0xC0))
    return bytes(out)


def _check_damaged(text: str, share: float) -> None:
    got = decode(_damaged(text.encode("utf-8"), share), max_bytes=LIMIT)
    assert got.encoding == "utf-8" and got.replaced > 0, share
    assert "ظٹ" not in got.text and "ط§" not in got.text, f"{share}: mojibake"
    # the characters kept (as a multiset): a damaged byte costs one character, a re-read in windows-1256 nearly
    # all of them (about 0.2 of the text survives it: spaces, digits, Latin letters)
    original, got_chars = Counter(normalise_newlines(text)), Counter(got.text)
    kept = sum(min(n, got_chars[c]) for c, n in original.items()) / sum(original.values())
    assert kept >= 1 - 2 * share, (share, kept)


@pytest.mark.parametrize("share", [0.01, 0.05, 0.2])
def test_damaged_utf8_stays_utf8(share):
    """5% of the non-ASCII bytes damaged used to switch the whole seed article to windows-1256 (mojibake)."""
    _check_damaged(SEED.read_text(encoding="utf-8"), share)


@pytest.mark.data
@pytest.mark.parametrize("share", [0.05, 0.2])
def test_damaged_corpus_articles_stay_utf8(share):
    for text in _corpus_texts():
        _check_damaged(text, share)


def _as_cp1256(text: str) -> bytes:
    return text.encode("cp1256", errors="ignore")


@pytest.mark.data
def test_real_windows_1256_is_read_as_such():
    for text in [SEED.read_text(encoding="utf-8"), *_corpus_texts()]:
        data = _as_cp1256(text)
        got = decode(data, max_bytes=LIMIT)
        assert got.encoding == "windows-1256" and got.replaced == 0
        assert got.text == normalise_newlines(data.decode("cp1256"))


FILM_LIST = ("سنوات السينما: أفضل عشرة\n1. The Conformist | Bernardo Bertolucci (Italy)\n"
             "2. The Deer Hunter | Michael Cimino (USA)\n3. Coming Home | Hal Ashby (USA)\n"
             "4. Days of Heaven | Terrence Malick (USA)\nعنوان الفيلم متبوعًا باسم مخرجه وتاريخ إنتاجه.\n")


def test_windows_1256_with_english_words():
    """Mostly Latin letters, but every non-ASCII one Arabic: windows-1256, not windows-1252 mojibake."""
    got = decode(FILM_LIST.encode("cp1256"), max_bytes=LIMIT)
    assert got.encoding == "windows-1256" and got.text == normalise_newlines(FILM_LIST)


@pytest.mark.data
def test_corpus_articles_in_windows_1256():
    """Every SaudiNewsNet article of the first 2,000 written in windows-1256 reads back as it was (6 with
    English titles in them came out as windows-1252)."""
    need_data("corpora", "saudinewsnet", "dataset")
    texts = [d.text for d in datasets.saudinewsnet(limit=2000) if len(d.text) >= 200]
    wrong = [t[:60] for t in texts if decode(t.encode("cp1256", "ignore"), max_bytes=LIMIT).encoding != "windows-1256"]
    assert len(texts) > 1000 and not wrong


def test_latin_and_ascii():
    assert decode("Plain ASCII news.".encode(), max_bytes=LIMIT).encoding == "utf-8"
    latin = "Le président a déclaré à la presse que la réunion était terminée.".encode("cp1252")
    got = decode(latin, max_bytes=LIMIT)
    assert got.encoding == "windows-1252" and "président" in got.text


def test_literal_replacement_character_is_not_counted():
    got = decode("نص فيه \ufffd حرف بديل".encode(), max_bytes=LIMIT)
    assert (got.encoding, got.replaced) == ("utf-8", 0)


@pytest.mark.parametrize("data, what", [
    (b"\x00" * 64, "binary"), (b"\x89PNG\r\n\x1a\n" + b"x" * 40, "PNG"), (b"ab\x00\x01\x02\x03" * 20, "NUL"),
    (b"", "empty"), (codecs.BOM_UTF16_LE + " ".encode("utf-16-le"), "empty"),
])
def test_refused(data, what):
    with pytest.raises(InputError, match=what if what != "binary" else "binary"):
        decode(data, max_bytes=LIMIT)


def test_stray_byte_keeps_the_analysis(seed_bytes):
    """One 0xFF in the seed article: the same entities as without it, and one problem that says so."""
    clean = analyze(seed_bytes)
    faulty = analyze(_stray(seed_bytes, 1))
    assert [p for p in faulty.problems if "U+FFFD" in p.message][0].message.startswith("1 invalid")
    assert not any("windows" in p.message for p in faulty.problems)
    assert len(faulty.entities) >= len(clean.entities) - 2
    assert {e.actor_id for e in faulty.entities if e.actor_id} >= {e.actor_id for e in clean.entities if e.actor_id} - {None}
