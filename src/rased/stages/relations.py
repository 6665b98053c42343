"""Stage ``relations``: typed relations between actors (PLOVER-like ontology, see docs/relations.md).

Reads ``text``, ``sentences``, ``entities`` (may be None), ``quotes`` and ``published``; writes ``relations``.

* **Actors** are entities (people, organisations, countries; places are locations) and, where no entity covers
  them, generic actor nouns from ``knowledge/cues/agents.tsv`` («مسلحون مقنعون»، «القوات العراقية»،
  «المتظاهرين»), plural nationality nouns («الإسرائيليين») and pronoun-suffixed agents («مقاتليه»: the
  fighters of the article's most mentioned group so far).
* **Triggers** come from ``knowledge/cues/triggers.tsv`` (verbs in every inflection and clitic form, verbal
  nouns); triggers marked veto are ignored in sentences with sports or culture words (``context.tsv``).
* **Arguments**: «بين A و B» gives both; a verbal noun takes the actor right after it as agent («هجوم تنظيم
  القاعدة») or patient («اغتيال الرئيس», «مقتل»); a verb takes the nearest actor before it in its clause as
  source (subject-verb), else the first actor after it (verb-subject order, «قتل مسلحون ...»), and the next
  actor after as target. A counted actor («28 متطوعا») is a patient. Where the actor tables have nothing in
  place, ``_refine`` reads noun phrases from the clause: the subject before a verb, its object, passive readings
  of killing verbs, «على يد X», «نفذه X», «قام X بـ», «نجا X من», and what a protest is against (docs/relations.md).
* **Modality**: negated / possible / hedged from ``hedging``; inside a quote or «according to» claim the relation
  is reported and ``attributed_to`` the speaker.
* **Event time**: a year in the clause other than the publication year, else «past» for pluperfect frames
  («وكان ... قد»), «قبل أن», «في وقت سابق», or a relative clause with a completed verb («الذي أسفر عن»).
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..arabic import wordfreq
from ..arabic.normalize import light
from ..knowledge.cues import (Trigger, article_words, is_next_word, lexicon, sports_or_culture,
                              strip_proclitic, word_key)
from ..record import Article, Entity, Mention, Quote, Relation, Sentence
from ..settings import Settings
from ..claims import clauses
from ..claims import conjuncts, nationality_heads
from ..claims.argument_shape import names_a_party
from ..claims.view import TokenView
from ..knowledge import titles
from . import hedging

_BOUNDARY_WORDS = {word_key(w) for w in ("حيث", "بينما", "فيما", "ثم", "لكن", "ولكن", "بعدما", "عندما", "حين", "كما")}
_NOUN_CONTEXT = {word_key(w) for w in ("من", "على", "في", "إلى", "الى", "عن", "بعد", "قبل", "مثل", "خلال", "اثر",
                                       "إثر", "عقب", "ضد", "بسبب", "جراء", "تم", "بدء", "بشأن", "لمنع")}
_BY = (("على", "يد"), ("من", "قبل"), ("بيد",))
_BY_KEYS = {tuple(word_key(p) for p in phrase) for phrase in _BY if len(phrase) == 2}
_NUMBER_WORDS = {word_key(w) for w in ("عدد", "عشرات", "مئات", "آلاف", "الاف", "ألف", "عشرة", "ثلاثة", "أربعة",
                                       "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "اثنين", "اثنان", "ثلاث", "أربع",
                                       "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "عن")}
_MODIFIERS = {word_key(w) for w in ("مقنعون", "مقنعين", "مجهولون", "مجهولين", "المسلحة", "مسلحة", "الأمنية",
                                    "أمنية", "الخاصة", "الحكومية", "النظامية", "المسلحون", "مسلحون", "الأم")}
_PAST_WORDS = {word_key(w) for w in ("سابقا", "آنذاك", "حينها", "حينذاك", "وقتها")}
_COMPLETED = {word_key(w) for w in ("أسفر", "أدى", "أودى", "وقع", "أوقع", "راح", "خلف", "نفذه", "نفذها", "شنه")}
_RELATIVES = {word_key(w) for w in ("الذي", "التي", "الذين", "والذي", "والتي")}
# every relative pronoun, duals included: what follows one belongs to the relative clause
_RELATIVE_WORDS = _RELATIVES | {word_key(w) for w in ("الذى", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي",
                                                      "اللاتي")}
# «أعلن تنظيم داعش مسؤوليته عن التفجير»، «نفت موسكو مسؤوليتها عن الهجوم»، «تبنى تنظيم داعش الهجوم»
_RESPONSIBILITY = {word_key(p + w) for w in ("مسؤوليته", "مسؤوليتها", "مسؤوليتهم", "مسئوليته", "مسئوليتها",
                                             "مسئوليتهم", "المسؤولية", "المسئولية") for p in ("", "ب")}
_ADOPTED = {word_key(w) for w in ("تبنى", "تبنت", "تبنوا", "يتبنى", "تتبنى", "وتبنى", "وتبنت")}
_DEMONSTRATIVES = {word_key(w) for w in ("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين")}
_YEAR = re.compile(r"^(19|20)\d\d$")
_SUFFIX_PRONOUNS = ("هم", "ها", "ه")
_AGAINST = {word_key(w) for w in ("على", "ضد")}
_IN = {word_key(w) for w in ("في", "فى", "قرب", "داخل")}
_PLACE_WORDS = {word_key(w) for w in ("العاصمة", "عاصمة", "مدينة", "المدينة", "وسط", "شمال", "جنوب", "شرق", "غرب",
                                      "أنحاء", "انحاء", "سفارة", "سفارات", "مطار", "ضواحي", "حول", "عبر", "منذ",
                                      "حتى", "خارج", "أمام", "امام")}  # with _IN and _PREPOSITIONS
_TIME_WORDS = {word_key(w) for w in ("أمس", "امس", "اليوم", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس",
                                     "الجمعة", "السبت", "يوم", "من")}
_ALSO_TIME = {word_key("فجر")}
_UNDERGO = {word_key(w) for w in ("تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض", "يتعرضون", "لتعرض", "تعرضه", "تعرضها")}
_PREPOSITIONS = {word_key(w) for w in ("على", "ضد", "مع", "إلى", "الى", "بحق", "تجاه", "نحو", "بين", "عن", "من")}
_CAPITAL = "CAPITAL"  # the role of a capital read as its government
_VIOLENT = frozenset(("ASSAULT", "FIGHT", "PROTEST", "COERCE", "MOBILIZE"))
_CEASE = {word_key(w) for w in ("وقف", "لوقف", "بوقف", "ووقف", "وقفا", "ووقفا", "لوقفا", "إيقاف", "لإيقاف",
                                 "بإيقاف", "ايقاف", "لايقاف")}
# nouns that also name a body or a region: a trigger only with a partner after them, or without a name after them
_PARTNERED = {word_key("تحالف")}
# an agreement noun with no partner after it is the deal as a topic («معارضة الاتفاق»، «الاتفاق النووي يشكل ...»),
# no agreement reached between the actors around it
_PARTNERED_TYPES = frozenset(("AGREE",))
_AND_BETWEEN = word_key("وبين")
_SIDE = word_key("جهة")  # «من جهة ... ومن جهة أخرى»: the two sides of «بين»
_PARTNERS = {word_key(w) for w in ("بين", "مع")}
_WITH = word_key("مع")
_ALSO_REGION = {word_key("قاطع")}
_RARE = 60  # corpus count under which a word after «مقاطعة» is taken for a foreign name
_FROM = word_key("من")
_RECEIVE = {word_key(p + v) for p in ("", "و", "ف") for v in (
    "حصل", "حصلت", "حصلوا", "يحصل", "تحصل", "نال", "نالت", "ينال", "تلقى", "تلقت", "يتلقى", "لقي", "لقيت")}
def _pronoun_complementizers(heads, pronouns) -> set[str]:
    """Keys of complementizers with a pronoun suffix («إنه», «بأنها»); matching keys fold the alef forms."""
    return {word_key(h + p) for h in heads for p in pronouns}


_PRONOUN_SUBJECTS = _pronoun_complementizers(("إن", "أن", "بأن", "لأن", "وإن", "وأن", "كون"), ("ه", "ها", "هم", "هما", "هن"))
_FRIENDLY = frozenset({"SUPPORT", "COOPERATE", "AID", "AGREE", "CONSULT"})
_OPPOSED = word_key("ضد")
_MEDIA = {word_key(w) for w in ("صحافي", "صحفي", "تلفزيوني", "إذاعي", "صحافية", "صحفية", "تلفزيونية", "إذاعية")}


@dataclass(slots=True)
class _Actor:
    t0: int  # token range (indices into the article's word tokens)
    t1: int
    start: int
    end: int
    text: str
    actor_id: str | None
    entity: bool
    role: str | None = None

    def mention(self) -> Mention:
        return Mention(self.start, self.end, self.text, self.actor_id)


def _is_actor_entity(e: Entity) -> bool:
    if e.type in ("PER", "ORG"):
        return True
    if e.type == "MISC" and e.actor_id:  # «الإسلام» is no actor
        return True
    if e.actor is not None and e.actor.kind in ("country", "government", "military", "group", "international"):
        return True
    return bool(e.actor_id and e.actor_id.startswith(("cty:", "gov:", "mil:", "grp:", "int:")))


class _Words:
    def __init__(self, text: str):
        self.text = text
        toks, keys = article_words(text)
        keep = [n for n, t in enumerate(toks) if t.kind != "punct" or t.text in "،,:؛;.؟?!"]
        self.toks = [toks[n] for n in keep]
        self.keys = [keys[n] for n in keep]
        self.starts = [t.start for t in self.toks]
        self.ends = [t.end for t in self.toks]
        # first words of named bodies (not persons, whom a title before them describes; not nationalities)
        self.name_starts: frozenset[int] = frozenset()

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def range_of(self, start: int, end: int) -> tuple[int, int]:
        return bisect.bisect_left(self.ends, start + 1), bisect.bisect_left(self.starts, end)


def _strip_al(k: str) -> str:
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


def _region_name_at(w: "_Words", j: int, in_name: list[bool], places: dict[int, str | None]) -> bool:
    """A place that is no country, or a rare word without ال, right at ``j``: «مقاطعة كيبيك»، «مقاطعة بولاكان»
    — not «مقاطعة قطر» (a boycott of Qatar) nor «مقاطعة شاملة» (a full boycott)."""
    if j in places:
        return not (places[j] or "").startswith("cty:")
    if in_name[j] or w.toks[j].kind == "punct" or w.keys[j].startswith("ال"):
        return False
    return wordfreq.count(w.toks[j].text) < _RARE


def _is_nisba(k: str) -> bool:
    return len(k) >= 4 and k.endswith(("ي", "يه", "يين", "يون", "يان"))


@dataclass(frozen=True, slots=True)
class _AgentNoun:
    """A generic actor noun read at a word: its agents.tsv entry, the proclitic letters before it, the pronoun
    suffix it carries («مقاتليه») and whether it is a plural nationality noun instead («الإسرائيليين»)."""
    entry: str
    prefix: int
    pronoun: str | None
    nationality: bool


def _agents(w: _Words, lo: int, hi: int, taken: list[bool], inside: list[bool], topic, apposed) -> list[_Actor]:
    lex = lexicon()
    out: list[_Actor] = []
    i = lo
    while i < hi:
        noun = None if taken[i] or w.toks[i].kind == "punct" else _agent_noun_at(w, i, lo, lex)
        j = _agent_phrase_end(w, i, hi, taken, noun, lex) if noun is not None else None
        if noun is None or j is None:
            i += 1
            continue
        start = w.toks[i].start + noun.prefix
        end = w.toks[j - 1].end
        if apposed is not None and j < hi and apposed(j):
            for m in range(i, j):
                inside[m] = True
            i = j  # «عامل الإغاثة البريطاني "آلان هينينغ"»: the name that follows is the actor
            continue
        actor_id = None
        if topic is not None and (noun.pronoun is not None or w.keys[i] in lex.anaphors):
            actor_id = topic(i)
        role = "CVL" if noun.nationality else lex.agents[noun.entry][0]
        out.append(_Actor(i, j, start, end, w.text[start:end], actor_id, False, role))
        for m in range(i, j):
            taken[m] = True
            inside[m] = True
        i = j
    return out


def _agent_noun_at(w: _Words, i: int, lo: int, lex) -> _AgentNoun | None:
    """The generic actor noun at word ``i``, if one stands there as an actor and not as an adjective."""
    k = w.keys[i]
    hit = strip_proclitic(k, lex.agents)
    pron = None
    if hit is None:
        for suf in _SUFFIX_PRONOUNS:
            if k.endswith(suf) and len(k) - len(suf) >= 4:
                h = strip_proclitic(k[: -len(suf)], lex.agents)
                if h and lex.agents[h[0]][1]:
                    hit, pron = h, suf
                    break
    nationality = False
    if hit is None and len(k) >= 6 and k.endswith(("يين", "يون")) and (
            k.startswith("ال") or (i > lo and (w.toks[i - 1].kind == "num" or w.keys[i - 1] in _NUMBER_WORDS))):
        hit, nationality = (k, 0), True  # «الإسرائيليين»، «أربعة أوروبيين»
    if hit is None:
        return None
    if not nationality and i > lo and _is_nisba(_strip_al(hit[0])) and w.toks[i - 1].kind == "ar" and \
            _definite(k) == _definite(w.keys[i - 1]) and w.keys[i - 1] not in _FUNCTION and \
            not any(t.pos == "verb" for t in lex.triggers.get(w.keys[i - 1], ())) and \
            strip_proclitic(w.keys[i - 1], lex.cues) is None:
        return None  # «العمليات الانتحارية»، «هجوم انتحاري»: an adjective, not an actor
    return _AgentNoun(hit[0], hit[1], pron, nationality)


def _agent_phrase_end(w: _Words, i: int, hi: int, taken: list[bool], noun: _AgentNoun, lex) -> int | None:
    """Where the actor phrase of the noun at ``i`` ends (its genitive and adjectives), or None when an entity
    right after it is the actor instead."""
    construct = (not noun.nationality and noun.pronoun is None and lex.agents[noun.entry][1])
    j = i + 1
    if construct and j < hi and taken[j]:
        return None  # «مقاتلي جبهة النصرة»: the entity is the actor
    definite = noun.entry.startswith("ال")
    if construct and j < hi and w.toks[j].kind != "punct" and w.keys[j] not in _NOUN_CONTEXT and \
            w.keys[j] not in _FUNCTION and w.keys[j] not in _TIME_ADVERBS and w.keys[j] not in _QUANTITY and (
            not definite or (not w.keys[j].startswith("ال") and w.toks[j].kind == "ar"
                             and strip_proclitic(w.keys[j], lex.triggers) is None)):
        # «قوات الأمن»; after a definite title only a name joins it («العميد جبار»)
        j += 1
        if j < hi and taken[j]:
            return None  # «عناصر تنظيم داعش»: the entity is the actor
    while j < hi and j - i < 4 and not taken[j] and w.toks[j].kind != "punct" and (
            _is_nisba(w.keys[j]) or w.keys[j] in _MODIFIERS) and w.keys[j] not in _RELATIVES:
        j += 1
    return j


def _construct_noun(word: str) -> bool:
    """A noun without ال ending in ة governs the word after it as its genitive («مسؤولية دعم المسلحين»): that
    word is a noun, never a verb."""
    return word.endswith("ة") and not word.startswith(("ال", "وال", "بال", "لل", "فال")) and len(word) > 2


def _trigger_reading(w: _Words, i: int, cands: tuple[Trigger, ...], prefix: str) -> Trigger:
    if len(cands) == 1:
        return cands[0]
    # after a construct noun the word is its genitive; that reading is asked for only where it changes who is
    # the doer (a transitive verb's noun: «مسؤولية دعم المسلحين»)
    construct = i > 0 and _construct_noun(w.toks[i - 1].text) and any(c.gen == "either" for c in cands)
    nounish = ("ب" in prefix or "ل" in prefix or w.keys[i].startswith("ال")
               or (i > 0 and w.keys[i - 1] in _NOUN_CONTEXT) or construct)
    for c in cands:
        if (c.pos == "noun") == nounish:
            return c
    return cands[0]


def extract(article: Article, settings: Settings) -> list[Relation]:
    rs = settings.relations
    scene = _scene(article)
    w = scene.w
    quotes = article.quotes or ()
    pub_year = article.published.value[:4] if article.published else None
    out: list[Relation] = []
    seen: set[tuple] = set()
    for s in _sentences(article):
        lo, hi = w.range_of(s.start, s.end)
        if hi <= lo:
            continue
        skeys = w.keys[lo:hi]
        sent = _SentenceView(s, lo, hi, sports_or_culture(skeys), hedging.scan(skeys))
        for i in range(lo, hi):
            ev = _event_at(scene, sent, i)
            if ev is None:
                continue
            ev.quote = _quote_at(quotes, w.toks[i].start)
            _read_arguments(scene, sent, ev, rs.max_argument_words)
            if not _frame(scene, sent, ev, rs.event_types):
                continue
            if ev.antecedent is not None and _told_by_its_noun(out, w, sent, ev):
                continue
            ident = (ev.trig.type, ev.src and ev.src.start, ev.tgt and ev.tgt.start, s.start)
            if ident in seen:
                continue
            seen.add(ident)
            out.append(_relation(scene, sent, ev, pub_year))
    return _drop_empty(_share_protest_arguments(out))


# --- The article's actors, and the sentences and trigger words read against them ---

@dataclass(slots=True)
class _Scene:
    """The article's words and who and what stands in them: the actors (entities, capitals read as their
    governments, generic actor nouns) in text order, the places, and the words no trigger is read from."""
    w: _Words
    actors: list[_Actor]
    starts: list[int]  # each actor's first word, in the same order
    locations: list[_Actor]
    in_name: list[bool]  # words of a name are never triggers: «تحالف دعم الشرعية» is a body, not support
    inside: list[bool]  # words inside a generic actor mention: never triggers
    place_starts: dict[int, str | None]  # first word of each place -> its actor id


@dataclass(slots=True)
class _SentenceView:
    """A sentence as the trigger loop reads it."""
    s: Sentence
    lo: int  # its word range
    hi: int
    vetoed: bool  # sports or culture words: veto triggers are no events here
    cues: hedging.Cues
    shared: _Actor | None = None  # the subject of the sentence's last verb, for coordinated verbs


@dataclass(slots=True)
class _Event:
    """One trigger word's reading as the steps of ``extract`` fill it in."""
    i: int
    trig: Trigger
    participant: _Actor | None  # a participant noun («المتظاهرون») is both the event and its source
    quote: Quote | None = None
    src: _Actor | None = None
    tgt: _Actor | None = None
    antecedent: int | None = None  # the event noun a relative clause's verb describes
    claim: tuple[_Actor | None, str] | None = None  # a claim of responsibility (``_claimant``)
    modality: str | None = None
    attributed: Mention | None = None


