"""The actor registry: countries, places, groups, persons and organisations with their Arabic names.

Records are read from the JSON Lines files shipped in ``rased/knowledge/actors/`` (see ``SCHEMA.md`` there).
``Registry.load()`` reads them once and caches the result::

    reg = Registry.load()
    reg.get("grp:isis").name_en          # 'Islamic State'
    [s.text for s in reg.names("cty:IRQ") if s.nisba][:3]
    reg.lookup("داعش")                   # actors with that name (matching key, not exact spelling)
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from rased.arabic.normalize import key

KINDS = frozenset({"country", "place", "group", "person", "organisation", "government", "military", "agency",
                   "media", "international"})
TYPES = frozenset({"PER", "ORG", "LOC"})
# The NER type each kind must carry.
KIND_TYPE = {"country": "LOC", "place": "LOC", "person": "PER"}
REQUIRED = ("id", "kind", "type", "name_ar", "name_en")

_ID = re.compile(r"^[a-z]{3}:[A-Za-z0-9][A-Za-z0-9.-]*$")
_QID = re.compile(r"^Q\d+$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

PACKAGE = "rased.knowledge.actors"
CURATED_PREFIX = "curated_"


@dataclass(frozen=True)
class Role:
    """A dated role: ``title`` (e.g. ``prime-minister``), ``org`` (an actor id), ISO dates (``None`` = open)."""

    title: str
    org: str | None = None
    start: str | None = None
    end: str | None = None
    code: str | None = None  # CAMEO actor code, for roles taken from the PETRARCH dictionary
    source: str | None = None


@dataclass(frozen=True)
class Actor:
    id: str
    kind: str
    type: str
    name_ar: str
    name_en: str
    aliases_ar: tuple[str, ...] = ()
    aliases_en: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    iso2: str | None = None
    iso3: str | None = None
    nisba_ar: tuple[str, ...] = ()
    parent: str | None = None
    roles: tuple[Role, ...] = ()
    no_match_ar: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def from_dict(cls, d: dict) -> "Actor":
        known = {f for f in cls.__dataclass_fields__ if f != "extra"}
        kw = {k: v for k, v in d.items() if k in known}
        for k in ("aliases_ar", "aliases_en", "nisba_ar", "no_match_ar"):
            kw[k] = tuple(kw.get(k) or ())
        kw["roles"] = tuple(Role(**r) for r in (kw.get("roles") or ()))
        return cls(**kw, extra={k: v for k, v in d.items() if k not in known})


class Surface(NamedTuple):
    """One Arabic surface name of an actor; ``nisba`` marks a nationality adjective (العراقي، العراقيون)."""

    text: str
    nisba: bool


class Registry:
    """All actors by id. Build one with ``Registry.load()`` (cached) or ``Registry(records)``."""

    def __init__(self, actors, *, problems: list[str] | None = None):
        self._actors: dict[str, Actor] = {}
        self._load_problems = list(problems or [])
        for a in actors:
            a = a if isinstance(a, Actor) else Actor.from_dict(a)
            if a.id in self._actors:
                self._load_problems.append(f"duplicate id {a.id}")
                continue
            self._actors[a.id] = a
        self._by_key: dict[str, tuple[str, ...]] | None = None
        self._by_en: dict[str, tuple[str, ...]] | None = None
        # Derived indexes that belong to this registry alone (linking's surname and given-name tables):
        # a registry with the analyst's actors gets its own, never one shared through module state.
        self._derived: dict[str, dict[str, tuple[str, ...]]] = {}

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls) -> "Registry":
        """The registry shipped with the package (read once, then cached)."""
        return _load_shipped()

    @staticmethod
    def read_records() -> tuple[list[dict], list[str]]:
        """Raw records of the shipped files (``curated_*`` sources are skipped) and JSON problems."""
        records: list[dict] = []
        problems: list[str] = []
        base = resources.files(PACKAGE)
        for entry in sorted(base.iterdir(), key=lambda p: p.name):
            if not entry.name.endswith(".jsonl") or entry.name.startswith(CURATED_PREFIX):
                continue
            for n, line in enumerate(entry.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(f"{entry.name}:{n}: bad JSON ({exc.msg})")
                    continue
                missing = [k for k in REQUIRED if not rec.get(k)]
                if missing:
                    problems.append(f"{entry.name}:{n}: missing {', '.join(missing)}")
                    continue
                records.append(rec)
        return records, problems

    # ------------------------------------------------------------------ access
    def get(self, actor_id: str, default=None) -> Actor | None:
        return self._actors.get(actor_id, default)

    def __getitem__(self, actor_id: str) -> Actor:
        return self._actors[actor_id]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def by_kind(self, kind: str) -> list[Actor]:
        return [a for a in self._actors.values() if a.kind == kind]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for a in self._actors.values():
            out[a.kind] = out.get(a.kind, 0) + 1
        return out

    def country(self, iso: str) -> Actor | None:
        """The country actor for an ISO alpha-3 (or alpha-2) code."""
        iso = iso.upper()
        if len(iso) == 2:
            return next((a for a in self.by_kind("country") if a.iso2 == iso), None)
        return self._actors.get(f"cty:{iso}")

    def names(self, actor: Actor | str) -> list[Surface]:
        """Every Arabic surface name: ``name_ar``, the aliases, then the nisba forms (flagged)."""
        a = self._actors[actor] if isinstance(actor, str) else actor
        out: list[Surface] = []
        seen: set[str] = set()
        for text, nisba in [(a.name_ar, False), *((x, False) for x in a.aliases_ar), *((x, True) for x in a.nisba_ar)]:
            if text and text not in seen:
                seen.add(text)
                out.append(Surface(text, nisba))
        return out

    def lookup(self, name: str) -> list[Actor]:
        """Actors one of whose Arabic names has the same matching key as ``name`` (nisba forms included)."""
        if self._by_key is None:
            self._by_key = self._index(lambda a: [_name_key(s.text) for s in self.names(a)])
        return [self._actors[i] for i in self._by_key.get(_name_key(name), ())]

    def lookup_en(self, name: str) -> list[Actor]:
        """Actors whose English name or an English alias is ``name``, case aside: a name written in Latin
        letters in Arabic text («CNN», «BBC»)."""
        if self._by_en is None:
            self._by_en = self._index(lambda a: [" ".join(n.casefold().split()) for n in (a.name_en, *a.aliases_en)])
        return [self._actors[i] for i in self._by_en.get(" ".join(name.casefold().split()), ())]

    def derived_index(self, name: str, keys_of) -> dict[str, tuple[str, ...]]:
        """``key → actor ids`` for the keys ``keys_of(actor)`` gives, built once per registry under ``name``."""
        built = self._derived.get(name)
        if built is None:
            built = self._derived[name] = self._index(keys_of)
        return built

    def _index(self, keys_of) -> dict[str, tuple[str, ...]]:
        """``key → actor ids`` over every actor, for the keys ``keys_of(actor)`` gives."""
        idx: dict[str, list[str]] = {}
        for a in self._actors.values():
            for k in keys_of(a):
                ids = idx.setdefault(k, [])
                if a.id not in ids:
                    ids.append(a.id)
        return {k: tuple(v) for k, v in idx.items()}

    # ------------------------------------------------------------------ checks
    def validate(self) -> list[str]:
        """Problems found in the records: an empty list means the registry is sound."""
        problems = list(self._load_problems)
        ids = self._actors
        countries = {a.iso3 for a in ids.values() if a.kind == "country"}
        for a in ids.values():
            where = a.id
            if not _ID.match(a.id):
                problems.append(f"{where}: id is not of the form 'xxx:ascii-slug'")
            for k in REQUIRED:
                if not getattr(a, k):
                    problems.append(f"{where}: missing {k}")
            if a.kind not in KINDS:
                problems.append(f"{where}: unknown kind {a.kind!r}")
            if a.type not in TYPES:
                problems.append(f"{where}: unknown type {a.type!r}")
            want = KIND_TYPE.get(a.kind, "ORG")
            if a.kind in KINDS and a.type in TYPES and a.type != want:
                problems.append(f"{where}: kind {a.kind} should have type {want}, not {a.type}")
            if a.wikidata is not None and not _QID.match(str(a.wikidata)):
                problems.append(f"{where}: bad wikidata id {a.wikidata!r}")
            if a.country is not None and not (_ISO3.match(a.country) and a.country in countries):
                problems.append(f"{where}: unknown country {a.country!r}")
            if a.parent is not None and a.parent not in ids:
                problems.append(f"{where}: unknown parent {a.parent!r}")
            if a.parent == a.id:
                problems.append(f"{where}: is its own parent")
            if a.kind == "country":
                if not (a.iso3 and a.iso2 and a.id == f"cty:{a.iso3}"):
                    problems.append(f"{where}: country needs iso2, iso3 and id cty:<iso3>")
            elif a.nisba_ar and a.kind != "group":
                # an armed group has its adjective too («الميليشيات الحوثية»): it qualifies a noun as a nationality does
                problems.append(f"{where}: nisba forms only belong to countries and groups")
            for r in a.roles:
                if not r.title:
                    problems.append(f"{where}: role without title")
                if r.org is not None and r.org not in ids:
                    problems.append(f"{where}: role names unknown org {r.org!r}")
                for d in (r.start, r.end):
                    if d is not None and not _DATE.match(d):
                        problems.append(f"{where}: bad role date {d!r}")
                if r.start and r.end and r.end < r.start:
                    problems.append(f"{where}: role ends before it starts ({r.start} > {r.end})")
            names = {_name_key(s.text) for s in self.names(a)}
            for nm in a.no_match_ar:
                if _name_key(nm) not in names:
                    problems.append(f"{where}: no_match_ar {nm!r} is not one of its names")
            if any(not s.text.strip() for s in self.names(a)):
                problems.append(f"{where}: empty Arabic name")
            if any(re.search("[A-Za-z]", s.text) for s in self.names(a)):
                problems.append(f"{where}: Latin letters in an Arabic name")
        return problems


def _name_key(text: str) -> str:
    return " ".join(key(text).split())


@lru_cache(maxsize=1)
def _load_shipped() -> Registry:
    records, problems = Registry.read_records()
    return Registry(records, problems=problems)


def load() -> Registry:
    """Shortcut for ``Registry.load()``."""
    return Registry.load()
