"""The analyst's actors: `rased actors add|import|list|candidates` (sub-commands of `rased actors`) and
`rased relink`. Thin shells over ``rased.knowledge.user_actors``, the store and ``rased.ingest.relink``."""
from __future__ import annotations

import argparse
import json
import sys

from ..errors import InputError
from .arguments import positive

FILE_HELP = "a CSV or JSONL file of actors in the registry's schema (id, kind, name_ar, name_en, aliases_ar, ...)"


def register(sub: argparse._SubParsersAction) -> None:
    from .cmd_store import _add_db

    p = sub.add_parser("relink", help="re-link a stored corpus after the registry changed (no NER re-run)",
                       description="Link every stored article again with the shipped registry and the store's own "
                                   "actors, from the NER spans kept in the store; rewrite the articles whose "
                                   "entities changed (with their quotes and relations).")
    _add_db(p)
    p.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    p.set_defaults(func=run_relink)


def add_subcommands(actors: argparse.ArgumentParser) -> None:
    """`rased actors add|import|list|candidates` (plain `rased actors` still lists the linked actors)."""
    from .cmd_store import _add_db

    sub = actors.add_subparsers(dest="actors_command", metavar="ACTION")
    sub.required = False
    p = sub.add_parser("add", help="add an actor (or names of a shipped actor) to the store's registry",
                       description="Add one actor to the store's own registry; with the id of a shipped or already "
                                   "added actor, add names to it. Run `rased relink` to link stored articles.")
    p.add_argument("actor_id", metavar="ID", help="e.g. agy:irq-smc (prefixes in the registry schema)")
    p.add_argument("--kind", help="country, place, group, person, organisation, government, military, agency, "
                                  "media or international")
    p.add_argument("--name-ar", help="the usual Arabic name")
    p.add_argument("--name-en", help="the usual English name")
    p.add_argument("--alias-ar", action="append", default=[], metavar="NAME", help="another Arabic name (repeatable)")
    p.add_argument("--alias-en", action="append", default=[], metavar="NAME", help="another English name (repeatable)")
    p.add_argument("--country", metavar="ISO3")
    p.add_argument("--wikidata", metavar="QID")
    _add_db(p)
    p.set_defaults(func=run_add)

    p = sub.add_parser("import", help="import actors from a CSV or JSONL file into the store's registry",
                       description="Check every record of FILE, then add them all in one transaction (or none).")
    p.add_argument("file", metavar="FILE", help=FILE_HELP)
    p.add_argument("--replace", action="store_true", help="replace actors already in the store's registry")
    _add_db(p)
    p.set_defaults(func=run_import)

    p = sub.add_parser("list", help="the actors of the store's own registry, as JSON lines (an actor file)")
    _add_db(p)
    p.set_defaults(func=run_list)

    p = sub.add_parser("candidates", help="the most frequent unlinked names of the stored corpus, with contexts",
                       description="Names NER found that no actor is linked to, by the number of articles naming "
                                   "them, with the types NER gave them and where they occur.")
    _add_db(p)
    p.add_argument("--limit", type=positive, default=30)
    p.add_argument("--contexts", type=int, default=2, help="contexts per name (default 2)")
    p.add_argument("--type", help="only names NER gave this type (PER, ORG, LOC; MISC names are shown only so)")
    p.add_argument("--json", action="store_true", help="JSON lines")
    p.set_defaults(func=run_candidates)


ACTORS_HELP = ("your own actors, linked beside the shipped registry: a CSV or JSONL file in the registry's schema, "
               "or a store whose registry `rased actors add/import` filled")


def actors_from(spec: str | None) -> tuple:
    """The actors of ``--actors``: an actor file (by its ending), else a store's own registry; warnings to stderr."""
    from pathlib import Path

    from ..knowledge import user_actors

    if not spec:
        return ()
    if Path(spec).suffix.lower() in user_actors.FORMATS:
        actors, warnings = user_actors.read(spec)
        for w in warnings:
            print(f"rased: warning: {w}", file=sys.stderr)
        return actors
    from ..store import open_store

    with open_store(spec, create=False) as store:
        return store.user_actors()


def _open(args: argparse.Namespace, create: bool = True):
    from .cmd_store import _open as open_db

    return open_db(args, create=create)


def run_import(args: argparse.Namespace) -> int:
    from ..knowledge import user_actors

    actors, warnings = user_actors.read(args.file)  # the whole file is checked before anything is written
    if not actors:
        raise InputError(f"{args.file}: no actors in the file")
    with _open(args) as store:
        added, replaced = store.put_user_actors(actors, replace=args.replace)
    return _report(warnings, f"imported {added} new actors, replaced {replaced}")


def run_add(args: argparse.Namespace) -> int:
    from ..ingest import curate

    rec = {"id": args.actor_id, "kind": args.kind, "name_ar": args.name_ar, "name_en": args.name_en,
           "aliases_ar": args.alias_ar, "aliases_en": args.alias_en, "country": args.country,
           "wikidata": args.wikidata}
    with _open(args) as store:
        _actor, warnings, updated = curate.add(store, rec, "rased actors add")
    return _report(warnings, f"{'updated' if updated else 'added'} {args.actor_id}")


def _report(warnings: list[str], done: str) -> int:
    """The warnings of a registry change, then what it did and the one step left."""
    for w in warnings:
        print(f"rased: warning: {w}", file=sys.stderr)
    print(f"{done}; run `rased relink` to link the stored articles", file=sys.stderr)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ..knowledge.user_actors import to_record

    with _open(args, create=False) as store:
        actors = store.user_actors()
    for a in actors:
        print(json.dumps(to_record(a), ensure_ascii=False))
    if not actors:
        print("no actors added to this store (rased actors add / import)", file=sys.stderr)
    return 0


def run_candidates(args: argparse.Namespace) -> int:
    with _open(args, create=False) as store:
        found = store.unlinked_names(limit=args.limit, contexts=max(0, args.contexts), type=args.type)
    if args.json:
        for c in found:
            print(json.dumps(c, ensure_ascii=False))
        return 0
    if not found:
        print("no unlinked names in the store", file=sys.stderr)
    for c in found:
        types = ", ".join(f"{t} {n}" for t, n in c["types"].items())
        print(f"{c['name']}  ({c['articles']} articles, {c['mentions']} mentions; NER: {types})")
        for ctx in c["contexts"]:
            print(f"    {ctx['article']}: …{ctx['context']}…")
    return 0


def run_relink(args: argparse.Namespace) -> int:
    from ..ingest.relink import relink

    with _open(args, create=False) as store:
        summary = relink(store)
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False))
    print(f"relinked {summary.articles} articles: {summary.changed} changed, {summary.tagged} tagged (no stored NER "
          f"spans); linked mentions {summary.linked_before} → {summary.linked_after} ({summary.seconds:.1f} s)",
          file=sys.stderr)
    return 0
