"""Articles built by hand for the store tests."""
from __future__ import annotations

from rased.record import Article, Entity, Published, content_id


def make(text: str, *, title: str | None = None, source: str | None = "test", url: str | None = None,
         day: str | None = None, entities: tuple[Entity, ...] | None = None, **kw) -> Article:
    """An article built by hand (id = content hash of the text)."""
    published = Published(day, "day", "caller", day) if day else None
    return Article(id=content_id(text), text=text, title=title, source=source, url=url, published=published,
                   entities=entities, **kw)


def entity(text: str, mention: str, type: str, actor_id: str | None) -> Entity:
    start = text.index(mention)
    return Entity(start, start + len(mention), mention, type, actor_id)
