"""Cleaning and metadata rules on real articles of the shared corpora, put back into their sites' layouts
(Al-Arabiya, BBC Arabic, Sky News Arabia and Saudi dailies), not only on the seed."""
from __future__ import annotations

import pytest
from data_access import need_data

from rased import analyze
from rased.eval.layouts import render
from rased.eval.metadata import check, sample


@pytest.fixture(scope="module")
def pages():
    need_data("corpora", "ant")
    need_data("corpora", "saudinewsnet")
    rendered = [(doc, render(doc)) for doc in sample(48)]
    return [(doc, page) for doc, page in rendered if page is not None]


def test_enough_real_articles(pages):
    assert len(pages) >= 40
    assert len({doc.source for doc, _ in pages}) >= 4


def test_every_layout_is_cleaned(pages):
    failures = []
    for doc, page in pages:
        article = analyze(page.raw, source=doc.source)
        result = check(article, page)
        if not all(result.values()):
            failures.append((doc.doc_id, result))
    assert not failures, failures


def test_removed_lines_are_listed_with_reasons(pages):
    for doc, page in pages[:10]:
        article = analyze(page.raw)
        assert {r.reason for r in article.removed} >= {"title", "date_line"}
        for r in article.removed:
            assert r.text.strip() in page.raw or r.reason == "blank"
