"""Stage ``quotes``: who said what — direct quotes, indirect speech and «according to» claims.

Reads ``text``, ``blocks``, ``sentences`` and ``entities`` (which may be None); writes ``quotes``.

Rules, in order:

* **Reporting cues** (``knowledge/cues/reporting.tsv``, every inflection and clitic form: قال، وقالت، يقول، مؤكدا،
  وأضاف، كشف عن ...) open a quote when an *opener* follows within a few words: «إن/أن» (also «إلى أن»، «من أن»),
  a colon, a quotation mark, or «عن» after cues such as كشف/أعلن. The words between cue and opener name the
  speaker (verb-subject order, «قال وزير الخارجية إن»); when there are none, the words before the cue do
  («وكان القيادي ... قد كشف عن أن»); when those are missing too or are a relative («الذي أكد»), or the cue is
  a participle («مضيفا»، «قائلا»), the previous speaker continues. Time, place and addressee phrases
  («أمس»، «في بيان»، «لرويترز») end the speaker.
* **Direct quotes**: text inside «...», “...” or "..." of at least ``min_direct_words`` words, introduced or
  followed by a cue; the content is the quoted text.
* **Attribution phrases** (بحسب، وفقا لـ، نقلا عن، على لسان ...): the source follows the phrase; the claim is the
  rest of the sentence.

A speaker is the entity inside the speaker words when ``article.entities`` has one (people first), else the
words themselves («مصادر عراقية وإقليمية مطلعة»).
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from ..arabic.tokenize import Token
from ..arabic import wordfreq
from ..knowledge import given_names
from ..knowledge.cues import (PRONOUN_SUFFIXES, Cue, article_words, lexicon, lexicon_verb, reporting_verb,
                              strip_proclitic, word_key)
from ..record import Article, Entity, Mention, Quote
from ..settings import Settings
from ..claims import clauses
from ..claims.clauses import attribution_at, ends_report
from ..claims.view import TokenView


def _words(role: str) -> frozenset[str]:
    """The keys of the speaker words of ``role`` (knowledge/cues/speaker_words.tsv)."""
    return lexicon().speaker_words.get(role, frozenset())


OPENING = {"«": "»", "“": "”“", '"': '"', "„": "“", "”": "”“"}  # opening mark -> closing marks
_RELAYED = word_key("عن")  # «نقلت وكالة رويترز عن مصدر دبلوماسي قوله»: the medium relays, the source speaks
# «مسؤولية», «المسؤولية», «مسؤوليته», «بمسؤوليتها», «مسئولية» (matching keys: hamza seat kept, teh marbuta folded)
_RESPONSIBILITY = re.compile(r"^(?:[وف]?[بل]?(?:ال)?)مس[ؤئ]ولي(?:ه|ت)")
_DROP_PUNCT = " \t\n،,؛;:.-–—"


@dataclass(slots=True, frozen=True)
class Found:
    """A quote with the span of its speaker words (the record keeps only the text for descriptions)."""

    quote: Quote
    speaker_start: int | None
    speaker_end: int | None
    embedded: bool = False  # said inside a relative clause of other words («ما وصفه بـ"..."»): it cuts none


def _entity_in(entities: tuple[Entity, ...], start: int, end: int) -> Entity | None:
    """The entity that names the speaker words: a person anywhere in them («المتحدث باسم الحكومة راجح بادي»),
    else an organisation or place that starts them («الحكومة اليمنية»، «السعودية»), not one that only
    qualifies a description («وزير النقل اليمني»، «المتحدث باسم الحكومة»)."""
    inside = [e for e in entities if e.start < end and e.end > start and e.start >= start - 1]
    people = [e for e in inside if e.type == "PER"]
    if people:
        return max(people, key=lambda e: e.end - e.start)
    head = [e for e in inside if e.start <= start + 1 and e.type in ("ORG", "MISC", "LOC")]
    if head:
        return max(head, key=lambda e: e.end - e.start)
    return None


def _mention(e: Entity) -> Mention:
    return Mention(e.start, e.end, e.text, e.actor_id)


def _trim(text: str, start: int, end: int, quotes: bool = False) -> tuple[int, int]:
    drop = _DROP_PUNCT + ("«»\"“”" if quotes else "")
    while start < end and text[start] in drop:
        start += 1
    while end > start and text[end - 1] in drop:
        end -= 1
    if quotes:  # a closing mark whose opening mark was trimmed off («"سكاي نيوز عربية»)
        inner = text[start:end]
        if inner.count('"') % 2 == 1:
            start, end = (start + 1, end) if inner.startswith('"') else (start, end - inner.endswith('"'))
    return start, end


def _direct_spans(text: str, start: int, end: int, min_words: int) -> list[tuple[int, int, int, int]]:
    """(open, close, content_start, content_end) of quoted passages in ``text[start:end]``."""
    spans = []
    i = start
    while i < end:
        ch = text[i]
        close = OPENING.get(ch)
        if close is None:
            i += 1
            continue
        j = min((p for p in (text.find(c, i + 1, end) for c in close) if p >= 0), default=-1)
        if j < 0:
            i += 1
            continue
        inner = text[i + 1:j]
        if len(inner.split()) >= min_words:
            spans.append((i, j + 1, i + 1, j))
        i = j + 1
    return spans


class _Doc:
    """Tokens of one article with their keys and sentence numbers."""

    def __init__(self, article: Article):
        self.text = article.text
        self.toks, self.keys = article_words(article.text)
        self.entities = tuple(article.entities or ())
        self.starts = [t.start for t in self.toks]
        sents = article.sentences or ((0, len(article.text)),)
        self.sents = [(s.start, s.end) if hasattr(s, "start") else s for s in sents]
        self.sent_starts = [s for s, _ in self.sents]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self.sent_starts, offset) - 1)
        return self.sents[i]

    def token_range(self, start: int, end: int) -> range:
        return range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end))


def _addressee(doc: _Doc, entities, k: int) -> bool:
    """Whom the speaker tells, glued to «ل» («لرويترز»، «لبي بي سي»، «للصحيفة»، «لوكالة»): a medium or a
    media noun after the preposition; the speaker words end before it."""
    key = doc.keys[k]
    if not key.startswith("ل"):
        return False
    rest = key[1:].lstrip("ـ")
    if rest in _words("addressee") or (key.startswith("لل") and "ا" + rest in _words("addressee")):
        return True
    e = _entity_in(entities, doc.toks[k].start, doc.toks[k].end) if entities else None
    return e is not None and e.actor is not None and e.actor.kind == "media" and e.start > doc.toks[k].start


def _speaker_after(doc: _Doc, i: int, stop: int, entities=()) -> tuple[int, int]:
    """Token index range [i, j) of the speaker words after the cue, cut at the first stop word."""
    j = i
    while j < stop and doc.keys[j] in _words("lead"):
        j += 1
    j = clauses.adjunct_end(doc.keys, j, stop)  # «قال الشهر الماضي إن ...»: the time names nobody
    if j + 1 < stop and doc.keys[j] == _RELAYED and doc.toks[j + 1].kind == "ar":
        j += 1  # «ونقلت عن ثلاثة من رجال الإطفاء ... قولهم إن»: the relayed source is the speaker
    first = j
    if first < stop and _addressee(doc, entities, first):
        first = _past_addressee(doc, entities, first, stop)  # «وقال لـ"الاقتصادية" حسن مغربي»: the speaker follows
    if first < stop and (_preposition_phrase(doc, first) or doc.keys[first] in _words("aside")
                         or _circumstantial(doc, entities, first)):
        # «نؤكد لجميع شباب المقاومة»: whom one speaks to is no speaker; «وأضاف وهو محاط بالأعلام»، «وقال
        # مخاطبا حشودا»: the words after the cue describe the speaker of the discourse
        return first, first
    k = first
    while k < stop:
        t = doc.toks[k]
        key = doc.keys[k]
        if t.kind == "punct":
            if t.text in "،," and k > first and k + 1 < stop and (
                    doc.keys[k + 1] in _words("aside") or _circumstance_end(doc, k, stop) > 0):
                break  # «وقال مراد، وهو كهربائي ...»، «أفاد بيان صادر عن الرابطة، بمرور الذكرى ...،»: an aside
            if (t.text in "،," or t.text in OPENING or t.text in "»”") and k + 1 < stop:
                k += 1
                continue
            break
        if k > first and key == "في" and k + 1 < stop and (
                doc.keys[k + 1] in _words("event") or doc.keys[k + 1] in _words("stop")):
            break
        if k > first and key == _ALI and doc.keys[k - 1] in _words("name-link") and not t.text.endswith("ى"):
            k += 1  # «سعيد بن علي البسامي»: the name «علي», not «على»
            continue
        if k > first and (key in _words("stop") or _addressee(doc, entities, k) or key in _words("bound")
                          or (reporting_verb(key) and not _in_name(doc, k))):
            break  # «رأى المغردون القطريون فيه ...»: the verb's own complement starts
        if k > first and key == _RELAYED and k + 1 < stop and doc.toks[k + 1].kind == "ar" \
                and _strip_al(doc.keys[first]) in _words("addressee"):
            first = k + 1  # the relayed source is the speaker
            k += 1
            continue
        if k == first and key in _words("stop"):
            break
        if k > first and (_object_starts(doc, k, first) or _past_definite(doc, k) and not _quoted_open(doc, first, k)
                          and clauses.adjunct_end(doc.keys, k, stop) == k):
            break  # «وأكدت الوكالة أنباء مقتل ...»: a bare noun after a definite one starts the object
        k += 1
    return first, k


def _past_addressee(doc: _Doc, entities, k: int, stop: int) -> int:
    """The token after the addressee phrase at ``k`` («لبي بي سي»، «لـ"الاقتصادية"»، «لوكالة رويترز»،
    «للصحفيين»): the medium NER found, a quoted name, or the media noun with the name after it."""
    def past_name(n: int) -> int:
        if n >= stop:
            return n
        if doc.toks[n].text in OPENING:
            return next((m + 1 for m in range(n + 1, min(stop, n + 8)) if doc.toks[m].text in "\"»”"), n)
        e = _entity_in(entities, doc.toks[n].start, doc.toks[n].end) if entities else None
        return doc.token_range(e.start, e.end).stop if e is not None else n

    n = past_name(k)
    if n > k:
        return n  # «لبي بي سي»: the entity starts inside the word
    rest = doc.keys[k][1:].lstrip("ـ")
    n = k + 1
    if rest in ("", "-"):
        return past_name(n)  # «لـ "الاقتصادية"»
    if rest in _words("addressee") and rest not in ("الصحفيين", "الصحافيين"):
        return max(past_name(n), n)  # «لوكالة رويترز»
    return n


def _circumstantial(doc: _Doc, entities, k: int) -> bool:
    """Token ``k`` is a circumstantial participle or adverb in the indefinite accusative («مخاطبا»، «مجددا»،
    «مؤكدا»): the pattern مُفعِلاً (م- ... -ا, no article), not a noun with «نا», no name NER found there."""
    key = doc.keys[k]
    if doc.toks[k].kind != "ar" or len(key) < 5 or not key.startswith("م") or not key.endswith("ا") or key.endswith("اا"):
        return False
    if key.endswith(("نا", "ها")) and strip_proclitic(key, lexicon().cues) is None:
        return False  # «مراسلنا»، «محاميتها»: a noun with «نا»/«ها» («معلنا» is a cue's participle)
    tok = doc.toks[k]
    return _entity_in(entities, tok.start, tok.end) is None


def _preposition_phrase(doc: _Doc, k: int, glued: str = "ل") -> bool:
    """A word with the preposition ``glued`` («لـ» or «بـ») to it («لجميع»، «للصحفيين»، «بالرغم»), not a name
    that starts with the letter («لبنان»، «لافروف»، «بريطانيا»): the word without it is the commoner one."""
    key = doc.keys[k]
    if doc.toks[k].kind != "ar" or not key.startswith(glued) or len(key) < 4:
        return False
    if key.startswith(glued + "ل"):
        return True
    return wordfreq.count(doc.toks[k].text[1:]) > 5 * wordfreq.count(doc.toks[k].text)


def _may_name_a_speaker(doc: _Doc, a: int) -> bool:
    """Speaker words open with a noun: not a preposition or a phrase it heads («في أحد خطاباته»، «بالرغم من
    ...»), a complementizer («أن منظمة ...») or an interrogative («لماذا تفعل ...») — such words are a clause's
    adjunct or content, and the discourse supplies the speaker instead."""
    lex = lexicon()
    key = doc.keys[a]
    bare = key[1:] if key[:1] in ("و", "ف") else key  # «وفي 2016 وقعت ...»، «ولم يكشف»
    for k in (key, bare):
        if lex.clause_words.get(k) in ("preposition", "question", "negation") or k in lex.complementizers:
            return False
    return not _preposition_phrase(doc, a, "ب")




def _object_starts(doc: _Doc, k: int, first: int) -> bool:
    """A speaker is a noun phrase: a group named after a name that is not a title in construct («وحذر أبوعزام
    تنظيم داعش بعقاب») starts the cue's object («قائد قوات التحالف»، «المتحدث باسم الحكومة» stay whole)."""
    key = doc.keys[k]
    if key not in _words("group-head"):
        return False
    prev = doc.keys[k - 1]
    if doc.toks[k - 1].kind == "punct" or prev in _words("construct-before") or prev.startswith("ال"):
        return False
    agent = lexicon().agents.get(prev) or lexicon().agents.get(prev[2:] if prev.startswith("ال") else prev)
    return not (agent and agent[1])  # «قائد قوات»: the title governs the group


