"""What a NER model folder holds, and how its files are read: the one module that inference (``tagger``,
``neural``, ``knowledge.given_names``) and training (``rased.training.ner``, ``rased train ner``) both import,
so that running a model never imports the training code.

A folder's ``config.json`` says which model it is (``"kind": "bilstm-crf"`` for the neural tagger; otherwise a
feature CRF). The shipped folders are ``model`` (the default, "accurate") and ``model_fast``.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent / "model"
FAST_MODEL_DIR = Path(__file__).resolve().parent / "model_fast"
MODELS = {"accurate": MODEL_DIR, "fast": FAST_MODEL_DIR}  # shipped models by name
SHIPPED = frozenset(p.resolve() for p in MODELS.values())

CONFIG_FILE = "config.json"
MODEL_FILE = "ner.crfsuite"  # the feature CRF
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
VECTORS_FILE = "vectors.npz"  # the CRF's word vectors
ONNX_FILE = "ner.onnx"  # the BiLSTM network
CRF_FILE = "crf.npz"  # its CRF layer
WORDVEC_FILE = "wordvec.npz"  # its word vectors


def read_table(path: str | Path) -> tuple[dict[str, tuple[str, ...]], tuple[int, ...]]:
    """Read a cluster table: ``{word: (id_k1, id_k2, ...)}`` and the cluster counts from the header."""
    table: dict[str, tuple[str, ...]] = {}
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        sizes = tuple(int(h[1:]) for h in header[1:])
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == len(sizes) + 1:
                table[parts[0]] = tuple(parts[1:])
    return table, sizes


def read_vectors(path: str | Path):
    import numpy as np

    with np.load(path) as z:
        return z["vectors"]


def load_config(model_dir: str | Path) -> dict:
    p = Path(model_dir) / CONFIG_FILE
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else {}


def read_gazetteer(path: str | Path) -> list[tuple[tuple[str, ...], str]]:
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            typ, _, name = line.rstrip("\n").partition("\t")
            if name:
                out.append((tuple(name.split(" ")), typ))
    return out


def write_gazetteer(path: str | Path, names: Iterable[tuple[Sequence[str], str]]) -> None:
    uniq = sorted({(typ, " ".join(toks)) for toks, typ in names})
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for typ, name in uniq:
            fh.write(f"{typ}\t{name}\n")


def is_shipped(model_dir: str | Path) -> bool:
    """Whether ``model_dir`` is one of the model folders inside the package."""
    return Path(model_dir).resolve() in SHIPPED
