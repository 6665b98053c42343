"""Watch commands: `rased watch` (and `watch status`), `rased alerts`, `rased rules add|list|rm`."""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import datetime, timedelta, timezone

from ..errors import InputError
from .arguments import positive
from .cmd_store import _add_db, _db_default

SOURCES_HELP = """\
sources file (TOML):
  [[sources]]
  url = "https://example.org/rss.xml"   # required
  name = "Example"                      # default: the host
  kind = "feed"                         # feed, sitemap or page (guessed when absent)
  interval = 300                        # seconds between checks
  links = "div.list a"                  # pages: CSS selector or XPath of the article links
"""


def register(sub: argparse._SubParsersAction) -> None:
    _register_watch(sub)
    _register_alerts(sub)
    _register_rules(sub)


def _register_watch(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "watch", help="monitor feeds, news sitemaps and pages: store new articles, raise alerts",
        description="Poll the sources of a TOML file until stopped (or one round with --once); each new article "
                    "is fetched, analysed and stored like an ingested file, and the store's rules turn into "
                    "alerts. `rased watch status` shows each source's health.",
        epilog=SOURCES_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("action", nargs="?", choices=("run", "status"), default="run",
                   help="run (default) or status: each source's last success, last error and failures")
    p.add_argument("--sources", metavar="FILE", help="the sources file (TOML, [[sources]] tables)")
    _add_db(p)
    p.add_argument("--once", action="store_true", help="one round, then exit (for cron)")
    p.add_argument("--rules", metavar="FILE", help="add the [[rules]] of a TOML file to the store first")
    p.add_argument("--alerts-out", metavar="FILE", default="-",
                   help="write alerts as JSON lines to FILE (default -: stdout); 'none' for no file output")
    p.add_argument("--webhook", metavar="URL", action="append", default=[], help="POST each alert as JSON to URL")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a server's next bytes (default 20)")
    p.add_argument("--max-bytes", type=positive, default=10_000_000, help="largest answer read (default 10 MB)")
    p.add_argument("--per-host", type=positive, default=2, help="requests at once to one host (default 2)")
    p.add_argument("--host-delay", type=float, default=0.0, help="seconds between two requests to one host")
    p.add_argument("--no-robots", action="store_true", help="do not read robots.txt (only for your own servers)")
    p.add_argument("--json", action="store_true", help="status: JSON; run: a JSON summary of each round on stderr")
    p.add_argument("--quiet", action="store_true", help="no round summaries on stderr")
    p.set_defaults(func=run_watch)


def _register_alerts(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("alerts", help="alerts the watcher raised, with their evidence",
                       description="List stored alerts, oldest first: rule, article, title, address and the "
                                   "evidence spans (start, end, text) into the article's clean text.")
    _add_db(p)
    p.add_argument("--since", metavar="WHEN", help="only alerts made since an ISO date/time, or since 30m, 6h, 2d ago")
    p.add_argument("--rule", metavar="ID", help="only alerts of this rule")
    p.add_argument("--limit", type=positive, default=1000)
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.set_defaults(func=run_alerts)


def _register_rules(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="watchlist rules: add, list, rm",
                       description="Rules the watcher checks on every new article: an actor, a relation, a quote, "
                                   "a keyword or phrase (Arabic-aware), or a mention spike.")
    p.add_argument("rules_action", choices=("add", "list", "rm"), metavar="ACTION", help="add, list or rm")
    p.add_argument("rule_id", nargs="?", metavar="ID", help="rm: the rule's id")
    _add_db(p)
    p.add_argument("--actor", metavar="ID", help="an actor (id or any of its names): its mentions")
    p.add_argument("--relation", metavar="TYPE", help="a relation type (ASSAULT, THREATEN, ...)")
    p.add_argument("--source", metavar="ID", help="relation: the doer")
    p.add_argument("--target", metavar="ID", help="relation: the target")
    p.add_argument("--modality", help="relation: asserted, reported, hedged, negated or possible")
    p.add_argument("--quote", metavar="ID", help="quotes by (or --about) an actor")
    p.add_argument("--about", action="store_true", help="quote: quotes that mention the actor")
    p.add_argument("--keyword", metavar="WORDS", help='words and "phrases" (as in search)')
    p.add_argument("--spike", metavar="ID", help="an actor's daily articles against its trailing baseline")
    p.add_argument("--days", type=positive, default=7, help="spike: baseline days (default 7)")
    p.add_argument("--factor", type=float, default=3.0, help="spike: times the baseline (default 3)")
    p.add_argument("--min-count", type=positive, default=3, help="spike: articles on the day, at least (default 3)")
    p.add_argument("--name", metavar="ID", help="the rule's id (default: derived from what it asks)")
    p.add_argument("--file", metavar="FILE", help="add the [[rules]] tables of a TOML file")
    p.add_argument("--json", action="store_true", help="list: JSON lines")
    p.set_defaults(func=run_rules)


def _open(args):
    from ..store import open_store

    return open_store(args.db or _db_default())


# ---------------------------------------------------------------------------------------------- watch

def _policy(args):
    from ..watch.fetcher import Policy

    if not args.timeout > 0 or args.host_delay < 0:
        raise InputError("--timeout must be above 0 and --host-delay 0 or more")
    return Policy(read_timeout=args.timeout, connect_timeout=min(args.timeout, 10.0), deadline=max(60.0, 3 * args.timeout),
                  max_bytes=args.max_bytes, per_host=args.per_host, host_delay=args.host_delay, robots=not args.no_robots)


def _sinks(args) -> list:
    from ..watch.deliver import JsonLines, Webhook

    sinks = [] if args.alerts_out == "none" else [JsonLines(args.alerts_out)]
    for url in args.webhook:
        if not re.match(r"^https?://", url):
            raise InputError(f"the webhook {url!r} is not an http(s) address")
        sinks.append(Webhook(url))
    return sinks


def run_watch(args: argparse.Namespace) -> int:
    if args.action == "status":
        return _status(args)
    if not args.sources:
        raise InputError("no sources file", hint="rased watch --sources sources.toml --db rased.db")
    import asyncio
    import signal

    from ..watch import rules as rule_data, sources
    from ..watch.alerts import add_rule, load_rules
    from ..watch.loop import Watcher

    srcs = sources.load(args.sources)
    extra = rule_data.load(args.rules) if args.rules else []
    policy, sinks = _policy(args), _sinks(args)
    with _open(args) as store:
        have = {r.id for r in load_rules(store)}
        for rule in extra:
            rule = rule.with_id()
            if rule.id not in have:
                add_rule(store, rule_data.resolved(rule, _registry(store), store))

        def report(summary) -> None:
            if not args.once and not (summary.new_items or summary.source_errors):
                return  # a quiet round of a long-running watcher says nothing
            if args.json:
                from dataclasses import asdict

                print(json.dumps(asdict(summary)), file=sys.stderr)
            elif not args.quiet:
                print(f"rased watch: {summary.line()}", file=sys.stderr)

        watcher = Watcher(store, srcs, sinks=sinks, policy=policy,
                          log=lambda m: None if args.quiet else print(f"rased watch: {m}", file=sys.stderr))

        async def main() -> None:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
            await watcher.run(once=args.once, stop=stop, on_round=report)

        try:
            asyncio.run(main())
        finally:
            watcher.close()
    return 0


def _status(args: argparse.Namespace) -> int:
    from ..watch.loop import status

    with _open(args) as store:
        info = status(store)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    if not info["sources"]:
        print("no sources watched in this store yet", file=sys.stderr)
    for s in info["sources"]:
        health = "ok" if not s["failures"] else f"FAILING ×{s['failures']}"
        print(f"{s['name']:<24} {s['kind']:<8} {health:<12} last success {s['last_success'] or '-'}"
              f"  items {s['items']}  not modified {s['not_modified']}/{s['fetches']}  {s['url']}")
        if s["last_error"]:
            print(f"{'':<24} last error {s['last_error_at']}: {s['last_error']}")
    items = info["items"]
    print(f"items: {items.get('stored', 0)} stored, {items.get('failed', 0)} failed · alerts: {info['alerts']}")
    return 0


# ---------------------------------------------------------------------------------------------- alerts

def since_value(text: str | None, now: datetime | None = None) -> str | None:
    """An ISO time (UTC) from ``--since``: an ISO date or time, or a span back from now (30m, 6h, 2d)."""
    if not text:
        return None
    m = re.fullmatch(r"\s*(\d+)\s*([mhd])\s*", text)
    now = now or datetime.now(timezone.utc)
    if m:
        unit = {"m": "minutes", "h": "hours", "d": "days"}[m.group(2)]
        return (now - timedelta(**{unit: int(m.group(1))})).isoformat(timespec="milliseconds")
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"--since {text!r} is not a date, a time or a span", hint="2018-05-10, 2018-05-10T12:00, 6h, 2d") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def run_alerts(args: argparse.Namespace) -> int:
    from ..watch.alerts import stored

    with _open(args) as store:
        found = stored(store, since=since_value(args.since), rule=args.rule, limit=args.limit)
    for a in found:
        if args.json:
            print(json.dumps(a.to_dict(), ensure_ascii=False))
            continue
        ev = a.evidence[0].text if a.evidence else ""
        print(f"#{a.n} {a.at[:19]}  [{a.rule}]  {a.title or a.article_id}  ({a.source or '-'})  {a.url or ''}")
        print(f"    «{' '.join(ev.split())[:160]}»" + (f"  {a.note}" if a.note else ""))
    if not found and not args.json:
        print("no alerts", file=sys.stderr)
    return 0


# ---------------------------------------------------------------------------------------------- rules

def _registry(store):
    from ..knowledge import base

    return base.for_actors(store.user_actors()).registry


def rule_from_args(args: argparse.Namespace):
    from ..watch.rules import Rule

    asked = [k for k in ("actor", "relation", "quote", "keyword", "spike") if getattr(args, k)]
    if len(asked) != 1:
        raise InputError("give one of --actor, --relation, --quote, --keyword, --spike (or --file)", code="rule")
    kind, name = asked[0], args.name or ""
    if kind == "relation":
        return Rule("relation", name, relation=args.relation.upper(), source=args.source, target=args.target,
                    modality=args.modality)
    if kind == "quote":
        return Rule("quote", name, actor=args.quote, role="about" if args.about else "by")
    if kind == "keyword":
        return Rule("keyword", name, keyword=args.keyword)
    if kind == "spike":
        return Rule("spike", name, actor=args.spike, days=args.days, factor=args.factor, min_count=args.min_count)
    return Rule("actor", name, actor=args.actor)


def run_rules(args: argparse.Namespace) -> int:
    from ..watch import rules as rule_data
    from ..watch.alerts import add_rule, load_rules, remove_rule

    with _open(args) as store:
        if args.rules_action == "list":
            for r in load_rules(store):
                print(json.dumps(r.to_dict(), ensure_ascii=False) if args.json else f"{r.id}\t{r.spec()}")
            return 0
        if args.rules_action == "rm":
            if not args.rule_id:
                raise InputError("rules rm needs the rule's id", hint="`rased rules list` shows them")
            if not remove_rule(store, args.rule_id):
                raise InputError(f"no rule {args.rule_id!r}", hint="`rased rules list` shows them", code="rule")
            print(f"removed rule {args.rule_id}", file=sys.stderr)
            return 0
        new = rule_data.load(args.file) if args.file else [rule_from_args(args)]
        registry = _registry(store)
        for rule in new:
            added = add_rule(store, rule_data.resolved(rule, registry, store))
            print(added.id)
    return 0
