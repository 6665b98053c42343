"""Linking's span indexes answer exactly what the scans they replaced answered (any NER span overlapping a
match; a person span touching a name with only white space between), on random texts and spans."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rased.knowledge.linking import _Cover, _part_of_a_longer_name, _Persons


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _touching_scan(text, start, end, ner) -> bool:  # the scan `_part_of_a_longer_name` used to run
    if any(ch.isspace() or ch == "_" for ch in text[start:end].strip()):
        return False
    return any(t == "PER" and (
        (s >= end and not text[end:s].strip() and text[s] != "و") or
        (e <= start and not text[e:start].strip() and text[start] != "و")) for s, e, t, _ in ner)


@st.composite
def texts_and_spans(draw):
    text = draw(st.text(alphabet="اب و\n", min_size=2, max_size=40))
    spans = []
    for _ in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, len(text) - 1))
        e = draw(st.integers(s + 1, len(text)))
        spans.append((s, e, draw(st.sampled_from(["PER", "LOC"])), 0.9))
    return text, spans


@settings(max_examples=300, deadline=None)
@given(texts_and_spans(), st.data())
def test_indexes_equal_the_scans(case, data):
    text, ner = case
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    cover = _Cover(len(text))
    for a, b, _t, _p in ner:
        cover.add(a, b)
    assert cover.touches(s, e) == any(_overlaps((s, e), (a, b)) for a, b, _t, _p in ner)
    assert _part_of_a_longer_name(text, s, e, _Persons(ner)) == _touching_scan(text, s, e, ner)
