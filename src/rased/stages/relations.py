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
  actor after as target. A counted actor («28 متطوعا») is a patient.
* **Modality**: negated / possible / hedged from ``hedging``; inside a quote or «according to» claim the relation
  is reported and ``attributed_to`` the speaker.
* **Event time**: a year in the clause other than the publication year, else «past» for pluperfect frames
  («وكان ... قد»), «قبل أن», «في وقت سابق», or a relative clause with a completed verb («الذي أسفر عن»).
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

from ..arabic.tokenize import tokens
from ..knowledge.cues import Trigger, lexicon, strip_proclitic, word_key
from ..record import Article, Entity, Mention, Relation
from ..settings import Settings
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
_YEAR = re.compile(r"^(19|20)\d\d$")
_SUFFIX_PRONOUNS = ("هم", "ها", "ه")
_AGAINST = {word_key(w) for w in ("على", "ضد")}
_IN = {word_key(w) for w in ("في", "فى", "قرب", "داخل")}
_TIME_WORDS = {word_key(w) for w in ("أمس", "امس", "اليوم", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس",
                                     "الجمعة", "السبت", "يوم", "من")}
_UNDERGO = {word_key(w) for w in ("تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض", "يتعرضون", "لتعرض", "تعرضه", "تعرضها")}
_ANAPHORS = {word_key(w) for w in ("التنظيم", "الحركة", "الجماعة")}
_PREPOSITIONS = {word_key(w) for w in ("على", "ضد", "مع", "إلى", "الى", "بحق", "تجاه", "نحو", "بين", "عن", "من")}
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
    if e.type in ("PER", "ORG", "MISC"):
        return True
    if e.actor is not None and e.actor.kind in ("country", "government", "military", "group", "international"):
        return True
    return bool(e.actor_id and e.actor_id.startswith(("cty:", "gov:", "mil:", "grp:", "int:")))


class _Words:
    def __init__(self, text: str):
        self.text = text
        self.toks = [t for t in tokens(text) if t.kind != "punct" or t.text in "،,:؛;.؟?!"]
        self.keys = [word_key(t.text) if t.kind != "punct" else t.text for t in self.toks]
        self.starts = [t.start for t in self.toks]
        self.ends = [t.end for t in self.toks]

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def range_of(self, start: int, end: int) -> tuple[int, int]:
        return bisect.bisect_left(self.ends, start + 1), bisect.bisect_left(self.starts, end)


def _strip_al(k: str) -> str:
    return k[2:] if k.startswith("ال") and len(k) > 4 else k


def _is_nisba(k: str) -> bool:
    return len(k) >= 4 and k.endswith(("ي", "يه", "يين", "يون", "يان"))


def _agents(w: _Words, lo: int, hi: int, taken: list[bool], inside: list[bool], topic, apposed) -> list[_Actor]:
    lex = lexicon()
    out: list[_Actor] = []
    i = lo
    while i < hi:
        k = w.keys[i]
        if taken[i] or w.toks[i].kind == "punct":
            i += 1
            continue
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
            i += 1
            continue
        prefix = hit[1]
        construct = (not nationality and pron is None and lex.agents[hit[0]][1])
        j = i + 1
        if construct and j < hi and taken[j]:
            i += 1  # «مقاتلي جبهة النصرة»: the entity is the actor
            continue
        definite = hit[0].startswith("ال")
        if construct and j < hi and w.toks[j].kind != "punct" and w.keys[j] not in _NOUN_CONTEXT and (
                not definite or (not w.keys[j].startswith("ال") and w.toks[j].kind == "ar"
                                 and strip_proclitic(w.keys[j], lex.triggers) is None)):
            # «قوات الأمن»; after a definite title only a name joins it («العميد جبار»)
            j += 1
            if j < hi and taken[j]:
                i += 1  # «عناصر تنظيم داعش»: the entity is the actor
                continue
        while j < hi and j - i < 4 and not taken[j] and w.toks[j].kind != "punct" and (
                _is_nisba(w.keys[j]) or w.keys[j] in _MODIFIERS) and w.keys[j] not in _RELATIVES:
            j += 1
        start = w.toks[i].start + prefix
        end = w.toks[j - 1].end
        if apposed is not None and j < hi and apposed(j):
            for m in range(i, j):
                inside[m] = True
            i = j  # «عامل الإغاثة البريطاني "آلان هينينغ"»: the name that follows is the actor
            continue
        actor_id = None
        if topic is not None and (pron is not None or w.keys[i] in _ANAPHORS):
            actor_id = topic(i)
        role = "CVL" if nationality else lex.agents[hit[0]][0]
        out.append(_Actor(i, j, start, end, w.text[start:end], actor_id, False, role))
        for m in range(i, j):
            taken[m] = True
            inside[m] = True
        i = j
    return out


