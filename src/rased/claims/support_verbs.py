"""Relations told by an event noun that a support verb carries («شن الجيش عملية عسكرية ضد ...»).

The noun names the act and the verb before it (support_verbs.tsv: «شن»، «أطلق»، «نفذ»، «عقد»، «فرض» ..., each with
the relation types of the nouns it carries) says who does it, as a light verb does in English («launched an operation»): the source is the verb's
subject (after it: «أطلق الجيش الوطني والمقاومة، بإسناد من التحالف، عملية»; else the doer of its clause before it:
«وكانت القوات الحكومية بدأت حملة»; else, for a verb that opens its clause with «و», the subject the discourse
carries). The target is the actor after one of the type's prepositions in the noun's clause («ضد الحوثيين»)
or, for a noun whose genitive is its patient («حملة اعتقالات طالت ناشطين»), the actor right after it.

Without this the trigger rules take the actor nearest before the noun, which in a long subject («القوات الحكومية
المدعومة من السعودية والإمارات أعلنت ... عملية») is the wrong one. Each reading records the rule ``support-verb``.
"""
from __future__ import annotations

import bisect
import dataclasses

from ..knowledge.cues import lexicon, strip_proclitic
from . import adjuncts, clauses
from .clauses import Arg
from .verb_frames import Discourse, Reading
from .view import TokenView

_REACH = 12  # tokens between a support verb and its noun: a subject with its partners, an aside, a time phrase


def _carries(key: str, type_: str) -> bool:
    """A support verb or its verbal noun that carries nouns of ``type_``, a leading «و»/«ف» or, on the noun,
    «ل»/«ب» allowed («لشن»، «بإطلاق»)."""
    entry = _entry(key)
    return entry is not None and ("*" in entry[0] or type_ in entry[0])


def _entry(key: str) -> tuple[frozenset[str], bool, bool] | None:
    table = lexicon().support_verbs
    return table.get(key) or (table.get(key[1:]) if key[:1] in "وفلب" else None)


def _support_before(view: TokenView, k: int, lo: int, type_: str) -> int | None:
    """The support verb of noun ``k``: the nearest before it in its clause, with no other verb, cue or clause
    opener between them."""
    for j in range(k - 1, max(lo, k - _REACH) - 1, -1):
        if not view.is_word(j):
            continue
        if _carries(view.keys[j], type_):
            return j
        if clauses.opens_clause(view.keys, j) or lexicon().complementizers.get(view.keys[j]) == "comp":
            return None
    return None


def _is_noun(view: TokenView, v: int) -> bool:
    """The support word is a verbal noun: a form only nouns have, or one after «ل»/«ب»/«ال» or a preposition
    («في شن هجمات»، «لشن عملية»، «بعد شن الجيش»)."""
    key = view.keys[v]
    if _entry(key)[1]:
        return True
    words = lexicon().clause_words
    return key[:1] in "لب" or key.startswith("ال") or (v > 0 and words.get(view.keys[v - 1]) == "preposition")


def _subject(view: TokenView, v: int, k: int, discourse: Discourse) -> tuple[Arg | None, int]:
    """Who does what support word ``v`` carries, and the token after the subject (where its object starts). A
    verbal noun's doer is its genitive only («أعطى روسيا الضوء الأخضر لتركيا لشن عملية»: not the clause's)."""
    after, end = clauses.subject_and_partners(view, v, k)
    if after is not None and after.t1 <= k:
        return after, end
    if _is_noun(view, v):
        return None, v + 1
    relative = _relative_before(view, v)
    if relative is not None:
        return _antecedent(view, relative), v + 1
    before = adjuncts.clause_doer(view, v, view.sentence_of(v)[0])
    if before is None and view.keys[v][:1] in "وف":
        before = discourse.dropped_subject(view.paragraph[v])
    return before, v + 1


def _relative_before(view: TokenView, v: int) -> int | None:
    """The relative word that opens the support verb's clause («الذي فرض»، «التي قد أطلقت»); a coordinated one
    («والذين يقدمون الدعم») has no noun of its own and is none."""
    j = v - 2 if v >= 2 and view.keys[v - 1] == "قد" else v - 1
    if j < 0:
        return None
    return j if lexicon().clause_words.get(view.keys[j]) == "relative" else None


def _antecedent(view: TokenView, relative: int) -> Arg | None:
    """The actor the relative word stands for: the noun phrase right before it, a comma between allowed
    («مجلس الأمن الذي فرض عقوبات»، «وزير الخارجية الإيراني محمد جواد ظريف، الذي يقوم بزيارة»)."""
    end = relative - 1 if relative > 0 and view.toks[relative - 1].text in "،," else relative
    return clauses.actor_ending_at(view, end, view.sentence_of(relative)[0], "relative")


def _is_object(view: TokenView, m: int, k: int) -> bool:
    """Noun ``k`` is the support verb's object, which starts at ``m``: only adjuncts, a number or a quantifier
    between («شنت القوات الجوية أمس أربع غارات»); a noun further on is another phrase's («واصل روحاني دفاعه عن
    الاتفاق»)."""
    m = clauses.adjunct_end(view.keys, m, k)
    words = lexicon().clause_words
    while m < k and (view.toks[m].kind == "num" or words.get(view.keys[m]) == "quantifier"):
        m += 1
    return m == k


