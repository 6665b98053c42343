"""`rased` command line. Each command module adds its parsers through an explicit ``register`` call."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import RasedError
from . import cmd_analyze, cmd_train_eval

COMMAND_MODULES = (cmd_analyze, cmd_train_eval)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rased",
        description="rased (راصد): Arabic news turned into clean, structured, searchable evidence.",
    )
    p.add_argument("--version", action="version", version=f"rased {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for module in COMMAND_MODULES:
        module.register(sub)
    for extra in _optional_modules():
        extra.register(sub)
    return p


def _optional_modules():
    """Command modules of later capabilities, registered when their package is installed with rased."""
    import importlib

    for name in ("cmd_store", "cmd_serve", "cmd_batch", "cmd_actors", "cmd_watch"):
        try:
            yield importlib.import_module(f"{__package__}.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"{__package__}.{name}":
                raise


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except RasedError as err:
        print(f"rased: {err.one_line()}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rased: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
