"""Stage ``dateline``: the place and news agency that open the first paragraph («بغداد - (رويترز) -»).

Reads ``text``, ``dateline``; writes ``dateline``. The words stay in the text: they are the article's.
"""
from __future__ import annotations

import dataclasses
import re

from ..record import Article, Dateline
from ..settings import Settings

# Agencies and outlets that open Arabic wire copy; a place alone is too easily confused with a subject.
_AGENCIES = (
    "رويترز|أ ف ب|ا ف ب|أ.ف.ب|أ. ف. ب|فرانس برس|فرانس بريس|أسوشيتد برس|أ ب|د ب أ|د.ب.أ|الأناضول|الاناضول|"
    "واس|وام|قنا|كونا|بترا|سانا|سبأ|بنا|العمانية|وفا|معا|شينخوا|سبوتنيك|الشرق الأوسط|الشرق الأوسط أونلاين|"
    "العربية.نت|العربية نت|سكاي نيوز عربية|بي بي سي|الجزيرة|الجزيرة نت|خاص|وكالات|القدس العربي|الحياة|"
    "عكاظ|الرياض|الوطن|المدينة|اليوم|سبق|الجزيرة|أ.ش.أ|أ ش أ|واج|لاماب|ومع|تونس أفريقيا للأنباء"
)
_PLACE = r"[\u0621-\u064A]+(?: [\u0621-\u064A]+){0,2}"
# «نيويورك، الولايات المتحدة (CNN) --»: a place may name its country; an outlet in Latin letters stands in brackets
_DATELINE = re.compile(
    r"^(?P<place>" + _PLACE + r"(?:\s*[،,]\s*" + _PLACE + r")?)\s*"
    r"(?:[-–—:]\s*)?(?:[(«\"]?(?P<agency>" + _AGENCIES + r")[)»\"]?|\((?P<latin>[A-Z][A-Za-z.&]{1,15}"
    r"(?: [A-Z][A-Za-z.&]{1,15})?)\))\s*[-–—:]"
)


def run(article: Article, settings: Settings) -> Article:
    m = _DATELINE.match(article.text[:120])
    if not m:
        return article
    place, agency = m.group("place"), m.group("agency") or m.group("latin")
    base = article.dateline
    dateline = Dateline(text=base.text if base else m.group(0).strip(" -–—:"), place=place, agency=agency)
    return dataclasses.replace(article, dateline=dateline)
