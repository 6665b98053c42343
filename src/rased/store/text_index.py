"""Search keys, query parsing and snippets: the Arabic side of full-text search, with no SQL in it.

Both backends index the *same* precomputed keys: every word of an article goes through ``term`` (the
matching key, clitics stripped, light-stemmed) and the keys are stored joined by spaces. SQLite's FTS5 and
PostgreSQL's ``simple`` text-search configuration then only split on spaces, so ranking and matching see
identical terms on both. A query goes through the very same function.

``term`` is the one place that calls the stemmer, so a change of stemmer is a change here (and a
``Store.reindex``); ``KEY_VERSION`` fingerprints it so a store built with other keys is detected.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from ..arabic import normalize, tokenize
from ..errors import InputError

try:  # the clitic-aware light stemmer
    from ..arabic.stem import search_key as _search_key
except ImportError:  # pragma: no cover - only while the stemmer is absent
    _search_key = None

# Proclitic strings a query word may carry in a document without «ال» («لداعش», «وبغداد»). The stemmer
# strips them where the remainder is a common word; expanding the query covers the rarer names too.
PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_EXPAND_MIN = 3  # no expansion for one- and two-letter keys («رد» must not find «ورد», «برد»)

_NOT_KEY = re.compile(r"[^\w]|_", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _fallback_key(word: str) -> str:  # pragma: no cover - replaced by the shared stemmer
    k = normalize.key(word)
    k = re.sub(r"^(?:[وف]?[بكل]?ال|[وف]?لل)(?=..)", "", k)
    for end in ("ات", "ون", "ين", "ه"):
        if k.endswith(end) and len(k) - len(end) >= 3:
            return k[: -len(end)]
    return k


@lru_cache(maxsize=300_000)
def term(word: str) -> str:
    """The search key of one word ("" for a word that has none)."""
    if _ARABIC.search(word):
        k = _search_key(word) if _search_key is not None else _fallback_key(word)
        k = normalize.key(k)
        # Spelling variants of country names: «سوريا» / «سورية» (key «سوري»), «ليبيا» / «ليبية».
        if len(k) >= 5 and k.endswith("يا"):
            k = k[:-1]
    else:
        k = normalize.key(word).casefold()
    return _NOT_KEY.sub("", k)


_PROBE = ("الموصل", "للموصل", "والقاعدة", "بغداد", "سورية", "الحكومات", "Obama", "٢٠١٥", "3,000")
KEY_VERSION = hashlib.sha256(" ".join(term(w) for w in _PROBE).encode()).hexdigest()[:12]


@dataclass(slots=True, frozen=True)
class KeyToken:
    key: str
    start: int  # offsets into the display text
    end: int


# The words of ``tokenize.words``: the same alternatives without the one-character punctuation token (a
# scan skips what that token would have consumed), read straight from the matches. Keys are computed for
# every stored article and matched against every hit at query time; ``Token`` objects cost more than that.
_WORD = re.compile("|".join(p for p in tokenize._TOKEN.pattern.split("|") if "<punct>" not in p))


def key_tokens(text: str) -> list[KeyToken]:
    """The searchable words of ``text`` with their keys and display offsets."""
    out = []
    for m in _WORD.finditer(text):
        k = term(m.group())
        if k:
            out.append(KeyToken(k, m.start(), m.end()))
    return out


def keys_text(text: str) -> str:
    """The index column: the keys of ``text`` joined by spaces."""
    return " ".join(k for k in map(term, (m.group() for m in _WORD.finditer(text))) if k)


# ---------------------------------------------------------------------------------------------- queries

@dataclass(slots=True, frozen=True)
class Term:
    """One query word: matches any of ``variants`` (its key and the keys of its proclitic forms)."""

    word: str
    variants: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class Phrase:
    """Quoted words: their keys, in order, next to each other."""

    words: str
    keys: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class Query:
    text: str
    clauses: tuple[Term | Phrase, ...]
    excludes: tuple[Term | Phrase, ...] = ()  # ``-word`` / ``-"phrase"``: no matching article may contain them

    def all_keys(self) -> frozenset[str]:
        keys: set[str] = set()
        for c in self.clauses:
            keys.update(c.variants if isinstance(c, Term) else c.keys)
        return frozenset(keys)


_QUOTES = {'"': '"', "«": "»", "“": "”"}
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_SYNTAX = set("*^():{}[]+")
_HINT = ('write words, and "quoted phrases" for exact wording; every word must match; -word leaves out the '
         'articles with that word (no other operators)')


def variants(word: str) -> tuple[str, ...]:
    base = term(word)
    if not base:
        return ()
    out = [base]
    if _ARABIC.search(word) and len(base) >= _EXPAND_MIN:
        for pre in PROCLITICS:
            k = term(pre + word)
            if k and k not in out:
                out.append(k)
    return tuple(out)


def _words(chunk: str) -> list[str]:
    for ch in chunk:
        if ch in _SYNTAX:
            raise InputError(f"unsupported character {ch!r} in search query", hint=_HINT, code="query")
    words = [t.text for t in tokenize.words(chunk)]
    for w in words:
        if w in _OPERATORS:
            raise InputError(f"search operators such as {w!r} are not supported", hint=_HINT, code="query")
    return words


def _negated(text: str, i: int) -> bool:
    """A ``-`` that starts a word (``-داعش``, ``-"..."``), not one inside a word («سايكس-بيكو») or alone."""
    return text[i] == "-" and (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and not text[i + 1].isspace()


def _add(clauses: list[Term | Phrase], clause: Term | Phrase) -> None:
    """Add a clause unless it is there already («الموصل» and «للموصل» are one term)."""
    same = (lambda c: isinstance(c, Term) and c.variants == clause.variants) if isinstance(clause, Term) else None
    if not any(same(c) if same else c == clause for c in clauses):
        clauses.append(clause)


def _quoted(inner: str) -> Term | Phrase | None:
    keys = tuple(k for k in (term(w) for w in _words(inner)) if k)
    if len(keys) == 1:
        return Term(inner.strip(), keys)
    return Phrase(inner.strip(), keys) if keys else None


def parse_query(text: str) -> Query:
    """Words and quoted phrases (``"..."``, «...», “...”), each one negated by a leading ``-``; raises
    InputError on anything else."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("empty search query", hint=_HINT, code="query")
    if len(text) > 1000:
        raise InputError("search query longer than 1000 characters", hint=_HINT, code="query")
    clauses: list[Term | Phrase] = []
    excludes: list[Term | Phrase] = []
    i, plain, minus = 0, [], []
    while i < len(text):
        ch = text[i]
        negate = _negated(text, i)
        if negate and text[i + 1] not in _QUOTES:
            end = next((j for j in range(i + 1, len(text)) if text[j].isspace()), len(text))
            minus.append(text[i + 1 : end])
            i = end
            continue
        if negate:
            i, ch = i + 1, text[i + 1]
        if ch in _QUOTES:
            close = text.find(_QUOTES[ch], i + 1)
            if close < 0:
                raise InputError(f"unbalanced quote {ch!r} in search query", hint="close the quoted phrase", code="query")
            plain.append(" ")
            clause = _quoted(text[i + 1 : close])
            if clause is not None:
                _add(excludes if negate else clauses, clause)
            i = close + 1
            continue
        if ch in "»”":
            raise InputError(f"unbalanced quote {ch!r} in search query", hint="open the quoted phrase", code="query")
        plain.append(ch)
        i += 1
    for target, chunk in ((clauses, "".join(plain)), (excludes, " ".join(minus))):
        for w in _words(chunk):
            v = variants(w)
            if v:
                _add(target, Term(w, v))
    if not clauses:
        what = "only left-out (-word) words" if excludes else "no searchable words"
        raise InputError(f"{what} in query {text!r}", hint=_HINT, code="query")
    return Query(text, tuple(clauses), tuple(excludes))


