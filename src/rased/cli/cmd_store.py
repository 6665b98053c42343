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

from ..errors import InputError, RasedError
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
    p.add_argument("--json", action="store_true",
                   help="print the summary as JSON on stdout, with each failed input and its reason")
    p.set_defaults(func=run_ingest)

    p = sub.add_parser("search", help="full-text search (Arabic-aware) with filters",
                       description='Search stored articles. Every word must match (any clitic form: «الموصل» finds '
                                   '«بالموصل»); "quoted words" match as a phrase; -word leaves out the articles '
                                   'that have it. Near-duplicates are folded under the article that matched.')
    p.add_argument("query", help='words and "quoted phrases"; -word leaves out the articles with that word')
    _add_db(p)
    p.add_argument("--actor", help="only articles that mention this actor id")
    p.add_argument("--type", help="only articles with an entity (PER, ORG, LOC, ...) or relation (ASSAULT, ...) of this type")
    p.add_argument("--source", help="only this outlet (any case)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance",
                   help="best match first (default) or latest first")
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

    p = sub.add_parser("actor", help="one actor (by id or by any of its names): names, articles, co-actors, relations, quotes",
                       description="Show one actor. ID_OR_NAME is an actor id (cty:FRA) or any of its names, Arabic or "
                                   "English, in any clitic form («داعش», «لداعش», «الدولة الإسلامية», France).")
    p.add_argument("actor_id", metavar="ID_OR_NAME")
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
    p.add_argument("--excel", action="store_true",
                   help="CSV for spreadsheets: a UTF-8 mark (BOM) and cells cut at 32,000 characters (whole in OUT/cells/)")
    p.add_argument("--bom", action=argparse.BooleanOptionalAction, default=None,
                   help="start CSV files with a UTF-8 mark (default: on with --excel, off otherwise)")
    p.add_argument("--max-cell", type=int, default=None, metavar="N",
                   help="cut CSV cells longer than N characters, with a marker, writing them whole to OUT/cells/ "
                        "(default: 32,000 with --excel, else no limit; 0: no limit)")
    p.set_defaults(func=run_export)


def _open(args: argparse.Namespace, create: bool = False):
    from ..store import open_store

    return open_store(args.db or _db_default(), create=create)


# ---------------------------------------------------------------------------------------------- ingest

def _analyzer(ner_model: str, store):
    """``analyze`` with the chosen NER model and the store's own actors (the default settings otherwise)."""
    from .. import heap
    from ..ingest import settings_for
    from ..pipeline import analyze
    from ..settings import EntitySettings, Settings

    settings = settings_for(store, Settings(entities=EntitySettings(model=ner_model)))
    first = [True]

    def analyzer(*args, **kwargs):
        out = analyze(*args, settings=settings, **kwargs)
        if first[0]:  # the models are loaded now: out of the garbage collector's way (``rased.heap``)
            first[0] = False
            heap.settle()
        return out
    return analyzer


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
            analyzer=_analyzer(args.ner, store), max_examples=10_000 if args.json else 20,
        ))
        stats = store.stats()
    if args.json:
        print(json.dumps({**summary.to_dict(), "store": stats}, ensure_ascii=False))
    if not summary.read:
        print("rased: nothing stored: no input found under the paths given", file=sys.stderr)
        return 1
    if summary.failed and summary.failed == summary.read:  # nothing taken in: one line, exit 1
        reasons = ", ".join(f"{code}: {n}" for code, n in summary.reasons.most_common())
        print(f"rased: nothing stored: all {summary.read} inputs failed ({reasons}); "
              "--json lists each input and its reason", file=sys.stderr)
        return 1
    _print_summary(summary, stats)
    return 0