def _speaker_before(doc: _Doc, cue: int, sent_start: int) -> tuple[int, int] | None:
    """Speaker words before the cue in subject-verb order: back to the sentence start or a comma."""
    k = cue - 1
    while k >= 0 and doc.toks[k].start >= sent_start and doc.keys[k] in _words("lead"):
        k -= 1
    end = k + 1
    lex = lexicon()
    while k >= 0 and doc.toks[k].start >= sent_start:
        t = doc.toks[k]
        # «غير أن كيري أكد ...»: a connective or a complementizer opens the clause whose subject speaks
        if (t.kind == "punct" and t.text in "،,.:؛;") or doc.keys[k] in lex.connectives \
                or lex.complementizers.get(doc.keys[k]) == "comp":
            break
        k -= 1
    start = k + 1
    while start < end and doc.keys[start] in _words("lead"):
        start += 1
    if start >= end or end - start > 10:
        return None
    if end - start == 1 and _opens_with_verb(doc, start):
        return None  # «وكتب ... يقول»: a verb alone names nobody
    if end - start > 1 and _opens_with_verb(doc, start):
        # «أعلنت الشرطة الإسرائيلية إطلاق النار على فلسطيني قالت إنه ...»: the words before the cue are a clause of
        # their own; its subject, right after its verb, is the speaker
        a, b = _speaker_after(doc, start + 1, end)
        return (a, b) if b > a else None
    return start, end


def _describes_speaker(t: Token, last: Quote) -> bool:
    """The cue lies between the last quote's cue and its content («وقال مراد، وهو كهربائي يبلغ من العمر 45
    عاما: "..."»): it belongs to words about that speaker."""
    return last.cue_start < t.start < last.content_start and not last.rule.startswith("according-to")


def _nested(doc: _Doc, i: int, last: Quote) -> bool:
    """Cue ``i`` reports inside what the last quote's speaker said («قال إن نتانياهو سبق وأكد أن ...»): it lies
    in that content, and its subject follows that content's complementizer. Such a report belongs to the outer
    quote. A cue after a comma, a relative or «من جانبه» opens a clause of the narrator's and is not nested."""
    if not last.content_start <= doc.toks[i].start < last.content_end:
        return False
    lex = lexicon()
    floor = max(i - 7, -1)
    hit = strip_proclitic(doc.keys[i], lex.cues)
    if hit is not None and hit[1] == 0 and lex.cues[hit[0]].form in ("past", "present"):
        # a bare finite verb far into the content is the reported clause's own («إنه من أجل منع أنصار الحزب من
        # النزول إلى الشارع أعلنت السلطات أنها ...»); «وقال»، «مشيرا» coordinate the narrator's next clause
        floor = max(min(floor, bisect.bisect_left(doc.starts, last.content_start) - 2), -1)
    for k in range(i - 1, floor, -1):
        key = doc.keys[k]
        if lex.complementizers.get(key) == "comp":
            return True
        if doc.toks[k].kind == "punct" or key in _words("relative") or key in lex.connectives \
                or (k >= i - 2 and key in _words("lead")):  # «من جانبه أكد»: lead words stand right before the cue
            return False
    return False


def _formula(doc: _Doc, i: int, hit: tuple[str, int]) -> bool:
    """Cue ``i`` is the narrator's background formula, nobody's words: «ويذكر أن ...»، «يشار إلى أن ...» (with a
    subject, «يذكر التقرير أن», it reports)."""
    lex = lexicon()
    role = lex.clause_words.get(doc.keys[i][hit[1]:])
    if role == "link":
        return True  # «اقرأ أيضا: ...»: a related article's headline («اقرأ» folds to the key of «أقرا»)
    if role != "formula" or i + 1 >= len(doc.keys):
        return False
    return doc.keys[i + 1] in lex.complementizers or doc.keys[i + 1] == _TO


def _not_a_verb(doc: _Doc, i: int, hit: tuple[str, int], cue) -> bool:
    """A verb form of a cue that reads as something else: after «أي» or «كل» a noun («أي طلب»); with «ب» before it
    a noun or another word («بحث» is «discussed», not «ب» + «حث»: a verb takes no «ب»), and so with «ل» before a
    past form («لوصف»: to describe); marked passive with a damma
    on its first letter («وُصف»: was described, nobody speaks); after a word that links a personal name a part of
    the name («صالح بن طالب»)."""
    if i > 0 and (doc.keys[i - 1] in _words("determiner") or (hit[1] == 0 and _in_name(doc, i))):
        return True
    if cue.form not in ("past", "present"):
        return False
    if "ب" in doc.keys[i][:hit[1]] or (cue.form == "past" and "ل" in doc.keys[i][:hit[1]]):
        return True  # «لوصف»: «ل» takes a verbal noun, never a past verb
    word = doc.toks[i].text.lstrip("وف")
    return len(word) > 1 and word[1] == "\u064f"


def _in_name(doc: _Doc, k: int) -> bool:
    """Word ``k`` follows a word that links a personal name («بن»، «أبو»): it is part of the name, whatever
    else it spells («صالح بن طالب»)."""
    return k > 0 and doc.keys[k - 1] in _words("name-link")


def _related_line(doc: _Doc, s_start: int, i: int) -> bool:
    """Cue ``i`` lies in the headline of a related article («اقرأ أيضا: بريطانيا تبحث طلب روسيا ...»): the
    sentence opens with a ``link`` word of clause_words.tsv."""
    first = bisect.bisect_left(doc.starts, s_start)
    if first >= i:
        return False
    key = doc.keys[first]
    hit = strip_proclitic(key, lexicon().cues)
    return lexicon().clause_words.get(key[hit[1]:] if hit else key) == "link"


def _opens_with_verb(doc: _Doc, k: int) -> bool:
    """A reporting or relation verb («أعلنت»، «أصدرت»...) as written, in the lexicon's verb forms."""
    return lexicon_verb(doc.keys[k])


@dataclass(slots=True)
class _Speaker:
    mention: Mention | None
    text: str
    start: int | None
    end: int | None
    how: str = "after-cue"  # after-cue | before-cue | discourse | antecedent: how the speaker was found
    person: bool = False  # a person NER found: never the speaker of a plural cue


def _make_speaker(doc: _Doc, entities, a: int, b: int) -> _Speaker | None:
    connectives = lexicon().connectives
    while a < b and (doc.keys[a] in connectives or doc.toks[a].kind == "punct"):
        a += 1  # «كما قالت رومان»: the connective opens the clause, it does not speak
    if a >= b or (b - a == 1 and strip_proclitic(doc.keys[a], lexicon().cues) is not None):
        return None  # «وأضاف قائلا»: a second cue is no speaker
    if not _may_name_a_speaker(doc, a) or doc.keys[a] == "ب":
        return None  # «وصفه بـ"..."»: «بـ» written apart heads the content, it names nobody
    start, end = doc.toks[a].start, doc.toks[b - 1].end
    start, end = _trim(doc.text, start, end, quotes=True)
    if start >= end:
        return None
    ent = _entity_in(entities, start, end)
    if ent is not None and ent.type == "PER" and _spoken_for(doc, ent, a):
        # «نبيل أبو ردينة المتحدث باسم الرئيس محمود عباس»: the spokesman speaks, not the man he speaks for
        ent = next((e for e in entities if e.type == "PER" and start <= e.start < ent.start
                    and not _spoken_for(doc, e, a)), None)
    if ent is not None and ent.type == "PER" and _governed_name(doc, ent, a):
        ent = None  # «فريق الدفاع عن أسانج»: the team speaks, not the man it defends
    if ent is not None:
        m = _full_name(doc, ent, a, b) if ent.type == "PER" else _mention(ent)
        return _Speaker(m, m.text, m.start, m.end, person=ent.type == "PER")
    return _Speaker(None, doc.text[start:end], start, end)


def _spoken_for(doc: _Doc, ent: Entity, a: int) -> bool:
    """«باسم» stands before the name within the speaker words, with only a title and its adjective between
    («المتحدث باسم الرئيس رجب طيب أردوغان»، «... باسم الرئيس الفلسطيني محمود عباس», the title inside the name);
    «المتحدث باسم الكرملين ديمتري بيسكوف» names the spokesman himself."""
    k = bisect.bisect_right(doc.starts, ent.start) - 1
    at = next((m for m in range(k - 1, max(a, k - 3) - 1, -1) if doc.keys[m] == _IN_NAME_OF), None)
    titles = lexicon().titles
    return at is not None and all(doc.keys[m] in titles or (m > at + 1 and doc.keys[m].endswith(_NISBA))
                                  for m in range(at + 1, k))


