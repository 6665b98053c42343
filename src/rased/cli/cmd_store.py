"""Store commands: `rased ingest`, `search`, `stories`, `actors`, `actor`, `export`.

Each is a thin shell over ``rased.store`` / ``rased.ingest``; results go to stdout (a table, or JSON with
``--json``), progress and summaries to stderr.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from ..errors import InputError
from .arguments import positive

DB_HELP = "the store: a file (default rased.db, or $RASED_DB), sqlite:///PATH or postgresql://..."


def _db_default() -> str:
    return os.environ.get("RASED_DB", "rased.db")


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=None, help=DB_HELP)


def register(sub: argparse._SubParsersAction) -> None:
    from ..ingest.readers import FORMATS
    from ..store.export import FORMATS as EXPORT_FORMATS, TABLES

    p = sub.add_parser("ingest", help="analyse files, folders, feeds, WARCs or corpora into the store",
                       description="Read inputs, analyse every article and store it (idempotent: a re-run adds only what is new).")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (read recursively); archives are unpacked")
    _add_db(p)
    p.add_argument("--format", choices=FORMATS, default="auto", help="input format (default: detected per file)")
    p.add_argument("--text-field", help="JSONL/JSON: the field that holds the article text")
    p.add_argument("--batch-size", type=positive, default=200, help="documents per transaction (default 200)")
    p.add_argument("--reindex", action="store_true", help="recompute every stored article's search keys")
    p.add_argument("--ner", default="accurate", metavar="MODEL",
                   help="NER model: accurate (BiLSTM-CRF, default), fast (feature CRF), or a model folder")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    p.set_defaults(func=run_ingest)

    p = sub.add_parser("search", help="full-text search (Arabic-aware) with filters",
                       description='Search stored articles. Every word must match (any clitic form: «الموصل» finds '
                                   '«بالموصل»); "quoted words" match as a phrase. Near-duplicates are folded.')
    p.add_argument("query", help='words and "quoted phrases"')
    _add_db(p)
    p.add_argument("--actor", help="only articles that mention this actor id")
    p.add_argument("--type", help="only articles with an entity (PER, ORG, LOC, ...) or relation (ASSAULT, ...) of this type")
    p.add_argument("--source", help="only this outlet")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before (YYYY-MM-DD)")
    p.add_argument("--limit", type=positive, default=20, help="hits to show (default 20)")
    p.add_argument("--offset", type=int, default=0, help="skip this many hits")
    p.add_argument("--json", action="store_true", help="JSON lines: one hit per line with spans")
    p.set_defaults(func=run_search)

    p = sub.add_parser("stories", help="articles of different outlets about the same event",
                       description="Cluster stored articles into stories (same event, close in time, ≥ 2 outlets).")
    _add_db(p)
    p.add_argument("--window-days", type=float, default=2.0, help="how far apart articles of one story may be (default 2)")
    p.add_argument("--min-sources", type=positive, default=2, help="outlets a story needs (default 2)")
    p.add_argument("--rebuild", action="store_true", help="recluster even if nothing changed")
    p.add_argument("--limit", type=positive, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_stories)

    p = sub.add_parser("actors", help="actors mentioned in the store, by number of articles",
                       description="Without ACTION: the linked actors by number of articles. ACTION works on the "
                                   "store's own registry: add, import, list, candidates.")
    _add_db(p)
    p.add_argument("--type", help="only mentions of this entity type (PER, ORG, GPE, ...)")
    p.add_argument("--name", help="only actors whose name contains this")
    p.add_argument("--limit", type=positive, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_actors)
    from .cmd_actors import add_subcommands

    add_subcommands(p)  # rased actors add|import|list|candidates: the store's own registry

    p = sub.add_parser("actor", help="one actor: names, articles, co-actors, relations, quotes")
    p.add_argument("actor_id", metavar="ID")
    _add_db(p)
    p.add_argument("--limit", type=positive, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_actor)

    p = sub.add_parser("export", help="export articles, entities, quotes and relations",
                       description="Write OUT/articles.FMT, entities.FMT, quotes.FMT, relations.FMT "
                                   "(and records.jsonl, the full records, with --format jsonl).")
    _add_db(p)
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("--out", required=True, metavar="FOLDER")
    p.add_argument("--tables", default=",".join(TABLES), help="comma-separated subset of " + ",".join(TABLES))
    p.add_argument("--no-duplicates", action="store_true", help="leave out near-duplicate articles")
    p.set_defaults(func=run_export)


def _open(args: argparse.Namespace, create: bool = False):
    from ..store import open_store

    return open_store(args.db or _db_default(), create=create)


# ---------------------------------------------------------------------------------------------- ingest

def _analyzer(ner_model: str, store):
    """``analyze`` with the chosen NER model and the store's own actors (the default settings otherwise)."""
    import functools

    from ..ingest import settings_for
    from ..pipeline import analyze
    from ..settings import EntitySettings, Settings

    settings = settings_for(store, Settings(entities=EntitySettings(model=ner_model)))
    return functools.partial(analyze, settings=settings)


