"""What linking knows: a registry and the matcher over its names, the shipped ones or those with the analyst's
actors added.

    kb = base.for_actors(())                 # the shipped registry and matcher
    kb = base.for_actors(user_actors)        # the same plus the analyst's actors (a tuple of ``Actor``)

Each distinct set of actors gets its own registry and matcher; nothing is changed in place, so two analyses
with different actors (two threads, two stores) never see each other's names. The few most recent sets are
kept, keyed by the actors themselves (``Actor`` is frozen and hashable), because building a matcher takes
most of a second.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import matcher as matching
from . import registry as registries
from .user_actors import merge


@dataclass(frozen=True)
class Knowledge:
    registry: registries.Registry
    matcher: matching.Matcher


SETS_KEPT = 8  # user registries whose matcher stays built (a batch job or a server uses one or two)


def for_actors(actors: tuple = ()) -> Knowledge:
    """The registry and matcher with ``actors`` (``Actor`` records) added to the shipped ones."""
    if not actors:
        return Knowledge(registries.load(), matching.default_matcher())
    return _built(tuple(actors))


@lru_cache(maxsize=SETS_KEPT)
def _built(actors: tuple) -> Knowledge:
    registry = merge(registries.load(), actors)
    return Knowledge(registry, matching.Matcher(registry))
