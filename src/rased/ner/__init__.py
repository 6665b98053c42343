"""Arabic named-entity recognition: a CRF over cached word features, shipped with the package.

``rased.ner.tagger.load()`` gives the tagger (``tag``, ``tag_many``, ``entities``); ``rased.ner.conll``
reads CoNLL files and scores entities the conlleval way; ``rased.ner.train`` trains and evaluates.
"""
from __future__ import annotations

__all__ = ["load"]


def load(model_dir=None):
    from .tagger import load as _load

    return _load(model_dir)
