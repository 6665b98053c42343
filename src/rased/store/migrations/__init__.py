"""Numbered schema migrations, one module per step (``m0001_initial``, ``m0002_...``).

Each module defines ``NAME`` and two lists of statements, ``SQLITE`` and ``POSTGRES``; a statement given as
``("optional", sql)`` is tried in a savepoint and skipped where the server lacks the feature (an
extension). A migration runs in one transaction together with its row in ``schema_migrations``; applied
steps are never edited, a change is a new step. A step that adds a PostgreSQL table puts the
``store_changed`` trigger on it (``m0009_store_generation.TRIGGER_FOR``), or the search cache will not see
writes to it.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def steps() -> list[tuple[int, ModuleType]]:
    """All migrations, ordered by number."""
    out = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            out.append((int(info.name[1:5]), importlib.import_module(f"{__name__}.{info.name}")))
    return sorted(out, key=lambda item: item[0])


def latest() -> int:
    return steps()[-1][0]