def run_ingest(args: argparse.Namespace) -> int:
    from ..ingest import ingest

    if not args.paths and not args.reindex:
        raise InputError("nothing to ingest", hint="give files or folders: rased ingest PATH...")
    with _open(args, create=True) as store:
        if args.reindex:
            n = store.reindex()
            print(f"reindexed {n} articles", file=sys.stderr)
        if not args.paths:
            return 0
        summary = _with_progress(args, lambda cb: ingest(
            args.paths, store, format=args.format, text_field=args.text_field, batch_size=args.batch_size, progress=cb,
            analyzer=_analyzer(args.ner, store),
        ))
        stats = store.stats()
    if args.json:
        print(json.dumps({**summary.to_dict(), "store": stats}, ensure_ascii=False))
    _print_summary(summary, stats)
    return 0


def _with_progress(args: argparse.Namespace, work):
    if args.quiet or not sys.stderr.isatty():
        return work(None)
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (
        SpinnerColumn(), TextColumn("{task.description}"), TextColumn("[bold]{task.completed}[/] read"),
        TextColumn("{task.fields[stored]} stored · {task.fields[failed]} failed"),
        TextColumn("[cyan]{task.fields[rate]:.1f} articles/s"), TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=None, stored=0, failed=0, rate=0.0)

        def update(s) -> None:
            bar.update(task, completed=s.read, stored=s.stored, failed=sum(s.reasons.values()), rate=s.rate)

        return work(update)


def _print_summary(summary, stats: dict[str, int]) -> None:
    err = sys.stderr
    print(
        f"read {summary.read} · stored {summary.stored} new · {summary.existing} already stored · "
        f"{summary.skipped} inputs skipped (seen before) · {summary.duplicates} near-duplicates · "
        f"{summary.failed} failed · {summary.rate:.1f} articles/s",
        file=err,
    )
    if summary.failed:
        reasons = ", ".join(f"{code}: {n}" for code, n in summary.reasons.most_common())
        print(f"failures by reason: {reasons}", file=err)
        for locator, reason in summary.examples[:10]:
            print(f"  {locator}: {reason}", file=err)
    print(f"store: {stats['articles']} articles ({stats['duplicates']} near-duplicates), {stats['failures']} failures recorded", file=err)


# ---------------------------------------------------------------------------------------------- search

def run_search(args: argparse.Namespace) -> int:
    with _open(args) as store:
        hits = store.search(
            args.query, actor=args.actor, type=args.type, source=args.source, date_from=args.date_from,
            date_to=args.date_to, limit=args.limit, offset=args.offset,
        )
    if args.json:
        for h in hits:
            print(json.dumps(h.to_dict(), ensure_ascii=False))
        return 0
    if not hits:
        print("no articles found", file=sys.stderr)
        return 0
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for i, h in enumerate(hits, 1 + args.offset):
        head = Text(f"{i}. ")
        head.append(_styled(h.title or "(no title)", h.title_highlights, 0, "bold"))
        console.print(head)
        meta = " · ".join(x for x in (h.source, (h.published or "")[:10], h.id, h.url) if x)
        if h.duplicates:
            meta += f" · +{h.duplicates} near-duplicate{'s' if h.duplicates > 1 else ''}"
        console.print(Text(meta, style="dim"))
        s = h.snippet
        console.print(_styled(s.text, s.highlights, s.start, ""))
        console.print()
    return 0


