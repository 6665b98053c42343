"""Property tests: analyze never raises on arbitrary bytes (other than a typed InputError), and every span
it returns is in bounds and slices to its text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from rased import analyze
from rased.errors import InputError

PIECES = st.sampled_from(list("وبلفكالسيتنهمادشعقةىإأآـ ٠١٢.،؟«»\"-:/\u00a0") + ["طباعة", "شارك", "1- ", "طياروقال", "أبريل 2017 "])
ARABIC_LINES = st.lists(st.lists(PIECES, max_size=30).map("".join), max_size=12)


def _check_spans(article):
    n = len(article.text)
    for block in article.blocks:
        assert 0 <= block.start <= block.end <= n
    for s in article.sentences:
        assert 0 <= s.start < s.end <= n and article.text[s.start : s.end].strip()
    for clean_start, raw_start, length in article.raw_offsets:
        assert article.text[clean_start : clean_start + length] == article.raw[raw_start : raw_start + length]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    try:
        article = analyze(data)
    except InputError:
        return
    _check_spans(article)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARABIC_LINES)
def test_arabic_like_text(lines):
    try:
        article = analyze("\n".join(lines))
    except InputError:
        return
    _check_spans(article)
