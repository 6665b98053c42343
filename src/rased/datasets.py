"""Where the shared research data lives, and readers for its corpora.

The data is never part of the package: code finds it through ``RASED_DATA`` (default ``../shared/data``
beside the project checkout). Tests, training and benchmarks that need it call ``require`` and skip
when it is absent.
"""
from __future__ import annotations

import json
import os
import re
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError

_PROJECT_ROOT = Path(__file__).resolve().parents[2]


def data_root() -> Path:
    env = os.environ.get("RASED_DATA")
    return Path(env) if env else (_PROJECT_ROOT.parent / "shared" / "data")


def path(*parts: str) -> Path:
    return data_root().joinpath(*parts)


def available(*parts: str) -> bool:
    return path(*parts).exists()


def require(*parts: str) -> Path:
    p = path(*parts)
    if not p.exists():
        raise DataError(f"data set not found: {p}", hint="set RASED_DATA to the shared data folder")
    return p


@dataclass(slots=True, frozen=True)
class CorpusDoc:
    """One article of a research corpus, in the corpus's own fields."""

    corpus: str
    doc_id: str
    source: str
    url: str
    title: str
    text: str
    time: str  # as the corpus gives it
    author: str = ""
    category: str = ""
    abstract: str = ""


def saudinewsnet(limit: int | None = None) -> Iterator[CorpusDoc]:
    """SaudiNewsNet articles (JSON arrays inside one ZIP per crawl day), in a stable order."""
    folder = require("corpora", "saudinewsnet", "dataset")
    count = 0
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for i, item in enumerate(json.loads(zf.read(name))):
                    yield CorpusDoc(
                        corpus="saudinewsnet",
                        doc_id=f"{Path(name).stem}-{i}",
                        source=item.get("source", ""),
                        url=item.get("url", ""),
                        title=item.get("title", "") or "",
                        text=item.get("content", "") or "",
                        time=item.get("date_extracted", "") or "",
                        author=item.get("author", "") or "",
                    )
                    count += 1
                    if limit is not None and count >= limit:
                        return


_ANT_FIELD = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|AUTHOR|ABSTRACT|TEXT)>(.*?)</\1>", re.S)


def parse_ant(xml_text: str) -> dict[str, str]:
    """Fields of one ANT document. ANT files are TREC-style pseudo-XML (bare ``&`` occurs), so a
    tolerant pattern reads them where a strict XML parser would reject a third of the files."""
    return {m.group(1): m.group(2).strip() for m in _ANT_FIELD.finditer(xml_text)}


def ant(limit: int | None = None, categories: set[str] | None = None) -> Iterator[CorpusDoc]:
    """ANT corpus v2.1 articles, read straight from the tar.xz archive."""
    archive = require("corpora", "ant", "ant_alarabiya_skynews_bbc.tar.xz")
    count = 0
    with tarfile.open(archive, "r:xz") as tf:
        for member in tf:
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            handle = tf.extractfile(member)
            if handle is None:
                continue
            fields = parse_ant(handle.read().decode("utf-8", errors="replace"))
            if categories and fields.get("CAT") not in categories:
                continue
            yield CorpusDoc(
                corpus="ant",
                doc_id=fields.get("DOCNO", member.name),
                source=fields.get("SRC", ""),
                url=fields.get("URL", ""),
                title=fields.get("TITLE", ""),
                text=fields.get("TEXT", ""),
                time=fields.get("TIME", ""),
                author=fields.get("AUTHOR", ""),
                category=fields.get("CAT", ""),
                abstract=fields.get("ABSTRACT", ""),
            )
            count += 1
            if limit is not None and count >= limit:
                return
