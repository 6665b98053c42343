"""Ingest progress on the terminal (rich): a bar with the total, the percentage and the time left when the inputs
can be counted before they are read, a running count otherwise."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

# Files that hold one document each, and files that hold one a line; anything else (archives, feeds, WARCs, JSON
# arrays, ANT files) is counted only by reading it, so the total stays unknown.
ONE_PER_FILE = (".txt", ".text", ".md", ".html", ".htm", ".xhtml")
ONE_PER_LINE = (".jsonl", ".ndjson")
MAX_COUNTED_BYTES = 500_000_000  # JSON lines read twice (once to count) only up to this much


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents ``rased ingest`` will read from ``paths``, or None when that is not known in advance."""
    from ..ingest.readers import files

    total, line_bytes = 0, 0
    try:
        for f in files(list(paths)):
            name = f.name.lower()
            if name.endswith(ONE_PER_FILE):
                total += 1
            elif name.endswith(ONE_PER_LINE):
                line_bytes += f.stat().st_size
                if line_bytes > MAX_COUNTED_BYTES:
                    return None
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                return None
    except OSError:
        return None
    return total


def columns(total: int | None) -> tuple:
    from rich.progress import (
        BarColumn, SpinnerColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
    )

    counts = (TextColumn("{task.fields[stored]} stored · {task.fields[failed]} failed"),
              TextColumn("[cyan]{task.fields[rate]:.1f} articles/s"))
    if total is None:
        return (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("[bold]{task.completed}[/] read"),
                *counts, TimeElapsedColumn())
    return (TextColumn("{task.description}"), BarColumn(), TextColumn("[bold]{task.completed}/{task.total}[/]"),
            TaskProgressColumn(), *counts, TextColumn("ETA"), TimeRemainingColumn())
