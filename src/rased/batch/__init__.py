"""Batch enrichment at scale: the pipeline mapped over shards of the inputs, written as Parquet.

    rased batch corpus/ --out out/ --workers 8          # or --scheduler tcp://HOST:8786
    rased load out/ --db rased.db                         # or postgresql://...

``shards`` cuts the inputs into units of about ``shard_size`` documents (files, or slices of big files);
``task.process_shard`` analyses one shard on a worker and writes its tables atomically
(``OUT/<table>/shard=NNNNNN/part.parquet``) and then its marker (``OUT/_shards/NNNNNN.json``);
``runner`` maps that over the shards on an engine (``DaskRunner``; the ``Runner`` protocol lets another
engine be added); ``job.run_batch`` skips finished shards and keeps ``OUT/manifest.json``; ``load`` puts a
batch output into a store. See docs/scale-out.md.
"""
from __future__ import annotations

from .job import BatchSummary, run_batch
from .load import LoadSummary, load
from .shards import Piece, Shard, plan

__all__ = ["BatchSummary", "LoadSummary", "Piece", "Shard", "load", "plan", "run_batch"]
