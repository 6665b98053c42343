"""Stage ``entities``: named entities (shipped NER model + actor registry) linked to canonical actors.

Reads ``text``; writes ``entities``. The model and the registry load once per process.
"""
from __future__ import annotations

import dataclasses

from ..knowledge import linking, matcher, registry
from ..ner import tagger
from ..record import Article
from ..settings import Settings


def run(article: Article, settings: Settings) -> Article:
    text = article.text
    if not text:
        return dataclasses.replace(article, entities=())
    # Hashtags write names with underscores («#حزب_الله»); a space of the same length keeps every offset.
    names = matcher.find(text.replace("_", " "))
    found = linking.link(text, names, tagger.load(settings.entities.model).entities(text), registry.load())
    return dataclasses.replace(article, entities=tuple(found))
