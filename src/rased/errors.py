"""Typed errors: each carries a stable code and a hint for the user.

The CLI turns a RasedError into one line on stderr and exit code 2; the web API into a JSON body.
"""
from __future__ import annotations


class RasedError(Exception):
    code = "rased"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint
        if code is not None:
            self.code = code

    def one_line(self) -> str:
        text = f"error[{self.code}]: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return " ".join(text.split())


class InputError(RasedError):
    """The input cannot be turned into an article (empty, binary, not text, too large...)."""

    code = "input"


class StoreError(RasedError):
    """The store cannot be opened, migrated or written."""

    code = "store"


class ModelError(RasedError):
    """A shipped model or data file is missing or unreadable."""

    code = "model"


class DataError(RasedError):
    """A data set needed for training or evaluation is missing or malformed."""

    code = "data"
