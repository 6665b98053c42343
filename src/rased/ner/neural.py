"""The neural NER tagger at run time: a BiLSTM-CRF exported to ONNX, run with onnxruntime + numpy.

The model folder (``config.json`` with ``"kind": "bilstm-crf"``) holds:

- ``ner.onnx``: the network, from token inputs to per-label emission scores (dynamic batch and length);
- ``crf.npz``: the CRF transition scores (``trans``, ``start``, ``end``); Viterbi decoding and the
  marginal probabilities (forward-backward) are computed here in numpy;
- ``clusters.tsv.gz``: the word table (frequency order) with its k-means cluster ids;
- ``wordvec.npz``: 100-dim unit-length float16 word2vec vectors, row ``i`` for the ``i``-th word of the table;
- ``gazetteer.tsv.gz``: names of the training data.

Inputs of the network per token: the vectors of the normalised word and of its clitic-stripped stem,
the cluster ids of the word and of the stem, the stripped prefix, the shape, the characters of the word
and a few flags (article, glued punctuation, unknown word/stem, gazetteer hits). The encoding here is
the one used in training (``rased.training.ner.bilstm``), so both sides share this module.
"""
from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from . import conll
from .char_split import CHARCNN_FILE, CHARVEC_INPUT, CharCNN
from .features import _PREFIXES, Gazetteer, core, norm, shape, strip_clitics

from .model_files import (CLUSTERS_FILE, CRF_FILE, GAZETTEER_FILE, ONNX_FILE, WORDVEC_FILE, load_config, read_gazetteer,
                          read_table, read_vectors)

KIND = "bilstm-crf"

TYPES = ("PERS", "ORG", "LOC", "MISC")
LABELS = ("O",) + tuple(f"{p}-{t}" for t in TYPES for p in ("B", "I"))
PREFIXES = ("",) + tuple(sorted(_PREFIXES))
SHAPES = ("ar", "lat", "num", "punct", "mix")
MAX_CHARS = 16
# flags: al, glued, unknown word, unknown stem, gazetteer word types, span begin types, span inside types
N_FLAGS = 4 + 3 * len(TYPES)
_VEC_SCALE = 3.0
MAX_STRETCH = 1.25  # batching: longest sentence of a batch / shortest (see ``length_batches``)
SHORT = 8  # ... sentences up to this many tokens batch together whatever their lengths