def _governed_name(doc: _Doc, ent: Entity, a: int) -> bool:
    """A preposition stands right before the name, inside the speaker words."""
    k = bisect.bisect_right(doc.starts, ent.start) - 1
    return k - 1 >= a and lexicon().clause_words.get(doc.keys[k - 1]) == "preposition"


_ALI = word_key("علي")
_NOT_DOING = word_key("عدم")  # «عدم ذكر»: the verbal noun of a cue, negated
_WHAT = word_key("ما")
_TO = word_key("إلى")
_ON = word_key("على")  # folds with «علي»: the written «ى» tells the preposition


def _full_name(doc: _Doc, ent: Entity, a: int, b: int) -> Mention:
    """A person entity widened over the rest of the name inside the speaker words [a, b): one given name before
    it and «بن/عبد/آل» links plus one family name after it («سعيد [بن علي] البسامي»); titles and descriptions
    («رئيس»، «المتحدث») stay out."""
    lex = lexicon()
    span = doc.token_range(ent.start, ent.end)
    t0, t1 = span.start, span.stop
    if t1 <= t0:
        return _mention(ent)

    def name_word(k: int) -> bool:
        key = doc.keys[k]
        return (doc.toks[k].kind == "ar" and len(key) > 1 and key != _IN_NAME_OF and key not in lex.agents
                and _strip_al(key) not in lex.agents
                and key not in _words("stop") and key not in _words("lead") and strip_proclitic(key, lex.cues) is None)

    s = t0
    if s - 1 >= a and name_word(s - 1) and not doc.keys[s - 1].startswith("ال"):
        s -= 1  # the given name before «بن ...»
    e = t1
    while e < b and e - t1 < 3 and name_word(e) and (doc.keys[e - 1] in _words("name-link") or doc.keys[e] in _words("name-link")):
        e += 1
    if e < b and name_word(e) and doc.keys[e].startswith("ال") and not doc.keys[e - 1].startswith("ال"):
        e += 1  # the family name: «بن علي البسامي»
    if s == t0 and e == t1:
        return _mention(ent)
    start, end = doc.toks[s].start, doc.toks[e - 1].end
    return Mention(start, end, doc.text[start:end], ent.actor_id)


def _strip_al(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _opener(doc: _Doc, i: int, stop: int, preps: tuple[str, ...], max_words: int, direct_at=None):
    """Find what opens the content after cue token ``i``: (kind, token index) or None."""
    lex = lexicon()
    words = 0
    claimed = False
    closing = ""  # the closing marks of a short quoted name being read («محطة «إن تي في» أن ...»)
    aside = False  # inside «، وهو كهربائي يبلغ من العمر 45 عاما»: words about the speaker
    owned = -1  # the complementizer a conjunction owns («، إلا أنها ...»، «بعد أن ...»): it opens nothing
    skip_to = -1  # the comma that closes a circumstantial aside («، خلال الكلمة التي ألقاها ...،»)
    for k in range(i + 1, stop):
        if k < skip_to:
            continue
        t = doc.toks[k]
        key = doc.keys[k]
        if t.kind == "punct":
            if t.text == ":":
                return "colon", k, k
            if t.text in "،," and not aside and k > i + 1:
                skip_to = _circumstance_end(doc, k, stop)
            if t.text in "،,":
                aside = k > i + 1 and k + 1 < stop and doc.keys[k + 1] in _words("aside") and not aside
            if closing and t.text in closing:
                closing = ""
                continue
            if t.text in OPENING and (direct_at is None or t.start in direct_at):
                if direct_at is not None and _names_before_complement(doc, direct_at[t.start], stop):
                    closing = OPENING[t.text]
                    continue  # «أفاد تقرير صادر عن "مؤسسة ..." بأن ...»: a quoted name, the content follows
                return "quote", k, k
            if t.text in OPENING and not closing:
                closing = OPENING[t.text]  # too short for a quotation: a name, whose words open nothing
            if t.text in ".؟?!":
                return None
            continue
        if aside:
            continue
        words += 1
        if words > max_words:
            return None
        if closing:
            continue
        if key in lex.comp_owners:
            owned = _owned_complementizer(doc, k, stop)
        kind = lex.complementizers.get(key) if k != owned else None
        if kind == "comp":
            return "comp", k, k
        if kind == "prep" and k + 1 < stop and k + 1 != owned and lex.complementizers.get(doc.keys[k + 1]) == "comp":
            return "comp", k + 1, k
        if key == "عن" and key in preps:  # «كشف عن»: what the cue's «عن» heads is the content
            if claimed:  # «أعلن التنظيم مسؤوليته عن الهجوم»: a claim of responsibility, not words said
                return None
            return "about", k, k
        if _RESPONSIBILITY.match(key):
            claimed = True
        if strip_proclitic(key, lex.cues) and words > 1 and not _in_name(doc, k):
            return None
    return None


def _circumstance_end(doc: _Doc, k: int, stop: int) -> int:
    """The closing comma of a circumstantial aside that the comma ``k`` opens between a cue and its opener: a
    phrase of a preposition or an adjunct («، خلال الكلمة التي ألقاها في مدينة القامشلي ...،»، «، بمناسبة يوم
    الصحافة اليمنية ...،»، «، الأحد،») with no complementizer or colon in it (a quoted name may be: «ونقلتها
    "وكالة أنباء هاوار"»); -1 when none. Wider than ``clauses.past_aside`` (eight words, no verb), which reads
    asides after a relation's subject: before an opener the aside may hold a relative clause and run to 20 words."""
    lex = lexicon()
    n = k + 1
    if n >= stop or doc.toks[n].kind != "ar" or doc.keys[n] in lex.complementizers or not (
            lex.clause_words.get(doc.keys[n]) in ("preposition", "adjunct") or _preposition_phrase(doc, n, "ب")):
        return -1  # «، عن ...»، «، إلى أن ...»: what the cue's own preposition heads is no aside
    m = n + 1
    while m < min(stop, n + 20):
        text = doc.toks[m].text
        if text in "،,":
            return m
        if text in ":.؟?!" or lex.complementizers.get(doc.keys[m]) == "comp":
            return -1
        if text in OPENING:  # a short quoted name goes on; a quotation is the content («عبر حسابه "لقد ..."»)
            m = next((c + 1 for c in range(m + 1, min(stop, m + 7)) if doc.toks[c].text in OPENING[text]), -1)
            if m < 0:
                return -1
            continue
        m += 1
    return -1


def _owned_complementizer(doc: _Doc, k: int, stop: int) -> int:
    """The «أن» that the conjunction at ``k`` owns: right after it («إلا أن») or after its «من» («بالرغم من أن»);
    -1 when none follows."""
    lex = lexicon()
    for n in (k + 1, k + 2):
        if n < stop and lex.complementizers.get(doc.keys[n]) == "comp":
            return n
        if n >= stop or lex.complementizers.get(doc.keys[n]) != "prep":
            return -1
    return -1


def _subordinate(doc: _Doc, m: int, stop: int) -> bool:
    """A conjunction with its own «أن» at ``m`` («إلا أنها استثنت ...»، «رغم أن ...»): a clause no noun phrase
    holds, so a noun-phrase content ends before it. Prepositions that own «أن» («بعد أن») may qualify the noun."""
    key = doc.keys[m]
    return key in lexicon().comp_owners and lexicon().clause_words.get(key) != "preposition" \
        and _owned_complementizer(doc, m, stop) > m


def _names_before_complement(doc: _Doc, d: tuple[int, int, int, int], stop: int) -> bool:
    """A short quoted passage before «أن/إن/بأن» is a name inside the speaker words, not the content: right before
    it, or with the rest of the speaker words between («أعلن قائد "اللواء السادس حرس حدود" العميد حسين حسان الغمري
    مساء الثلاثاء أن ...»)."""
    inner = doc.token_range(d[2], d[3])
    after = bisect.bisect_left(doc.starts, d[1])
    if len(inner) > 6:
        return False
    lex = lexicon()
    for k in range(after, min(stop, after + 8)):
        if lex.complementizers.get(doc.keys[k]) == "comp":
            return True
        if doc.toks[k].kind == "punct" or strip_proclitic(doc.keys[k], lex.cues):
            return False
    return False


class _Reading:
    """What the stage keeps while it reads one article (built per call, never shared): its words, the direct
    quotations of its blocks, the quotes found so far and the discourse's current speaker — who spoke last and
    where that quote ended."""

    def __init__(self, article: Article, settings: Settings):
        self.qs = settings.quotes
        self.doc = _Doc(article)
        self.view = TokenView.of(article)
        self.text = article.text
        self.entities = tuple(article.entities or ())
        # direct quotes per block (a quote may run over sentences, not over paragraphs)
        blocks = [(b.start, b.end) for b in article.blocks] or [(0, len(self.text))]
        self.direct = [d for a, b in blocks for d in _direct_spans(self.text, a, b, self.qs.min_direct_words)]
        self.direct_at = {d[0]: d for d in self.direct}
        self.used_direct: set[int] = set()
        self.subjects = _clause_subjects(article)
        self.found: list[Found] = []
        self.last: _Speaker | None = None
        self.last_end = -1

    def inside_direct(self, offset: int) -> bool:
        return any(d[2] <= offset < d[3] for d in self.direct)

    def continuing(self, offset: int, plural: bool = False, feminine: bool = False) -> _Speaker | None:
        """The discourse's current speaker: the last quote's, or the subject of a later clause that opens with a
        verb in the same paragraph («وحمّلت النقابة الحوثيين ... وأكدت أن ...»); a feminine cue never continues a
        man («وقال عامل نيبالي ... وقالت»)."""
        n = bisect.bisect_left(self.subjects, (offset,)) - 1
        if n >= 0 and self.subjects[n][0] > self.last_end and "\n" not in self.text[self.subjects[n][0]:offset]:
            return None if feminine and _masculine(self.subjects[n][1]) else self.subjects[n][1]
        if self.last is not None and self.last_end >= 0 and \
                self.text.count("\n", self.last_end, offset) <= self.qs.continue_paragraphs:
            return None if feminine and _masculine(self.last) else dataclasses.replace(self.last, how="discourse")
        return None if plural else _antecedent(self.text, self.entities, offset, self.qs.continue_paragraphs)

    def add(self, q: Found, speaker: _Speaker | None) -> None:
        """Record a quote; a speaker given becomes the discourse's current one, up to the quote's end."""
        self.found.append(q)
        if speaker is not None:
            self.last, self.last_end = speaker, q.quote.content_end


@dataclass(slots=True)
class _CueAt:
    """A reporting cue at token ``i`` of its sentence (characters ``s_start``–``s_end``, tokens up to ``stop``)."""

    i: int
    tok: Token
    hit: tuple[str, int]  # the cue's key and the characters of its proclitic
    cue: Cue
    s_start: int
    s_end: int
    stop: int

    def carried(self, r: _Reading) -> _Speaker | None:
        return r.continuing(self.tok.start, self.cue.plural, _feminine(r.doc, self.i, self.hit))


def extract(article: Article, settings: Settings) -> list[Found]:
    """The quotes of an article, in reading order: each cue token goes through the declared rules below."""
    r = _Reading(article, settings)
    lex = lexicon()
    doc = r.doc
    for i, t in enumerate(doc.toks):
        if t.kind == "punct":
            continue
        key = doc.keys[i]
        hit = strip_proclitic(key, lex.cues)
        noun = strip_proclitic(key, lex.report_nouns) if hit is None else None
        if hit is None and noun is None and key not in lex.attributions and key[1:] not in lex.attributions:
            continue  # most words: neither a cue nor the start of an «according to» phrase
        s_start, s_end = doc.sentence_of(t.start)
        stop = bisect.bisect_left(doc.starts, s_end)
        if noun is not None:
            _noun_comp(r, i, noun[0], s_start, s_end, stop)
            continue
        if hit is None:
            _according_to(r, i, s_start, s_end, stop)
            continue
        c = _CueAt(i, t, hit, lex.cues[hit[0]], s_start, s_end, stop)
        if not _no_report(r, c):
            _read_cue(r, c)
    return _cut_overlaps(r.text, r.found)


def _read_cue(r: _Reading, c: _CueAt) -> None:
    """The quote of one cue. One said in a relative clause («غولن، الذي تتهمه أنقرة بأنه ...»، «ما وصفه بـ"..."»)
    is embedded: it leaves the words around it whole and the discourse's speaker as it was."""
    embedded = _relative_clause_cue(r.doc, c)
    before, last, last_end = len(r.found), r.last, r.last_end
    opened = _opener(r.doc, c.i, c.stop, c.cue.preps, r.qs.max_speaker_words, r.direct_at)
    if opened is None:
        _without_opener(r, c)
    else:
        _opened_quote(r, c, opened)
    if embedded:
        r.found[before:] = [dataclasses.replace(f, embedded=True) for f in r.found[before:]]
        r.last, r.last_end = last, last_end


def _according_to(r: _Reading, i: int, s_start: int, s_end: int, stop: int) -> None:
    """Rule ``according-to``: «بحسب X»، «وفقا لـ X» outside a direct quotation; the source then speaks on
    («وفقا لسور غول ... وقال إن»)."""
    phrase = attribution_at(r.doc.keys, i, stop)
    if phrase is None or r.inside_direct(r.doc.toks[i].start):
        return
    q = _attributed(r.doc, r.entities, i, phrase, s_start, s_end, stop)
    if q is not None:
        speaker = _Speaker(q.quote.speaker, q.quote.speaker_text, q.speaker_start, q.speaker_end)
        r.add(q, speaker if q.quote.speaker is not None else None)


def _noun_comp(r: _Reading, i: int, noun: str, s_start: int, s_end: int, stop: int) -> None:
    """Rule ``noun-comp``: a reporting verb's noun (report_nouns.tsv) with «أن/إن» after it reports at narrator
    level («غداة إعلان الإدارة المحلية في مدينة عفرين أن الحرب ... دخلت مرحلة جديدة»): its genitive speaks, or,
    for a noun with a pronoun suffix («كررت إسرائيل تحذيرها من أنها ...»), the discourse's speaker. Nothing is
    taken inside a quotation or another quote's content, nor without a speaker."""
    doc, tok = r.doc, r.doc.toks[i]
    last = r.found[-1].quote if r.found else None
    if r.inside_direct(tok.start) or (last is not None and last.cue_start <= tok.start < last.content_end):
        return  # «وقال الوزير في تصريح صحفي إن»: the verb's quote already holds it
    opened = _opener(doc, i, stop, (), r.qs.max_speaker_words)
    if opened is None or opened[0] != "comp":
        return
    _, k, region_end = opened
    base = lexicon().report_nouns[noun]
    cue = Cue(base, "claim", "noun")
    if noun.endswith(PRONOUN_SUFFIXES) and noun not in (base, "ال" + base):
        speaker = _possessor(doc, r.entities, i, s_start) or r.continuing(tok.start)
    else:
        a, b = _speaker_after(doc, i + 1, region_end, r.entities)
        speaker = _make_speaker(doc, r.entities, a, b) if b - a <= r.qs.max_speaker_words // 2 and _names_someone(
            doc, r.entities, a, b) else None
    if speaker is None:
        return
    c = _CueAt(i, tok, (noun, 0), cue, s_start, s_end, stop)
    c_start, c_end = _trim(r.text, doc.toks[k].end, s_end)
    if c_end - c_start < 2:
        return
    c_start, c_end = _split_claims(r, c, speaker, "noun-comp", k, c_start, c_end)
    r.add(_found(speaker, tok, c_start, c_end, False, "noun-comp"), speaker)


