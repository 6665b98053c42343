"""Auxiliary labels for training: another annotation of the same text projected onto the training sentences.

NewsFANE (Alotaibi & Lee, 2014) is the ANERcorp text re-annotated with ~50 fine classes (Media, Government,
Sports, Athlete...), and CLEANANERCorp the same text with corrected labels. Their tokens differ from ANERcorp's
(NewsFANE splits clitics and drops hamzas), so both are compared as streams of normalised letters: each
training token takes the label of the source token under its first letter. The projected labels are the
targets of an extra output layer used in training only (``bilstm.train(..., aux=...)``); the exported network
does not change.

Both sources also hold the CAMeL test sentences (the end of ANERcorp): every source sentence that shares a run
of ``OVERLAP_CHARS`` letters with the excluded text is dropped before anything is projected.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from ...ner import conll

OVERLAP_CHARS = 24  # letters in a row shared with the test that mark a source sentence as a test sentence
ANCHOR = 12  # letters looked up to find where a training sentence starts in the source
WINDOW = 2_000  # letters first searched after the last match
MIN_MATCHED = 0.8  # share of a sentence's letters found in the source for its labels to be used
IGNORE = -100  # no label (torch's cross-entropy ignore index)

_NOT_LETTER = re.compile(r"[\W\d_\u064b-\u0652\u0640]")  # punctuation, digits, diacritics, tatweel
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ء": ""})


def letters(token: str) -> str:
    """The normalised letters of a token (hamza and alef forms folded, no punctuation or digits)."""
    return _NOT_LETTER.sub("", token).translate(_FOLD).lower()


def _stream(sentences: Sequence[conll.Sentence]) -> tuple[str, list[int], list[str], list[int]]:
    """Letters of ``sentences`` with, per letter, its sentence, its token's label and its entity number."""
    chars, sent_of, labs, ents = [], [], [], []
    ent = 0
    for s, (toks, tags) in enumerate(sentences):
        for tag, prev, tok in zip(tags, ["O"] + list(tags[:-1]), toks):
            if tag != "O" and (tag.startswith("B-") or prev == "O" or prev[2:] != tag[2:]):
                ent += 1
            for ch in letters(tok):
                chars.append(ch)
                sent_of.append(s)
                labs.append(tag)
                ents.append(ent if tag != "O" else 0)
    return "".join(chars), sent_of, labs, ents


def drop_overlap(source: Sequence[conll.Sentence], excluded: Sequence[conll.Sentence],
                 n: int = OVERLAP_CHARS) -> tuple[list[conll.Sentence], int]:
    """``source`` without the sentences that share ``n`` letters in a row with ``excluded`` (the test split),
    and the number dropped."""
    text, _, _, _ = _stream(excluded)
    grams = {text[i:i + n] for i in range(len(text) - n + 1)}
    kept = []
    for sent in source:
        s = "".join(letters(t) for t in sent[0])
        if not any(s[i:i + n] in grams for i in range(len(s) - n + 1)):
            kept.append(sent)
    return kept, len(source) - len(kept)


def _find_start(text: str, target: str, pos: int) -> int:
    """Where ``target`` begins in ``text``, or -1: first looked for just after ``pos`` (the next sentence of
    the same article), then anywhere (the source orders its articles differently). Several anchors are tried,
    as the first letters may differ («لالاتحاد» / «للاتحاد»)."""
    anchors = [(off, target[off:off + ANCHOR]) for off in range(0, max(1, len(target) - ANCHOR), 15)[:6]]
    for lo, hi in ((pos, pos + WINDOW), (0, len(text))):
        for off, anchor in anchors:
            hit = text.find(anchor, lo, hi)
            if hit >= 0:
                return max(0, hit - off)
    return -1


def project(target: Sequence[conll.Sentence], source: Sequence[conll.Sentence]) -> list[list[str] | None]:
    """The source labels of each target token (IOB2; ``O`` outside names; ``None`` for a sentence not found in
    the source, such as a corpus sentence added by self-training). """
    text, _, src_labs, src_ents = _stream(source)
    out: list[list[str] | None] = []
    pos = 0
    for toks, _ in target:
        tok_letters = [letters(t) for t in toks]
        joined = "".join(tok_letters)
        start = _find_start(text, joined, pos) if len(joined) >= ANCHOR else -1
        if start < 0:
            out.append(None)
            continue
        lo = max(0, start - 8)
        window = text[lo:start + len(joined) + 24]
        where = [-1] * len(joined)
        for a, b, size in difflib.SequenceMatcher(None, joined, window, autojunk=False).get_matching_blocks():
            for k in range(size):
                where[a + k] = lo + b + k
        matched = [w for w in where if w >= 0]
        if len(matched) < MIN_MATCHED * len(joined):  # an anchor hit by chance, not this sentence
            out.append(None)
            continue
        out.append(_token_labels(tok_letters, where, src_labs, src_ents))
        pos = max(matched) + 1
    return out


def _token_labels(tok_letters, where, src_labs, src_ents) -> list[str]:
    """A token's label is the label of the source letter under its first aligned letter; a name begins where
    the source's entity number changes."""
    labs, prev_ent, i = [], 0, 0
    for lt in tok_letters:
        idx = next((w for w in where[i:i + len(lt)] if w >= 0), -1)
        i += len(lt)
        if idx < 0 or src_labs[idx] == "O":
            labs.append("O")
            prev_ent = 0
            continue
        typ = src_labs[idx][2:] if src_labs[idx][1:2] == "-" else src_labs[idx]
        labs.append(("I-" if src_ents[idx] == prev_ent else "B-") + typ)
        prev_ent = src_ents[idx]
    return labs


def label_ids(projected: Sequence[list[str] | None], min_count: int = 1) -> tuple[list[list[int]], list[str]]:
    """Projected labels as ids (``IGNORE`` for unaligned sentences) and the label list (``O`` first)."""
    from collections import Counter

    counts = Counter(lab for labs in projected if labs for lab in labs)
    names = ["O"] + sorted(lab for lab, c in counts.items() if lab != "O" and c >= min_count)
    ids = {lab: i for i, lab in enumerate(names)}
    out = []
    for labs in projected:
        out.append([ids.get(lab, 0) for lab in labs] if labs is not None else None)
    return out, names


def load(target: Sequence[conll.Sentence], source_path, excluded: Sequence[conll.Sentence]):
    """``(ids per target sentence or None, label names, stats)`` for one auxiliary source file."""
    source, dropped = drop_overlap(conll.read(source_path), excluded)
    projected = project(target, source)
    ids, names = label_ids(projected)
    found = sum(p is not None for p in projected)
    return ids, names, {"source_sentences": len(source) + dropped, "dropped_as_test": dropped,
                        "target_sentences_aligned": found, "labels": len(names)}
