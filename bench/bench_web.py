"""Explorer page render times (in process, no network): p50/p95 for the search, article and actor pages.

    python bench/bench_web.py STORE [--queries "الموصل,داعش"] [--rounds 50]

STORE is a store made by `rased ingest` (a path, sqlite:///PATH or postgresql://...). Queries default to the
names of the store's most mentioned actors, or a few common news words when it has none; articles are the
hits of those queries; actors are the most mentioned ones. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from urllib.parse import quote

FALLBACK_QUERIES = ["الموصل", "الرياض", "الحكومة", "داعش", "اليمن", "الانتخابات"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", help="the store to serve")
    parser.add_argument("--queries", help="comma-separated search queries")
    parser.add_argument("--rounds", type=int, default=50, help="requests per page kind (default 50)")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from rased.errors import RasedError
    from rased.web import create_app

    try:
        app = create_app(args.store, search_cache=0)  # every search runs: the pages' cost, not the cache's
    except RasedError as err:
        print(f"bench_web: {err.one_line()}", file=sys.stderr)
        return 2
    with TestClient(app) as client:
        stats = client.get("/api/stats").json()
        top = client.get("/api/actors", params={"limit": 20}).json()["actors"]
        queries = [q.strip() for q in args.queries.split(",")] if args.queries else \
            [a["name"].split()[-1] for a in top[:10]] or FALLBACK_QUERIES
        articles: list[str] = []
        for q in queries:
            hits = client.get("/api/search", params={"q": q, "limit": 10})
            if hits.status_code == 200:
                articles += [h["id"] for h in hits.json()["hits"]]
        articles = list(dict.fromkeys(articles))
        actors = [a["actor_id"] for a in top]
        kinds = {
            "search": [f"/?q={quote(q)}" for q in queries],
            "article": [f"/articles/{i}" for i in articles],
            "actor": [f"/actors/{quote(a, safe=':')}" for a in actors],
        }
        print(f"store: {stats['articles']} articles, {stats['actors']} actors; {len(queries)} queries, "
              f"{len(articles)} articles, {len(actors)} actors; {args.rounds} requests per page", file=sys.stderr)
        print("| page | requests | p50 ms | p95 ms | max ms | KB |")
        print("|---|---|---|---|---|---|")
        for kind, urls in kinds.items():
            if not urls:
                print(f"| {kind} | 0 | – | – | – | – |")
                continue
            client.get(urls[0])  # warm caches (registry, templates)
            times, sizes = [], []
            for url in itertools.islice(itertools.cycle(urls), args.rounds):
                started = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
                sizes.append(len(r.content))
                if r.status_code != 200:
                    print(f"bench_web: {url} answered {r.status_code}", file=sys.stderr)
            print(f"| {kind} | {len(times)} | {statistics.median(times):.1f} | {percentile(times, 95):.1f} "
                  f"| {max(times):.1f} | {statistics.mean(sizes) / 1000:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
