"""Cleaning and metadata scored on real articles put back into their sites' scraped layouts."""
from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable

from .. import datasets
from ..pipeline import analyze
from ..record import Article
from ..settings import DEFAULT
from ..stages.clean import boilerplate_reason
from ..stages.structure import paragraphs
from .layouts import Scraped, render


def _squash(lines: list[str]) -> str:
    return "".join("".join(lines).split())


def check(article: Article, page: Scraped) -> dict[str, bool]:
    """Which expectations an analyzed page meets.

    The body must come back whole. Spaces are ignored in that comparison, since cleaning rightly repairs words
    glued in the corpus itself («نيسانالجاري»), and so are corpus lines that are boilerplate themselves
    («اقرأ أيضا»).
    """
    body = [article.text[a:b] for a, b in paragraphs(article.text)]
    expected = [line for line in page.body if boilerplate_reason(line, DEFAULT) is None]
    return {
        "title": article.title == page.title,
        "published": article.published is not None
        and article.published.value == page.published
        and article.published.precision == page.precision,
        "body": _squash(body) == _squash(expected),
        "boilerplate_removed": not any(line in body for line in page.boilerplate),
    }


def sample(limit: int) -> Iterable:
    """An even mix of both corpora and of every ANT site."""
    per_source = max(1, limit // 4)
    ant_docs = datasets.ant()
    by_site: dict[str, list] = {"alarabia": [], "BBC": [], "skynews": []}
    for doc in ant_docs:
        bucket = by_site.get(doc.source)
        if bucket is not None and len(bucket) < per_source:
            bucket.append(doc)
        if all(len(b) >= per_source for b in by_site.values()):
            break
    gulf = list(itertools.islice(datasets.saudinewsnet(), 0, per_source * 20, 20))
    return [*itertools.chain(*by_site.values()), *gulf]


def evaluate(limit: int = 2000) -> dict:
    counts: Counter[str] = Counter()
    failures: dict[str, list[str]] = {}
    total = 0
    for doc in sample(limit):
        page = render(doc)
        if page is None:
            continue
        total += 1
        for name, ok in check(analyze(page.raw, source=doc.source), page).items():
            counts[name] += ok
            if not ok and len(failures.setdefault(name, [])) < 5:
                failures[name].append(doc.doc_id)
    return {
        "articles": total,
        "accuracy": {name: round(counts[name] / total, 4) if total else 0.0 for name in ("title", "published", "body", "boilerplate_removed")},
        "examples_of_failures": failures,
    }