def _names_someone(doc: _Doc, entities, a: int, b: int) -> bool:
    """The words after a reporting noun are its genitive, who spoke, only if they name someone: a name NER found
    or an agent or source noun (agents.tsv, speaker_words.tsv) among their first two words — not the noun's
    adjectives («التصريحات الرسمية»، «تصريحات معدة مسبقا»)."""
    lex = lexicon()
    for m in range(a, min(b, a + 2)):
        key = doc.keys[m]
        if _entity_in(entities, doc.toks[m].start, doc.toks[m].end) is not None:
            return True
        if strip_proclitic(key, lex.agents) is not None or _strip_al(key) in _words("source") or _people_noun(key):
            return True
    return False


_PEOPLE = re.compile(r"^(?:ال)?م\w{3,}(?:ين|ون|ي)(?:ه|ها|هم)?$")


def _people_noun(key: str) -> bool:
    """A participle plural naming people, in the construct or with a pronoun («منتقديه»، «معارضي الحكومة»،
    «المحتجون»): مُفعِلون / مُفعِلين."""
    return _PEOPLE.match(key) is not None


def _possessor(doc: _Doc, entities, i: int, s_start: int) -> _Speaker | None:
    """Whom the pronoun suffix of noun ``i`` stands for: the actor NER found at most three words before it in its
    sentence («كررت إسرائيل تحذيرها»), the subject of the verb the noun is the object of."""
    first = max(bisect.bisect_left(doc.starts, s_start), i - 3)
    for e in reversed(entities):
        if e.start >= doc.toks[first].start and e.end <= doc.toks[i].start and (e.actor_id or e.type in ("PER", "ORG")):
            m = _mention(e)
            return _Speaker(m, m.text, m.start, m.end, "before-cue", person=e.type == "PER")
    return None


def _no_report(r: _Reading, c: _CueAt) -> bool:
    """The cue reports nothing of its own: inside a direct quotation or the last quote's report, a noun or a
    passive, the narrator's formula, negated, inside an «according to» phrase or a related article's line,
    «بين» that is «between»."""
    doc, i = r.doc, c.i
    last = r.found[-1].quote if r.found else None
    if r.inside_direct(c.tok.start) or (last is not None and (_nested(doc, i, last) or _describes_speaker(c.tok, last))):
        return True
    if _not_a_verb(doc, i, c.hit, c.cue) or _formula(doc, i, c.hit) or _negated_cue(doc, i) \
            or _in_attribution(doc, i) or _related_line(doc, c.s_start, i) or _inner_pronoun_object(doc, c):
        return True
    return c.hit[0] == "بين" and c.hit[1] == 0 and c.tok.start > c.s_start  # «بين تقرير حديث أن» opens a sentence


def _inner_pronoun_object(doc: _Doc, c: _CueAt) -> bool:
    """A cue with its object attached («تتهمه»، «أخبرني») that reports nothing: written with «ة» it is a noun
    («وصفة»: a recipe, which keys fold to the same letters); whom one tells attached, or a relative clause («الذي
    تتهمه أنقرة بأنه ...»), needs the speaker named right after («وأخبره الجنود هناك أن ...»; «يخبره بأن ...»،
    «ما وصفته بـ...» leave the speaker to a discourse that often has another one)."""
    i = c.i
    if not c.cue.suffixed:
        return False
    if doc.toks[i].text.endswith("ة"):
        return True
    if c.cue.pronoun_object and not _relative_clause_cue(doc, c):
        return False
    a, b = _speaker_after(doc, i + 1, c.stop, doc.entities)
    return b <= a or _make_speaker(doc, doc.entities, a, b) is None


def _relative_clause_cue(doc: _Doc, c: _CueAt) -> bool:
    """A cue with its object attached right after a relative word: a relative clause inside other words."""
    return c.cue.suffixed and c.i > 0 and (
        doc.keys[c.i - 1] in _words("free-relative") or doc.keys[c.i - 1] in _words("relative"))


def _without_opener(r: _Reading, c: _CueAt) -> None:
    """A cue with no إن/أن, colon or quotation after it. Its subject still names who is speaking («ذكر الرئيس ...
    أمس»: a later «وقال إن» continues it; after an object cue those words are its object, which the object reader
    reads itself); then the first of the rules ``_NO_OPENER_RULES`` that gives a quote."""
    doc, cue = r.doc, c.cue
    if cue.form in ("past", "present") and cue.content != "object":
        a, b = _speaker_after(doc, c.i + 1, c.stop, r.entities)
        named = _make_speaker(doc, r.entities, a, b) if b - a <= r.qs.max_speaker_words // 2 else None
        if named is not None and doc.keys[a] not in _words("pronoun"):
            r.last, r.last_end = named, c.tok.end
    prev = [d for d in r.direct if d[1] <= c.tok.start and r.text[d[1]:c.tok.start].strip(" ،,.-–") in ("", "و")
            and d[0] not in r.used_direct and d[1] >= c.s_start - 2]
    for _, rule in _NO_OPENER_RULES:
        done = rule(r, c, prev)
        if done is not None:
            r.add(*done)
            return


def _quote_before_cue(r: _Reading, c: _CueAt, prev: list) -> tuple[Found, _Speaker | None] | None:
    """Rule ``quote-before-cue``: «"..."، قال X» — a direct quote just before a finite cue is its content."""
    if not prev or c.cue.form == "participle":
        return None
    d = prev[-1]
    a, b = _speaker_after(r.doc, c.i + 1, c.stop, r.entities)
    named = _make_speaker(r.doc, r.entities, a, b) if b - a <= r.qs.max_speaker_words // 2 else None
    speaker = named or c.carried(r)
    r.used_direct.add(d[0])
    return _found(speaker, c.tok, d[2], d[3], True, "quote-before-cue"), speaker


