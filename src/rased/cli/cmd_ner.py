"""``rased train ner`` and ``rased eval ner``.

The main CLI calls ``register_train(train_subparsers)`` and ``register_eval(eval_subparsers)``;
``register(subparsers)`` adds both under ``train``/``eval`` parsers of its own (standalone use).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from ..errors import DataError, InputError
from ..ner.consistency import CONLL_WINDOW

DEFAULT_EPOCHS = 15  # BiLSTM-CRF epochs (chosen on a dev split, see ner/model/MODEL_CARD.md)


def _default_train() -> Path:
    from .. import datasets

    return datasets.path("ner", "anercorp_original", "train.txt")


def _shipped(name: str) -> Path | None:
    from ..ner.model_files import MODEL_DIR

    p = MODEL_DIR / name
    return p if p.exists() else None


def _out_dir(args: argparse.Namespace) -> Path:
    """The model folder to write: ``--out``; a folder shipped inside the package only with ``--replace-shipped``
    (checked before any training starts)."""
    from ..ner.model_files import MODEL_DIR, is_shipped

    if not args.out and not args.replace_shipped:
        raise InputError("rased train ner needs --out DIR (the folder to write the model into)",
                         hint="or --replace-shipped to rebuild the model shipped in the package")
    out = Path(args.out) if args.out else MODEL_DIR
    if is_shipped(out) and not args.replace_shipped:
        raise InputError(f"{out} holds a model shipped with rased", hint="pass --replace-shipped to overwrite it, "
                                                                       "or --out another folder")
    return out


def _check_data(p: Path, what: str) -> Path:
    if not p.is_file():
        raise DataError(f"{what} not found: {p}",
                        hint="give --data FILE (CoNLL 'token LABEL' lines) or set RASED_DATA to the shared data folder")
    return p


def _shipped_kind() -> str:
    from ..ner.model_files import MODEL_DIR, load_config
    from ..ner.neural import KIND

    return "bilstm" if load_config(MODEL_DIR).get("kind") == KIND else "crf"


def run_train(args: argparse.Namespace) -> int:
    kind = args.kind or _shipped_kind()
    if kind == "bilstm":
        return run_train_neural(args)
    return run_train_crf(args)


def run_train_neural(args: argparse.Namespace) -> int:
    from ..ner.model_files import CLUSTERS_FILE, WORDVEC_FILE
    from ..training.ner import bilstm

    out = _out_dir(args)
    data = _check_data(Path(args.data) if args.data else _default_train(), "NER training data")
    log = (lambda msg: print(msg, file=sys.stderr))
    if args.clusters in ("none", "build"):
        raise DataError(f"--clusters {args.clusters} is for the CRF only",
                        hint="the BiLSTM-CRF needs a cluster table (default: the shipped one); "
                             "build one with `rased train ner --kind crf --clusters build --out DIR`")
    clusters = Path(args.clusters) if args.clusters else _shipped(CLUSTERS_FILE)
    if clusters is None or not clusters.is_file():
        raise DataError(f"cluster table not found: {clusters}", hint="give --clusters FILE (clusters.tsv.gz)")
    if args.word_vectors:
        vectors = Path(args.word_vectors)
        if not vectors.exists():
            raise DataError(f"word vectors not found: {vectors}",
                            hint="give gensim KeyedVectors (.kv) or a wordvec.npz aligned with the cluster table")
        if vectors.suffix != ".npz":  # gensim KeyedVectors: one row per word of the cluster table
            out.mkdir(parents=True, exist_ok=True)
            vectors = bilstm.export_wordvec(vectors, clusters, out / WORDVEC_FILE)
    else:
        vectors = _shipped(WORDVEC_FILE)
        if vectors is None:
            raise DataError("no 100-dim word vectors shipped with the model",
                            hint="give --word-vectors: gensim KeyedVectors of the word2vec model that made the "
                                 "cluster table (`rased train ner --kind crf --clusters build` trains one)")
    params = {"epochs": args.epochs, "seed": args.seed, "threads": args.threads, "augment": args.augment,
              "aux_weight": args.aux_weight}
    aux = _aux_args(args)
    dev = _check_data(Path(args.dev), "NER dev data") if args.dev else None
    source = data
    with tempfile.TemporaryDirectory(prefix="rased-self-train-") as tmp:
        init = _pretrained(args, source, Path(tmp), clusters, vectors, log) if args.pretrain > 0 else None
        if args.self_train > 0:
            data = _self_training_data(args, source, Path(tmp), clusters, vectors, params, log, init, aux)
            params.update(self_train=args.self_train, teacher_seeds=_seeds(args.teacher_seeds), rounds=args.rounds,
                          distant=args.distant)
        if init is not None:
            params.update(pretrain=args.pretrain)
        bilstm.train(data, out, clusters_path=clusters, vectors_path=vectors, dev=dev, params=params,
                     init=init, log=log, **aux)
    print(json.dumps({"model": str(out), "kind": "bilstm-crf", "data": str(source), "clusters": str(clusters),
                      "word_vectors": str(vectors), "epochs": args.epochs, "self_train": args.self_train}))
    return 0


def _aux_args(args: argparse.Namespace) -> dict:
    """``bilstm.train``'s auxiliary-label arguments: the ``--aux`` files and the test split whose sentences
    are removed from them (``--aux-exclude``, default the CAMeL test split of the shared data)."""
    from .. import datasets

    if not args.aux:
        return {}
    files = [_check_data(Path(a), "auxiliary NER labels") for a in args.aux]
    excluded = Path(args.aux_exclude) if args.aux_exclude else datasets.path(
        "ner", "anercorp_camel_test", "ANERCorp_CamelLab_test.txt")
    return {"aux": files, "aux_excluded": _check_data(excluded, "test split to remove from --aux")}


def _seeds(text: str) -> list[int]:
    try:
        seeds = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise DataError(f"--teacher-seeds {text!r} is not a list of integers", hint="e.g. --teacher-seeds 1,2") from None
    if not seeds:
        raise DataError("--teacher-seeds is empty", hint="e.g. --teacher-seeds 1,2")
    return seeds


def _require_corpora() -> None:
    """Pretraining and self-training read the unlabeled corpora."""
    from .. import datasets

    datasets.require("corpora", "saudinewsnet")
    datasets.require("corpora", "ant")


def _pretrained(args, data: Path, tmp: Path, clusters: Path, vectors: Path, log) -> Path:
    """Pretrain the network as language models over ``--pretrain`` corpus sentences (``rased.training.ner.pretrain``);
    every network of the run (teachers, students, the model) starts from these weights."""
    from ..ner import conll
    from ..training.ner import bilstm, pretrain

    _require_corpora()
    p = bilstm.DEFAULTS
    words, cluster_ids, sizes, vec = bilstm.load_resources(clusters, vectors)
    log(f"ner: pretraining on {args.pretrain} corpus sentences")
    return pretrain.pretrain(pretrain.lm_sentences(args.pretrain), tmp / "pretrained.pt",
                             chars=bilstm.training_chars(conll.read(data)), words=words,
                             cluster_ids=cluster_ids, sizes=sizes, vectors=vec, hidden=p["hidden"],
                             char_dim=p["char_dim"], char_filters=p["char_filters"], dropout=p["dropout"],
                             threads=args.threads, log=log)


def _self_training_data(args, data: Path, tmp: Path, clusters: Path, vectors: Path, params: dict, log,
                        init: Path | None = None, aux: dict | None = None) -> Path:
    """Train the teachers on ``data``, pseudo-label corpus sentences with them (``rased.training.ner.self_training``)
    and write ``data`` plus those sentences to a temporary CoNLL file, which the shipped model trains on."""
    from ..ner import conll
    from ..training.ner import bilstm, self_training

    _require_corpora()
    teachers = []
    for seed in _seeds(args.teacher_seeds):
        log(f"ner: self-training: teacher with seed {seed}")
        teachers.append(bilstm.train(data, tmp / f"teacher-{seed}", clusters_path=clusters,
                                     vectors_path=vectors, params={**params, "seed": seed}, init=init,
                                     log=log, **(aux or {})))
    gold, texts = list(conll.read(data)), self_training.corpus_texts()  # read once for every round
    names = None
    if args.distant:
        from ..training.ner import distant

        names = distant.registry_matcher(distant.rare_words(clusters))
    for rnd in range(1, args.rounds + 1):
        kept, seen = self_training.pseudo_label(teachers, texts, args.self_train, names=names)
        log(f"ner: self-training round {rnd}: {len(kept)} of {seen} corpus sentences tagged confidently")
        combined = tmp / f"train+pseudo-{rnd}.txt"
        conll.write(combined, gold + kept)
        if rnd < args.rounds:  # this round's student is the next round's teacher
            log(f"ner: self-training: student of round {rnd} (seed {args.seed})")
            teachers = [bilstm.train(combined, tmp / f"student-{rnd}", clusters_path=clusters,
                                     vectors_path=vectors, params=params, init=init, log=log, **(aux or {}))]
    return combined


def _crf_vectors_from_wordvec(out: Path) -> Path | None:
    """The CRF's 50-dim vectors, derived from the shipped 100-dim ``wordvec.npz`` (the shipped neural model
    keeps the word2vec vectors of the cluster table; the CRF uses their first 120,000 rows on 50 principal axes)."""
    from ..ner.model_files import VECTORS_FILE, WORDVEC_FILE, read_vectors
    from ..training.ner.clusters import export_vectors

    src = _shipped(WORDVEC_FILE)
    if src is None:
        return None
    out.mkdir(parents=True, exist_ok=True)
    return export_vectors(read_vectors(src), out / VECTORS_FILE)


def run_train_crf(args: argparse.Namespace) -> int:
    from ..ner.model_files import CLUSTERS_FILE, VECTORS_FILE
    from ..training.ner import clusters as clusters_mod
    from ..training.ner.crf import train

    out = _out_dir(args)
    data = _check_data(Path(args.data) if args.data else _default_train(), "NER training data")
    log = (lambda msg: print(msg, file=sys.stderr))
    clusters: Path | None
    vectors: Path | None = None
    if args.clusters == "none":
        clusters = None
    elif args.clusters == "build":
        out.mkdir(parents=True, exist_ok=True)
        clusters = clusters_mod.build(out / CLUSTERS_FILE, max_tokens=args.cluster_tokens,
                                      vectors_out=out / VECTORS_FILE, log=log)
        vectors = out / VECTORS_FILE
    elif args.clusters:
        clusters = Path(args.clusters)
        if not clusters.is_file():
            raise DataError(f"cluster table not found: {clusters}",
                            hint="give a clusters.tsv.gz, 'build' to make one from the corpora, or 'none'")
    else:
        clusters = _shipped(CLUSTERS_FILE)
    if args.clusters != "build":
        if args.vectors == "none" or clusters is None:
            vectors = None
        elif args.vectors:
            vectors = Path(args.vectors)
            if not vectors.is_file():
                raise DataError(f"word vectors not found: {vectors}", hint="give a vectors.npz or 'none'")
        else:
            vectors = _shipped(VECTORS_FILE) if clusters == _shipped(CLUSTERS_FILE) else None
            if vectors is None and clusters == _shipped(CLUSTERS_FILE):
                vectors = _crf_vectors_from_wordvec(out)
    given = {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations}
    params = {k: v for k, v in given.items() if v is not None}  # the rest: the trainer's DEFAULT_PARAMS
    train(data, out, clusters_path=clusters, vectors_path=vectors, params=params, use_gazetteer=not args.no_gazetteer, log=log)
    print(json.dumps({"model": str(out), "data": str(data), "clusters": str(clusters) if clusters else None,
                      "vectors": str(vectors) if vectors else None}))
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from ..eval.ner import evaluate

    data = _check_data(Path(args.data), "NER evaluation data")
    model = Path(args.model) if args.model else None
    if args.context < 0:
        raise InputError("--context must be 0 or more", hint="give a number of sentences, or 0 for none")
    result = evaluate(data, model, context=args.context)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


def register_train(train_subparsers) -> argparse.ArgumentParser:
    p = train_subparsers.add_parser("ner", help="train the named-entity tagger (BiLSTM-CRF or CRF)",
                                    description="Train the NER model from a CoNLL file (default: ANERcorp train "
                                                "in the shared data) into the model folder --out; the models shipped "
                                                "in the package are overwritten only with --replace-shipped.")
    p.add_argument("--kind", choices=("crf", "bilstm"),
                   help="bilstm: BiLSTM-CRF (torch, exported to ONNX; needs the 'train' extra); crf: the "
                        "feature CRF (python-crfsuite); default: the kind of the shipped model")
    p.add_argument("--data", help="CoNLL training file ('token LABEL' lines, blank line between sentences)")
    p.add_argument("--out", help="model folder to write (required unless --replace-shipped)")
    p.add_argument("--replace-shipped", action="store_true",
                   help="write into the package's own model folder (the default model) or allow --out to name one")
    p.add_argument("--dev", help="bilstm: CoNLL dev file scored after every epoch (dev.jsonl in the model folder)")
    p.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS, help="bilstm: training epochs")
    p.add_argument("--seed", type=int, default=1, help="bilstm: random seed")
    p.add_argument("--threads", type=int, default=2, help="bilstm: torch threads")
    p.add_argument("--self-train", type=int, default=0, metavar="N",
                   help="bilstm: first train teachers (one per --teacher-seeds), let them tag corpus sentences (SaudiNewsNet, ANT) "
                        "together and add up to N confidently tagged ones to the training data (needs the corpora; "
                        "the shipped model: 20000)")
    p.add_argument("--augment", type=float, default=0.0, metavar="SHARE",
                   help="bilstm: each epoch, this share of the sentences with entities are shown with their "
                        "names swapped for other names of the same type (mention replacement; default 0)")
    p.add_argument("--rounds", type=int, default=1, choices=(1, 2, 3),
                   help="bilstm, --self-train: rounds of self-training; each round's student (seed --seed) "
                        "tags the sentences of the next round (default 1)")
    p.add_argument("--pretrain", type=int, default=0, metavar="N",
                   help="bilstm: first train the network as forward/backward language models over N corpus "
                        "sentences and start every network of the run from those weights (needs the corpora)")
    p.add_argument("--aux", action="append", metavar="FILE",
                   help="bilstm: a CoNLL file with another annotation of the training text (NewsFANE's fine "
                        "classes, CLEANANERCorp), projected onto the training sentences and learnt by an extra "
                        "output layer in training only (every network of the run); repeatable; the sentences "
                        "it shares with --aux-exclude are removed first")
    p.add_argument("--aux-weight", type=float, default=0.5,
                   help="bilstm, --aux: weight of each auxiliary loss beside the CRF loss (default 0.5)")
    p.add_argument("--aux-exclude", metavar="FILE",
                   help="bilstm, --aux: test split whose sentences are removed from the --aux files "
                        "(default: the CAMeL test split of the shared data)")
    p.add_argument("--distant", action="store_true",
                   help="bilstm, --self-train: the actor registry's organisation names are labelled ORG where "
                        "the teachers tagged none, and a sentence the teachers hesitate on is kept when such "
                        "names cover every hesitant word (distant supervision; default off)")
    p.add_argument("--teacher-seeds", default="1,2", help="bilstm, --self-train: seeds of the teachers (default 1,2)")
    p.add_argument("--word-vectors", help="bilstm: 100-dim word vectors aligned with the cluster table: a "
                                          "wordvec.npz, or gensim KeyedVectors (.kv) to convert; default: the "
                                          "vectors shipped with the model")
    p.add_argument("--clusters", help="word cluster table (clusters.tsv.gz); 'build' trains word2vec + k-means "
                                      "on the shared corpora (needs the 'train' extra); 'none' for no clusters; "
                                      "default: the table shipped with the model")
    p.add_argument("--vectors", help="word vectors aligned with the cluster table (vectors.npz); 'none' for none; "
                                     "default: the vectors shipped with the model when the shipped clusters are used")
    p.add_argument("--cluster-tokens", type=int, default=16_000_000,
                   help="corpus tokens for --clusters build (default: all of ANT + SaudiNewsNet, about 15M)")
    p.add_argument("--no-gazetteer", action="store_true", help="no gazetteer features from the training names")
    p.add_argument("--c1", type=float, help="L1 penalty (default: the trainer's)")
    p.add_argument("--c2", type=float, help="L2 penalty (default: the trainer's)")
    p.add_argument("--iterations", type=int, help="L-BFGS iterations (default: the trainer's)")
    p.set_defaults(func=run_train)
    return p


def register_eval(eval_subparsers) -> argparse.ArgumentParser:
    p = eval_subparsers.add_parser("ner", help="score the NER model on a CoNLL file",
                                   description="Entity-level precision/recall/F1 (conlleval chunking, exact match), "
                                               "per type and micro, printed as JSON.")
    p.add_argument("--data", required=True, help="CoNLL file with gold labels")
    p.add_argument("--model", help="model folder (default: the packaged model)")
    p.add_argument("--context", type=int, default=CONLL_WINDOW, metavar="N",
                   help="names keep one type within N sentences on each side, which stand for the article "
                        f"(default {CONLL_WINDOW}); 0 scores the model's labels as they are")
    p.set_defaults(func=run_eval)
    return p


def register(subparsers) -> None:
    """Standalone registration: adds ``train ner`` and ``eval ner`` to ``subparsers``."""
    train = subparsers.add_parser("train", help="train a model")
    register_train(train.add_subparsers(dest="train_command", required=True))
    ev = subparsers.add_parser("eval", help="evaluate a model")
    register_eval(ev.add_subparsers(dest="eval_command", required=True))
