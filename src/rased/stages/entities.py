"""Stage ``entities``: named entities (shipped NER model + actor registry) linked to canonical actors.

Reads ``text``; writes ``entities`` and ``ner`` (the model's spans, kept so that ``link`` can run again after
the registry changes). The model and the shipped registry load once per process; the analyst's actors
(``settings.entities.actors``) get their own registry and matcher (``rased.knowledge.base``).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..knowledge import base, linking
from ..ner import tagger
from ..record import Article, Entity
from ..settings import Settings


def run(article: Article, settings: Settings) -> Article:
    text = article.text
    if not text:
        return dataclasses.replace(article, entities=(), ner=())
    spans = tuple(tagger.load(settings.entities.model).entities(text))
    return dataclasses.replace(article, entities=link(text, spans, settings), ner=spans)


def link(text: str, spans: Sequence[tuple[int, int, str, float]], settings: Settings) -> tuple[Entity, ...]:
    """Entities of ``text`` from NER ``spans`` and the registry of ``settings`` (no model run)."""
    kb = base.for_actors(settings.entities.actors)
    # Hashtags write names with underscores («#حزب_الله»); a space of the same length keeps every offset.
    names = kb.matcher.find(text.replace("_", " "))
    return tuple(linking.link(text, names, list(spans), kb.registry))
