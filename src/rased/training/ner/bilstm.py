"""Training of the BiLSTM-CRF tagger (``rased train ner --kind bilstm``); needs the ``train`` extra (torch, onnx).

The network: frozen word2vec vectors of the word and of its clitic-stripped stem, small embeddings of the
word's and the stem's cluster ids, of the clitic prefix and of the shape, a character CNN, binary flags
(article, glued punctuation, unknown word, gazetteer hits built out of fold), a BiLSTM and a linear layer
to per-label emission scores, trained with a linear-chain CRF loss. The backward LSTM runs over each
sentence reversed within its own length, so that padding never reaches a real token and the exported
ONNX graph gives the same scores for any batch. The CRF transitions are saved apart (``crf.npz``) and
decoding is done in numpy (``rased.ner.neural``).
"""
from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ...ner import char_split, conll
from ...ner.conll import names_of
from ...ner.features import Gazetteer
from ...ner.model_files import CLUSTERS_FILE, CONFIG_FILE, GAZETTEER_FILE, write_gazetteer
from ...ner.neural import (CRF_FILE, KIND, LABELS, MAX_CHARS, N_FLAGS, ONNX_FILE, PREFIXES, SHAPES, WORDVEC_FILE,
                           Encoder, allowed_transitions, viterbi)
from . import int8
from .aux_labels import IGNORE as AUX_IGNORE

DEFAULTS = {"epochs": 15, "hidden": 128, "char_dim": 32, "char_filters": 64, "dropout": 0.5, "lr": 0.002,
            "batch": 16, "seed": 1, "threads": 2, "registry": False, "word_dropout": 0.0, "augment": 0.0,
            "aux_weight": 0.5}


def registry_names() -> list[tuple[tuple[str, ...], str]]:
    """Arabic names and aliases of the shipped actor registry, typed as ANERcorp types (PER → PERS), for the
    gazetteer: names the training data never shows (groups, media, ministers) still light the flags."""
    from . import augment

    return [(toks, typ) for toks, typ, _ in augment.registry_names() if len("".join(toks)) >= 3]


def build_model(n_chars: int, cluster_sizes: Sequence[int], vec_dim: int, hidden: int, char_dim: int,
                char_filters: int, dropout: float):
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            k = list(cluster_sizes)
            dims = [8, 16, 16][:len(k)]
            self.cl = nn.ModuleList([nn.Embedding(s + 1, d) for s, d in zip(k, dims)])
            self.scl = nn.Embedding(k[-1] + 1, 16)
            self.prefix = nn.Embedding(len(PREFIXES), 8)
            self.shape = nn.Embedding(len(SHAPES), 4)
            self.char = nn.Embedding(n_chars, char_dim, padding_idx=0)
            self.conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
            d_in = 2 * vec_dim + sum(dims) + 16 + 8 + 4 + char_filters + N_FLAGS
            self.drop = nn.Dropout(dropout)
            self.fw = nn.LSTM(d_in, hidden, batch_first=True)
            self.bw = nn.LSTM(d_in, hidden, batch_first=True)
            self.out_drop = nn.Dropout(0.3)
            self.out = nn.Linear(2 * hidden, len(LABELS))
            self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.start = nn.Parameter(torch.zeros(len(LABELS)))
            self.end = nn.Parameter(torch.zeros(len(LABELS)))

        def forward(self, vec, ids, chars, flags, lengths):
            hf, hb = self.states(vec, ids, chars, flags, lengths)
            h = self.out_drop(torch.cat([hf, hb], dim=-1))
            return self.out(h)

        def states(self, vec, ids, chars, flags, lengths):
            """The forward and backward LSTM states (language-model pretraining reads them too)."""
            b, t, c = chars.shape
            nk = len(self.cl)
            parts = [vec] + [e(ids[..., j]) for j, e in enumerate(self.cl)]
            parts += [self.scl(ids[..., nk]), self.prefix(ids[..., nk + 1]), self.shape(ids[..., nk + 2])]
            ch = self.char(chars.reshape(b * t, c)).transpose(1, 2)
            ch = torch.relu(self.conv(ch)).max(dim=2).values.reshape(b, t, -1)
            x = self.drop(torch.cat(parts + [ch, flags], dim=-1))
            pos = torch.arange(t, device=x.device).unsqueeze(0)
            ln = lengths.unsqueeze(1)
            rev = torch.where(pos < ln, ln - 1 - pos, pos)  # reverse each sentence within its length
            rev3 = rev.unsqueeze(2).expand(-1, -1, x.shape[2])
            hf, _ = self.fw(x)
            hb, _ = self.bw(torch.gather(x, 1, rev3))
            hb = torch.gather(hb, 1, rev.unsqueeze(2).expand(-1, -1, hb.shape[2]))
            return hf, hb

    return Net()