def _as_said_rule(r: _Reading, c: _CueAt, prev: list) -> tuple[Found, _Speaker | None] | None:
    """Rule ``as-said``: «...، كما قال X.» — a finite cue after «، كما» that ends the sentence with nothing to open
    reports the sentence before it («ووصل ظريف صباح الاثنين إلى دمشق ...، كما قال الناطق باسم الخارجية ...»);
    its subject speaks."""
    doc, i = r.doc, c.i
    if prev or c.cue.form not in ("past", "present") or c.hit[1] or i < 4 or doc.keys[i - 1] != _AS \
            or doc.toks[i - 2].text not in "،," or doc.toks[i - 2].start <= c.s_start:
        return None
    if any(doc.toks[m].text in "،," for m in range(i + 1, c.stop)):
        return None  # «...، كما تقول تركيا، لشن هجمات»: an aside within the sentence, not its source
    a, b = _speaker_after(doc, i + 1, c.stop, r.entities)
    speaker = _make_speaker(doc, r.entities, a, b) if b - a <= r.qs.max_speaker_words // 2 else None
    if speaker is None or r.inside_direct(c.s_start):
        return None
    c_start, c_end = _trim(r.text, c.s_start, doc.toks[i - 2].start)
    words = sum(1 for m in doc.token_range(c_start, c_end) if doc.toks[m].kind != "punct")
    if words < 3:
        return None
    return _found(speaker, c.tok, c_start, c_end, False, "as-said"), speaker


def _object_rule(r: _Reading, c: _CueAt, prev: list) -> tuple[Found, _Speaker | None] | None:
    """Rule ``object``: an object cue's object is its content (``_object_content``)."""
    if prev or c.cue.content != "object":
        return None
    q = _object_content(r.doc, r.view, c.i, c.stop, c.s_end, c.cue, c.carried(r), c.hit[1] == 0)
    return (q, _discourse_speaker(q)) if q is not None else None


def _prep_rule(r: _Reading, c: _CueAt, prev: list) -> tuple[Found, _Speaker | None] | None:
    """Rule ``prep-object``: the noun phrase a complement cue's preposition heads (``_prep_content``), not for a
    cue inside the last quote's content (a report nested in it)."""
    if prev or c.cue.content == "object" or not c.cue.preps:
        return None
    last = r.found[-1].quote if r.found else None
    if last is not None and last.content_start <= c.tok.start < last.content_end:
        return None
    q = _prep_content(r.doc, r.entities, c.i, c.stop, c.s_end, c.cue, c.carried(r))
    return (q, _discourse_speaker(q)) if q is not None else None


def _discourse_speaker(q: Found) -> _Speaker | None:
    return _Speaker(q.quote.speaker, q.quote.speaker_text, q.speaker_start, q.speaker_end) \
        if q.speaker_start is not None else None


# The rules for a cue with no opener, in order; the first that gives a quote decides (each records its name
# as the quote's rule).
_NO_OPENER_RULES = (
    ("quote-before-cue", _quote_before_cue),
    ("as-said", _as_said_rule),
    ("object", _object_rule),
    ("prep-object", _prep_rule),
)


def _opened_quote(r: _Reading, c: _CueAt, opened: tuple[str, int, int]) -> None:
    """Rules ``comp``, ``colon``, ``quote``, ``about``: what the opener found starts the content; the speaker is
    the object cue's subject, the words after the cue, the subject before it or the discourse's."""
    kind, k, region_end = opened
    doc = r.doc
    obj = _object_before_complement(doc, r.view, r.entities, c.i, k, c.cue, c.hit[1] == 0) \
        if kind in ("comp", "quote") else None
    if kind == "quote" and obj is not None:
        if obj[0] is None or obj[0].mention is None or obj[1] >= k:
            obj = None  # only a subject NER named splits the words before a quotation safely
        else:
            # «واتهم الرئيس الأمريكي ترامب ألمانيا بإنفاق "أكثر قليلا من 1بالمائة" من ناتجها ...»: the quotation
            # is part of the object's content, which runs on to the clause's end
            q = _object_found(doc, c.i, obj[1], c.stop, c.s_end, obj[0], "object", 3)
            if q is not None:
                r.add(q, obj[0])
            return
    speaker = _opened_speaker(r, c, obj, region_end)
    if kind == "quote" or (kind == "colon" and k + 1 < c.stop and doc.toks[k + 1].text in OPENING):
        d = r.direct_at.get(doc.toks[k].start if kind == "quote" else doc.toks[k + 1].start)
        if d is None:
            return
        r.used_direct.add(d[0])
        c_start, c_end, is_direct = d[2], d[3], True
    else:
        c_start, c_end, is_direct = doc.toks[k].end, c.s_end, False  # a colon may open a quote to the block's end
    if obj is not None:
        c_start = doc.toks[obj[1]].start
    c_start, c_end = _trim(r.text, c_start, c_end)
    if c_end - c_start < 2:
        return
    if not is_direct:
        c_start, c_end = _split_claims(r, c, speaker, kind, k, c_start, c_end)
    r.add(_found(speaker, c.tok, c_start, c_end, is_direct, kind), speaker)


def _opened_speaker(r: _Reading, c: _CueAt, obj, region_end: int) -> _Speaker | None:
    """Who speaks in an opened quote: an object cue's subject («ووصفوا الخطوة بأنها ...»: the object is part of
    the content, not the speaker), the words after a finite cue, the subject before it, else the discourse's."""
    doc = r.doc
    speaker: _Speaker | None = None
    if obj is not None:
        speaker = obj[0]
    elif c.cue.form != "participle":
        a, b = _speaker_after(doc, c.i + 1, region_end, r.entities)
        if c.cue.addressee:
            b = _teller_end(doc, a, b)
        speaker = _make_speaker(doc, r.entities, a, b)
        if speaker is None and not (c.cue.pronoun_object and c.hit[1] > 0):
            # «... ووصفها بأنها»: after «و» the words before are the clause before, whose speaker goes on
            before = _speaker_before(doc, c.i, c.s_start)
            if before is not None and _pronoun(doc, before[0]):
                speaker = _local_antecedent(doc, r.entities, before[0], c.s_start)
            elif before is not None and doc.keys[before[0]] not in _words("relative"):
                speaker = _make_speaker(doc, r.entities, *before)
                if speaker is not None:
                    speaker.how = "before-cue"
    return speaker or c.carried(r)


def _teller_end(doc: _Doc, a: int, b: int) -> int:
    """Where the teller of «أخبر/أبلغ» ends: before the bare noun after a definite one, whom he tells («وأخبر
    الرجل محكمة مقاطعة هاستينغز إنه ...»), though that noun may name a body elsewhere («محكمة»)."""
    for m in range(a + 1, b):
        if doc.keys[m - 1].startswith("ال") and not doc.keys[m].startswith(("ال", "ل", "ب", "و")) \
                and doc.toks[m].kind == "ar" and _entity_in(doc.entities, doc.toks[m - 1].start, doc.toks[m].end) is None:
            return m
    return b


def _pronoun(doc: _Doc, k: int) -> bool:
    """A personal pronoun, with or without «و»/«ف» («فهو اعتبر أن ...»، «وهي ترى أن ...»)."""
    key = doc.keys[k]
    return key in _words("pronoun") or (key[:1] in ("و", "ف") and key[1:] in _words("pronoun"))


def _local_antecedent(doc: _Doc, entities, k: int, s_start: int) -> _Speaker | None:
    """The person a subject pronoun at token ``k`` stands for when its sentence named one before it («إلا أن مدير
    المرصد، رامي عبد الرحمن، كان له رأي آخر، فهو اعتبر أن ...»): the nearest; else None (the discourse's)."""
    at = doc.toks[k].start
    for e in reversed(entities):
        if e.end <= at and e.start >= s_start and e.type == "PER":
            m = _mention(e)
            return _Speaker(m, m.text, m.start, m.end, "antecedent", person=True)
    return None


def _split_claims(r: _Reading, c: _CueAt, speaker, kind: str, k: int, c_start: int, c_end: int) -> tuple[int, int]:
    """An indirect content read to its clause's end: «... وإنه حصل على ...» (a coordinated «و+إن/أن») starts a
    second claim of the same speaker, recorded here; «، وحذر ...»، «، لكنها ...»، «، بحسب ...»: a new clause ends
    the content (the clause layer's test), unless it stands inside a quotation. Returns the last claim's span."""
    doc, lex = r.doc, lexicon()
    for m in doc.token_range(c_start, c_end):
        mk = doc.keys[m]
        if m > k + 2 and mk[:1] == "و" and lex.complementizers.get(mk[1:]) == "comp":
            r.found.append(_found(speaker, c.tok, c_start, doc.toks[m].start, False, kind))
            c_start = doc.toks[m].end
        elif m > k + 2 and (doc.toks[m - 1].text in "،," and ends_report(doc.keys, m)
                            or kind == "about" and mk in lex.contrasts) and not r.inside_direct(doc.toks[m].start):
            # inside a quotation the speaker's own «، لكن ...» goes on; outside it is the narrator's
            c_end = doc.toks[m].start  # a noun phrase after «عن» ends at a contrast: «... لكنه لم يشر ...»
            break
    return _trim(r.text, c_start, c_end)




def _object_content(doc: _Doc, view, i: int, stop: int, s_end: int, cue, carried, bare: bool):
    """A quote whose content is the verb's object («اتهم مادورو كولومبيا بالضلوع ...»، «حذر الوزير من ...»). The
    clause layer reads who speaks: the subject after the verb, with its title read on to the name and an apposed
    name («أعلن رئيس اللجنة العليا للانتخابات، سعدي غوفن، فوز ...»), or the topic before it («بيد أن الأسد ينفي
    وجود ...»); with neither, the discourse's current speaker («ودعا الجميع إلى ...»)."""
    lo, hi = clauses.bounds(view, i)
    k = i + 1
    while k < stop and doc.keys[k] in _words("lead"):
        k += 1
    speaker, k = _object_speaker(doc, view, i, k, lo, hi, cue, bare)
    if speaker is None and carried is not None and cue.plural and carried.person:
        carried = None  # «وأعلنوا السيطرة ...»: a plural cue is not one person's words
    speaker = speaker or carried
    k = _past_place(doc, k, stop)  # «واشتكى السكان المحليون في أكابولكو من زيادة أعمال العنف»
    while k < stop:  # «أعلن الجيش، الخميس، نقل ...»: commas and the time between the subject and the object
        past = k + 1 if doc.toks[k].kind == "punct" and doc.toks[k].text in "،," else clauses.adjunct_end(doc.keys, k, stop)
        if past == k:
            break
        k = past
    if k < stop and doc.keys[k] in cue.preps:
        k += 1
    if k >= stop or speaker is None or doc.toks[k].kind != "ar" or doc.keys[k] in _words("stop") \
            or doc.keys[k] in _words("not-object") or doc.keys[k] in _words("relative") \
            or doc.keys[k] in _words("pronoun") or _preposition_phrase(doc, k):
        return None  # «أعلن البيت الأبيض أمس»، «طلب منهما»: no object opens here
    # two words will do when the subject stands right after the verb («وينفي مانافورت جميع التهم»، «وأعلنت إسرائيل
    # مسؤوليتها عنها»); a speaker carried or read before the verb needs three
    return _object_found(doc, i, k, stop, s_end, speaker, "object", 2 if speaker.how == "after-cue" else 3)