def _sentences(article: Article) -> tuple[Sentence, ...]:
    return article.sentences or (Sentence(0, len(article.text)),)


def _scene(article: Article) -> _Scene:
    w = _Words(article.text)
    n = len(w.toks)
    taken = [False] * n
    in_name, place_starts = _name_words(article, w)
    actors, locations = _named_actors(article, w, taken)
    w.name_starts = frozenset(a.t0 for a in actors if a.entity and a.role not in ("NAT", "PER"))
    group_starts = sorted((a.t0, a.actor_id) for a in actors if a.actor_id and a.actor_id.startswith(("grp:", "mil:")))

    def topic(i: int) -> str | None:
        return clauses.leading_group(group_starts, i)

    person_at = {a.t0 for a in actors if a.entity}
    inside = [False] * n
    agent_actors = []
    for s in _sentences(article):
        lo, hi = w.range_of(s.start, s.end)
        agent_actors.extend(_agents(w, lo, hi, taken, inside, topic, lambda j: j in person_at))
    actors = sorted(actors + agent_actors, key=lambda a: a.t0)
    return _Scene(w, actors, [a.t0 for a in actors], locations, in_name, inside, place_starts)


def _name_words(article: Article, w: _Words) -> tuple[list[bool], dict[int, str | None]]:
    """Which words belong to an entity's name, and where each place starts (with its actor id)."""
    in_name = [False] * len(w.toks)
    place_starts: dict[int, str | None] = {}
    for e in article.entities or ():
        t0, t1 = w.range_of(e.start, e.end)
        for m in range(t0, t1):
            in_name[m] = True
        if e.type == "LOC" and t1 > t0:
            place_starts[t0] = e.actor_id
    return in_name, place_starts


def _named_actors(article: Article, w: _Words, taken: list[bool]) -> tuple[list[_Actor], list[_Actor]]:
    """The actors and the places the entities name, in text order; the words of each actor are ``taken``."""
    lex = lexicon()
    entity_ends = {w.range_of(e.start, e.end)[1] for e in article.entities or ()}
    actors: list[_Actor] = []
    locations: list[_Actor] = []
    for e in sorted(article.entities or (), key=lambda e: e.start):
        t0, t1 = w.range_of(e.start, e.end)
        if t1 <= t0:
            continue
        a = _Actor(t0, t1, e.start, e.end, e.text, e.actor_id, True, e.type)
        if _is_actor_entity(e):
            actors.append(a)
            for m in range(t0, t1):
                taken[m] = True
        elif e.type == "LOC":
            locations.append(a)
            country = lex.capitals.get(e.actor_id or "")
            if country and _as_government(w, a, lex, entity_ends):
                # «واتهمت واشنطن طهران»: a capital outside a prepositional phrase is its government
                actors.append(_Actor(t0, t1, e.start, e.end, e.text, country, True, _CAPITAL))
                for m in range(t0, t1):
                    taken[m] = True
    return actors, locations


def _event_at(scene: _Scene, sent: _SentenceView, i: int) -> _Event | None:
    """The trigger reading of word ``i`` when the word tells an event there."""
    w = scene.w
    if w.toks[i].kind == "punct":
        return None
    k = w.keys[i]
    hit = strip_proclitic(k, lexicon().triggers)
    if hit is None:
        return None
    prefix = k[: hit[1]]
    cands = clauses.readings_with(w.toks[i].text, hit[0], prefix)
    if not cands:
        return None
    trig = _trigger_reading(w, i, cands, prefix)
    participant = None
    if scene.inside[i]:
        # «المتظاهرون»: a participant noun is both the event and its source
        participant = next((a for a in scene.actors if a.t0 <= i < a.t1), None)
        if trig.type != "PROTEST" or participant is None:
            return None
    if _no_event_here(scene, sent, i, trig, prefix, participant):
        return None
    return _Event(i, trig, participant)


def _no_event_here(scene: _Scene, sent: _SentenceView, i: int, trig: Trigger, prefix: str,
                   participant: _Actor | None) -> bool:
    """The trigger word at ``i`` is something else here: a name, a province, dawn, an interview, a ceasefire."""
    w, lo, hi = scene.w, sent.lo, sent.hi
    if trig.veto and sent.vetoed:
        return True
    if trig.pronoun and trig.pos == "noun" and i > lo and w.keys[i - 1] in _RELATIVES:
        return True  # «الصلات التي تجمعهما»: after a relative comes a verb, never a possessed noun
    if scene.in_name[i] and participant is None:
        return True
    if trig.pos == "noun" and (trig.lemma in _PARTNERED or (trig.type in _PARTNERED_TYPES and not trig.next)) \
            and not _partner_after(w, i, hi, trig.lemma in _PARTNERED):
        return True  # «التحالف» names the coalition; an alliance has a partner: «تحالف مع القاعدة»
    if trig.pos == "noun" and trig.lemma in _ALSO_REGION and i + 1 < hi and _region_name_at(
            w, i + 1, scene.in_name, scene.place_starts):
        return True  # «مقاطعة كيبيك» is a province, «مقاطعة الانتخابات» a boycott
    if i + 1 < hi and w.keys[i + 1] in _TIME_WORDS and trig.lemma in _ALSO_TIME and not prefix:
        return True  # «فجر أمس» is dawn
    if trig.pos == "noun" and i + 1 < hi and w.keys[i + 1] in _MEDIA:
        return True  # «حوار صحافي» is an interview
    if trig.type in ("ASSAULT", "FIGHT") and i > lo and w.keys[i - 1] in _CEASE:
        return True  # «وقف إطلاق النار»، «وقف القتال»: a ceasefire, not violence
    # «أطلق النار»; «اصيب 37 شخصا بجروح»: past the patient
    return trig.next is not None and not any(
        is_next_word(w.keys[k], trig.next) for k in range(i + 1, min(hi, i + 1 + trig.within)))


# --- Arguments of an event ---

