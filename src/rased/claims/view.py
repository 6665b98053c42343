"""One token view of an article: tokens with their matching keys, sentences and the entity under each token.

Built once per article from the record (no module state): every rule of the clause layer reads ranges of the
same view, a range ``[i, j)`` always meaning token indices, ``(start, end)`` always characters of
``Article.text``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..arabic.tokenize import Token
from ..knowledge.cues import article_words
from ..record import Article, Entity


@dataclass(frozen=True, slots=True)
class TokenView:
    text: str
    toks: tuple[Token, ...]
    keys: tuple[str, ...]
    starts: tuple[int, ...]
    sentences: tuple[tuple[int, int], ...]  # token ranges of the sentences
    paragraph: tuple[int, ...]  # paragraph number of each token
    entity: tuple[Entity | None, ...]  # the entity each token lies in
    excluded: int  # characters of the dateline's place and agency: never an argument

    @classmethod
    def of(cls, article: Article) -> "TokenView":
        """The view of ``article``; quotes and relations of one article share it (a pure memo of what it reads)."""
        return _view(article.text, article.sentences, article.entities or (), article.dateline)

    @classmethod
    def build(cls, article: Article) -> "TokenView":
        text = article.text
        toks, keys = article_words(text)
        starts = tuple(t.start for t in toks)
        spans = [(s.start, s.end) for s in article.sentences] or [(0, len(text))]
        sentences = tuple((bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)) for a, b in spans)
        breaks = [m.start() for m in re.finditer("\n", text)]
        paragraph = tuple(bisect.bisect_left(breaks, t.start) for t in toks)
        entity: list[Entity | None] = [None] * len(toks)
        for e in article.entities or ():
            for n in range(max(0, bisect.bisect_right(starts, e.start) - 1), bisect.bisect_left(starts, e.end)):
                entity[n] = e
        return cls(text, toks, keys, starts, sentences, paragraph, tuple(entity), _dateline_end(article))

    def chars(self, i: int, j: int) -> tuple[int, int]:
        return self.toks[i].start, self.toks[j - 1].end

    def sentence_of(self, k: int) -> tuple[int, int]:
        """Token range of the sentence that holds token ``k``."""
        return next(((a, b) for a, b in self.sentences if a <= k < b), (0, len(self.toks)))

    def is_word(self, k: int) -> bool:
        return self.toks[k].kind != "punct"


@lru_cache(maxsize=8)
def _view(text, sentences, entities, dateline) -> TokenView:
    return TokenView.build(Article(id="", text=text, sentences=sentences, entities=entities, dateline=dateline))


def _dateline_end(article: Article) -> int:
    """End of «دبي، الإمارات العربية المتحدة (CNN) --» when the dateline stage read one at the start of the text."""
    d = article.dateline
    if d is None or not d.place or not article.text.startswith(d.place):
        return 0
    window = article.text[:160]
    after = len(d.place)
    if d.agency and d.agency in window:
        after = window.index(d.agency) + len(d.agency)
    cuts = [c for c in (window.find(m, after) for m in ("-", "–", "—", ":")) if c >= 0]
    end = min(cuts) if cuts and min(cuts) < 140 else after
    while end < len(window) and window[end] in " -–—:":
        end += 1  # «(CNN) --»
    return end