def _target(view: TokenView, k: int, hi: int, type_: str, source: Arg) -> Arg | None:
    """The actor the act is aimed at: for a noun whose genitive is its patient, the actor right after it (a number
    between allowed: «باعتقال 3 ناشطين»), else the first after one of the frame's prepositions in the clause."""
    found, _ = clauses.trigger_readings(view, k)
    if found and all(t.gen in ("patient", "passive") for t in found):
        m = k + 1
        while m < hi and (view.toks[m].kind == "num" or lexicon().clause_words.get(view.keys[m]) == "quantifier"):
            m += 1
        patient = clauses.actor_at(view, m, "object") if m < hi else None
        if patient is not None and clauses.preposition_before(view, m, k + 1) is None:
            return patient  # «حملة اعتقالات طالت»: no; «باعتقال 3 ناشطين»: the counted ones
    aimed = dataclasses.replace(lexicon().frames[type_], object=False, speech=False)
    for a in clauses.targets(view, k + 1, hi, aimed):
        if a.actor_id is None or a.actor_id != source.actor_id:
            return a
    return None


def read(view: TokenView, k: int, type_: str, discourse: Discourse) -> Reading | None:
    """The reading of noun trigger ``k`` through the support verb that carries it, or None when none does."""
    if type_ not in lexicon().frames:
        return None
    lo, hi = clauses.bounds(view, k)
    v = _support_before(view, k, lo, type_)
    if v is None:
        return None
    source, after = _subject(view, v, k, discourse)
    if source is None or not _is_object(view, after, k):
        return None
    if source.how != "discourse":
        discourse.note(source, view.paragraph[k])  # «وخاض الجيش مواجهات ...، مسنودا بالتحالف»: the doer goes on
    negated = clauses.negated(view, v, lo)
    if _entry(view.keys[v])[2]:  # «تعرضت القوات لهجوم من تنظيم داعش»: the subject undergoes it
        if source.t1 <= v and not _next_to(view, source, v):
            return None  # «أي مصدر يخضع للعقوبات»: an unnamed noun right before the verb is its subject
        if _glued_b(view.keys[k]):
            return None  # «التي تلقي تركيا باللوم»: «تُلقي» throws; what one suffers comes bare or after «ل»
        doer = _doer_after(view, k, hi)
        end = doer.t1 if doer is not None else k + 1
        return Reading("undergo", doer, source, min(source.t0, v), end, negated)
    target = _target(view, k, hi, type_, source)
    end = target.t1 if target is not None else k + 1
    return Reading("support-verb", source, target, min(source.t0, v), end, negated)


def _glued_b(key: str) -> bool:
    """The noun carries a glued «ب» («باللوم»، «وبالهجوم»)."""
    bare = key[1:] if key[:1] in "وف" else key
    return bare[:1] == "ب" and strip_proclitic(bare[1:], lexicon().triggers) is not None


def _next_to(view: TokenView, subject: Arg, v: int) -> bool:
    """A subject before the verb stands right before it, or with only «قد», a negation or an adjunct between
    («القوات تعرضت»، «إسرائيل قد تتعرض»)."""
    words = lexicon().clause_words
    return all(view.keys[m] == "قد" or words.get(view.keys[m]) in ("negation", "adjunct")
               for m in range(subject.t1, v))


# the phrases that name the doer of what the subject of an undergo verb suffers, as keys
_BY_PHRASES = (("من", "قبل"), ("على", "يد"), ("على", "ايدي"), ("بيد",), ("من",))
_DOER_REACH = 6  # tokens after the noun: its adjectives, a number, «جديدة»، «حادة»


def _doer_after(view: TokenView, k: int, hi: int) -> Arg | None:
    """The actor a «من قبل»، «على يد» or «من» phrase names within a few words after noun ``k`` («لهجوم من تنظيم
    داعش»، «انتقادات حادة من الديمقراطيين»), or None: the nearest actor elsewhere is no doer."""
    nxt = view.entity[k + 1] if k + 1 < hi else None
    if nxt is not None and nxt.type == "NAT" and nxt.actor_id:  # «عقوبات أمريكية»: the nationality does it
        t1 = bisect.bisect_left(view.starts, nxt.end)
        return Arg(k + 1, max(t1, k + 2), nxt.start, nxt.end, nxt.text, nxt.actor_id, "by")
    genitive = clauses.actor_at(view, k + 1, "genitive") if k + 1 < hi else None
    if genitive is not None and clauses.preposition_before(view, k + 1, k + 1) is None:
        return genitive  # «لانتقادات الرئيس التركي»: the one whose criticism it is
    for m in range(k + 1, min(hi, k + 1 + _DOER_REACH)):
        if not view.is_word(m) or clauses.opens_clause(view.keys, m):
            return None
        for phrase in _BY_PHRASES:
            if tuple(view.keys[m:m + len(phrase)]) == phrase and m + len(phrase) < hi:
                a = clauses.actor_at(view, m + len(phrase), "by")
                if a is not None:
                    return a
    return None