def _read_arguments(scene: _Scene, sent: _SentenceView, ev: _Event, limit: int) -> None:
    """Source and target of the event, and the claim of responsibility for it."""
    w, i, trig = scene.w, ev.i, ev.trig
    # «التفجير الذي استهدف المسجد»: a verb whose subject is an event noun before it
    ev.antecedent = _event_antecedent(w, i, sent.lo) if trig.pos == "verb" and trig.type != "PROTEST" else None
    if ev.participant is not None:
        src, tgt = ev.participant, _protested(scene, sent.hi, ev.participant)
    else:
        src, tgt = _arguments(w, i, sent.lo, sent.hi, trig, scene.actors, scene.starts, limit)
        src, tgt = _clause_arguments(scene, sent, ev, src, tgt)
    ev.claim = _claimant(w, i, sent.lo, sent.hi, scene.actors, scene.starts) if (
        trig.pos == "noun" and trig.type != "PROTEST" and ev.participant is None) else None
    if ev.claim is not None:
        src = ev.claim[0]  # None when the claim is negated: nobody is named as the doer
        if src is not None and tgt is not None and (tgt.t0 < src.t1 and src.t0 < tgt.t1):
            tgt = None
    ev.src, ev.tgt = _settled_arguments(scene, sent, ev, src, tgt)


def _protested(scene: _Scene, hi: int, participant: _Actor) -> _Actor | None:
    """Whom the protesters a participant noun names act against."""
    w, actors, starts = scene.w, scene.actors, scene.starts
    tgt = _next_actor(actors, starts, participant.t1 - 1, hi, 6)
    if tgt is not None and not (_governed(w, tgt) or w.keys[tgt.t0 - 1] in _AGAINST):
        tgt = None  # «المتظاهرين من الطلاب» are students, not a target
    if tgt is None and participant.t1 < hi and w.keys[participant.t1] in _AGAINST:
        tgt = _span_actor(w, _genitive_phrase(w, participant.t1 + 1, hi), actors, starts)
    return tgt or _span_actor(w, _protest_target(w, participant.t1, hi), actors, starts)


def _clause_arguments(scene: _Scene, sent: _SentenceView, ev: _Event, src: _Actor | None, tgt: _Actor | None):
    """The actor tables' arguments as the clause's grammar refines them; a verb's subject is kept as the one
    the sentence's next coordinated verb shares."""
    w, i, lo, hi, trig = scene.w, ev.i, sent.lo, sent.hi, ev.trig
    src, tgt = _refine(w, i, lo, hi, trig, src, tgt, scene.actors, scene.starts, sent.shared, ev.antecedent)
    if trig.pos == "verb" and src is not None:
        sent.shared = src
    if tgt is not None and trig.type == "ACCUSE" and trig.pos == "noun" and trig.gen == "patient" \
            and _names_the_wronged(w, tgt):
        tgt = None  # «الانتهاكات المستمرة للسيادة السورية»: whom a crime wrongs is not the accused
    if tgt is None and trig.type in ("ASSAULT", "COERCE"):
        tgt = _context_target(w, i, lo, hi, trig, scene.actors, scene.starts)
        if tgt is not None and src is not None and src.t0 < tgt.t1 and tgt.t0 < src.t1:
            src = None  # «نجا قائد الشرطة من محاولة اغتيال»: the survivor is no doer
    return src, tgt


def _settled_arguments(scene: _Scene, sent: _SentenceView, ev: _Event, src: _Actor | None, tgt: _Actor | None):
    """The checks every pair of arguments passes, whichever rule found them."""
    w, trig = scene.w, ev.trig
    if trig.type in _VIOLENT:  # a capital stands for its government in diplomacy, not in violence
        src = None if src is not None and src.role == _CAPITAL else src
        tgt = None if tgt is not None and tgt.role == _CAPITAL else tgt
    if tgt is None and trig.type in ("ASSAULT", "COERCE", "FIGHT", "PROTEST", "THREATEN"):
        tgt = _place_target(w, ev.i, sent.hi, scene.locations)
    if tgt is not None and trig.type in _FRIENDLY and tgt.t0 > 0 and w.keys[tgt.t0 - 1] == _OPPOSED:
        tgt = None  # «دعم المسلحين في حربهم ضد الحكومة»: whom one acts against is no beneficiary
    if src is not None and tgt is not None and (
            (src.actor_id and src.actor_id == tgt.actor_id) or (src.t0 < tgt.t1 and tgt.t0 < src.t1)):
        tgt = None if src.entity or not tgt.entity else tgt
        src = None if tgt is not None else src
    if src is not None and not src.entity and _victims(w, src) and trig.type in ("ASSAULT", "COERCE"):
        src, tgt = None, tgt or src  # civilians («الأطفال») are the victims of violence, not its doers
    return src, tgt


# --- Modality, attribution and the record ---

def _frame(scene: _Scene, sent: _SentenceView, ev: _Event, event_types) -> bool:
    """Modality and attribution of the event from its quote, hedging and claim; False when it makes no record:
    the speaker's own act that is already the quote, or an event with no participant at all."""
    w, q, i = scene.w, ev.quote, ev.i
    src, tgt = _outside_report_frame(w, q, ev.src), _outside_report_frame(w, q, ev.tgt)
    modality = hedging.modality_at(sent.cues, i - sent.lo)
    attributed = None
    if ev.trig.pos == "verb":
        src = _speaker_actor(w, q, src, i, sent.lo) or src
    if q is not None:
        attributed = _speaker_mention(w.text, q)
        if modality is None:
            modality = "reported"
        if _is_denial(w.text, q):
            modality = "negated"
        if src is not None and attributed is not None and src.start == attributed.start and tgt is None \
                and ev.claim is None:
            return False  # the speaker's own act, already the quote (a claim of responsibility names a doer)
    if src is None and tgt is None and ev.trig.type not in event_types and not (
            attributed is not None and attributed.actor_id):
        return False  # no participant at all: nothing to relate
    if ev.claim is not None and ev.claim[0] is not None:
        # a claim of responsibility is the claimant's word; a denial negates it
        attributed = ev.claim[0].mention()
        modality = "negated" if ev.claim[1] == "denied" else (
            modality if modality in ("negated", "possible", "hedged") else "reported")
    ev.src, ev.tgt, ev.modality, ev.attributed = src, tgt, modality or "asserted", attributed
    return True


def _told_by_its_noun(out: list[Relation], w: _Words, sent: _SentenceView, ev: _Event) -> bool:
    """A relative clause's verb whose event noun already made a record of its sentence («التفجير الذي استهدف
    المسجد»): that record takes the verb's target where it has none, and the verb makes no record of its own."""
    # the relative clause describes the event its noun already reported: that record gets the target
    noun_rel = next((r for r in reversed(out) if r.evidence_start == sent.s.start and r.type == ev.trig.type
                     and r.trigger == w.toks[ev.antecedent].text), None)
    if noun_rel is None:
        return False
    tgt = ev.tgt
    if noun_rel.target is None and tgt is not None and not (
            noun_rel.source is not None and noun_rel.source.start == tgt.start):
        out[out.index(noun_rel)] = dataclasses.replace(noun_rel, target=tgt.mention())
    return True


def _relation(scene: _Scene, sent: _SentenceView, ev: _Event, pub_year: str | None) -> Relation:
    w, i = scene.w, ev.i
    location = _location(w, i, sent.hi, scene.locations)
    return Relation(
        type=ev.trig.type,
        source=ev.src.mention() if ev.src else None,
        target=ev.tgt.mention() if ev.tgt else None,
        evidence_start=sent.s.start,
        evidence_end=sent.s.end,
        trigger=w.toks[i].text,
        modality=ev.modality,
        attributed_to=ev.attributed,
        event_time=_event_time(w, i, sent.lo, sent.hi, pub_year),
        location=location.mention() if location else None,
    )


def _drop_empty(out: list[Relation]) -> list[Relation]:
    """A relation with neither source nor target (and no actor-bearing speaker) is kept only as the one record
    that its sentence reports an event of that type (settings ``event_types``): when another relation of the
    same type in the sentence has a participant, or one was already kept, it is dropped."""
    with_args = {(r.type, r.evidence_start) for r in out if r.source is not None or r.target is not None}
    kept: set[tuple[str, int]] = set()
    result = []
    for r in out:
        if r.source is None and r.target is None and not (r.attributed_to is not None and r.attributed_to.actor_id):
            ident = (r.type, r.evidence_start)
            if ident in with_args or ident in kept:
                continue
            kept.add(ident)
        result.append(r)
    return result


_PROTEST_CLAIMS = ("ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION")


def _share_protest_arguments(out: list[Relation]) -> list[Relation]:
    """Protest words of one sentence describe one protest («تظاهر الآلاف ... احتجاجا على X»): a protest
    relation without a source or target takes them from another protest relation of its sentence."""
    by_sentence: dict[int, list[int]] = {}
    claims: dict[int, list[Relation]] = {}
    for n, r in enumerate(out):
        if r.type == "PROTEST":
            by_sentence.setdefault(r.evidence_start, []).append(n)
        elif r.type in _PROTEST_CLAIMS and r.target is not None:
            claims.setdefault(r.evidence_start, []).append(r)
    for sentence, members in by_sentence.items():
        # «رفع المتظاهرون لافتات ... واتهموا حكومة رئيس الوزراء»: whom the protesters accuse, reject or make
        # demands of is what they protest against
        for n in members:
            r = out[n]
            if r.target is not None:
                continue
            for c in claims.get(sentence, ()):
                if c.source is None or (r.source is not None and c.source.start == r.source.start) or any(
                        out[m].source is not None and c.source.start == out[m].source.start for m in members):
                    if r.source is None or c.target.start != r.source.start:
                        out[n] = dataclasses.replace(r, target=c.target)
                        break
        if len(members) < 2:
            continue
        sources = [out[n].source for n in members if out[n].source is not None]
        targets = [out[n].target for n in members if out[n].target is not None]
        for n in members:
            r = out[n]
            src = r.source or next((m for m in sources if r.target is None or m.start != r.target.start), None)
            tgt = r.target or next((m for m in targets if src is None or m.start != src.start), None)
            if src is not r.source or tgt is not r.target:
                out[n] = dataclasses.replace(r, source=src, target=tgt)
    return out


_VICTIMS = {word_key(w) for w in ("أطفال", "اطفال", "نساء", "مدنيين", "مدنيون", "سكان", "مواطنين", "مواطنون", "أهالي",
                                  "لاجئين", "رهائن", "أسرى", "نزلاء", "سياح", "ضحايا", "قتلى", "جرحى", "مصابين")}
_PRONOUN_AGENT = re.compile(r"(ه|ها|هم)$")


def _victims(w: _Words, a: _Actor) -> bool:
    """Plural civilian nouns («الأطفال»، «المدنيين») name victims, never the doers of violence."""
    return any(_strip_al(w.keys[k]) in _VICTIMS or w.keys[k] in _VICTIMS for k in range(a.t0, a.t1))


def _speaker_actor(w: _Words, q, src: _Actor | None, i: int, lo: int) -> _Actor | None:
    """Inside a quote, «قال الجيش إن جنوده/قواته قتلوا» and «قال الحلف انه قتل»: the doer is the speaker."""
    if q is None or not q.speaker_text:
        return None
    pronoun_subject = i - 1 >= lo and w.keys[i - 1] in _PRONOUN_COMP
    suffixed = src is not None and not src.entity and src.t1 - src.t0 == 1 and src.t1 <= i and \
        _PRONOUN_AGENT.search(w.keys[src.t0]) is not None and src.t0 >= i - 3
    if not (pronoun_subject or suffixed):
        return None
    m = _speaker_mention(w.text, q)
    if m is None:
        return None
    t0, t1 = w.range_of(m.start, m.end)
    return _Actor(t0, t1, m.start, m.end, m.text, m.actor_id, q.speaker is not None)


_PRONOUN_COMP = _pronoun_complementizers(("إن",), ("ه", "ها", "هم"))  # «انه», «أنها», «إنهم»


def _is_denial(text: str, q) -> bool:
    hit = strip_proclitic(word_key(text[q.cue_start:q.cue_end]), lexicon().cues)
    return bool(hit) and lexicon().cues[hit[0]].cls == "deny"


_TOLD = (word_key("مع"), word_key("عن"), word_key("لـ"))  # «في مقابلة مع بي بي سي»، «نقلت ... عن»، «لـ "رويترز"»


