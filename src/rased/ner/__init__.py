"""Arabic named-entity recognition: a BiLSTM-CRF (ONNX, run with onnxruntime + numpy) shipped with the package;
the earlier feature CRF (python-crfsuite) remains trainable and loadable.

``rased.ner.tagger.load()`` gives the tagger (``tag``, ``tag_many``, ``entities``); ``rased.ner.conll``
reads CoNLL files and scores entities the conlleval way; ``rased.ner.train`` trains the CRF and evaluates,
``rased.ner.train_neural`` trains the BiLSTM-CRF (``train`` extra), ``rased.ner.neural`` runs it.
"""
from __future__ import annotations

__all__ = ["load"]


def load(model_dir=None):
    from .tagger import load as _load

    return _load(model_dir)