def _trigger_reading(w: _Words, i: int, cands: tuple[Trigger, ...], prefix: str) -> Trigger:
    if len(cands) == 1:
        return cands[0]
    nounish = ("ب" in prefix or "ل" in prefix or w.keys[i].startswith("ال")
               or (i > 0 and w.keys[i - 1] in _NOUN_CONTEXT))
    for c in cands:
        if (c.pos == "noun") == nounish:
            return c
    return cands[0]


def extract(article: Article, settings: Settings) -> list[Relation]:
    rs = settings.relations
    lex = lexicon()
    text = article.text
    w = _Words(text)
    n = len(w.toks)
    taken = [False] * n
    actors: list[_Actor] = []
    locations: list[_Actor] = []
    for e in sorted(article.entities or (), key=lambda e: e.start):
        t0, t1 = w.range_of(e.start, e.end)
        if t1 <= t0:
            continue
        a = _Actor(t0, t1, e.start, e.end, e.text, e.actor_id, True)
        if _is_actor_entity(e):
            actors.append(a)
            for m in range(t0, t1):
                taken[m] = True
        elif e.type == "LOC":
            locations.append(a)

    group_starts = sorted((a.t0, a.actor_id) for a in actors if a.actor_id and a.actor_id.startswith(("grp:", "mil:")))

    def topic(i: int) -> str | None:
        counts = Counter(aid for t0, aid in group_starts if t0 < i)
        if not counts:
            return None
        first = {}
        for t0, aid in group_starts:
            first.setdefault(aid, t0)
        return max(counts, key=lambda aid: (counts[aid], -first[aid]))

    sentences = article.sentences or ()
    if not sentences:
        from ..record import Sentence
        sentences = (Sentence(0, len(text)),)
    person_at = {a.t0 for a in actors if a.entity}
    inside = [False] * n  # words inside a generic actor mention: never triggers
    agent_actors = []
    for s in sentences:
        lo, hi = w.range_of(s.start, s.end)
        agent_actors.extend(_agents(w, lo, hi, taken, inside, topic, lambda j: j in person_at))
    actors = sorted(actors + agent_actors, key=lambda a: a.t0)
    actor_starts = [a.t0 for a in actors]

    quotes = article.quotes or ()
    pub_year = article.published.value[:4] if article.published else None
    out: list[Relation] = []
    seen: set[tuple] = set()
    for s in sentences:
        lo, hi = w.range_of(s.start, s.end)
        if hi <= lo:
            continue
        skeys = w.keys[lo:hi]
        vetoed = any((strip_proclitic(k, lex.context) is not None) for k in skeys)
        cues = hedging.scan(skeys)
        for i in range(lo, hi):
            k = w.keys[i]
            if w.toks[i].kind == "punct":
                continue
            hit = strip_proclitic(k, lex.triggers)
            if hit is None:
                continue
            prefix = k[: hit[1]]
            trig = _trigger_reading(w, i, lex.triggers[hit[0]], prefix)
            participant = None
            if inside[i]:
                # «المتظاهرون»: a participant noun is both the event and its source
                participant = next((a for a in actors if a.t0 <= i < a.t1), None)
                if trig.type != "PROTEST" or participant is None:
                    continue
            if trig.veto and vetoed:
                continue
            if i + 1 < hi and w.keys[i + 1] in _TIME_WORDS and trig.pos == "verb" and not prefix:
                continue  # «فجر أمس» is dawn
            if trig.pos == "noun" and i + 1 < hi and w.keys[i + 1] in _MEDIA:
                continue  # «حوار صحافي» is an interview
            if trig.next is not None:
                nk = w.keys[i + 1] if i + 1 < hi else ""
                if nk != trig.next and not (strip_proclitic(nk, {trig.next: 1}) or (None,))[0]:
                    continue
            src, tgt = _arguments(w, i, lo, hi, trig, actors, actor_starts, rs.max_argument_words)
            if participant is not None:
                src = participant
                tgt = _next_actor(actors, actor_starts, participant.t1 - 1, hi, 6)
                if tgt is not None and not (_governed(w, tgt) or w.keys[tgt.t0 - 1] in _PREPOSITIONS):
                    tgt = None
            if tgt is None and trig.type in ("ASSAULT", "COERCE", "FIGHT", "PROTEST", "THREATEN"):
                tgt = _place_target(w, i, hi, locations)
            if src is not None and tgt is not None and src.actor_id and src.actor_id == tgt.actor_id:
                tgt = None
            if src is None and tgt is None and trig.type not in rs.event_types:
                continue
            location = _location(w, i, hi, locations)
            modality = hedging.modality_at(cues, i - lo)
            attributed = None
            q = _quote_at(quotes, w.toks[i].start)
            if q is not None:
                attributed = _speaker_mention(text, q)
                if modality is None:
                    modality = "reported"
                if _is_denial(text, q):
                    modality = "negated"
                if src is not None and attributed is not None and src.start == attributed.start and tgt is None:
                    continue
            modality = modality or "asserted"
            ident = (trig.type, src and src.start, tgt and tgt.start, s.start)
            if ident in seen:
                continue
            seen.add(ident)
            out.append(Relation(
                type=trig.type,
                source=src.mention() if src else None,
                target=tgt.mention() if tgt else None,
                evidence_start=s.start,
                evidence_end=s.end,
                trigger=w.toks[i].text,
                modality=modality,
                attributed_to=attributed,
                event_time=_event_time(w, i, lo, hi, pub_year),
                location=location.mention() if location else None,
            ))
    return out