def _outside_report_frame(w: _Words, q, a: _Actor | None) -> _Actor | None:
    """An argument of an event inside quote ``q`` found in its reporting frame (after the cue, before the content)
    that is whom the speaker tells or a medium that relays the speaker is none of the event's: «قال مسؤول أمني
    لوكالة رويترز إن الهجوم أسفر عن مقتل جنديين» — the agency does not kill; «ونقلت وكالة فارس عن مصدر: "تم
    اعتقال ..."». The speaker and the words about it may act («أعلن متحدث باسم الجيش مقتل ...»)."""
    if q is None or a is None or not (q.cue_end <= a.start and a.end <= q.content_start):
        return a
    told = w.toks[a.t0].text.startswith("ل") and a.start > w.toks[a.t0].start  # «لرويترز»: glued to «ل»
    told = told or (a.t0 > 0 and w.keys[a.t0 - 1] in _TOLD)
    relaying = q.speaker_start is not None and a.end <= q.speaker_start
    return None if told or relaying else a


def _quote_at(quotes, offset: int):
    for q in quotes:
        if q.content_start <= offset < q.content_end:
            return q
    return None


def _speaker_mention(text: str, q) -> Mention | None:
    if q.speaker is not None:
        return q.speaker
    if not q.speaker_text:
        return None
    if q.speaker_start is not None and q.speaker_end is not None:  # the quotes stage kept where it read it
        return Mention(q.speaker_start, q.speaker_end, text[q.speaker_start:q.speaker_end], None)
    # the description nearest to the cue (records written before quotes kept the speaker's span)
    after = text.find(q.speaker_text, q.cue_end)
    before = text.rfind(q.speaker_text, 0, q.cue_start)
    cands = [p for p in (after, before) if p >= 0]
    if not cands:
        return None
    pos = min(cands, key=lambda p: abs(p - q.cue_start))
    return Mention(pos, pos + len(q.speaker_text), q.speaker_text, None)


def _between_second(w: _Words, first, hi: int, actors, starts):
    """The second party of «بين X و Y»: after «من جهة» when the sides are told so («بين الحوثيين وحلفائهم ... من
    جهة وقوات المقاومة من جهة أخرى»), after a «وبين» that follows X's apposition, else right after X."""
    window = range(first.t1, min(hi - 1, first.t1 + 20))
    side = next((k + 1 for k in window if w.keys[k] == _FROM and w.keys[k + 1] == _SIDE), None)
    if side is not None:
        return _next_actor(actors, starts, side, hi, 2)
    again = next((k for k in window if w.keys[k] == _AND_BETWEEN), None)
    if again is not None:
        return _next_actor(actors, starts, again, hi, 3)
    return _next_actor(actors, starts, first.t1 - 1, hi, 3)


def _opens_verb_clause(w: _Words, k: int) -> bool:
    """A verb of the cue or trigger tables starts here: a «بين» after it belongs to another clause."""
    lex = lexicon()
    hit = strip_proclitic(w.keys[k], lex.triggers)
    return hit is not None and all(t.pos == "verb" for t in lex.triggers[hit[0]])


def _next_actor(actors, actor_starts, after_tok: int, hi: int, limit: int):
    j = bisect.bisect_right(actor_starts, after_tok)
    if j < len(actors) and actors[j].t0 < hi and actors[j].t0 - after_tok <= limit:
        return actors[j]
    return None


def _prev_actor(actors, actor_starts, before_tok: int, lo: int, limit: int, w: _Words | None = None):
    """The nearest actor ending before ``before_tok``; with ``w``, one without a preposition (a subject)."""
    j = bisect.bisect_left(actor_starts, before_tok) - 1
    while j >= 0 and (actors[j].t1 > before_tok or (w is not None and _governed(w, actors[j]))):
        j -= 1
    if j >= 0 and actors[j].t0 >= lo and before_tok - actors[j].t1 <= limit:
        return actors[j]
    return None


def _counted(w: _Words, a: _Actor) -> bool:
    if a.t0 == 0:
        return False
    prev = w.toks[a.t0 - 1]
    return prev.kind == "num" or w.keys[a.t0 - 1] in _NUMBER_WORDS


def _clause_start(w: _Words, i: int, lo: int) -> int:
    k = i - 1
    while k >= lo:
        if w.toks[k].kind == "punct" or w.keys[k] in _BOUNDARY_WORDS:
            return k + 1
        k -= 1
    return lo


def _arguments(w: _Words, i: int, lo: int, hi: int, trig: Trigger, actors, starts, limit: int):
    """Source and target of the trigger at ``i`` from the actor tables: the two sides of «بين», else the one who
    undergoes it, else the arguments of a verbal noun or of a verb."""
    parties = _between_parties(w, i, hi, actors, starts)
    if parties is not None:
        return parties
    end = _clause_end(w, i, hi)
    first_after = _next_actor(actors, starts, i, end, limit)
    if i > lo and w.keys[i - 1] in _UNDERGO:
        # «تعرضت 55 سفينة للهجوم»: the one who undergoes is the target
        tgt = _prev_actor(actors, starts, i - 1, lo, limit)
        return _doer_after_by(w, i, hi, limit, actors, starts), tgt
    if trig.pos == "noun":
        return _noun_arguments(w, i, lo, hi, end, trig, actors, starts, limit, first_after)
    return _verb_arguments(w, i, lo, hi, end, trig, actors, starts, limit, first_after)


def _between_parties(w: _Words, i: int, hi: int, actors, starts):
    """Both parties of a «بين» shortly after the trigger, or None when there is none in its clause."""
    # «محادثات بين تنظيم داعش و القاعدة»، «احتدم القتال في اليمن بين قوات الحكومة ...، وبين الحوثيين»
    for k in range(i + 1, min(i + 5, hi)):
        if w.keys[k] == "بين":
            a = _next_actor(actors, starts, k, hi, 3)
            if a is not None:
                return a, _between_second(w, a, hi, actors, starts)
        if w.toks[k].kind == "punct" or _opens_verb_clause(w, k):
            break
    return None


def _doer_after_by(w: _Words, i: int, hi: int, limit: int, actors, starts):
    """The actor right after the first «على يد» / «من قبل» within ``limit`` words after ``i`` (None when no
    actor follows that phrase)."""
    for k in range(i + 1, min(hi, i + limit)):
        if tuple(w.keys[k:k + 2]) in _BY_KEYS:
            return _next_actor(actors, starts, k + 1, hi, 3)
    return None


def _noun_arguments(w: _Words, i: int, lo: int, hi: int, end: int, trig: Trigger, actors, starts, limit: int,
                    first_after):
    """A verbal noun's arguments: the actor right after it is its genitive, which the trigger's ``gen`` reads as
    the doer, the one done to, or either."""
    gen = first_after if first_after is not None and first_after.t0 <= i + 2 else None
    if gen is not None and (_governed(w, gen) or w.keys[gen.t0 - 1] in _PREPOSITIONS):
        gen = None  # «الانضمام لتنظيم القاعدة»: an object, not the genitive agent
    if trig.type in ("SUPPORT", "AID") and w.keys[i].startswith(("ب", "وب")):
        given = _support_from(w, i, lo, end, actors, starts, limit)
        if given is not None:
            return given
    if trig.gen == "either" and gen is not None:
        return _transitive_noun_arguments(w, i, lo, hi, end, trig, gen, actors, starts, limit)
    if trig.gen in ("agent", "either"):
        return _agent_noun_arguments(w, i, lo, end, trig, gen, actors, starts, limit)
    return _patient_noun_arguments(w, i, lo, hi, trig, gen, first_after, actors, starts, limit)


def _support_from(w: _Words, i: int, lo: int, end: int, actors, starts, limit: int):
    """Giver and receiver of a «بدعم من X» support, or None when no giver follows «من» right there."""
    # «استعاد الجيش بدعم (مباشر) من التحالف»: the one after «من» gives the support, the one before
    # receives it («ملتزم بدعم القوات» stays as it is: there the one after receives it)
    by = next((k for k in range(i + 1, min(end, i + 3)) if w.keys[k] == _FROM), None)
    giver = _next_actor(actors, starts, by, end, 2) if by is not None else None
    if giver is not None and giver.t0 == by + 1:
        return giver, _prev_actor(actors, starts, i, lo, limit)
    return None


def _transitive_noun_arguments(w: _Words, i: int, lo: int, hi: int, end: int, trig: Trigger, gen: _Actor, actors,
                               starts, limit: int):
    # the verbal noun of a transitive verb: its genitive is the doer when the one done to follows
    # («دعم إيران للحوثيين»، «إدانة السعودية لتفجير»، «اتهام بريطانيا روسيا»), when it is a nationality
    # («الاتهامات البريطانية») or after «حصل على» («حصلت على دعم مجلس التعاون»); alone it is the one done
    # to («دعم المسلحين»، «مقاطعة قطر»، «انتقاد الحكومة»)
    obj = _next_actor(actors, starts, gen.t1 - 1, end, 4)
    if obj is not None and obj.t0 == gen.t1 and not _governed(w, obj):
        return gen, obj
    if obj is not None and w.keys[obj.t0][:1] == "ل" and _governed(w, obj):
        return gen, obj
    if obj is not None and obj.t0 == gen.t1 + 1 and w.keys[gen.t1] == _WITH:
        return gen, obj  # «لقاء كونو مع بومبيو»: with a partner after it, the genitive is the doer
    if gen.role == "NAT" or _received(w, i, lo) or any(
            _governed_key(w.keys[k]) and w.keys[k][:1] == "ل" for k in range(gen.t1, min(end, gen.t1 + 3))):
        return gen, None
    src = _doer_after_by(w, i, hi, limit, actors, starts)
    if src is None and w.keys[i].startswith(("ب", "ل", "وب", "ول")) and _glued(w.keys[i]):
        # «الجيش الأميركي ملتزم بدعم القوات»، «تسعى لدعم الحكومة»: the subject before acts (a «ل» of the
        # word itself is none: «بعد لقاء ميركل» names no one who meets her)
        src = _prev_actor(actors, starts, i, lo, limit, w)
        if src is not None and src.t0 > lo and _other_event_noun(w, src.t0 - 1, trig.type):
            src = None
    return src, gen


def _agent_noun_arguments(w: _Words, i: int, lo: int, end: int, trig: Trigger, gen: _Actor | None, actors, starts,
                          limit: int):
    """A noun whose genitive is its doer: that genitive (else the actor before it) acts on the governed actor
    after it."""
    src = gen or _prev_actor(actors, starts, i, lo, limit)
    if gen is None and src is not None and trig.type != "PROTEST" and src.t0 > lo and _other_event_noun(
            w, src.t0 - 1, trig.type):
        src = None  # «إدانة السعودية ... لتفجير دورية»: the genitive of another event noun is its own
    tgt = None
    a = _next_actor(actors, starts, gen.t1 - 1 if gen else i, end, 6)
    if a is not None and (_governed(w, a) or w.keys[a.t0 - 1] in _PREPOSITIONS):
        tgt = a
    elif a is not None and trig.gen == "either" and _governed_title_before(w, a.t0):
        # «تأييده غير المشروط للرئيس مادورو»: a transitive noun's «ل» names the one acted on (of «زيارة لوزير
        # الخارجية» it names the visitor, so agent nouns are left out); the title's nationality is not the holder
        holder = _next_actor(actors, starts, a.t1 - 1, end, 3) if a.role == "NAT" else a
        tgt = holder if holder is not None and _governed_title_before(w, holder.t0) else None
    return src, tgt


def _patient_noun_arguments(w: _Words, i: int, lo: int, hi: int, trig: Trigger, gen: _Actor | None, first_after,
                            actors, starts, limit: int):
    """A noun whose genitive is the one done to: that genitive (or an actor just after it) is the target, the
    doer one named by «على يد» / «من قبل» / «بيد» or before it."""
    tgt = gen if gen is not None else (first_after if first_after and first_after.t0 <= i + 4 else None)
    src = None
    for k in range(i + 1, min(hi, i + limit)):
        for phrase in _BY:
            if tuple(w.keys[k:k + len(phrase)]) == tuple(word_key(p) for p in phrase):
                src = _next_actor(actors, starts, k + len(phrase) - 1, hi, 3)
                break
        if src is not None:
            break
    if src is None and trig.gen == "patient":
        # «مثل قيامهم بقتل ...»: the doer is named further back in the sentence
        reach = 40 if i > 0 and w.keys[i - 1].startswith(("قيام", "قام")) else limit
        src = _prev_actor(actors, starts, i, lo, reach)
    return src, tgt


