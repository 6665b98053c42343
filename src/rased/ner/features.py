"""Token features for the CRF tagger.

Features of one word do not depend on its sentence, so they are computed once per word form and cached;
a token's feature list is the concatenation of its own list, the cached short lists of its neighbours
(±2) and a few features that depend on the position (bigrams, gazetteer spans, sentence edges).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..arabic.normalize import key

_DIGIT0 = str.maketrans("123456789", "000000000")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_ARABIC = re.compile(r"[\u0621-\u064A]")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"[0-9]")

# Leading clitics, longest first: conjunction (و, ف) + preposition (ب, ل, ك) + article (ال); لل = ل + ال.
_PREFIXES = sorted(
    {c + p + a for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك") for a in ("", "ال")}
    | {c + "لل" for c in ("", "و", "ف")},
    key=len, reverse=True,
)
_PREFIXES.remove("")


def norm(text: str) -> str:
    """The NER matching form: ``rased.arabic.normalize.key`` and every digit mapped to 0."""
    return key(text).translate(_DIGIT0)


def core(word: str) -> str:
    """``word`` without punctuation glued to its edges (ANERcorp has tokens such as ``(د``)."""
    stripped = _EDGE.sub("", word)
    return stripped or word


def strip_clitics(word: str, rank: dict[str, int] | None = None) -> tuple[str, str]:
    """``(prefix, stem)`` of a normalised word.

    Without ``rank``: the longest leading clitic string that leaves at least 3 letters (2 after a
    two-letter prefix). With ``rank`` (word -> frequency rank in unlabeled news, 0 = most frequent):
    the most frequent of the word and its strippings that is a known word, then its article ال
    removed when the rest is known too; unknown words fall back to the rule above.
    """
    if rank is not None:
        best_p, best_r = "", rank.get(word)
        for p in _PREFIXES:
            if word.startswith(p) and len(word) - len(p) >= 2:
                r = rank.get(word[len(p):])
                if r is not None and (best_r is None or r < best_r):
                    best_p, best_r = p, r
        if best_r is not None:
            stem = word[len(best_p):]
            if stem.startswith("ال") and len(stem) >= 4 and stem[2:] in rank:
                return best_p + "ال", stem[2:]
            return best_p, stem
    for p in _PREFIXES:
        if word.startswith(p):
            rest = len(word) - len(p)
            if rest >= 3 or (rest >= 2 and len(p) >= 2):
                return p, word[len(p):]
    return "", word


def shape(word: str) -> str:
    ar = bool(_ARABIC.search(word))
    lat = bool(_LATIN.search(word))
    dig = bool(_DIGIT.search(word))
    if ar and not lat and not dig:
        kind = "ar"
    elif lat and not ar and not dig:
        kind = "lat"
    elif dig and not ar and not lat:
        kind = "num"
    elif not (ar or lat or dig):
        kind = "punct"
    else:
        kind = "mix"
    return kind


class Featurizer:
    """Builds CRF items for token sequences.

    ``clusters``: ``{word: (id, id, ...)}`` over the NER matching form, in frequency order;
    ``gazetteer``: a ``Gazetteer`` (or ``None``); ``vectors``: a matrix whose row ``i`` is the word
    vector of the ``i``-th word of ``clusters`` (or ``None``), added as real-valued features of the
    word (the neighbours' vectors scored lower on dev). Per-word lists are cached on the instance.

    An item is ``{"x": [string features], "e": {dim: value}}`` (the python-crfsuite nested-dict
    form); the plain list of string features when there are no vectors.
    """

    def __init__(self, clusters: dict[str, tuple[str, ...]] | None = None, gazetteer=None,
                 cluster_names: Sequence[str] = ("k64", "k256", "k1024"), vectors=None,
                 vector_scale: float = 3.0):
        self.clusters = clusters or {}
        self.vectors = vectors
        self.vector_scale = vector_scale
        self._vec: dict[str, dict[str, float]] = {}
        self.max_cache = 300_000  # word forms kept; the caches are emptied past this
        self._dims = [str(j) for j in range(vectors.shape[1])] if vectors is not None else []
        self.gazetteer = gazetteer
        self.cluster_names = tuple(cluster_names)
        self._own: dict[str, list[str]] = {}
        self._ctx: dict[str, tuple[list[str], list[str], list[str], list[str], str]] = {}
        self.rank = {w: i for i, w in enumerate(self.clusters)} if self.clusters else None
        if self.gazetteer is not None:
            self.gazetteer.compile(self.stem)

    def stem(self, token: str) -> str:
        return strip_clitics(core(norm(token)), self.rank)[1]

    # -- per word -------------------------------------------------------------------------------
    def _cluster(self, w: str, stem: str) -> tuple[str, ...] | None:
        c = self.clusters.get(w)
        if c is None:
            c = self.clusters.get(stem)
        return c

    def _word(self, token: str) -> None:
        n = norm(token)
        c = core(n)
        prefix, stem = strip_clitics(c, self.rank)
        sh = shape(c)
        own = [
            "b", "w=" + n, "s=" + stem, "p=" + prefix, "sh=" + sh,
            "len=" + str(min(len(stem), 8)),
        ]
        if c != n:
            own.append("glued")
            own.append("c=" + c)
            if n[0] != c[0]:
                own.append("lp=" + n[0])
            if n[-1] != c[-1]:
                own.append("rp=" + n[-1])
        if prefix.endswith("ال") or prefix.endswith("لل"):
            own.append("al")
        for k in range(1, 5):
            if len(stem) >= k:
                own.append(f"sp{k}=" + stem[:k])
                own.append(f"ss{k}=" + stem[-k:])
        if len(c) >= 2:
            own.append("ws2=" + c[-2:])
        if sh == "lat":
            own.append("latin")
        cl = self._cluster(c, stem)
        ctx_cl: list[str] = []
        if cl is not None:
            for name, cid in zip(self.cluster_names, cl):
                own.append(f"{name}={cid}")
                ctx_cl.append(f"{name}={cid}")
        else:
            own.append("nocl")
        cs = self.clusters.get(stem) if stem != c else None
        if cs is not None:
            for name, cid in zip(self.cluster_names, cs):
                own.append(f"s{name}={cid}")
        if self.gazetteer is not None:
            own.extend(self.gazetteer.word_features(stem))
        self._own[token] = own
        base = ["w=" + n, "s=" + stem, "p=" + prefix] + ctx_cl[1:]
        if self.vectors is not None:
            i = self.rank.get(c) if self.rank else None
            if i is None and self.rank:
                i = self.rank.get(stem)
            if i is not None and i < len(self.vectors):
                row = self.vectors[i].astype("float32") * self.vector_scale
                self._vec[token] = dict(zip(self._dims, row.tolist()))
            else:
                self._vec[token] = {}
        self._ctx[token] = (
            ["-2" + f for f in base[:2] + ctx_cl[1:2]],
            ["-1" + f for f in base] + (["-1al"] if "al" in own else []) + ["-1ss2=" + stem[-2:]],
            ["+1" + f for f in base] + (["+1al"] if "al" in own else []) + ["+1ss2=" + stem[-2:]],
            ["+2" + f for f in base[:2] + ctx_cl[1:2]],
            stem,
        )

    # -- per sentence ---------------------------------------------------------------------------
    def sequence(self, tokens: Sequence[str], extra: Sequence[Sequence[str]] | None = None) -> list:
        """CRF items of one sentence; ``extra`` adds string features per position."""
        feats = self.strings(tokens)
        if extra is not None:
            feats = [f + list(e) if e else f for f, e in zip(feats, extra)]
        if self.vectors is None:
            return feats
        vec = self._vec
        return [{"x": f, "e": vec[t]} for f, t in zip(feats, tokens)]

    def strings(self, tokens: Sequence[str]) -> list[list[str]]:
        """The string features of one sentence (no vectors)."""
        own, ctx = self._own, self._ctx
        if len(own) > self.max_cache:
            own.clear()
            ctx.clear()
            self._vec.clear()
        for t in tokens:
            if t not in own:
                self._word(t)
        n = len(tokens)
        stems = [ctx[t][4] for t in tokens]
        gz = self.gazetteer.span_features(stems) if self.gazetteer is not None else None
        out: list[list[str]] = []
        for i, t in enumerate(tokens):
            f = list(own[t])
            if i >= 2:
                f += ctx[tokens[i - 2]][0]
            if i >= 1:
                f += ctx[tokens[i - 1]][1]
                f.append("bg-=" + stems[i - 1] + "|" + stems[i])
            else:
                f.append("BOS")
            if i + 1 < n:
                f += ctx[tokens[i + 1]][2]
                f.append("bg+=" + stems[i] + "|" + stems[i + 1])
            else:
                f.append("EOS")
            if i + 2 < n:
                f += ctx[tokens[i + 2]][3]
            if gz is not None and gz[i]:
                f += gz[i]
            out.append(f)
        return out

    def sequences(self, sents: Iterable[Sequence[str]]) -> list[list[list[str]]]:
        return [self.sequence(s) for s in sents]


class Gazetteer:
    """Names by type, matched over clitic-stripped stems.

    ``names``: iterable of ``(tokens, type)``. ``compile(stemmer)`` indexes them with the stemmer of the
    featurizer that uses them. Gives a per-word feature (the types whose names contain the stem) and
    span features (``gB=TYPE``/``gI=TYPE`` for the longest name match at each position).
    """

    def __init__(self, names: Iterable[tuple[Sequence[str], str]] = (), max_len: int = 6):
        self.max_len = max_len
        self.names = [(tuple(t), typ) for t, typ in names if 0 < len(t) <= max_len]
        self.spans: dict[tuple[str, ...], set[str]] = {}
        self.words: dict[str, set[str]] = {}
        self.firsts: set[str] = set()

    def compile(self, stemmer) -> None:
        self.spans, self.words, self.firsts = {}, {}, set()
        for toks, typ in self.names:
            stems = tuple(stemmer(t) for t in toks)
            self.spans.setdefault(stems, set()).add(typ)
            self.firsts.add(stems[0])
            for s in stems:
                self.words.setdefault(s, set()).add(typ)

    def word_features(self, stem: str) -> list[str]:
        return ["gw=" + t for t in sorted(self.words.get(stem, ()))]

    def span_features(self, stems: Sequence[str]) -> list[list[str]]:
        n = len(stems)
        out: list[list[str]] = [[] for _ in range(n)]
        spans = self.spans
        i = 0
        firsts = self.firsts
        while i < n:
            found = 0
            if stems[i] not in firsts:  # no name starts with this word: nothing to look up
                i += 1
                continue
            for L in range(min(self.max_len, n - i), 0, -1):
                types = spans.get(tuple(stems[i:i + L]))
                if types:
                    for typ in sorted(types):
                        out[i].append("gB=" + typ)
                        for j in range(i + 1, i + L):
                            out[j].append("gI=" + typ)
                    if L > 1:
                        out[i].append("gL")
                    found = L
                    break
            i += found or 1
        return out
