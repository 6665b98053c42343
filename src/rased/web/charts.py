"""Inline SVG drawn on the server: a timeline bar chart and a small relations graph (no script needed).

Labels are escaped like any other text. Time runs left to right, as on most Arabic news sites' charts.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from .markup import css_name

MAX_BARS = 60


def buckets(days: Iterable[str | None] | Mapping[str, int]) -> list[dict]:
    """Counts per period of the given ISO days (one per article, or a mapping day → articles): by day over
    ≤ 62 days, by month up to 60 months, else by year.

    Periods without articles are kept (as zero) so that the chart shows gaps; unknown days are left out."""
    per_day: Counter = Counter()
    for d, c in (days.items() if isinstance(days, Mapping) else ((d, 1) for d in days)):
        if d and len(d) >= 10:
            per_day[d[:10]] += c
    if not per_day:
        return []
    known = sorted(per_day)
    first, last = date.fromisoformat(known[0]), date.fromisoformat(known[-1])
    if (last - first).days <= 62:
        counts = per_day
        out, d = [], first
        while d <= last:
            out.append({"period": d.isoformat(), "articles": counts.get(d.isoformat(), 0)})
            d += timedelta(days=1)
        return out
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MAX_BARS:
        counts = Counter()
        for k, c in per_day.items():
            counts[k[:7]] += c
        out = []
        for i in range(months):
            y, m = divmod(first.month - 1 + i, 12)
            key = f"{first.year + y:04d}-{m + 1:02d}"
            out.append({"period": key, "articles": counts.get(key, 0)})
        return out
    counts = Counter()
    for k, c in per_day.items():
        counts[k[:4]] += c
    return [{"period": str(y), "articles": counts.get(str(y), 0)} for y in range(first.year, last.year + 1)]


def timeline(points: list[dict], *, label: str = "articles") -> Markup:
    """A bar chart of ``[{"period", "articles"}]``."""
    if not points:
        return Markup("")
    w, h, left, bottom, top = 960, 220, 36, 34, 14
    n = len(points)
    peak = max(p["articles"] for p in points) or 1
    step = (w - left - 8) / n
    bar = max(1.0, step * 0.7)
    parts = [
        Markup('<svg class="chart timeline" viewBox="0 0 {} {}" role="img" aria-label="{}" direction="ltr">').format(
            w, h, label
        ),
        Markup("<title>{}</title>").format(label),
        Markup('<line class="axis" x1="{}" y1="{}" x2="{}" y2="{}"/>').format(left, h - bottom, w - 4, h - bottom),
        Markup('<text class="tick" x="{}" y="{}" text-anchor="end">{}</text>').format(left - 4, top + 4, peak),
        Markup('<text class="tick" x="{}" y="{}" text-anchor="end">0</text>').format(left - 4, h - bottom),
    ]
    every = max(1, math.ceil(n / 12))
    for i, p in enumerate(points):
        x = left + i * step + (step - bar) / 2
        bh = (h - bottom - top) * p["articles"] / peak
        parts.append(Markup(
            '<rect class="bar" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"><title>{}: {}</title></rect>'
        ).format(x, h - bottom - bh, bar, bh, p["period"], p["articles"]))
        if i % every == 0:
            parts.append(Markup('<text class="tick" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
                x + bar / 2, h - bottom + 16, p["period"]
            ))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    url: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    kind: str  # a relation type, or "co" for co-mention
    weight: int = 1


def graph(center: Node, others: list[Node], edges: list[Edge], *, title: str = "relations") -> Markup:
    """The actor in the middle, the others on a circle around it; relation edges as arrows with their type."""
    if not others:
        return Markup("")
    w, h = 760, 440
    cx, cy, rx, ry = w / 2, h / 2, 200, 150
    pos = {center.id: (cx, cy)}
    for i, node in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * i / len(others)
        pos[node.id] = (cx + rx * math.cos(angle), cy + ry * math.sin(angle))
    parts = [
        Markup('<svg class="chart graph" viewBox="0 0 {} {}" role="img" aria-label="{}" direction="ltr">').format(
            w, h, title),
        Markup("<title>{}</title>").format(title),
        Markup('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7"'
               ' orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>'),
    ]
    # Several edges between one pair are drawn once, their labels joined.
    pairs: dict[tuple[str, str], list[Edge]] = {}
    for e in edges:
        if e.source in pos and e.target in pos and e.source != e.target:
            pairs.setdefault((e.source, e.target), []).append(e)
    for (s, t), group in pairs.items():
        (x1, y1), (x2, y2) = pos[s], pos[t]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1
        # stop short of the node circles; offset a little so that A→B and B→A do not overlap
        ox, oy = -dy / dist * 6, dx / dist * 6
        sx, sy = x1 + dx / dist * 30 + ox, y1 + dy / dist * 30 + oy
        ex, ey = x2 - dx / dist * 30 + ox, y2 - dy / dist * 30 + oy
        co = all(e.kind == "co" for e in group)
        labels = sorted({e.label for e in group if e.kind != "co"})
        weight = sum(e.weight for e in group)
        cls = "edge co" if co else "edge rel " + " ".join(f"rel-{css_name(e.kind)}" for e in group)
        marker = "" if co else ' marker-end="url(#arrow)"'
        parts.append(Markup('<line class="{}" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"' + marker + '>'
                            '<title>{}</title></line>').format(cls, sx, sy, ex, ey, ", ".join(labels) or weight))
        if labels:
            parts.append(Markup('<text class="edge-label" x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>').format(
                (sx + ex) / 2 + ox, (sy + ey) / 2 + oy - 4, " · ".join(labels)
            ))
    for node in (center, *others):
        x, y = pos[node.id]
        r = 26 if node is center else 20
        # labels go away from the middle: beside the nodes left and right, above or below the others
        dx = x - cx
        if node is center:
            lx, ly, anchor = x, y + r + 18, "middle"
        elif abs(dx) > rx * 0.45:
            lx, ly, anchor = x + (r + 6 if dx > 0 else -r - 6), y + 5, "start" if dx > 0 else "end"
        else:
            lx, ly, anchor = x, (y - r - 8 if y < cy else y + r + 18), "middle"
        cls = "node center" if node is center else "node"
        inner = Markup('<circle cx="{:.1f}" cy="{:.1f}" r="{}"/><text x="{:.1f}" y="{:.1f}" text-anchor="{}">'
                       '{}</text>').format(x, y, r, lx, ly, anchor, _short(node.label))
        if node.url:
            parts.append(Markup('<a class="{}" href="{}"><title>{}</title>{}</a>').format(cls, node.url, node.label, inner))
        else:
            parts.append(Markup('<g class="{}"><title>{}</title>{}</g>').format(cls, node.label, inner))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _short(label: str, width: int = 20) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


__all__ = ["Edge", "Node", "buckets", "graph", "timeline"]
