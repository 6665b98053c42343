"""The explorer: a right-to-left web UI and a JSON API over the store (``rased serve``).

    from rased.web import create_app
    app = create_app("rased.db")        # read-only by default; serve with uvicorn
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
