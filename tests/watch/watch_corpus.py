"""Real ANT articles (Al-Arabiya, 2018) served by the tests' feed server: a claim of responsibility by ISIS, a
threat by Trump against Iran (with his quotes), and ISIS articles to spread over days for a mention spike. Read
from the shared research data at test time (never copied into the project)."""
from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from functools import lru_cache

from data_access import need_data

from rased.watch.feedserver import Page

CLAIM = "AL-internationalNews-101-20180219"  # «أعلن تنظيم داعش مسؤوليته ...»: ASSAULT by grp:isis, reported
THREAT = "AL-internationalNews-1095-20180510"  # THREATEN per:trump → cty:IRN; quotes by Trump
ISIS = re.compile("داعش")
OTHERS = 12  # ordinary articles for the fetch tests
SPIKE = 9  # articles naming ISIS for the spike


def _iso(rfc822: str) -> str | None:
    try:
        return parsedate_to_datetime(rfc822).isoformat()
    except (TypeError, ValueError):
        return None


def _page(doc) -> Page:
    return Page(doc.doc_id.lower(), doc.title, doc.text, _iso(doc.time))


@lru_cache(maxsize=1)
def articles() -> dict[str, tuple[Page, ...]]:
    """``claim``, ``threat``, ``others`` (ordinary articles without ISIS) and ``isis`` (for the spike)."""
    need_data("corpora", "ant", "ant_alarabiya_skynews_bbc.tar.xz")
    from rased import datasets

    picked: dict[str, list[Page]] = {"claim": [], "threat": [], "others": [], "isis": []}
    for doc in datasets.ant():
        if not doc.text or len(doc.text) < 400:
            continue
        if doc.doc_id == CLAIM:
            picked["claim"].append(_page(doc))
        elif doc.doc_id == THREAT:
            picked["threat"].append(_page(doc))
        elif doc.category == "internationalNews" and len(ISIS.findall(doc.text)) >= 3 and len(picked["isis"]) < SPIKE:
            picked["isis"].append(_page(doc))
        elif doc.category == "sport" and not ISIS.search(doc.text) and len(picked["others"]) < OTHERS:
            picked["others"].append(_page(doc))
        if picked["claim"] and picked["threat"] and len(picked["isis"]) >= SPIKE and len(picked["others"]) >= OTHERS:
            break
    assert picked["claim"] and picked["threat"], "the claim and threat articles are missing from ANT"
    return {k: tuple(v) for k, v in picked.items()}
