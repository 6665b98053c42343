"""Relation (event) evaluation on UniversalPetrarch's Arabic PLOVER validation sentences, and false alarms.

Each gold sentence has one event: a PLOVER category, its trigger and source/target texts (the texts are not always
literal substrings: «المارينز جنود» for «جنود المارينز»). Per file:

* ``category_recall``: share of sentences where a relation of the gold category is found;
* ``source_match`` / ``target_match``: among gold events whose source (target) text is given, the share where a
  relation of the gold category has a source (target) overlapping a word of the gold text (words compared by
  matching key, clitics stripped; the gold words are listed out of order, so any occurrence in the sentence
  counts; prepositions and conjunctions inside a gold text («مسلحين من القبائل») do not count on their own);
* ``arguments_match``: among gold events with both texts given, the share where both match in one relation.

False alarms: on sentences of culture and sports news (ANT corpus), the share that get an ASSAULT or PROTEST
relation.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from ..arabic.clitics import segment
from ..arabic.normalize import key
from ..arabic.tokenize import words

_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read(path: str | Path) -> list[dict]:
    """Gold sentences of a validation file: id, text, category, trigger, source, target."""
    raw = Path(path).read_text(encoding="utf-8")
    out = []
    for m in _SENTENCE.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        body = m.group(2)
        text = re.search(r"<Text>(.*?)</Text>", body, re.S)
        event = re.search(r"<EventText\b([^>]*)/>", body)
        coding = re.search(r"<EventCoding\b([^>]*)/>", body)
        ev = dict(_ATTR.findall(event.group(1))) if event else {}
        co = dict(_ATTR.findall(coding.group(1))) if coding else {}
        out.append({
            "id": attrs.get("id", ""),
            "text": html.unescape(text.group(1).strip()) if text else "",
            "category": co.get("plover") or attrs.get("category", ""),
            "trigger": html.unescape(ev.get("eventtext", "")),
            "source": html.unescape(ev.get("sourcetext", "")),
            "target": html.unescape(ev.get("targettext", "")),
        })
    return [g for g in out if g["text"]]


def _core(word: str) -> str:
    return key(segment(word).stem)


# Prepositions and conjunctions that gold argument texts sometimes include («القبائل مسلحين من»): a prediction
# overlapping only such a word (anywhere in the sentence) is not a match.
_FUNCTION_WORDS = frozenset(key(w) for w in ("في", "فى", "من", "على", "إلى", "الى", "عن", "مع", "و", "أو", "او", "ب",
                                             "ل", "لـ", "ال", "("))


def gold_spans(text: str, gold: str) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` that are words of ``gold`` (by clitic-free matching key); function words
    of the gold text count only when it has nothing else."""
    gold_words = [w.text for w in words(gold)]
    content = [w for w in gold_words if key(w) not in _FUNCTION_WORDS] or gold_words
    wanted = {_core(w) for w in content} | {key(w) for w in content}
    wanted.discard("")
    return [(w.start, w.end) for w in words(text) if _core(w.text) in wanted or key(w.text) in wanted]


def _overlaps(mention, spans) -> bool:
    return mention is not None and any(mention.start < b and mention.end > a for a, b in spans)


def evaluate_file(path: str | Path, analyze=None, limit: int | None = None) -> dict:
    analyze = analyze or pipeline_analyze()
    gold = read(path)[:limit]
    n = len(gold)
    found = src_n = src_ok = tgt_n = tgt_ok = both_n = both_ok = 0
    misses = []
    for g in gold:
        article = analyze(g["text"])
        rels = [r for r in (article.relations or ()) if r.type == g["category"]]
        if rels:
            found += 1
        elif len(misses) < 10:
            misses.append(g["id"])
        s_spans = gold_spans(article.text, g["source"]) if g["source"].strip() else None
        t_spans = gold_spans(article.text, g["target"]) if g["target"].strip() else None
        s_hit = bool(s_spans) and any(_overlaps(r.source, s_spans) for r in rels)
        t_hit = bool(t_spans) and any(_overlaps(r.target, t_spans) for r in rels)
        if s_spans is not None:
            src_n += 1
            src_ok += s_hit
        if t_spans is not None:
            tgt_n += 1
            tgt_ok += t_hit
        if s_spans is not None and t_spans is not None:
            both_n += 1
            both_ok += any(_overlaps(r.source, s_spans) and _overlaps(r.target, t_spans) for r in rels)
    ratio = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
    return {
        "file": Path(path).name,
        "sentences": n,
        "category_recall": ratio(found, n),
        "source_match": ratio(src_ok, src_n),
        "target_match": ratio(tgt_ok, tgt_n),
        "arguments_match": ratio(both_ok, both_n),
        "with_source": src_n,
        "with_target": tgt_n,
        "missed_ids": misses,
    }


def false_alarms(min_sentences: int = 1000, categories=("culture", "sport"), analyze=None) -> dict:
    """Share of culture/sports news sentences that get an ASSAULT or PROTEST relation."""
    from .. import datasets

    analyze = analyze or pipeline_analyze()
    sentences = flagged = articles = 0
    examples = []
    for doc in datasets.ant(categories=set(categories)):
        if not doc.text.strip():
            continue
        article = analyze(doc.text)
        articles += 1
        sentences += len(article.sentences)
        hit = {(r.evidence_start, r.evidence_end) for r in (article.relations or ()) if r.type in ("ASSAULT", "PROTEST")}
        flagged += len(hit)
        for r in (article.relations or ()):
            if r.type in ("ASSAULT", "PROTEST") and len(examples) < 15:
                examples.append(f"{r.type} «{r.trigger}»: {article.text[r.evidence_start:r.evidence_end][:160]}")
        if sentences >= min_sentences:
            break
    return {
        "articles": articles,
        "sentences": sentences,
        "flagged": flagged,
        "rate": round(flagged / sentences, 4) if sentences else None,
        "examples": examples,
    }


def gazetteer_entities(article):
    """Entities from the actor registry alone (stands in for the entities stage while the pipeline has none)."""
    import dataclasses

    from ..knowledge.matcher import default_matcher
    from ..record import ActorRef, Entity

    from ..knowledge.registry import load

    matcher = default_matcher()
    registry = load()
    out = []
    for m in matcher.find(article.text):
        actor_id = m.actor_ids[0] if m.actor_ids else None
        actor = registry.get(actor_id) if (registry is not None and actor_id) else None
        typ = actor.type if actor is not None else "MISC"
        ref = ActorRef(actor.name_ar, actor.name_en, actor.wikidata, actor.kind) if actor is not None else None
        out.append(Entity(m.start, m.end, m.surface, typ, actor_id, ref))
    return dataclasses.replace(article, entities=tuple(out))


def pipeline_analyze():
    """``analyze`` as the evaluation runs it: the pipeline, plus registry entities when no stage writes them."""
    import dataclasses

    from .. import analyze
    from ..pipeline import PIPELINE, run
    from ..settings import DEFAULT

    if any("entities" in s.writes for s in PIPELINE):
        return analyze
    before = tuple(s for s in PIPELINE if s.name not in ("quotes", "relations", "summary"))
    after = tuple(s for s in PIPELINE if s.name in ("quotes", "relations"))

    def _analyze(text: str):
        from ..pipeline import prepare

        article = run(prepare(text), DEFAULT, before)
        article = gazetteer_entities(article)
        for s in after:
            article = s.run(article, DEFAULT)
        return dataclasses.replace(article)

    return _analyze