def crf_nll(em, tags, mask, trans, start, end):
    """Mean negative log-likelihood of a linear-chain CRF. ``em`` [B, T, L], ``tags`` [B, T], ``mask`` [B, T]."""
    import torch

    b, t, _ = em.shape
    maskf = mask.float()
    ar = torch.arange(b)
    score = start[tags[:, 0]] + em[ar, 0, tags[:, 0]]
    for i in range(1, t):
        s = trans[tags[:, i - 1], tags[:, i]] + em[ar, i, tags[:, i]]
        score = score + s * maskf[:, i]
    last = tags.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)
    score = score + end[last]
    alpha = start.unsqueeze(0) + em[:, 0]
    for i in range(1, t):
        nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0) + em[:, i].unsqueeze(1), dim=1)
        alpha = torch.where(mask[:, i].unsqueeze(1), nxt, alpha)
    logz = torch.logsumexp(alpha + end.unsqueeze(0), dim=1)
    return (logz - score).mean()


def _tensors(feeds: dict[str, np.ndarray]):
    import torch

    return {k: torch.from_numpy(v) for k, v in feeds.items()}


def _drop_words(feeds, rate: float) -> None:
    """Word dropout: a random share of tokens lose their word vector and are flagged unknown, as unseen
    words are at run time (their stem, clusters and characters stay)."""
    import torch

    vec, flags = feeds["vec"], feeds["flags"]
    dim = vec.shape[2] // 2
    drop = torch.rand(vec.shape[:2]) < rate
    vec[..., :dim][drop] = 0.0
    flags[..., 2][drop] = 1.0


def _batches(n_items: Sequence[int], batch: int, rng: random.Random) -> list[list[int]]:
    """Batches of sentences of similar length, in random order."""
    order = sorted(range(len(n_items)), key=lambda i: (n_items[i], rng.random()))
    out = [order[k:k + batch] for k in range(0, len(order), batch)]
    rng.shuffle(out)
    return out


def training_chars(sentences) -> list[str]:
    """The character vocabulary of a training set: characters of normalised words seen at least twice."""
    from ...ner.features import core, norm

    counts = Counter(ch for toks, _ in sentences for t in toks for ch in core(norm(t)))
    return sorted(c for c, n in counts.items() if n >= 2)


def make_encoder(words, cluster_ids, vectors, chars, names) -> Encoder:
    return Encoder(words, cluster_ids, vectors, chars, Gazetteer(names) if names is not None else None)


def encode_folds(sentences, words, cluster_ids, vectors, chars, *, folds: int = 5, gazetteer: bool = True,
                 extra_names=()):
    """Encoded training sentences and every block's encoder, ``(encoded, [(range of the block, encoder)])``:
    the gazetteer of each of ``folds`` contiguous blocks holds the names of the other blocks only (see
    ``rased.training.ner.crf.featurize_out_of_fold``), plus ``extra_names``."""
    if not gazetteer:
        enc = make_encoder(words, cluster_ids, vectors, chars, None)
        return [enc.sentence(t) for t, _ in sentences], [(range(len(sentences)), enc)]
    n = len(sentences)
    bounds = [round(i * n / folds) for i in range(folds + 1)]
    out, encoders = [], []
    for k in range(folds):
        lo, hi = bounds[k], bounds[k + 1]
        enc = make_encoder(words, cluster_ids, vectors, chars,
                           names_of(list(sentences[:lo]) + list(sentences[hi:])) + list(extra_names))
        out.extend(enc.sentence(t) for t, _ in sentences[lo:hi])
        encoders.append((range(lo, hi), enc))
    return out, encoders


def _aux_heads(sentences, aux, excluded, hidden: int, log):
    """Training-only output layers, one per auxiliary label source (``rased.training.ner.aux_labels``): the
    source's labels projected onto ``sentences`` (``None`` where a sentence was not found) and a linear layer
    from the BiLSTM states to them."""
    from torch import nn

    from . import aux_labels

    tasks = []
    for src in aux:
        ids, names, stats = aux_labels.load(sentences, src, excluded)
        log(f"ner: auxiliary labels {Path(src).name}: {json.dumps(stats)}")
        tasks.append((ids, nn.Linear(2 * hidden, len(names)), stats))
    return tasks