def _fts5_clause(c: Term | Phrase) -> str:
    if isinstance(c, Term):
        alts = " OR ".join(f'"{k}"' for k in c.variants)
        return f"({alts})" if len(c.variants) > 1 else alts
    return '"' + " ".join(c.keys) + '"'


def fts5_match(query: Query) -> str:
    """The FTS5 MATCH expression: each key double-quoted, so no user text is ever FTS syntax."""
    expr = " AND ".join(_fts5_clause(c) for c in query.clauses)
    if query.excludes:  # FTS5's NOT is binary: (wanted) NOT (any excluded)
        expr = f"({expr}) NOT (" + " OR ".join(_fts5_clause(c) for c in query.excludes) + ")"
    return expr


def _lexeme(k: str) -> str:
    return "'" + k.replace("'", "''").replace("\\", "\\\\") + "'"


def _ts_clause(c: Term | Phrase) -> str:
    if isinstance(c, Term):
        return "(" + " | ".join(_lexeme(k) for k in c.variants) + ")"
    return "(" + " <-> ".join(_lexeme(k) for k in c.keys) + ")"


def tsquery(query: Query) -> str:
    """The PostgreSQL tsquery literal (cast with ``::tsquery``, never parsed by a text-search parser)."""
    return " & ".join([*map(_ts_clause, query.clauses), *("!" + _ts_clause(c) for c in query.excludes)])


