"""Names written in Latin letters inside Arabic text: sentence rules after tagging.

Arabic news writes most foreign persons and places in Arabic letters but often leaves companies, media and
brands in Latin ones («أعلنت شركتا IBM وLenovo»، «نيويورك، الولايات المتحدة (CNN) --»، «مجلة FHM»). The
network has no word vector for them and too few examples (ANERcorp's train split has 14 Latin-script
organisations), so it leaves them untagged. These rules read what the surrounding Arabic says:

- **head noun**: a Latin name right after a noun that heads an organisation's name («شركة»، «لشركة»،
  «مجلة»، «وكالة»، «صحيفة»، «قناة»، «جامعة»...) is ORG; a tagged «شركتا IBM» keeps only «IBM»;
- **dateline source**: «( CNN ) -» — a Latin name in brackets followed by a dash is the news source, ORG
  (ANERcorp labels «( رويترز )» there ORG);
- **gloss**: «الخطوط الجوية البرازيلية ( GOL )» — a Latin name in brackets right after an entity written in
  Arabic letters spells that entity and takes its type;
- **coordination**: «IBM وLenovo» — a Latin name joined by «و» to a Latin organisation is one too.

Document consistency (``rased.ner.consistency``) then gives a name found this way its type in the rest of the
document, «وDell» included (``key``). Checked on ANERcorp's train labels and on corpus articles (model card).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from . import conll

# a Latin word: letters of the Latin script (accents included), digits and the joiners of brand names
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F&.'\-+]*$")
# an Arabic conjunction or preposition glued to a Latin word: «وDell»، «لـCNN»
_GLUED = re.compile(r"^(?:و|ف|ل|ب|ك|وب|ول|فل|فب)ـ?(?=[A-Za-z\u00C0-\u024F])")
_ANY_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_CONNECTORS = frozenset({"of", "de", "du", "des", "der", "the", "and", "&", "-", "for", "la", "le", "van", "von", "y"})
_MAX_NAME = 6
# nouns that head an organisation's name (ة/ه both; clitics and ال are stripped before the lookup)
_HEADS = frozenset("""شركة شركه شركتا شركتي شركتان شركتين مجموعة مجموعه صحيفة صحيفه جريدة جريده مجلة مجله
وكالة وكاله قناة قناه مؤسسة مؤسسه منظمة منظمه جامعة جامعه معهد بنك مصرف حزب نادي هيئة هيئه
مصنع""".split())
_PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_QUOTES = frozenset('"«»\'“”')
_QUOTES_OR_TATWEEL = _QUOTES | {"ـ"}  # «لـ CNN» is split into «ل» «ـ» «CNN»
_DASHES = frozenset({"-", "--", "–", "—", "ـ"})
RULE_SCORE = 0.9  # the entity score of a rule's name: the rules' precision on the checks in the model card


def key(token: str) -> str:
    """The token without an Arabic clitic glued to a Latin word («وDell» → «Dell»); other tokens as they are."""
    if len(token) < 2 or token[0] not in "وفلبك":  # most tokens: no regex
        return token
    return _GLUED.sub("", token)


def has_latin(tokens: Sequence[str]) -> bool:
    """Whether any token holds a Latin letter (most Arabic sentences: no rule to run)."""
    return bool(_ANY_LATIN.search("".join(tokens)))


def is_latin(token: str) -> bool:
    return bool(_LATIN.match(key(token)))


def _has_capital(token: str) -> bool:
    return any(c.isupper() for c in key(token))


def _capital_latin(token: str) -> bool:
    """A Latin word with a capital letter that can continue a name (not one glued to «و»)."""
    return is_latin(token) and _has_capital(token) and not _GLUED.match(token)


def _head(token: str) -> bool:
    """«شركة»، «لشركة»، «والشركة»، «بمجلة»: a head noun with or without its clitics."""
    for clitic in ("",) + _PROCLITICS:
        if token.startswith(clitic):
            rest = token[len(clitic):]
            if rest in _HEADS or (rest.startswith("ال") and rest[2:] in _HEADS):
                return True
    return False


def _names(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of Latin names: a word with a capital letter, then Latin words that are capitalised or
    connectors followed by one («Institute of Management Technology»)."""
    out = []
    i = 0
    while i < len(tokens):
        if is_latin(tokens[i]) and _has_capital(tokens[i]):
            j = i + 1
            while j < len(tokens) and j - i < _MAX_NAME:
                if _capital_latin(tokens[j]):
                    j += 1
                elif tokens[j].lower() in _CONNECTORS and j + 1 < len(tokens) and _capital_latin(tokens[j + 1]):
                    j += 2  # «Dolce & Gabbana»، «Institute of Management»
                else:
                    break
            if len("".join(tokens[i:j])) >= 2:  # «المجموعة A» is a group of a draw, not a body
                out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _set(labels: list[str], start: int, end: int, typ: str) -> None:
    labels[start] = f"B-{typ}"
    for k in range(start + 1, end):
        labels[k] = f"I-{typ}"


def mark(tokens: Sequence[str], labels: Sequence[str]) -> list[str]:
    """``labels`` with the Latin names of one sentence labelled by the rules above (IOB2)."""
    out = list(labels)
    if not has_latin(tokens):  # most Arabic sentences: nothing to do
        return out
    entities = conll.chunks(out)
    ends = {e: typ for s, e, typ in entities}
    by_token = {k: (s, e, typ) for s, e, typ in entities for k in range(s, e)}
    last_org_end = -1
    for s, e in _names(tokens):
        free = all(lab == "O" for lab in out[s:e])
        prev = s - 1
        while prev >= 0 and tokens[prev] in _QUOTES_OR_TATWEEL:
            prev -= 1
        typ = None
        if prev >= 0 and _head(tokens[prev]):
            typ = "ORG"
            ent = by_token.get(prev)
            if ent and ent[1] == e and ent[0] == prev and all(k in by_token for k in range(s, e)):
                out[prev] = "O"  # «شركتا IBM» tagged as one name: the head noun is not part of it
                free = True
        elif s >= 1 and tokens[s - 1] == "(" and e < len(tokens) and tokens[e] == ")":
            before = s - 2
            while before >= 0 and tokens[before] in _QUOTES:  # «معهد ... " ( Institute ... )»
                before -= 1
            if e + 1 < len(tokens) and tokens[e + 1] in _DASHES:
                typ = "ORG"
            elif before + 1 in ends and not is_latin(tokens[before]):  # a Latin spelling of an Arabic name
                typ = ends[before + 1]
        if typ is None and last_org_end >= 0 and (
                (s == last_org_end and tokens[s].startswith("و") and _GLUED.match(tokens[s]))
                or (s == last_org_end + 1 and tokens[s - 1] == "و")):
            typ = "ORG"
        if typ and free:
            _set(out, s, e, typ)
        if out[s] == "B-ORG" and all(lab == "I-ORG" for lab in out[s + 1:e]):
            last_org_end = e
    return out
