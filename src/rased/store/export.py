"""Export the store as flat tables (articles, entities, quotes, relations) in JSONL, CSV or Parquet.

Rows come from the stored records, so every span is an offset into the article's ``text`` column and the
quoted/evidence text is included beside it. JSONL also writes ``records.jsonl``: the full JSON records,
which ``rased ingest`` reads back unchanged.

CSV is written for spreadsheets as well as for programs (``CsvOptions``): a text cell that a spreadsheet would
run as a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, as the OWASP
advice on CSV injection says; ``bom`` starts the file with a UTF-8 mark so that Excel reads Arabic; a cell
longer than ``max_cell`` is cut with a marker and written whole to ``cells/`` beside the tables.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..record import Article, Mention, to_dict

FORMATS = ("jsonl", "csv", "parquet")
TABLES = ("articles", "entities", "quotes", "relations")

COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "str"), ("url", "str"), ("source", "str"), ("title", "str"), ("published", "str"),
        ("published_precision", "str"), ("author", "str"), ("text", "str"), ("duplicate_of", "str"),
        ("similarity", "float"), ("story_id", "str"), ("ingested_at", "str"), ("n_entities", "int"),
        ("n_quotes", "int"), ("n_relations", "int"),
    ],
    "entities": [
        ("article_id", "str"), ("start", "int"), ("end", "int"), ("text", "str"), ("type", "str"),
        ("actor_id", "str"), ("actor_name", "str"), ("actor_name_en", "str"), ("wikidata", "str"), ("score", "float"),
    ],
    "quotes": [
        ("article_id", "str"), ("speaker_text", "str"), ("speaker_actor_id", "str"), ("direct", "bool"),
        ("cue_start", "int"), ("cue_end", "int"), ("content_start", "int"), ("content_end", "int"), ("content", "str"),
    ],
    "relations": [
        ("article_id", "str"), ("type", "str"), ("source_text", "str"), ("source_actor_id", "str"),
        ("target_text", "str"), ("target_actor_id", "str"), ("attributed_to_text", "str"),
        ("attributed_to_actor_id", "str"), ("modality", "str"), ("trigger", "str"), ("evidence_start", "int"),
        ("evidence_end", "int"), ("evidence", "str"), ("event_time", "str"),
    ],
}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_MAX_CELL = 32_000  # Excel keeps at most 32,767 characters in a cell


@dataclass(slots=True, frozen=True)
class CsvOptions:
    bom: bool = False
    max_cell: int = 0  # 0: no limit

    @classmethod
    def excel(cls) -> CsvOptions:
        return cls(bom=True, max_cell=EXCEL_MAX_CELL)


def safe_cell(value: str) -> str:
    """A text cell that no spreadsheet runs as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _m(m: Mention | None) -> tuple[str | None, str | None]:
    return (m.text, m.actor_id) if m is not None else (None, None)


