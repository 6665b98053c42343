"""Scale-out commands: `rased batch` (analyse shards on Dask workers into Parquet) and `rased load`.

Thin shells over ``rased.batch``; the summary goes to stderr (or JSON on stdout with ``--json``).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from ..errors import InputError
from .arguments import positive


def register(sub: argparse._SubParsersAction) -> None:
    from ..ingest.readers import FORMATS

    p = sub.add_parser(
        "batch", help="analyse a corpus on Dask workers into Parquet tables (resumable)",
        description="Cut the inputs into shards, analyse them on Dask workers and write Parquet tables "
                    "(articles, entities, quotes, relations, problems, failures) partitioned by shard, with "
                    "OUT/manifest.json. A re-run skips finished shards. Load the result with `rased load`.",
    )
    p.add_argument("paths", nargs="+", metavar="INPUT", help="files or folders (JSONL, WARC, text/HTML, ...)")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (shared by all workers)")
    p.add_argument("--scheduler", default="local",
                   help="`local` (a LocalCluster on this machine, default), `serial` (this process, no Dask) "
                        "or a Dask scheduler address tcp://HOST:PORT")
    p.add_argument("--workers", type=positive, default=None,
                   help="local: worker processes, one thread each (default: the number of CPU cores)")
    p.add_argument("--shard-size", type=positive, default=1000, help="documents per shard (default 1000)")
    p.add_argument("--format", choices=FORMATS, default="auto", help="input format (default: detected per file)")
    p.add_argument("--text-field", help="JSONL/JSON: the field that holds the article text")
    p.add_argument("--no-search-keys", action="store_true",
                   help="do not precompute the store's search keys (smaller output; `rased load` computes them)")
    p.add_argument("--redo-stale", action="store_true", help="re-run finished shards made by another code version")
    p.add_argument("--actors", metavar="FILE|DB", help="your own actors, linked beside the shipped registry: a CSV "
                                                      "or JSONL file in the registry's schema, or a store's registry")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    p.set_defaults(func=run_batch_command)

    p = sub.add_parser(
        "load", help="bulk-load a `rased batch` output into the store",
        description="Put every finished shard of a batch output into SQLite or PostgreSQL (idempotent: "
                    "content-hash ids; a re-run adds only what is new), with the search index.",
    )
    p.add_argument("out", metavar="DIR", help="the folder `rased batch --out` wrote")
    p.add_argument("--db", default=None,
                   help="the store: a file (default rased.db, or $RASED_DB), sqlite:///PATH or postgresql://...")
    p.add_argument("--batch-size", type=positive, default=1000, help="articles per transaction (default 1000)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    p.set_defaults(func=run_load_command)


def _bar(args: argparse.Namespace, label: str):
    """A rich progress bar on stderr, or None when quiet or not a terminal."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(label), BarColumn(), TextColumn("{task.fields[info]}"), TimeElapsedColumn(),
                    console=Console(stderr=True))


def run_batch_command(args: argparse.Namespace) -> int:
    from ..batch import run_batch
    from ..batch import runner as runners

    if args.scheduler not in ("local", "serial") and "://" not in args.scheduler:
        raise InputError(f"unknown scheduler {args.scheduler!r}", hint="--scheduler local, serial or tcp://HOST:PORT")
    if args.workers and args.scheduler not in ("local",):
        print("rased: --workers applies to --scheduler local only; ignored", file=sys.stderr)
    with runners.make(args.scheduler, args.workers) as runner:
        bar = _bar(args, "batch")
        if bar is None:
            summary = _run(args, run_batch, runner, None)
        else:
            with bar:
                task = bar.add_task("batch", total=None, info="")

                def update(s) -> None:
                    bar.update(task, total=s.shards - s.skipped, completed=s.done + len(s.failed),
                               info=f"{s.done + s.skipped}/{s.shards} shards · {s.documents} docs · "
                                    f"{s.rate:.1f} docs/s · {len(s.failed)} failed")

                summary = _run(args, run_batch, runner, update)
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False))
    d = summary.to_dict()
    print(
        f"batch: {d['shards']} shards ({d['skipped']} already done, {d['done']} now, {len(d['failed'])} failed) · "
        f"{d['documents']} documents → {d['articles']} articles, {d['failures']} failures · "
        f"{d['seconds']:.1f} s · {d['documents_per_second']:.1f} docs/s on {d['workers']} workers "
        f"({d['documents_per_core_second']:.1f} per core)",
        file=sys.stderr,
    )
    if summary.stale:
        print(f"rased: {summary.stale} finished shards were made by another code version "
              "(--redo-stale re-runs them)", file=sys.stderr)
    for shard, error in summary.failed[:10]:
        print(f"rased: shard {shard:06d} failed: {error}", file=sys.stderr)
    if summary.failed:
        print(f"rased: {len(summary.failed)} shards failed; run the same command again to retry them", file=sys.stderr)
        return 1
    return 0


def _run(args, run_batch, runner, progress):
    from .cmd_actors import actors_from

    return run_batch(
        args.paths, args.out, runner, shard_size=args.shard_size, format=args.format, text_field=args.text_field,
        search_keys=not args.no_search_keys, redo_stale=args.redo_stale, progress=progress,
        actors=actors_from(args.actors),
    )


def run_load_command(args: argparse.Namespace) -> int:
    from ..batch import load
    from ..store import open_store

    with open_store(args.db or os.environ.get("RASED_DB", "rased.db")) as store:
        bar = _bar(args, "load")
        if bar is None:
            summary = load(args.out, store, batch_size=args.batch_size)
        else:
            with bar:
                task = bar.add_task("load", total=None, info="")

                def update(s) -> None:
                    bar.update(task, info=f"{s.shards} shards · {s.rows} rows · {s.stored} stored · "
                                          f"{s.rate:.0f} rows/s")

                summary = load(args.out, store, batch_size=args.batch_size, progress=update)
        stats = store.stats()
    if args.json:
        print(json.dumps({**summary.to_dict(), "store": stats}, ensure_ascii=False))
    d = summary.to_dict()
    print(
        f"load: {d['shards']} shards · {d['rows']} articles read → {d['stored']} stored, {d['existing']} already "
        f"stored, {d['skipped']} inputs skipped, {d['duplicates']} near-duplicates, {d['failed']} failures · "
        f"{d['seconds']:.1f} s ({d['rows_per_second']:.0f}/s) · store: {stats['articles']} articles",
        file=sys.stderr,
    )
    return 0