def _past_place(doc: _Doc, k: int, stop: int) -> int:
    """The token after «في» and a place NER found right after the subject («السكان المحليون في أكابولكو»): where
    the subject is, not the object; ``k`` when no such phrase stands there."""
    if not (k + 1 < stop and doc.keys[k] == "في"):
        return k
    e = _entity_in(doc.entities, doc.toks[k + 1].start, doc.toks[k + 1].end)
    if e is None or e.type != "LOC" or e.start != doc.toks[k + 1].start:
        return k
    return doc.token_range(e.start, e.end).stop


def _object_found(doc: _Doc, i: int, k: int, stop: int, s_end: int, speaker, rule: str, min_words: int):
    """The quote of cue ``i`` whose content is the noun phrase from token ``k`` to the end of its clause: a comma
    before the narrator's next clause ends it («اتهم مادورو كولومبيا بالضلوع ...، لكنه لم يقدم ...»)."""
    c_end = s_end
    contrasts = lexicon().contrasts
    for m in range(k + 2, stop):
        if doc.keys[m] in contrasts or doc.toks[m - 1].text in "،," and (
                ends_report(doc.keys, m) or doc.keys[m] in _words("relative") or _subordinate(doc, m, stop)):
            c_end = doc.toks[m].start  # «، التي شهدت ...»: the narrator's aside on the object; «لكنه لم ...»
            break
    c_start, c_end = _trim(doc.text, doc.toks[k].start, c_end)
    if sum(1 for m in doc.token_range(c_start, c_end) if doc.toks[m].kind != "punct") < min_words:
        return None
    return _found(speaker, doc.toks[i], c_start, c_end, False, rule)



def _prep_content(doc: _Doc, entities, i: int, stop: int, s_end: int, cue, carried):
    """A complement cue with no إن/أن whose preposition heads the content right after its subject («وشدد الوزير
    على ضرورة ...»، «مشيرا إلى الجهود ...»): the noun phrase after the preposition is the content (the independent
    convention); the subject speaks, or with none the discourse's speaker. «عن» is the opener's («كشف عن»)."""
    a, b = (i + 1, i + 1) if cue.form == "participle" else _speaker_after(doc, i + 1, stop, entities)
    if cue.form == "present" and a == b:
        return None  # «أدلة تشير إلى ...»، «التقارير تشير إلى ...»: what indicates stands before the verb, nobody speaks
    k = b
    while k < stop and doc.toks[k].kind == "punct" and doc.toks[k].text in "،,":
        k += 1
    if k + 1 >= stop or doc.keys[k] not in cue.preps or (doc.keys[k] == _ON and not doc.toks[k].text.endswith("ى")):
        return None  # «علي» written so is the name, not «على»
    k += 1
    if doc.toks[k].kind != "ar" or doc.keys[k] in _words("stop") or doc.keys[k] in _words("not-object") \
            or doc.keys[k] in _words("relative") or doc.keys[k] in _words("pronoun") or doc.keys[k] in lexicon().complementizers:
        return None
    speaker = (_make_speaker(doc, entities, a, b) if b > a else None) or carried
    if speaker is None:
        return None
    return _object_found(doc, i, k, stop, s_end, speaker, "prep-object", 2)


def _object_before_complement(doc: _Doc, view, entities, i: int, k: int, cue, bare: bool):
    """(speaker or None, object token) when an object-content cue has its object before the complementizer
    ``k`` («وصف نتنياهو الاتفاق بأنه ...»، «اتهم الوزير الحوثيين بأنهم ...»): the content starts at the object
    (the independent convention), the speaker is the clause's subject. None when nothing but the subject, an
    adjunct or a phrase («في بيان») stands before ``k``."""
    if cue.content != "object":
        return None
    lo, hi = clauses.bounds(view, i)
    start = i + 1
    while start < k and doc.keys[start] in _words("lead"):
        start += 1
    speaker, obj = _object_speaker(doc, view, i, start, lo, min(hi, k), cue, bare)
    while obj < k:
        if doc.toks[obj].kind != "punct":
            past = clauses.adjunct_end(doc.keys, obj, k)  # «أمس»، «الشهر الماضي»
            if past == obj:
                break
            obj = past
            continue
        if doc.toks[obj].text in OPENING:
            return None  # «أعلن قائد "اللواء السادس" العميد ... أن»: a quoted name goes on with the speaker words
        obj += 1
    if obj + 1 < k and doc.keys[obj] in cue.preps:
        obj += 1  # «دعا المصدر إلى عدم تصديق رواية الأسد بأنه انتصر»: the preposition heads the object
    if obj >= k or doc.toks[obj].kind != "ar" or lexicon().clause_words.get(doc.keys[obj]) is not None \
            or doc.keys[obj] in _words("stop") or doc.keys[obj] in _words("not-object") \
            or doc.keys[obj] in _words("event") or _preposition_phrase(doc, obj) or _addressee(doc, entities, obj):
        return None
    return speaker, obj


def _object_speaker(doc: _Doc, view, i: int, k: int, lo: int, hi: int, cue, bare: bool) -> tuple[_Speaker | None, int]:
    """The subject of an object-content cue and the token where its object starts; ``bare``: the verb has no
    «و»/«ف», so a topic may stand before it (after «و» the words before belong to the previous clause)."""
    if cue.form == "participle":
        return None, k
    subject, after = clauses.subject_and_partners(view, i, hi)
    if subject is not None and subject.t0 >= k and _object_in_subject_place(doc, cue, after, hi):
        return None, subject.t0  # «واتهم الميليشيا بالتلاعب ...»: no subject; the discourse's speaker accuses
    if subject is not None and subject.t0 >= k:
        if subject.actor_id is None:
            after = _past_adjectives(doc, _past_in_name_of(doc, after, hi), hi)
            named = _apposed_words(doc, view, after, hi)
            if named is not None:  # «وصف رئيس اللجنة العليا للإغاثة في اليمن، عبدالرقيب فتح بشدة، استمرار ...»
                return named
            start, end = subject.start, doc.toks[after - 1].end
            return _Speaker(None, doc.text[start:end], start, end, "after-cue"), clauses.past_aside(view, after, hi)
        return _arg_speaker(subject, "after-cue", view), clauses.past_aside(view, after, hi)
    if cue.pronoun_object:
        named = _subject_before_object(doc, view, k, hi)
        if named[0] is not None or not bare:
            return named
    if cue.prep_subject:
        named = _subject_before_prep(doc, view, cue, k, hi)
        if named is not None:
            return named
    if k < hi and _strip_al(doc.keys[k]) in _words("source"):
        end = _source_end(doc, k, hi)
        start, stop = doc.toks[k].start, doc.toks[end - 1].end
        return _Speaker(None, doc.text[start:stop], start, stop, "after-cue"), clauses.past_aside(view, end, hi)
    plural = next((n for n in range(k, min(k + 2, hi)) if _nominative_plural(doc, n)), None)
    if plural is not None and all(doc.toks[n].kind == "ar" for n in range(k, plural + 1)):
        end = _past_adjectives(doc, plural + 1, hi)  # «وانتقد النواب الأوروبيون ...»، «يتهم المعارضون ...»
        start, stop = doc.toks[k].start, doc.toks[end - 1].end
        return _Speaker(None, doc.text[start:stop], start, stop, "after-cue"), clauses.past_aside(view, end, hi)
    if bare:
        topic = clauses.subject_before(view, i, lo)
        if topic is not None and all(_may_precede_topic(doc, view, m) for m in range(lo, topic.t0)):
            return _arg_speaker(topic, "before-cue", view), k
    return None, k


def _subject_before_object(doc: _Doc, view, k: int, hi: int) -> tuple[_Speaker | None, int]:
    """With the object attached to the verb, the words up to its «بـ» phrase or complementizer are the subject,
    named or not («بعد أن اتهمتهم القوى الأمنية بالإخلال بالأمن»، «ويصفه معارضوه بأنه ...»); none when one follows
    at once («واتهمه بتسليح»)."""
    comps = lexicon().complementizers
    named = _words_up_to(doc, view, k, min(len(doc.keys), hi + 1), lambda m: _preposition_phrase(doc, m, "ب")
                         or doc.keys[m] == "ب" or comps.get(doc.keys[m]) == "comp")
    return named or (None, clauses.adjunct_end(doc.keys, k, hi))


def _subject_before_prep(doc: _Doc, view, cue, k: int, hi: int) -> tuple[_Speaker, int] | None:
    """A cue that takes no object before its preposition (reporting.tsv «object» subject): the words between the
    verb and the preposition, with no clause word, are its subject («وأصرت العمدة رومان على ...»)."""
    clause_words = lexicon().clause_words
    return _words_up_to(doc, view, k, hi, lambda m: doc.keys[m] in cue.preps,
                        lambda m: clause_words.get(doc.keys[m]) is not None)


def _words_up_to(doc: _Doc, view, k: int, limit: int, ends, refuses=lambda m: False):
    """(speaker, end) for the up to five words after the adjuncts from ``k`` that run to the first token ``ends``
    accepts (before ``limit``), with no punctuation, no clause opening and none that ``refuses``; None else."""
    k = clauses.adjunct_end(doc.keys, k, limit)  # «ثم اتهمه لاحقاً بتسليح ...»
    end = next((m for m in range(k, min(limit, k + 6)) if ends(m)), None)
    if end is None or end == k or any(not view.is_word(m) or clauses.opens_clause(view.keys, m) or refuses(m)
                                      for m in range(k, end)):
        return None
    start, stop = doc.toks[k].start, doc.toks[end - 1].end
    return _Speaker(None, doc.text[start:stop], start, stop, "after-cue"), end


def _object_in_subject_place(doc: _Doc, cue, after: int, hi: int) -> bool:
    """The one noun phrase after an object-first cue (reporting.tsv «object») is followed by its «بـ» phrase or
    complementizer («اتهم الميليشيا بالتلاعب»، «وصف الخطوة بأنها»): it is the object, not the subject. A manner
    adverb («بشدة») is no such phrase."""
    if not cue.object_first:
        return False
    if after >= hi:
        return True  # the complementizer follows («... بأنها»: ``hi`` is where it stands)
    key = doc.keys[after]
    return _preposition_phrase(doc, after, "ب") and key not in lexicon().connectives \
        and lexicon().complementizers.get(key) != "comp"


_NISBA = ("ي", "ية", "يه", "يون", "يين", "يان")
_AS = word_key("كما")
_IN_NAME_OF = word_key("باسم")


