"""Real corpus articles rendered the way their sites print them when scraped as plain text.

The corpora give clean fields (title, time, body). Scraped pages are not clean: a title line, a date line in the
site's own Arabic format, print/share lines, repeated image captions. Each layout here puts a real article back
into such a page, so that cleaning and metadata rules are checked on many real articles, with known answers.
"""
from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from babel import Locale

from ..datasets import CorpusDoc
from ..stages.pieces import line_piece

_EG = Locale.parse("ar_EG")
_LEVANT = Locale.parse("ar_SY")
MONTHS = [_EG.months["format"]["wide"][i] for i in range(1, 13)]
LEVANT_MONTHS = [_LEVANT.months["format"]["wide"][i] for i in range(1, 13)]
WEEKDAYS = [_EG.days["format"]["wide"][i] for i in range(7)]  # Monday first, as datetime.weekday()
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True)
class Scraped:
    raw: str
    title: str
    published: str  # ISO value expected in Article.published
    precision: str
    body: list[str]  # the body paragraphs expected in Article.text
    boilerplate: list[str]  # lines that must not be in Article.text


def _display(line: str) -> str:
    """A line as cleaning displays it: invisible marks dropped, spaces collapsed."""
    return line_piece(line, 0, len(line)).text


def _body(doc: CorpusDoc) -> list[str]:
    return [d for d in (_display(line) for line in doc.text.splitlines()) if d]


def _twelve(dt: datetime, am: str = "ص", pm: str = "م") -> str:
    hour = dt.hour % 12 or 12
    return f"{hour:02d}:{dt.minute:02d} {pm if dt.hour >= 12 else am}"


def _caption(title: str) -> str:
    return " ".join(title.split()[:4])


def alarabiya(doc: CorpusDoc, when: datetime) -> Scraped:
    ksa = when.astimezone(timezone(timedelta(hours=3)))
    date_line = f"نشر في: {WEEKDAYS[ksa.weekday()]} {ksa.day} {MONTHS[ksa.month - 1]} {ksa.year} - {ksa:%H:%M} بتوقيت مكة"
    body = _body(doc)
    caption = _caption(doc.title)
    lines = [doc.title, date_line, "طباعة", body[0], caption, *body[1:], caption, "اقرأ أيضاً", "شارك"]
    return Scraped("\n".join(lines), _display(doc.title), ksa.isoformat(timespec="minutes"), "minute", body,
                   ["طباعة", "اقرأ أيضاً", "شارك", caption])


def bbc(doc: CorpusDoc, when: datetime) -> Scraped:
    date_line = f"{when.day} {MONTHS[when.month - 1]}/ {LEVANT_MONTHS[when.month - 1]} {when.year}"
    body = _body(doc)
    credit = "مصدر الصورة Getty Images"
    lines = [doc.title, "", date_line, "", "شارك هذا الموضوع عبر فيسبوك", credit, *body[:1], credit, *body[1:], credit]
    return Scraped("\n".join(lines), _display(doc.title), when.date().isoformat(), "day", body, [credit, "شارك هذا الموضوع"])


def skynews(doc: CorpusDoc, when: datetime) -> Scraped:
    gulf = when.astimezone(timezone(timedelta(hours=4)))
    date_line = f"{WEEKDAYS[gulf.weekday()]} {gulf.day}/{gulf.month}/{gulf.year} - {_twelve(gulf)}"
    body = _body(doc)
    caption = _caption(doc.title)
    lines = [doc.title, "\u00a0", date_line, *body, caption, caption, caption, "تابعونا على تويتر", "شارك"]
    naive = gulf.replace(tzinfo=None)
    return Scraped("\r\n".join(lines), _display(doc.title), naive.isoformat(timespec="minutes"), "minute", body,
                   ["تابعونا على تويتر", caption])


def gulf_press(doc: CorpusDoc, when: datetime) -> Scraped:
    """Saudi dailies: weekday, Arabic-Indic digits, and a print line under the title."""
    date_line = f"{WEEKDAYS[when.weekday()]} {when.day} {MONTHS[when.month - 1]} {when.year}م".translate(AR_DIGITS)
    body = _body(doc)
    lines = [doc.title, date_line, f"طباعة {_caption(doc.title)}", *body, "أرسل لصديق", "تكبير الخط"]
    return Scraped("\n".join(lines), _display(doc.title), when.date().isoformat(), "day", body, ["أرسل لصديق", "تكبير الخط"])


LAYOUTS = {"alarabia": alarabiya, "BBC": bbc, "skynews": skynews}


def corpus_time(doc: CorpusDoc) -> datetime | None:
    if doc.corpus == "ant":
        try:
            return email.utils.parsedate_to_datetime(doc.time)
        except (TypeError, ValueError):
            return None
    try:
        return datetime.fromisoformat(doc.time)
    except ValueError:
        return None


def render(doc: CorpusDoc) -> Scraped | None:
    """The article as its site would have been scraped, or None when the record lacks a title/time/body."""
    when = corpus_time(doc)
    if when is None or not doc.title.strip() or len(_body(doc)) < 2:
        return None
    layout = LAYOUTS.get(doc.source, gulf_press) if doc.corpus == "ant" else gulf_press
    return layout(doc, when)
