"""HTML pages: trafilatura finds the main text and the page metadata; our Arabic rules run on top."""
from __future__ import annotations

import lxml.etree
import lxml.html
import trafilatura

from ..errors import InputError
from .flatten import MAX_DEPTH, flatten


def extract(html: str, *, url: str | None = None) -> tuple[str, dict[str, str], list[str]]:
    """(main text with one paragraph a line, page metadata hints, what had to give way: a page nested deeper
    than the parser reads is flattened first, and says so)."""
    root, too_deep = _parse(html)
    notes = []
    if too_deep:
        flat = flatten(html)
        html = flat.html
        root, _ = _parse(html)
        notes.append(f"the HTML nests {flat.depth:,} levels deep; below level {MAX_DEPTH} its {flat.dropped:,} "
                     "elements were read as plain text")
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
            # Dates only from the page's metadata: the extensive search takes a footer's «© 2017» for a date.
            date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"},
        )
    except (ValueError, TypeError, AttributeError) as err:  # malformed markup that lxml cannot repair
        raise InputError(f"the HTML could not be parsed: {err}", hint="check that the file is a complete page") from err
    if doc is None:
        raise InputError("no article text was found in the HTML page", hint="is this an article page?")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError("no article text was found in the HTML page", hint="is this an article page?")
    if str(data.get("date") or "").endswith("T00:00:00"):
        data["date"] = data["date"][:10]  # a date-only field, not midnight
    hints = {}
    for name in ("title", "date", "author", "url", "sitename", "description"):
        value = data.get(name)
        if value:
            hints[name] = str(value)
    lines = short_lines(root) if root is not None else []
    if lines:
        hints["page_lines"] = "\n".join(lines)
    return text, hints, notes


def _parse(html: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    """The page's tree (None when lxml cannot read it), and whether the parser stopped at its depth limit."""
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.fromstring(html, parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return None, False
    return root, any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def short_lines(root: lxml.html.HtmlElement, limit: int = 60) -> list[str]:
    """The page's short visible lines (where sites print the date line outside the article text)."""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    lines = []
    for piece in root.itertext():
        line = " ".join(piece.split())
        if 6 <= len(line) <= 120:
            lines.append(line)
            if len(lines) >= limit:
                break
    return lines
