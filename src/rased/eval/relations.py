"""Relation recall on a gold folder (per-article layout, see :mod:`rased.eval.annotated`).

The gold names the most salient actor-to-actor relations of each article with canonical English names; it is not
exhaustive, so recall is the measure. A gold relation is *found* when a predicted relation of the article has its
type and its source and target actors, an actor matching when any English name of the registry actor rased
linked (name or alias) agrees loosely with the gold name (:func:`annotated.same_english_name`). Also reported:
the same without the type, recall restricted to the gold relations whose two actors rased links somewhere in the
article (what relation rules can reach at all), per type, and modality / attribution accuracy on the relations
found.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .annotated import load_folder, ratio, same_english_name


def _names(registry, actor_id: str | None) -> tuple[str, ...]:
    actor = registry.get(actor_id) if actor_id else None
    if actor is None:
        return ()
    return (actor.name_en, *actor.aliases_en)


def _agrees(registry, mention, gold_name: str | None) -> bool:
    if mention is None or not gold_name:
        return False
    return any(same_english_name(n, gold_name) for n in _names(registry, mention.actor_id))


def _linked_somewhere(registry, article, gold_name: str) -> bool:
    return any(any(same_english_name(n, gold_name) for n in _names(registry, e.actor_id))
               for e in article.entities if e.actor_id)


def _attribution_right(registry, pred, gold: dict) -> bool:
    """Right when both say «nobody claims it», or the predicted claimant is the gold's; a gold claimant with no
    registry actor (an unnamed official) is matched by any claimant rased left unlinked."""
    want = gold.get("attributed_to_en")
    got = pred.attributed_to
    if not want:
        return got is None
    if got is None:
        return False
    if got.actor_id:
        return _agrees(registry, got, want)
    return not registry.lookup_en(want)


def _score_article(registry, doc, article, tally: Counter, per_type: dict, misses: list, errors: int) -> None:
    preds = list(article.relations or ())
    tally["predicted"] += len(preds)
    for g in doc.relations:
        tally["gold"] += 1
        t = per_type.setdefault(g["type"], Counter())
        t["gold"] += 1
        pair = [p for p in preds if _agrees(registry, p.source, g["source_en"])
                and _agrees(registry, p.target, g["target_en"])]
        typed = [p for p in pair if p.type == g["type"]]
        reachable = (_linked_somewhere(registry, article, g["source_en"])
                     and _linked_somewhere(registry, article, g["target_en"]))
        tally["pair"] += bool(pair)
        tally["reachable"] += reachable
        if typed:
            best = typed[0]
            tally["found"] += 1
            tally["found_reachable"] += reachable
            t["found"] += 1
            tally["modality"] += best.modality == g["modality"]
            tally["attribution"] += _attribution_right(registry, best, g)
        elif len(misses) < errors:
            misses.append({"doc": doc.docno, "type": g["type"], "source": g["source_en"], "target": g["target_en"],
                           "reachable": reachable, "evidence": g["evidence_text"][:100],
                           "same_pair_types": [p.type for p in pair]})


def evaluate_folder(path: str | Path, analyze=None, errors: int = 60) -> dict:
    from ..knowledge.registry import load as load_registry
    from .events import pipeline_analyze

    analyze = analyze or pipeline_analyze()
    registry = load_registry()
    tally: Counter = Counter()
    per_type: dict[str, Counter] = {}
    misses: list[dict] = []
    docs = load_folder(path)
    for doc in docs:
        _score_article(registry, doc, analyze(doc.text), tally, per_type, misses, errors)
    return {
        "articles": len(docs), "gold_relations": tally["gold"], "predicted": tally["predicted"],
        "recall": ratio(tally["found"], tally["gold"]),
        "recall_any_type": ratio(tally["pair"], tally["gold"]),
        "linked_both": {"gold": tally["reachable"], "recall": ratio(tally["found_reachable"], tally["reachable"])},
        "found": {"relations": tally["found"], "modality": ratio(tally["modality"], tally["found"]),
                  "attribution": ratio(tally["attribution"], tally["found"])},
        "per_type": {k: {"gold": v["gold"], "recall": ratio(v["found"], v["gold"])}
                     for k, v in sorted(per_type.items())},
        "errors": misses,
    }
