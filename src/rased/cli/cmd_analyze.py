"""`rased analyze PATH|-`: one article in, its JSON record (or a readable view) out."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..errors import InputError
from ..settings import DEFAULT, BudgetSettings, EntitySettings, InputSettings, Settings
from .arguments import positive


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="analyze one article (text or HTML, UTF-8 or windows-1256; or a corpus, "
                                       "feed or WARC file of one)",
                       description="Analyze one article and print its record as JSON.")
    p.add_argument("path", help="a file, or - for standard input")
    p.add_argument("--url", help="the article's address, if known")
    p.add_argument("--fetched-at", help="when the page was fetched (ISO 8601): the reference for «منذ 3 ساعات»")
    p.add_argument("--format", choices=("json", "text"), default="json", help="JSON record or a readable view")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument("--explain", action="store_true",
                   help="instead of the record, each quote and relation with the rule and the clause it came from")
    p.add_argument("--max-bytes", type=int, default=DEFAULT.input.max_bytes, help="refuse larger inputs")
    p.add_argument("--max-chars", type=positive, default=DEFAULT.budget.max_chars, metavar="N",
                   help=f"analyse at most the first N characters of the text, recording the cut as a problem "
                        f"(default {DEFAULT.budget.max_chars:,})")
    p.add_argument("--ner", default="accurate", metavar="MODEL",
                   help="NER model: accurate (BiLSTM-CRF, default), fast (feature CRF), or a model folder")
    p.add_argument("--actors", metavar="FILE|DB", help="your own actors, linked beside the shipped registry: a CSV "
                                                      "or JSONL file in the registry's schema, or a store's registry")
    p.set_defaults(func=run)


def read_input(path: str, max_bytes: int) -> bytes:
    """The bytes of ``path`` (``-``: standard input), never more than ``max_bytes`` read: a larger input is refused."""
    from ..io.decode import too_large

    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise too_large(None, max_bytes)
        return data
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {path}", hint="check the path")
    if p.is_dir():
        raise InputError(f"{path} is a folder", hint="analyze takes one file; use `rased ingest` for a folder")
    try:
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                stat = os.fstat(fh.fileno())
                raise too_large(stat.st_size if stat.st_size > max_bytes else None, max_bytes)  # a device: no size
            return data
    except OSError as err:
        raise InputError(f"cannot read {path}: {err.strerror}") from err


def _one_document(path: str, data: bytes):
    """The document of a corpus, feed or archive file (ANT/TREC, JSON lines, RSS/Atom, WARC) that holds exactly
    one; ``None`` for a plain text or HTML article; a clear error for a file of several."""
    from ..ingest import readers

    name = "" if path == "-" else Path(path).name
    if len(data) > DEFAULT.input.max_bytes or not data.strip():
        return None  # the pipeline's own checks say what is wrong
    fmt = readers.kind(name, data)
    if fmt in (None, "text", "html"):
        return None
    found = list(readers.documents(path, name, data))
    docs = [d for d in found if isinstance(d, readers.Doc)]
    if len(found) == 1 and not docs:
        raise InputError(f"{path}: {found[0].reason}")
    if len(docs) != 1 or docs[0].record is not None:
        raise InputError(f"{path} is a {fmt} file with {len(found)} documents, not one article",
                         hint="`rased analyze` takes one article; read a corpus with `rased ingest`")
    return docs[0]


def run(args: argparse.Namespace) -> int:
    from ..pipeline import analyze  # imported here so that `rased --help` starts fast
    from ..record import to_dict
    from . import text_view

    from .cmd_actors import actors_from

    actors = actors_from(args.actors)
    settings = Settings(input=InputSettings(max_bytes=args.max_bytes),
                        entities=EntitySettings(model=args.ner, actors=actors),
                        budget=BudgetSettings(max_chars=args.max_chars))
    data = read_input(args.path, args.max_bytes)
    doc = _one_document(args.path, data)
    if doc is None:
        article = analyze(data, url=args.url, fetched_at=args.fetched_at, settings=settings)
    else:  # a corpus or feed file holding one article: its fields say what the bytes alone cannot
        from ..ingest import note_replaced

        article = note_replaced(analyze(doc.data, url=args.url or doc.url, fetched_at=args.fetched_at or doc.fetched_at,
                                        source=doc.source, title=doc.title, published=doc.published, settings=settings), doc)
    if args.explain:
        sys.stdout.write(text_view.explain(article))
    elif args.format == "text":
        sys.stdout.write(text_view.render(article))
    else:
        json.dump(to_dict(article), sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
        sys.stdout.write("\n")
    return 0