def _verb_arguments(w: _Words, i: int, lo: int, hi: int, end: int, trig: Trigger, actors, starts, limit: int,
                    first_after):
    """A verb's arguments: the subject before it in its clause (subject-verb), else the first ungoverned actor
    after it (verb-subject), with the next actor after as the target."""
    k = w.keys[i]
    hit = strip_proclitic(k, lexicon().triggers)
    bare = hit[0] if hit else k
    plural_subject = bare.endswith(("وا", "ون")) and len(bare) > 4
    before_in_clause = _prev_actor(actors, starts, i, _clause_start(w, i, lo), limit, w)
    if trig.form == "present" and i > lo and _describes(w, i - 1, actors, starts):
        return None, first_after  # «مشروع قرار يتهم إيران»: the clause's subject is the noun before it
    if plural_subject:
        src = _prev_actor(actors, starts, i, lo, limit * 2, w)
        return src, first_after
    if before_in_clause is not None:
        return before_in_clause, first_after
    while first_after is not None and _governed(w, first_after):
        first_after = _next_actor(actors, starts, first_after.t1 - 1, end, limit)  # a subject has no preposition
    if first_after is None:
        return None, None
    if trig.gen in ("patient", "passive") and (_counted(w, first_after) or first_after.role == "CVL"):
        return None, first_after  # «وقتل شخص»، «اصيب 37 شخصا»: read as passive
    second = _next_actor(actors, starts, first_after.t1 - 1, hi, limit)
    return first_after, second


def _other_event_noun(w: _Words, k: int, typ: str) -> bool:
    """An event noun of another kind at ``k`` («إدانة» before «تفجير»): the name after it is its genitive. One
    of the same kind is the same event in two words («تضييق القوات العراقية الخناق»)."""
    lex = lexicon()
    hit = strip_proclitic(w.keys[k], lex.triggers)
    return hit is not None and any(t.pos == "noun" and t.type not in ("PROTEST", typ) for t in lex.triggers[hit[0]])


def _received(w: _Words, i: int, lo: int) -> bool:
    """«حصلت على دعم»، «نال تأييد»، «تلقى دعما»: what follows the noun is who gives it."""
    return any(w.keys[k] in _RECEIVE for k in range(max(lo, i - 2), i))


def _pronoun_subject(w: _Words, i: int, lo: int) -> bool:
    """The verb's subject is a pronoun on a complementizer before it: «إنها (لن) تدعم»، «بأنه يهدد»."""
    j = i - 1
    particles = wordfreq.stopwords()
    while j >= lo and i - j <= 3 and light(w.toks[j].text) in particles and w.keys[j] not in _PRONOUN_SUBJECTS:
        j -= 1  # «لن»، «لا»، «قد»، «سوف»
    return j >= lo and w.keys[j] in _PRONOUN_SUBJECTS


def _describes(w: _Words, j: int, actors, starts) -> bool:
    """The word before a present-tense verb is an indefinite noun or adjective that the verb describes
    («قرار دولي يتهم»، «تقارير تتهم»): not a particle («لن يدعم»، «أن يتهم»), not a name, not definite."""
    k = w.keys[j]
    if w.toks[j].kind != "ar" or _definite(k) or len(k) < 3:
        return False
    if light(w.toks[j].text) in wordfreq.stopwords() or k in _NOUN_CONTEXT:
        return False
    a = _prev_actor(actors, starts, j + 1, j, 1)
    return a is None


def _as_government(w: _Words, a: _Actor, lex, entity_ends: set[int]) -> bool:
    """A capital is its government right after a relation or speech verb («واتهمت واشنطن»، «نفت موسكو»، «قالت
    طهران») or right after another name («اتهمت واشنطن طهران»); never after a preposition («في بغداد»،
    «لطهران») or inside a construct («جامعة صنعاء»)."""
    if a.t0 == 0 or _governed(w, a) or w.keys[a.t0][:1] == "ب":
        return False
    before = w.keys[a.t0 - 1]
    if before in _IN or before in _PREPOSITIONS or before in _PLACE_WORDS:
        return False
    hit = strip_proclitic(before, lex.triggers)
    verb = hit is not None and any(t.pos == "verb" for t in lex.triggers[hit[0]])  # «لزيارة الخرطوم» is a place
    return verb or strip_proclitic(before, lex.cues) is not None or a.t0 in entity_ends


def _governed(w: _Words, a: _Actor) -> bool:
    """The actor's first word carries a preposition clitic («لتنظيم»، «بالقاعدة»)."""
    return w.toks[a.t0].start < a.start or w.keys[a.t0][:1] in ("ل",) and w.keys[a.t0][1:3] != "ا"


_TITLE_WORDS = 3  # a title noun and the definite words after it («للرئيس الفنزويلي»، «لوزير الخارجية الروسي»)


def _governed_title_before(w: _Words, t0: int) -> bool:
    """The words right before ``t0`` are a title phrase whose title noun carries a preposition clitic («للرئيس
    مادورو»، «للرئيس الفنزويلي مادورو»)."""
    for k in range(t0 - 1, max(-1, t0 - 1 - _TITLE_WORDS), -1):
        key = w.keys[k]
        if w.toks[k].kind == "punct":
            return False
        if titles.governed_title(key):
            return True
        if not key.startswith("ال"):
            return False
    return False


_WRONGED = _AGAINST | {word_key("بحق")}  # «ضد»، «على»، «بحق»: whom a wrong is done to


def _names_the_wronged(w: _Words, a: _Actor) -> bool:
    """The phrase after a noun of wrongdoing names its victim: glued to «ل» («لتنظيم»), the nationality of a noun
    glued to it («للسيادة السورية»), after «بحق»، «ضد» or «على», or holding «بحق» («جسيمة بحق اليمنيين»)."""
    if _governed(w, a) or (a.t0 > 0 and w.keys[a.t0 - 1] in _WRONGED):
        return True
    if a.role == "NAT" and a.t0 > 0 and _governed_key(w.keys[a.t0 - 1]):
        return True  # the nationality of a governed noun
    return any(w.keys[k] in _WRONGED for k in range(a.t0, a.t1))


def _clause_end(w: _Words, i: int, hi: int) -> int:
    for k in range(i + 1, hi):
        if w.toks[k].kind == "punct" and w.toks[k].text in "،,؛;" and k + 1 < hi and (
                w.keys[k + 1] in _BOUNDARY_WORDS or w.keys[k + 1] in _RELATIVES):
            return k
        if w.keys[k] in _BOUNDARY_WORDS:
            return k
    return hi


def _place_target(w: _Words, i: int, hi: int, locations: list[_Actor]) -> _Actor | None:
    """«هجوم ... على برجي مركز التجارة العالمي»: a place attacked is the target."""
    for loc in locations:
        if i < loc.t0 < hi and loc.t0 - i <= 8:
            window = w.keys[max(i + 1, loc.t0 - 2):loc.t0]
            if any(k in _AGAINST for k in window):
                return loc
    return None


def _location(w: _Words, i: int, hi: int, locations: list[_Actor]) -> _Actor | None:
    for loc in locations:
        if i < loc.t0 < hi and loc.t0 - i <= 12:
            k = w.keys[loc.t0]
            prev = w.keys[loc.t0 - 1] if loc.t0 > 0 else ""
            if prev in _IN or k.startswith(("ب", "في")):
                return loc
    return None


def _event_time(w: _Words, i: int, lo: int, hi: int, pub_year: str | None) -> str | None:
    for k in range(max(lo, i - 10), min(hi, i + 11)):
        t = w.toks[k]
        if t.kind == "num" and _YEAR.match(w.keys[k]) and w.keys[k] != pub_year:
            return w.keys[k]
    keys = w.keys[lo:hi]
    rel = i - lo
    # «قبل أن يقتل»
    if rel >= 2 and keys[rel - 2] == "قبل" and keys[rel - 1] in ("ان",):
        return "past"
    if any(k in _PAST_WORDS for k in keys) or "في وقت سابق" in " ".join(keys):
        return "past"
    # «وكان ... قد كشف»: a pluperfect frame opening the sentence
    if keys and keys[0] in ("كان", "وكان", "كانت", "وكانت") and "قد" in keys[1:12]:
        return "past"
    # «هجوم ... على برجي مركز التجارة العالمي، الذي أسفر عن ...»
    for k in range(rel + 1, min(len(keys) - 1, rel + 10)):
        if keys[k] in _RELATIVES and keys[k + 1] in _COMPLETED:
            return "past"
    return None


# --- Noun phrases: arguments that are not entities or actor nouns («عشرة اشخاص»، «القنصل الافغاني العام») ---

def _keys(*words: str) -> frozenset[str]:
    return frozenset(word_key(w) for w in words)