def tsvector(title_keys: list[str], body_keys: list[str]) -> str:
    """A tsvector literal of the keys with positions (title weighted A); PostgreSQL keeps ≤16383."""
    pos: dict[str, list[str]] = {}
    n = 0
    for k in title_keys:
        n += 1
        pos.setdefault(k, []).append(f"{min(n, 16383)}A")
    n += 1  # phrases never cross from title to body
    for k in body_keys:
        n += 1
        pos.setdefault(k, []).append(str(min(n, 16383)))
    return " ".join(f"{_lexeme(k)}:{','.join(p[:256])}" for k, p in pos.items())


# --------------------------------------------------------------------------------------------- snippets

@dataclass(slots=True, frozen=True)
class Snippet:
    """A window of the display text; ``highlights`` are absolute spans into the same text."""

    text: str
    start: int
    end: int
    highlights: tuple[tuple[int, int], ...]

    def marked(self, open_: str = "[", close: str = "]") -> str:
        out, at = [], self.start
        for s, e in self.highlights:
            out += [self.text[at - self.start : s - self.start], open_, self.text[s - self.start : e - self.start], close]
            at = e
        out.append(self.text[at - self.start :])
        return "".join(out)


def _spans_keys(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    keys, spans = [], []
    for m in _WORD.finditer(text):
        k = term(m.group())
        if k:
            keys.append(k)
            spans.append(m.span())
    return keys, spans


def match_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Display spans of the words of ``text`` that match the query (phrases only where whole)."""
    phrases = [c.keys for c in query.clauses if isinstance(c, Phrase)]
    if not phrases:  # the common case: one pass, nothing kept but the hits
        wanted = query.all_keys()
        return [m.span() for m in _WORD.finditer(text) if term(m.group()) in wanted]
    keys, spans = _spans_keys(text)
    hit = [False] * len(keys)
    for c in query.clauses:
        if isinstance(c, Term):
            vs = set(c.variants)
            for i, k in enumerate(keys):
                if k in vs:
                    hit[i] = True
    for ks in phrases:
        n, first = len(ks), ks[0]
        for i in range(len(keys) - n + 1):
            if keys[i] == first and tuple(keys[i : i + n]) == ks:
                for j in range(i, i + n):
                    hit[j] = True
    return [sp for sp, h in zip(spans, hit) if h]


_CHUNK = 3000  # long articles are scanned piece by piece: the first piece with a match gives the snippet


def _first_spans(text: str, query: Query, width: int) -> list[tuple[int, int]]:
    at = 0
    while at < len(text):
        end = len(text) if len(text) - at <= _CHUNK * 1.5 else text.find(" ", at + _CHUNK)
        end = len(text) if end < 0 else end
        spans = [(s + at, e + at) for s, e in match_spans(text[at:end], query)]
        if spans:
            if end < len(text):  # the words just after the piece may belong to the same window
                tail = text.find(" ", min(len(text), end + width))
                tail = len(text) if tail < 0 else tail
                spans += [(s + end, e + end) for s, e in match_spans(text[end:tail], query)]
            return spans
        at = end
    return []


def snippet(text: str, query: Query, width: int = 240) -> Snippet:
    """The window of about ``width`` characters with the most matches (in the first part of the text
    that has any), cut at word boundaries."""
    spans = _first_spans(text, query, width)
    if not spans:
        end = _cut(text, min(len(text), width))
        return Snippet(text[:end], 0, end, ())
    best, best_n, j = 0, 0, 0
    for i, (s, _) in enumerate(spans):
        while j < len(spans) and spans[j][1] - s <= width:
            j += 1
        if j - i > best_n:
            best, best_n = i, j - i
    first, last = spans[best], spans[best + best_n - 1]
    pad = max(0, (width - (last[1] - first[0])) // 2)
    start = max(0, first[0] - pad)
    if start > 0:
        space = text.find(" ", start, first[0])
        start = space + 1 if space >= 0 else first[0]
    end = max(last[1], _cut(text, min(len(text), max(last[1], start + width))))
    chosen = tuple(sp for sp in spans if sp[0] >= start and sp[1] <= end)
    return Snippet(text[start:end], start, end, chosen)


def _cut(text: str, end: int) -> int:
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", 0, end)
    return space if space > 0 else end
