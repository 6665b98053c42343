"""The sources file: TOML ``[[sources]]`` tables, each an RSS/Atom feed, a news sitemap or a listing page.

    [[sources]]
    url = "https://example.org/rss.xml"      # required
    name = "Example"                         # default: the host
    kind = "feed"                            # feed | sitemap | page; guessed from the address when absent
    interval = 300                           # seconds between checks (default 300)
    language = "ar"
    links = "div.news a.title"               # pages: a CSS selector, or an XPath (starting with / or ( )

A malformed file is refused as a whole with one line naming the file and the entry (``InputError``).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError

KINDS = ("feed", "sitemap", "page")
FIELDS = frozenset(("url", "name", "kind", "interval", "language", "links"))
DEFAULT_INTERVAL = 300.0
MIN_INTERVAL = 0.1  # tests and the demo poll fast; a real deployment keeps minutes


@dataclass(slots=True, frozen=True)
class Source:
    url: str
    name: str
    kind: str  # as given or guessed; a guessed kind yields to what the answer turns out to be
    interval: float = DEFAULT_INTERVAL
    language: str | None = None
    links: str | None = None  # a CSS selector or an XPath of the article links (pages)
    kind_given: bool = False

    def validate(self) -> list[str]:
        problems = []
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            problems.append(f"url {self.url!r} is not an http(s) address")
        if self.kind not in KINDS:
            problems.append(f"kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if not self.interval >= MIN_INTERVAL:
            problems.append(f"interval {self.interval!r} is below {MIN_INTERVAL} seconds")
        if not self.name.strip():
            problems.append("the name is empty")
        return problems


def guess_kind(url: str) -> str:
    path = urlsplit(url).path.lower()
    if "sitemap" in path:
        return "sitemap"
    if any(w in path for w in ("rss", "atom", "feed")) or path.endswith((".xml", ".rdf")):
        return "feed"
    return "page"


def _entry(raw: object, where: str) -> Source:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: a source must be a table with a url")
    unknown = sorted(set(raw) - FIELDS)
    if unknown:
        raise InputError(f"{where}: unknown field {unknown[0]!r}", hint="fields: " + ", ".join(sorted(FIELDS)))
    url = raw.get("url")
    if not isinstance(url, str) or not url.strip():
        raise InputError(f"{where}: the url is missing", hint='every [[sources]] table needs url = "https://..."')
    for name in ("name", "kind", "language", "links"):
        if name in raw and not isinstance(raw[name], str):
            raise InputError(f"{where}: {name} must be a string")
    interval = raw.get("interval", DEFAULT_INTERVAL)
    if isinstance(interval, bool) or not isinstance(interval, (int, float)):
        raise InputError(f"{where}: interval must be a number of seconds")
    url = url.strip()
    kind = raw.get("kind")
    src = Source(url=url, name=raw.get("name") or urlsplit(url).hostname or url, kind=kind or guess_kind(url),
                 interval=float(interval), language=raw.get("language"), links=raw.get("links") or None,
                 kind_given=kind is not None)
    problems = src.validate()
    if problems:
        raise InputError(f"{where}: {problems[0]}")
    return src


def parse(text: str, origin: str = "sources") -> tuple[Source, ...]:
    """The sources of a TOML text; ``InputError`` naming ``origin`` on anything malformed."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{origin}: not valid TOML: {err}", hint="see the sources file format in `rased watch --help`") from None
    items = data.get("sources")
    if not isinstance(items, list) or not items:
        raise InputError(f"{origin}: no [[sources]] tables", hint='add [[sources]] with url = "https://..."')
    out = [_entry(raw, f"{origin}: source {i}") for i, raw in enumerate(items, 1)]
    urls = [s.url for s in out]
    dup = next((u for u in urls if urls.count(u) > 1), None)
    if dup:
        raise InputError(f"{origin}: the url {dup} is listed twice")
    return tuple(out)


def load(path: str | Path) -> tuple[Source, ...]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"no such sources file: {p}", hint="give a TOML file with [[sources]] tables") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the sources file {p}: {err}") from None
    return parse(text, str(p))
