"""The manifest of a batch output: ``OUT/manifest.json``.

It says what the job was (inputs, options, the code version that ran), every shard (its pieces, key,
status, counts, timings) and the totals. The driver rewrites it atomically while the job runs; the
per-shard markers in ``OUT/_shards/`` that workers write are the ground truth it is assembled from, so a
driver that dies loses nothing: the next run reads the markers again.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import InputError
from . import task

FORMAT = "rased.batch/1"
_NOT_ANALYSIS = {"web", "cli", "eval", "training"}
NAME = "manifest.json"


@lru_cache(maxsize=1)
def code_version() -> str:
    """``rased`` version plus a hash of the package's code, models and data files (the shells and the
    evaluation code left out): two shards with the same value were made by the same analysis code."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for f in sorted(root.rglob("*")):
        rel = f.relative_to(root)
        if rel.parts[0] in _NOT_ANALYSIS or "__pycache__" in rel.parts or f.suffix in (".pyc", ".pyo"):
            continue
        if f.is_file():
            h.update(str(rel).encode())
            h.update(f.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"


def job_signature(inputs: list[str], options: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps([inputs, options], sort_keys=True).encode()).hexdigest()[:16]


def read(out: str | Path) -> dict[str, Any] | None:
    path = Path(out) / NAME
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(f"cannot read {path}: {err}", hint="is this a batch output folder?", code="manifest") from None
    if data.get("format") != FORMAT:
        raise InputError(f"{path} is not a {FORMAT} manifest", hint="give the folder `rased batch --out` wrote")
    return data


def write(out: str | Path, data: dict[str, Any]) -> None:
    task.write_json(Path(out) / NAME, data)


def markers(out: str | Path) -> dict[int, dict[str, Any]]:
    """The finished shards' markers, by shard id."""
    folder = Path(out) / task.MARKERS
    found: dict[int, dict[str, Any]] = {}
    if folder.is_dir():
        for f in sorted(folder.glob("[0-9]*.json")):
            try:
                m = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                continue  # cannot happen with atomic writes; an unreadable marker means "not finished"
            if m.get("status") == "done":
                found[int(m["id"])] = m
    return found
