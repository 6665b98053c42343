"""Gold folders in the per-article layout: one JSON per article holding its text, quotes and relations.

This is the layout of independently annotated development sets (``docno``, ``title``, ``time``, ``text``,
``quotes`` with character spans into ``text``, ``relations`` with canonical English names; see the folder's
README). Both ``rased eval quotes`` and ``rased eval relations`` read it through :func:`load_folder`, and both
compare texts with :func:`token_jaccard`, so a quote or a relation's evidence is judged the same way everywhere.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..arabic.stem import search_key
from ..arabic.tokenize import words
from ..errors import InputError


@dataclass(frozen=True, slots=True)
class GoldArticle:
    docno: str
    title: str
    time: str | None
    text: str
    quotes: tuple[dict, ...]
    relations: tuple[dict, ...]


def load_folder(path: str | Path) -> list[GoldArticle]:
    """Every ``*.json`` article of a gold folder, sorted by name; a file that is not an article is an error."""
    folder = Path(path)
    out = []
    for file in sorted(folder.glob("*.json")):
        try:
            d = json.loads(file.read_text(encoding="utf-8"))
            out.append(GoldArticle(d["docno"], d.get("title") or "", d.get("time"), d["text"],
                                   tuple(d.get("quotes") or ()), tuple(d.get("relations") or ())))
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"not a gold article: {file.name} ({err})",
                             hint="the folder's README gives the layout") from None
    if not out:
        raise InputError(f"no gold articles (*.json) in {folder}")
    return out


def is_folder(path: str | Path) -> bool:
    return Path(path).is_dir()


def token_keys(text: str) -> set[str]:
    """Search keys of the words of ``text`` (clitics and light affixes folded), the unit of every overlap."""
    return {search_key(w.text) for w in words(text) if w.text.strip()}


def token_jaccard(a: str, b: str) -> float:
    ka, kb = token_keys(a), token_keys(b)
    if not ka or not kb:
        return 0.0
    return len(ka & kb) / len(ka | kb)


# English names compared loosely: case, accents, hyphens, «the», «al-», plural «s» folded.
_EN_STOP = frozenset({"the", "of", "al", "el", "and", "in"})


_ABD = re.compile(r"^abd(?:el|ul|al|ol|u|e)?")  # «Abdulrahman», «Abdel Rahman», «Abd al-Rahman»: one name, عبد الرحمن


def english_tokens(name: str) -> tuple[str, ...]:
    # «ı» (Turkish dotless i) has no decomposition: NFKD alone would drop it («Kalın» -> «kaln»)
    text = unicodedata.normalize("NFKD", (name or "").replace("ı", "i")).encode("ascii", "ignore").decode().lower()
    toks = [t for t in re.split(r"[^a-z0-9]+", text) if t and t not in _EN_STOP]
    joined: list[str] = []
    for t in toks:
        if joined and joined[-1] == "abd":
            joined[-1] += t  # «abd» + «rahman»
        else:
            joined.append(_ABD.sub("abd", t))
    return tuple(t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t for t in joined)


def _same_word(a: str, b: str) -> bool:
    """Equal, or a country and its demonym («afghan»/«afghanistan», «yemen»/«yemeni», «turkey»/«turkish»):
    a shared opening of four letters or more that is most of the shorter word."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 4 and n * 5 >= 3 * min(len(a), len(b))


def same_english_name(a: str, b: str) -> bool:
    """Two canonical names refer alike: equal once folded, or one's words are all among the other's and at
    least half of them («Afghan government» ~ «Afghan government forces»; «Houthis» !~ «Houthi-affiliated
    associations»)."""
    ta, tb = set(english_tokens(a)), set(english_tokens(b))
    if not ta or not tb:
        return False
    small, large = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    covered = all(any(_same_word(s, w) for w in large) for s in small)
    return covered and len(small) * 2 >= len(large)


def ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0
