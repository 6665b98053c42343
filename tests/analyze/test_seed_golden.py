"""The seed article end to end: a golden file plus the facts the issue names.

Rewrite the golden file with ``RASED_UPDATE_GOLDEN=1 pytest tests/analyze/test_seed_golden.py`` and read the diff.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from rased import analyze
from rased.record import from_dict, to_dict

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "seed_article.json"


@pytest.fixture(scope="module")
def seed(seed_bytes):
    return analyze(seed_bytes)


def test_golden_file(seed):
    data = to_dict(seed)
    if os.environ.get("RASED_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert data == expected


def test_title_as_written(seed):
    assert seed.title == 'هل تشكل خسارة "داعش" للموصل "بداية" لتحالف "براجماتى " بين التنظيم الدموى والقاعدة؟'


def test_published_to_the_minute(seed):
    assert seed.published.value == "2017-04-18T13:51"
    assert seed.published.precision == "minute"
    assert seed.dateline.text == "الثلاثاء 18/أبريل/2017 - 01:51 م"


def test_boilerplate_removed_and_listed(seed):
    reasons = [r.reason for r in seed.removed]
    assert "طباعة" not in seed.text
    assert "هل تشكل خسارة داعش" not in seed.text
    assert not seed.text.rstrip().endswith("شارك")
    # the caption appears five times: once behind the print button, four times alone
    assert sum("هل تشكل خسارة داعش" in r.text for r in seed.removed if r.reason != "title") == 5
    assert reasons.count("caption_title_prefix") == 4
    assert {"print", "share", "title", "date_line"} <= set(reasons)
    assert any(r.text == "طباعة هل تشكل خسارة داعش" for r in seed.removed)
    assert any(r.text == "شارك" for r in seed.removed)


def test_paragraphs_and_numbered_points(seed):
    paragraphs = [b for b in seed.blocks if b.type == "paragraph"]
    points = [b for b in seed.blocks if b.type == "list_item"]
    assert len(paragraphs) == 13
    assert [p.number for p in points] == [1, 2, 3, 4]
    assert [seed.text[p.start : p.end] for p in points] == ["1- التجنيد", "2- الإنترنت", "3- الوحشية", '4- "الدولة"']


def test_glued_word_split(seed):
    assert "طياروقال" not in seed.text
    assert "بطائرة من دون طيار\n\nوقال أبوعزام" in seed.text
    assert any(p.code == "glued_words_split" for p in seed.problems)


def test_spans_slice_to_their_text(seed):
    for block in seed.blocks:
        assert seed.text[block.start : block.end].strip() == seed.text[block.start : block.end]
    for sentence in seed.sentences:
        assert 0 <= sentence.start < sentence.end <= len(seed.text)
    raw = seed.raw
    for clean_start, raw_start, length in seed.raw_offsets:
        assert seed.text[clean_start : clean_start + length] == raw[raw_start : raw_start + length]


def test_record_round_trips(seed):
    assert to_dict(from_dict(to_dict(seed))) == to_dict(seed)