def _aux_loss(tasks, h, idx, replaced, tmax: int):
    """Mean token cross-entropy of the auxiliary layers over the aligned, unreplaced sentences of a batch."""
    import torch

    total = h.new_zeros(())
    for ids, layer, _ in tasks:
        tg = torch.full((len(idx), tmax), AUX_IGNORE, dtype=torch.long)
        for b, i in enumerate(idx):
            if ids[i] is not None and not replaced[b]:
                tg[b, :len(ids[i])] = torch.tensor(ids[i])
        if (tg != AUX_IGNORE).any():
            logits = layer(h)
            total = total + torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), tg.reshape(-1),
                                                              ignore_index=AUX_IGNORE)
    return total


def _replacer(sentences, encoder: Encoder, seed: int):
    """The mention replacer of a training run (``augment`` option): names of the training data and the
    registry; clitics split with the encoder's frequency-aware stripping."""
    from . import augment
    from ...ner.features import core, norm, strip_clitics

    pools = augment.training_pools(sentences)
    reg_pools, latin = augment.registry_pools()
    for typ, names in reg_pools.items():
        pools.setdefault(typ, []).extend(names)
    return augment.MentionReplacer(pools, latin, lambda tok: strip_clitics(core(norm(tok)), encoder.rank)[0],
                                   random.Random(seed + 1000))


def decode(net, enc: Encoder, encoded: Sequence[tuple], batch: int = 64) -> list[list[str]]:
    """IOB2 labels from the torch network (numpy Viterbi, as at run time)."""
    import torch

    ok, start_ok = allowed_transitions(LABELS)
    trans = np.where(ok, net.trans.detach().double().numpy(), -1e4)
    start = np.where(start_ok, net.start.detach().double().numpy(), -1e4)
    end = net.end.detach().double().numpy()
    net.eval()
    out: list[list[str]] = [[] for _ in encoded]
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
    with torch.no_grad():
        for k in range(0, len(order), batch):
            idx = order[k:k + batch]
            em = net(**_tensors(enc.batch([encoded[i] for i in idx]))).double().numpy()
            for b, i in enumerate(idx):
                path = viterbi(em[b, :len(encoded[i][0])], trans, start, end)
                out[i] = conll.to_iob2([LABELS[j] for j in path])
    net.train()
    return out


def load_resources(clusters_path: str | Path, vectors_path: str | Path):
    """``(words, cluster_ids, sizes, vectors)``: the cluster table and the 100-dim vectors aligned with it."""
    from ...ner.model_files import read_table, read_vectors

    table, sizes = read_table(clusters_path)
    words = list(table)
    cluster_ids = np.array([[int(x) for x in v] for v in table.values()], dtype=np.int64)
    vectors = read_vectors(vectors_path)
    if len(vectors) != len(words):
        raise ValueError(f"{vectors_path}: {len(vectors)} vectors for {len(words)} words in {clusters_path}")
    return words, cluster_ids, sizes, vectors


def export_wordvec(kv_path: str | Path, clusters_path: str | Path, out: str | Path) -> Path:
    """Write ``wordvec.npz`` from gensim KeyedVectors: one unit-length float16 row per word of the cluster
    table (zeros for a word the vectors lack)."""
    from gensim.models import KeyedVectors

    from ...ner.model_files import read_table

    kv = KeyedVectors.load(str(kv_path))
    table, _ = read_table(clusters_path)
    m = np.zeros((len(table), kv.vector_size), dtype=np.float32)
    for i, w in enumerate(table):
        if w in kv.key_to_index:
            m[i] = kv[w]
    m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-8
    np.savez_compressed(out, vectors=m.astype(np.float16))
    return Path(out)


