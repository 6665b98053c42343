"""Stage ``header``: title, date line and author line at the top of a scraped page.

Reads ``raw`` and ``hints``; writes ``title``, ``published``, ``dateline``, ``author`` and ``removed``
(the header lines it consumed, so that cleaning leaves them out of the body).
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from datetime import datetime

from ..arabic import normalize
from ..arabic.dates import DateMatch, find_date, find_dates
from ..record import Article, Dateline, Problem, Published, Removed
from ..settings import Settings
from .pieces import Piece, iter_lines

# Words that may stand around a date on a date line without making it a sentence.
_DATE_LINE_WORDS = {
    normalize.key(w)
    for w in (
        "نشر في نشر بتاريخ تاريخ النشر آخر تحديث اخر تحديث تم التحديث محدث المحدث بتاريخ في يوم الساعة "
        "بتوقيت غرينتش جرينتش مكة المكرمة القاهرة بغداد دمشق بيروت الرياض أبوظبي الدوحة القدس عمان GMT UTC "
        "ص م مساء مساءً صباحا صباحاً ظهرا ظهراً ليلا هـ ه الموافق منذ على عند KSA"
    ).split()
}
_AUTHOR_LINE = re.compile(
    r"^(?:(?:كتب|كتبت|بقلم|كتبه|بواسطة|by)\s*[:：\-–]?|(?:إعداد|اعداد|تقرير|تحرير)\s*[:：\-–])\s*(?P<name>.{3,60})$", re.I
)
_UPDATED = re.compile(r"(آخر|اخر)\s+تحديث|تم\s+التحديث|محدث")
_PUNCT = re.compile(r"[\s\-–—|/:،,()\[\]]+")


def _leftover_words(text: str, matches: list[DateMatch]) -> list[str]:
    pieces, pos = [], 0
    for match in matches:
        pieces.append(text[pos : match.start])
        pos = match.end
    pieces.append(text[pos:])
    return [w for w in _PUNCT.split(normalize.key(" ".join(pieces))) if w and w not in _DATE_LINE_WORDS]


def date_line_match(line: str, reference: datetime | None) -> DateMatch | None:
    """The date of a date line: one or two dates (Hijri beside Gregorian) and at most one other word."""
    if len(line) > 120:
        return None
    matches = find_dates(line, reference=reference)
    if not matches or len(_leftover_words(line, matches)) > 1:
        return None
    return find_date(line, reference=reference)


def iso(match: DateMatch) -> str:
    """ISO 8601 at the precision the text gave: a date, or a time to the minute or second."""
    if match.precision == "day":
        return match.value.date().isoformat()
    return match.value.isoformat(timespec="minutes" if match.precision == "minute" else "seconds")


def _published(match: DateMatch, source: str, text: str) -> Published:
    return Published(iso(match), match.precision, source, text)


def _reference(article: Article) -> datetime | None:
    value = article.hint("fetched_at")
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _looks_like_title(piece: Piece, settings: Settings) -> bool:
    words = piece.text.split()
    return 0 < len(words) <= settings.header.max_title_words and not piece.text.endswith((".", ":"))


def run(article: Article, settings: Settings) -> Article:
    reference = _reference(article)
    top = list(itertools.islice((p for p in iter_lines(article.raw) if p.text), settings.header.header_lines + 1))
    lines = top
    removed: list[Removed] = []
    problems: list[Problem] = []
    title = article.hint("title")
    author = article.hint("author")
    published: Published | None = None
    dateline: Dateline | None = None
    updated: Published | None = None

    title_key = normalize.key(title).strip() if title else None
    for index, piece in enumerate(top[: settings.header.header_lines]):
        line_key = normalize.key(piece.text)
        if title_key is not None and line_key == title_key:
            removed.append(Removed(piece.text, "title", piece.raw_start, piece.raw_end))
            continue
        match = date_line_match(piece.text, reference)
        if match is not None:
            found = _published(match, "date_line", piece.text)
            is_update = bool(_UPDATED.search(piece.text))
            if is_update:
                updated = updated or found
            elif published is None:
                published = found
                dateline = Dateline(text=piece.text)
            removed.append(Removed(piece.text, "date_line", piece.raw_start, piece.raw_end))
            continue
        author_match = _AUTHOR_LINE.match(piece.text)
        if author_match and len(piece.text.split()) <= 8:
            author = author or author_match.group("name").strip()
            removed.append(Removed(piece.text, "author_line", piece.raw_start, piece.raw_end))
            continue
        if title is None and index == 0 and len(lines) > 1 and _looks_like_title(piece, settings):
            title = piece.text
            title_key = line_key
            removed.append(Removed(piece.text, "title", piece.raw_start, piece.raw_end))
            continue
        break  # the body has started

    if published is None:
        page_date = article.hint("date")
        if page_date:
            for match in find_dates(page_date, reference=reference):
                published = _published(match, "page_metadata", page_date)
                break
    if published is None and article.hint("page_lines"):
        for line in article.hint("page_lines").split("\n"):
            match = date_line_match(line, reference)
            if match is not None:
                published = _published(match, "page_date_line", line)
                dateline = Dateline(text=line)
                break
    if published is None and updated is not None:
        published = dataclasses.replace(updated, source="date_line_updated")
        problems.append(Problem("published_from_update", "only an update time was given; it is used as the publication time"))
    if published is None:
        problems.append(Problem("no_publication_time", "no publication time was found; `published` is null"))
    return dataclasses.replace(
        article,
        title=title,
        author=author,
        published=published,
        dateline=dateline,
        removed=article.removed + tuple(removed),
        problems=article.problems + tuple(problems),
    )
