"""HTML pages: trafilatura finds the main text and the page metadata; our Arabic rules run on top."""
from __future__ import annotations

import trafilatura

from ..errors import InputError


def extract(html: str, *, url: str | None = None) -> tuple[str, dict[str, str]]:
    """(main text with one paragraph a line, page metadata hints)."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except (ValueError, TypeError, AttributeError) as err:  # malformed markup that lxml cannot repair
        raise InputError(f"the HTML could not be parsed: {err}", hint="check that the file is a complete page") from err
    if doc is None:
        raise InputError("no article text was found in the HTML page", hint="is this an article page?")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError("no article text was found in the HTML page", hint="is this an article page?")
    hints = {}
    for name in ("title", "date", "author", "url", "sitename", "description"):
        value = data.get(name)
        if value:
            hints[name] = str(value)
    return text, hints
