"""HTML built from spans: every piece of article text is escaped on its own, then wrapped in our markup.

Nothing here reads the store; the functions take an ``Article`` (or a snippet) and give back ``Markup``
that the templates insert as is. Text never passes through unescaped: a body that contains ``<script>``
or ``onerror=`` is shown as those characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache
from urllib.parse import quote

from markupsafe import Markup, escape

from ..record import Article, Entity

_CLASS = re.compile(r"[^A-Za-z0-9_-]")


def css_name(value: str | None) -> str:
    """A value made safe for a class name (entity and relation types)."""
    return _CLASS.sub("", value or "") or "X"


def actor_url(actor_id: str) -> str:
    return "/actors/" + quote(actor_id, safe=":")


def article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def http_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None: a stored ``javascript:`` URL is never made a link."""
    if url and re.match(r"^https?://[^\s]+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ](\d{2}):(\d{2}))?")
_DATE_FORMATS = {3: "d MMMM y", 2: "MMMM y", 1: "y"}  # CLDR patterns by the parts known (day, month, year)


@lru_cache(maxsize=20_000)
def arabic_date(value: str | None) -> str | None:
    """An ISO date («2015-03-01», «2015-03», «2015-03-01T10:30:00+03:00») in Arabic words (Babel, ``ar``:
    «1 مارس 2015»), with the time when it has one; None when it is not a date."""
    m = _ISO.match((value or "").strip())
    if not m:
        return None
    from babel.dates import format_date, format_time

    y, mo, d, hh, mm = m.groups()
    parts = [int(y), int(mo or 1), int(d or 1)]
    known = 1 + (mo is not None) + (d is not None)
    try:
        when = date(*parts)
        text = format_date(when, _DATE_FORMATS[known], locale="ar")
        if hh is not None:
            text += " " + format_time(time(int(hh), int(mm)), "HH:mm", locale="ar")
    except ValueError:
        return None
    return text


def date_tag(value: str | None) -> Markup:
    """``<time>`` showing the Arabic date, the ISO value in ``datetime`` and in the tooltip."""
    if not value:
        return Markup("")
    words = arabic_date(value)
    if words is None:
        return Markup('<time dir="ltr">{}</time>').format(value)
    return Markup('<time dir="rtl" datetime="{}" title="{}">{}</time>').format(value, value, words)


def highlight(text: str, spans, offset: int = 0, tag: str = "mark") -> Markup:
    """``text`` with ``spans`` (absolute, ``offset`` is where ``text`` starts) wrapped in ``<mark>``."""
    out, at = [], 0
    for s, e in sorted((s - offset, e - offset) for s, e in spans):
        s, e = max(s, at), min(e, len(text))
        if s >= e:
            continue
        out += [escape(text[at:s]), Markup(f"<{tag}>"), escape(text[s:e]), Markup(f"</{tag}>")]
        at = e
    out.append(escape(text[at:]))
    return Markup("").join(out)


# ---------------------------------------------------------------------------------------------- article body

@dataclass(frozen=True)
class Mark:
    """An outer annotation drawn as a background: a quote, its cue or a relation's evidence."""

    start: int
    end: int
    kind: str  # "quote" | "cue" | "evidence"
    ref: str  # "q1", "r2": the id of the item in the lists beside the text


def entities_shown(entities) -> list[Entity]:
    """The entities to draw: sorted, overlaps resolved in favour of the earlier (then longer) mention."""
    chosen, end = [], -1
    for e in sorted(entities or (), key=lambda e: (e.start, -(e.end - e.start))):
        if e.start >= end and e.end > e.start:
            chosen.append(e)
            end = e.end
    return chosen


def marks(article: Article) -> list[Mark]:
    out = []
    for i, q in enumerate(article.quotes or (), 1):
        out.append(Mark(q.content_start, q.content_end, "quote", f"q{i}"))
        out.append(Mark(q.cue_start, q.cue_end, "cue", f"q{i}"))
    for i, r in enumerate(article.relations or (), 1):
        out.append(Mark(r.evidence_start, r.evidence_end, "evidence", f"r{i}"))
    return [m for m in out if m.end > m.start]


def _blocks(article: Article) -> list[tuple[str, int, int]]:
    if article.blocks:
        return [(b.type, b.start, b.end) for b in article.blocks]
    out, at = [], 0
    for line in article.text.split("\n"):
        if line.strip():
            out.append(("paragraph", at, at + len(line)))
        at += len(line) + 1
    return out


def _entity_open(e: Entity) -> Markup:
    typ = css_name(e.type)
    title = e.type if not e.actor else f"{e.type} · {e.actor.name_ar} · {e.actor.name_en}"
    if e.actor_id:
        return Markup('<a class="ent ent-{}" href="{}" title="{}" data-actor="{}">').format(
            typ, actor_url(e.actor_id), title, e.actor_id
        )
    return Markup('<span class="ent ent-{}" title="{}">').format(typ, title)


def _render_range(text: str, start: int, end: int, ents: list[Entity], mks: list[Mark], seen: set[str]) -> Markup:
    ents = [e for e in ents if e.start < end and e.end > start]
    mks = [m for m in mks if m.start < end and m.end > start]
    cuts = {start, end}
    for x in (*ents, *mks):
        cuts.add(max(start, x.start))
        cuts.add(min(end, x.end))
    points = sorted(cuts)
    out: list[Markup] = []
    current: Entity | None = None
    for a, b in zip(points, points[1:]):
        ent = next((e for e in ents if e.start <= a and e.end >= b), None)
        if ent is not current:
            if current is not None:
                out.append(Markup("</a>" if current.actor_id else "</span>"))
            if ent is not None:
                out.append(_entity_open(ent))
            current = ent
        active = [m for m in mks if m.start <= a and m.end >= b]
        for m in active:
            if m.ref not in seen and m.kind != "cue":
                seen.add(m.ref)
                out.append(Markup('<span class="anchor" id="{}"></span>').format(m.ref))
        piece = escape(text[a:b])
        if active:
            kinds = " ".join(sorted({f"m-{m.kind}" for m in active}))
            refs = " ".join(sorted({m.ref for m in active}))
            out.append(Markup('<span class="m {}" data-refs="{}">{}</span>').format(kinds, refs, piece))
        else:
            out.append(piece)
    if current is not None:
        out.append(Markup("</a>" if current.actor_id else "</span>"))
    return Markup("").join(out)


def sentence_span(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """The sentences of ``article`` that hold ``start``-``end`` (the span itself when no sentence does); None when
    the span is not inside the text."""
    if not 0 <= start < end <= len(article.text):
        return None
    hit = [s for s in article.sentences or () if s.start < end and start < s.end]
    return (min(s.start for s in hit), max(s.end for s in hit)) if hit else (start, end)


def body(article: Article, highlight: tuple[int, int] | None = None) -> list[dict]:
    """The article's blocks, each ``{"type", "html"}``, with entities, quotes and evidence marked, and the
    ``highlight`` span (an alert's sentence) marked with the anchor ``hl``."""
    ents = entities_shown(article.entities)
    mks = marks(article)
    if highlight is not None:
        mks.insert(0, Mark(highlight[0], highlight[1], "alert", "hl"))
    seen: set[str] = set()
    return [
        {"type": css_name(kind), "html": _render_range(article.text, s, e, ents, mks, seen)}
        for kind, s, e in _blocks(article)
        if e > s
    ]
