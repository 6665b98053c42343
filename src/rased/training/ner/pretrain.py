"""Language-model pretraining of the tagger's BiLSTM (``rased train ner --pretrain N``; training only, torch).

ANERcorp is small; the unlabeled corpora are 15M tokens of the same kind of news. Before the tagger is trained,
its network reads ``N`` corpus sentences as two language models: the forward LSTM's state at each word predicts
the next word's k1024 word cluster, the backward LSTM's the previous word's (a cluster, not the word: a softmax
over 1,025 classes stays cheap on a CPU). The tagger then starts from these weights (embeddings, character CNN,
both LSTMs) instead of random ones; the two prediction layers are dropped. Chosen on the dev split (see the model
card): 100,000 sentences, one epoch.
"""
from __future__ import annotations

import random
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ...ner.neural import Encoder


def lm_sentences(limit: int) -> list[list[str]]:
    """The first ``limit`` corpus sentences in the self-training order (``self_training.corpus_texts``)."""
    from .self_training import corpus_sentences, corpus_texts

    out: list[list[str]] = []
    for sents in corpus_sentences(corpus_texts()):
        out.extend(sents)
        if len(out) >= limit:
            break
    return out[:limit]


def pretrain(sentences: Sequence[Sequence[str]], out: str | Path, *, chars: Sequence[str], words, cluster_ids,
             sizes: Sequence[int], vectors: np.ndarray, hidden: int, char_dim: int, char_filters: int,
             dropout: float, epochs: int = 1, batch: int = 32, seed: int = 1, threads: int = 2, log=print) -> Path:
    """Train the tagger network as two cluster language models over ``sentences``; save its weights and
    character list to ``out`` (torch) for ``init_from``."""
    import torch

    from . import bilstm as tn

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    rng = random.Random(seed)
    enc = Encoder(words, cluster_ids, vectors, {c: i + 2 for i, c in enumerate(chars)}, None)
    encoded = [enc.sentence(s) for s in sentences if s]
    k = len(sizes) - 1  # the finest cluster level is the target
    targets = [[ids[k] for ids in e[2]] for e in encoded]
    net = tn.build_model(len(chars) + 2, sizes, vectors.shape[1], hidden, char_dim, char_filters, dropout)
    head_f = torch.nn.Linear(hidden, sizes[-1] + 1)
    head_b = torch.nn.Linear(hidden, sizes[-1] + 1)
    params = list(net.parameters()) + list(head_f.parameters()) + list(head_b.parameters())
    opt = torch.optim.Adam(params, lr=0.002)
    lengths = [len(e[0]) for e in encoded]
    xent = torch.nn.functional.cross_entropy
    for epoch in range(1, epochs + 1):
        t0, total, n = time.time(), 0.0, 0
        for idx in tn._batches(lengths, batch, rng):
            feeds = tn._tensors(enc.batch([encoded[i] for i in idx]))
            hf, hb = net.states(**feeds)
            steps = hf.shape[1]
            y = torch.zeros(len(idx), steps, dtype=torch.long)
            for b, i in enumerate(idx):
                y[b, :len(targets[i])] = torch.tensor(targets[i])
            mask = (torch.arange(steps).unsqueeze(0) < feeds["lengths"].unsqueeze(1))[:, 1:]
            # the forward state at t predicts word t+1, the backward state at t word t-1
            loss = xent(head_f(hf[:, :-1])[mask], y[:, 1:][mask]) + xent(head_b(hb[:, 1:])[mask], y[:, :-1][mask])
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total, n = total + loss.item(), n + 1
        log(f"ner: pretraining epoch {epoch}: loss {total / max(n, 1):.3f} over {len(encoded)} sentences "
            f"in {time.time() - t0:.0f}s")
    torch.save({"net": net.state_dict(), "chars": list(chars)}, out)
    return Path(out)


def init_from(net, path: str | Path, chars: Sequence[str]) -> int:
    """Load pretrained weights into a tagger network whose character list is ``chars`` (the rows of
    characters both lists share are copied; the others keep their fresh values). Returns the shared count."""
    import torch

    state = torch.load(path)
    weights = dict(state["net"])
    old = {c: i + 2 for i, c in enumerate(state["chars"])}
    pre = weights.pop("char.weight")
    rows = net.char.weight.detach().clone()
    rows[:2] = pre[:2]  # padding and unknown
    shared = 0
    for i, c in enumerate(chars):
        j = old.get(c)
        if j is not None:
            rows[i + 2] = pre[j]
            shared += 1
    weights["char.weight"] = rows
    net.load_state_dict(weights)
    return shared
