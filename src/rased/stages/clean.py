"""Stage ``clean``: the body text, without boilerplate, with glued words repaired.

Reads ``raw``, ``title``, ``removed`` (header lines already consumed); writes ``text``, ``raw_offsets``,
``removed`` and ``problems``. Paragraphs are separated by a blank line in ``text``. Nothing is dropped
silently: every removed line is listed with its reason.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter

from ..arabic import normalize, wordfreq
from ..record import Article, Problem, Removed
from ..settings import Settings
from .pieces import Piece, TextBuilder, join, split_lines

PARAGRAPH_BREAK = "\n\n"

# Boilerplate line openings, written as displayed and matched on matching keys.
_BOILERPLATE_TABLE = (
    ("print", r"(طباعة|اطبع|إطبع|print)"),
    ("share", r"(شارك|شاركها|شارك الخبر|مشاركة|المشاركة|share)"),
    ("read_also", r"(اقرأ|إقرأ|اقرا) (أيضا|أيضاً|ايضا|المزيد|كذلك)"),
    ("follow_us", r"(تابعونا|تابعنا|تابعوا|تابع) (على|عبر|في|آخر)"),
    ("more_news", r"(للمزيد|لمزيد) (من|حول)"),
    ("copyright", r"(جميع )?(الحقوق|حقوق) .*محفوظة"),
    ("send", r"(أرسل|ارسل|إرسال) (لصديق|إلى صديق|الى صديق)"),
    ("comments", r"(التعليقات|تعليقات|أضف تعليق|اضف تعليقك|أضف تعليقك)"),
    ("tags", r"(كلمات مفتاحية|الكلمات المفتاحية|الكلمات الدالة|وسوم|الوسوم|tags)"),
    ("font_size", r"(تكبير الخط|تصغير الخط|حجم الخط)"),
    ("subscribe", r"(اشترك|اشتركوا|سجل) (في|الآن|بالنشرة|للحصول)"),
    ("social", r"((فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تليجرام|انستغرام|إنستغرام|يوتيوب|لينكد إن|"
               r"facebook|twitter|whatsapp|telegram|instagram|youtube|linkedin|email|البريد الإلكتروني)[\s|،,/-]*)+$"),
)
_BOILERPLATE = tuple(
    (reason, re.compile("^(?:" + normalize.key(pattern) + r")(?=$|[\s:：،,.\-–|])", re.I)) for reason, pattern in _BOILERPLATE_TABLE
)
_CONJUNCTIONS = ("و", "ف")
_GLUE_OPENING = re.compile("[وف]|ال")
_NAME_HEADS = ("ال", "عبد", "أبو", "ابو", "بن", "أم")
_LONG_ARABIC_WORD = re.compile("[\u0621-\u064A\u064B-\u0652\u0640]{5,}")


def boilerplate_reason(line: str, settings: Settings, key: str | None = None) -> str | None:
    """The boilerplate reason of ``line`` or None; ``key``: its matching key, if the caller has it already."""
    if len(line.split()) > settings.clean.max_boilerplate_words:
        return None
    key = normalize.key(line) if key is None else key
    for reason, pattern in _BOILERPLATE:
        if pattern.match(key):
            return reason
    return None


def _title_words(title: str | None) -> list[str]:
    return normalize.key(title).split() if title else []


def _is_title_prefix(line_words: list[str], title_words: list[str], settings: Settings) -> bool:
    n = len(line_words)
    return settings.clean.caption_min_words <= n <= len(title_words) and title_words[:n] == line_words


def _strip_quotes(words: list[str]) -> list[str]:
    return [bare for w in words if (bare := w.strip("\"'«»“”"))]


def glue_split(word: str, settings: Settings) -> tuple[int, bool] | None:
    """Where a word glued at a lost break splits, and whether the break was a paragraph's, or None.

    The glued form must be (almost) unseen in the reference corpus. Either the second half is a common
    paragraph opener («طياروقال» → «طيار» | «وقال»: a lost paragraph break), or it is a common word starting
    with the article («الحكومةالعراقية»: a lost space). Both halves are common words of three letters or more,
    and the first does not end in «ال» (the article of the second) nor in «عبد»/«أبو» (a compound name).
    """
    if len(word) < 6 or not _GLUE_OPENING.search(word, 3) or wordfreq.count(word) > settings.clean.glue_max_whole:
        return None
    best, best_score = None, 0
    for i in range(3, len(word) - 3):
        first, second = word[:i], word[i:]
        if first.endswith(_NAME_HEADS):  # «عبدالرشيد», «أبوعزام»: compound names are written solid
            continue
        if second.startswith(_CONJUNCTIONS) and len(second) >= 4:
            paragraph = True
            score = min(wordfreq.count(first), wordfreq.opener_count(second) * 4)
            enough = wordfreq.opener_count(second) >= settings.clean.glue_min_opener
        elif second.startswith("ال") and len(second) >= 5:
            paragraph = False
            score = min(wordfreq.count(first), wordfreq.count(second))
            enough = True
        else:
            continue
        if enough and wordfreq.count(first) >= settings.clean.glue_min_part and score > best_score:
            if paragraph or wordfreq.count(second) >= settings.clean.glue_min_part:
                best, best_score = (i, paragraph), score
    return best


def _repair_glue(piece: Piece, settings: Settings) -> tuple[list[Piece], list[tuple[int, str]]]:
    """Split a line at glued words. A glue before a conjunction followed by more words was a lost paragraph
    break: the line becomes two paragraphs; otherwise a space goes back between the halves.
    Returns the paragraphs and, for each repair, (index of the paragraph it starts or sits in, note)."""
    cuts: list[tuple[int, bool, str]] = []
    for tok in _LONG_ARABIC_WORD.finditer(piece.text):
        word = tok.group()
        found = glue_split(word, settings)
        if found is None:
            continue
        cut, paragraph = found
        at = tok.start() + cut
        new_paragraph = paragraph and len(piece.text[at:].split()) >= 3
        note = f"«{word}» split into «{word[:cut]}» + «{word[cut:]}»"
        cuts.append((at, new_paragraph, note + (" (lost paragraph break)" if new_paragraph else "")))
    if not cuts:
        return [piece], []
    paragraphs: list[Piece] = []
    repairs: list[tuple[int, str]] = []
    current = piece.slice(0, cuts[0][0])
    for i, (at, new_paragraph, note) in enumerate(cuts):
        following = piece.slice(at, cuts[i + 1][0] if i + 1 < len(cuts) else len(piece.text))
        if new_paragraph:
            paragraphs.append(current)
            current = following
        else:
            current = join(current, following, " ")
        repairs.append((len(paragraphs), note))
    paragraphs.append(current)
    return paragraphs, repairs


def run(article: Article, settings: Settings) -> Article:
    consumed = [(r.raw_start, r.raw_end) for r in article.removed]
    lines = [p for p in split_lines(article.raw) if not any(a <= p.raw_start < b for a, b in consumed)]
    title_words = _strip_quotes(_title_words(article.title))
    keys = [normalize.key(p.text) for p in lines]  # each line's key once, for the three tests below
    short_counts = Counter(
        [k for p, k in zip(lines, keys) if p.text and len(p.text.split()) <= settings.clean.repeat_max_words]
    )
    removed: list[Removed] = []
    kept: list[Piece] = []
    for piece, line_key in zip(lines, keys):
        if not piece.text:
            if piece.raw_end > piece.raw_start:  # a line of stray spaces / NBSPs
                removed.append(Removed(article.raw[piece.raw_start : piece.raw_end], "blank", piece.raw_start, piece.raw_end))
            continue
        reason = boilerplate_reason(piece.text, settings, line_key)
        words = _strip_quotes(line_key.split())
        if reason is None and title_words:
            if words == title_words:
                reason = "title_repeated"
            elif _is_title_prefix(words, title_words, settings):
                reason = "caption_title_prefix"
        if reason is None and len(words) <= settings.clean.repeat_max_words and short_counts[line_key] >= settings.clean.repeat_min:
            reason = "repeated_short_line"
        if reason is not None:
            removed.append(Removed(piece.text, reason, piece.raw_start, piece.raw_end))
        else:
            kept.append(piece)

    builder = TextBuilder()
    problems: list[Problem] = []
    for piece in kept:
        parts, repairs = _repair_glue(piece, settings)
        starts = []
        for part in parts:
            if builder.length:
                builder.separator(PARAGRAPH_BREAK)
            starts.append(builder.add(part)[0])
        for index, note in repairs:
            problems.append(Problem("glued_words_split", note, starts[index], starts[index]))
    text, runs = builder.build()
    if not text:
        problems.append(Problem("empty_body", "no body text is left after cleaning"))
    elif not re.search(r"[\u0621-\u064A]", text):
        problems.append(Problem("not_arabic", "the body has no Arabic letters"))
    return dataclasses.replace(
        article,
        text=text,
        raw_offsets=runs,
        removed=tuple(sorted(article.removed + tuple(removed), key=lambda r: r.raw_start)),
        problems=article.problems + tuple(problems),
    )
