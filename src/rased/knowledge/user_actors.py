"""The analyst's own actors: records in the registry's schema (``actors/SCHEMA.md``), read from CSV or JSON Lines,
checked against the shipped registry, and merged with it for linking.

    actors, warnings = user_actors.read("my_actors.csv")   # InputError on a bad file, nothing half-read
    registry = user_actors.merge(Registry.load(), actors)

A record whose id is a shipped actor's extends it: its aliases are added, its empty fields are the shipped ones
(«add the alias «الخلية» to agy:irq-smc»). Any other record is a new actor; ``type`` follows from ``kind``.
CSV cells hold lists separated by ``|`` («داعش|تنظيم الدولة»).
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..arabic import normalize, wordfreq
from ..errors import InputError
from .registry import KIND_TYPE, KINDS, Actor, Registry

# The columns a file may have, and those it must have (a shipped id may leave the names empty).
COLUMNS = ("id", "kind", "type", "name_ar", "name_en", "aliases_ar", "aliases_en", "country", "wikidata",
           "parent", "no_match_ar")
REQUIRED_COLUMNS = ("id", "kind", "name_ar", "name_en")
LIST_FIELDS = ("aliases_ar", "aliases_en", "no_match_ar")
LIST_SEPARATOR = "|"
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl"}
# A one-word alias whose bare and definite forms are both this common in the reference corpora takes the
# article like any noun («القائد», «الأمن»): matched everywhere, it would link ordinary prose.
COMMON_FORM_COUNT = 200


def validate() -> list[str]:
    """Problems in this module's tables (an empty list when sound)."""
    problems = [f"required column {c} is not a column" for c in REQUIRED_COLUMNS if c not in COLUMNS]
    problems += [f"list field {c} is not a column" for c in LIST_FIELDS if c not in COLUMNS]
    return problems + [f"format {f!r} unknown" for f in FORMATS.values() if f not in ("csv", "jsonl")]


def read(path: str | Path, shipped: Registry | None = None) -> tuple[tuple[Actor, ...], list[str]]:
    """The actors of a CSV or JSONL file, checked (``check``), and the warnings; a clear ``InputError`` (naming the
    line) for a file that cannot be read as a whole."""
    p = Path(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise InputError(f"{p.name}: unknown actor file type", hint="give a .csv or .jsonl file")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"no such file: {path}", hint="check the path") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {path}: {err}", hint="actor files are UTF-8 text") from None
    rows = _csv_rows(text, p.name) if fmt == "csv" else _jsonl_rows(text, p.name)
    return check(rows, shipped)


def _csv_rows(text: str, name: str) -> list[tuple[str, dict]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or ()]
    _check_columns(header, name)
    out = []
    for row in reader:
        rec = {}
        for k, v in row.items():
            if k is None:
                raise InputError(f"{name}:{reader.line_num}: more cells than columns")
            v = (v or "").strip()
            k = k.strip()
            rec[k] = [x.strip() for x in v.split(LIST_SEPARATOR) if x.strip()] if k in LIST_FIELDS else (v or None)
        if any(rec.values()):
            out.append((f"{name}:{reader.line_num}", rec))
    return out


def _jsonl_rows(text: str, name: str) -> list[tuple[str, dict]]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{name}:{n}: bad JSON ({err.msg})") from None
        if not isinstance(rec, dict):
            raise InputError(f"{name}:{n}: a record is a JSON object")
        _check_columns(list(rec), f"{name}:{n}", required=False)
        out.append((f"{name}:{n}", rec))
    return out


def _check_columns(columns: Sequence[str], where: str, *, required: bool = True) -> None:
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise InputError(f"{where}: unknown column {unknown[0]!r}", hint="columns: " + ", ".join(COLUMNS))
    missing = [c for c in REQUIRED_COLUMNS if c not in columns] if required else []
    if missing:
        raise InputError(f"{where}: missing column {missing[0]!r}", hint="columns: " + ", ".join(COLUMNS))


