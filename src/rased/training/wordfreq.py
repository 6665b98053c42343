"""Build the shipped word-frequency table from the shared news corpora.

Counts Arabic words in their ``normalize.light`` form (diacritics and tatweel dropped, letter shapes kept)
over SaudiNewsNet and ANT, and separately the words that open a paragraph. Cleaning uses it to repair words glued at a lost paragraph break, and the
clitic segmenter uses it to avoid over-splitting (وزير, والي and بلاد stay whole).
"""
from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

from .. import datasets
from ..arabic import normalize
from ..arabic.tokenize import arabic_words

MIN_COUNT = 3


def count_words() -> tuple[Counter[str], Counter[str]]:
    """(all words, words that open a paragraph): the second tells a lost paragraph break («طياروقال»)."""
    counts: Counter[str] = Counter()
    openers: Counter[str] = Counter()
    for corpus in (datasets.saudinewsnet(), datasets.ant()):
        for doc in corpus:
            text = normalize.light(doc.title + "\n" + doc.text)
            counts.update(arabic_words(text))
            for line in text.splitlines():
                first = arabic_words(line[:40])
                if first and line.lstrip().startswith(first[0]):
                    openers[first[0]] += 1
    return counts, openers


def write(counts: Counter[str], out: Path, min_count: int = MIN_COUNT) -> int:
    rows = [(w, c) for w, c in counts.most_common() if c >= min_count]
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for w, c in sorted(rows, key=lambda r: (-r[1], r[0])):
            fh.write(f"{w}\t{c}\n")
    return len(rows)


def main(out: Path) -> int:
    counts, openers = count_words()
    write(openers, out.with_name("openers.tsv.gz"))
    return write(counts, out)
