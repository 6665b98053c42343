"""Linking: registry matches and NER spans merged into entity mentions with canonical actor ids.

Rules, in order:
1. Registry names (Aho-Corasick over matching keys, clitic-aware) give linked mentions. A one-word place name
   that follows a definite noun is an adjective («المساحة الزرقاء»), not a place, unless NER tags it.
   Nationality adjectives (العراقي) link to their country with their own type, ``NAT``.
2. NER spans that no registry name covers: proclitics trimmed («والظواهري» → «الظواهري»), function words and
   glued negations («لايبدو») dropped, then linked by exact name, by a surname already linked in the document
   («البغدادي» after «أبو بكر البغدادي»), or by a surname the registry gives to one person only and that opens
   no one's name (not «محمد», «طارق»); else left unlinked. A person span that is two persons named one after
   the other («والتقى ترامب بوتين») is cut first (``joined_names``). One word of a longer unknown name («باول» in
   «باول بوالكوفسكي») is linked neither as an alias nor as a surname.
3. Ambiguous names («طرابلس») take the candidate whose country the document names; otherwise they stay
   unlinked.
4. "Known as" phrases («... أصبح يعرف لاحقاً باسم عزام الأميركي») merge the names around them.
5. Generic state nouns («الجيش الوطني»، «القوات الحكومية») stand for the institution of the country the article is
   about, when one clearly leads its mentions (``institutions``).
6. A definite head noun alone («التحالف»، «الحزب») names again the body the article last named with it
   (``short_names``).
7. A nationality adjective right after an armed group describes it: the group's mention runs over it.
8. An office named with its holder («الرئيس الأمريكي دونالد ترامب») stands for that person when it comes again
   with no name after it (``titles``).
9. Every mention gets a cluster: its actor id, or a document-level key shared by its repeated mentions.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..arabic import normalize, wordfreq
from ..arabic.chars import FATHATAN
from ..arabic.clitics import split_prefix
from ..record import ActorRef, Entity
from .matcher import Match
from . import institutions, joined_names, short_names, titles
from .given_names import first_words
from .registry import Actor, Registry

NATIONALITY = "NAT"
_KNOWN_AS = re.compile(r"(?:يعرف|يُعرف|المعروف|المعروفة|عرف|عُرف|الملقب|الملقبة|المكنى|الشهير|وكنيته)\s+(?:\S+\s+){0,2}?(?:باسم|ب)\s*$")
_WORD = re.compile(r"[\u0621-\u064A\u0640\u064B-\u0652]+")
_LETTER = re.compile(r"[\u0621-\u064AA-Za-z\u00C0-\u024F]")  # a name has letters, Arabic or Latin («CNN»)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    type: str
    actor_id: str | None
    score: float
    source: str  # "registry" | "ner"
    candidates: tuple[str, ...] = ()


def actor_ref(actor: Actor) -> ActorRef:
    return ActorRef(name_ar=actor.name_ar, name_en=actor.name_en, wikidata=actor.wikidata, kind=actor.kind)


def _name_index(registry: Registry, name: str, keys_of) -> dict[str, tuple[str, ...]]:
    """An index ``key → actor ids`` over the registry's Arabic names, built once per registry and kind of key
    (kept on the registry: a registry with the analyst's actors has its own)."""
    return registry.derived_index(name, lambda actor: [
        k for surface in registry.names(actor) for k in keys_of(actor, normalize.key(surface.text))])


# Chinese, Korean and Vietnamese names put the family name first: «كيم» of «كيم جونغ أون» is his surname, «أون» not
_FAMILY_NAME_FIRST = frozenset({"CHN", "PRK", "KOR", "VNM", "TWN"})


def _family_first(actor: Actor | None) -> bool:
    return actor is not None and actor.country in _FAMILY_NAME_FIRST


def _surnames(registry: Registry) -> dict[str, tuple[str, ...]]:
    """The family name of every person's names (the last word, or the first where it comes first) → the persons
    who bear it."""
    return _name_index(registry, "surname", lambda actor, key: [
        key.split()[0 if _family_first(actor) else -1]] if actor.kind == "person" and len(key.split()) >= 2 else [])


def _given_names(registry: Registry) -> dict[str, tuple[str, ...]]:
    """The given name of every person's names → the persons who bear it: a word that opens someone's name
    («محمد», «علي»), or ends it where the family name comes first («أون»), is too common to stand for the one
    person whose family name it is."""
    return _name_index(registry, "given", lambda actor, key: [
        key.split()[-1 if _family_first(actor) else 0]] if actor.kind == "person" and len(key.split()) >= 2 else [])


def _skeleton_names(registry: Registry) -> dict[str, tuple[str, ...]]:
    """Every person's name of two words or more, each word as its skeleton → the persons: a foreign name spelt
    with other long vowels («جيرمي كوربن» = «جيريمي كوربين») is the same person."""
    return _name_index(registry, "skeleton", lambda actor, key: [
        _name_skeleton(key)] if actor.kind == "person" and len(key.split()) >= 2 else [])


def _name_skeleton(key: str) -> str:
    """Each word's skeleton inside its first and last letters: a long vowel that opens or ends a word is no
    spelling variant («إبراهيم صلاح» is not «برهم صالح», «حسن سالم» is not «حسين سلامي»)."""
    return " ".join(w[:1] + _skeleton(w[1:-1]) + w[-1:] if len(w) > 1 else w for w in key.split())


def _by_skeleton(registry: Registry, key: str) -> list[Actor]:
    """The one person whose full name has this name's skeleton (every word of three letters or more, so that
    short words cannot collapse into another name), or none."""
    words = key.split()
    if len(words) < 2 or any(len(_skeleton(w)) < 3 for w in words):
        return []
    ids = _skeleton_names(registry).get(_name_skeleton(key), ())
    return [registry[ids[0]]] if len(ids) == 1 else []


def _compact_names(registry: Registry) -> dict[str, tuple[str, ...]]:
    """Every Arabic name without its spaces → actors: «نصرالله» is «نصر الله», «عبدالله» is «عبد الله»."""
    return _name_index(registry, "compact", lambda actor, key: [key.replace(" ", "")])


class _Cover:
    """The characters of a text that some span covers: whether a span overlaps any of them costs one ``find``
    over its own characters (spans here are never empty, so sharing a character is overlapping)."""

    __slots__ = ("_mask",)

    def __init__(self, size: int):
        self._mask = bytearray(size + 1)

    def add(self, start: int, end: int) -> None:
        end = min(end, len(self._mask))
        self._mask[start:end] = b"\x01" * max(0, end - start)

    def touches(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) >= 0


def _one_person(registry: Registry, name: str) -> bool:
    """Whether ``name`` as written, or spelt with other long vowels, is one person of the registry."""
    found = registry.lookup(name) or _by_skeleton(registry, normalize.key(name))
    return len(found) == 1 and found[0].type == "PER"


def _previous_word(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 30) : start])
    return words[-1] if words else ""