def _with_progress(args: argparse.Namespace, work):
    if args.quiet or not sys.stderr.isatty():
        return work(None)
    from rich.console import Console
    from rich.progress import Progress

    from .progress import columns, count_documents

    total = count_documents(args.paths)
    with Progress(*columns(total), console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("ingest", total=total, stored=0, failed=0, rate=0.0)

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
        found = store.search_page(
            args.query, actor=args.actor, type=args.type, source=args.source, date_from=args.date_from,
            date_to=args.date_to, sort=args.sort, limit=args.limit, offset=args.offset,
        )
    hits = found.hits
    if args.json:
        for h in hits:
            print(json.dumps(h.to_dict(), ensure_ascii=False))
        return 0
    if not hits:
        print(f"no articles found ({found.total} in all)" if found.total else "no articles found", file=sys.stderr)
        return 0
    print(f"{found.total} articles · {args.offset + 1}–{args.offset + len(hits)} · by {args.sort}", file=sys.stderr)
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for i, h in enumerate(hits, 1 + args.offset):
        head = Text(f"{i}. ")
        head.append(_styled(h.title or "(no title)", h.title_highlights, 0, "bold"))
        console.print(head)
        meta = " · ".join(x for x in (h.source, (h.published or "")[:10], h.id, h.url) if x)
        console.print(Text(meta, style="dim"))
        s = h.snippet
        console.print(_styled(s.text, s.highlights, s.start, ""))
        if h.duplicates:
            console.print(Text(f"  +{h.duplicates} near-duplicate{'s' if h.duplicates > 1 else ''} folded:", style="dim"))
            for f in h.folded:
                tag = " (original)" if f.original else ""
                console.print(Text(f"    {f.day or '?'}  {f.source or '-'}  {f.title or '(no title)'}  {f.id}{tag}", style="dim"))
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


def _resolve_actor(store, text: str) -> tuple[str, list[str]]:
    """The actor id that ``text`` is (an id) or names, and the other stored actors of that name."""
    if store.actor_summary(text) is not None:
        return text, []
    ids = store.actors_named(text)
    try:
        from ..knowledge import registry

        reg = registry.load()
        ids += [a.id for a in (*reg.lookup(text), *reg.lookup_en(text))
                if a.id not in ids and store.actor_summary(a.id) is not None]
    except RasedError:  # no registry: the store's own names still answer
        pass
    if not ids:
        raise InputError(f"no actor with the id or name {text!r} in the store",
                         hint="`rased actors --name WORD` lists the actors whose name contains a word", code="actor")
    return ids[0], ids[1:]


def run_actor(args: argparse.Namespace) -> int:
    with _open(args) as store:
        actor_id, others = _resolve_actor(store, args.actor_id.strip())
        info = store.actor(actor_id, limit=args.limit)
        if others:
            names = [f"{a.name} ({a.actor_id})" for a in map(store.actor_summary, others[:5]) if a]
            print(f"also named «{args.actor_id}»: " + ", ".join(names), file=sys.stderr)
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
        print("with: " + ", ".join(f"{c['name']} [{c['actor_id']}] ({c['articles']})" for c in info["co_actors"][:10]))
    for r in info["relations"][:10]:
        print(f"  {r['day'] or '?'}  {r['type']:<10} {_named(r, 'source')} → {_named(r, 'target')} [{r['modality']}]"
              f"  {r['evidence'][:100]}")
    for q in info["quotes"][:10]:
        print(f"  {q['day'] or '?'}  «{q['content'][:120]}»")
    print("recent articles:")
    for a in info["recent_articles"][:10]:
        print(f"  {a['day'] or '?'}  {a['source'] or '-':<16} {a['title'] or '(no title)'}  [{a['id']}]")


def _named(relation: dict[str, Any], side: str) -> str:
    """A relation's side as «name [id]» for an actor, its text otherwise."""
    value, name = relation[side], relation.get(f"{side}_name")
    if not value:
        return "?"
    return f"{name} [{value}]" if name and name != value else value


# ---------------------------------------------------------------------------------------------- export

def run_export(args: argparse.Namespace) -> int:
    from ..store.export import CsvOptions, export

    tables = tuple(t.strip() for t in args.tables.split(",") if t.strip())
    base = CsvOptions.excel() if args.excel else CsvOptions()
    if args.max_cell is not None and args.max_cell < 0:
        raise InputError("--max-cell must be 0 or more", hint="0 keeps every cell whole")
    options = CsvOptions(bom=base.bom if args.bom is None else args.bom,
                         max_cell=base.max_cell if args.max_cell is None else args.max_cell)
    with _open(args) as store:
        counts = export(store, args.format, args.out, tables=tables, duplicates=not args.no_duplicates,
                        csv_options=options)
    for name, n in counts.items():
        print(f"{args.out}/{name}: {n} rows", file=sys.stderr)
    return 0
