"""``rased.heap.settle``: what is alive goes to the permanent generation, young collections come less often."""
from __future__ import annotations

import gc

from rased import heap


def test_settle_freezes_what_is_alive_and_raises_the_young_threshold():
    before = gc.get_threshold()
    try:
        kept = [object() for _ in range(10)] + [[] for _ in range(10)]
        heap.settle()
        assert gc.get_freeze_count() >= 10
        assert gc.get_threshold() == (heap.YOUNG, *before[1:])
        assert not any(o is kept[-1] for o in gc.get_objects())  # frozen: out of the collector's generations
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