_FUNCTION = _keys(
    "في", "فى", "من", "على", "إلى", "الى", "عن", "مع", "إن", "أن", "ان", "انه", "أنه", "إنه", "انها", "أنها", "بأن",
    "بان", "لأن", "الذي", "التي", "الذين", "اللذين", "ما", "مما", "لا", "لم", "لن", "ليس", "قد", "وقد", "فقد", "لقد",
    "كان", "كانت", "كانوا", "وكان", "وكانت", "و", "أو", "او", "ثم", "حيث", "بعد", "قبل", "خلال", "منذ", "عند",
    "لدى", "حتى", "بين", "ضد", "نحو", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "هما", "كما", "بينما", "فيما",
    "إذ", "اذ", "اثر", "إثر", "عقب", "جراء", "بسبب", "نتيجة", "وسط", "قرب", "أمام", "امام", "داخل", "خارج", "عبر",
    "تحت", "فوق", "لكن", "ولكن", "بل", "غير", "دون", "بدون", "كل", "بعض", "جميع", "عبر", "إلا", "الا", "أي", "اي",
    "يذكر", "يشار", "وذلك", "فإن", "فان", "وإن", "وان", "وأن", "حين", "عندما", "بعدما", "لدي", "به", "بها", "بهم",
    "له", "لها", "لهم", "فيه", "فيها", "منه", "منها", "منهم", "عليه", "عليها", "عليهم", "إليه", "اليه", "شمال",
    "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "بالقرب", "ايضا", "أيضا", "كذلك", "بحسب", "حسب",
    "وفق", "وفقا", "طبقا", "نقلا", "لمدة", "مرة", "تم", "يتم", "فضلا", "إضافة", "اضافة", "بينهم", "بينها",
    "جميعهم", "معظمهم", "بعضهم", "منهم", "نفسه", "نفسها", "نفسيهما", "أنفسهم", "انفسهم", "نفسهم", "وهو", "وهي",
    "وهم", "الذى", "اللذين", "اللتين", "مقابل", "باتجاه", "تجاه", "بواسطة", "ليس", "ليسوا", "إذا", "اذا", "لو",
    "سوى", "فقط", "يذكر", "مما", "ومما", "عما", "كيف", "هل", "أين", "متى", "لماذا", "بعيد", "قبيل", "إبان",
    "هناك", "هنالك", "هنا",  # «إن هناك تحالفا يتشكل بين ...»: «there is», no subject of the word after it
)
_TIME_ADVERBS = _keys(
    "أمس", "امس", "اليوم", "صباح", "مساء", "ظهر", "فجر", "ليل", "ليلا", "الليلة", "عصر", "عصرا", "صباحا", "مساء",
    "يوم", "أول", "اول", "من", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
    "الماضي", "الماضية", "الأسبوع", "الاسبوع", "الشهر", "على", "الأقل", "الاقل", "قبل", "بعد", "حلول", "الحالي",
    "الجاري", "أيضا", "ايضا", "بالفعل", "فعلا", "الليلة", "الماضيه",
)
_QUANTITY = _keys(
    "عدد", "عددا", "عشرات", "مئات", "آلاف", "الاف", "ألف", "الف", "ألوف", "مليون", "مليوني", "عشرة", "ثلاثة",
    "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر",
    "اثنين", "اثنان", "اثنتين", "عشرين", "ثلاثين", "أربعين", "خمسين", "مئة", "مائة", "مئتي", "نحو", "حوالي", "حوالى",
    "قرابة", "زهاء", "أكثر", "اكثر", "أقل", "اقل", "مجموعة", "ثلة", "بضعة", "بضع", "الآلاف", "الالاف", "المئات",
    "العشرات", "آلاف", "أحد", "احد", "إحدى", "احدى", "عشرة", "ثلاثون", "عشرون", "أربعون", "خمسون",
)
_COMPLEMENTIZERS = _keys("إن", "أن", "ان", "بأن", "بان", "وأن", "وان", "وإن")
_PLUPERFECT = _keys("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "قد", "وقد", "فقد", "لقد")
_HANDS = _keys("يد", "أيدي", "ايدي", "يدي")  # «على يد/أيدي X»: the doer of a passive
_BY_WEAPON = _keys("بنيران", "برصاص", "بنار")  # «قتل ... بنيران مسلحين»
_CARRIED_OUT = _keys(  # «هجوم ... نفذته امرأة»، «غارة شنتها طائرة»، «تبنته حركة طالبان»
    "نفذ", "نفذه", "نفذها", "نفذته", "نفذتها", "نفذوه", "نفذوها", "شن", "شنه", "شنها", "شنته", "شنتها", "شنوه",
    "تبنى", "تبناه", "تبنته", "تبنتها", "تبناها", "ارتكب", "ارتكبه", "ارتكبها", "ارتكبته", "ارتكبتها",
)
_DID = _keys("قام", "قامت", "قاموا", "يقوم", "تقوم", "يقومون", "قيام")  # «قامت امرأة ... بتفجير نفسها»
_SURVIVED = _keys("نجا", "ونجا", "نجت", "ونجت", "ينجو", "نجاة")  # «نجا X من محاولة اغتيال»
_PROTEST_AGAINST = {  # phrase (keys) -> words to skip after it before the target
    (word_key("احتجاجا"), word_key("على")): 0, (word_key("احتجاج"), word_key("على")): 0,
    (word_key("للاحتجاج"), word_key("على")): 0, (word_key("والاحتجاج"), word_key("على")): 0,
    (word_key("الاحتجاج"), word_key("على")): 0, (word_key("احتجاجات"), word_key("على")): 0,
    (word_key("تنديدا"), word_key("ب")): 0, (word_key("ضد"),): 0, (word_key("رفض"),): 0, (word_key("رفضا"),): 0,
    (word_key("رفضهم"),): 0, (word_key("رفضها"),): 0, (word_key("رفضه"),): 0, (word_key("المناهضين"),): 0,
    (word_key("المناهضة"),): 0, (word_key("المناوئين"),): 0, (word_key("مناهضين"),): 0, (word_key("مناهضة"),): 0,
    (word_key("مناهضون"),): 0, (word_key("المناهضون"),): 0, (word_key("مناوئون"),): 0,
    (word_key("أمام"), word_key("مقر")): 0, (word_key("امام"), word_key("مقر")): 0,
    (word_key("أمام"), word_key("مبنى")): 0, (word_key("امام"), word_key("مبنى")): 0,
    (word_key("الى"), word_key("مقر")): 0, (word_key("إلى"), word_key("مقر")): 0,
}
_DENOUNCE = _keys(  # «ينددون بالحكومة»، «مسيرات منددة بالانقلاب»: the object after «بـ»
    "ينددون", "يندد", "تندد", "منددين", "منددة", "منددا", "تنديدا", "مطالبين", "يطالبون", "تطالب", "للمطالبة",
    "هتفوا", "يهتفون", "وهتفوا", "هاتفين", "رافعين", "متهمين", "اتهموا", "واتهموا", "يتهمون", "لمطالبة", "مطالبة",
    "ومطالبة",
)
_NISBA_ENDS = ("ي", "يه", "يين", "يون", "يان", "يا", "يتين", "يات")


def _nounish(w: "_Words", k: int, verbs: bool = False) -> bool:
    """A word that may be part of a noun phrase: Arabic or a number, not a particle, time word or known verb
    (with ``verbs``, a verb-shaped word is read as its verbal noun: «احتجاجا على رفض القضاء»)."""
    t = w.toks[k]
    if t.kind == "num":
        return True
    if t.kind not in ("ar", "lat"):
        return False
    key = w.keys[k]
    if key in _FUNCTION or key in _TIME_ADVERBS or key in _CARRIED_OUT or key in _DID or len(key) < 2:
        return False
    if verbs:
        return True
    lex = lexicon()
    if key[:1] == "ي" and len(key) >= 4 and key not in lex.agents:
        return False  # «يعمل»، «يرتدون»: imperfect verbs
    hit = strip_proclitic(key, lex.cues)
    if hit is not None and lex.cues[hit[0]].form in ("past", "present", "extra"):
        return False
    hit = strip_proclitic(key, lex.triggers)
    if hit is not None and any(tr.pos == "verb" for tr in lex.triggers[hit[0]]):
        return False
    return True


def _definite(key: str) -> bool:
    return key.startswith(("ال", "وال", "فال")) or key.startswith(("بال", "لل"))


def _governed_key(key: str) -> bool:
    """A word carrying a preposition clitic: «بالحكومة»، «للقوات»، «لقوات»، «بتفجير»."""
    if key.startswith(("بال", "لل", "وبال", "ولل", "كال")):
        return True
    if key[:1] in ("ل", "ب") and len(key) > 3:
        lex = lexicon()
        rest = key[1:]
        return rest in lex.agents or rest in lex.triggers
    return False


def _np_span(w: "_Words", j: int, hi: int, max_words: int = 5, allow_governed: bool = False) -> tuple[int, int] | None:
    """Token range [a, b) of the noun phrase starting at ``j`` (quantity, «من» partitive, head, adjectives and
    genitives), or None when no noun phrase starts there."""
    k = j
    if k >= min(hi, len(w.keys)):
        return None  # the sentence ends here («... خسارته الثالثة على»)
    if w.toks[k].kind == "num" or w.keys[k] in _QUANTITY:
        while k < hi and (w.toks[k].kind == "num" or w.keys[k] in _QUANTITY or w.keys[k] in ("من", "عن", "و")) \
                and k - j < 5:
            k += 1
        if k >= hi or not _nounish(w, k):
            # «قتل 4 اشخاص» has its noun; «ادى الى مقتل 13» has none: the number alone is the patient
            return (j, k) if k > j and w.toks[k - 1].kind == "num" else None
    elif w.keys[k] in ("من",):
        return None
    if k >= hi or not _nounish(w, k, allow_governed) or (_governed_key(w.keys[k]) and not allow_governed):
        return None
    a = j
    b = k + 1
    prev = w.keys[k]
    lex = lexicon()
    head = strip_proclitic(w.keys[k], lex.agents)
    if head is not None and lex.agents[head[0]][1] and b < hi and _nounish(w, b) and not _governed_key(w.keys[b]) \
            and not _conjoined(w.keys[b]) and w.toks[b].kind == "ar" and w.keys[b] not in _QUANTITY \
            and not _definite(w.keys[k]):
        b += 1  # «تنظيم داعش»، «قوات الأمن»: a construct head takes the next word («القوات» takes none)
        prev = w.keys[b - 1]
    while b < hi and b - k < max_words and _nounish(w, b):
        key = w.keys[b]
        if _governed_key(key) or _conjoined(key) or _QUOTE_MARKS.search(w.text, w.toks[b - 1].end, w.toks[b].start):
            break  # a quotation mark or bracket ends the phrase («عامل الإغاثة البريطاني "آلان هينينغ"»)
        if w.toks[b].kind == "num" or key in _QUANTITY:
            break  # «مسلحون 15 شخصا»: a number starts the next phrase
        definite = _definite(key)
        nisba = key.endswith(_NISBA_ENDS) and len(key) > 3
        if _definite(prev) and not definite and not nisba:
            break  # «المتظاهرين تدعمهم»: an indefinite word after a definite one starts a new phrase
        if _definite(prev) and b in w.name_starts:
            break  # «دعت النقابة الاتحاد الدولي»: a definite noun takes no named body as its adjective
        if not _definite(prev) and not definite and not nisba and not _agrees(prev, key) and not (
                b + 1 < hi and _definite(w.keys[b + 1]) and not _governed_key(w.keys[b + 1]) and _nounish(w, b + 1)
                and w.toks[b + 1].kind == "ar" and b - k < 2):
            # an indefinite adjective agrees with its noun («مسلحين مجهولين», not «سيارة مفخخة بعيد»); an
            # indefinite genitive chain ending in a definite word goes on («أعضاء حزب الغد»)
            break
        b += 1
        prev = key
    return a, b


_QUOTE_MARKS = re.compile(r"[«»\"“”()\[\]]")


def _conjoined(key: str) -> bool:
    """«وجنديا»، «والدولية»: a word carrying the conjunction «و» (not «وزير»، «وزارة»)."""
    if key[:1] != "و" or len(key) <= 3:
        return False
    lex = lexicon()
    if key in lex.agents:
        return False
    return key[1:3] == "ال" or key[1:] in lex.agents or key[1:] in lex.triggers or len(key) > 4


def _agrees(noun: str, adjective: str) -> bool:
    """Same case/number/gender ending («مسلحين مجهولين»، «جنديا أميركيا»، «سيارة مفخخة»)."""
    for end in ("ين", "ون", "ان", "ه", "ا", "ات"):
        if noun.endswith(end) and adjective.endswith(end):
            return True
    return False


def _skip_time(w: "_Words", j: int, hi: int) -> int:
    while j < hi and w.keys[j] in _TIME_ADVERBS and w.keys[j] not in _NOT_TIME:
        j += 1
        # «أول من أمس»، «قبل ظهر أمس»، «على الأقل»
    while j + 1 < hi and (w.keys[j], w.keys[j + 1]) in _TIME_PAIRS:
        j += 2
        while j < hi and w.keys[j] in _TIME_ADVERBS and w.keys[j] not in _NOT_TIME:
            j += 1
    return j


_ON = word_key("على")
_ON_AGAINST = ((_ON,), (word_key("ضد"),))
_NOT_TIME = {_ON, "من", "قبل", "بعد"}  # time words only in pairs («على الأقل»، «أول من أمس»، «قبل ظهر أمس»)
_TIME_PAIRS = {tuple(word_key(x) for x in pair.split()) for pair in (
    "من أمس", "من امس", "على الأقل", "على الاقل", "قبل ظهر", "بعد ظهر", "بعد حلول", "من جديد")}


def _np_before(w: "_Words", i: int, lo: int, max_words: int = 8) -> tuple[int, int] | None:
    """The subject noun phrase right before the verb at ``i`` in subject–verb order: it must start after a
    clause opener (sentence or clause start, إن/أن, «وكان ... قد», a colon or quotation mark)."""
    k = i - 1
    while k >= lo and (w.keys[k] in _PLUPERFECT or w.keys[k] in _TIME_ADVERBS):
        if w.keys[k] in _NOT_TIME and not (k + 1 < i and (w.keys[k], w.keys[k + 1]) in _TIME_PAIRS):
            break
        k -= 1
    end = k + 1
    while k >= lo and end - k <= max_words:
        key = w.keys[k]
        if w.toks[k].kind == "punct":
            break
        if key in ("من", "عن") and k - 1 >= lo and _nounish(w, k - 1) and k + 1 < end:
            k -= 1  # «فرقة مظلية من قوات مكافحة الإرهاب»، «خمسة من عناصر الشرطة»
            continue
        if key in ("و",) or (key.startswith("و") and k + 1 < end and w.keys[k][1:] in _QUANTITY):
            pass
        if not _nounish(w, k) and w.toks[k].kind != "num" and key not in _QUANTITY:
            break
        k -= 1
    start = k + 1
    if start >= end or end - start > max_words:
        return None
    opener = w.keys[k] if k >= lo else ""
    if k >= lo and not (w.toks[k].kind == "punct" or opener in _COMPLEMENTIZERS or opener in _PLUPERFECT):
        return None
    if _governed_key(w.keys[start]) or w.keys[start] in ("من", "عن"):
        return None
    return start, end


def _after_phrase(w: "_Words", i: int, hi: int, reach: int, phrases) -> tuple[int, int] | None:
    """The noun phrase after the first of ``phrases`` (tuples of keys) found within ``reach`` words after ``i``."""
    for k in range(i + 1, min(hi, i + 1 + reach)):
        if w.toks[k].kind == "punct" and w.toks[k].text not in "،,":
            return None
        if w.keys[k] in _RELATIVE_WORDS:
            return None  # «الهجوم الذي يسلط الضوء على ...»: the relative clause's own object
        for phrase in phrases:
            n = len(phrase)
            if tuple(w.keys[k:k + n]) == phrase:
                return _genitive_phrase(w, k + n, hi)
    return None


def _span_actor(w: "_Words", span: tuple[int, int] | None, actors, starts) -> "_Actor | None":
    """An argument for the noun phrase ``span``: the linked entity that heads it («حركة طالبان»), else the
    phrase (widened over a generic actor noun that runs past it, «العميد جبار»), carrying the actor id of an
    entity that qualifies it («جندي أفغاني»)."""
    if span is None:
        return None
    a, b = span
    if b - a == 1:
        key = w.keys[a]
        lex = lexicon()
        named = any(x.entity and x.t0 <= a < x.t1 for x in actors)  # «واشنطن» is a name, not «و» + word
        if key.startswith("نفس") or (_conjoined(key) and not named) or strip_proclitic(key, lex.triggers) is not None or (
                _definite(key) and key.endswith(_NISBA_ENDS) and strip_proclitic(key, lex.agents) is None
                and not any(x.entity and x.t0 <= a < x.t1 for x in actors)):
            return None  # «فجر نفسه»، «الاغتيال»، «الانتحارية»، «وتجويعهم»: not a participant
    j = bisect.bisect_left(starts, a)
    while j > 0 and actors[j - 1].t1 > a:
        j -= 1
    inside = []
    while j < len(actors) and actors[j].t0 < b:
        inside.append(actors[j])
        j += 1
    head = a
    while head < b - 1 and (w.toks[head].kind == "num" or w.keys[head] in _QUANTITY or w.keys[head] in ("من", "عن")):
        head += 1
    ents = [x for x in inside if x.entity]
    j = bisect.bisect_left(starts, b)
    if j < len(actors) and actors[j].t0 == b and actors[j].entity and actors[j].role == "PER":
        return actors[j]  # «عامل الإغاثة البريطاني "آلان هينينغ"»: the name in apposition
    heading = [x for x in ents if x.t0 <= head]
    if heading:
        return max(heading, key=lambda x: x.t1 - x.t0)
    if ents and b - a > 4:
        return max(ents, key=lambda x: x.t1 - x.t0)
    actor_id = None
    role = None
    for x in inside:
        if not x.entity:
            a, b = min(a, x.t0), max(b, x.t1)
        actor_id = actor_id or x.actor_id
        role = role or x.role
    start = w.toks[a].start
    key = w.keys[a]
    if key.startswith(("بال", "وال", "فال")) or (key[:1] in ("ب", "و") and w.toks[a].kind == "ar" and len(key) > 4
                                               and _governed_key(key)):
        start += 1  # «بالحكومة» -> «الحكومة»
    end = w.toks[b - 1].end
    return _Actor(a, b, start, end, w.text[start:end], actor_id, False, role)


def _by_agent(w: "_Words", i: int, hi: int, reach: int = 14) -> tuple[int, int] | None:
    """The doer of a passive or of a verbal noun: «على يد/أيدي X»، «من قبل X»، «بنيران X»."""
    for k in range(i + 1, min(hi, i + 1 + reach)):
        key = w.keys[k]
        if w.toks[k].kind == "punct" and w.toks[k].text not in "،,":
            return None
        if key in (_ON, "من") and k + 1 < hi and (w.keys[k + 1] in _HANDS or (key == "من" and w.keys[k + 1] == "قبل")):
            n = k + 2
            if n < hi and w.keys[n] in _QUANTITY:
                pass
            return _np_span(w, n, hi)
        if key in _BY_WEAPON:
            return _np_span(w, k + 1, hi)
    return None


def _carried_out(w: "_Words", i: int, hi: int, reach: int = 12) -> tuple[int, int] | None:
    """«هجوم انتحاري نفذته امرأة»، «غارة شنتها طائرة اميركية»، «الهجوم الذي نفذته طالبان»: the doer."""
    for k in range(i + 1, min(hi, i + 1 + reach)):
        if w.toks[k].kind == "punct" and w.toks[k].text not in "،,":
            return None
        key = w.keys[k]
        if key in _CARRIED_OUT or (key[:1] in ("و", "ف") and key[1:] in _CARRIED_OUT):
            return _np_span(w, _skip_time(w, k + 1, hi), hi)
    return None


def _did_subject(w: "_Words", i: int, lo: int, reach: int = 12) -> tuple[int, int] | None:
    """«قامت امرأة بلجيكية ... بتفجير نفسها»: the subject of «قام» is the doer of the «بـ» verbal noun."""
    if not w.keys[i].startswith(("ب", "وب")):
        return None
    for k in range(i - 1, max(lo, i - reach) - 1, -1):
        if w.toks[k].kind == "punct" and w.toks[k].text not in "،,":
            return None
        key = w.keys[k]
        if key in _DID or (key[:1] == "و" and key[1:] in _DID):
            return _np_span(w, _skip_time(w, k + 1, i), i) or _np_before(w, k, lo)
    return None


def _protest_target(w: "_Words", i: int, hi: int, reach: int = 25) -> tuple[int, int] | None:
    """What or whom a protest is against: «احتجاجا على X»، «ضد X»، «ينددون بـX»، then where it is aimed
    («أمام مقر X»، «الى مقر X»). X is the whole phrase with its genitives («رفض القضاء الاسرائيلي»)."""
    place = None
    for k in range(i, min(hi, i + reach)):
        if w.toks[k].kind == "punct" and w.toks[k].text not in "،,":
            break
        key = w.keys[k]
        bare = key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key
        if k > i and (key in _DENOUNCE or bare in _DENOUNCE) and k + 1 < hi:
            nxt = w.keys[k + 1]
            if nxt.startswith("ب") or w.toks[k + 1].kind == "ar":
                span = _genitive_phrase(w, k + 1, hi)  # «ينددون بالحكومة»، «تطالب رئيس الوزراء»
                if span is not None:
                    return span
        for phrase in _PROTEST_AGAINST:
            n = len(phrase)
            if n == 2 and phrase[1] == "ب":
                if bare == phrase[0] and k + 1 < hi and w.keys[k + 1].startswith("ب"):
                    return _genitive_phrase(w, k + 1, hi)
                continue
            if (bare,) + tuple(w.keys[k + 1:k + n]) == phrase or tuple(w.keys[k:k + n]) == phrase:
                j = k + n
                if j < hi and w.keys[j] == "ما":  # «ضد ما سموه جرائم حماس»
                    j += 2
                span = _genitive_phrase(w, j, hi)
                if span is None:
                    continue
                if phrase[-1] in _PLACE_HEADS:
                    place = place or span
                    continue
                return span
    return place


_PLACE_HEADS = _keys("مقر", "مبنى")
_NAME_LINKS = _keys("بن", "بنت", "ابن", "أبو", "ابو", "عبد", "آل")


def _genitive_phrase(w: "_Words", j: int, hi: int, max_words: int = 6) -> tuple[int, int] | None:
    """A noun phrase with the genitives that complete a verbal noun («زيارة غل»، «عدم قبول أوراق مرشحي الجماعة»)."""
    span = _np_span(w, j, hi, allow_governed=True)
    if span is None:
        return None
    a, b = span
    while b < hi and b - a < max_words and not _definite(w.keys[b - 1]) and w.toks[b].kind == "ar" \
            and _nounish(w, b) and not _governed_key(w.keys[b]) and not _conjoined(w.keys[b]):
        nxt = _np_span(w, b, hi)
        if nxt is None:
            break
        b = min(nxt[1], a + max_words)
    # «ترشيح وزير الخارجية عبد الله غل»: a title is followed by the name it belongs to
    lex = lexicon()
    titled = any((h := strip_proclitic(_strip_al(w.keys[k]), lex.agents)) and lex.agents[h[0]][1]
                 and lex.agents[h[0]][0] in ("GOV", "MIL") for k in range(a, b))
    n = 0
    while titled and b < hi and n < 4 and w.toks[b].kind == "ar" and _nounish(w, b) and \
            (not _definite(w.keys[b]) or w.keys[b - 1] in _NAME_LINKS) \
            and not _governed_key(w.keys[b]) and not _conjoined(w.keys[b]) and not w.keys[b].endswith(_NISBA_ENDS):
        b += 1
        n += 1
    return a, b


def _refine(w: "_Words", i: int, lo: int, hi: int, trig: Trigger, src, tgt, actors, starts, shared=None,
            antecedent: int | None = None):
    """Arguments from the grammar of the clause when the actor tables have none (or a far one): the subject
    noun phrase before a verb, its object after it, the patient after a verbal noun, passive readings of
    killing verbs, «على يد» doers, «نفذه X», «قام X بـ», «تعرض X لـ», «نجا X من», and protest targets."""
    if trig.pos == "verb":
        return _refine_verb(w, i, lo, hi, trig, src, tgt, actors, starts, shared, antecedent)
    return _refine_noun(w, i, lo, hi, trig, src, tgt, actors, starts)


class _VerbPhrases(NamedTuple):
    """Noun phrases (token ranges) around a verb: the subject before it, the object after it, the phrase right
    after the object, and the one after «على» / «ضد»."""
    subj: tuple[int, int] | None
    obj: tuple[int, int] | None
    obj2: tuple[int, int] | None
    against: tuple[int, int] | None


def _verb_phrases(w: "_Words", i: int, lo: int, hi: int, end: int, trig: Trigger) -> _VerbPhrases:
    subj = _np_before(w, i, lo)
    j = _skip_time(w, i + 1 + (trig.next is not None and i + 1 < hi and w.keys[i + 1] == trig.next), end)
    if subj is None and j < end and strip_proclitic(w.keys[j], lexicon().triggers) and w.keys[j][:1] == "و":
        j = _skip_time(w, j + 1, end)  # «قتل وجرح سبعة عشر سائحا»
    obj = _np_span(w, j, end) if j < end else None
    if obj is not None and obj[1] - obj[0] == 1 and w.keys[obj[0]].startswith("نفس"):
        obj = None  # «فجر نفسه»
    obj2 = None
    if obj is not None:
        j2 = _skip_time(w, obj[1], end)
        obj2 = _np_span(w, j2, end) if j2 < end else None
    # «أطلقوا النار على رئيس تيمور الشرقية»، «فتحت النار على سكان»
    against = _after_phrase(w, i, end, 8, _ON_AGAINST) if trig.type != "PROTEST" else None
    if against is not None and w.keys[against[0]] in _HANDS:
        against = None  # «على يد مسلحين» names the doer
    return _VerbPhrases(subj, obj, obj2, against)


def _refine_verb(w: "_Words", i: int, lo: int, hi: int, trig: Trigger, src, tgt, actors, starts, shared,
                 antecedent: int | None):
    end = _clause_end(w, i, hi)
    patientive = trig.gen in ("patient", "passive")
    P = lambda span: _span_actor(w, span, actors, starts)  # noqa: E731
    near = lambda x: x is not None and (abs(x.t0 - i) <= 8 or abs(i - x.t1) <= 8)  # noqa: E731
    subj, obj, obj2, against = _verb_phrases(w, i, lo, hi, end, trig)
    if antecedent is not None:
        # «التفجير الذي استهدف المسجد»: the event is the subject, the object its target; a unit of an
        # actor stands for the actor («استهدف دورية للجيش الاميركي»)
        if obj is not None:
            owner = _next_actor(actors, starts, obj[1] - 1, end, 2)
            if owner is not None and owner.t0 == obj[1] and w.keys[owner.t0][:1] == "ل":
                return None, owner
        return None, P(obj) or P(against)
    if trig.type == "PROTEST":
        s = P(subj) or P(obj)
        t = P(_protest_target(w, i + 1, hi))
        return s or src, t or (tgt if tgt is not None and tgt is not s else None)
    if _pronoun_subject(w, i, lo) or (trig.form == "present" and i > lo and _describes(w, i - 1, actors, starts)):
        # «قالت روسيا إنها لن تدعم الحكومة»، «مشروع قرار يتهم إيران»: the subject is not after the verb,
        # so the phrase after it is the object; the doer is one named before the verb, or the quote's
        # speaker. In «مواقع تنظيم داعش» the named owner of a generic object stands for it.
        t = P(obj)
        owner = P(obj2) if obj2 is not None and obj2[0] == obj[1] else None
        if owner is not None and owner.entity and (t is None or not t.entity):
            t = owner
        return (src if src is not None and src.t1 <= i else None), t or P(against)
    by = P(_by_agent(w, i, hi))
    if subj is None and shared is not None and w.keys[i][:1] == "و" and shared.t1 <= i:
        # «اقتحم مسلحون ... وخطفوا أربعة أوروبيين»: a coordinated verb shares the subject
        return shared, P(obj) or P(against)
    if subj is not None:
        if obj is not None:
            return P(subj), P(obj)
        if patientive and (against is None or by is not None):
            return by, P(subj)  # «20 مدنيا قتلوا امس»: were killed
        return P(subj), P(against) or (tgt if near(tgt) else None)
    if obj is not None:
        if obj2 is not None and (not patientive or not _counted_span(w, obj)):
            return P(obj), P(obj2)  # «خطف مسلحون ... خمسة بريطانيين»
        doer = P(obj)
        if patientive and doer is not None and doer.role in ("REB", "MIL", "COP") and not _counted_span(w, obj) \
                and by is None:
            return doer, P(against)  # «وخطف مسلحون ...»: armed men are doers
        if patientive and (against is None or by is not None):
            return by, doer  # «وقتل شخص»، «خطف موظف بريطاني»: passive
        return P(obj), P(against) or (tgt if (tgt is not None and tgt.t0 >= obj[1]) else None)
    return (src if near(src) else by), P(against) or (tgt if near(tgt) else None)


def _refine_noun(w: "_Words", i: int, lo: int, hi: int, trig: Trigger, src, tgt, actors, starts):
    """A verbal noun's arguments from its clause: the genitive after it, a doer told by «على يد», «نفذه X» or
    «قام X بـ», and what a protest is against."""
    end = _clause_end(w, i, hi)
    patientive = trig.gen in ("patient", "passive")
    P = lambda span: _span_actor(w, span, actors, starts)  # noqa: E731
    near = lambda x: x is not None and (abs(x.t0 - i) <= 8 or abs(i - x.t1) <= 8)  # noqa: E731
    j = _skip_time(w, i + 1, end)
    gen = _np_span(w, j, end) if j < end else None
    if gen is not None and _definite(w.keys[i]) and _definite(w.keys[gen[0]]):
        gen = None  # «الجرائم البشعة»: after a definite noun a definite word is its adjective, not its genitive
    doer = _by_agent(w, i, hi) or _carried_out(w, i, hi) or _did_subject(w, i, lo)
    if trig.type == "PROTEST":
        t = P(_protest_target(w, i, hi))
        return src, t or tgt
    if patientive:
        t = tgt
        if gen is not None and (tgt is None or tgt.t0 >= gen[0] or not near(tgt)):
            t = P(gen)
        s = P(doer) if doer is not None else src
        return s, t
    s = P(doer) if doer is not None else src
    t = tgt
    if t is None:
        t = P(_after_phrase(w, i, end, 6, _ON_AGAINST))
    return s, t


def _counted_span(w: "_Words", span: tuple[int, int]) -> bool:
    return w.toks[span[0]].kind == "num" or w.keys[span[0]] in _QUANTITY


def _context_target(w: "_Words", i: int, lo: int, hi: int, trig: Trigger, actors, starts):
    """A target named by the sentence frame: «تعرض X لـ[هجوم]»، «نجا X من [محاولة اغتيال]»."""
    P = lambda span: _span_actor(w, span, actors, starts)  # noqa: E731
    for k in range(i - 1, max(lo, i - 10) - 1, -1):
        key = w.keys[k]
        base = key[1:] if key[:1] in ("و", "ب") and key[1:] in _UNDERGO else key
        if base in _UNDERGO:
            between = _np_span(w, _skip_time(w, k + 1, i), i) if k + 1 < i else None
            return P(between) or P(_np_before(w, k, lo))
    for k in range(lo, i):
        if w.keys[k] in _SURVIVED:
            return P(_np_span(w, _skip_time(w, k + 1, hi), hi))
    return None


# the verbal negations of a claim («لم تعلن»، «لا يتبنى»); hedging's other near cues (غير، دون، عدم) qualify
# nouns inside a claimant's name («تنظيم غير معروف») and would wrongly cancel a claim
_NEGATIONS = _keys("لم", "ولم", "لا", "ولا", "لن", "ولن", "ما")


_VIA = _keys("عبر", "بواسطة", "خلال")


def _after_preposition(w: "_Words", a: "_Actor") -> bool:
    """The actor is the object of a preposition word («في مالي»، «عبر وكالة أعماق»), so no subject."""
    return a.t0 > 0 and w.keys[a.t0 - 1] in _IN | _PREPOSITIONS | _VIA


def _is_denial_verb(key: str) -> bool:
    """A form of a denial verb of the reporting cues («نفت»، «ونفى»، «تنفي»)."""
    lex = lexicon()
    hit = strip_proclitic(key, lex.cues)
    return hit is not None and lex.cues[hit[0]].cls == "deny"
_ABOUT_IT = _keys("عنه", "عنها", "عنهم", "عنهما")


def _event_antecedent(w: "_Words", i: int, lo: int) -> int | None:
    """For a verb right after a relative pronoun, the trigger noun the clause describes («التفجير [الانتحاري] الذي
    استهدف المسجد»): its index, or None when the antecedent is no event."""
    triggers = lexicon().triggers
    if i - 1 < lo:
        return None
    if w.keys[i - 1] not in _RELATIVE_WORDS:
        # an indefinite antecedent takes no relative pronoun: «غارة جوية استهدفت منشأة»، «هجوم استهدف مسجدا»
        k = i - 1 if i - 1 >= lo and not _is_nisba(w.keys[i - 1]) else i - 2
        hit = strip_proclitic(w.keys[k], triggers) if k >= lo and w.toks[k].kind != "punct" else None
        return k if hit is not None and any(t.pos == "noun" for t in triggers[hit[0]]) else None
    for k in range(i - 2, max(lo, i - 5) - 1, -1):
        if w.toks[k].kind == "punct":
            return None
        hit = strip_proclitic(w.keys[k], triggers)
        if hit is not None and any(t.pos == "noun" for t in triggers[hit[0]]):
            return k
    return None


def _claimant(w: "_Words", i: int, lo: int, hi: int, actors, starts) -> tuple["_Actor | None", str] | None:
    """A claim of responsibility for the event named by the noun at ``i``: ``(claimant, kind)`` with kind
    "claimed" («أعلن تنظيم داعش مسؤوليته عن التفجير»، «تبنى تنظيم داعش هذا الهجوم»، «هجوم أعلن تنظيم داعش
    مسؤوليته عنه»), "denied" («نفت الحركة مسؤوليتها عن الهجوم») or "negated" («لم يعلن تنظيم ... مسؤوليته»)
    or "unnamed" (a claimant no actor names), both with claimant None; None when the sentence frames no claim."""
    k = i - 1
    if k > lo and w.keys[k] in _DEMONSTRATIVES:
        k -= 1
    claimant, cue = None, None
    if k - 1 >= lo and w.keys[k] == word_key("عن") and w.keys[k - 1] in _RESPONSIBILITY:
        cue = k - 1  # «... مسؤوليته عن [هذا] الهجوم»
        claimant = _prev_actor(actors, starts, cue, lo, 8, w)
        while claimant is not None and _after_preposition(w, claimant):
            # «أعلن تنظيم داعش عبر وكالة أعماق ... مسؤوليته»: the subject is before the phrase
            claimant = _prev_actor(actors, starts, claimant.t0, lo, 8 - (cue - claimant.t0), w)
        frame_start = claimant.t0 if claimant is not None else cue
    elif k >= lo and w.keys[k] in _ADOPTED:
        cue = k  # «داعش تبنى الهجوم»
        claimant = _prev_actor(actors, starts, cue, lo, 2, w)
        frame_start = claimant.t0 if claimant is not None else cue
    else:
        before = _prev_actor(actors, starts, k + 1, lo, 1, w)
        if before is not None and before.t1 == k + 1 and before.t0 - 1 >= lo and w.keys[before.t0 - 1] in _ADOPTED:
            cue, claimant = before.t0 - 1, before  # «تبنى تنظيم داعش [هذا] الهجوم»
            frame_start = cue
    if cue is not None:
        frame = range(max(lo, frame_start - 3), cue)
    else:  # «هجوم أعلن تنظيم داعش مسؤوليته عنه»، «اعتداءات باريس التي أعلن التنظيم مسؤوليته عنها»
        for c in range(i + 1, min(hi - 1, i + 12)):
            if w.toks[c].kind == "punct" and w.toks[c].text not in "،,":
                return None
            if w.keys[c] in _RESPONSIBILITY and w.keys[c + 1] in _ABOUT_IT:
                cue = c
                break
        if cue is None:
            return None
        claimant = _next_actor(actors, starts, i, cue, 10)
        frame = range(i + 1, cue)
    if any(w.keys[c] in _NEGATIONS for c in frame):
        return None, "negated"
    if claimant is not None and claimant.t0 > lo and _after_preposition(w, claimant):
        claimant = None  # «أعلنت جماعة ... في مالي مسؤوليتها»: a place in a phrase is not who claims
    between = range(min(claimant.t1, cue), max(claimant.t0, cue)) if claimant is not None else range(0)
    if any(w.toks[c].text in "،,؛;" and c + 1 < hi and w.keys[c + 1][:1] == "و" for c in between):
        claimant = None  # «رفضت موسكو الاتهامات البريطانية، ونفت موسكو مسؤوليتها»: not across a new clause
    if claimant is None:
        return None, "unnamed"  # «جماعة تابعة لتنظيم القاعدة»: a claimant the actor tables do not name
    return claimant, "denied" if any(_is_denial_verb(w.keys[c]) for c in frame) else "claimed"


def _glued(key: str) -> bool:
    """The trigger word carries a proclitic («لدعم»، «للقاء»), not a root letter alike («لقاء»، «لوم»)."""
    hit = strip_proclitic(key, lexicon().triggers)
    return hit is not None and hit[1] > 0


def _partner_after(w, i: int, hi: int, near: bool) -> bool:
    """«مع» or «بين» after noun ``i``: within three words (``near``: «تحالف مع القاعدة»), or past an agreement's
    name («اتفاق مشروع الضبعة النووي بين مصر وروسيا»), within five."""
    return any(w.keys[k] in _PARTNERS for k in range(i + 1, min(hi, i + (4 if near else 6))))


def run(article: Article, settings: Settings) -> Article:
    from ..claims.reread import reread

    # retyped before the clause reading too: a person's «هاجم» is read by the clause cascade as the words it is
    relations = reread(article, _typed_by_doer(article, extract(article, settings)))
    relations = _parties_only([_reporter_not_doer(article, r) for r in relations])
    view = TokenView.of(article)
    relations = [nationality_heads.widen_relation(view, r) for r in _typed_by_doer(article, relations)]
    relations = conjuncts.fan_out(view, relations)
    return dataclasses.replace(article, relations=tuple(relations))


_TELLER_IDS = ("per:", "med:", "agy:")  # persons, media and agencies tell of violence
_ACTING_IDS = ("mil:", "grp:", "cty:", "gov:")
_TELLER_ROLES = frozenset(("CVL", "OPP", "MED", "JUD"))  # civilians, activists, journalists, courts


def _reporter_not_doer(article: Article, r: Relation) -> Relation:
    """The one who reports violence is its doer when it is a force, an armed group, a state or an authority
    announcing its own deed («أعلن الجيش اليمني مقتل 10 قيادات»، «ذكرت الشرطة الإيطالية أنها اعتقلت رجلين»); a
    person, a medium, a source or activists who tell of it did none of it («مشيراً إلى مقتل عامل صحي»، «وصف الرئيس
    جوكو ويدودو الهجمات بأنها بربرية»)."""
    src, said = r.source, r.attributed_to
    if r.type not in _VIOLENT or src is None or said is None or not (src.start < said.end and said.start < src.end):
        return r
    if (src.actor_id or "").startswith(_ACTING_IDS):
        return r  # «أعلنت هيئة تحرير الشام ...»: a named group, force or state, whatever its first word
    person = any(e.type == "PER" and e.start <= src.start and src.end <= e.end for e in article.entities or ())
    words = src.text.split()
    first = word_key(words[0]) if words else ""
    lex = lexicon()
    hit = strip_proclitic(first, lex.agents)
    teller = person or (src.actor_id or "").startswith(_TELLER_IDS) \
        or (hit is not None and lex.agents[hit[0]][0] in _TELLER_ROLES) or first in lex.speaker_words.get("source", ())
    return dataclasses.replace(r, source=None) if teller else r


def _typed_by_doer(article: Article, relations: list[Relation]) -> list[Relation]:
    """A verb whose table row gives another type when a person does it (``person_type`` of ``triggers.tsv``:
    «هاجم ترامب حلفاءه» is words, ACCUSE) takes it when the source lies in a person NER named. Not its nouns:
    «شن الأسد هجوما كيميائيا» is an attack."""
    lex = lexicon()
    persons = [(e.start, e.end) for e in article.entities or () if e.type == "PER"]
    out = []
    for r in relations:
        hit = strip_proclitic(word_key(r.trigger), lex.triggers) if r.source is not None else None
        other = next((t.person_type for t in lex.triggers[hit[0]]
                      if t.type == r.type and t.person_type and t.pos == "verb"), None) \
            if hit is not None else None
        if other and any(s <= r.source.start and r.source.end <= e for s, e in persons):
            r = dataclasses.replace(r, type=other)
        out.append(r)
    return out


def _parties_only(relations: list[Relation]) -> list[Relation]:
    """An argument that names nobody (a number, a date, a pronoun: ``claims.argument_shape``) is dropped; a
    relation left with no participant follows the rule for such records (``_drop_empty``)."""
    out = []
    for r in relations:
        src = r.source if names_a_party(r.source) else None
        tgt = r.target if names_a_party(r.target) else None
        out.append(r if (src, tgt) == (r.source, r.target) else dataclasses.replace(r, source=src, target=tgt))
    return _drop_empty(out)
