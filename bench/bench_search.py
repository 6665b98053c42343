"""Search benchmark: time the query set of ``bench/queries.txt`` (≥ 100 names, places, phrases, filters) on a store.

    python bench/bench_search.py --db rased.db                 # an existing store (SQLite path or postgresql://)
    python bench/bench_search.py --n 2000                      # ingest N corpus articles into a new SQLite store first
    python bench/bench_search.py --n 2000 --postgres           # ... into a throwaway PostgreSQL server
    python bench/bench_search.py --db rased.db --clients 4     # also the explorer's page and API, 4 clients at once
    python bench/bench_search.py --db rased.db --clients 4 --serve "--workers 2"   # ... `rased serve` options

With ``--clients N`` the explorer is started (``rased serve``, its own process, on 127.0.0.1) over the same store
and N threads request every query's search page (``/?q=``) and API answer (``/api/search``: the page of hits,
the total and the facets) ``--repeat`` times in a shuffled order, all N at once; after one untimed warm-up pass,
each request's latency is kept and the table gives p50/p95/max per endpoint. The explorer keeps the search
pages it computed until the store changes (``rased serve --search-cache``, on by default), so the timed requests
of a query the warm-up asked are answered from that cache; ``--serve "--search-cache 0"`` runs every search.

Corpus articles come half from SaudiNewsNet, half from ANT (``rased.datasets``). Each query runs once (the
"first" pass: caches as the previous query left them), then ``--repeat`` more times; a query's latency is the
median of the repeats. Prints Markdown tables: the store (articles, size, ingest rate when it ingested) and
p50/p95/max latency, overall and per query kind. ``--json FILE`` also writes every query's timings.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import shlex
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rased import datasets
from rased.ingest import ingest_docs
from rased.ingest.readers import Doc, digest
from rased.store import open_store

QUERIES = Path(__file__).with_name("queries.txt")
_OPTIONS = {"--actor": "actor", "--type": "type", "--source": "source", "--from": "date_from", "--to": "date_to"}


def corpus_docs(n: int):
    half = n // 2
    for d in itertools.chain(datasets.saudinewsnet(limit=n - half), datasets.ant(limit=half)):
        if not d.text.strip():
            continue
        yield Doc(f"{d.corpus}:{d.doc_id}", digest(d.text), d.text, url=d.url or None, source=d.source or None,
                  title=d.title or None, published=d.time or None,
                  fetched_at=d.time if d.corpus == "saudinewsnet" else None)


def load_queries(store, path: Path = QUERIES) -> list[tuple[str, str, dict]]:
    """(kind, query, filters) from the query file; ``--source @N`` is the store's N-th most frequent source."""
    sources = [r[0] for r in store._all(
        "SELECT source FROM articles WHERE source IS NOT NULL GROUP BY source ORDER BY count(*) DESC, source LIMIT 5")]
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        kind, query, opts = (part.strip() for part in line.split("|"))
        args = shlex.split(opts)
        kw = {}
        for flag, value in zip(args[::2], args[1::2]):
            if value.startswith("@"):
                value = sources[min(int(value[1:]), len(sources)) - 1]
            kw[_OPTIONS[flag]] = value
        out.append((kind, query, kw))
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


_WEB_PARAMS = {"actor": "actor", "type": "type", "source": "source", "date_from": "from", "date_to": "to"}


def _serve(url: str, options: str = ""):
    """``rased serve [options]`` over the store in its own process, on a free local port; (process, base URL)."""
    import socket
    import subprocess

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "rased", "serve", "--db", url, "--port", str(port),
                             *shlex.split(options)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the explorer did not start")


