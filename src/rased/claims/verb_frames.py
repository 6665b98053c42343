"""Who does what to whom around a relation verb, read from its clause and the type's frame (frames.tsv).

A declared cascade of named rules (the first that finds both a source and a target decides, as in trafilatura's
extractor cascade); each relation it gives records the rule in ``Relation.rule``:

* ``object-before-next``: a verb that requires a word a few words on takes the actor before it as its object
  («حمّلت بريطانيا روسيا المسؤولية»);
* ``vso``: the subject right after the verb, the target after it («اتهم مادورو كولومبيا بالضلوع»);
* ``kept-subject``: a meeting verb right after «حيث» with one actor after it keeps its sentence's subject
  («زار ظريف أنقرة حيث التقى الرئيس التركي ...»);
* ``zero-subject``: a verb after «و/ف» or a connective («كما»، «فيما») whose only actor is its object takes the
  subject the discourse carries («... منظمة العفو الدولية. وطالبت الجيش المصري بـ ...»، «كما دعت الليبيين إلى ...»);
* ``received``: a verb whose subject undergoes it (``voice`` in triggers.tsv: «مسنودا ب»، «يتلقى ... من»)
  takes the actor of its «ب»/«من» phrase as the source;
* ``svo``: the topic before the verb, the target after it («الجماعة تتلقى تمويلا من ...» is left to the
  trigger rules, «القوات الأجنبية رحبت ...»).

When no rule decides, ``subject-only`` keeps the clause's subject (with its apposition and co-subjects read) and
leaves the target to the trigger rules only where it lies past them; a received verb with no material object
(«تلقى رسالة») is no relation (``received-none``), nor is a verb with a distant required word that
``object-before-next`` cannot read (``next-none``: «تحمل الحكومة المسؤولية», she bears it herself). A verb the
cascade cannot read at all is left to the trigger rules of ``stages.relations``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..knowledge.cues import Frame, is_next_word, lexicon, strip_proclitic, word_key
from . import clauses, pronouns
from .clauses import Arg
from .view import TokenView


@dataclass(frozen=True, slots=True)
class Reading:
    rule: str
    source: Arg | None
    target: Arg | None  # None for «subject-only»: the clause names who acts but no actor it acts on
    lo: int  # the clause, in tokens
    hi: int
    negated: bool
    free_from: int = 0  # subject-only: where a target may start (after the subject's apposition and partners)


@dataclass(slots=True)
class Discourse:
    """What the text is about as it goes: the last overt subject and its paragraph."""

    subject: Arg | None = None
    paragraph: int = -1

    def carried(self, paragraph: int) -> Arg | None:
        return self.subject if self.subject is not None and paragraph == self.paragraph else None

    def dropped_subject(self, paragraph: int) -> Arg | None:
        """The carried subject as the subject of a verb that names none."""
        c = self.carried(paragraph)
        return None if c is None else Arg(c.t0, c.t1, c.start, c.end, c.text, c.actor_id, "discourse")

    def note(self, arg: Arg | None, paragraph: int) -> None:
        if arg is not None and arg.actor_id:
            self.subject, self.paragraph = arg, paragraph

    def note_mention(self, m, paragraph: int) -> None:
        """A doer another rule found (a trigger rule, a quote's speaker) becomes the current subject too."""
        if m is not None and m.actor_id:
            self.note(Arg(-1, -1, m.start, m.end, m.text, m.actor_id, "discourse"), paragraph)


def _first_target(view: TokenView, after: int, hi: int, frame: Frame, source: Arg) -> Arg | None:
    for t in clauses.targets(view, after, hi, frame):
        if t.actor_id is None or t.actor_id != source.actor_id:
            return t
    return None


def _vso(view, i, lo, hi, frame, discourse) -> tuple[Arg, Arg] | None:
    subject, after = clauses.subject_and_partners(view, i, hi)
    if subject is None:
        return None
    target = _first_target(view, after, hi, frame, subject)
    return (subject, target) if target is not None else None


def _zero_subject(view, i, lo, hi, frame, discourse) -> tuple[Arg, Arg] | None:
    if not _opens_clause(view, i, lo):
        return None  # only a verb that opens its clause after «و/ف» or a connective drops its subject
    carried = discourse.dropped_subject(view.paragraph[i])
    if carried is None:
        return None
    target = _first_target(view, i + 1, hi, frame, carried)
    return (carried, target) if target is not None else None


def _kept_subject(view, i, lo, hi, frame, discourse) -> tuple[Arg, Arg] | None:
    """«زار ظريف أنقرة حيث التقى الرئيس التركي رجب طيب أردوغان»، «بعد زيارة رئيس الوزراء العراقي، حيدر العبادي، إلى
    أنقرة، حيث التقى ...»: a verb right after a word that keeps the subject for its type (``subject`` in
    connectives.tsv), followed by one actor alone, was done by the last person its sentence named before the
    word (the visitor, whether a verb or a visit noun named them); that one actor is the object."""
    if i == 0 or frame.type not in lexicon().subject_keepers.get(view.keys[i - 1], ()):
        return None
    if _vso(view, i, lo, hi, frame, discourse) is not None:
        return None  # «حيث استقبل مون زعيم كوريا الشمالية»: the verb names its own subject and object
    first = clauses.subject_after(view, i, hi)
    if first is None or (first.t1 < hi and view.keys[first.t1][:1] == "و"
                         and clauses.actor_at(view, first.t1, "coordinated") is not None):
        return None  # «حيث التقى بوتن وأردوغان»: the two met, no one else
    subject = _last_person(view, view.sentence_of(i)[0], i - 1)
    target, _ = clauses.subject_and_partners(view, i, hi)  # with its apposed name: «الرئيس التركي، رجب طيب أردوغان»
    if subject is None or target is None or subject.actor_id is not None and subject.actor_id == target.actor_id:
        return None
    return subject, Arg(target.t0, target.t1, target.start, target.end, target.text, target.actor_id, "object")


def _last_person(view: TokenView, s0: int, end: int) -> Arg | None:
    """The last person named in tokens ``s0`` to ``end`` (outside the dateline)."""
    for k in range(end - 1, s0 - 1, -1):
        e = view.entity[k]
        if e is not None and e.type == "PER" and (k == s0 or view.entity[k - 1] is not e):
            found = clauses.actor_at(view, k, "kept-subject")
            if found is not None:
                return found
    return None


def _opens_clause(view: TokenView, i: int, lo: int) -> bool:
    """Verb ``i`` opens its clause: after «و/ف» («وطالبت ...») or right after a connective that opens its
    sentence («كما دعت ...»: the topic goes on; «...، بينما دعت واشنطن إلى ...» sets a new subject against the
    last)."""
    if i == lo and view.keys[i][:1] in ("و", "ف"):
        return True
    return i > 0 and view.sentence_of(i)[0] == i - 1 and view.keys[i - 1] in lexicon().connectives


def _svo(view, i, lo, hi, frame, discourse) -> tuple[Arg, Arg] | None:
    subject = clauses.subject_before(view, i, lo)
    if subject is None:
        return None
    target = _first_target(view, i + 1, hi, frame, subject)
    return (subject, target) if target is not None else None


def _topic_svo(view, i, lo, hi, frame, discourse) -> tuple[Arg, Arg] | None:
    """«قوات التحالف تطالب الأمم المتحدة ...»: an actor right before a verb that carries no «و/ف» is its subject,
    so the actor after the verb is its object (the vso reading would make it the subject)."""
    if i == lo or view.keys[i][:1] in ("و", "ف"):
        return None
    found = _svo(view, i, lo, hi, frame, discourse)
    return found if found is not None and found[0].t1 == i else None


def _object_before_next(view, i, lo, hi, frame, discourse) -> tuple[Arg, Arg] | None:
    """«حمّلت بريطانيا روسيا المسؤولية»، «وحمّل مفوضية الانتخابات مسؤولية حدوثها»: a verb whose required word
    comes a few words on (``next`` and ``within`` in triggers.tsv) takes the actor right before that word as its
    object (over «كامل»، «جزءا من»); its subject is the actor between the verb and the object, else the words
    there («وحملت الرابطة جماعة الحوثي كامل المسؤولية»: a body the registry lacks, so no actor of the discourse
    takes its place), else the topic before the verb, else the subject the discourse carries."""
    last = _before_next(view, i, hi)
    if last is None:
        return None
    subject, after = clauses.subject_and_partners(view, i, last.t0)
    # «وحمل إبراهيم روسيا وتركيا المسؤولية»: the object is the first of the actors after the subject
    target = clauses.actor_at(view, after, "object") if subject is not None and after < last.t0 else last
    if subject is None or target is None:
        subject, target = _words_before(view, i, last.t0) or clauses.subject_before(view, i, lo), last
    subject = subject or discourse.dropped_subject(view.paragraph[i])
    if subject is None or (subject.actor_id is not None and subject.actor_id == target.actor_id):
        return None
    return subject, target


def _words_before(view: TokenView, i: int, t0: int) -> Arg | None:
    """The one to four plain words between verb ``i`` and its object at ``t0`` (adjuncts such as «أمس» skipped):
    a subject no actor table names."""
    words = lexicon().clause_words
    k = clauses.adjunct_end(view.keys, i + 1, t0)
    nationality = view.entity[t0] is not None and view.entity[t0].type == "NAT"
    if nationality or k >= t0 or t0 - k > 4 or any(not view.is_word(m) or view.keys[m] in words for m in range(k, t0)):
        return None  # «سيحمل الدولة الروسية المسؤولية»: the words before a nationality are its noun, the object
    start, end = view.chars(k, t0)
    return Arg(k, t0, start, end, view.text[start:end], None, "before-object")


def _distant_next(view: TokenView, i: int):
    """The reading of verb ``i`` whose required word may come a few words on («حمّل ... المسؤولية»), or None."""
    found, _ = clauses.trigger_readings(view, i)
    return next((t for t in found if t.pos == "verb" and t.next is not None and t.within > 1), None)


def _before_next(view: TokenView, i: int, hi: int) -> Arg | None:
    """The actor right before the word verb ``i`` requires a few words on (over «كامل»، «جزءا من»)."""
    trig = _distant_next(view, i)
    if trig is None:
        return None
    n = next((k for k in range(i + 2, min(hi, i + 1 + trig.within)) if is_next_word(view.keys[k], trig.next)), None)
    words = lexicon().clause_words
    while n is not None and n > i + 2 and (words.get(view.keys[n - 1]) == "share" or view.keys[n - 1] == "من"):
        n -= 1
    return clauses.actor_ending_at(view, n, i + 1, "object") if n is not None else None


def _received(view, i, lo, hi, frame, discourse) -> tuple[Arg, Arg] | None:
    """«الجيش الوطني مسنودا بقوات التحالف»، «حزب الله يتلقى ... من إيران»: the subject undergoes the act and
    the phrase of «ب»/«من» does it."""
    if not _voice_received(view, i):
        return None
    words = lexicon().clause_words
    if _voice_received(view, i, "received-material") and not any(
            words.get(view.keys[k]) == "material" for k in range(lo, hi)):
        return None  # «تلقى رسالة من ...»: receiving words or news is no aid
    undergoer = clauses.subject_before(view, i, lo)
    if undergoer is None and i == lo:  # «...، مسنودا بالتحالف»: the participle describes the clause's subject
        undergoer = discourse.carried(view.paragraph[i])
    undergoer = undergoer or clauses.subject_after(view, i, hi)
    if undergoer is None:
        return None
    for t in clauses.targets(view, max(i + 1, undergoer.t1), hi, _BY_FRAME):
        if t.how in ("prep:ب", "prep:من") and t.actor_id != undergoer.actor_id:
            return (Arg(t.t0, t.t1, t.start, t.end, t.text, t.actor_id, "received-" + t.how),
                    Arg(undergoer.t0, undergoer.t1, undergoer.start, undergoer.end, undergoer.text,
                        undergoer.actor_id, "received-subject"))
    return None


def _voice_received(view: TokenView, i: int, *voices: str) -> bool:
    triggers = lexicon().triggers
    hit = strip_proclitic(view.keys[i], triggers)
    wanted = voices or ("received", "received-material")
    return hit is not None and any(t.voice in wanted for t in triggers[hit[0]])


_BY_FRAME = Frame("AGENT", False, (word_key("ب"), word_key("من")), False, False, "clause")

Rule = Callable[..., "tuple[Arg, Arg] | None"]
# zero-subject runs before vso: «وطالبت الجيش المصري» has one actor, the object; vso would make it the subject
# topic-svo runs before vso: «التحالف تطالب الأمم المتحدة» names its subject first, the next actor is the object
# object-before-next runs first of the active rules: the object is fixed by the required word after it
RULES: tuple[tuple[str, Rule], ...] = (("received", _received), ("object-before-next", _object_before_next),
                                       ("kept-subject", _kept_subject), ("topic-svo", _topic_svo),
                                       ("zero-subject", _zero_subject), ("vso", _vso), ("svo", _svo))
RULE_NAMES = frozenset(name for name, _ in RULES)


def read(view: TokenView, i: int, type_: str, discourse: Discourse) -> Reading | None:
    """The cascade's reading of relation verb ``i`` of type ``type_``, or None."""
    frame = lexicon().frames.get(type_)
    if frame is None:
        return None
    lo, hi = clauses.bounds(view, i)
    received, distant = _voice_received(view, i), _distant_next(view, i) is not None
    for name, rule in RULES:
        if name != "received" and received:
            break  # the other rules read an actor as its subject
        if name not in ("received", "object-before-next") and distant:
            # «حمّل»: only an actor before «المسؤولية» is its object; «تحمل الحكومة المسؤولية»: she bears it
            return Reading("next-none", None, None, lo, hi, False)
        if name == "kept-subject" and pronouns.suffix(view, i, type_):
            continue  # «حيث استقبله السفير»: the object is «ه», the subject is named
        if name == "zero-subject" and (not _lone_object(view, i, hi, frame) or pronouns.suffix(view, i, type_)):
            continue  # «واتهم مادورو كولومبيا»: a subject and an object follow; «وتتهمها روسيا»: the object is «ها»
        found = rule(view, i, lo, hi, frame, discourse)
        if found is not None:
            source, target = found
            if name != "zero-subject":
                discourse.note(source, view.paragraph[i])
            return Reading(name, source, target, lo, hi, clauses.negated(view, i, lo))
    if _voice_received(view, i, "received-material"):
        return Reading("received-none", None, None, lo, hi, False)  # «تلقى رسالة»: no material, no aid
    if received:
        return None
    subject, after = clauses.subject_and_partners(view, i, hi)
    discourse.note(subject, view.paragraph[i])
    if subject is None:
        return None
    free = view.toks[after].start if after < len(view.toks) else len(view.text)
    return Reading("subject-only", subject, None, lo, hi, clauses.negated(view, i, lo), free)


def _lone_object(view: TokenView, i: int, hi: int, frame: Frame) -> bool:
    """The one actor after the verb is its object: the frame's complement follows it at once («وحثت روسيا على
    وقف ...»، «واتهم الحوثيين بنهب ...») and no second actor does."""
    first = clauses.subject_after(view, i, hi)
    if first is None or first.t1 >= hi:
        return False
    comps = lexicon().complementizers
    # «واتهم الحوثيين بأنهم وكلاء لإيران»: an actor of the reported clause after «بأن» is no second argument
    end = next((k for k in range(first.t1, hi) if comps.get(view.keys[k]) == "comp"), hi)
    if _first_target(view, first.t1, end, frame, first) is not None:
        return False
    nxt = view.keys[first.t1]
    return nxt in frame.complement or (nxt[:1] in frame.complement and len(nxt) > 3)
