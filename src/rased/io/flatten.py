"""HTML nested deeper than the parser goes: the elements below a depth are dropped, their text kept.

libxml2 (under lxml and trafilatura) stops reading a page at 256 levels of nesting, so a page nested deeper (a
template that never closes its «div», or a hostile page) would give no text at all. ``flatten`` rewrites such a
page in one streaming pass: the start and end tags of the elements nested deeper than ``MAX_DEPTH`` are left out,
a block element among them becomes a line break, and their text stays where it was (a dropped script or style
with its content: it is no text).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

MAX_DEPTH = 200  # under libxml2's 256, leaving room for the elements the parser adds itself

# Elements that have no end tag (HTML's void elements) and elements that end a line of text; a kept tag is
# written as it came, a dropped block element as a line break.
ELEMENT_KINDS = {
    "void": ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
             "track", "wbr"),
    "block": ("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
              "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav", "ol", "p",
              "pre", "section", "table", "td", "th", "tr", "ul"),
}
_VOID = frozenset(ELEMENT_KINDS["void"])
_BLOCK = frozenset(ELEMENT_KINDS["block"])


def validate() -> list[str]:
    """Problems of the element table (empty when sound): lower-case names, none of two kinds or written twice."""
    problems = [f"{kind}: {name!r} is not a lower-case element name"
                for kind, names in ELEMENT_KINDS.items() for name in names if not (name.isalnum() and name.islower())]
    problems += [f"{name}: both void and block" for name in _VOID & _BLOCK]
    problems += [f"{kind}: {name} written twice" for kind, names in ELEMENT_KINDS.items()
                 for name, n in Counter(names).items() if n > 1]
    return problems


@dataclass(slots=True, frozen=True)
class Flat:
    html: str
    depth: int  # the deepest nesting seen
    dropped: int  # start tags left out


def flatten(html: str, max_depth: int = MAX_DEPTH) -> Flat:
    """``html`` with every element nested deeper than ``max_depth`` reduced to its text."""
    writer = _Writer(max_depth)
    writer.feed(html)
    writer.close()
    return Flat("".join(writer.out), writer.deepest, writer.dropped)


class _Writer(HTMLParser):
    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.max_depth = max_depth
        self.out: list[str] = []
        self.stack: list[str] = []
        self.open: Counter[str] = Counter()  # open elements by name: an end tag's match found without a scan
        self.deepest = 0
        self.dropped = 0
        self.hidden: str | None = None  # a script or style whose tags were dropped: its content goes too

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VOID:
            self.out.append(self.get_starttag_text() or "")
            return
        self.stack.append(tag)
        self.open[tag] += 1
        self.deepest = max(self.deepest, len(self.stack))
        if len(self.stack) <= self.max_depth:
            self.out.append(self.get_starttag_text() or "")
        else:
            self.dropped += 1
            self.out.append("\n" if tag in _BLOCK else "")
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.hidden = tag

    def handle_startendtag(self, tag: str, attrs) -> None:
        if len(self.stack) < self.max_depth:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if not self.open[tag]:
            return  # an end tag that closes nothing: the parsers ignore it too
        while self.stack:  # elements left open inside it close with it, as a browser closes them
            name = self.stack.pop()
            self.open[name] -= 1
            if name == self.hidden:
                self.hidden = None
            if len(self.stack) < self.max_depth:
                self.out.append(f"</{name}>")
            elif name in _BLOCK:
                self.out.append("\n")
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        # inside a kept script or style the content is raw; elsewhere a «<» that opened no tag stays text
        self.out.append(data if self.cdata_elem else data.replace("<", "&lt;").replace(">", "&gt;"))

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")
