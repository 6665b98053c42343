"""Mention replacement: training sentences whose names are swapped for other names of the same type.

Half of the test's organisations and most of its persons never occur in ANERcorp's train split, and the
model leans on the names it has seen. Each epoch, a share of the sentences with entities are shown with
every entity swapped, at random, for another name of its type — from the training data itself or from
the actor registry (groups, agencies, media, persons, places) — so that the context, not the memorised
name, carries the label. Organisations are sometimes swapped for a short Latin-script name (the registry's
English names and acronyms: «Reuters», «OPEC»), as Arabic news writes many companies, media and bodies in
Latin letters. A clitic glued to the first word of the original (و، ف، ب، ل، ك) moves to the new name
(«بالاتحاد» → «بمنظمة ...», «للجماعة» → «لـ» + «الحركة» = «للحركة»).
"""
from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from ...ner import conll

Name = tuple[str, ...]
LATIN_SHARE = 0.15  # of organisation swaps, the share that takes a Latin-script name
_CLITIC = re.compile(r"^[وف]?[بلك]?$")
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9&.\-' ]*$")


def registry_names() -> Iterator[tuple[Name, str, Any]]:
    """``(tokens, ANERcorp type, actor)`` of every Arabic name of the registry's actors (nisba forms left out)."""
    from ...knowledge import registry

    reg = registry.load()
    types = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC"}
    for actor in reg._actors.values():
        typ = types.get(actor.type)
        if typ is None:
            continue
        for surface in reg.names(actor):
            toks = tuple(surface.text.split())
            if not surface.nisba and toks:
                yield toks, typ, actor


def registry_pools() -> tuple[dict[str, list[Name]], list[Name]]:
    """Arabic names of the registry's actors by ANERcorp type, and short Latin-script organisation names."""
    pools: dict[str, list[Name]] = {}
    latin: set[Name] = set()
    for toks, typ, actor in registry_names():
        if len(toks) <= 6:
            pools.setdefault(typ, []).append(toks)
        if typ == "ORG":
            latin.update(tuple(en.split()) for en in (actor.name_en, *actor.aliases_en)
                         if en and _LATIN_NAME.match(en) and len(en.split()) <= 2 and len(en) <= 20)
    return pools, sorted(latin)


def training_pools(sentences: Iterable[conll.Sentence]) -> dict[str, list[Name]]:
    """Gold names of labelled sentences by type (repeats kept: frequent names are drawn more often)."""
    from ...ner.conll import names_of

    pools: dict[str, list[Name]] = {}
    for toks, typ in names_of(sentences):
        pools.setdefault(typ, []).append(toks)
    return pools


def split_clitic(token: str, prefix_of: Callable[[str], str]) -> str:
    """The proclitics (و، ف، ب، ل، ك) glued to ``token``, without an article: «والجماعة» → «و»,
    «للحركة» → «ل». ``prefix_of`` gives the stripped prefix of a word (the encoder's frequency-aware split)."""
    p = prefix_of(token)
    if p.endswith("لل"):
        p = p[:-1]
    elif p.endswith("ال"):
        p = p[:-2]
    return p if p and _CLITIC.match(p) and token.startswith(p) else ""


def attach(clitic: str, word: str) -> str:
    """``clitic`` glued to ``word``, with ل + ال written «لل»."""
    if clitic.endswith("ل") and word.startswith("ال") and len(word) > 2:
        return clitic + word[1:]
    return clitic + word


class MentionReplacer:
    """Swaps every entity of a sentence for a random name of its type (``pools``: type → names)."""

    def __init__(self, pools: dict[str, Sequence[Name]], latin: Sequence[Name], prefix_of: Callable[[str], str],
                 rng: random.Random, latin_share: float = LATIN_SHARE):
        self.pools = {t: list(v) for t, v in pools.items() if v}
        self.latin = list(latin)
        self.prefix_of = prefix_of
        self.rng = rng
        self.latin_share = latin_share

    def _name(self, typ: str) -> Name | None:
        if typ == "ORG" and self.latin and self.rng.random() < self.latin_share:
            return self.rng.choice(self.latin)
        pool = self.pools.get(typ)
        return self.rng.choice(pool) if pool else None

    def __call__(self, tokens: Sequence[str], labels: Sequence[str]) -> tuple[list[str], list[str]]:
        labels = conll.to_iob2(labels)
        out_t: list[str] = []
        out_l: list[str] = []
        pos = 0
        for s, e, typ in conll.chunks(labels):
            name = self._name(typ)
            if name is None:
                continue
            out_t.extend(tokens[pos:s])
            out_l.extend(labels[pos:s])
            clitic = split_clitic(tokens[s], self.prefix_of)
            new = [attach(clitic, name[0]), *name[1:]]
            out_t.extend(new)
            out_l.extend([f"B-{typ}"] + [f"I-{typ}"] * (len(new) - 1))
            pos = e
        out_t.extend(tokens[pos:])
        out_l.extend(labels[pos:])
        return out_t, out_l
