"""Month and weekday vocabularies, keyed by matching key (``normalize.key``, spaces collapsed).

Gregorian month names come from CLDR (via Babel) for every Arabic locale, which covers the
Egyptian/Gulf (يناير…), Levantine/Iraqi (كانون الثاني… آب) and Maghrebi (جانفي، جوان / يوليوز، غشت)
vocabularies. Hijri month names are a table: Babel ships only Gregorian month data.
"""
from __future__ import annotations

import re

from babel import Locale
from babel.localedata import locale_identifiers

from .normalize import key

_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The lookup key of a (possibly multiword) name: ``normalize.key`` with spaces collapsed."""
    return _SPACES.sub(" ", key(name)).strip()


def _cldr_months() -> dict[str, int]:
    table: dict[str, int] = {}
    for ident in locale_identifiers():
        if ident.split("_")[0] != "ar":
            continue
        months = Locale.parse(ident).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    k = name_key(name)
                    # Abbreviations only count when they are words (Arabic CLDR has no dotted stubs).
                    if len(k) >= 2 and not k.isdigit():
                        table.setdefault(k, number)
    return table


# Spellings common in the press that CLDR lacks even after key folding: the Egyptian -يه endings
# (Al-Ahram, Youm7: «5 يونيه») and Levantine names written without the article («كانون ثاني»,
# «تشرين أول»), as Syrian and Iraqi sites and wire copy often do. Alef/hamza/yeh variants
# (ابريل/إبريل/أبريل, فبرایر, اذار) need no entry: the key folds them onto the CLDR forms.
_PRESS_MONTHS = {
    "يونيه": 6, "يوليه": 7,
    "كانون ثاني": 1, "تشرين أول": 10, "تشرين ثاني": 11, "كانون أول": 12,
}

GREGORIAN_MONTHS: dict[str, int] = _cldr_months()
for _name, _number in _PRESS_MONTHS.items():
    GREGORIAN_MONTHS.setdefault(name_key(_name), _number)

# Umm al-Qura month names with the usual alternatives (الآخر/الثاني, ذو/ذي, with or without ال).
_HIJRI = {
    1: ("محرم", "المحرم"),
    2: ("صفر",),
    3: ("ربيع الأول", "ربيع أول"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربيع الأخير"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادى أولى"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى ثاني"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعدة", "ذي القعدة", "ذو القعده"),
    12: ("ذو الحجة", "ذي الحجة"),
}
HIJRI_MONTHS: dict[str, int] = {name_key(n): m for m, names in _HIJRI.items() for n in names}

# Monday = 0, as in ``datetime.weekday()``.
WEEKDAYS: dict[str, int] = {}
for _number, _name in Locale.parse("ar").days["format"]["wide"].items():
    _k = name_key(_name)
    WEEKDAYS[_k] = _number
    WEEKDAYS[_k[2:]] = _number  # without the article: «يوم أحد», «ثلاثاء»
WEEKDAYS.update({name_key(n): d for n, d in (("الإثنين", 0), ("الثلاثا", 1), ("الاربعا", 2))})


def gregorian_month(word_key: str) -> int | None:
    """Month number (1-12) of a Gregorian month name in any Arabic vocabulary, else None."""
    return GREGORIAN_MONTHS.get(name_key(word_key))


def hijri_month(word_key: str) -> int | None:
    """Month number (1-12) of a Hijri month name, else None."""
    return HIJRI_MONTHS.get(name_key(word_key))


def weekday(word_key: str) -> int | None:
    """Weekday number (Monday = 0) of an Arabic weekday name, with or without the article."""
    return WEEKDAYS.get(name_key(word_key))
