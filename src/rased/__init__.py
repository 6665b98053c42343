"""rased (راصد, "the observer"): Arabic news turned into clean, structured, searchable evidence."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "analyze"]


def analyze(data, *, url=None, fetched_at=None, source=None, title=None, published=None, settings=None):
    """Analyze one article (``str`` or ``bytes``; plain text or HTML) and return an ``Article``.

    ``fetched_at`` is the reference time for relative dates («منذ 3 ساعات»); ``title`` and ``published``
    are metadata the caller already knows (a feed entry, a corpus record).
    """
    from .pipeline import analyze as _analyze

    return _analyze(
        data, url=url, fetched_at=fetched_at, source=source, title=title, published=published, settings=settings
    )
