"""Every command has --help and is named in the README (the README is the user's map of the CLI)."""
from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from rased.cli.main import parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_command_is_documented(command, capsys):
    assert f"rased {command}" in README or f"`{command}`" in README
    with pytest.raises(SystemExit) as done:
        parser().parse_args([command, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip()
