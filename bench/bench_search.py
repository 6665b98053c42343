"""Search benchmark: ingest N corpus articles, then time ≥ 100 realistic queries.

    python bench/bench_search.py --n 2000                 # SQLite in a temporary folder
    python bench/bench_search.py --n 2000 --db rased.db   # or a given store (sqlite path / postgresql://)
    python bench/bench_search.py --n 2000 --postgres      # a throwaway PostgreSQL server

Articles come half from SaudiNewsNet, half from ANT (``rased.datasets``); the report is a table of ingest
rate, store size and p50/p95 query latency per query kind.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rased import datasets
from rased.ingest import ingest_docs
from rased.ingest.readers import Doc, digest
from rased.store import open_store

NAMES = ["أوباما", "بوتين", "الأسد", "سلمان", "كيري", "لافروف", "أردوغان", "روحاني", "السيسي", "العبادي",
         "المالكي", "نتنياهو", "عباس", "هادي", "الحوثي", "البغدادي", "خامنئي", "ترامب", "بان كي مون", "دي ميستورا"]
PLACES = ["الموصل", "بغداد", "الرياض", "جدة", "مكة", "صنعاء", "عدن", "دمشق", "حلب", "القاهرة", "طهران", "واشنطن",
          "موسكو", "بيروت", "الفلوجة", "الرمادي", "تعز", "إدلب", "غزة", "القدس", "ليبيا", "سوريا", "اليمن", "العراق"]
ORGS = ["داعش", "القاعدة", "الأمم المتحدة", "مجلس الأمن", "حزب الله", "الحوثيين", "التحالف", "الناتو", "أوبك",
        "جامعة الدول العربية", "مجلس التعاون", "الحرس الثوري", "الجيش الحر", "جبهة النصرة"]
PHRASES = ['"مجلس الأمن"', '"الأمم المتحدة"', '"وزير الخارجية"', '"ولي العهد"', '"حقوق الإنسان"',
           '"أسعار النفط"', '"الدولة الإسلامية"', '"رئيس الوزراء"', '"البنك المركزي"', '"كأس العالم"',
           '«خادم الحرمين الشريفين»', '"سوق الأسهم"']
TOPICS = ["النفط", "الانتخابات", "الإرهاب", "اللاجئين", "الاقتصاد", "الصحة", "التعليم", "الميزانية", "الأسهم", "كورونا"]


def corpus_docs(n: int):
    half = n // 2
    for d in itertools.chain(datasets.saudinewsnet(limit=n - half), datasets.ant(limit=half)):
        if not d.text.strip():
            continue
        yield Doc(f"{d.corpus}:{d.doc_id}", digest(d.text), d.text, url=d.url or None, source=d.source or None,
                  title=d.title or None, published=d.time or None,
                  fetched_at=d.time if d.corpus == "saudinewsnet" else None)


def queries(sources: list[str]) -> list[tuple[str, str, dict]]:
    out = [("name", q, {}) for q in NAMES]
    out += [("place", q, {}) for q in PLACES]
    out += [("org", q, {}) for q in ORGS]
    out += [("phrase", q, {}) for q in PHRASES]
    out += [("two words", f"{a} {b}", {}) for a, b in zip(PLACES, ORGS)]
    out += [("topic+source", t, {"source": s}) for t, s in zip(TOPICS, itertools.cycle(sources or [None]))]
    out += [("place+dates", p, {"date_from": "2015-01-01", "date_to": "2015-12-31"}) for p in PLACES[:10]]
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles to ingest")
    ap.add_argument("--db", help="store URL (default: a new SQLite file in a temporary folder)")
    ap.add_argument("--postgres", action="store_true", help="use a throwaway PostgreSQL server")
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each query (the median is kept)")
    args = ap.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="rased-bench-")
    server = None
    if args.postgres:
        from rased.store.pgserver import TempPostgres

        server = TempPostgres().start()
        url = server.new_database()
    else:
        url = args.db or str(Path(tmp.name) / "bench.db")
    try:
        with open_store(url) as store:
            t0 = time.perf_counter()
            summary = ingest_docs(corpus_docs(args.n), store, batch_size=args.batch_size)
            ingest_s = time.perf_counter() - t0
            sources = [s for s, in store._all("SELECT source FROM articles GROUP BY source ORDER BY count(*) DESC LIMIT 5") if s]
            t0 = time.perf_counter()
            n_stories = len(store.stories(limit=10**6))
            stories_s = time.perf_counter() - t0
            rows, by_kind, hits_total = [], {}, 0
            for kind, q, kw in queries(sources):
                times = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    hits = store.search(q, limit=20, **kw)
                    times.append(time.perf_counter() - t)
                ms = statistics.median(times) * 1000
                rows.append(ms)
                by_kind.setdefault(kind, []).append(ms)
                hits_total += len(hits)
            stats = store.stats()
            size = store.size_bytes()
    finally:
        if server:
            server.stop()
        tmp.cleanup()

    print(f"store: {url if not args.db and not args.postgres else url}  ({'postgres' if args.postgres or url.startswith('postgres') else 'sqlite'})")
    print(f"{'measure':<28}{'value':>14}")
    print("-" * 42)
    for label, value in [
        ("documents read", summary.read), ("articles stored", summary.stored), ("near-duplicates", summary.duplicates),
        ("failed", summary.failed), ("ingest seconds", f"{ingest_s:.1f}"), ("articles/s", f"{summary.read / ingest_s:.1f}"),
        ("store size (MB)", f"{size / 1e6:.1f}"), ("stories (≥2 outlets)", n_stories), ("stories seconds", f"{stories_s:.2f}"),
        ("queries", len(rows)), ("hits returned", hits_total),
        ("latency p50 (ms)", f"{pct(rows, 50):.1f}"), ("latency p95 (ms)", f"{pct(rows, 95):.1f}"),
        ("latency max (ms)", f"{max(rows):.1f}"),
    ]:
        print(f"{label:<28}{value!s:>14}")
    print()
    print(f"{'query kind':<16}{'n':>4}{'p50 ms':>10}{'p95 ms':>10}")
    for kind, ms in by_kind.items():
        print(f"{kind:<16}{len(ms):>4}{pct(ms, 50):>10.1f}{pct(ms, 95):>10.1f}")
    print(f"(articles: {stats['articles']}, failures by reason: {dict(summary.reasons)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