def train(data: str | Path, out: str | Path, *, clusters_path: str | Path, vectors_path: str | Path,
          dev: str | Path | None = None, params: dict | None = None, checkpoints: bool = False,
          init: str | Path | None = None, aux: Sequence[str | Path] = (),
          aux_excluded: str | Path | None = None, log=print) -> Path:
    """Train a BiLSTM-CRF model folder from a CoNLL file. With ``dev`` (a CoNLL file), the dev score is
    logged after every epoch (``dev.jsonl`` in ``out``); with ``checkpoints``, the weights of every
    epoch are kept (``epoch{N}.pt``) so that a model can be exported at an epoch chosen on dev; ``init``:
    pretrained weights to start from (``rased.training.ner.pretrain``); ``aux``: CoNLL files of other annotations
    of the training text (NewsFANE, CLEANANERCorp) learnt by extra output layers in training only, without the
    sentences that overlap ``aux_excluded`` (the test split; required with ``aux``)."""
    import torch

    p = dict(DEFAULTS)
    p.update(params or {})
    torch.set_num_threads(int(p["threads"]))
    torch.manual_seed(int(p["seed"]))
    rng = random.Random(int(p["seed"]))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    sentences = conll.read(data)
    words, cluster_ids, sizes, vectors = load_resources(clusters_path, vectors_path)
    chars = training_chars(sentences)
    char_ids = {c: i + 2 for i, c in enumerate(chars)}
    t0 = time.time()
    extra = registry_names() if p["registry"] else []
    encoded, encoders = encode_folds(sentences, words, cluster_ids, vectors, char_ids, extra_names=extra)
    fold_of = [enc for block, enc in encoders for _ in block]
    lab_id = {lab: i for i, lab in enumerate(LABELS)}
    tags = [[lab_id.get(lab, 0) for lab in conll.to_iob2(labs)] for _, labs in sentences]
    augment = float(p["augment"])
    replace = _replacer(sentences, fold_of[0], int(p["seed"])) if augment > 0 else None
    with_names = [any(lab != "O" for lab in labs) for _, labs in sentences]
    full_enc = make_encoder(words, cluster_ids, vectors, char_ids, names_of(sentences) + extra)
    dev_sents = conll.read(dev) if dev else []
    dev_encoded = [full_enc.sentence(t) for t, _ in dev_sents]
    log(f"ner: encoded {len(encoded)} sentences in {time.time() - t0:.0f}s")
    net = build_model(len(chars) + 2, sizes, vectors.shape[1], int(p["hidden"]), int(p["char_dim"]),
                      int(p["char_filters"]), float(p["dropout"]))
    if init is not None:
        from .pretrain import init_from

        log(f"ner: starting from pretrained weights ({init_from(net, init, chars)} of {len(chars)} characters shared)")
    tasks = []
    if aux:
        if aux_excluded is None:
            raise ValueError("auxiliary labels need the test split to exclude (aux_excluded)")
        tasks = _aux_heads(sentences, aux, conll.read(aux_excluded), int(p["hidden"]), log)
        p["aux"] = [Path(a).name for a in aux]
    trainable = list(net.parameters()) + [q for _, layer, _ in tasks for q in layer.parameters()]
    opt = torch.optim.Adam(trainable, lr=float(p["lr"]))
    lengths = [len(e[0]) for e in encoded]
    history = []
    config = {"kind": KIND, "format": 1, "labels": list(LABELS), "chars": chars, "cluster_sizes": list(sizes),
              "vector_dim": int(vectors.shape[1]), "params": p, "gazetteer": True, "pretrained": init is not None,
              "trained_on": Path(data).name, "sentences": len(sentences),
              "tokens": sum(len(t) for t, _ in sentences)}
    (out / CONFIG_FILE).write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for epoch in range(1, int(p["epochs"]) + 1):
        t1 = time.time()
        total = 0.0
        for idx in _batches(lengths, int(p["batch"]), rng):
            batch_enc, batch_tags = [encoded[i] for i in idx], [tags[i] for i in idx]
            replaced = [False] * len(idx)
            if replace is not None:  # mention replacement: this epoch's variant of some sentences
                for b, i in enumerate(idx):
                    if with_names[i] and rng.random() < augment:
                        toks, labs = replace(*sentences[i])
                        batch_enc[b] = fold_of[i].sentence(toks)
                        batch_tags[b] = [lab_id.get(lab, 0) for lab in labs]
                        replaced[b] = True
            feeds = _tensors(full_enc.batch(batch_enc))
            if float(p["word_dropout"]) > 0:
                _drop_words(feeds, float(p["word_dropout"]))
            tmax = feeds["vec"].shape[1]
            tg = torch.zeros(len(idx), tmax, dtype=torch.long)
            for b, t in enumerate(batch_tags):
                tg[b, :len(t)] = torch.tensor(t)
            mask = torch.arange(tmax).unsqueeze(0) < feeds["lengths"].unsqueeze(1)
            if tasks:  # the same as net(**feeds), with the states kept for the auxiliary layers
                h = net.out_drop(torch.cat(net.states(**feeds), dim=-1))
                em = net.out(h)
                loss = crf_nll(em, tg, mask, net.trans, net.start, net.end)
                loss = loss + float(p["aux_weight"]) * _aux_loss(tasks, h, idx, replaced, tmax)
            else:
                em = net(**feeds)
                loss = crf_nll(em, tg, mask, net.trans, net.start, net.end)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item() * len(idx)
        rec = {"epoch": epoch, "loss": round(total / len(encoded), 4), "seconds": round(time.time() - t1)}
        if dev_sents:
            r = conll.score([labs for _, labs in dev_sents], decode(net, full_enc, dev_encoded))
            rec["dev_f1"] = r["micro"]["f1"]
            rec["dev_per_type"] = {k: v["f1"] for k, v in r["per_type"].items()}
            with open(out / "dev.jsonl", "a", encoding="utf-8") as fh:
                fh.write(json.dumps(rec) + "\n")
        if checkpoints:
            torch.save(net.state_dict(), out / f"epoch{epoch}.pt")
        history.append(rec)
        log(f"ner: {json.dumps(rec)}")
    config["epochs_trained"] = len(history)
    save(net, out, config, clusters_path, vectors_path, sentences)
    return out