def rows(article: Article, info: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    a = article
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    out["articles"].append({
        "id": a.id, "url": a.url, "source": a.source, "title": a.title,
        "published": a.published.value if a.published else None,
        "published_precision": a.published.precision if a.published else None,
        "author": a.author, "text": a.text, "duplicate_of": info.get("duplicate_of"),
        "similarity": info.get("similarity"), "story_id": info.get("story_id"), "ingested_at": info.get("ingested_at"),
        "n_entities": len(a.entities or ()), "n_quotes": len(a.quotes or ()), "n_relations": len(a.relations or ()),
    })
    for e in a.entities or ():
        out["entities"].append({
            "article_id": a.id, "start": e.start, "end": e.end, "text": e.text, "type": e.type, "actor_id": e.actor_id,
            "actor_name": e.actor.name_ar if e.actor else None, "actor_name_en": e.actor.name_en if e.actor else None,
            "wikidata": e.actor.wikidata if e.actor else None, "score": e.score,
        })
    for q in a.quotes or ():
        out["quotes"].append({
            "article_id": a.id, "speaker_text": q.speaker_text, "speaker_actor_id": q.speaker.actor_id if q.speaker else None,
            "direct": q.direct, "cue_start": q.cue_start, "cue_end": q.cue_end, "content_start": q.content_start,
            "content_end": q.content_end, "content": a.text[q.content_start : q.content_end],
        })
    for r in a.relations or ():
        (st, sa), (tt, ta), (at, aa) = _m(r.source), _m(r.target), _m(r.attributed_to)
        out["relations"].append({
            "article_id": a.id, "type": r.type, "source_text": st, "source_actor_id": sa, "target_text": tt,
            "target_actor_id": ta, "attributed_to_text": at, "attributed_to_actor_id": aa, "modality": r.modality,
            "trigger": r.trigger, "evidence_start": r.evidence_start, "evidence_end": r.evidence_end,
            "evidence": a.text[r.evidence_start : r.evidence_end], "event_time": r.event_time,
        })
    return out


class _Writer:
    def __init__(self, fmt: str, path: Path, table: str, options: CsvOptions | None = None):
        self.fmt, self.path, self.table, self.count = fmt, path, table, 0
        self.options = options or CsvOptions()
        self.columns = [c for c, _ in COLUMNS[table]]
        self.buffer: list[dict[str, Any]] = []
        self.pq = None
        if fmt == "jsonl":
            self.fh = open(path, "w", encoding="utf-8")
        elif fmt == "csv":
            self.fh = open(path, "w", encoding="utf-8-sig" if self.options.bom else "utf-8", newline="")
            self.csv = csv.DictWriter(self.fh, fieldnames=self.columns)
            self.csv.writeheader()

    def write(self, row: dict[str, Any]) -> None:
        self.count += 1
        if self.fmt == "jsonl":
            self.fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            self.csv.writerow({c: self._cell(c, v) for c, v in row.items()})
        else:
            self.buffer.append(row)
            if len(self.buffer) >= 2000:
                self._flush_parquet()

    def _cell(self, column: str, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        limit = self.options.max_cell
        if limit and len(value) > limit:
            name = f"{self.table}-{self.count}-{column}.txt"
            folder = self.path.parent / "cells"
            folder.mkdir(exist_ok=True)
            (folder / name).write_text(value, encoding="utf-8")
            marker = f" … [cut: {len(value):,} characters; whole in cells/{name}]"
            value = value[: max(0, limit - len(marker))] + marker
        return safe_cell(value)

    def _schema(self):
        import pyarrow as pa

        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
        return pa.schema([(c, types[t]) for c, t in COLUMNS[self.table]])

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = self._schema()
        if self.pq is None:
            self.pq = pq.ParquetWriter(self.path, schema, compression="zstd")
        if self.buffer:
            cols = {c: [r.get(c) for r in self.buffer] for c in self.columns}
            self.pq.write_table(pa.Table.from_pydict(cols, schema=schema))
            self.buffer.clear()

    def close(self) -> None:
        if self.fmt == "parquet":
            self._flush_parquet()
            self.pq.close()
        else:
            self.fh.close()


def export(store, fmt: str, out: str | Path, *, tables: tuple[str, ...] = TABLES, duplicates: bool = True,
           csv_options: CsvOptions | None = None) -> dict[str, int]:
    """Write ``out/<table>.<fmt>`` for each table; returns rows written per file."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}", hint="one of " + ", ".join(FORMATS))
    bad = [t for t in tables if t not in TABLES]
    if bad:
        raise InputError(f"unknown table {bad[0]!r}", hint="tables: " + ", ".join(TABLES))
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} exists and is not a folder", hint="--out names a folder for the exported files")
    out.mkdir(parents=True, exist_ok=True)
    writers = {t: _Writer(fmt, out / f"{t}.{fmt}", t, csv_options) for t in tables}
    records = open(out / "records.jsonl", "w", encoding="utf-8") if fmt == "jsonl" else None
    counts: dict[str, int] = {}
    try:
        for article, info in _articles(store, duplicates):
            if records:
                records.write(json.dumps(to_dict(article), ensure_ascii=False) + "\n")
                counts["records.jsonl"] = counts.get("records.jsonl", 0) + 1
            for table, table_rows in rows(article, info).items():
                if table in writers:
                    for r in table_rows:
                        writers[table].write(r)
    finally:
        for w in writers.values():
            w.close()
        if records:
            records.close()
    counts.update({w.path.name: w.count for w in writers.values()})
    return counts


def _articles(store, duplicates: bool) -> Iterator[tuple[Article, dict[str, Any]]]:
    yield from store.articles(duplicates=duplicates)