def _apposed_words(doc: _Doc, view, k: int, hi: int) -> tuple[_Speaker, int] | None:
    """A name NER did not find, set off by commas after a title within five words («رئيس اللجنة العليا للإغاثة
    في اليمن، عبدالرقيب فتح، ...»): one to three words with no clause word, verb or digit; the speaker is those
    words, the object starts after the second comma."""
    comma = next((m for m in range(k, min(hi, k + 5)) if doc.toks[m].text in "،,"), None)
    if comma is None or any(not view.is_word(m) or clauses.opens_clause(view.keys, m) for m in range(k, comma)):
        return None
    close = next((m for m in range(comma + 2, min(hi, comma + 5)) if doc.toks[m].text in "،,"), None)
    if close is None:
        return None
    words = range(comma + 1, close)
    if any(doc.toks[m].kind != "ar" or lexicon().clause_words.get(doc.keys[m]) in ("preposition", "boundary",
           "relative") or clauses.opens_clause(view.keys, m) for m in words):
        return None
    start, end = doc.toks[comma + 1].start, doc.toks[close - 1].end
    return _Speaker(None, doc.text[start:end], start, end, "after-cue"), close + 1


def _nominative_plural(doc: _Doc, n: int) -> bool:
    """A sound masculine plural in the nominative («المعارضون»، «سياسيون»، «الأوروبيون»): after a verb it is
    the subject, never the object (that would be «-ين»). Present verbs («يطالبون») and clause words are not."""
    key = doc.keys[n]
    if doc.toks[n].kind != "ar" or len(key) < 5 or not key.endswith("ون") or key[:1] in ("ي", "ت"):
        return False
    lex = lexicon()
    return lex.clause_words.get(key) is None and strip_proclitic(key, lex.cues) is None


def _past_adjectives(doc: _Doc, k: int, hi: int) -> int:
    """The token after the nisba, elative and nominative plural adjectives that close a generic subject («قائد
    القيادة الوسطى الأمريكية»، «مصادر أمنية»، «سياسيون معارضون»), and an emphatic «نفسه» («المصدر نفسه»): a
    definite noun of another shape after it is the object («دعت النقابة الاتحاد»)."""
    words = lexicon().clause_words
    while k < hi and doc.toks[k].kind == "ar" and (words.get(doc.keys[k]) == "emphatic" or (
            words.get(doc.keys[k]) is None and (doc.keys[k].endswith(_NISBA + ("ى",)) or _nominative_plural(doc, k)))):
        k += 1
    return k


def _past_in_name_of(doc: _Doc, k: int, hi: int) -> int:
    """The token after «باسم» and what it names («الناطق باسم حركة المقاومة الإسلامية (حماس)»): a name as NER
    found it, or one word; ``k`` when no «باسم» stands there."""
    if not (k + 1 < hi and doc.keys[k] == _IN_NAME_OF and doc.toks[k + 1].kind == "ar"):
        return k
    ent = _entity_in(doc.entities, doc.toks[k + 1].start, doc.toks[k + 1].end)
    end = doc.token_range(ent.start, ent.end).stop if ent is not None and ent.start >= doc.toks[k + 1].start else k + 2
    if end < hi and doc.toks[end].text == "(":
        end = next((m + 1 for m in range(end + 1, min(hi, end + 8)) if doc.toks[m].text == ")"), end)
    return end


def _source_end(doc: _Doc, k: int, hi: int) -> int:
    """End of a source noun phrase: the noun, «باسم» and what it names, then up to three nisba adjectives
    («مصادر أمنية عراقية»، «متحدث باسم الجيش المصري») and an emphatic «نفسه»."""
    end = k + 1
    if end + 1 < hi and doc.keys[end] == _IN_NAME_OF and doc.toks[end + 1].kind == "ar":
        end += 2
    while end < hi and end - k < 5 and doc.toks[end].kind == "ar" and doc.keys[end].endswith(_NISBA) \
            and lexicon().clause_words.get(doc.keys[end]) is None:
        end += 1
    if end < hi and lexicon().clause_words.get(doc.keys[end]) == "emphatic":
        end += 1  # «المصدر نفسه»
    return end


def _arg_speaker(arg, how: str, view=None) -> _Speaker:
    e = view.entity[arg.t0] if view is not None else None
    return _Speaker(arg.mention(), arg.text, arg.start, arg.end, how, person=e is not None and e.type == "PER")


def _may_precede_topic(doc: _Doc, view, m: int) -> bool:
    """A word that may stand before a clause's topic: a connective or complementizer («بيد أن»، «لكن»، «فيما»)
    or the words of a title («لكن رئيس الوزراء الإسرائيلي بنيامين نتنياهو وصف ...»); never a verb, a
    preposition or a clause boundary, which would make the topic another clause's word."""
    lex = lexicon()
    key = doc.keys[m]
    if key in lex.connectives or key in lex.complementizers or key in _words("lead"):
        return True
    return lex.clause_words.get(key) is None and not clauses.opens_clause(view.keys, m) \
        and not (doc.toks[m].kind == "punct" and doc.toks[m].text not in "\"«»“”")


def _clause_subjects(article: Article) -> list[tuple[int, _Speaker]]:
    """(offset, subject) of each clause that opens with a verb followed by a named actor («وحمّلت النقابة ...»
    is not; «وحمّلت حركة طالبان ...» is): a sentence's first word, or a verb with «و» after a comma («...، وأعلنت
    إسرائيل مسؤوليتها عنها، قائلة إنها ...»). The clause layer's subjects, which the discourse carries to a
    later «وأضاف» or participle."""
    from ..claims import clauses
    from ..claims.view import TokenView

    view = TokenView.of(article)
    after_comma = _after_comma_verbs(view)
    out = []
    for lo, hi in view.sentences:
        for k in _clause_openings(view, lo, hi, after_comma):
            arg = clauses.subject_after(view, k, hi)
            if arg is not None and arg.actor_id and view.entity[arg.t0] is not None:
                out.append((view.toks[k].start, _Speaker(Mention(arg.start, arg.end, arg.text, arg.actor_id),
                                                        arg.text, arg.start, arg.end, "discourse")))
    return out


def _verb_before_name(view, k: int, hi: int) -> bool:
    """A sentence's first word with «و» and a person NER found right after it is a verb of no table before its
    subject («وعبر ترامب في تغريدة ... عن شكره ... قائلا إنه ...»), not a noun or a preposition."""
    key = view.keys[k]
    if key[:1] != "و" or len(key) < 4 or k + 1 >= hi or view.entity[k + 1] is None or view.entity[k + 1].type != "PER":
        return False
    lex = lexicon()
    return view.entity[k] is None and all(lex.clause_words.get(x) is None and x not in lex.complementizers
                                          and x not in lex.titles for x in (key, key[1:]))


def _after_comma_verbs(view) -> list[int]:
    """Token indices of the verbs with «و» right after a comma, in the whole article (the commas found in the
    text, not token by token: this runs for every article)."""
    out = []
    for mark in "،,":
        p = view.text.find(mark)
        while p >= 0:
            m = bisect.bisect_left(view.starts, p)
            if m + 1 < len(view.keys) and view.starts[m] == p and view.keys[m + 1][:1] == "و" \
                    and lexicon_verb(view.keys[m + 1], ("و",)):
                out.append(m + 1)
            p = view.text.find(mark, p + 1)
    return sorted(out)


def _clause_openings(view, lo: int, hi: int, after_comma: list[int]):
    """The verbs that open the clauses of a sentence: its first word, and a verb with «و» right after a comma."""
    k = lo
    while k < hi and not view.is_word(k):
        k += 1
    if k < hi and (lexicon_verb(view.keys[k]) or _verb_before_name(view, k, hi)):
        yield k
    yield from after_comma[bisect.bisect_right(after_comma, k + 1):bisect.bisect_left(after_comma, hi)]


def _negated_cue(doc: _Doc, i: int) -> bool:
    """«ولم يكشف المسؤول عن اسم المرأة»، «طلبن عدم ذكر أسمائهن»: what was not said is no report (a denial is
    its own cue: «نفى»)."""
    if i == 0 or doc.toks[i - 1].kind == "punct":
        return False
    before = doc.keys[i - 1]
    before = before[1:] if before[:1] in ("و", "ف", "ب") and len(before) > 2 else before
    if before == _WHAT:
        return False  # «ما قالت إنه»: «ما» is «what» there
    return lexicon().clause_words.get(before) == "negation" or before == _NOT_DOING


def _in_attribution(doc: _Doc, i: int) -> bool:
    """The cue belongs to an «according to» phrase before it («حسب ما قال»، «حسبما أكد»، «وفق ما ذكرت»): that
    phrase's own quote reports it."""
    j = i - 1 if i > 0 and doc.keys[i - 1] == _WHAT else i
    for a in range(max(0, j - 3), j):
        phrase = attribution_at(doc.keys, a, j)
        if phrase is not None and phrase[0] == j - 1:
            return True
    return False


def _feminine(doc: _Doc, i: int, hit: tuple[str, int]) -> bool:
    """A feminine singular cue form: «قالت»، «أضافت»، «تقول»، «مضيفة» (the cue table gives the form)."""
    cue = lexicon().cues[hit[0]]
    word = doc.keys[i][hit[1]:]
    if cue.plural:
        return False
    if cue.suffixed:  # «ووصفته»، «وأخبرتها»: the object pronoun comes off first
        word = next((word[:-len(s)] for s in PRONOUN_SUFFIXES + ("ني",) if word.endswith(s)), word)
    if cue.form == "past":
        return word.endswith("ت") and not cue.lemma.endswith("ت")
    if cue.form == "present":
        return word.startswith("ت")
    return cue.form == "participle" and word.endswith("ه")


def _masculine(sp: _Speaker) -> bool:
    """A speaker described by a masculine singular head noun («عامل»، «المسؤول»، «مسؤول أمني»); a named person
    may be a woman («ماي»، «ميركل»): the registry does not say."""
    head = sp.text.split()[0] if sp.text.split() else ""
    head = head[2:] if head.startswith("ال") else head
    return bool(head) and sp.mention is None and lexicon().agents.get(word_key(head)) is not None \
        and not word_key(head).endswith(("ه", "ات", "ون", "ين"))


def _antecedent(text: str, entities, offset: int, paragraphs: int) -> _Speaker | None:
    """The nearest person named before ``offset`` within ``paragraphs`` paragraph breaks: the
    antecedent of a subjectless cue when no quote or clause subject came before it («... رومان ... وقالت إنها»);
    a plural cue («مشيرين») never takes one: its subject is a group the NER does not name."""
    for e in reversed(entities):
        if e.end > offset or e.type != "PER":
            continue  # organisations and media are named in passing far more than they speak unannounced
        if text.count("\n", e.end, offset) > paragraphs:
            return None
        return _Speaker(_mention(e), e.text, e.start, e.end, "antecedent")
    return None


def _found(speaker: _Speaker | None, cue: Token, c_start: int, c_end: int, direct: bool, rule: str) -> Found:
    """The quote record; its rule names what opened the content (comp, colon, quote, about, object,
    quote-before-cue, according-to) and how the speaker was found («comp/discourse»)."""
    q = Quote(
        speaker=speaker.mention if speaker else None,
        speaker_text=speaker.text if speaker else "",
        cue_start=cue.start,
        cue_end=cue.end,
        content_start=c_start,
        content_end=c_end,
        direct=direct,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        rule=f"{rule}/{speaker.how}" if speaker else rule,
    )
    return Found(q, speaker.start if speaker else None, speaker.end if speaker else None)


