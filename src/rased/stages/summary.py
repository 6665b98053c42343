"""Stage ``summary``: an extractive summary (at most ``settings.summary.sentences`` sentences) and key phrases.

Reads ``text`` and ``sentences``; writes ``summary`` (sentence spans, in text order) and ``keywords``.

Sentences are bags of search keys (``arabic.stem.search_key``: clitics, «ال» and common endings removed) with
stop words dropped, weighted by tf·idf, where the idf comes from the shipped corpus word counts. A sentence's
score is its cosine similarity to the document centroid, mixed with a position prior (news puts the gist
first). Sentences too similar to one already chosen are skipped (redundancy). Keywords are the heaviest keys
shown in their most frequent written form, and heavy two-word phrases that recur.
"""
from __future__ import annotations

import dataclasses
import math
from collections import Counter
from functools import lru_cache

from ..arabic import wordfreq
from ..arabic.clitics import split_prefix, split_suffix
from ..arabic.normalize import light
from ..arabic.stem import search_key
from ..arabic.tokenize import arabic_words
from ..record import Article, Sentence
from ..settings import Settings

REDUNDANT = 0.6  # cosine above which a candidate repeats a chosen sentence


@lru_cache(maxsize=1)
def _total() -> int:
    return sum(wordfreq.table().values()) or 1


@lru_cache(maxsize=200_000)
def _idf(word: str) -> float:
    return math.log(_total() / (1 + wordfreq.count(word)))


@lru_cache(maxsize=200_000)
def _content_key(word: str) -> str | None:
    """The search key of an Arabic word, or None for a stop word (memoised: news reuses its words)."""
    stop = wordfreq.stopwords()
    if len(word) < 3 or light(word) in stop:
        return None
    k = search_key(word)
    return k if len(k) >= 2 and k not in stop else None


@lru_cache(maxsize=200_000)
def _shown(word: str) -> str:
    _, rest, restored_al = split_prefix(word)  # ``segment`` without building its record
    stem = split_suffix(rest)[0]
    if restored_al or len(stem) < 3:
        return word  # «بالقتل» is shown as «القتل»; «وسم» (a hashtag) is no «سم» (poison)
    return stem


def _content_words(text: str) -> list[tuple[str, str]]:
    """(search key, written word) of the content words of ``text``."""
    key = _content_key  # one comprehension: this runs for every word of every article
    return [(k, w) for w in arabic_words(text) if (k := key(w)) is not None]


def _vector(words: list[tuple[str, str]], idf: dict[str, float]) -> dict[str, float]:
    tf = Counter([k for k, _ in words])
    return {k: (1 + math.log(n)) * idf[k] for k, n in tf.items()}


def _norm(a: dict[str, float]) -> float:
    return math.sqrt(sum([v * v for v in a.values()]))  # a list sums faster than a generator, in the same order


def _cos(a: dict[str, float], b: dict[str, float], na: float | None = None, nb: float | None = None) -> float:
    if not a or not b:
        return 0.0
    if len(b) < len(a):
        a, b, na, nb = b, a, nb, na
    get = b.get
    dot = sum([v * get(k, 0.0) for k, v in a.items()])
    na = _norm(a) if na is None else na
    nb = _norm(b) if nb is None else nb
    return dot / (na * nb) if na and nb else 0.0


def rank(text: str, sentences, settings: Settings) -> tuple[list[Sentence], list[str]]:
    ss = settings.summary
    bags = [_content_words(text[s.start:s.end]) for s in sentences]
    idf: dict[str, float] = {}
    for bag in bags:
        for k, w in bag:
            if k not in idf:
                idf[k] = max(_idf(w), 1.0)
    vectors = [_vector(bag, idf) for bag in bags]
    centroid: Counter = Counter()
    for v in vectors:
        centroid.update(v)
    eligible = [i for i, s in enumerate(sentences) if len(text[s.start:s.end].split()) >= ss.min_words]
    if not eligible:
        eligible = list(range(len(sentences)))
    norms = [_norm(v) for v in vectors]
    c_norm = _norm(centroid)
    scores = {}
    for order, i in enumerate(eligible):
        prior = 1.0 / (1.0 + order)
        scores[i] = (1 - ss.position_weight) * _cos(vectors[i], centroid, norms[i], c_norm) + ss.position_weight * prior
    chosen: list[int] = []
    for i in sorted(scores, key=lambda i: -scores[i]):
        if len(chosen) >= ss.sentences:
            break
        if any(_cos(vectors[i], vectors[j], norms[i], norms[j]) > REDUNDANT for j in chosen):
            continue
        chosen.append(i)
    summary = [sentences[i] for i in sorted(chosen)]
    return summary, _keywords(bags, centroid, ss.keywords)


def _keywords(bags, centroid: Counter, n: int) -> list[str]:
    # the most frequent written form of each key (the first seen among equals)
    show = _shown
    counted = Counter([(k, show(w)) for bag in bags for k, w in bag])
    forms: dict[str, str] = {}
    best: dict[str, int] = {}
    for (k, shown), c in counted.items():
        if c > best.get(k, 0):
            forms[k], best[k] = shown, c
    # two-word phrases that recur («التحالف الدولي»)
    # counted from one list: ``+= 1`` on a Counter calls its Python ``__missing__`` for every new pair (same order)
    pairs = Counter([(k1, k2, w1 + " " + w2) for bag in bags for (k1, w1), (k2, w2) in zip(bag, bag[1:])])
    out: list[str] = []
    used: set[str] = set()
    for (k1, k2, phrase), count in sorted(pairs.items(), key=lambda p: -(p[1] * (centroid[p[0][0]] + centroid[p[0][1]]))):
        if count < 2 or len(out) >= max(1, n // 3):
            break
        if k1 in used or k2 in used:
            continue
        out.append(phrase)
        used |= {k1, k2}
    for k, _ in sorted(centroid.items(), key=lambda kv: -kv[1]):
        if len(out) >= n:
            break
        if k in used:
            continue
        out.append(forms[k])
        used.add(k)
    return out


def run(article: Article, settings: Settings) -> Article:
    if not article.sentences:
        return dataclasses.replace(article, summary=(), keywords=())
    summary, keywords = rank(article.text, article.sentences, settings)
    return dataclasses.replace(article, summary=tuple(summary), keywords=tuple(keywords))
