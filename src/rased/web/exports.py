"""The hits of one search as a download: CSV (for a spreadsheet) or JSON lines (one hit a line, with spans).

The CSV starts with a UTF-8 byte order mark, so that a spreadsheet reads the Arabic as UTF-8, and a cell that
a spreadsheet would run as a formula (it starts with ``= + - @``, a tab or a carriage return) is written
with a leading apostrophe, as OWASP advises against CSV injection.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from ..store import Hit
from ..store.export import safe_cell

FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}
COLUMNS = ("rank", "id", "title", "source", "published", "url", "score", "duplicates", "group", "snippet")
BOM = "\ufeff"


def cell(value: object) -> str:
    """One CSV cell: text that a spreadsheet would take for a formula gets a leading apostrophe (the store's
    export rule)."""
    return safe_cell("" if value is None else str(value))


def _row(rank: int, h: Hit) -> list[str]:
    values = (rank, h.id, h.title, h.source, h.published, h.url, round(h.score, 4), h.duplicates, h.group,
              " ".join(h.snippet.text.split()))
    return [cell(v) for v in values]


def csv_lines(hits: Iterable[Hit]) -> Iterator[str]:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(COLUMNS)
    yield BOM + buf.getvalue()
    for rank, h in enumerate(hits, 1):
        buf.seek(0)
        buf.truncate()
        out.writerow(_row(rank, h))
        yield buf.getvalue()


def jsonl_lines(hits: Iterable[Hit]) -> Iterator[str]:
    for rank, h in enumerate(hits, 1):
        yield json.dumps({"rank": rank, **h.to_dict()}, ensure_ascii=False) + "\n"


def lines(fmt: str, hits: Iterable[Hit]) -> Iterator[str]:
    return csv_lines(hits) if fmt == "csv" else jsonl_lines(hits)

