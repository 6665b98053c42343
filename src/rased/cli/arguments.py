"""Argument types shared by the command modules."""
from __future__ import annotations

import argparse


def positive(value: str) -> int:
    """An argparse type: an integer of 1 or more."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n