def _is_denial(text: str, q) -> bool:
    hit = strip_proclitic(word_key(text[q.cue_start:q.cue_end]), lexicon().cues)
    return bool(hit) and lexicon().cues[hit[0]].cls == "deny"


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
    # the description nearest to the cue
    after = text.find(q.speaker_text, q.cue_end)
    before = text.rfind(q.speaker_text, 0, q.cue_start)
    cands = [p for p in (after, before) if p >= 0]
    if not cands:
        return None
    pos = min(cands, key=lambda p: abs(p - q.cue_start))
    return Mention(pos, pos + len(q.speaker_text), q.speaker_text, None)


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
    # «محادثات بين تنظيم داعش و القاعدة»
    for k in range(i + 1, min(i + 3, hi)):
        if w.keys[k] == "بين":
            a = _next_actor(actors, starts, k, hi, 3)
            if a is not None:
                return a, _next_actor(actors, starts, a.t1 - 1, hi, 3)
    end = _clause_end(w, i, hi)
    first_after = _next_actor(actors, starts, i, end, limit)
    if i > lo and w.keys[i - 1] in _UNDERGO:
        # «تعرضت 55 سفينة للهجوم»: the one who undergoes is the target
        tgt = _prev_actor(actors, starts, i - 1, lo, limit)
        src = None
        for k in range(i + 1, min(hi, i + limit)):
            if tuple(w.keys[k:k + 2]) in _BY_KEYS:
                src = _next_actor(actors, starts, k + 1, hi, 3)
                break
        return src, tgt
    if trig.pos == "noun":
        gen = first_after if first_after is not None and first_after.t0 <= i + 2 else None
        if gen is not None and (_governed(w, gen) or w.keys[gen.t0 - 1] in _PREPOSITIONS):
            gen = None  # «الانضمام لتنظيم القاعدة»: an object, not the genitive agent
        if trig.gen == "agent":
            src = gen or _prev_actor(actors, starts, i, lo, limit)
            tgt = None
            a = _next_actor(actors, starts, gen.t1 - 1 if gen else i, end, 6)
            if a is not None and (_governed(w, a) or w.keys[a.t0 - 1] in _PREPOSITIONS):
                tgt = a
            return src, tgt
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
    # verbs
    k = w.keys[i]
    hit = strip_proclitic(k, lexicon().triggers)
    bare = hit[0] if hit else k
    plural_subject = bare.endswith(("وا", "ون")) and len(bare) > 4
    before_in_clause = _prev_actor(actors, starts, i, _clause_start(w, i, lo), limit, w)
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


def _governed(w: _Words, a: _Actor) -> bool:
    """The actor's first word carries a preposition clitic («لتنظيم»، «بالقاعدة»)."""
    return w.toks[a.t0].start < a.start or w.keys[a.t0][:1] in ("ل",) and w.keys[a.t0][1:3] != "ا"


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


def run(article: Article, settings: Settings) -> Article:
    return dataclasses.replace(article, relations=tuple(extract(article, settings)))
