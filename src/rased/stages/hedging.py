"""Speculation and negation: which sentences are hedged, and the modality of a word inside a sentence.

Cues live in ``knowledge/cues/hedges.tsv``. A cue of *sentence* scope («ربما»، «يبدو»، «من المحتمل») makes the
whole sentence speculative; a cue of *near* scope acts on the next few words only: «لم/لا/عدم» negate,
«محتمل» and «قد» + imperfect verb («قد يدفع», not «قد كشف») make an event possible.

Precedence when several apply: negated > possible > hedged (> reported > asserted, decided by ``relations``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..arabic.tokenize import tokens
from ..knowledge.cues import lexicon, word_key
from ..record import Article, Sentence

NEAR = 3  # words a near-scope cue reaches
RANK = {"negated": 0, "possible": 1, "hedged": 2, "reported": 3, "asserted": 4}
# «أ»-initial words after «قد» are form-IV pasts in news («وكان الجيش قد أطلق»، «قد أعلن»), not «I may»; a word in
# «وا» is a past plural («قد تعهدوا»): the imperfect plural ends in «ون»
_IMPERFECT = ("ي", "ت", "ن")


@dataclass(slots=True, frozen=True)
class Cues:
    sentence: str | None  # the strongest sentence-scope modality
    near: tuple[tuple[int, str], ...]  # (word index, modality) of near-scope cues


def scan(keys: list[str]) -> Cues:
    """Modality cues in one sentence given as word keys (punctuation excluded)."""
    table = lexicon().hedges
    sentence: str | None = None
    near: list[tuple[int, str]] = []
    for i, k in enumerate(keys):
        entries = table.get(k)
        if entries is None and k[:1] in ("و", "ف") and len(k) > 2:
            entries = table.get(k[1:])
        if not entries:
            continue
        for rest, modality, scope in entries:
            if tuple(keys[i + 1:i + 1 + len(rest)]) != rest:
                continue
            if k in ("قد", "وقد", "فقد"):
                nxt = keys[i + 1] if i + 1 < len(keys) else ""
                if not (nxt.startswith(_IMPERFECT) and len(nxt) > 3 and not nxt.endswith("وا")):
                    break
            if scope == "sentence":
                if sentence is None or RANK[modality] < RANK[sentence]:
                    sentence = modality
            else:
                near.append((i, modality))
            break
    return Cues(sentence, tuple(near))


def modality_at(cues: Cues, index: int) -> str | None:
    """The modality a word at ``index`` gets from the cues of its sentence, or None (asserted)."""
    best = cues.sentence
    for pos, modality in cues.near:
        if modality == "negated":
            hit = 0 < index - pos <= NEAR
        else:
            hit = abs(index - pos) <= NEAR and pos != index
        if hit and (best is None or RANK[modality] < RANK[best]):
            best = modality
    return best


def speculative(article: Article) -> tuple[Sentence, ...]:
    """The sentences of ``article`` that speculate (a sentence-scope «possible» or «hedged» cue)."""
    out = []
    for s in article.sentences:
        keys = [word_key(t.text) for t in tokens(article.text[s.start:s.end]) if t.kind != "punct"]
        if scan(keys).sentence in ("possible", "hedged"):
            out.append(s)
    return tuple(out)
