"""Stories: articles of different outlets about the same event, close in time.

Each article is described by the search keys of its title and lead (``model.STORY_WORDS`` words), weighted
by inverse document frequency; terms in one article only (they link nothing) and very common terms are
left out (and function words, see ``model.STORY_STOPWORDS``), and an article keeps its ``TOP`` rarest terms. Articles are taken in date order and each joins
the most similar open cluster (cosine with the cluster's summed vector, ``THRESHOLD``) whose latest
article is at most ``window_days`` older and that shares ``MIN_SHARED`` terms with it, or opens a new one. Comparing with the cluster's centroid
rather than with any one member keeps chains of loosely related articles from merging into one blob.
A cluster becomes a story when at least two outlets reported it.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

THRESHOLD = 0.3
TOP = 20
MAX_DF = 0.05  # terms in more than this share of articles describe nothing in particular
MIN_MAX_DF = 5  # ... but small stores keep terms up to this many articles
MIN_SHARED = 3  # an article joins a cluster only when they share at least this many terms


@dataclass(slots=True, frozen=True)
class Doc:
    n: int
    id: str
    source: str
    day: str  # YYYY-MM-DD
    terms: list[str]


@dataclass(slots=True)
class _Cluster:
    weights: Counter = field(default_factory=Counter)
    norm: float = 0.0
    last: int = 0
    members: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)

    def add(self, doc: Doc, vec: dict[str, float], day: int) -> None:
        for t, w in vec.items():
            self.weights[t] += w
        self.norm = math.sqrt(sum(w * w for w in self.weights.values()))
        self.last = max(self.last, day)
        self.members.append(doc.n)
        self.ids.append(doc.id)
        self.sources.add(doc.source)


def vectors(docs: list[Doc]) -> list[dict[str, float]]:
    df = Counter(t for d in docs for t in set(d.terms))
    limit = max(MIN_MAX_DF, int(MAX_DF * len(docs)))
    out = []
    for d in docs:
        weighted = {t: math.log(1 + len(docs) / df[t]) for t in set(d.terms) if 2 <= df[t] <= limit}
        top = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
        out.append(dict(top))
    return out


def story_id(ids: list[str]) -> str:
    return "s" + hashlib.sha256(min(ids).encode()).hexdigest()[:12]


def cluster(docs: list[Doc], *, window_days: float = 2.0, threshold: float = THRESHOLD) -> dict[str, list[int]]:
    """Story id → article numbers, for clusters reported by at least two outlets."""
    order = sorted(range(len(docs)), key=lambda i: (docs[i].day, docs[i].n))
    vecs = vectors(docs)
    clusters: list[_Cluster] = []
    by_term: dict[str, list[int]] = {}
    for i in order:
        doc, vec = docs[i], vecs[i]
        try:
            day = date.fromisoformat(doc.day).toordinal()
        except ValueError:
            continue
        if not vec:
            continue
        norm = math.sqrt(sum(w * w for w in vec.values()))
        best, best_sim = None, threshold
        seen: set[int] = set()
        for t in vec:
            alive = [c for c in by_term.get(t, ()) if day - clusters[c].last <= window_days]
            by_term[t] = alive  # clusters past the window never reopen (documents come in date order)
            for c in alive:
                if c in seen:
                    continue
                seen.add(c)
                cl = clusters[c]
                shared = [term for term in vec if term in cl.weights]
                if len(shared) < MIN_SHARED:
                    continue
                dot = sum(vec[term] * cl.weights[term] for term in shared)
                sim = dot / (norm * cl.norm) if cl.norm else 0.0
                if sim >= best_sim:
                    best, best_sim = c, sim
        if best is None:
            clusters.append(_Cluster())
            best = len(clusters) - 1
        clusters[best].add(doc, vec, day)
        for t in vec:
            lst = by_term.setdefault(t, [])
            if best not in lst:
                lst.append(best)
    return {story_id(c.ids): c.members for c in clusters if len(c.sources) >= 2}