def _is_adjective_use(text: str, match: Match, candidates: list[Actor]) -> bool:
    """A one-word name right after a definite noun agrees with it as an adjective («المساحة الزرقاء»)."""
    # Only a definite word can agree with a definite noun: «العاصمة صنعاء» is a place, «المساحة الزرقاء» is not.
    if " " in match.surface or match.nisba or not normalize.key(match.surface).startswith("ال"):
        return False
    if any(actor.type != "LOC" for actor in candidates):
        return False
    gap = text[max(0, match.start - 2) : match.start]
    prev = _previous_word(text, match.start)
    return gap.endswith(" ") and prev.startswith("ال") and len(prev) > 3 and normalize.key(prev) not in _FUNCTION_KEYS


_FUNCTION_KEYS = {normalize.key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي")}


def _trim_proclitics(text: str, start: int, end: int) -> int:
    first = _WORD.match(text, start)
    if not first or first.end() > end:
        return start
    prefix, _rest, restored = split_prefix(first.group())
    if restored:  # «للفرنسية» = ل + الفرنسية with the article's alef dropped: its lām goes too («فرنسية»)
        prefix = first.group()[:len(prefix) + 1]
    return start + len(prefix) if prefix and len(first.group()) - len(prefix) >= 2 else start


_PREPOSITION_WORD = re.compile(r"(?:على|إلى|الى|حتى|لدى)\s+")


def _past_preposition(text: str, start: int, end: int) -> int:
    """A span the model opened with a preposition written with «ى» («على القيادي» read as the name «علي»): the
    name, if any, starts after it; «علي» the name is written with «ي»."""
    m = _PREPOSITION_WORD.match(text, start, end)
    return m.end() if m else start


_QUALIFIED_KINDS = ("group", "military")


def _with_their_adjectives(text: str, mentions: list[_Mention], registry: Registry) -> list[_Mention]:
    """A nationality adjective right after an armed group or force describes it («ميليشيات الحوثي الإيرانية»،
    «مقاتلي حزب الله اللبناني»): the group's mention runs over it, and the adjective is no actor of its own."""
    by_start = {m.start: m for m in mentions if m.type == NATIONALITY}
    dropped = set()
    for m in sorted(mentions, key=lambda m: m.start):
        actor = registry.get(m.actor_id) if m.actor_id and m.type != NATIONALITY else None
        if actor is None or actor.kind not in _QUALIFIED_KINDS:
            continue
        gap = len(text[m.end:]) - len(text[m.end:].lstrip(" "))
        nat = by_start.get(m.end + gap)
        if nat is not None and 0 < gap <= 2 and id(nat) not in dropped:
            m.end = nat.end
            dropped.add(id(nat))
    return [m for m in mentions if id(m) not in dropped]


def _with_offices(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Later mentions of an office named with its holder («... واتهم الرئيس الأمريكي ألمانيا»: Trump), which take
    the place of the nationality adjectives inside them (``titles``)."""
    persons = sorted((m.start, m.end, m.actor_id) for m in mentions if m.type == "PER" and m.actor_id)
    names = {m.start for m in mentions if m.type == "PER"}
    found = titles.offices(text, persons, names, {m.start for m in mentions}) if persons else []
    for start, end, actor_id in found:
        inside = [m for m in mentions if m.start < end and start < m.end]
        if all(m.type == NATIONALITY for m in inside):
            mentions = [m for m in mentions if m not in inside]
            mentions.append(_Mention(start, end, "PER", actor_id, 0.6, "title"))
    return mentions


def _country_of(registry: Registry, actor_id: str | None) -> str | None:
    actor = registry.get(actor_id) if actor_id else None
    return (actor.iso3 or actor.country) if actor is not None else None


def _document_countries(mentions: Iterable[_Mention], registry: Registry) -> set[str]:
    countries = set()
    for m in mentions:
        if m.actor_id:
            actor = registry.get(m.actor_id)
            if actor is not None:
                countries.add(actor.iso3 or actor.country or "")
    return countries


def link(text: str, matches: list[Match], ner: list[tuple[int, int, str, float]], registry: Registry) -> list[Entity]:
    mentions: list[_Mention] = []
    # «والتقى ترامب بوتين» tagged as one person: two spans, each a name of its own (not «part of a longer name»)
    given = _given_names(registry)
    ner, pieces = joined_names.split(text, ner, matches, registry, lambda name: _one_person(registry, name),
                                     lambda word: normalize.key(word) in given)
    ner_cover = _Cover(len(text))  # characters inside an NER span: one lookup per match, not a scan of the spans
    for s, e, _t, _p in ner:
        ner_cover.add(s, e)
    persons = _Persons([span for span in ner if (span[0], span[1]) not in pieces])
    for m in matches:
        confirmed = ner_cover.touches(m.start, m.end)
        if not confirmed and _is_adjective_use(text, m, [a for a in map(registry.get, m.actor_ids) if a]):
            continue
        first = registry.get(m.actor_ids[0])
        if first and first.type == "PER" and not m.nisba and (m.start, m.end) not in pieces and (
                _part_of_a_longer_name(text, m.start, m.end, persons) or _someone_elses_name(text, m.start, m.end, first, persons)):
            continue  # «باول بوالكوفسكي»: not Colin Powell; «سارة ساندرز»: not Bernie Sanders
        kind_type = NATIONALITY if m.nisba else (first.type if first else "MISC")
        actor_id = m.actor_ids[0] if len(m.actor_ids) == 1 else None
        mentions.append(_Mention(m.start, m.end, kind_type, actor_id, 0.95 if confirmed else 0.9, "registry", m.actor_ids))

    # Ambiguous registry names: the candidate from a country the document names.
    countries = _document_countries(mentions, registry)
    for m in mentions:
        if m.actor_id is None and m.candidates:
            fitting = [c for c in m.candidates if (registry.get(c).country or registry.get(c).iso3) in countries]
            if len(fitting) == 1:
                m.actor_id, m.score = fitting[0], 0.7

    taken = _Cover(len(text))
    for m in mentions:
        taken.add(m.start, m.end)
    # Words of the persons already linked in this document: «البغدادي», «أبوعزام» resolve to them.
    names_linked: dict[str, str] = {}
    for m in mentions:
        if m.actor_id and m.type == "PER":
            _remember_name_words(names_linked, normalize.key(text[m.start : m.end]), m.actor_id,
                                 _family_first(registry.get(m.actor_id)))
    for m in mentions:
        # «العقيد تركي المالكي ... وقال المالكي»: a one-word name goes to the person the document named in full
        # before it, not to another bearer of the name in the registry (Nouri al-Maliki)
        key = normalize.key(text[m.start : m.end])
        if m.actor_id and m.type == "PER" and " " not in key and names_linked.get(key, m.actor_id) != m.actor_id:
            m.actor_id = names_linked[key]
    surnames, given_names = _surnames(registry), _given_names(registry)
    for start, end, typ, score in sorted(ner):
        if taken.touches(start, end):
            continue
        as_written = registry.lookup(text[start:end])  # «وام» is a name; «والقاعدة» is «و» + a name
        if not as_written:
            trimmed = _trim_proclitics(text, start, end)
            start = _past_preposition(text, trimmed, end)
            if start != trimmed and " " not in text[start:end].strip() and not registry.lookup(text[start:end]):
                continue  # «على القيادي»: what is left is one common noun
        surface = text[start:end]
        key = normalize.key(surface)
        if len(key) < 2 or key in _STOP_KEYS or not _LETTER.search(surface) or _glued_negation(surface) \
                or (FATHATAN in surface and " " not in surface):  # «دوماً» (always) tagged as a place: no name
            continue
        actor_id = None
        # one word of a longer, unknown name is linked neither as an alias nor as a surname used alone
        alone = not (typ == "PER" and _part_of_a_longer_name(text, start, end, persons))
        if not alone:
            found = []
        elif not _WORD.search(surface):  # written in Latin letters: «CNN», «BBC»
            found = registry.lookup_en(surface)
        else:
            found = as_written or registry.lookup(surface) or [
                registry[i] for i in _compact_names(registry).get(key.replace(" ", ""), ())]
            if not found and typ == "PER":
                found = _by_skeleton(registry, key)
                score = min(score, 0.6) if found else score
        if len(found) > 1:  # «البيضاء» in Yemen or in Libya: the one from a country the document names
            fitting = [a for a in found if a.type == typ and (a.country or a.iso3) in countries]
            if len(fitting) == 1:
                found, score = fitting, min(score, 0.7)
        if len(found) == 1 and found[0].type == typ:
            actor_id = found[0].id
        elif typ == "PER" and alone:
            last = key.split()[-1]
            actor_id = names_linked.get(key) or names_linked.get(last)
            if actor_id is None and len(key.split()) == 1 and len(surnames.get(last, ())) == 1 \
                    and last not in given_names:
                actor_id = surnames[last][0]
                score = min(score, 0.6)
        if actor_id and typ == "PER" and _someone_elses_name(text, start, end, registry.get(actor_id), persons):
            actor_id = None  # «سارة ساندرز» tagged as «ساندرز» alone: not Bernie Sanders
        if actor_id is None and _scare_quoted(text, start, end):
            continue
        mentions.append(_Mention(start, end, typ, actor_id, score, "ner"))
        taken.add(start, end)
        if actor_id and typ == "PER":
            _remember_name_words(names_linked, key, actor_id, _family_first(registry.get(actor_id)))

    countries = [_country_of(registry, m.actor_id) for m in mentions]
    nationals = {m.start: (m.end, _country_of(registry, m.actor_id)) for m in mentions
                 if m.type == NATIONALITY and m.actor_id and _country_of(registry, m.actor_id)}
    # an organisation NER found but the registry could not name («الجيش الوطني» alone) is open to the state
    # nouns: the institution mention takes its place
    unnamed = {(m.start, m.end) for m in mentions if m.type == "ORG" and m.actor_id is None}
    absorbed, replaced = set(), set()
    for start, end, actor_id, nat in institutions.spans(
            text, countries, nationals, lambda s, e: (s, e) not in unnamed and taken.touches(s, e), registry):
        mentions.append(_Mention(start, end, "ORG", actor_id, 0.6, "institution"))
        absorbed.add(nat)
        replaced.add((start, end))
    mentions = [m for m in mentions if not (m.type == NATIONALITY and m.start in absorbed)
                and not (m.actor_id is None and (m.start, m.end) in replaced)]
    for start, end, actor_id in short_names.spans(text, mentions, taken.touches, registry):
        mentions.append(_Mention(start, end, "ORG", actor_id, 0.6, "short-name"))
    mentions = _with_their_adjectives(text, mentions, registry)
    mentions = _with_offices(text, mentions)
    mentions.sort(key=lambda m: m.start)
    _merge_known_as(text, mentions)
    return [_entity(text, m, registry) for m in mentions]


class _Persons:
    """The person spans of the NER output by start and by end: the spans that touch a name, with only white
    space between, are found by looking at the few positions around it instead of scanning every span."""

    __slots__ = ("ends", "starts")

    def __init__(self, ner: list[tuple[int, int, str, float]]):
        self.starts: dict[int, list[int]] = {}  # start → ends of the person spans that start there
        self.ends: set[int] = set()
        for s, e, t, _ in ner:
            if t == "PER":
                self.starts.setdefault(s, []).append(e)
                self.ends.add(e)

    def after(self, text: str, end: int) -> list[int]:
        """Starts of person spans at ``end`` or after it with only white space between."""
        stop = end
        while stop < len(text) and text[stop].isspace():
            stop += 1
        return [s for s in range(end, stop + 1) if s in self.starts]

    def ends_before(self, text: str, start: int) -> bool:
        """Whether a person span ends at ``start`` or before it with only white space between."""
        first = start
        while first > 0 and text[first - 1].isspace():
            first -= 1
        return any(e in self.ends for e in range(first, start + 1))


def _part_of_a_longer_name(text: str, start: int, end: int, persons: _Persons) -> bool:
    """A one-word name that another person span touches, with only spaces between («باول بوالكوفسكي» tagged
    as two names): the word is part of a longer name, so it is not linked as an alias or a surname alone.
    Names joined by «و» («العامري والمالكي») are two persons."""
    if not _one_word(text, start, end):
        return False
    if any(text[s] != "و" for s in persons.after(text, end)):
        return True
    return text[start] != "و" and persons.ends_before(text, start)


def _skeleton(word: str) -> str:
    """A loose key for spelling variants of foreign given names: long vowels and hamza seats dropped, غ as ج
    («فرنسوا» = «فرانسوا», «ديميتري» = «دميتري», «أفيجدور» = «أفيغدور»)."""
    return re.sub(r"[اويىءأإآئؤ]", "", word).replace("غ", "ج")


def _own_words(actor: Actor) -> set[str]:
    """Skeletons of the words of the actor's Arabic names, and of «عبد»/«أبو» glued to the next word."""
    out = set()
    for name in (actor.name_ar, *actor.aliases_ar):
        words = normalize.key(name).split()
        out.update(_skeleton(w) for w in words)
        out.update(_skeleton(a + b) for a, b in zip(words, words[1:]) if a in ("عبد", "ابو"))
    return out


def _is_own(word: str, own: set[str]) -> bool:
    sk = _skeleton(word)
    return sk in own or any(len(sk) >= 2 and (o.startswith(sk) or sk.startswith(o)) for o in own if len(o) >= 2)


def _someone_elses_name(text: str, start: int, end: int, actor: Actor, persons: _Persons) -> bool:
    """A name of ``actor`` that is part of someone else's: a one-word name right after a given name that is not
    this person's («سارة ساندرز»، «بهية الحريري»، «أحمد المرزوقي»; «محمد ظريف» is Zarif), or the first word of a
    longer person span («هادي حبيش» is not Abd Rabbuh Mansur Hadi); a span of several words that opens with
    someone else's given name («إيفانكا ترمب» is not Donald Trump)."""
    own = _own_words(actor)
    if not _one_word(text, start, end):
        first = normalize.key(text[start:end]).split()[0]
        return first in first_words() and not _is_own(first, own)
    if start > 0 and not text[start - 1].isspace():
        return False  # a word with a glued «و» or «ل» starts no longer name («العامري والمالكي»)
    before = text[max(0, start - 40):start]
    if before.endswith(" ") and not before.rstrip().endswith(("،", ",", ".", ":", "؛", ")", "(", "-", "»", "«")):
        words = [normalize.key(w) for w in _WORD.findall(before)]
        if len(words) >= 3 and words[-2] in ("بن", "ابن"):
            words = words[:-2]  # «عادل بن أحمد الجبير»: the father's name; the chain's first name decides
        if words and words[-1] in first_words() and not _is_own(words[-1], own):
            return True
    if normalize.key(text[start:end]) not in first_words():
        return False
    # a given name that is also this person's one-word name («هادي») opening a longer person span: «هادي حبيش»
    return any(e > end and _name_word_follows(text[end:e]) for e in persons.starts.get(start, ()))


def _name_word_follows(rest: str) -> bool:
    """The words after a one-word name in the same person span go on with a name: not «و» and another name, not
    a particle («أيضاً») nor a word with a glued preposition («للصحافيين»)."""
    words = _WORD.findall(rest)
    if not words or rest.strip()[:1] == "و":
        return False
    first = words[0]
    key = normalize.key(first)
    if key in _STOP_KEYS or key.startswith(("لل", "بال")) or FATHATAN in first:
        return False
    return not (key[:1] in "لب" and wordfreq.count(first[1:]) > wordfreq.count(first))


def _one_word(text: str, start: int, end: int) -> bool:
    return not re.search(r"[\s_]", text[start:end].strip())  # «نوري_المالكي» is two words


def _glued_negation(surface: str) -> bool:
    """«لايبدو», «مايهدد», «لاتكون»: a negation glued to a common present-tense verb, which the NER model
    can take for a name. The glued form is rare in the reference corpora and the verb after it common;
    names that begin with the same letters («لابيد», «لاريجاني», «ماكون», «مايكل») are kept."""
    for neg in ("لا", "ما"):
        rest = surface[len(neg):]
        if surface.startswith(neg) and " " not in surface and len(rest) >= 3 and rest[0] in "يتن":
            return wordfreq.count(surface) < _GLUED_RARE and wordfreq.count(rest) >= _COMMON_VERB
    return False


_GLUED_RARE, _COMMON_VERB = 5, 500


def _scare_quoted(text: str, start: int, end: int) -> bool:
    """One unknown word alone in quotation marks («"براجماتى "») is a scare quote, not a name."""
    if not _one_word(text, start, end):
        return False
    before = text[max(0, start - 1) : start]
    after = text[end : end + 2].lstrip()[:1]
    return before in ('"', "«", "“") and after in ('"', "»", "”")


def _remember_name_words(index: dict[str, str], key: str, actor_id: str, family_first: bool = False) -> None:
    words = key.split()
    index.setdefault(key, actor_id)
    if family_first and len(words) > 1:
        index.setdefault(words[0], actor_id)  # «كيم»: a short family name that leads the name
        return
    for word in (words[0], words[-1]) if len(words) > 1 else ():
        if len(word) >= 4 and word not in _STOP_KEYS and not word.startswith(("ابو", "بن", "عبد")) or word.startswith("ابو") and len(word) > 5:
            index.setdefault(word, actor_id)


_STOP_KEYS = {normalize.key(w) for w in wordfreq.stopwords()} | {normalize.key(w) for w in ("ان", "إن", "أن", "قد", "ال")}


def _merge_known_as(text: str, mentions: list[_Mention]) -> None:
    """«آدم بيرلمان ... أصبح يعرف لاحقاً باسم عزام الأميركي»: the two names are one person."""
    for i, later in enumerate(mentions):
        window = text[max(0, later.start - 40) : later.start].rstrip("\"'«“ ")
        if not _KNOWN_AS.search(window + " "):
            continue
        earlier = next((m for m in reversed(mentions[:i]) if m.type == "PER" and later.start - m.end < 200), None)
        if earlier is None:
            continue
        if earlier.actor_id and not later.actor_id:
            later.actor_id = earlier.actor_id
        elif later.actor_id and not earlier.actor_id:
            earlier.actor_id = later.actor_id
        elif not earlier.actor_id and not later.actor_id:
            later.source = earlier.source = f"alias:{earlier.start}"


def _entity(text: str, m: _Mention, registry: Registry) -> Entity:
    actor = registry.get(m.actor_id) if m.actor_id else None
    surface = text[m.start : m.end]
    if m.actor_id:
        cluster = m.actor_id
    elif m.source.startswith("alias:"):
        cluster = f"doc:{m.source[6:]}"
    else:
        cluster = "doc:" + normalize.key(surface).replace(" ", "_")
    return Entity(
        start=m.start,
        end=m.end,
        text=surface,
        type=m.type,
        actor_id=m.actor_id,
        actor=actor_ref(actor) if actor else None,
        score=round(m.score, 3),
        cluster=cluster,
    )
