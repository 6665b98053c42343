"""The article store: SQLite (default, one file) or PostgreSQL, behind one interface.

    from rased.store import open_store
    with open_store("rased.db") as store:          # or "sqlite:///path", "postgresql://..."
        store.add(article)
        hits = store.search("«الموصل» داعش", date_from="2015-01-01")

Writes are idempotent by ``Article.id`` (a content hash); a changed text under the same URL is a new
version, kept beside the old one. See ``sql.py`` for the interface, ``text_index.py`` for search keys.
"""
from __future__ import annotations

import os

from ..errors import StoreError
from .model import (
    ActorSummary, Facet, Failed, FailureRow, Folded, Hit, PutResult, SearchPage, Story, StoryArticle, Stored,
)
from .sql import SQLStore
from .text_index import Snippet

DEFAULT_DB = "rased.db"

__all__ = [
    "DEFAULT_DB", "ActorSummary", "Facet", "Failed", "FailureRow", "Folded", "Hit", "PutResult", "SQLStore",
    "SearchPage", "Snippet", "Story", "StoryArticle", "Stored", "open_store",
]


def open_store(url: str | os.PathLike[str] | None = None, *, create: bool = True) -> SQLStore:
    """Open (creating and migrating as needed) the store at ``url``: a path, ``sqlite:///path`` or
    ``postgresql://...``. With ``create=False`` a missing SQLite file is an error, not a new store."""
    target = str(url) if url is not None else DEFAULT_DB
    if target.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(target)
    if target.startswith("sqlite://"):
        path = target[len("sqlite://"):]
        if path.startswith("/"):
            path = path[1:]  # sqlite:///rel.db → rel.db; sqlite:////abs.db → /abs.db
        target = path or ":memory:"
    elif "://" in target:
        scheme = target.split("://", 1)[0]
        raise StoreError(f"unknown store URL scheme {scheme!r}", hint="use a file path, sqlite:///PATH or postgresql://...")
    if not create and target != ":memory:" and not os.path.exists(target):
        raise StoreError(f"no store at {target}", hint="run `rased ingest PATH` first, or pass --db")
    from .sqlite import SQLiteStore

    return SQLiteStore(target)
