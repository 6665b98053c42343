"""Entity linking scored on a hand-annotated gold set of real corpus articles.

Gold file (JSON Lines, ``tests/gold/linking_gold.jsonl`` in the project): one mention per line::

    {"corpus": "ant", "doc_id": "SK-middleEast-264-20180313", "surface": "لصعدة", "occurrence": 0,
     "actor_id": "loc:saada", "note": "clitic"}

``surface`` is written exactly as in the corpus text field (clitics included), ``occurrence`` counts the
occurrences of that string in the corpus text from 0 (substring occurrences, so «إيران» inside «لإيران»
counts), ``actor_id`` is a registry id or ``null`` for an actor the registry lacks. No article text is stored.

Each article is read from its corpus (every corpus is read once, keeping only the needed ids) and analyzed
with ``rased.analyze(doc.text, title=doc.title)``. The mention is then located in the *clean* text:

1. the ``occurrence``-th occurrence of ``surface`` in ``article.text`` when cleaning kept every occurrence
   (the clean text holds as many as the corpus text);
2. otherwise (cleaning dropped a line that held one, or rewrote characters) the corpus position is mapped
   into the clean text through ``article.raw_offsets``; when the mention itself lay in a dropped line
   (a byline, a «read also» line) it is *unlocated*;
3. otherwise the search is repeated with runs of whitespace in ``surface`` collapsed, and last the
   ``occurrence``-th occurrence in the clean text is taken as the best remaining guess;
4. a mention found by none of these is *unlocated* too: listed, and left out of the scores (it is not
   in the text the linker saw).

A mention is correct when an entity overlapping its span carries the gold ``actor_id``; a ``null`` mention
is correct when no overlapping entity is linked (none, or only entities with ``actor_id`` None).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError, ModelError
from ..record import Article, Entity

CORPORA = ("ant", "saudinewsnet")
NIL = "nil"
GOLD_FILE = Path(__file__).resolve().parents[3] / "tests" / "gold" / "linking_gold.jsonl"


@dataclass(frozen=True, slots=True)
class GoldMention:
    corpus: str
    doc_id: str
    surface: str
    occurrence: int
    actor_id: str | None
    note: str = ""

    @property
    def kind(self) -> str:
        """The id prefix (``cty``, ``loc``, ``grp``, ``per``, ``gov``, ``mil`` ...), ``nil`` for a null id."""
        return self.actor_id.split(":", 1)[0] if self.actor_id else NIL


def default_gold() -> Path | None:
    """The gold file shipped with the project checkout, if present."""
    return GOLD_FILE if GOLD_FILE.is_file() else None


def load_gold(path: str | Path) -> list[GoldMention]:
    """Read and check a gold file; a malformed line raises ``DataError`` naming it."""
    p = Path(path)
    if not p.is_file():
        raise DataError(f"linking gold file not found: {p}",
                        hint="give --data FILE (JSON Lines: corpus, doc_id, surface, occurrence, actor_id)")
    out: list[GoldMention] = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{p.name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"{where}: bad JSON ({exc.msg})", hint="one JSON object per line") from None
        if not isinstance(rec, dict):
            raise DataError(f"{where}: not a JSON object", hint="one JSON object per line")
        missing = [k for k in ("corpus", "doc_id", "surface", "occurrence", "actor_id") if k not in rec]
        if missing:
            raise DataError(f"{where}: missing {', '.join(missing)}", hint="see the format in rased.eval.linking")
        if rec["corpus"] not in CORPORA:
            raise DataError(f"{where}: unknown corpus {rec['corpus']!r}", hint=f"one of {', '.join(CORPORA)}")
        occ = rec["occurrence"]
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 0:
            raise DataError(f"{where}: occurrence must be an integer >= 0", hint="0 is the first occurrence")
        if not isinstance(rec["surface"], str) or not rec["surface"].strip():
            raise DataError(f"{where}: empty surface", hint="the mention as written in the corpus text")
        actor_id = rec["actor_id"]
        if actor_id is not None and (not isinstance(actor_id, str) or ":" not in actor_id):
            raise DataError(f"{where}: actor_id must be a registry id or null", hint="e.g. 'cty:IRQ'")
        out.append(GoldMention(rec["corpus"], str(rec["doc_id"]), rec["surface"], occ, actor_id, rec.get("note") or ""))
    if not out:
        raise DataError(f"{p}: no gold mentions", hint="the file is empty")
    return out


# ---------------------------------------------------------------------------------------------- corpora
def corpus_docs(needed: Mapping[str, Iterable[str]]) -> dict[tuple[str, str], object]:
    """The corpus documents with the needed ids, ``{(corpus, doc_id): CorpusDoc}``: each corpus is read once,
    keeping only those ids, and reading stops once all are found."""
    from .. import datasets

    readers: dict[str, Callable[[], Iterable]] = {"ant": datasets.ant, "saudinewsnet": datasets.saudinewsnet}
    found: dict[tuple[str, str], object] = {}
    for corpus, ids in needed.items():
        wanted = set(ids)
        if not wanted:
            continue
        for doc in readers[corpus]():
            if doc.doc_id in wanted and (corpus, doc.doc_id) not in found:
                found[(corpus, doc.doc_id)] = doc
                wanted.discard(doc.doc_id)
                if not wanted:
                    break
    return found


# ---------------------------------------------------------------------------------------------- locating
def _nth(text: str, surface: str, n: int) -> int:
    """Start of the ``n``-th occurrence (from 0) of ``surface`` in ``text``, or -1."""
    i = -1
    for _ in range(n + 1):
        i = text.find(surface, i + 1)
        if i < 0:
            return -1
    return i


def _count(text: str, surface: str) -> int:
    n, i = 0, text.find(surface)
    while i >= 0:
        n += 1
        i = text.find(surface, i + 1)
    return n


def _raw_to_clean(article: Article, raw_pos: int) -> int | None:
    for clean_start, raw_start, length in article.raw_offsets:
        if raw_start <= raw_pos < raw_start + length:
            return clean_start + raw_pos - raw_start
    return None


def _squash(s: str) -> str:
    return " ".join(s.split())


def locate(article: Article, mention: GoldMention) -> tuple[int, int, str] | None:
    """The clean-text span of a gold mention and how it was found (``"clean"``, ``"raw_offsets"``,
    ``"whitespace"``), or None. An article built by hand (no ``raw``) is searched in its text alone."""
    text, surface, occ = article.text, mention.surface, mention.occurrence
    in_clean = _count(text, surface)
    if occ < in_clean and (not article.raw or in_clean == _count(article.raw, surface)):
        start = _nth(text, surface, occ)
        return start, start + len(surface), "clean"
    raw_start = _nth(article.raw, surface, occ) if article.raw else -1
    if raw_start >= 0:
        first = _raw_to_clean(article, raw_start)
        last = _raw_to_clean(article, raw_start + len(surface) - 1)
        if first is None and last is None:
            return None  # cleaning dropped the line that held this occurrence
        if first is not None and last is not None and last >= first:
            if _squash(text[first : last + 1]) == _squash(surface):
                return first, last + 1, "raw_offsets"
    squashed = _squash(surface)
    if squashed != surface:
        start = _nth(text, squashed, occ)
        if start >= 0:
            return start, start + len(squashed), "whitespace"
    if occ < in_clean:  # cleaning rewrote the mention and the count changed: the best remaining guess
        start = _nth(text, surface, occ)
        return start, start + len(surface), "clean"
    return None


# ---------------------------------------------------------------------------------------------- scoring
def _overlapping(entities: Iterable[Entity], start: int, end: int) -> list[Entity]:
    hits = [e for e in entities if e.start < end and start < e.end]
    return sorted(hits, key=lambda e: (-(min(end, e.end) - max(start, e.start)), e.start))


def judge(entities: Iterable[Entity], start: int, end: int, gold: str | None) -> tuple[bool, str | None, Entity | None]:
    """``(correct, predicted actor id, the entity it came from)`` for one gold span."""
    hits = _overlapping(entities, start, end)
    linked = [e for e in hits if e.actor_id]
    if gold is not None:
        match = next((e for e in linked if e.actor_id == gold), None)
        if match is not None:
            return True, gold, match
    best = linked[0] if linked else (hits[0] if hits else None)
    predicted = linked[0].actor_id if linked else None
    return (gold is None and predicted is None), predicted, best


def score(gold: list[GoldMention], articles: Mapping[tuple[str, str], Article]) -> dict:
    """Scores for ``gold`` against analyzed ``articles`` (keyed ``(corpus, doc_id)``, with ``entities`` set)."""
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    linked = linked_right = 0
    errors: list[dict] = []
    unlocated: list[dict] = []
    located_how: Counter[str] = Counter()
    for m in gold:
        key = (m.corpus, m.doc_id)
        article = articles.get(key)
        where = {"corpus": m.corpus, "doc_id": m.doc_id, "surface": m.surface, "occurrence": m.occurrence}
        if article is None:
            unlocated.append({**where, "why": "article not found in the corpus"})
            continue
        if article.entities is None:
            raise ModelError(f"article {m.doc_id} has no entities (the entities stage did not run)",
                             hint="linking needs the pipeline's entities stage")
        span = locate(article, m)
        if span is None:
            unlocated.append({**where, "why": "surface not found in the clean text"})
            continue
        start, end, how = span
        located_how[how] += 1
        ok, predicted, entity = judge(article.entities, start, end, m.actor_id)
        total[m.kind] += 1
        right[m.kind] += ok
        if predicted is not None:
            linked += 1
            linked_right += ok
        if not ok:
            errors.append({**where, "gold": m.actor_id, "predicted": predicted,
                           "entity": None if entity is None else entity.text, "note": m.note or None})
    n = sum(total.values())
    nonnil = n - total[NIL]

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    return {
        "mentions": len(gold),
        "articles": len({(m.corpus, m.doc_id) for m in gold}),
        "scored": n,
        "accuracy": ratio(sum(right.values()), n),
        "by_kind": {k: {"n": total[k], "correct": right[k], "accuracy": ratio(right[k], total[k])}
                    for k in sorted(total)},
        "linked_precision": ratio(linked_right, linked),
        "linked": linked,
        "recall_nonnil": ratio(sum(right.values()) - right[NIL], nonnil),
        "located": dict(sorted(located_how.items())),
        "unlocated": unlocated,
        "errors": errors,
    }


def evaluate(gold_path: str | Path | None = None, *, analyze: Callable[..., Article] | None = None) -> dict:
    """Score the pipeline's entity linking on the gold file (default: the project's shipped gold set)."""
    from ..pipeline import analyze as pipeline_analyze

    path = gold_path or default_gold()
    if path is None:
        raise DataError("no linking gold file given and none shipped with this checkout",
                        hint="give --data FILE (JSON Lines: corpus, doc_id, surface, occurrence, actor_id)")
    gold = load_gold(path)
    run = analyze or pipeline_analyze
    needed: dict[str, set[str]] = {}
    for m in gold:
        needed.setdefault(m.corpus, set()).add(m.doc_id)
    docs = corpus_docs(needed)
    articles = {key: run(doc.text, title=doc.title or None) for key, doc in docs.items()}
    result = score(gold, articles)
    result["gold"] = str(path)
    return result

