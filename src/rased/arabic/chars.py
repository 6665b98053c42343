"""Arabic character rules as data tables (one table per concern, no per-rule functions)."""
from __future__ import annotations

TATWEEL = "\u0640"
# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
FATHATAN = "\u064B"  # the accusative ending «ـاً»: adverbs and indefinite words («دوماً», «أيضاً»), not names
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670" + "".join(chr(c) for c in range(0x06D6, 0x06ED))

# Letter variants folded for matching keys (display text keeps them as written).
LETTER_FOLDS = {
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0622": "\u0627",  # آ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0649": "\u064A",  # ى -> ي
    "\u0629": "\u0647",  # ة -> ه
    "\u06CC": "\u064A",  # Persian yeh -> ي
    "\u06A9": "\u0643",  # keheh -> ك
}

# Arabic-Indic (U+0660) and Persian/Urdu (U+06F0) digits -> ASCII.
DIGIT_FOLDS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}

# Characters that vanish from matching keys.
DROPPED = set(TATWEEL + DIACRITICS)

# Spaces that scraped pages leave behind; display text turns them into a plain space.
ODD_SPACES = "\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000"
# Invisible marks: zero-width and bidi controls (kept out of display text too).
INVISIBLE = "\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\uFEFF"

ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(chr(c) for c in range(0x0641, 0x064B)) + "\u0671\u067E\u0686\u06A4\u06AF\u06A9\u06CC\u06C1\u06D5"

# Punctuation that ends a sentence (the Arabic comma and semicolon do not).
SENTENCE_ENDS = ".!?\u061F\u06D4"
ARABIC_COMMA = "\u060C"
ARABIC_SEMICOLON = "\u061B"
ARABIC_QUESTION = "\u061F"


def is_arabic_letter(ch: str) -> bool:
    return ch in _ARABIC_SET


_ARABIC_SET = frozenset(ARABIC_LETTERS)