def web_latency(url: str, queries: list, clients: int, repeat: int,
                options: str = "") -> dict[str, tuple[list[float], float]]:
    """Latencies (ms) of the search page and the search API, ``clients`` requests at a time, and the wall time."""
    import random
    import threading
    from urllib.parse import urlencode

    import httpx

    proc, base = _serve(url, options)
    try:
        out = {}
        for name, path in (("search page `/?q=`", "/"), ("search API `/api/search`", "/api/search")):
            urls = [f"{base}{path}?" + urlencode({"q": q, **{_WEB_PARAMS[k]: v for k, v in kw.items()}})
                    for _, q, kw in queries]
            with httpx.Client(timeout=60) as c:  # warm-up: caches, the term cache, the templates
                for u in urls:
                    c.get(u)
            jobs = urls * max(1, repeat)
            random.Random(1).shuffle(jobs)
            times: list[float] = []
            lock = threading.Lock()

            def work(mine: list[str]) -> None:
                with httpx.Client(timeout=60) as c:
                    for u in mine:
                        t = time.perf_counter()
                        r = c.get(u)
                        dt = (time.perf_counter() - t) * 1000
                        if r.status_code != 200:
                            print(f"bench_search: {u} answered {r.status_code}", file=sys.stderr)
                        with lock:
                            times.append(dt)

            threads = [threading.Thread(target=work, args=(jobs[i::clients],)) for i in range(clients)]
            started = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            out[name] = (times, time.perf_counter() - started)
        return out
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an existing store (SQLite path, sqlite:///PATH or postgresql://...)")
    ap.add_argument("--n", type=int, default=0, help="first ingest this many corpus articles (default: none with "
                    "--db, 2000 without)")
    ap.add_argument("--postgres", action="store_true", help="ingest into a throwaway PostgreSQL server")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--queries", type=Path, default=QUERIES)
    ap.add_argument("--limit", type=int, default=20, help="hits per query")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each query after the first (median kept)")
    ap.add_argument("--label", help="name of the store in the tables")
    ap.add_argument("--json", type=Path, help="write the per-query timings here")
    ap.add_argument("--clients", type=int, default=0, help="also time the explorer's page and API with this many "
                    "concurrent clients (e.g. 4)")
    ap.add_argument("--serve", default="", metavar="OPTIONS", help="with --clients: options of `rased serve`, "
                    "e.g. \"--workers 2\" or \"--search-cache 0\"")
    args = ap.parse_args(argv)
    n = args.n or (0 if args.db else 2000)

    tmp = tempfile.TemporaryDirectory(prefix="rased-bench-")
    server = None
    if args.postgres:
        from rased.store.pgserver import TempPostgres

        server = TempPostgres().start()
        url = server.new_database()
    else:
        url = args.db or str(Path(tmp.name) / "bench.db")
    summary, ingest_s = None, None
    try:
        with open_store(url) as store:
            if n:
                t0 = time.perf_counter()
                summary = ingest_docs(corpus_docs(n), store, batch_size=args.batch_size)
                ingest_s = time.perf_counter() - t0
            qs = load_queries(store, args.queries)
            results = []
            for kind, q, kw in qs:
                t = time.perf_counter()
                hits = store.search(q, limit=args.limit, **kw)
                first = (time.perf_counter() - t) * 1000
                results.append({"kind": kind, "query": q, "filters": kw, "hits": len(hits), "first_ms": first})
            for r in results:
                times = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    store.search(r["query"], limit=args.limit, **r["filters"])
                    times.append((time.perf_counter() - t) * 1000)
                r["ms"] = statistics.median(times) if times else r["first_ms"]
            stats = store.stats()
            size = store.size_bytes()
            dialect = store.dialect
        web = web_latency(url, qs, args.clients, args.repeat, args.serve) if args.clients else None
    finally:
        if server:
            server.stop()
        tmp.cleanup()

    label = args.label or (Path(url).name if dialect == "sqlite" else "postgresql")
    ms = [r["ms"] for r in results]
    first = [r["first_ms"] for r in results]
    load = os.getloadavg()
    print(f"### Search: {label} ({dialect}, {stats['articles']:,} articles)\n")
    print("| measure | value |\n|---|---|")
    rows = [("articles", f"{stats['articles']:,}"), ("near-duplicates", f"{stats['duplicates']:,}"),
            ("mentions", f"{stats['mentions']:,}"), ("store size", f"{size / 1e6:,.0f} MB")]
    if summary is not None:
        rows += [("ingested (read / stored / failed)", f"{summary.read} / {summary.stored} / {summary.failed}"),
                 ("ingest", f"{ingest_s:.1f} s, {summary.read / ingest_s:.1f} articles/s")]
    rows += [("queries", f"{len(results)} ({sum(1 for r in results if r['filters'])} with filters), "
                         f"limit {args.limit}, {sum(r['hits'] for r in results):,} hits"),
             ("latency p50 / p95 / max", f"{pct(ms, 50):.1f} / {pct(ms, 95):.1f} / {max(ms):.1f} ms"),
             ("first pass p50 / p95 / max", f"{pct(first, 50):.1f} / {pct(first, 95):.1f} / {max(first):.1f} ms"),
             ("load average during the run", f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")]
    for k, v in rows:
        print(f"| {k} | {v} |")
    print()
    print("| query kind | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
    by_kind: dict[str, list[float]] = {}
    for r in results:
        by_kind.setdefault(r["kind"], []).append(r["ms"])
    for kind, v in by_kind.items():
        print(f"| {kind} | {len(v)} | {pct(v, 50):.1f} | {pct(v, 95):.1f} | {max(v):.1f} |")
    if web:
        server = f", `rased serve {args.serve}`" if args.serve else ""
        print(f"\n| explorer endpoint, {args.clients} concurrent clients{server} | requests | p50 ms | p95 ms | max ms | "
              "requests/s |\n|---|---|---|---|---|---|")
        for name, (times, wall) in web.items():
            print(f"| {name} | {len(times)} | {pct(times, 50):.1f} | {pct(times, 95):.1f} | {max(times):.1f} "
                  f"| {len(times) / wall:.1f} |")
    slow = sorted(results, key=lambda r: -r["ms"])[:5]
    print("\nslowest: " + "; ".join(f"{r['query']} {r['filters'] or ''} {r['ms']:.0f} ms" for r in slow), file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"store": label, "dialect": dialect, "articles": stats["articles"],
                                         "size_bytes": size, "queries": results}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
