"""Arabic named-entity recognition: a BiLSTM-CRF (ONNX, run with onnxruntime + numpy) shipped with the package;
the earlier feature CRF (python-crfsuite) remains trainable and loadable.

``rased.ner.tagger.load()`` gives the tagger (``tag``, ``tag_many``, ``entities``); ``rased.ner.conll``
reads CoNLL files and scores entities the conlleval way; ``rased.ner.neural`` runs the BiLSTM-CRF;
``rased.ner.model_files`` names and reads the files of a model folder. Training lives in ``rased.training.ner``
(the CRF, the BiLSTM-CRF with the ``train`` extra), scoring a model in ``rased.eval.ner``; nothing here imports
them.
"""
from __future__ import annotations

__all__ = ["load"]


def load(model_dir=None):
    from .tagger import load as _load

    return _load(model_dir)
