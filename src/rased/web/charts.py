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


W, H = 880, 540  # the graph's canvas
RX, RY = 290, 200  # the ellipse the other actors sit on
_CHAR_W = {"node": 8.5, "edge": 7.5}  # a generous width per character at the CSS font sizes (16 px, 13 px)
_LINE_H = {"node": 20, "edge": 16}
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Segment = tuple[float, float, float, float]  # an edge's line: x1, y1, x2, y2


def _box(x: float, y: float, anchor: str, text: str, kind: str) -> Box:
    """The space a label takes (``y`` is its baseline)."""
    w, h = len(text) * _CHAR_W[kind], _LINE_H[kind]
    x0 = x - w / 2 if anchor == "middle" else x if anchor == "start" else x - w
    return (x0, y - h * 0.8, x0 + w, y + h * 0.2)


def _free(box: Box, taken: list[Box], pad: float = 3, lines: tuple[Segment, ...] = ()) -> bool:
    x0, y0, x1, y1 = box
    inside = 0 <= x0 and x1 <= W and 0 <= y0 and y1 <= H
    return inside and all(x1 + pad <= a0 or a1 + pad <= x0 or y1 + pad <= b0 or b1 + pad <= y0 for a0, b0, a1, b1 in taken) \
        and not any(_crosses((x0 - pad, y0 - pad, x1 + pad, y1 + pad), line) for line in lines)


def _crosses(box: Box, line: Segment) -> bool:
    """Whether the line passes through the box (Liang–Barsky clipping of the line to the box)."""
    (x0, y0, x1, y1), (sx, sy, ex, ey) = box, line
    dx, dy = ex - sx, ey - sy
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, sx - x0), (dx, x1 - sx), (-dy, sy - y0), (dy, y1 - sy)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        lo, hi = (max(lo, t), hi) if p < 0 else (lo, min(hi, t))
        if lo > hi:
            return False
    return True


GAP = math.radians(100)  # with many actors, the sector below the middle one is left to its label


def _positions(center: Node, others: list[Node]) -> dict[str, tuple[float, float]]:
    """The middle actor in the middle, the others on an ellipse; up to four evenly from the top, more on the arc
    that leaves the sector below the middle free (else the middle label has an edge through it wherever it goes)."""
    pos = {center.id: (W / 2, H / 2)}
    n = len(others)
    for i, node in enumerate(others):
        if n <= 4:
            angle = -math.pi / 2 + 2 * math.pi * i / n
        else:  # from the gap's right edge, over the top, round to its left edge
            angle = math.pi / 2 + GAP / 2 + (2 * math.pi - GAP) * i / (n - 1)
        pos[node.id] = (W / 2 + RX * math.cos(angle), H / 2 + RY * math.sin(angle))
    return pos


def _sides(x: float, y: float, r: int, is_center: bool) -> list[str]:
    """The sides of a node its label may take, the one away from the middle first (below for the middle node)."""
    dx = x - W / 2
    if is_center:
        first = "below"
    elif abs(dx) > RX * 0.45:
        first = "right" if dx > 0 else "left"
    else:
        first = "above" if y < H / 2 else "below"
    return [first, *(side for side in ("below", "above", "right", "left") if side != first)]


def _spot(side: str, x: float, y: float, r: int, step: int) -> tuple[float, float, str]:
    down = 12 if y >= H / 2 else -12  # a side label moves away from the middle line
    return {"below": (x, y + r + 18 + step * 12, "middle"), "above": (x, y - r - 8 - step * 12, "middle"),
            "right": (x + r + 6, y + 5 + step * down, "start"), "left": (x - r - 6, y + 5 + step * down, "end")}[side]


def _node_label(node: Node, x: float, y: float, r: int, is_center: bool, taken: list[Box],
                lines: tuple[Segment, ...]) -> tuple[float, float, str]:
    """Where a node's label goes: away from the middle, pushed further out, then on another side, until it
    overlaps no label or node placed and no edge crosses it (else the furthest spot away from the middle)."""
    text = _short(node.label)
    sides = _sides(x, y, r, is_center)
    for side in sides:
        for step in range(6):
            lx, ly, anchor = _spot(side, x, y, r, step)
            box = _box(lx, ly, anchor, text, "node")
            if _free(box, taken, lines=lines):
                taken.append(box)
                return lx, ly, anchor
    lx, ly, anchor = _spot(sides[0], x, y, r, 5)
    taken.append(_box(lx, ly, anchor, text, "node"))
    return lx, ly, anchor


_ALONG = (0.5, 0.62, 0.38, 0.72, 0.28, 0.2, 0.8)  # where along its edge a label is tried, the middle first


