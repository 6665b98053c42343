"""What an analyst does to a store's own registry, for the CLI and the explorer alike: add an actor, or more
names of an actor already added or shipped (``add``), then re-link (``rased.ingest.relink``)."""
from __future__ import annotations

from ..knowledge import user_actors
from ..knowledge.registry import Actor


def add(store, record: dict, where: str = "new actor") -> tuple[Actor, list[str], bool]:
    """Put one actor record (the registry's schema; empty fields left out) into the store's registry. An id the
    store already has keeps its record and gains the new names and fields. Returns the stored actor, the
    warnings (a common-word alias) and whether the id was already there. ``InputError`` for a bad record."""
    record = {k: v for k, v in record.items() if v not in (None, "", [])}
    have = {a.id: a for a in store.user_actors()}
    old = have.get(record.get("id", ""))
    if old is not None:
        before = user_actors.to_record(old)
        merged = {**before, **record}
        for k in user_actors.LIST_FIELDS:
            merged[k] = list(dict.fromkeys([*before.get(k, []), *record.get(k, [])]))
        record = merged
    actors, warnings = user_actors.check([(where, record)])
    store.put_user_actors(actors, replace=True)
    return actors[0], warnings, old is not None
