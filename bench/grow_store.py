"""Grow a real SQLite store to a benchmark size (e.g. 1,000,000 articles) from the articles it holds.

    python bench/grow_store.py SRC_DB DEST_DB --target 1000000 [--workers 2] [--seed 1]

DEST_DB starts as a copy of SRC_DB (SQLite backup API); then new articles are added, through the store's own
``put`` (the same rows, full-text index, LSH bands and near-duplicate check as ``rased ingest`` / ``rased
load``), until DEST_DB holds ``--target`` articles. Each new article is a variant of a random stored
(non-duplicate) article:

- **text**: some words are replaced by other corpus words *of the same length* (Arabic words of ≥ 3 letters,
  never inside an entity span), so every character offset of the record (entities, quotes, relations,
  sentences, blocks) stays valid and the vocabulary keeps the corpus's word frequencies (replacements are
  drawn from a token sample). 90 % of variants get 15 % of their words replaced: their 3-word shingles
  differ enough that they are *not* near-duplicates (MinHash Jaccard well below 0.8), i.e. new articles.
  10 % get ~1 % replaced: they are near-duplicates and the store folds them into their original, as it would
  a re-published wire story. Half the titles get one word replaced.
- **id** and **content hash**: the SHA-256 of the new text (``record.content_id``), as for a real article.
- **date**: the original's publication date moved by a random −1500…+1500 days (time of day kept), so the
  store spans about eight years and date filters select realistic fractions.
- **source**: the original's outlet, or one of 19 sibling outlets (``<source>-1`` … ``<source>-19``).
- **url**: the original's with a ``#v<n>`` fragment; the input locator is ``grow:<n>``.
- search keys, MinHash signature and story terms are computed from the new text exactly as the batch
  workers compute them (``model.precompute``, in a faster form); entity/quote/relation rows come from the
  original's annotations.

A re-run continues from the article count DEST_DB already has. Prints the build time, the rate and the size.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing as mp
import os
import random
import sqlite3
import sys
import time
from datetime import date, timedelta

from rased.record import content_id, from_dict
from rased.store import open_store
from rased.store import dedup, model, text_index
from rased.store.model import Precomputed, Stored

DUP_SHARE = 0.10  # variants made as near-duplicates of their original
DISTINCT_RATE = 0.15  # share of words replaced in a distinct variant
DUP_RATE = 0.01  # ... in a near-duplicate
SIBLINGS = 19  # extra outlets per real source
DAY_SHIFT = 1500

_src: sqlite3.Connection | None = None
_heads: list[int] = []
_vocab: dict[int, list[str]] = {}
_cache: dict[int, tuple[str, object]] = {}
_norm: dict[str, str] = {}
_template = None
_seed = 1


def _init(src_path: str, heads: list[int], vocab: dict[int, list[str]], seed: int) -> None:
    global _src, _heads, _vocab, _template, _seed
    _src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True, check_same_thread=False)
    _heads, _vocab, _seed = heads, vocab, seed
    from datasketch import MinHash

    _template = MinHash(num_perm=dedup.NUM_PERM, seed=1)


def _original(n: int):
    got = _cache.get(n)
    if got is None:  # (each process keeps its own cache)
        record = _src.execute("SELECT record FROM articles WHERE n = ?", (n,)).fetchone()[0]
        got = (record, from_dict(json.loads(record)))
        if len(_cache) < 60_000:
            _cache[n] = got
    return got


def _perturb(text: str, rate: float, rng: random.Random, protected=(), at_least: int = 1) -> str:
    """Replace about ``rate`` of the Arabic words (≥ 3 letters, outside ``protected`` spans) by other corpus
    words of the same length, so that every offset into the text stays valid."""
    mask = bytearray(len(text))
    for s, e in protected:
        mask[s:e] = b"\x01" * (e - s)
    cands = [
        m.span() for m in text_index._WORD.finditer(text)
        if m.lastgroup == "ar" and (m.end() - m.start()) in _vocab and mask.find(1, m.start(), m.end()) < 0
    ]
    if not cands:
        return text
    k = min(len(cands), max(at_least, round(rate * len(cands))))
    out, at = [], 0
    for s, e in sorted(rng.sample(cands, k)):
        pool = _vocab[e - s]
        word = rng.choice(pool)
        if word == text[s:e]:
            word = rng.choice(pool)
        out += [text[at:s], word]
        at = e
    out.append(text[at:])
    return "".join(out)


def _keys_and_words(text: str) -> tuple[list[str], list[str]]:
    """Search keys (as ``text_index.key_tokens``) and MinHash words (as ``dedup.shingles``) in one pass."""
    keys, words = [], []
    for m in text_index._WORD.finditer(text):
        w = m.group()
        k = text_index.term(w)
        if k:
            keys.append(k)
        nw = _norm.get(w)
        if nw is None:
            nw = _norm[w] = dedup.normalize.key(w).casefold()
        words.append(nw)
    return keys, words


def _signature(words: list[str]) -> bytes:
    """``dedup.signature`` from the words (the same shingles, hash and permutations)."""
    import numpy as np
    from datasketch import MinHash

    S = dedup.SHINGLE
    if len(words) < S:
        sh = [" ".join(words).encode()] if words else []
    else:
        sh = list({" ".join(words[i : i + S]).encode() for i in range(len(words) - S + 1)})
    m = MinHash(num_perm=dedup.NUM_PERM, seed=1, permutations=_template.permutations, scheme=_template.scheme)
    if sh:
        m.update_batch(sh)
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


def _story_terms(title_keys: list[str], body_keys: list[str]) -> str:
    story: list[str] = []
    stop = model._story_stopwords()
    for k in title_keys + body_keys[: model.STORY_WORDS]:
        if len(k) >= 3 and not k.isdigit() and k not in stop and k not in story:
            story.append(k)
    return " ".join(story)


def make(i: int) -> Stored:
    """The ``i``-th new article (deterministic for a seed)."""
    rng = random.Random(_seed * 1_000_003 + i)
    n = rng.choice(_heads)
    record, orig = _original(n)
    dup = rng.random() < DUP_SHARE
    text = _perturb(orig.text, DUP_RATE if dup else DISTINCT_RATE, rng, [(e.start, e.end) for e in orig.entities or ()])
    title = orig.title
    if title and rng.random() < 0.5:
        title = _perturb(title, 0.0, rng)
    d = json.loads(record)
    new_id = content_id(text)
    source = orig.source
    if source and rng.random() < 0.5:
        source = f"{source}-{rng.randint(1, SIBLINGS)}"
    url = f"{orig.url}#v{i}" if orig.url else None
    published = orig.published
    if published is not None and published.value[:10].count("-") == 2:
        try:
            day = date.fromisoformat(published.value[:10]) + timedelta(days=rng.randint(-DAY_SHIFT, DAY_SHIFT))
            published = dataclasses.replace(published, value=day.isoformat() + published.value[10:])
        except ValueError:
            pass
    d.update(id=new_id, text=text, title=title, source=source, url=url)
    if published is not None:
        d["published"] = dict(d["published"], value=published.value)
    title_keys, _ = _keys_and_words(title or "")
    body_keys, words = _keys_and_words(text)
    pre = Precomputed(
        tuple(title_keys), tuple(body_keys), _signature(words), _story_terms(title_keys, body_keys),
        text_index.KEY_VERSION, json.dumps(d, ensure_ascii=False, separators=(",", ":")),
    )
    # Only what changed travels back (an Article's many small objects pickle slowly); ``to_stored`` rebuilds it.
    return n, dict(id=new_id, text=text, title=title, source=source, url=url, published=published), pre, i


def to_stored(item) -> Stored:
    """The ``Stored`` for a ``make`` result: the original article with the changed fields."""
    n, changes, pre, i = item
    return Stored(dataclasses.replace(_original(n)[1], **changes), f"grow:{i}", changes["id"], pre)


def _vocabulary(src: sqlite3.Connection, sample: int, seed: int) -> dict[int, list[str]]:
    """Arabic word tokens of a sample of stored texts, by length (repeats kept: frequency-weighted)."""
    rng = random.Random(seed)
    rows = src.execute("SELECT record FROM articles ORDER BY n").fetchall()
    rng.shuffle(rows)
    by_len: dict[int, list[str]] = {}
    for (record,) in rows[:sample]:
        for m in text_index._WORD.finditer(json.loads(record)["text"]):
            if m.lastgroup == "ar" and m.end() - m.start() >= 3:
                by_len.setdefault(m.end() - m.start(), []).append(m.group())
    return {k: v for k, v in by_len.items() if len(v) >= 20}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", help="the real store (SQLite file)")
    ap.add_argument("dest", help="the grown store (SQLite file; created as a copy of SRC when absent)")
    ap.add_argument("--target", type=int, default=1_000_000, help="articles DEST should hold")
    ap.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2)), help="processes making articles")
    ap.add_argument("--batch-size", type=int, default=2000, help="articles per transaction")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    if not os.path.exists(args.dest):
        with sqlite3.connect(args.src) as s, sqlite3.connect(args.dest) as d:
            s.backup(d)
        print(f"copied {args.src} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    src = sqlite3.connect(f"file:{args.src}?mode=ro", uri=True)
    heads = [n for (n,) in src.execute("SELECT n FROM articles WHERE duplicate_of IS NULL ORDER BY n")]
    vocab = _vocabulary(src, 3000, args.seed)
    src.close()

    store = open_store(args.dest)
    store.conn.execute("PRAGMA cache_size = -1000000")  # 1 GB: the index b-trees of a large store stay hot
    have = store.stats()["articles"]
    todo = max(0, args.target - have)
    first = int(store._one("SELECT count(*) FROM inputs WHERE locator LIKE 'grow:%'") or 0)
    print(f"{have} articles; adding {todo} with {args.workers} workers", file=sys.stderr)
    started, cpu0 = time.perf_counter(), time.process_time()
    stored = dups = 0
    batch: list[Stored] = []
    i = first
    _init(args.src, heads, vocab, args.seed)  # this process reads the originals too
    ctx = mp.get_context("fork")
    with ctx.Pool(args.workers, initializer=_init, initargs=(args.src, heads, vocab, args.seed)) as pool:
        while stored < todo:
            want = todo - stored
            for item in pool.imap(make, range(i, i + want), chunksize=100):
                i += 1
                batch.append(to_stored(item))
                if len(batch) >= args.batch_size:
                    r = store.put(batch)
                    stored, dups = stored + r.stored, dups + r.duplicates
                    batch.clear()
                    el = time.perf_counter() - started
                    print(f"\r{have + stored:>9} articles  {stored / el:7.0f}/s  dups {dups}", end="", file=sys.stderr)
                    if stored >= todo:
                        break
            if batch:
                r = store.put(batch)
                stored, dups = stored + r.stored, dups + r.duplicates
                batch.clear()
    seconds = time.perf_counter() - started
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    stats = store.stats()
    size = store.size_bytes()
    store.close()
    print(file=sys.stderr)
    print(json.dumps({
        "articles": stats["articles"], "added": stored, "near_duplicates_added": dups,
        "duplicates_total": stats["duplicates"], "seconds": round(seconds, 1),
        "articles_per_second": round(stored / seconds, 1) if seconds else None,
        "main_cpu_seconds": round(time.process_time() - cpu0, 1), "size_bytes": size,
        "size_gb": round(size / 1e9, 2), "workers": args.workers, "seed": args.seed,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
