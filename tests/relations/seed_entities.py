"""Hand-made entities for the seed article, found by string search (stands in for the entities stage in tests)."""
from __future__ import annotations

import dataclasses
import re

from rased.record import ActorRef, Article, Entity

# (surface, type, actor id, kind); longer names first so that they win over their parts.
NAMES = (
    ("نائب الرئيس العراقي", None, None, None),
    ("إياد علاوي", "PER", "per:iyad-allawi", "person"),
    ("أبوعزام الأميركي", "PER", "per:gadahn", "person"),
    ("عزام الأميركي", "PER", "per:gadahn", "person"),
    ("آدم بيرلمان", "PER", "per:gadahn", "person"),
    ("أبوعزام", "PER", "per:gadahn", "person"),
    ("آلان هينينغ", "PER", None, None),
    ("القوات العراقية", "ORG", "mil:irq", "military"),
    ("جبهة النصرة", "ORG", "grp:nusra", "group"),
    ("مركز التجارة العالمي", "LOC", None, None),
    ("داعش", "ORG", "grp:isis", "group"),
    ("القاعدة", "ORG", "grp:al-qaeda", "group"),
    ("البغدادي", "PER", "per:baghdadi", "person"),
    ("الظواهري", "PER", "per:zawahiri", "person"),
    ("الموصل", "LOC", "loc:mosul", "place"),
    ("العراق", "LOC", "cty:IRQ", "country"),
    ("سوريا", "LOC", "cty:SYR", "country"),
    ("كاليفورنيا", "LOC", None, None),
)


def with_entities(article: Article, names=NAMES) -> Article:
    taken = [False] * len(article.text)
    found = []
    for surface, typ, actor_id, kind in names:
        for m in re.finditer(re.escape(surface), article.text):
            a, b = m.span()
            if any(taken[a:b]):
                continue
            for i in range(a, b):
                taken[i] = True
            if typ is None:
                continue
            actor = ActorRef(surface, "", None, kind) if kind else None
            found.append(Entity(a, b, surface, typ, actor_id, actor))
    found.sort(key=lambda e: e.start)
    return dataclasses.replace(article, entities=tuple(found))


def analyze_without_entities(text: str) -> Article:
    """The pipeline without its entities stage (``entities`` stays None): quotes, relations and summaries must
    work on descriptions and generic actor nouns alone, whatever NER model is installed."""
    from rased.pipeline import PIPELINE, prepare, run
    from rased.settings import DEFAULT

    stages = tuple(s for s in PIPELINE if "entities" not in s.writes)
    return run(prepare(text), DEFAULT, stages)


def real_pipeline_or_skip(text: str) -> Article:
    """``rased.analyze`` with the real entities stage; skips the test while no NER model is installed."""
    import pytest

    import rased
    from rased.errors import ModelError

    try:
        return rased.analyze(text)
    except ModelError as e:  # the model is built by `rased train ner`
        pytest.skip(f"no NER model: {e}")
