"""Highlights from spans, the annotated body and the SVG charts."""
from __future__ import annotations

import html
import re

import pytest

from rased.record import Article, Block, Entity, Mention, Quote, Relation
from rased.web import charts, markup


@pytest.mark.parametrize("text, spans, offset, expected", [
    ("في الموصل اليوم", [(3, 9)], 0, "في <mark>الموصل</mark> اليوم"),
    ("الموصل", [(10, 16)], 10, "<mark>الموصل</mark>"),
    ("a<b>c", [(1, 4)], 0, "a<mark>&lt;b&gt;</mark>c"),
    ("<script>", [], 0, "&lt;script&gt;"),
    ("abc", [(1, 2), (0, 2)], 0, "<mark>ab</mark>c"),  # overlapping spans merge into the first
    ("abc", [(2, 9)], 0, "ab<mark>c</mark>"),  # out of bounds is clipped
])
def test_highlight(text, spans, offset, expected):
    assert str(markup.highlight(text, spans, offset)) == expected


def _article():
    text = "قال علاوي إن داعش والقاعدة بدأا محادثات.\nوفي الموصل <قتال>."
    isis = Entity(13, 17, "داعش", "ORG", "grp:isis")
    qaeda = Entity(18, 26, "والقاعدة", "ORG", "grp:al-qaeda")
    allawi = Entity(4, 9, "علاوي", "PER", "per:iyad-allawi")
    mosul = Entity(text.index("الموصل"), text.index("الموصل") + 6, "الموصل", "LOC", None)
    quote = Quote(Mention(4, 9, "علاوي", "per:iyad-allawi"), "علاوي", 0, 3, 10, 40, False)
    rel = Relation("CONSULT", Mention(13, 17, "داعش", "grp:isis"), Mention(18, 26, "والقاعدة", "grp:al-qaeda"),
                   13, 40, "محادثات", "reported")
    blocks = (Block("paragraph", 0, 40), Block("paragraph", 42, len(text)))
    return Article(id="x", text=text, blocks=blocks, entities=(isis, qaeda, allawi, mosul), quotes=(quote,),
                   relations=(rel,))


def test_body_marks_entities_quotes_and_evidence():
    blocks = markup.body(_article())
    assert len(blocks) == 2
    first = str(blocks[0]["html"])
    assert '<a class="ent ent-ORG" href="/actors/grp:isis"' in first
    assert 'href="/actors/per:iyad-allawi"' in first
    assert '<span class="anchor" id="q1"></span>' in first and 'id="r1"' in first
    assert 'class="m m-evidence m-quote" data-refs="q1 r1"' in first
    assert 'class="m m-cue" data-refs="q1"' in first
    second = str(blocks[1]["html"])
    assert '<span class="ent ent-LOC"' in second  # no actor: not a link
    assert "&lt;قتال&gt;" in second


def test_body_text_is_preserved():
    """Stripping the tags from the body gives back the text of every block (nothing lost, nothing added)."""
    import html
    import re

    a = _article()
    for b, block in zip(markup.body(a), a.blocks):
        plain = html.unescape(re.sub(r"<[^>]+>", "", str(b["html"])))
        assert plain == a.text[block.start : block.end]


def test_overlapping_entities_keep_the_first():
    e1, e2 = Entity(0, 5, "abcde", "ORG", "a:1"), Entity(3, 8, "defgh", "PER", "b:2")
    assert markup.entities_shown([e2, e1]) == [e1]


def test_http_url():
    assert markup.http_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil", None, ""):
        assert markup.http_url(bad) is None


@pytest.mark.parametrize("days, first, last, n", [
    (["2017-04-18", "2017-04-20", None], "2017-04-18", "2017-04-20", 3),
    (["2015-06-02", "2017-04-18"], "2015-06", "2017-04", 23),
    (["2001-01-01", "2017-04-18"], "2001", "2017", 17),
    ([None], None, None, 0),
])
def test_buckets(days, first, last, n):
    out = charts.buckets(days)
    assert len(out) == n
    if n:
        assert out[0]["period"] == first and out[-1]["period"] == last
        assert sum(p["articles"] for p in out) == sum(1 for d in days if d)


def test_timeline_svg():
    svg = str(charts.timeline(charts.buckets(["2017-04-18", "2017-04-18", "2017-04-20"]), label="<x>"))
    assert svg.startswith("<svg") and svg.count('class="bar"') == 3
    assert "&lt;x&gt;" in svg and "<x>" not in svg
    assert charts.timeline([]) == ""


