"""Distant supervision for self-training: the actor registry's organisation names marked in corpus sentences.

The teachers miss organisations they never saw (parties, armed groups, agencies), and a sentence where they
hesitate is not kept. The registry knows thousands of those names: where one is written in a corpus sentence
on words the teachers left outside any name, it is labelled ORG; and a sentence is kept when every word the
teachers hesitated on lies inside such a name (``self_training.pseudo_label(..., names=...)``).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from ...ner.features import core, norm

MAX_LEN = 8
MIN_SINGLE = 5  # letters of a one-word name (shorter ones are common words: «أمل»)
# ANERcorp mostly leaves these heads outside the name («حركة» O, «حماس» B-ORG): a match that starts with one
# is labelled from the next word
OUTSIDE_HEADS = {norm(w) for w in ("حركة", "شركة", "جماعة", "وكالة", "الحزب")}
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


def _forms(token: str) -> set[str]:
    """The normalised token and its readings without a glued conjunction or preposition («وللحركة» → «الحركة»)."""
    w = norm(core(token))
    out = {w}
    for p in _PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= 2:
            rest = w[len(p):]
            out.add(rest)
            if p.endswith("ل") and rest.startswith("ل"):  # ل + ال is written «لل»
                out.add("ا" + rest)
    return out


class NameMatcher:
    """Longest matches of names ``(tokens, type)`` over token sentences; the first word may carry a clitic."""

    def __init__(self, names: Iterable[tuple[Sequence[str], str]], rare: set[str] | None = None):
        self.spans: dict[tuple[str, ...], str] = {}
        for toks, typ in names:
            key = tuple(norm(core(t)) for t in toks)
            if not key or len(key) > MAX_LEN:
                continue
            if len(key) == 1 and (len(key[0]) < MIN_SINGLE or (rare is not None and key[0] not in rare)):
                continue
            self.spans.setdefault(key, typ)
        self.firsts = {k[0] for k in self.spans}

    def matches(self, tokens: Sequence[str]) -> list[tuple[int, int, str]]:
        """``(start, end, type)`` of the longest names, left to right, not overlapping."""
        words = [norm(core(t)) for t in tokens]
        out, i = [], 0
        while i < len(tokens):
            found = None
            for first in _forms(tokens[i]) & self.firsts:
                for end in range(min(len(tokens), i + MAX_LEN), i, -1):
                    typ = self.spans.get((first, *words[i + 1:end]))
                    if typ and (found is None or end > found[1]):
                        found = (i, end, typ)
                        break
            if found:
                out.append(found)
                i = found[1]
            else:
                i += 1
        return out


def mark(tokens: Sequence[str], labels: Sequence[str], matcher: NameMatcher) -> tuple[list[str], set[int]]:
    """``labels`` with the names that fall on words outside any entity labelled, and the positions they cover."""
    out, covered = list(labels), set()
    for first, e, typ in matcher.matches(tokens):
        s = first + 1 if e - first >= 2 and _forms(tokens[first]) & OUTSIDE_HEADS else first
        if all(lab == "O" for lab in labels[first:e]) and (e >= len(labels) or not labels[e].startswith("I-")):
            out[s:e] = ["B-" + typ] + ["I-" + typ] * (e - s - 1)
            covered.update(range(first, e))
    return out, covered


COMMON_WORDS = 5000  # the most frequent words of the cluster table: never a one-word name here


def rare_words(clusters_path) -> set[str]:
    """Words of the cluster table (ordered by corpus frequency) past the ``COMMON_WORDS`` most frequent."""
    from ...ner.model_files import read_table

    table, _ = read_table(clusters_path)
    return set(list(table)[COMMON_WORDS:])


def registry_matcher(rare_words: set[str] | None = None) -> NameMatcher:
    """The registry's organisation names (``rare_words``: words a one-word name must be among)."""
    from . import augment

    return NameMatcher(((toks, typ) for toks, typ, _ in augment.registry_names() if typ == "ORG"), rare_words)
