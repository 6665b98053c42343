"""Search pages kept per store generation: the explorer answers a search it has answered before (a reload, the
back button, a page or a facet visited again) without running it, until the store changes.

The generation is ``SQLStore.generation()`` read on a connection of the cache's own, which never writes
(SQLite: ``PRAGMA data_version``, which changes when any other connection commits, in this process or another;
PostgreSQL: a counter each committed write to this database raises, migration 9). A request reads it before its search runs and the cache drops every page as
soon as it changes; a page computed while a write lands is stored only if the generation it was read under is
still the current one, so no page older than the store's state at the moment its request began is ever served.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from ..store import SQLStore
from ..store.model import SearchPage


class SearchCache:
    """Up to ``size`` search pages (least recently used dropped first) for the current store generation; every
    method takes the one lock, so requests on several threads share it safely."""

    def __init__(self, watcher: SQLStore, size: int = 256):
        self._watcher = watcher
        self._size = size
        self._pages: OrderedDict[Hashable, SearchPage] = OrderedDict()
        self._generation: Any = None
        self._lock = threading.Lock()

    def generation(self) -> Any:
        """The store's generation now (a change drops every page)."""
        with self._lock:
            g = self._watcher.generation()
            if g != self._generation:
                self._pages.clear()
                self._generation = g
            return g

    def get(self, key: Hashable, generation: Any) -> SearchPage | None:
        with self._lock:
            page = self._pages.get(key) if generation == self._generation else None
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: Hashable, generation: Any, page: SearchPage) -> None:
        with self._lock:
            if generation != self._generation or self._size < 1:
                return
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self._size:
                self._pages.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._pages)

    def close(self) -> None:
        self._watcher.close()
