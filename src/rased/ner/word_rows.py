"""The network's inputs per word form, kept in growing tables: one row per token string seen, row 0 padding.

At run time most of an article's tokens were seen before. ``WordRows.flat`` looks each token up once (a dict
get) and cuts all of an article's inputs out of the tables by one fancy index per input, where the encoder's
cache stacked one small array per token and input; the character CNN's output of a new word form is computed
with the others of the same call and stored in its row. Only the gazetteer's span flags depend on the
neighbouring words; they are set at the few tokens whose stem can begin a name. The arrays equal those of
``Encoder.flatten`` for the same sentences (tested).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .char_split import CHARVEC_INPUT, CharCNN
from .neural import MAX_CHARS, N_FLAGS, TYPES, Encoder

_FIRST_ROWS = 4096


class WordRows:
    """Per-word-form input rows of an ``Encoder``; with a ``CharCNN``, its output replaces the character ids.
    Emptied past ``max_rows`` word forms. Not thread-safe: its owner serialises calls."""

    def __init__(self, encoder: Encoder, char_cnn: CharCNN | None = None, max_rows: int = 300_000):
        self.encoder = encoder
        self.char_cnn = char_cnn
        self.max_rows = max_rows
        self._names = None  # the gazetteer's names by first stem (``_span_index``), built on first use
        self._reset()

    def _reset(self) -> None:
        cap, k = _FIRST_ROWS, self.encoder.cluster_ids.shape[1] + 3
        self.row: dict[str, int] = {}
        self.stems = [""]
        self.tables = {"ids": np.zeros((cap, k), dtype=np.int64), "chars": np.zeros((cap, MAX_CHARS), dtype=np.int16),
                       "flags": np.zeros((cap, N_FLAGS), dtype=np.float32), "wid": np.full(cap, -1, dtype=np.int64),
                       "sid": np.full(cap, -1, dtype=np.int64), "first": np.zeros(cap, dtype=bool)}
        if self.char_cnn is not None:
            self.tables[CHARVEC_INPUT] = np.zeros((cap, self.char_cnn.filters), dtype=np.float32)
        self.n = 1

    def __len__(self) -> int:
        return self.n - 1

    def _fill(self, tokens: list[str]) -> None:
        """Rows ``n ..`` for new word forms (``row`` already points there): the per-token parts one by one,
        the cluster ids and the table writes for all of them at once (a numpy call per token cost more)."""
        start, end = self.n, self.n + len(tokens)
        while end > len(self.tables["ids"]):
            self.tables = {name: np.concatenate([t, np.zeros_like(t)]) for name, t in self.tables.items()}
            self.tables["wid"][start:] = self.tables["sid"][start:] = -1
        parts = [self.encoder.token_parts(tok) for tok in tokens]
        wid = np.array([-1 if p[0] is None else p[0] for p in parts], dtype=np.int64)
        sid = np.array([-1 if p[1] is None else p[1] for p in parts], dtype=np.int64)
        clusters, t, gz = self.encoder.cluster_ids, self.tables, self.encoder.gazetteer
        ids = t["ids"][start:end]  # the word's clusters, else the stem's, else 0; then the stem's last cluster
        ids[:] = 0
        known, by_stem = wid >= 0, (wid < 0) & (sid >= 0)
        ids[known, :-3] = clusters[wid[known]] + 1
        ids[by_stem, :-3] = clusters[sid[by_stem]] + 1
        ids[sid >= 0, -3] = clusters[sid[sid >= 0], -1] + 1
        ids[:, -2] = [p[2] for p in parts]
        ids[:, -1] = [p[3] for p in parts]
        t["wid"][start:end], t["sid"][start:end] = wid, sid
        t["flags"][start:end] = [p[4] for p in parts]
        t["chars"][start:end] = [p[5] for p in parts]
        t["first"][start:end] = [gz is not None and p[6] in gz.firsts for p in parts]
        self.stems.extend(p[6] for p in parts)
        self.n = end

    def flat(self, sentences: Sequence[Sequence[str]]) -> dict:
        """``Encoder.flatten`` of the sentences (non-empty), from the tables: ``{"rows", "starts", "lengths"}``."""
        if self.n > self.max_rows:
            self._reset()
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        before, row, new = self.n, self.row, []

        def add(tok: str) -> int:  # a new word form: its row now, its inputs with the others (``_fill``)
            r = row[tok] = before + len(new)
            new.append(tok)
            return r

        get = row.get
        rows = np.array([0] + [get(tok) or add(tok) for s in sentences for tok in s], dtype=np.int64)
        if new:
            self._fill(new)
        t = self.tables
        if self.char_cnn is not None and self.n > before:  # new word forms: their CNN vectors in one call
            t[CHARVEC_INPUT][before:self.n] = self.char_cnn(t["chars"][before:self.n].astype(np.int64))
        starts = np.zeros(len(sentences), dtype=np.int64)
        starts[1:] = np.cumsum(lengths)[:-1]
        out = {"ids": t["ids"][rows], "flags": t["flags"][rows],
               "vec": self.encoder.word_vectors(t["wid"][rows], t["sid"][rows])}
        if self.char_cnn is not None:
            out[CHARVEC_INPUT] = t[CHARVEC_INPUT][rows]
        else:
            out["chars"] = t["chars"][rows].astype(np.int64)
        if self.encoder.gazetteer is not None:
            self._span_flags(out["flags"], rows, starts, lengths)
        return {"rows": out, "starts": starts, "lengths": lengths}

    def _span_index(self) -> dict:
        """The gazetteer's names as a trie over stems: ``{stem: node}`` nodes, a name's flag columns under the key
        ``None`` of the node its last stem reaches. A position follows it only as far as its words go on a name,
        mostly one step, instead of looking up every size up to ``max_len``."""
        gz, gtype = self.encoder.gazetteer, self.encoder._gtype
        root: dict = {}
        for stems, types in gz.spans.items():
            node = root
            for stem in stems:
                node = node.setdefault(stem, {})
            node[None] = tuple(sorted(gtype[typ] for typ in types if typ in gtype))
        return root

    def _span_flags(self, flags: np.ndarray, rows: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> None:
        """The gazetteer's span flags (``Gazetteer.span_features``: the longest name at each position, left to
        right, a match skipping the words it covers) set in ``flags``, whose row ``p + 1`` is token ``p``."""
        cand = np.flatnonzero(self.tables["first"][rows[1:]])
        if not len(cand):
            return
        if self._names is None:
            self._names = self._span_index()
        nt, root = len(TYPES), self._names
        ends = (starts + lengths)[np.searchsorted(starts, cand, side="right") - 1]
        stems, at = self.stems, rows.tolist()
        free = 0
        for p, end in zip(cand.tolist(), ends.tolist()):
            if p < free:  # inside the name matched before
                continue
            size, cols, q, node = 0, (), p, root.get(stems[at[p + 1]])
            while node is not None:  # the longest name along the words from p, within the sentence
                if None in node:
                    size, cols = q - p + 1, node[None]
                q += 1
                node = node.get(stems[at[q + 1]]) if q < end else None
            if size:
                for j in cols:
                    flags[p + 1, 4 + nt + j] = 1.0
                    flags[p + 2:p + 1 + size, 4 + 2 * nt + j] = 1.0
                free = p + size