def char_ids(word: str, chars: dict[str, int]) -> list[int]:
    """Character ids of ``word`` (0 = padding, 1 = unknown), the first and last 8 characters of a long
    word, padded to ``MAX_CHARS``."""
    if len(word) > MAX_CHARS:
        word = word[:MAX_CHARS // 2] + word[-(MAX_CHARS // 2):]
    ids = [chars.get(c, 1) for c in word]
    return ids + [0] * (MAX_CHARS - len(ids))


class Encoder:
    """Token strings to the network's input arrays. Per-word encodings are cached on the instance.

    ``words``: the word table in frequency order; ``cluster_ids``: int array (rows aligned with
    ``words``) of the k64/k256/k1024 cluster ids; ``vectors``: the word vectors (rows aligned);
    ``chars``: ``{char: id}``; ``gazetteer``: a ``Gazetteer`` of training names or ``None``."""

    def __init__(self, words: Sequence[str], cluster_ids: np.ndarray, vectors: np.ndarray,
                 chars: dict[str, int], gazetteer: Gazetteer | None = None):
        self.rank = {w: i for i, w in enumerate(words)}
        self.cluster_ids = np.asarray(cluster_ids, dtype=np.int64)
        self.vectors = vectors
        self.chars = chars
        self.gazetteer = gazetteer
        self._prefix = {p: i for i, p in enumerate(PREFIXES)}
        self._shape = {s: i for i, s in enumerate(SHAPES)}
        self._gtype = {t: i for i, t in enumerate(TYPES)}
        self._cache: dict[str, tuple] = {}
        self.max_cache = 300_000
        if gazetteer is not None:
            gazetteer.compile(self.stem)

    def stem(self, token: str) -> str:
        return strip_clitics(core(norm(token)), self.rank)[1]

    def features(self, token: str) -> tuple:
        """``(word row or -1, stem row or -1, ids, character ids, flags, stem)`` of one token, as lists."""
        wid, sid, prefix_id, shape_id, flags, chars, stem = self.token_parts(token)
        k = self.cluster_ids.shape[1]
        cw = self.cluster_ids[wid] + 1 if wid is not None else (
            self.cluster_ids[sid] + 1 if sid is not None else np.zeros(k, dtype=np.int64))
        cs = self.cluster_ids[sid, -1] + 1 if sid is not None else 0
        ids = [*cw.tolist(), int(cs), prefix_id, shape_id]
        return -1 if wid is None else wid, -1 if sid is None else sid, ids, chars, flags, stem

    def token_parts(self, token: str) -> tuple:
        """``features`` but the cluster ids, which ``WordRows`` looks up for many new words at once: ``(word row or
        None, stem row or None, prefix id, shape id, flags, character ids, stem)``."""
        n = norm(token)
        c = core(n)
        prefix, stem = strip_clitics(c, self.rank)
        wid = self.rank.get(c)
        if wid is None:
            wid = self.rank.get(n)
        sid = self.rank.get(stem)
        flags = [0.0] * N_FLAGS
        flags[0] = float(prefix.endswith("ال") or prefix.endswith("لل"))
        flags[1] = float(c != n)
        flags[2] = float(wid is None)
        flags[3] = float(sid is None)
        if self.gazetteer is not None:
            for t in self.gazetteer.words.get(stem, ()):
                if t in self._gtype:
                    flags[4 + self._gtype[t]] = 1.0
        return wid, sid, self._prefix.get(prefix, 0), self._shape[shape(c)], flags, char_ids(c, self.chars), stem

    def _word(self, token: str) -> tuple:
        wid, sid, ids, chars, flags, stem = self.features(token)
        # the rows as arrays: ``flatten`` stacks an article's rows in one call instead of converting nested lists
        rec = (wid, sid, np.array(ids, dtype=np.int64), np.array(chars, dtype=np.int64),
               np.array(flags, dtype=np.float32), stem)
        self._cache[token] = rec
        return rec

    def sentence(self, tokens: Sequence[str]) -> tuple:
        cache = self._cache
        if len(cache) > self.max_cache:
            cache.clear()
        recs = [cache.get(t) or self._word(t) for t in tokens]
        flags = [r[4] for r in recs]  # shared with the cache: copied below before a change
        if self.gazetteer is not None:
            nt = len(TYPES)
            for i, feats in enumerate(self.gazetteer.span_features([r[5] for r in recs])):
                if not feats:
                    continue
                row = flags[i] = flags[i].copy()
                for f in feats:
                    kind, _, typ = f.partition("=")
                    j = self._gtype.get(typ)
                    if j is None:
                        continue
                    row[4 + (nt if kind == "gB" else 2 * nt) + j] = 1.0
        return ([r[0] for r in recs], [r[1] for r in recs], [r[2] for r in recs], [r[3] for r in recs], flags)

    def batch(self, encoded: Sequence[tuple]) -> dict[str, np.ndarray]:
        """Padded network inputs for encoded sentences (``sentence`` results)."""
        return self.gather(self.flatten(encoded), range(len(encoded)))

    def flatten(self, encoded: Sequence[tuple]) -> dict:
        """The inputs of every token of ``encoded`` as flat arrays (row 0: padding, then the tokens in order),
        so that any batch of these sentences is cut out by one fancy index per input (``gather``)."""
        lengths = np.array([len(e[0]) for e in encoded], dtype=np.int64)
        wid = np.fromiter(itertools.chain.from_iterable(e[0] for e in encoded), np.int64, int(lengths.sum()))
        sid = np.fromiter(itertools.chain.from_iterable(e[1] for e in encoded), np.int64, int(lengths.sum()))
        n, k = len(wid), len(encoded[0][2][0]) if encoded and encoded[0][2] else 0
        rows = {
            "ids": np.zeros((n + 1, k), dtype=np.int64),
            "chars": np.zeros((n + 1, MAX_CHARS), dtype=np.int64),
            "flags": np.zeros((n + 1, N_FLAGS), dtype=np.float32),
            "vec": np.zeros((n + 1, 2 * self.vectors.shape[1]), dtype=np.float32),
        }
        if n:
            rows["ids"][1:] = np.stack([x for e in encoded for x in e[2]])
            rows["chars"][1:] = np.stack([x for e in encoded for x in e[3]])
            rows["flags"][1:] = np.stack([x for e in encoded for x in e[4]])
            rows["vec"] = self.word_vectors(np.concatenate([[-1], wid]), np.concatenate([[-1], sid]))
        starts = np.zeros(len(encoded), dtype=np.int64)
        if len(encoded) > 1:
            starts[1:] = np.cumsum(lengths)[:-1]
        return {"rows": rows, "starts": starts, "lengths": lengths}

    def word_vectors(self, wid: np.ndarray, sid: np.ndarray) -> np.ndarray:
        """The ``vec`` input rows: the scaled vectors of the words (``wid``) and stems (``sid``); -1 gives zeros."""
        dim = self.vectors.shape[1]
        vec = np.zeros((len(wid), 2 * dim), dtype=np.float32)
        m = np.flatnonzero(wid >= 0)
        vec[m, :dim] = self.vectors[wid[m]]
        m = np.flatnonzero(sid >= 0)
        vec[m, dim:] = self.vectors[sid[m]]
        vec *= _VEC_SCALE
        return vec

    @staticmethod
    def gather(flat: dict, idx: Sequence[int]) -> dict[str, np.ndarray]:
        """Padded inputs ``[batch, time, ...]`` of the sentences ``idx`` of a ``flatten`` result."""
        idx = np.asarray(idx, dtype=np.int64)
        lengths = flat["lengths"][idx]
        t = int(lengths.max()) if len(idx) else 0
        steps = np.arange(t)
        pos = flat["starts"][idx, None] + 1 + steps[None, :]
        pos = np.where(steps[None, :] < lengths[:, None], pos, 0)
        feeds = {name: table[pos] for name, table in flat["rows"].items()}
        feeds["lengths"] = lengths
        return feeds


def allowed_transitions(labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """IOB2 constraints: ``(trans_ok[L, L], start_ok[L])`` (I-X only after B-X or I-X)."""
    n = len(labels)
    ok = np.ones((n, n), dtype=bool)
    start = np.ones(n, dtype=bool)
    for j, lab in enumerate(labels):
        if lab.startswith("I-"):
            start[j] = False
            for i, prev in enumerate(labels):
                if prev == "O" or prev[2:] != lab[2:]:
                    ok[i, j] = False
    return ok, start


def viterbi(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    n = em.shape[0]
    score = start + em[0]
    back = np.zeros((n, em.shape[1]), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + em[t]
    best = [int((score + end).argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]


def _logsumexp(a: np.ndarray, axis: int) -> np.ndarray:
    m = a.max(axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    return (np.log(np.exp(a - m).sum(axis=axis, keepdims=True)) + m).squeeze(axis)


def marginals(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Posterior label probabilities ``[T, L]`` (forward-backward)."""
    n, _ = em.shape
    alpha = np.empty_like(em)
    beta = np.empty_like(em)
    alpha[0] = start + em[0]
    for t in range(1, n):
        alpha[t] = _logsumexp(alpha[t - 1][:, None] + trans, 0) + em[t]
    beta[-1] = end
    for t in range(n - 2, -1, -1):
        beta[t] = _logsumexp(trans + (em[t + 1] + beta[t + 1])[None, :], 1)
    z = _logsumexp(alpha[-1] + end, 0)
    return np.exp(alpha + beta - z)


def _pad(ems: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Emissions padded time-major ``[T, B, L]``, the sentences longest first (stable), with their lengths, their
    places in ``ems`` and how many are still running at each position: at step ``t`` those are a prefix
    ``[:live[t]]`` of the batch, so the loops below compute no padding."""
    lengths = np.array([len(e) for e in ems], dtype=np.int64)
    order = np.argsort(-lengths, kind="stable")
    lengths = lengths[order]
    out = np.zeros((int(lengths[0]), len(ems), ems[0].shape[1]))
    for b, i in enumerate(order.tolist()):
        out[: lengths[b], b] = ems[i]
    live = (lengths[None, :] > np.arange(len(out))[:, None]).sum(axis=1).tolist()
    return out, lengths, order, live


def _unsort(values: list, order: np.ndarray) -> list:
    out = [None] * len(values)
    for b, i in enumerate(order.tolist()):
        out[i] = values[b]
    return out


def viterbi_batch(ems: Sequence[np.ndarray], trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[list[int]]:
    """``viterbi`` for many sentences at once: one Python step per position instead of per position and sentence.
    A sentence's score stops at its end; the backtrack starts each sentence at its own last position."""
    em, lengths, order, live = _pad(ems)
    n_t, n_b, n_l = em.shape
    back = np.empty((n_t, n_b, n_l), dtype=np.intp)
    cand = np.empty((n_b, n_l, n_l))
    score = start + em[0]
    # the loop is bound by numpy's per-call cost: results go to buffers (``out=``) and the maximum is taken by the
    # ufunc itself, not through ``ndarray.max``'s Python wrapper; the same sums and maxima as before
    add, maximum = np.add, np.maximum.reduce
    for t in range(1, n_t):
        n = live[t]
        c, s = cand[:n], score[:n]
        add(s[:, :, None], trans, out=c)
        c.argmax(axis=1, out=back[t, :n])
        maximum(c, axis=1, out=s)
        s += em[t, :n]
    best = (score + end).argmax(axis=1)
    paths = np.empty((n_t, n_b), dtype=np.intp)
    flat, base = back.reshape(n_t, n_b * n_l), np.arange(n_b) * n_l
    for t in range(n_t - 1, 0, -1):
        b = best[:live[t]]
        paths[t, :len(b)] = b
        b[:] = flat[t, base[:len(b)] + b]
    paths[0] = best
    return _unsort([paths[: lengths[b], b].tolist() for b in range(n_b)], order)


def marginals_batch(ems: Sequence[np.ndarray], trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[np.ndarray]:
    """``marginals`` for many sentences at once, by scaled forward-backward in probability space.

    Scaling each position's emissions by a constant leaves the posteriors unchanged, so emissions are exponentiated
    after subtracting their row maximum, and each forward/backward step is renormalised: no logarithms in the loop.
    Only the sentences still running take part in a step; BLAS rounds a product's rows differently with their
    number, so the probabilities can differ in the last bit (1e-16) from one batch to another, as they did before.
    """
    em, lengths, order, live = _pad(ems)
    n_t, n_b, n_l = em.shape
    e = np.exp(em - em.max(axis=2, keepdims=True))
    tr = np.exp(trans - trans.max())
    alpha = np.zeros_like(e)
    a = np.exp(start - start.max()) * e[0]
    alpha[0] = a / a.sum(axis=1, keepdims=True)
    buf, tot = np.empty((n_b, n_l)), np.empty((n_b, 1))  # the steps' products and sums, in place (as in ``viterbi_batch``)
    matmul, multiply, divide, floor, total = np.matmul, np.multiply, np.divide, np.maximum, np.add.reduce
    for t in range(1, n_t):
        n = live[t]
        a = multiply(matmul(alpha[t - 1, :n], tr, out=buf[:n]), e[t, :n], out=buf[:n])
        s = total(a, axis=1, keepdims=True, out=tot[:n])
        divide(a, floor(s, 1e-300, out=s), out=alpha[t, :n])
    beta = np.zeros_like(e)
    last = np.exp(end - end.max())
    tr_t = tr.T
    beta[-1] = last  # unscaled at the batch's last position, scaled at a shorter sentence's (scaling cancels below)
    for t in range(n_t - 2, -1, -1):
        n, m = live[t], live[t + 1]  # running at t; of them, running past t
        b = buf[:n]
        matmul(multiply(e[t + 1, :m], beta[t + 1, :m]), tr_t, out=b[:m])
        b[m:] = last
        s = total(b, axis=1, keepdims=True, out=tot[:n])
        divide(b, floor(s, 1e-300, out=s), out=beta[t, :n])
    post = alpha * beta
    post /= np.maximum(post.sum(axis=2, keepdims=True), 1e-300)
    return _unsort([post[: lengths[b], b] for b in range(n_b)], order)


def length_batches(lengths: Sequence[int], batch_tokens: int) -> list[range]:
    """Batches of positions in ``lengths`` (sorted ascending): each at most ``batch_tokens`` padded tokens,
    and its longest sentence at most ``MAX_STRETCH`` times its shortest (or ``SHORT`` tokens long).

    The LSTM runs every sentence of a batch to the batch's longest one, so mixing a 6-token sentence with
    an 80-token one wastes most of the work: one batch per article padded 84 % more tokens than it tagged;
    with these bounds padding is about 3 % and the network takes 30 % less time (same scores). A call is not
    free either (about 60 µs, and each time step of a batch about 2 µs besides the tokens' own cost), so the
    bounds were widened from 1.1 and 2,000 tokens: six calls per article instead of nine, 9 % less network time.
    """
    out, k, n = [], 0, len(lengths)
    while k < n:
        j = k + 1
        cap = max(SHORT, MAX_STRETCH * lengths[k])
        while j < n and (j - k + 1) * lengths[j] <= batch_tokens and lengths[j] <= cap:
            j += 1
        out.append(range(k, j))
        k = j
    return out


class NeuralModel:
    """A loaded BiLSTM-CRF model folder: ``predict(sentences, scores=False)`` gives label strings (and
    per-token marginal probabilities of the chosen labels)."""

    def __init__(self, model_dir: str | Path, config: dict, *, threads: int = 1, batch_tokens: int = 4000):
        import onnxruntime as ort

        d = Path(model_dir)
        self.config = config
        table, _ = read_table(d / CLUSTERS_FILE)
        words = list(table)
        cluster_ids = np.array([[int(x) for x in v] for v in table.values()], dtype=np.int64)
        vectors = read_vectors(d / WORDVEC_FILE)
        chars = {c: i + 2 for i, c in enumerate(config["chars"])}
        gz = Gazetteer(read_gazetteer(d / GAZETTEER_FILE)) if (d / GAZETTEER_FILE).exists() else None
        self.encoder = Encoder(words, cluster_ids, vectors, chars, gz)
        self.labels = list(config.get("labels", LABELS))
        with np.load(d / CRF_FILE) as z:
            trans, start, end = (z[k].astype(np.float64) for k in ("trans", "start", "end"))
        ok, start_ok = allowed_transitions(self.labels)
        self.trans = np.where(ok, trans, -1e4)
        self.start = np.where(start_ok, start, -1e4)
        self.end = end
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self._sess = ort.InferenceSession(str(d / ONNX_FILE), sess_options=opts, providers=["CPUExecutionProvider"])
        # A network exported with its character CNN cut out (``char_split``) takes the CNN's output per token;
        # it is computed here once per word form and cached (bounded like the encoder's cache).
        inputs = {i.name for i in self._sess.get_inputs()}
        self.char_cnn = CharCNN(d / CHARCNN_FILE) if CHARVEC_INPUT in inputs else None
        from .word_rows import WordRows

        self.rows = WordRows(self.encoder, self.char_cnn, max_rows=self.encoder.max_cache)
        self.batch_tokens = batch_tokens
        self._lock = threading.Lock()

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Emission scores ``[T, L]`` per sentence; sentences are batched by similar length."""
        out: list[np.ndarray | None] = [None] * len(sentences)
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        with self._lock:
            flat = self.rows.flat([sentences[i] for i in order]) if order else None
            for batch in length_batches([len(sentences[i]) for i in order], self.batch_tokens):
                feeds = self.encoder.gather(flat, batch)
                em = self._sess.run(None, feeds)[0]
                for b, k in enumerate(batch):
                    i = order[k]
                    out[i] = em[b, :len(sentences[i])].astype(np.float64)
        return [e if e is not None else np.zeros((0, len(self.labels))) for e in out]

    def predict(self, sentences: Sequence[Sequence[str]], scores: bool = False):
        """Labels per sentence; with ``scores``, also the marginal probability of each chosen label — computed
        only for sentences with an entity (the probabilities score entities; a sentence of ``O`` gets ``[]``)."""
        ems = self.emissions(sentences)
        filled = [i for i, em in enumerate(ems) if len(em)]
        labs: list[list[str]] = [[] for _ in ems]
        probs: list[list[float]] = [[] for _ in ems]
        if filled:
            paths = viterbi_batch([ems[i] for i in filled], self.trans, self.start, self.end)
            for k, i in enumerate(filled):
                labs[i] = conll.to_iob2([self.labels[j] for j in paths[k]])
            if scores:
                o = self.labels.index("O")
                named = [k for k in range(len(filled)) if any(j != o for j in paths[k])]
                posts = marginals_batch([ems[filled[k]] for k in named], self.trans, self.start, self.end) if named else []
                for k, post in zip(named, posts):
                    probs[filled[k]] = post[np.arange(len(paths[k])), paths[k]].tolist()
        return (labs, probs) if scores else labs


__all__ = ["CRF_FILE", "ONNX_FILE", "WORDVEC_FILE", "NeuralModel", "load_config"]
