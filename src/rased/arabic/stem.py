"""Light stemming for search: the same function runs on documents and on queries.

Snowball's Arabic stemmer (PyStemmer) over-stems names and does not strip «و» before «ال» reliably
(«والقاعدة»), so search keys come from our frequency-checked clitic segmentation, then the matching key,
then «ال» and a few plural/feminine endings.
"""
from __future__ import annotations

from functools import lru_cache

from .clitics import host
from .normalize import key

_ENDINGS = ("ات", "ون", "ين", "ه")
_MIN = 3


@lru_cache(maxsize=200_000)
def search_key(word: str) -> str:
    stem = key(host(word))
    if stem.startswith("ال") and len(stem) - 2 >= 2:
        stem = stem[2:]
    for end in _ENDINGS:
        if stem.endswith(end) and len(stem) - len(end) >= _MIN:
            stem = stem[: -len(end)]
            break
    return stem
