"""Near-duplicate detection: MinHash signatures over shingles of normalised words, banded for LSH.

The bands live in the store (table ``lsh``), so candidates are found with an indexed lookup and the
index survives restarts and crashes with the articles it describes. A candidate is a near-duplicate
when the estimated Jaccard similarity of the two shingle sets reaches ``THRESHOLD``.
"""
from __future__ import annotations

import hashlib
import struct

import numpy as np
from datasketch import MinHash

from ..arabic import normalize, tokenize

NUM_PERM = 128
THRESHOLD = 0.8
SHINGLE = 3  # words per shingle
# 16 bands of 8 rows: a pair at similarity 0.8 becomes a candidate with probability 0.95 (0.99 at 0.85),
# a pair at 0.5 with 0.06; candidates are then checked on the full signature. (datasketch's balanced
# optimum for 0.8, 9 bands of 13 rows, would miss more than half of the pairs right at the threshold.)
BANDS, ROWS = 16, 8
assert BANDS * ROWS == NUM_PERM


def shingles(text: str) -> list[bytes]:
    words = [normalize.key(t.text).casefold() for t in tokenize.words(text)]
    if len(words) < SHINGLE:
        return [" ".join(words).encode()] if words else []
    return list({" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)})


def signature(text: str) -> bytes:
    """The MinHash signature of ``text`` as ``NUM_PERM`` little-endian uint32 values."""
    m = MinHash(num_perm=NUM_PERM, seed=1)
    sh = shingles(text)
    if sh:
        m.update_batch(sh)
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def bands(sig: bytes) -> list[tuple[int, int]]:
    """``(band, bucket)`` pairs; two signatures sharing any pair are candidates."""
    out = []
    width = 4 * ROWS
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * width : (b + 1) * width], digest_size=8).digest()
        out.append((b, struct.unpack("<q", digest)[0]))
    return out


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    x = np.frombuffer(a, dtype="<u4")
    y = np.frombuffer(b, dtype="<u4")
    if len(x) != len(y) or not len(x):
        return 0.0
    return float(np.count_nonzero(x == y)) / len(x)
