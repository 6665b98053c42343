"""Dates in Arabic news text: month names in every vocabulary, numeric, Hijri, relative, ISO 8601, RFC 822.

Patterns run on the matching key (``normalize.key``), so hamza/yeh variants, diacritics, tatweel and
Arabic-Indic digits need no special cases; spans are mapped back to the original text.
Nothing is guessed: a date needs a day, a month and a year (or a relative phrase plus a reference).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from hijridate import Hijri

from .chars import DROPPED, INVISIBLE
from .months import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS, name_key
from .normalize import key, key_with_offsets


@dataclass(slots=True, frozen=True)
class DateMatch:
    value: datetime  # timezone-aware when the text gives an offset or zone, else naive
    precision: str  # "day" | "minute" | "second"
    start: int  # span of the date expression in the original text
    end: int
    kind: str  # "absolute" | "relative" | "hijri" | "iso" | "rfc822"


def _alt(names) -> str:
    """Regex alternation of names, longest first so «ماي» never shadows «مايو»; spaces stretch."""
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(set(names), key=len, reverse=True))


def _squash(s: str) -> str:
    return re.sub(r"[\s.]+", "", s).lower()


# Fixed standard offsets in minutes; summer time is ignored (Egypt, Lebanon, Morocco shift by an hour).
_UTC_NAMES = ("غرينتش", "غرينيتش", "جرينتش", "جرينيتش", "غرنتش", "GMT", "UTC", "ت غ")
_CITY_ZONES = {
    180: ("مكه المكرمه", "مكه", "السعوديه", "الرياض", "بغداد", "العراق", "الكويت", "الدوحه", "قطر",
          "المنامه", "البحرين", "صنعاء", "دمشق", "سوريا", "الاردن", "KSA"),
    120: ("القاهره", "مصر", "بيروت", "لبنان", "القدس", "فلسطين", "غزه", "الخرطوم", "طرابلس", "ليبيا"),
    240: ("ابوظبي", "ابو ظبي", "الامارات", "دبي", "مسقط"),
    60: ("الرباط", "المغرب", "الجزائر", "تونس"),
}
_ZONES = {_squash(n): 0 for n in _UTC_NAMES} | {_squash(n): o for o, ns in _CITY_ZONES.items() for n in ns}
_BARE_ZONE = r"GMT|UTC|KSA|ت\s*\.?\s*غ|" + _alt(_UTC_NAMES[:5])
_CITY = _alt(n for ns in _CITY_ZONES.values() for n in ns)


def _offset(p: str) -> str:
    """Optional «+3», «+03:00» after GMT; ``p`` prefixes the group names (each alternative needs its own)."""
    return rf"(?:\s*(?P<{p}s>[+-])\s*(?P<{p}h>\d{{1,2}})(?::?(?P<{p}m>\d\d))?)?"


_ZONE = (rf"(?:\s*\(\s*(?:توقيت\s+)?(?P<za>{_BARE_ZONE}|{_CITY}){_offset('z')}\s*\)"
         rf"|\s*ب?توقيت\s+(?P<zb>{_BARE_ZONE}|{_CITY})(?!\w)|\s*(?P<zc>{_BARE_ZONE})(?!\w){_offset('y')})")

# 12-hour markers: how each shifts the hour (ظهرا is around noon, ليلا late evening or after midnight).
_PERIODS = {"ص": "am", "صباحا": "am", "صباح": "am", "فجرا": "am", "am": "am", "a.m.": "am",
            "م": "pm", "مساء": "pm", "مساءا": "pm", "عصرا": "pm", "pm": "pm", "p.m.": "pm",
            "ظهرا": "noon", "ظهر": "noon", "ليلا": "night"}
_TIME = (r"(?:\s*[-–—|،,]\s*|\s+)(?:(?:(?:في|علي)\s+)?(?:تمام\s+)?الساعه\s*)?(?:(?P<zpre>KSA|GMT|UTC)\s*)?"
         r"(?P<hh>[01]?\d|2[0-3])\s*:\s*(?P<mi>[0-5]\d)(?:\s*:\s*(?P<ss>[0-5]\d))?(?!\d)"
         rf"(?:\s*(?P<ap>{_alt(_PERIODS)})(?!\w))?(?:{_ZONE})?")

_GREG = _alt(GREGORIAN_MONTHS)
_MON = rf"(?:{_alt(GREGORIAN_MONTHS | HIJRI_MONTHS)})(?!\w)"
# A second name for the same month: «نيسان/أبريل», «أبريل (نيسان)», wire-style «يوليو تموز».
_PAIR = rf"(?:\s*/\s*(?:{_GREG})|\s*\(\s*(?:{_GREG})\s*\)|\s+(?:{_GREG}))?(?!\w)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_NUM_M = r"(?:0?[1-9]|1[0-2])"
# Not the tail or head of another number («1.5», «10:30», «1/2/3/4»); «13:51-18 أبريل» still reads as a date.
_NOT_AFTER_NUM = r"(?<!\d)(?<!\d[.:/-])"
_AFTER_NUM = r"(?![\d/]|[-.]\d)"
_ERA_TIME = rf"(?:\s*(?P<era>هجريه|هجري|ه|ميلاديه|ميلادي|م)(?!\w))?(?:{_TIME})?"
# Leading look-aheads let the regex engine skip quickly to a digit; day-first forms are one pattern.
_DATE = re.compile(
    rf"(?=\d)(?:(?<!\d)(?<!\d[.:/])(?P<d1>{_DAY})\s*(?:[-/.,،]\s*)?(?:من\s+)?(?P<m1>{_MON}){_PAIR}\s*(?:[-/.,،]\s*)?"
    rf"(?:(?:من\s+)?(?:ال)?(?:عام|سنه)\s+)?(?P<y1>\d{{4}})(?!\d)"
    rf"|{_NOT_AFTER_NUM}(?P<d3>{_DAY})\s*(?P<s3>[-/.])\s*(?P<m3>{_NUM_M})\s*(?P=s3)\s*(?P<y3>\d{{4}}){_AFTER_NUM}"
    rf"|{_NOT_AFTER_NUM}(?P<y4>\d{{4}})\s*(?P<s4>[-/.])\s*(?P<m4>{_NUM_M})\s*(?P=s4)\s*(?P<d4>{_DAY}){_AFTER_NUM})"
    + _ERA_TIME, re.I)
# Month-first «أبريل 18، 2017» (WordPress-style) is rare: only tried when its digit shape is present.
_MDY = re.compile(rf"(?<!\w)(?P<m2>{_MON}){_PAIR}\s+(?P<d2>{_DAY})\s*[,،]\s*(?P<y2>\d{{4}})(?!\d)" + _ERA_TIME, re.I)
_MDY_HINT = re.compile(r"(?=\d)(?<!\d)\d{1,2}\s*[,،]\s*\d{4}(?!\d)")
_WEEKDAY_BEFORE = re.compile(rf"(?<!\w)(?:{_alt(WEEKDAYS)})\s*[-–,،]?\s*$")

_ISO = re.compile(r"(?=\d)(?<![\d\w])(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:[.,]\d+)?)?(Z|[+-]\d\d:?\d\d)?(?!\w)")
_RFC_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_RFC_ZONES = {"gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
              "mst": -420, "mdt": -360, "pst": -480, "pdt": -420}
_RFC_HINT = re.compile(r"\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_RFC = re.compile(
    r"(?<!\w)(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s*)?(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
    r"\s+(\d{4})\s+(\d{1,2}):(\d\d)(?::(\d\d))?(?:\s*([+-]\d{4}|GMT|UTC|UT|Z|[ECMP][SD]T)(?!\w))?", re.I)

# Relative units: (timedelta field, count when the word stands alone; None = plural, needs a number).
_UNITS = {
    "ثانيه": ("seconds", 1), "ثانيتين": ("seconds", 2), "ثانيتان": ("seconds", 2), "ثوان": ("seconds", None),
    "ثواني": ("seconds", None), "دقيقه": ("minutes", 1), "دقيقتين": ("minutes", 2), "دقيقتان": ("minutes", 2),
    "دقائق": ("minutes", None), "دقايق": ("minutes", None), "ساعه": ("hours", 1), "ساعتين": ("hours", 2),
    "ساعتان": ("hours", 2), "ساعات": ("hours", None), "يوم": ("days", 1), "يومين": ("days", 2),
    "يومان": ("days", 2), "ايام": ("days", None), "اسبوع": ("weeks", 1), "اسبوعين": ("weeks", 2),
    "اسبوعان": ("weeks", 2), "اسابيع": ("weeks", None),
}
_NUMBER_WORDS = {w: n for n, ws in {1: "واحد", 3: "ثلاث ثلاثه", 4: "اربع اربعه", 5: "خمس خمسه", 6: "ست سته",
                                    7: "سبع سبعه", 8: "ثمان ثماني ثمانيه", 9: "تسع تسعه", 10: "عشر عشره"}.items()
                 for w in ws.split()}
_PRECISION = {"seconds": "second", "minutes": "minute", "hours": "minute", "days": "day", "weeks": "day"}
_AGO = re.compile(rf"منذ(?<!\wمنذ)\s+(?:(?:نحو|حوالي|قرابه)\s+)?(?:(?P<n>\d{{1,3}}|{_alt(_NUMBER_WORDS)})\s+)?"
                  rf"(?P<unit>{_alt(_UNITS)})(?!\w)")
# A lone singular unit followed by a date or a name is "since (that) day/hour", not "an hour ago".
_SINCE_THAT = re.compile(rf"\s*(?:\d|ال|(?:{_alt(WEEKDAYS)})(?!\w))")
_DAY_WORDS = {"اليوم": 0, "امس": 1, "البارحه": 1, "اول امس": 2, "اول من امس": 2, "امس الاول": 2}
_DAY_WORD = re.compile(rf"(?=[اب])(?<!\w)(?P<w>{_alt(_DAY_WORDS)})(?!\w)(?:{_TIME})?", re.I)
_THAT_DAY = re.compile(r"(?<!\w)(?:منذ|ذلك|ذاك|ذات|نفس)\s+$")
_WEEKDAY_AHEAD = re.compile(rf"\s*\(?\s*(?:{_alt(WEEKDAYS)})(?!\w)")
_RANK = {"iso": 0, "rfc822": 0, "absolute": 1, "hijri": 2, "relative": 3}


def _zone(m: re.Match) -> timezone | None:
    name = m["zpre"] or m["za"] or m["zb"] or m["zc"]
    offset = _ZONES.get(_squash(name)) if name else None
    if offset is None:
        return None
    sign, hours, mins = (m["zs"], m["zh"], m["zm"]) if m["za"] else (m["ys"], m["yh"], m["ym"]) if m["zc"] else (None,) * 3
    if sign:
        offset += (1 if sign == "+" else -1) * (int(hours) * 60 + int(mins or 0))
    return timezone(timedelta(minutes=offset)) if -1440 < offset < 1440 else None


def _clock(m: re.Match) -> tuple[int, int, int, str] | None:
    if m["hh"] is None:
        return None
    h, mi, s = int(m["hh"]), int(m["mi"]), int(m["ss"] or 0)
    rule = _PERIODS.get(m["ap"].lower()) if m["ap"] else None
    if rule == "am" and h == 12:
        h = 0
    elif (rule == "pm" and 0 < h < 12) or (rule == "noon" and h < 11) or (rule == "night" and 6 <= h < 12):
        h += 12
    elif rule == "night" and h == 12:
        h = 0
    return h, mi, s, "second" if m["ss"] else "minute"


def _with_time(day: datetime, m: re.Match) -> tuple[datetime, str]:
    clock = _clock(m)
    if clock is None:
        return day, "day"
    h, mi, s, precision = clock
    return day.replace(hour=h, minute=mi, second=s, tzinfo=_zone(m) or day.tzinfo), precision


def _absolute(m: re.Match) -> tuple[datetime, str, str] | None:
    g = m.groupdict()
    era = g["era"] or ""
    if g.get("m1") or g.get("m2"):
        name = name_key(g.get("m1") or g["m2"])
        day, year = int(g.get("d1") or g["d2"]), int(g.get("y1") or g["y2"])
        hijri = name not in GREGORIAN_MONTHS
        month = HIJRI_MONTHS[name] if hijri else GREGORIAN_MONTHS[name]
        lo, hi = (1343, 1500) if hijri else (1000, 2999)
    else:
        day, month, year = (int(g["d3"]), int(g["m3"]), int(g["y3"])) if g["d3"] else (int(g["d4"]), int(g["m4"]), int(g["y4"]))
        hijri = 1343 <= year <= 1500 and not era.startswith("م")
        lo, hi = (1343, 1500) if hijri else (1900, 2100)  # bare numbers: only plausible news years
    if not lo <= year <= hi or (era and era.startswith("ه") != hijri):
        return None
    try:
        value = datetime.combine(Hijri(year, month, day).to_gregorian(), datetime.min.time()) if hijri \
            else datetime(year, month, day)
    except (ValueError, OverflowError):
        return None
    value, precision = _with_time(value, m)
    return value, precision, "hijri" if hijri else "absolute"


def _relative(m: re.Match, k: str, reference: datetime) -> tuple[datetime, str] | None:
    if "unit" in m.re.groupindex:
        field, alone = _UNITS[m["unit"]]
        n = m["n"]
        if n is None and (alone is None or _SINCE_THAT.match(k, m.end())):
            return None
        count = alone if n is None else int(n) if n.isdigit() else _NUMBER_WORDS[n]
        value = reference - timedelta(**{field: count})
        precision = _PRECISION[field]
        if precision == "minute":
            return value.replace(second=0, microsecond=0), precision
        if precision == "second":
            return value.replace(microsecond=0), precision
        return value.replace(hour=0, minute=0, second=0, microsecond=0), precision
    word = name_key(m["w"])
    if word == "اليوم" and (_THAT_DAY.search(k, max(0, m.start() - 8), m.start()) or _plain_adjective(k, m.end())):
        return None  # «منذ اليوم الأول», «ذلك اليوم», «اليوم السابع», «اليوم العالمي»
    day = (reference - timedelta(days=_DAY_WORDS[word])).replace(hour=0, minute=0, second=0, microsecond=0)
    return _with_time(day, m)


def _plain_adjective(k: str, end: int) -> bool:
    return k.startswith("ال", end + 1) and k[end:end + 1].isspace() and not _WEEKDAY_AHEAD.match(k, end)


def _iso(m: re.Match) -> tuple[datetime, str] | None:
    y, mo, d, h, mi, s, tz = m.groups()
    zone = None
    if tz:
        zone = timezone.utc if tz.upper() == "Z" else timezone(
            (1 if tz[0] == "+" else -1) * timedelta(hours=int(tz[1:3]), minutes=int(tz[-2:])))
    return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), tzinfo=zone), "second" if s else "minute"


def _rfc(m: re.Match) -> tuple[datetime, str] | None:
    d, mon, y, h, mi, s, tz = m.groups()
    zone = None
    if tz:
        if tz[0] in "+-":
            minutes = int(tz[1:3]) * 60 + int(tz[3:])
            zone = timezone(timedelta(minutes=minutes if tz[0] == "+" else -minutes))
        elif tz.lower() in _RFC_ZONES:
            zone = timezone(timedelta(minutes=_RFC_ZONES[tz.lower()]))
    return datetime(int(y), _RFC_MONTHS[mon.lower()], int(d), int(h), int(mi), int(s or 0), tzinfo=zone), \
        "second" if s else "minute"


_DROPPED_RE = re.compile("[" + re.escape("".join(sorted(DROPPED | set(INVISIBLE)))) + "]")


def _offsets(text: str, k: str):
    """Key index -> text index. Folds are one char to one char, so only dropped chars shift offsets;
    counting them is much cheaper than a per-character map of a whole article."""
    if len(k) == len(text):
        return None
    dropped = [m.start() for m in _DROPPED_RE.finditer(text)]
    if len(k) != len(text) - len(dropped):  # a fold that is not one-to-one: use the general map
        return key_with_offsets(text)[1].__getitem__

    def to_text(i: int) -> int:
        for d in dropped:
            if d > i:
                break
            i += 1
        return i

    return to_text


def find_dates(text: str, *, reference: datetime | None = None) -> list[DateMatch]:
    """Every date expression in ``text``, in order, without overlaps (the longest wins a clash).

    Relative expressions (منذ ساعتين، أمس، اليوم) are resolved against ``reference`` and skipped without one.
    """
    k = key(text)
    found: list[tuple[int, int, datetime, str, str, int]] = []  # start, end, value, precision, kind, lead
    machine = ([(_ISO, "iso")] if "T" in k else []) + ([(_RFC, "rfc822")] if _RFC_HINT.search(k) else [])
    for pattern, kind in machine:
        for m in pattern.finditer(k):
            try:
                value, precision = (_iso if kind == "iso" else _rfc)(m)
            except ValueError:
                continue
            found.append((m.start(), m.end(), value, precision, kind, m.start()))
    spelled = [_DATE, _MDY] if _MDY_HINT.search(k) else [_DATE]
    for m in (m for pattern in spelled for m in pattern.finditer(k)):
        parsed = _absolute(m)
        if parsed:
            wd = _WEEKDAY_BEFORE.search(k, max(0, m.start() - 16), m.start())  # «الثلاثاء، 18 …»
            found.append((m.start(), m.end(), *parsed, wd.start() if wd else m.start()))
    if reference is not None:
        for pattern in (_AGO, _DAY_WORD):
            for m in pattern.finditer(k):
                parsed = _relative(m, k, reference)
                if parsed:
                    found.append((m.start(), m.end(), *parsed, "relative", m.start()))
    if not found:
        return []
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    to_text = _offsets(text, k)
    out: list[DateMatch] = []
    last = 0
    for s, e, value, precision, kind, lead in found:
        if s < last:
            continue
        s, last = (lead if lead >= last else s), e
        if to_text is not None:  # keep a dropped tail (the tatweel of «هـ») inside the span
            s, e = to_text(s), to_text(e - 1) + 1
            while e < len(text) and text[e] in DROPPED:
                e += 1
        out.append(DateMatch(value, precision, s, e, kind))
    return out


def find_date(text: str, *, reference: datetime | None = None) -> DateMatch | None:
    """The most trustworthy date in ``text``: machine formats, then Gregorian, then Hijri, then relative;
    the first in the text among equals (a Hijri date printed beside a Gregorian one yields the Gregorian)."""
    matches = find_dates(text, reference=reference)
    return min(matches, key=lambda d: (_RANK[d.kind], d.start)) if matches else None
