"""Clauses around a predicate: where the clause starts and ends, its subject, its object and the phrases its
prepositions introduce, each argument recording how it was found.

Arabic news clauses are mostly verb-subject-object («اتهم مادورو كولومبيا بالضلوع»), with subject-verb order
after a topic («الجماعة تتلقى ...») and dropped subjects after «و» («وطالبت بـ ...»). The reader keeps to the
clause: a comma before a new verb, a boundary word («حيث»، «لكن»، «الذي») or the end of the sentence closes it,
so an argument or a negation of the next clause is never taken («اتهم مادورو كولومبيا ...، لكنه لم يقدم ...»).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..knowledge.cues import Frame, Trigger, lexicon, readings_of, strip_proclitic, word_key
from ..record import Entity, Mention
from .view import TokenView

_CLOSE = "؛;:.؟?!"


@dataclass(frozen=True, slots=True)
class Arg:
    t0: int  # token range
    t1: int
    start: int
    end: int
    text: str
    actor_id: str | None
    how: str  # the rule that found it: after-verb, before-verb, object, «مع», discourse ...

    def mention(self) -> Mention:
        return Mention(self.start, self.end, self.text, self.actor_id)


def bounds(view: TokenView, i: int) -> tuple[int, int]:
    """Token range of the clause of predicate ``i``."""
    s_lo, s_hi = view.sentence_of(i)
    words = lexicon().clause_words
    lo = i
    while lo > s_lo:
        t, key = view.toks[lo - 1], view.keys[lo - 1]
        if (t.kind == "punct" and t.text in "،," + _CLOSE) or is_boundary(key):
            break
        lo -= 1
    hi = i + 1
    while hi < s_hi:
        t, key = view.toks[hi], view.keys[hi]
        if t.kind == "punct" and t.text in _CLOSE:
            break
        if is_boundary(key):
            break
        if t.kind == "punct" and t.text in "،," and hi + 1 < s_hi and opens_clause(view.keys, hi + 1):
            break
        hi += 1
    return lo, hi


def trigger_readings(view: TokenView, k: int) -> tuple[tuple[Trigger, ...], int]:
    """The relation-trigger readings token ``k`` allows as written, and the characters of its proclitic."""
    triggers = lexicon().triggers
    hit = strip_proclitic(view.keys[k], triggers)
    return (readings_with(view.toks[k].text, hit[0], view.keys[k][:hit[1]]), hit[1]) if hit is not None else ((), 0)


def readings_with(written: str, stem: str, proclitic: str) -> tuple[Trigger, ...]:
    """The readings of trigger key ``stem`` as written after its proclitic. «ب» governs nouns only, so through it
    no verb is reached («وبحث معه الملف» is «discussed», not «ب» + «حث», urged; «باحث» a researcher), save the
    three-letter past whose verbal noun is spelt alike («بطرد دبلوماسيين»، «برفض الاتفاق»)."""
    cands = readings_of(written, lexicon().triggers[stem])
    if not proclitic.endswith("ب"):
        return cands
    return tuple(t for t in cands if t.pos != "verb" or (t.form == "past" and not t.pronoun and len(stem) == 3
                                                          and stem == word_key(t.lemma)))


def is_boundary(key: str) -> bool:
    """A word that opens a new clause (``boundary`` or ``relative`` in clause_words.tsv)."""
    return lexicon().clause_words.get(key) in ("boundary", "relative")


def opens_clause(keys, k: int) -> bool:
    """A word that starts a new clause after a comma: a boundary word or connective («بينما»، «كما»، «لكنه»),
    or a verb of the cue or trigger tables."""
    key = keys[k]
    lex = lexicon()
    if is_boundary(key) or key in lex.connectives:
        return True
    hit = strip_proclitic(key, lex.cues)
    if hit is not None and lex.cues[hit[0]].form in ("past", "present", "participle"):
        return True
    hit = strip_proclitic(key, lex.triggers)
    return hit is not None and any(t.pos == "verb" for t in lex.triggers[hit[0]])


def ends_report(keys, k: int) -> bool:
    """A word that, after a comma, ends the content of a reported clause: a reporting verb or participle (the
    next report: «، مضيفا ...»), an «according to» phrase (the narrator's attribution: «، بحسب وكالات»), or a
    contrast the narrator adds («، لكنها لم تذكر ...»، «، كما نشرت ...»). Relative clauses, «حيث» and
    coordinated verbs stay inside: they go on with what was said."""
    key = keys[k]
    lex = lexicon()
    if key in lex.report_ends or attribution_at(keys, k, len(keys)) is not None:
        return True
    hit = strip_proclitic(key, lex.cues)
    if hit is None or lex.cues[hit[0]].form not in ("past", "present", "participle"):
        return False
    return _opens_its_report(keys, k, lex.cues[hit[0]])


def _opens_its_report(keys, k: int, cue) -> bool:
    """A claim cue that reads a complement ends the clause before it only where its opener follows within six
    words (إن/أن, «:», «عن» or its preposition): «، ونقلا لطائرة أخرى» (they were moved) goes on with what was said."""
    if cue.cls != "claim" or cue.content != "complement":
        return True
    lex = lexicon()
    for m in range(k + 1, min(len(keys), k + 7)):
        if lex.complementizers.get(keys[m]) == "comp" or keys[m] in (":", "عن") or keys[m] in cue.preps:
            return True
    return False


def attribution_at(keys, i: int, stop: int) -> tuple[int, int] | None:
    """(last token index of the phrase, characters of a glued «ل» in the next word) when an «according to»
    phrase of the attribution table («بحسب»، «وفقا لـ»، «نقلا عن») starts at token ``i``."""
    lex = lexicon()
    key = keys[i]
    for first in (key, key[1:] if key[:1] in ("و", "ف") else None):
        if not first or first not in lex.attributions:
            continue
        for phrase in lex.attributions[first]:
            words = phrase.split()
            k, ok = i, True
            for w in words[1:]:
                k += 1
                if k >= stop:
                    ok = False
                    break
                if w == "ل":
                    nk = keys[k]
                    if nk in ("ل", "لـ"):
                        return k, 0
                    if nk.startswith("ل"):
                        return k - 1, 1
                    ok = False
                    break
                if keys[k] != w:
                    ok = False
                    break
            if ok:
                return k, 0
    return None


def _actor_entity(e: Entity | None) -> bool:
    if e is None:
        return False
    if e.actor is not None and e.actor.kind == "place":
        return e.actor_id in lexicon().capitals  # «اتهمت بريطانيا موسكو»: a capital is its government; a town no actor
    return e.type in ("PER", "ORG") or (e.actor_id is not None and e.type != "MISC")


def actor_at(view: TokenView, k: int, how: str) -> Arg | None:
    """The actor that starts at token ``k``: an entity the registry links or NER calls a person or organisation
    (its whole span), or a generic actor noun («المسلحون»، «قوات الأمن»). The dateline is never one."""
    if view.toks[k].start < view.excluded or not view.is_word(k):
        return None
    e = view.entity[k]
    if _actor_entity(e):
        t0 = bisect.bisect_right(view.starts, e.start) - 1
        t1 = bisect.bisect_left(view.starts, e.end)
        if t0 != k:
            return None
        actor = lexicon().capitals.get(e.actor_id, e.actor_id)
        return Arg(t0, max(t1, k + 1), e.start, e.end, e.text, actor, how)
    agents = lexicon().agents
    hit = strip_proclitic(view.keys[k], agents)
    if hit is None or view.keys[k] in lexicon().clause_words:
        return None
    t1 = k + 1
    if agents[hit[0]][1] and t1 < len(view.toks) and view.is_word(t1):
        owner = view.entity[t1]
        if _actor_entity(owner):  # «قوات تحالف دعم الشرعية»: the forces of a named actor are that actor
            t2 = bisect.bisect_left(view.starts, owner.end)
            start = view.toks[k].start
            return Arg(k, max(t2, t1 + 1), start, owner.end, view.text[start:owner.end], owner.actor_id, how)
        if _joins(view, hit[0], t1):
            t1 += 1  # a construct: «قوات الأمن»، «عناصر التنظيم»; a definite noun takes only its adjective
            if not view.keys[t1 - 1].startswith("ال") and t1 < len(view.toks) and view.is_word(t1) \
                    and view.keys[t1].startswith("ال") and lexicon().clause_words.get(view.keys[t1]) is None:
                t1 += 1  # the construct goes on: «منظمات حقوق الإنسان»، «قوات حفظ السلام»
    if hit[0] in lexicon().anaphors:  # «التنظيم»، «الجماعة»: the group the article has named most so far
        start, end = view.chars(k, t1)
        return Arg(k, t1, start, end, view.text[start:end], leading_group(_group_starts(view, k), k), how)
    nxt = view.entity[t1] if t1 < len(view.toks) else None
    if nxt is not None and nxt.type == "NAT" and nxt.actor_id:
        # «القوات المصرية»، «الجيش المصري»: the nationality names whose forces they are
        t2 = bisect.bisect_left(view.starts, nxt.end)
        start, end = view.toks[k].start, nxt.end
        return Arg(k, max(t2, t1 + 1), start, end, view.text[start:end], nxt.actor_id, how)
    start, end = view.chars(k, t1)
    return Arg(k, t1, start, end, view.text[start:end], None, how)


def actor_ending_at(view: TokenView, t: int, floor: int, how: str) -> Arg | None:
    """The actor whose span ends right before token ``t``, starting at ``floor`` or later."""
    for j in range(t - 1, max(floor, 0) - 1, -1):
        a = actor_at(view, j, how)
        if a is not None and a.t1 == t:
            return a
    return None


def _joins(view: TokenView, head: str, n: int) -> bool:
    """The word after an agent noun joins it: a genitive after an indefinite head («قوات الأمن»), an adjective
    after a definite one («القوات الخاصة»); never a preposition or other clause word («الجماعة الى»)."""
    nxt = view.keys[n]
    if lexicon().clause_words.get(nxt) not in (None, "material"):  # «القوات الجوية»، «تجار الأسلحة» join
        return False
    return not head.startswith("ال") or nxt.startswith("ال")


def _group_starts(view: TokenView, k: int) -> list[tuple[int, str]]:
    out = []
    seen = None
    for j in range(k):
        e = view.entity[j]
        if e is not None and e is not seen and e.actor_id and e.actor_id.startswith(("grp:", "mil:")):
            out.append((j, e.actor_id))
        seen = e
    return out


def leading_group(starts: list[tuple[int, str]], i: int) -> str | None:
    """The armed group or force named most often before token ``i`` (the first named wins a tie): what an
    anaphoric «التنظيم»، «الحركة» or «الجماعة» refers to. ``starts`` are (token, actor id) of the mentions."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for t0, aid in starts:
        if t0 < i:
            counts[aid] = counts.get(aid, 0) + 1
            first.setdefault(aid, t0)
    return max(counts, key=lambda aid: (counts[aid], -first[aid])) if counts else None


def adjunct_end(keys, k: int, hi: int) -> int:
    """The token after the adjuncts from ``k`` on: one-word adjuncts of clause_words.tsv («أمس»، «الخميس») and
    two-word time phrases of time_phrases.tsv («الشهر الماضي»، «الأسبوع المقبل»)."""
    lex = lexicon()
    while k < hi:
        if lex.clause_words.get(keys[k]) == "adjunct":
            k += 1
        elif k + 1 < hi and lex.time_words.get(keys[k]) == "period" and lex.time_words.get(keys[k + 1]) == "when":
            k += 2
        else:
            break
    return k


def subject_after(view: TokenView, i: int, hi: int) -> Arg | None:
    """The subject right after verb ``i`` (adjuncts such as «أمس» skipped): a title phrase is read on to the
    name it introduces («حث الرئيس الأمريكي دونالد ترامب ...» is Trump, not America)."""
    k = adjunct_end(view.keys, i + 1, hi)
    if k >= hi:
        return None
    first = actor_at(view, k, "after-verb")
    if first is None or first.actor_id and view.entity[k] is not None and view.entity[k].type == "PER":
        return first
    if view.entity[k] is None and view.keys[k].endswith(("ون", "ين")):
        return first  # «ويتهم المعارضون أردوغان»: a plural is no title, the name after it is the object
    for n in range(first.t1, min(hi, first.t1 + 4)):
        e = view.entity[n]
        if e is not None and e.type == "PER":
            return actor_at(view, n, "after-verb") or first
        if not view.is_word(n) or lexicon().clause_words.get(view.keys[n]) == "preposition":
            break
    return first


def subject_before(view: TokenView, i: int, lo: int) -> Arg | None:
    """The topic before verb ``i`` in its clause («الجماعة تتلقى ...»): the nearest actor, with nothing but
    adjectives between it and the verb."""
    for k in range(i - 1, max(lo, i - 6) - 1, -1):
        a = actor_at(view, k, "before-verb")
        if a is not None and a.t1 >= i - 2:
            return a
    return None


def targets(view: TokenView, k: int, hi: int, frame: Frame) -> list[Arg]:
    """Actors after token ``k`` in the clause that the frame can take as target: its object (not after a
    preposition) or the phrase of one of its prepositions, glued («لحركة») or standalone («مع»)."""
    out = []
    n = k
    while n < hi:
        if frame.speech and opens_complement(view, n, frame):
            break  # «ودعا ملادينوف إلى التنديد باستخدام إسرائيل القوة»: who is asked comes before what is asked
        if view.toks[n].text == "(":  # «منظمة العفو الدولية (أمنستي انترناشونال) الجيش المصري»: a gloss, no target
            n = next((m + 1 for m in range(n + 1, min(hi, n + 12)) if view.toks[m].text == ")"), n + 1)
            continue
        if lexicon().clause_words.get(view.keys[n]) == "mouthpiece":
            n = _past_mouthpiece(view, n + 1, hi)
            continue
        prep = preposition_before(view, n, k)
        a = _on_to_name(view, actor_at(view, n, "object"))
        if a is None:
            n += 1
            continue
        if prep is None and frame.object:
            out.append(a)
        elif prep is not None and prep in frame.preps:
            glued = len(prep) == 1 and view.text[a.start:a.start + 1] == prep
            start = a.start + 1 if glued else a.start  # «بقوات التحالف»: the mention without its «ب»
            out.append(Arg(a.t0, a.t1, start, a.end, view.text[start:a.end], a.actor_id, f"prep:{prep}"))
        n = a.t1
    return out


def _on_to_name(view: TokenView, a: Arg | None) -> Arg | None:
    """A title, counterpart or nationality read on to the person named right after it: «التقى الجبير نظيره
    الأمريكي مايك بومبيو» meets Pompeo, «وزير الخارجية الروسي سيرغي لافروف» is Lavrov, not Russia."""
    if a is None or a.t1 >= len(view.toks):
        return a
    here, nxt = view.entity[a.t0], view.entity[a.t1]
    if (here is not None and here.type == "PER") or nxt is None or nxt.type != "PER":
        return a
    return actor_at(view, a.t1, a.how) or a


def opens_complement(view: TokenView, n: int, frame: Frame) -> bool:
    """Token ``n`` is a complement preposition of a speech act's frame that stands as a word («دعا ... إلى
    التنديد ...»، «حث ... على اجتياز ...»): what follows is what is asked. A glued «ب» is left alone: after
    «ندد» or «أدان» it introduces the one condemned («نددت تركيا باعتراف البرلمان الهولندي»)."""
    key = view.keys[n]
    return len(key) > 1 and key in frame.complement


def _past_mouthpiece(view: TokenView, n: int, hi: int) -> int:
    """The token after «على لسان أمينها العام أنطونيو غوتيريش»: the words up to the person's name, or five."""
    for m in range(n, min(hi, n + 6)):
        e = view.entity[m]
        if e is not None and e.type == "PER":
            return bisect.bisect_left(view.starts, e.end)
        if not view.is_word(m):
            return m
    return min(hi, n + 5)


def subject_and_partners(view: TokenView, i: int, hi: int) -> tuple[Arg | None, int]:
    """The subject after verb ``i`` with what stands beside it, and the token after them: an apposed name
    («دعا الرئيس الفلسطيني، محمود عباس، ...» is Abbas) and coordinated co-subjects («اتهمت فرنسا والولايات
    المتحدة روسيا»: the United States accuses too, it is no target)."""
    subject = subject_after(view, i, hi)
    if subject is None:
        return None, i + 1
    k = subject.t1
    comma = _title_comma(view, subject, hi)
    if comma is not None:
        e = view.entity[comma + 1]
        apposed = actor_at(view, comma + 1, "apposition") if e is not None and e.type == "PER" else None
        if apposed is not None:
            subject, k = apposed, apposed.t1
            if k < hi and view.toks[k].text in "،,":
                k += 1
    while k < hi and view.keys[k][:1] == "و" and view.is_word(k):
        partner = actor_at(view, k, "coordinated")
        if partner is None:
            break
        k = partner.t1
    return subject, past_aside(view, k, hi)


def _title_comma(view: TokenView, subject: Arg, hi: int) -> int | None:
    """The comma after which a name may stand in apposition to ``subject``: right after it, or, when the subject
    is a title noun, after the rest of the title («رئيس اللجنة العليا للانتخابات في تركيا، سعدي غوفن»; five
    words at most, no verb or clause boundary among them). A subject that is a person has no apposed name."""
    head = view.entity[subject.t0]
    if head is not None and head.type == "PER":
        return None
    reach = subject.t1 + (5 if head is None else 0)
    for k in range(subject.t1, min(hi - 1, reach + 1)):
        if view.toks[k].text in "،,":
            return k
        if not view.is_word(k) or is_boundary(view.keys[k]) or opens_clause(view.keys, k):
            return None
    return None


def past_aside(view: TokenView, k: int, hi: int) -> int:
    """The token after a gloss in brackets or an aside set off by commas right after a subject («ونفى الأسد، في
    مقابلة مع صحيفة بريطانية، وجود ...»، «، الأحد،»، «جيش الإسلام، أحد فصائل المعارضة،»): a phrase of up to eight
    words that opens with a preposition, an adjunct or an apposition word and holds no verb; ``k`` itself when none
    stands there."""
    if k < hi and view.toks[k].text == "(":  # «منظمة العفو الدولية (أمنستي انترناشونال)»: a gloss
        k = next((m + 1 for m in range(k + 1, min(hi, k + 12)) if view.toks[m].text == ")"), k)
    n = k - 1 if k > 0 and view.toks[k - 1].text in "،," else k
    if n >= hi or view.toks[n].text not in "،," or n + 1 >= hi:
        return k
    role = lexicon().clause_words.get(view.keys[n + 1])
    if role not in ("preposition", "adjunct", "apposition"):
        return k
    for m in range(n + 2, min(hi, n + 10)):
        if view.toks[m].text in "،,":
            return m + 1
        if not view.is_word(m) or opens_clause(view.keys, m):
            return k
    return k


def preposition_before(view: TokenView, n: int, floor: int) -> str | None:
    """The preposition governing the phrase at ``n``: a glued «ب»/«ل» on its first word, or the word before."""
    e = view.entity[n]
    tok = view.toks[n]
    if e is not None and e.start > tok.start:
        lead = view.text[tok.start:e.start].lstrip("وف")
        if lead[:1] in ("ب", "ل"):
            return lead[:1]
    elif view.keys[n][:1] in ("ب", "ل"):
        hit = strip_proclitic(view.keys[n], lexicon().agents)
        if (hit is not None and hit[1] == 1) or (e is None and view.keys[n][1:3] == "ال"):
            return view.keys[n][:1]  # «بقوات»، «بالمسلحين»، «للقوات»
    if n - 1 >= floor and lexicon().clause_words.get(view.keys[n - 1]) == "preposition":
        return view.keys[n - 1]
    return None


def negated(view: TokenView, i: int, lo: int) -> bool:
    """A negation right before predicate ``i`` (a word between allowed), unless it makes «still» with the verb
    after it («لا تزال تخوض المعارك»، «ما زال يشن»)."""
    words = lexicon().clause_words
    return any(words.get(view.keys[k]) == "negation" and words.get(view.keys[k + 1]) != "continuative"
               for k in range(max(lo, i - 2), i))
