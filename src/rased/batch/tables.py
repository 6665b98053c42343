"""The Parquet tables of a batch output, one file per table per shard: ``OUT/<table>/shard=NNNNNN/part.parquet``.

``articles`` holds one row per input document that became an article: its locator and raw hash (what the
store's ``inputs`` table records), flat metadata, the full JSON record (``record``: ``rased load`` and
``from_dict`` rebuild the exact ``Article`` from it) and, unless switched off, the precomputed search keys
(``title_keys``, ``body_keys``, ``minhash``, ``story_terms``, ``key_version``) so loading does no text work.
``entities``, ``quotes`` and ``relations`` have the columns of ``rased export`` (spans into the article's
text; ``entities`` adds ``cluster``); ``problems`` lists what stages noticed; ``failures`` the documents that could not be
read or analysed, with the reason.

The shard number is not a column: it is in the folder name (``shard=NNNNNN``), which Arrow, DuckDB and
pandas read as a hive partition (``pyarrow.parquet.read_table("OUT/entities")``).

Every file is written under a hidden temporary name and renamed into place, so a reader never sees half a
file, and a shard written twice (a retried task) ends as one copy.
"""
from __future__ import annotations

import json

import os
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..record import Article
from ..store import export
from ..store.model import Precomputed, record_json

TABLES = ("articles", "entities", "quotes", "relations", "problems", "failures")
PART = "part.parquet"

_TYPES = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "bytes": pa.binary(),
          "strs": pa.list_(pa.string())}

_ARTICLE_EXTRA = ("duplicate_of", "similarity", "story_id", "ingested_at")  # store fields: not known in a batch

COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [("seq", "int"), ("locator", "str"), ("raw_hash", "str"), ("article_id", "str")]
    + [(c, t) for c, t in export.COLUMNS["articles"] if c not in _ARTICLE_EXTRA and c != "id"]
    + [("n_problems", "int"), ("record", "str"), ("title_keys", "strs"), ("body_keys", "strs"),
       ("minhash", "bytes"), ("story_terms", "str"), ("key_version", "str"), ("ner", "str")],
    "entities": [*export.COLUMNS["entities"], ("cluster", "str")],
    "quotes": [*export.COLUMNS["quotes"]],
    "relations": [*export.COLUMNS["relations"]],
    "problems": [("article_id", "str"), ("code", "str"), ("message", "str"), ("start", "int"),
                 ("end", "int")],
    "failures": [("seq", "int"), ("locator", "str"), ("raw_hash", "str"), ("code", "str"),
                 ("reason", "str")],
}


def schema(table: str) -> pa.Schema:
    return pa.schema([(c, _TYPES[t]) for c, t in COLUMNS[table]])


def article_rows(
    article: Article, seq: int, locator: str, raw_hash: str, pre: Precomputed | None
) -> dict[str, list[dict[str, Any]]]:
    """The rows one analysed document adds to each table."""
    flat = export.rows(article, {})
    head = flat["articles"][0]
    row = {"seq": seq, "locator": locator, "raw_hash": raw_hash, "article_id": article.id}
    row.update({k: v for k, v in head.items() if k not in _ARTICLE_EXTRA and k != "id"})
    row["n_problems"] = len(article.problems)
    # the NER spans, for `rased relink` once loaded (JSON, as the store keeps them)
    row["ner"] = json.dumps([list(x) for x in article.ner], ensure_ascii=False) if article.ner else None
    if pre is not None:
        row.update(record=pre.record, title_keys=list(pre.title_keys), body_keys=list(pre.body_keys),
                   minhash=pre.signature, story_terms=pre.story_terms, key_version=pre.key_version)
    else:
        row["record"] = record_json(article)
    out: dict[str, list[dict[str, Any]]] = {"articles": [row]}
    for table in ("entities", "quotes", "relations"):
        out[table] = list(flat[table])
    for r, e in zip(out["entities"], article.entities or ()):
        r["cluster"] = e.cluster
    out["problems"] = [
        {"article_id": article.id, "code": p.code, "message": p.message, "start": p.start, "end": p.end}
        for p in article.problems
    ]
    return out


def shard_dir(out: str | Path, table: str, shard: int) -> Path:
    return Path(out) / table / f"shard={shard:06d}"


def write(out: str | Path, table: str, shard: int, rows: list[dict[str, Any]]) -> Path:
    """Write one table of one shard atomically (temporary name, then rename); returns the final path."""
    folder = shard_dir(out, table, shard)
    folder.mkdir(parents=True, exist_ok=True)
    sch = schema(table)
    data = pa.Table.from_pylist(rows, schema=sch) if rows else sch.empty_table()
    final = folder / PART
    tmp = folder / f".{PART}.{uuid.uuid4().hex}"
    try:
        pq.write_table(data, tmp, compression="zstd")
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return final


def remove_temporaries(out: str | Path) -> int:
    """Delete the hidden temporary files that workers killed while writing left behind (only call it
    while no task of the job runs); returns how many."""
    count = 0
    for table in TABLES:
        for stale in Path(out).glob(f"{table}/shard=*/.{PART}.*"):
            stale.unlink(missing_ok=True)
            count += 1
    return count


def read(out: str | Path, table: str, shard: int, columns: list[str] | None = None) -> pa.Table:
    return pq.read_table(shard_dir(out, table, shard) / PART, columns=columns)


def column_names(out: str | Path, table: str, shard: int) -> list[str]:
    """The columns one shard's file has (outputs of earlier versions may lack newer ones)."""
    return pq.read_schema(shard_dir(out, table, shard) / PART).names
