"""Whether a relation argument can name a party at all (the last check of the relations stage).

The rules that choose arguments read word positions; now and then the word they land on is no noun that could
name anyone: a number («3»), a date («10 مايو»، «وفي 17 مايو 2014»), one word that is a pronoun, a complementizer
or a preposition with its suffix («أنهم»، «خلالها»، «قبله»), or a quantifier alone («عدة»، «بعدة»). Such a span is no argument: the relation keeps its other one. A
linked mention always names a party. The words come from the cue tables (complementizers, pronouns and bound
prepositions of ``speaker_words.tsv``, prepositions and quantifiers of ``clause_words.tsv``) and the month and
weekday names of ``arabic.months``. Nor is a span that runs into a clause (a dash inside it, a reporting or
relation verb after its first word: «السلطات شنت»، «كلاي أدين»), a plural verb alone («أوقفوا»), a quantifier
with a pronoun («بعضها»), or a phrase that a preposition of time, place or circumstance opens («وفي مطلع العام»).
"""
from __future__ import annotations

import re

from ..arabic import months
from ..knowledge.cues import PRONOUN_SUFFIXES, lexicon, lexicon_verb, word_key
from ..record import Mention

_WORD = re.compile(r"[\u0621-\u064A]+")
_LATIN = re.compile(r"[A-Za-z]{2}")
_DIGIT = re.compile(r"[0-9\u0660-\u0669]")


def names_a_party(mention: Mention | None) -> bool:
    """False for a span that names nobody (see the module text); True for a linked mention or a noun phrase."""
    if mention is None or mention.actor_id:
        return True
    if _LATIN.search(mention.text):
        return True  # «GRU»: a name in Latin script
    words = [w for w in _WORD.findall(mention.text) if len(w) > 1]
    if not words:
        return False  # «3»: a number alone
    keys = [word_key(w) for w in words]
    if _DIGIT.search(mention.text) and any(_is_calendar(k) for k in keys):
        return False  # «10 مايو»، «وفي 17 مايو 2014»
    if _runs_into_a_clause(mention.text, keys):
        return False  # «السلطات "شنت»، «للحكومة - حاولوا كسر»، «كلاي أدين»: a verb or a break inside
    if len(keys) > 1 and _circumstance(keys[0]):
        return False  # «وفي مطلع العام»، «وبعد تدخل قوات الأمن»، «أثناء العملية»: when or where, not who
    if len(keys) > 1:
        return True  # «نحو 700 رهينة»، «علي يحيى راشد»: a phrase with a noun
    if _plural_verb(keys[0]) or _share_of_a_pronoun(keys[0]):
        return False  # «أوقفوا» (a verb), «بعضها» (some of them)
    bare = keys[0][1:] if keys[0][:1] in ("و", "ف", "ب") and len(keys[0]) > 3 else keys[0]
    if words[0].endswith("ي") and not words[0].endswith("ى"):
        return True  # «علي» the name folds with «على»
    return not (_function_word(keys[0]) or _function_word(bare)
                or lexicon().clause_words.get(bare) in ("quantifier", "share"))


def _runs_into_a_clause(text: str, keys: list[str]) -> bool:
    """A span that a dash breaks, or whose later words hold a verb of the cue tables (a reporting or relation
    verb, bare or after «و»): the rule read past the noun phrase into a clause."""
    return " - " in text or any(lexicon_verb(key, ("", "و")) for key in keys[1:])


# prepositions of time, place and circumstance: a phrase they open tells when or where, never who acts or
# undergoes (those after «على»، «ضد»، «بحق»، «مع» or «نحو 700» may name the party, and are left alone)
_CIRCUMSTANCE = frozenset(word_key(w) for w in ("في", "منذ", "خلال", "بعد", "قبل", "أثناء", "إثر", "عقب",
                                                 "بمناسبة", "بحضور", "عبر", "لدى"))


def _circumstance(key: str) -> bool:
    """The first word is a preposition of time, place or circumstance, bare or after «و/ف» («وفي»، «ففي»)."""
    return key in _CIRCUMSTANCE or (key[:1] in ("و", "ف") and key[1:] in _CIRCUMSTANCE)


def _plural_verb(key: str) -> bool:
    """A plural past or imperative verb («حاولوا»، «أوقفوا»): «-وا» ends no noun of four letters or more."""
    return len(key) >= 5 and key.endswith("وا")


def _share_of_a_pronoun(key: str) -> bool:
    """A quantifier with a pronoun suffix («بعضها»، «معظمهم»، «جميعهم»): a part of someone named elsewhere."""
    share = ("quantifier", "share")
    lex = lexicon()
    return any(key.endswith(s) and lex.clause_words.get(key[:-len(s)]) in share for s in PRONOUN_SUFFIXES)


def _is_calendar(key: str) -> bool:
    return months.gregorian_month(key) is not None or months.hijri_month(key) is not None \
        or months.weekday(key) is not None


def _function_word(key: str) -> bool:
    """A complementizer, a personal pronoun or a preposition, bare or with a pronoun suffix («بأنهم»، «خلالها»)."""
    lex = lexicon()
    if key in lex.complementizers or lex.clause_words.get(key) == "preposition":
        return True
    if key in lex.speaker_words.get("pronoun", ()) or key in lex.speaker_words.get("bound", ()):
        return True
    stem = next((key[:-len(s)] for s in PRONOUN_SUFFIXES if key.endswith(s) and len(key) - len(s) >= 2), None)
    return stem is not None and lex.clause_words.get(stem) == "preposition"