def _drawn(svg: str):
    """The edge lines and the node label boxes of a graph, as the SVG places them."""
    lines = [tuple(map(float, m)) for m in re.findall(
        r'<line class="[^"]*" x1="([\d.-]+)" y1="([\d.-]+)" x2="([\d.-]+)" y2="([\d.-]+)"', svg)]
    boxes = [(charts._box(float(x), float(y), anchor, html.unescape(text), "node"), html.unescape(text))
             for x, y, anchor, text in re.findall(r'/><text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(\w+)">([^<]*)<', svg)]
    return lines, boxes


@pytest.mark.parametrize("n", [2, 3, 4, 5, 8, 12])
def test_graph_node_labels_cross_no_edge(n):
    """Two actors beside the middle one sit above and below it: the middle label went on the lower edge; with
    five or more the edges leave no side of the middle free unless the sector below it is kept for its label."""
    center = charts.Node("grp:isis", "تنظيم الدولة الإسلامية")
    others = [charts.Node(f"a:{i}", f"فاعل رقم {i}", f"/actors/a:{i}") for i in range(n)]
    edges = [charts.Edge("grp:isis" if i % 2 else f"a:{i}", f"a:{i}" if i % 2 else "grp:isis", "قتال", "FIGHT")
             for i in range(n)]
    lines, boxes = _drawn(str(charts.graph(center, others, edges)))
    assert len(lines) == n and len(boxes) == n + 1
    for box, text in boxes:
        assert not any(charts._crosses(box, line) for line in lines), f"an edge crosses the label {text!r}"
    for i, (a, _) in enumerate(boxes):
        assert all(a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1] for b, _ in boxes[i + 1:])


def test_crossing_test():
    box = (0.0, 0.0, 10.0, 10.0)
    assert charts._crosses(box, (5, -5, 5, 15)) and charts._crosses(box, (2, 2, 3, 3))
    assert not charts._crosses(box, (12, -5, 12, 15)) and not charts._crosses(box, (-5, 12, 20, 30))


def test_graph_svg():
    center = charts.Node("grp:isis", "داعش")
    others = [charts.Node("grp:al-qaeda", "<القاعدة>", "/actors/grp:al-qaeda"), charts.Node("loc:mosul", "الموصل")]
    edges = [charts.Edge("grp:isis", "grp:al-qaeda", "CONSULT", "CONSULT"),
             charts.Edge("grp:isis", "loc:mosul", "", "co", 3)]
    svg = str(charts.graph(center, others, edges))
    assert 'href="/actors/grp:al-qaeda"' in svg and "CONSULT" in svg and "&lt;القاعدة&gt;" in svg
    assert 'class="edge co"' in svg and 'marker-end="url(#arrow)"' in svg
    assert charts.graph(center, [], []) == ""


def _edge_labels(svg: str):
    return [(charts._box(float(x), float(y), "middle", html.unescape(text), "edge"), html.unescape(text))
            for x, y, text in re.findall(r'<text class="edge-label" x="([\d.-]+)" y="([\d.-]+)" text-anchor="middle">'
                                         r'([^<]*)<', svg)]


@pytest.mark.parametrize("into", [(0, 1, 2), (0, 1, 2, 3), (1, 2, 3), (0, 2, 4, 6), (5, 6, 7, 8)])
def test_graph_edge_labels_cross_no_other_relation(into):
    """Relations of neighbouring actors converge on the middle one: a label placed along its own arrow must not
    lie across another arrow (on the 55k store «اعتداء، قتال، احتجاج» had the next arrow through it)."""
    center = charts.Node("grp:houthis", "جماعة الحوثي")
    others = [charts.Node(f"a:{i}", f"فاعل رقم {i}", f"/actors/a:{i}") for i in range(12)]
    names = ["اعتداء، قتال، احتجاج", "اعتداء", "تأييد", "اعتداء", "قتال"]
    edges = [charts.Edge(f"a:{i}", "grp:houthis", names[k % len(names)], "FIGHT") for k, i in enumerate(into)]
    edges += [charts.Edge("grp:houthis", f"a:{i}", "", "co", 2) for i in range(12) if i not in into]
    svg = str(charts.graph(center, others, edges))
    relation_lines = [tuple(map(float, m)) for m in re.findall(
        r'<line class="edge rel[^"]*" x1="([\d.-]+)" y1="([\d.-]+)" x2="([\d.-]+)" y2="([\d.-]+)"', svg)]
    labels = _edge_labels(svg)
    assert len(labels) == len(into)  # every relation keeps its label
    for k, (box, text) in enumerate(labels):
        others_lines = [line for j, line in enumerate(relation_lines) if j != k]
        assert not any(charts._crosses(box, line) for line in others_lines), f"an arrow crosses the label {text!r}"
