"""Corpus word frequencies shipped with the package (see data/NOTICE.md)."""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from .normalize import light


def _load(name: str) -> dict[str, int]:
    with resources.files(__package__).joinpath(f"data/{name}").open("rb") as raw:
        with gzip.open(raw, "rt", encoding="utf-8") as fh:
            return {word: int(count) for word, count in (line.rstrip("\n").split("\t") for line in fh)}


@lru_cache(maxsize=1)
def table() -> dict[str, int]:
    return _load("wordfreq.tsv.gz")


@lru_cache(maxsize=1)
def openers_table() -> dict[str, int]:
    return _load("openers.tsv.gz")


def opener_count(word: str) -> int:
    """How often ``word`` opens a paragraph in the reference corpora."""
    return openers_table().get(light(word), 0)


def count(word: str) -> int:
    """How often ``word`` (any diacritics/tatweel ignored) occurs in the reference corpora."""
    return table().get(light(word), 0)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files(__package__).joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(light(w.strip().lstrip("\ufeff")) for w in text.splitlines() if w.strip())
