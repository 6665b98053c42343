"""`rased serve`: the explorer (web pages and JSON API) over a store, on 127.0.0.1 unless told otherwise.

With ``--workers N`` uvicorn runs N server processes on the one port, each with its own connections to the
store: Python runs one thread at a time per process, so one process uses about one core however many requests
it serves at once. The workers are started fresh (not forked) and build their app from the options this
process puts in the environment (``OPTIONS_ENV``).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from ..errors import InputError
from .arguments import positive
from .cmd_store import _add_db, _db_default

LOCAL = ("127.0.0.1", "localhost", "::1")
OPTIONS_ENV = "RASED_SERVE_OPTIONS"  # the app's options, for the worker processes of --workers


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="browse the store in a web browser (pages and a JSON API)",
                       description="Start the explorer: search, articles, actors, stories and an analyze page, "
                                   "with a JSON API under /api/ (docs at /api/docs). Read-only unless --writable.")
    _add_db(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--writable", action="store_true",
                   help="let the analyze page and POST /api/articles store articles (and analyse texts)")
    p.add_argument("--allow-analyze", action="store_true",
                   help="let a read-only explorer analyse pasted or uploaded texts (off by default: each costs CPU)")
    p.add_argument("--max-body", type=positive, default=None, metavar="BYTES",
                   help="largest text or file to analyse, in bytes (default 2,000,000)")
    p.add_argument("--search-cache", type=int, default=None, metavar="N",
                   help="search pages each server process keeps until the store changes (default 256; 0: none)")
    p.add_argument("--workers", type=positive, default=1, metavar="N",
                   help="server processes (default 1), each serving up to 4 requests at once; give about the number of "
                        "CPU cores for many concurrent users (one process runs Python on one core at a time)")
    p.set_defaults(func=run)


def build_app(args: argparse.Namespace):
    from ..web import create_app

    options = {"max_upload": args.max_body} if args.max_body else {}
    if args.search_cache is not None:
        options["search_cache"] = max(0, args.search_cache)
    return create_app(args.db or _db_default(), read_only=not args.writable,
                      allow_analyze=args.writable or args.allow_analyze, **options)


def app_from_environment():
    """The app of one worker process of ``--workers N``, from the options ``run`` put in the environment."""
    return build_app(argparse.Namespace(**json.loads(os.environ[OPTIONS_ENV])))


def run(args: argparse.Namespace) -> int:
    import uvicorn

    if not 0 < args.port < 65536:
        raise InputError(f"port {args.port} is out of range", hint="use a port between 1 and 65535")
    app = build_app(args)  # here too with --workers: a missing store is one clean error before any worker starts
    if args.host not in LOCAL:
        print(f"rased: note: listening on {args.host}, reachable from other machines", file=sys.stderr)
    print(f"rased: explorer on http://{args.host}:{args.port}/ (Ctrl-C to stop)", file=sys.stderr)
    if args.workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
        return 0
    app.state.explorer.close()  # each worker opens its own connections
    options = {"db": args.db or _db_default(), "writable": args.writable, "allow_analyze": args.allow_analyze,
               "max_body": args.max_body, "search_cache": args.search_cache}
    os.environ[OPTIONS_ENV] = json.dumps(options)
    uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=args.workers, host=args.host,
                port=args.port, log_level="warning")
    return 0