def _suffixed_cue(key: str) -> bool:
    """A reporting verb with an object pronoun («قالته»، «أعلنه»، «ذكرها»)."""
    for suffix in ("ته", "ها", "ه"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2 and reporting_verb(key[:-len(suffix)]):
            return True
    return False


def _attributed(doc: _Doc, entities, i: int, phrase: tuple[int, int], s_start: int, s_end: int, stop: int):
    """Rule ``according-to``: the source of «بحسب X»، «وفقا لـ X» speaks; its claim is the sentence around it."""
    source = _according_source(doc, entities, phrase, stop)
    if source is None:
        return None
    speaker, b = source
    cue = doc.toks[i]
    span = _according_claim(doc, i, b, s_start, s_end, stop)
    if span is None:
        return None
    c_start, c_end = span
    if doc.text[c_start] == "و" and doc.text[c_start + 1:c_start + 2] == " ":
        c_start += 1  # a lone «و» opening the sentence
    c_start, c_end = _trim(doc.text, c_start, c_end)
    if c_end - c_start < 5:
        return None
    q = Quote(speaker.mention, speaker.text, cue.start, doc.toks[phrase[0]].end,
              c_start, c_end, False, speaker.start, speaker.end, "according-to/after-cue")
    return Found(q, speaker.start, speaker.end)


def _according_source(doc: _Doc, entities, phrase: tuple[int, int], stop: int) -> tuple[_Speaker, int] | None:
    """The source named after «بحسب»/«وفق ما ذكر» (with ``b``, the token after its words): «ما», the cue verb and
    a time word («وفق ما ذكر وقتها المرصد») are passed over; a phrase («في أحد خطاباته») names nobody."""
    lex = lexicon()
    end_tok, glued = phrase
    a = end_tok + 1
    if a < stop and doc.keys[a] == "ما":
        a += 1  # «حسبما ذكرت الوكالة»، «وفق ما أعلنه الجيش»
    if a < stop and (strip_proclitic(doc.keys[a], lex.cues) or _suffixed_cue(doc.keys[a])):
        a += 1  # «حسبما ذكرت الوكالة»، «بحسب ما قالته مفوضة التمييز»
    a = clauses.adjunct_end(doc.keys, a, stop)
    b = a
    while b < stop and b - a < 8:
        t = doc.toks[b]
        if t.kind == "punct" and t.text not in "«»\"“”":
            break
        if b > a and (doc.keys[b] in _words("stop") or doc.keys[b] in lex.complementizers):
            break  # «بحسب المصدر أنهم حصلوا ...»: the source ends where its claim opens
        if b > a and _past_definite(doc, b) and not _quoted_open(doc, a, b):
            break  # «ويعيش هؤلاء حسب النقابة ظروف اختطاف سيئة»: a noun with «ال» takes no genitive after it
        b += 1
    if b <= a or not _may_name_a_speaker(doc, a):
        return None
    sp_start = doc.toks[a].start + (glued if a == end_tok + 1 else 0)
    sp_start, sp_end = _trim(doc.text, sp_start, doc.toks[b - 1].end, quotes=True)
    if sp_start >= sp_end:
        return None
    ent = _entity_in(entities, sp_start, sp_end)
    speaker = _Speaker(_mention(ent), ent.text, ent.start, ent.end) if ent else _Speaker(
        None, doc.text[sp_start:sp_end], sp_start, sp_end)
    return speaker, b


def _past_definite(doc: _Doc, b: int) -> bool:
    """Word ``b`` cannot go on the noun phrase before it: that one ends in a word with «ال» (a definite noun is
    no construct: only adjectives, phrases of a preposition and «نفسه» follow it), and ``b`` is a bare noun — no
    «ال», no glued «ل/ب», no clause word, no name NER found and no agent noun («حسب النقابة ظروف اختطاف»)."""
    prev, key = doc.toks[b - 1], doc.keys[b]
    if doc.toks[b].kind != "ar" or prev.kind != "ar" or not doc.keys[b - 1].startswith("ال") \
            or doc.keys[b - 1] in _words("relative"):
        return False  # «التحليل الذي أعده الباحث ...»: a relative clause goes on
    if key.startswith(("ال", "وال", "ل", "ب")) or key == _IN_NAME_OF or key in lexicon().clause_words \
            or key in _words("bound"):
        return False  # an adjective, a phrase («لحقوق الإنسان»، «باسم الجيش»، «في إيران»), «نفسه»
    before = doc.keys[b - 1]
    if before in lexicon().titles or before in _words("rank") or key in given_names.first_words() \
            or key.startswith("و") or key.endswith("ا") or key in _words("not-object"):
        # «اللواء فيصل السنين»، «وزير الدفاع الأمريكي جيم ماتيس»: a rank or title goes on to the name NER may
        # not have found, nor a given name before the surname it found; «وكالة
        # الجمارك وحماية الحدود»: a conjunct; «الشركة المنتجة حاليا»، «الأوسع انتشارا»: an adverb or specifier;
        # «الكثير منهم»: a preposition with its pronoun
        return False
    at = doc.toks[b].start
    after = doc.toks[b + 1].start if b + 1 < len(doc.toks) else at
    return not any(e.start <= at < e.end or e.type == "PER" and e.start == after for e in doc.entities) \
        and strip_proclitic(key, lexicon().agents) is None


def _quoted_open(doc: _Doc, a: int, b: int) -> bool:
    """A quotation mark opened between ``a`` and ``b`` is not closed yet: inside a quoted name («صحيفة "الصنداي
    تايمز"»)."""
    depth = 0
    for m in range(a, b):
        text = doc.toks[m].text
        if text in OPENING and text not in "\"":
            depth += 1
        elif text in "»”":
            depth -= 1
        elif text == "\"":
            depth = 1 - depth
    return depth > 0


def _according_claim(doc: _Doc, i: int, b: int, s_start: int, s_end: int, stop: int) -> tuple[int, int] | None:
    """What the source says: the sentence after the phrase when it opens the sentence («وبحسب التقرير، قام ...»,
    past a relative clause on the source: «وبحسب النتائج الأولية، التي نشرتها الوكالة، حقق ...»), the sentence
    before it when it closes one, the whole sentence when it stands inside («وتشكل هذه المقابلة، بحسب الصحيفة،
    أول مقابلة ...»). None when a finite cue follows: the medium relays that cue's speaker."""
    lex = lexicon()
    cue = doc.toks[i]
    c_start = doc.toks[b - 1].end
    nb = b + 1 if b < stop and doc.toks[b].kind == "punct" else b
    if nb < stop and doc.toks[b].text in "،," and doc.keys[nb] in _words("relative"):
        nb = next((m + 1 for m in range(nb + 1, stop) if doc.toks[m].text in "،,"), nb)
        c_start = doc.toks[nb - 1].end
    if doc.text[s_start:cue.start].strip(" و"):
        # a short lead is a topic waiting for its predicate after the phrase; a long one is the whole claim, and
        # what follows the phrase is an aside on the source («وفقا لما يذكره محمد العيد، مدير شبكة ...»)
        lead = sum(1 for m in doc.token_range(s_start, cue.start) if doc.toks[m].kind != "punct")
        after = sum(1 for m in range(nb, stop) if doc.toks[m].kind != "punct")
        inside = b < stop and doc.toks[b].text in "،," and after >= 3 and lead <= 6
        return (s_start, s_end) if inside else (s_start, cue.start)
    if nb < stop and doc.keys[nb] == "فان":
        return doc.toks[nb].end, s_end
    said = strip_proclitic(doc.keys[nb], lex.cues) if nb < stop else None
    if said is not None and lex.cues[said[0]].form in ("past", "present"):
        return None  # «وحسب فرانس برس، قال "المركز السوداني ..."»: the medium relays; the cue has its speaker
    return c_start, s_end


def _cut_overlaps(text: str, found: list[Found]) -> list[Found]:
    """A content that runs over a later cue ends before it («..., مضيفا أن ...»)."""
    found.sort(key=lambda f: (f.quote.content_start, f.quote.cue_start))
    out: list[Found] = []
    for n, f in enumerate(found):
        q = f.quote
        end = q.content_end
        for g in found[n + 1:]:
            if q.content_start < g.quote.cue_start < end and not q.direct and not g.embedded:
                end = _before_link(text, q.content_start, g.quote.cue_start)
        start, end = _trim(text, q.content_start, end)
        if end - start < 2 or _relays(found[n + 1:], start, end) or _reports_inside(text, q, found[n + 1:]):
            continue
        if end != q.content_end:
            q = dataclasses.replace(q, content_end=end)
            f = Found(q, f.speaker_start, f.speaker_end)
        out.append(f)
    out.sort(key=lambda f: f.quote.cue_start)
    return out


def _before_link(text: str, start: int, end: int) -> int:
    """Where a content cut at a later cue ends: before the word that links the two clauses («بمعاقبة روسيا
    بعدما | اتهمتها بشن ...»، «... الباليستية، حيث | ...»: a conjunction or a connective)."""
    head = text[start:end].rstrip()
    cut = head.rfind(" ")
    lex = lexicon()
    k = word_key(head[cut + 1:]) if cut > 0 else ""
    if k and (lex.clause_words.get(k) == "boundary" or k in lex.connectives):
        return start + cut
    return end


def _reports_inside(text: str, q: Quote, later: list[Found]) -> bool:
    """An «according to» claim that is itself a report («وحسب وكالة الأنباء السعودية، دعت الرسالة ... مجلس الأمن
    إلى»، «اتهمت النيابة ... المهدي ...، بحسب مصدر إعلامي»، «وحسب وسائل إعلام، أصدرت قيادة الحركة بيانا دعت فيه»):
    the medium relays, and the report's own cue names who speaks: a later cue opens the claim, or its speaker
    stands inside the claim."""
    if not q.rule.startswith("according-to"):
        return False
    for f in later:
        g = f.quote
        if not (q.content_start <= g.cue_start < q.content_end) or f.speaker_start is None:
            continue
        if not text[q.content_start:g.cue_start].strip(" ،,و") or q.content_start <= f.speaker_start < g.cue_start:
            return True
    return False


def _relays(later: list[Found], start: int, end: int) -> bool:
    """The content is only the speaker of the next report («ذكرت الوكالة أن الزعيم الكوري الشمالي كيم جونج أون
    قال إن ...»): the medium relays, and the next quote is the report."""
    return any(f.speaker_start is not None and f.speaker_start <= start and end <= f.speaker_end + 1
               for f in later if f.quote.cue_start >= end)


def run(article: Article, settings: Settings) -> Article:
    return dataclasses.replace(article, quotes=tuple(f.quote for f in extract(article, settings)))