def _styled(text: str, spans, offset: int, base: str):
    from rich.text import Text

    t = Text(text, style=base)
    for s, e in spans:
        t.stylize("bold yellow", s - offset, e - offset)
    return t


# ---------------------------------------------------------------------------------------------- stories/actors

def run_stories(args: argparse.Namespace) -> int:
    with _open(args) as store:
        stories = store.stories(window_days=args.window_days, rebuild=args.rebuild, limit=args.limit,
                                min_sources=args.min_sources)
    if args.json:
        for s in stories:
            print(json.dumps(s.to_dict(), ensure_ascii=False))
        return 0
    if not stories:
        print("no stories (no event reported by several outlets in the window)", file=sys.stderr)
    for s in stories:
        days = s.first_day if s.first_day == s.last_day else f"{s.first_day} … {s.last_day}"
        print(f"{s.id}  {days}  {len(s.articles)} articles from {len(s.sources)} outlets: {', '.join(s.sources)}")
        for a in s.articles[:8]:
            print(f"    {a.day}  {a.source or '-':<16} {a.title or '(no title)'}")
        if len(s.articles) > 8:
            print(f"    … {len(s.articles) - 8} more")
    return 0


def run_actors(args: argparse.Namespace) -> int:
    with _open(args) as store:
        actors = store.actors(type=args.type, name=args.name, limit=args.limit)
    if args.json:
        for a in actors:
            print(json.dumps(a.to_dict(), ensure_ascii=False))
        return 0
    if not actors:
        print("no linked actors in the store (articles without entities contribute nothing)", file=sys.stderr)
    for a in actors:
        en = f" ({a.name_en})" if a.name_en else ""
        print(f"{a.actor_id:<24} {a.type:<6} {a.articles:>6} articles {a.mentions:>7} mentions  {a.name}{en}")
    return 0


def run_actor(args: argparse.Namespace) -> int:
    with _open(args) as store:
        info = store.actor(args.actor_id, limit=args.limit)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    _print_actor(info)
    return 0


def _print_actor(info: dict[str, Any]) -> None:
    en = f" / {info['name_en']}" if info.get("name_en") else ""
    wd = f"  wikidata {info['wikidata']}" if info.get("wikidata") else ""
    print(f"{info['actor_id']}  {info['name']}{en}  [{info['type']}]{wd}")
    print(f"{info['articles']} articles, {info['mentions']} mentions, {info['first_seen'] or '?'} … {info['last_seen'] or '?'}")
    print("names: " + ", ".join(f"{n['text']} ({n['count']})" for n in info["names"][:10]))
    print("outlets: " + ", ".join(f"{s['source'] or '-'} ({s['articles']})" for s in info["sources"][:10]))
    if info["co_actors"]:
        print("with: " + ", ".join(f"{c['actor_id']} ({c['articles']})" for c in info["co_actors"][:10]))
    for r in info["relations"][:10]:
        print(f"  {r['day'] or '?'}  {r['type']:<10} {r['source'] or '?'} → {r['target'] or '?'} [{r['modality']}]  {r['evidence'][:100]}")
    for q in info["quotes"][:10]:
        print(f"  {q['day'] or '?'}  «{q['content'][:120]}»")
    print("recent articles:")
    for a in info["recent_articles"][:10]:
        print(f"  {a['day'] or '?'}  {a['source'] or '-':<16} {a['title'] or '(no title)'}  [{a['id']}]")


# ---------------------------------------------------------------------------------------------- export

def run_export(args: argparse.Namespace) -> int:
    from ..store.export import export

    tables = tuple(t.strip() for t in args.tables.split(",") if t.strip())
    with _open(args) as store:
        counts = export(store, args.format, args.out, tables=tables, duplicates=not args.no_duplicates)
    for name, n in counts.items():
        print(f"{args.out}/{name}: {n} rows", file=sys.stderr)
    return 0