def save(net, out: Path, config: dict, clusters_path, vectors_path, sentences) -> None:
    """Write the model folder: ONNX network (without its character CNN, int8 LSTMs) and the CNN's weights, CRF
    transitions, word table, vectors, gazetteer, config."""
    from .crf import _place

    export_onnx(net, out / ONNX_FILE, n_ids=len(config["cluster_sizes"]) + 3, vec_dim=2 * config["vector_dim"])
    char_split.split(out / ONNX_FILE)  # the character CNN runs once per word form at run time
    np.savez(out / CRF_FILE, trans=net.trans.detach().numpy(), start=net.start.detach().numpy(),
             end=net.end.detach().numpy())
    _place(clusters_path, out / CLUSTERS_FILE)
    _place(vectors_path, out / WORDVEC_FILE)
    extra = registry_names() if config["params"].get("registry") else []
    write_gazetteer(out / GAZETTEER_FILE, names_of(sentences) + extra)
    (out / CONFIG_FILE).write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    int8.quantize_folder(out)  # int8 LSTMs with fixed ranges: half the network's time, no batch dependence


def export_onnx(net, path: Path, *, n_ids: int, vec_dim: int) -> Path:
    import torch

    net.eval()
    b, t = 2, 7
    args = (torch.zeros(b, t, vec_dim), torch.zeros(b, t, n_ids, dtype=torch.long),
            torch.zeros(b, t, MAX_CHARS, dtype=torch.long), torch.zeros(b, t, N_FLAGS),
            torch.tensor([t, t - 2], dtype=torch.long))
    dyn = {"vec": {0: "batch", 1: "time"}, "ids": {0: "batch", 1: "time"}, "chars": {0: "batch", 1: "time"},
           "flags": {0: "batch", 1: "time"}, "lengths": {0: "batch"}, "emissions": {0: "batch", 1: "time"}}
    torch.onnx.export(net, args, str(path), input_names=["vec", "ids", "chars", "flags", "lengths"],
                      output_names=["emissions"], dynamic_axes=dyn, opset_version=17, dynamo=False)
    net.train()
    return path


def finalize(run_dir: str | Path, epoch: int, out: str | Path, *, data: str | Path,
             clusters_path: str | Path, vectors_path: str | Path) -> Path:
    """Export the checkpoint of ``epoch`` of a training run (``train(..., checkpoints=True)``) as a
    model folder ``out`` (the epoch count chosen on a dev split, the weights trained on all the data)."""
    import torch

    run_dir, out = Path(run_dir), Path(out)
    config = json.loads((run_dir / CONFIG_FILE).read_text(encoding="utf-8"))
    p = config["params"]
    net = build_model(len(config["chars"]) + 2, config["cluster_sizes"], config["vector_dim"], int(p["hidden"]),
                      int(p["char_dim"]), int(p["char_filters"]), float(p["dropout"]))
    net.load_state_dict(torch.load(run_dir / f"epoch{epoch}.pt"))
    config["epochs_trained"] = epoch
    config["params"]["epochs"] = epoch
    out.mkdir(parents=True, exist_ok=True)
    save(net, out, config, clusters_path, vectors_path, conll.read(data))
    return out