def check(rows: Iterable[tuple[str, dict]], shipped: Registry | None = None) -> tuple[tuple[Actor, ...], list[str]]:
    """Records ``(where, dict)`` → actors and warnings. Errors (a duplicate id, a missing name, a kind or country
    the schema does not know) raise one ``InputError`` naming the first; a common-word alias is a warning and is
    kept out of the matcher (``no_match_ar``), as the shipped registry does with «صور»."""
    shipped = shipped or Registry.load()
    seen: dict[str, str] = {}
    actors, warnings = [], []
    for where, rec in rows:
        aid = str(rec.get("id") or "").strip()
        if not aid:
            raise InputError(f"{where}: missing id")
        if aid in seen:
            raise InputError(f"{where}: duplicate id {aid} (first at {seen[aid]})", hint="one line per actor")
        seen[aid] = where
        actor = _actor(rec, shipped.get(aid), where)
        common = [a for a in actor.aliases_ar if a not in actor.no_match_ar and common_word(a, shipped)]
        for alias in common:
            warnings.append(f"{where}: alias «{alias}» of {aid} is a common word: kept for lookup, not matched in text")
        if common:
            actor = dataclasses.replace(actor, no_match_ar=actor.no_match_ar + tuple(common))
        actors.append(actor)
    ours = {a.id for a in actors}
    for problem in merge(shipped, actors).validate():
        aid = next((i for i in ours if problem.startswith(i + ": ")), None)
        if aid is not None:
            raise InputError(f"{seen[aid]}: {problem}", hint="see the registry schema (knowledge/actors/SCHEMA.md)")
    return tuple(actors), warnings


TEXT_FIELDS = ("id", "kind", "type", "name_ar", "name_en", "country", "wikidata", "parent")


def _actor(rec: dict, base: Actor | None, where: str) -> Actor:
    d = {k: v for k, v in rec.items() if v not in (None, "", [])}
    wrong = next((k for k in TEXT_FIELDS if k in d and not isinstance(d[k], str)), None)
    if wrong:
        raise InputError(f"{where}: {wrong} is a string, not {type(d[wrong]).__name__}")
    d = {k: v.strip() if isinstance(v, str) else v for k, v in d.items()}
    for k in LIST_FIELDS:
        value = d.get(k, [])
        if isinstance(value, str):
            value = [x.strip() for x in value.split(LIST_SEPARATOR) if x.strip()]
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            raise InputError(f"{where}: {k} is a list of names")
        d[k] = value
    if base is not None:  # extends a shipped actor: its aliases are added, its fields kept where none is given
        if d.get("kind", base.kind) != base.kind:
            raise InputError(f"{where}: {base.id} is a {base.kind} in the shipped registry, not a {d['kind']}")
        merged = {f: d.get(f, getattr(base, f)) for f in ("name_ar", "name_en", "wikidata", "country", "parent")}
        return dataclasses.replace(base, **merged, **{k: tuple(d[k]) for k in LIST_FIELDS})
    for k in REQUIRED_COLUMNS:
        if not d.get(k):
            raise InputError(f"{where}: {d['id']} has no {k}")
    if d["kind"] not in KINDS:
        raise InputError(f"{where}: unknown kind {d['kind']!r}", hint="kinds: " + ", ".join(sorted(KINDS)))
    d.setdefault("type", KIND_TYPE.get(d["kind"], "ORG"))
    try:
        return Actor.from_dict(d)
    except TypeError as err:  # a role that is not {title, org, start, end}
        raise InputError(f"{where}: {d['id']}: bad field ({err})") from None


def common_word(name: str, shipped: Registry) -> bool:
    """A one-word name that is a function word, or a noun whose bare and definite forms are both common
    («القائد», «الأمن»), and that no shipped actor bears."""
    words = name.split()
    if len(words) != 1 or shipped.lookup(name):
        return False
    word = normalize.light(words[0])
    if word in wordfreq.stopwords():
        return True
    bare, definite = (word[2:], word) if word.startswith("ال") else (word, "ال" + word)
    return min(wordfreq.count(bare), wordfreq.count(definite)) >= COMMON_FORM_COUNT


def merge(shipped: Registry, actors: Sequence[Actor]) -> Registry:
    """The shipped registry with ``actors`` added; a shipped id's aliases grow (its own stay first)."""
    if not actors:
        return shipped
    extra = {a.id: a for a in actors}
    out = []
    for a in shipped:
        user = extra.pop(a.id, None)
        if user is not None:
            a = dataclasses.replace(user, **{k: _union(getattr(a, k), getattr(user, k)) for k in LIST_FIELDS})
        out.append(a)
    return Registry([*out, *extra.values()])


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))


def to_record(actor: Actor) -> dict:
    """The JSON form of one actor as an actor file holds it (empty fields left out)."""
    d = dataclasses.asdict(actor)
    d.pop("extra", None)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items() if v not in (None, (), [], "")}