def _edge_label(text: str, start: tuple[float, float], end: tuple[float, float], taken: list[Box],
                arrows: tuple[Segment, ...] = ()):
    """A spot along the edge where its label overlaps nothing placed and no other arrow ``arrows`` crosses it;
    failing that, one where it only overlaps nothing; or None (the tooltip still names it)."""
    (sx, sy), (ex, ey) = start, end
    for lines in ((arrows, ()) if arrows else ((),)):
        for t in _ALONG:
            x, y = sx + (ex - sx) * t, sy + (ey - sy) * t - 4
            box = _box(x, y, "middle", text, "edge")
            if _free(box, taken, lines=lines):
                taken.append(box)
                return x, y
    return None


def graph(center: Node, others: list[Node], edges: list[Edge], *, title: str = "relations") -> Markup:
    """The actor in the middle, the others on an ellipse around it; relation edges as arrows with their type's
    name. Labels are placed so that none overlaps another or a node (a label that finds no free spot along its
    edge is left to the edge's tooltip)."""
    if not others:
        return Markup("")
    pos = _positions(center, others)
    taken: list[Box] = [(x - 28, y - 28, x + 28, y + 28) for x, y in pos.values()]  # the node circles
    pairs = _pairs(pos, edges)
    lines = tuple(line for _, line in pairs.values())
    labels = {}
    for node in (center, *others):
        x, y = pos[node.id]
        labels[node.id] = _node_label(node, x, y, 26 if node is center else 20, node is center, taken, lines)
    parts = [
        Markup('<svg class="chart graph" viewBox="0 0 {} {}" role="img" aria-label="{}" direction="ltr">').format(
            W, H, title),
        Markup("<title>{}</title>").format(title),
        Markup('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7"'
               ' orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>'),
        *_edges_svg(pairs, taken),
        *_nodes_svg(center, others, pos, labels),
        Markup("</svg>"),
    ]
    return Markup("").join(parts)


def _pairs(pos: dict[str, tuple[float, float]], edges: list[Edge]) -> dict[tuple[str, str], tuple[list[Edge], Segment]]:
    """The edges of each ordered pair of nodes (several are drawn once, their labels joined) and its line."""
    groups: dict[tuple[str, str], list[Edge]] = {}
    for e in edges:
        if e.source in pos and e.target in pos and e.source != e.target:
            groups.setdefault((e.source, e.target), []).append(e)
    pairs = {}
    for (s, t), group in groups.items():
        (x1, y1), (x2, y2) = pos[s], pos[t]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1
        # stop short of the node circles; offset a little so that A→B and B→A do not overlap
        ox, oy = -dy / dist * 6, dx / dist * 6
        pairs[(s, t)] = group, (x1 + dx / dist * 30 + ox, y1 + dy / dist * 30 + oy,
                                x2 - dx / dist * 30 + ox, y2 - dy / dist * 30 + oy)
    return pairs


def _edges_svg(pairs: dict[tuple[str, str], tuple[list[Edge], Segment]], taken: list[Box]) -> list[Markup]:
    parts = []
    arrows = [line for group, line in pairs.values() if any(e.kind != "co" for e in group)]
    for group, (sx, sy, ex, ey) in pairs.values():
        co = all(e.kind == "co" for e in group)
        rel = sorted({(e.kind, e.label) for e in group if e.kind != "co"})
        weight = sum(e.weight for e in group)
        tip = " · ".join(f"{label} ({kind})" for kind, label in rel) or f"{weight}"
        cls = "edge co" if co else "edge rel " + " ".join(f"rel-{css_name(e.kind)}" for e in group)
        marker = "" if co else ' marker-end="url(#arrow)"'
        parts.append(Markup('<line class="{}" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"' + marker + '>'
                            '<title>{}</title></line>').format(cls, sx, sy, ex, ey, tip))
        text = "، ".join(label for _, label in rel)
        others = tuple(line for line in arrows if line != (sx, sy, ex, ey))
        spot = _edge_label(text, (sx, sy), (ex, ey), taken, others) if text else None
        if spot:
            parts.append(Markup('<g class="edge-tip"><title>{}</title><text class="edge-label" x="{:.1f}" y="{:.1f}"'
                                ' text-anchor="middle">{}</text></g>').format(tip, spot[0], spot[1], text))
    return parts


def _nodes_svg(center: Node, others: list[Node], pos, labels) -> list[Markup]:
    parts = []
    for node in (center, *others):
        (x, y), (lx, ly, anchor) = pos[node.id], labels[node.id]
        cls = "node center" if node is center else "node"
        inner = Markup('<circle cx="{:.1f}" cy="{:.1f}" r="{}"/><text x="{:.1f}" y="{:.1f}" text-anchor="{}">'
                       '{}</text>').format(x, y, 26 if node is center else 20, lx, ly, anchor, _short(node.label))
        if node.url:
            parts.append(Markup('<a class="{}" href="{}"><title>{}</title>{}</a>').format(cls, node.url, node.label, inner))
        else:
            parts.append(Markup('<g class="{}"><title>{}</title>{}</g>').format(cls, node.label, inner))
    return parts


def _short(label: str, width: int = 20) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


__all__ = ["Edge", "Node", "buckets", "graph", "timeline"]
