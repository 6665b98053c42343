"""The relation verbs the trigger rules found, read again through their clause (``verb_frames``).

Where the clause cascade reads a source and a target, its arguments, its clause as evidence and its rule name
replace the trigger rules' guess; elsewhere the trigger rules' relation stands, marked ``rule="triggers"``.
"""
from __future__ import annotations

import bisect
import dataclasses

from ..knowledge.cues import is_next_word, lexicon, strip_proclitic, word_key
from ..record import Article, Mention, Relation
from . import adjuncts, clauses, instruments, pronouns, support_verbs, verb_frames
from .clauses import Arg
from .view import TokenView


def _trigger_token(view: TokenView, r: Relation) -> int | None:
    """The token of the relation's trigger word: its first occurrence in the evidence."""
    for k in range(bisect.bisect_left(view.starts, r.evidence_start), len(view.toks)):
        t = view.toks[k]
        if t.start >= r.evidence_end:
            break
        if t.text == r.trigger:
            return k
    return None


def _is_verb(view: TokenView, k: int, type_: str) -> bool:
    frame = lexicon().frames.get(type_)
    if frame is None or frame.reader != "clause":
        return False
    found, _ = clauses.trigger_readings(view, k)
    # a form that is also a verbal noun («دعم»، «هجوم») is read by the trigger rules, which know nouns; a verb
    # retyped by its doer («هاجم ترامب كيري»: ACCUSE, ``person_type``) is read as the type it took
    return bool(found) and all(t.pos == "verb" for t in found) and any(type_ in (t.type, t.person_type) for t in found)


def _denied(article: Article, offset: int) -> bool:
    """Inside what a denial reports («نفى حزب الله ما نشره ...»)."""
    cues = lexicon().cues
    for q in article.quotes or ():
        if q.content_start <= offset < q.content_end:
            cue = article.text[q.cue_start:q.cue_end]
            hit = strip_proclitic(cue, cues) if cue else None
            if hit is not None and cues[hit[0]].cls == "deny":
                return True
    return False


def _quote_around(article: Article, offset: int):
    return next((q for q in article.quotes or () if q.content_start <= offset < q.content_end), None)


def _speaker(article: Article, q) -> Mention | None:
    if q.speaker is not None:
        return q.speaker
    if q.speaker_start is None or q.speaker_end is None:
        return None
    return Mention(q.speaker_start, q.speaker_end, article.text[q.speaker_start:q.speaker_end], None)


def _modality(article: Article, r: Relation, reading, offset: int) -> str:
    if reading.negated:
        return "negated"
    if r.rule == "unread":  # no trigger rule judged it: inside what someone said, it is their claim
        q = _quote_around(article, offset)
        speech = lexicon().frames[r.type].speech
        return "reported" if q is not None and not speech and _speaker(article, q) is not None else "asserted"
    if r.modality == "negated":
        return "negated" if _denied(article, offset) else "asserted"
    if lexicon().frames[r.type].speech and r.modality == "reported" and r.attributed_to is not None \
            and reading.source is not None and r.attributed_to.actor_id == reading.source.actor_id:
        return "asserted"  # a speech act is the speaker's deed, told by the narrator
    return r.modality


def _with_trigger_target(view: TokenView, reading, r: Relation):
    """A subject-only reading keeps the trigger rules' target where it lies past the subject, its apposition and
    its co-subjects, is a linked actor and is no mouthpiece of the subject («دعا الرئيس الفلسطيني، محمود عباس»
    has no target in Abbas, «أشادت الأمم المتحدة على لسان أمينها العام» none in its secretary-general)."""
    t = r.target
    keep = t is not None and t.actor_id is not None and t.start >= reading.free_from \
        and (reading.source.actor_id is None or t.actor_id != reading.source.actor_id)
    if keep:
        words = lexicon().clause_words
        between = range(bisect.bisect_left(view.starts, reading.source.end), bisect.bisect_left(view.starts, t.start))
        frame = lexicon().frames.get(r.type)
        # «دعت واشنطن إلى اجتماع عاجل في الأردن»: past a speech act's complement comes what is asked, no target
        keep = not any(words.get(view.keys[k]) == "mouthpiece"
                       or (frame is not None and frame.speech and clauses.opens_complement(view, k, frame))
                       for k in between)
    return dataclasses.replace(reading, rule="subject-only+triggers" if keep else "subject-only")


def _speech_act(r: Relation) -> Relation:
    """A speech act told as its own speaker's words («وأوضح أنه طلب من المجلس ...») is the speaker's deed, which
    the narrator asserts."""
    frame = lexicon().frames.get(r.type)
    if frame is None or not frame.speech or r.modality != "reported" or r.attributed_to is None or r.source is None:
        return r
    if r.source.start == r.attributed_to.start or (r.source.actor_id and r.source.actor_id == r.attributed_to.actor_id):
        return dataclasses.replace(r, modality="asserted", attributed_to=None)
    return r


def _unread_verbs(view: TokenView, covered: set) -> list[tuple[int, Relation]]:
    """Relation verbs of clause-read types the trigger rules gave no relation («...، مسنودا بالتحالف»), as bare
    relations for the cascade to read (one with no reading is dropped)."""
    out = []
    for k in range(len(view.keys)):
        if k in covered or not view.is_word(k):
            continue
        found, _ = clauses.trigger_readings(view, k)
        if not found or not all(t.pos == "verb" for t in found):
            continue
        type_ = found[0].type
        if _is_verb(view, k, type_) and _has_next_word(view, k, found):
            t = view.toks[k]
            out.append((k, Relation(type_, None, None, t.start, t.end, t.text, "asserted", rule="unread")))
    return out


_SUBJECT_REACH = 8  # a subject and its apposition between a verb and the word it requires («وقع بوتين اتفاقية»)


def _has_next_word(view: TokenView, k: int, found) -> bool:
    """A verb whose row requires a word after it («وقع اتفاقية») has it, or a noun of its type, past a subject;
    «واوقع الثلاثاء 32 قتيلا» (inflicted) and «وقع الرئيس أوباما قانونا» sign no agreement. A form whose suffix is
    its object («وقعته») names what it took, and a word required further on is the cascade's to read
    (``object-before-next``)."""
    need = [t.next for t in found if t.next is not None and t.within <= 1 and not t.pronoun]
    if not need or len(need) < len(found):
        return True
    _, hi = view.sentence_of(k)
    for j in range(k + 1, min(hi, k + 2 + _SUBJECT_REACH)):
        if any(is_next_word(view.keys[j], n) for n in need):
            return True
        nouns, _ = clauses.trigger_readings(view, j)  # «ووقع جيش الإسلام ... اتفاقا مع روسيا»: a noun of its type
        if any(t.pos == "noun" and t.type == found[0].type for t in nouns):
            return True
    return False


def _unread_adjuncts(view: TokenView, covered: set) -> list[tuple[int, Relation]]:
    """Adjunct phrases the trigger rules gave no relation («الحوثيين، المدعومين من إيران»), as bare relations."""
    out = []
    for k in range(len(view.toks)):
        adj = adjuncts.at(view, k) if k not in covered else None
        if adj is not None:
            t = view.toks[k]
            out.append((k, Relation(adj.type, None, None, t.start, t.end, t.text, "asserted", rule="unread")))
    return out


def _reading(view: TokenView, k: int | None, r: Relation, discourse):
    """The adjunct reading of the trigger's phrase (with its type), else the verb cascade's, else, for a noun, its
    support verb's, else None."""
    if k is None:
        return r, None
    adjunct = adjuncts.read(view, k)
    if adjunct is not None:
        return dataclasses.replace(r, type=adjunct[0]), adjunct[1]
    if _is_verb(view, k, r.type):
        return r, verb_frames.read(view, k, r.type, discourse)
    return r, _with_noun_target(view, k, support_verbs.read(view, k, r.type, discourse), r)


def _with_noun_target(view: TokenView, k: int, reading, r: Relation):
    """A support-verb reading with no target keeps the trigger rules' one where it lies after the noun and is a
    linked actor other than the source («شن الجيش في ميانمار عملية عسكرية في ولاية راخين»: none)."""
    if reading is None or reading.target is not None or r.target is None or r.target.actor_id is None:
        return reading
    if reading.rule == "undergo" or r.target.start < view.toks[k].end or r.target.actor_id == reading.source.actor_id:
        return reading  # an undergo reading has its target; the trigger rules' one is a guess at the doer
    return dataclasses.replace(reading, rule="support-verb+triggers")


def _with_pronoun(view: TokenView, k: int | None, r: Relation) -> Relation:
    """A pronoun suffix on the relation word is an argument (``claims.pronouns``): a verb's object its target,
    a noun's possessor its doer, each resolved to its antecedent (None when none agrees)."""
    suffix = pronouns.suffix(view, k, r.type) if k is not None else None
    role = pronouns.role(view, k, r.type) if suffix else None
    if role is None:
        return r
    patient_noun = role == "target" and not _is_verb_form(view, k)
    # a verb's subject or a noun's other argument is not what the suffix stands for; of a patient noun («جرائمهم»)
    # the trigger rules' doer is a guess, and the suffix's actor is the one acted on
    other = None if patient_noun else r.source if role == "target" else r.target
    other_arg = Arg(*_tokens(view, other), other.start, other.end, other.text, other.actor_id, "") if other else None
    found = pronouns.antecedent(view, k, suffix, other_arg)
    if found is None:
        return r if role == "source" else dataclasses.replace(r, target=None)  # the object is the suffix
    mention, rule = found.mention(), r.rule + "+pronoun"
    if role == "source":
        # «دعمه لإجراءات العبادي»: what the trigger rules took as the doer after the noun is the one acted on
        after = r.source is not None and r.source.start > view.toks[k].start
        target = r.source if after and r.target is None else r.target
        return dataclasses.replace(r, source=mention, target=target, rule=rule)
    source = r.source
    if patient_noun and source is not None and source.actor_id == found.actor_id:
        source = None
    return dataclasses.replace(r, source=source, target=mention, rule=rule)


def _is_verb_form(view: TokenView, k: int) -> bool:
    triggers = lexicon().triggers
    hit = strip_proclitic(view.keys[k], triggers)
    return hit is not None and any(t.pronoun and t.pos == "verb" for t in triggers[hit[0]])


def _tokens(view: TokenView, m: Mention) -> tuple[int, int]:
    t0 = max(0, bisect.bisect_right(view.starts, m.start) - 1)
    return t0, max(t0 + 1, bisect.bisect_left(view.starts, m.end))


def _material(view: TokenView, r: Relation) -> Relation:
    """Backing in money, arms or military means is AID, not SUPPORT (PLOVER): «دعم الناتو لطالبان وإمدادها
    بالمال والسلاح»، «طائرة دعم مقاتلة»، backing by an armed force («بدعم من قوات التحالف»)."""
    if r.type != "SUPPORT":
        return r
    words = lexicon().clause_words
    lo = bisect.bisect_left(view.starts, r.evidence_start)
    hi = bisect.bisect_left(view.starts, r.evidence_end)
    military = r.source is not None and ((r.source.actor_id or "").startswith("mil:") or _armed_noun(r.source.text))
    if military or any(words.get(view.keys[k]) == "material" for k in range(lo, hi)):
        return dataclasses.replace(r, type="AID", rule=f"{r.rule}+material")
    return r


def _armed_noun(text: str) -> bool:
    """The phrase is headed by a noun for armed forces («قوات التحالف»، «طيران التحالف»)."""
    words = text.split()
    hit = strip_proclitic(word_key(words[0]), lexicon().agents) if words else None
    return hit is not None and lexicon().agents[hit[0]][0] == "MIL"


def _outside_dateline(view: TokenView, r: Relation) -> Relation:
    """«دبي، الإمارات العربية المتحدة (CNN) --»: the dateline is no argument and no part of the evidence."""
    if not view.excluded or r.evidence_start >= view.excluded:
        return r
    drop = lambda m: None if m is not None and m.start < view.excluded else m  # noqa: E731
    return dataclasses.replace(r, source=drop(r.source), target=drop(r.target), location=drop(r.location),
                               evidence_start=max(r.evidence_start, view.excluded))


def _inside_speech_acts(view: TokenView, out: list[Relation]) -> list[Relation]:
    """An event told as what someone accuses, threatens or demands («اتهمت واشنطن إيران بدعم الحوثيين») is that
    speaker's claim: reported, attributed to the speech act's source."""
    frames = lexicon().frames
    # what the act is about follows its object in its clause, as the clause cascade read it
    acts = [(r.target.end, r.evidence_end, r.source) for r in out
            if frames.get(r.type) is not None and frames[r.type].speech and r.source is not None
            and r.target is not None and r.modality == "asserted" and r.rule in verb_frames.RULE_NAMES]
    changed = []
    for r in out:
        speech = frames.get(r.type) is not None and frames[r.type].speech
        k = _trigger_token(view, r) if acts else None
        at = view.toks[k].start if k is not None else None
        claim = None if speech or at is None or r.modality != "asserted" else next(
            (src for a, b, src in acts if a <= at < b and src is not r.source), None)
        changed.append(dataclasses.replace(r, modality="reported", attributed_to=claim) if claim else r)
    return changed


def _actor_like(view: TokenView, m: Mention | None) -> bool:
    """An argument names someone: a linked or named entity, a generic actor noun (agents.tsv) or a counted one
    («3 دبلوماسيين»), inside it. What the trigger rules take from the words around a trigger otherwise — an adverb
    («مرتين»، «مجددا»), a purpose phrase («لعقد»، «لمكافحة ...»), a thing («رسالة»، «اللجوء») — is none."""
    if m is None:
        return True
    agents = lexicon().agents
    lo = max(0, bisect.bisect_right(view.starts, m.start) - 1)
    hi = bisect.bisect_left(view.starts, m.end)
    for k in range(lo, hi):
        e = view.entity[k]
        if e is not None and (e.actor_id or e.type in ("PER", "ORG")):
            return True
        if view.is_word(k) and strip_proclitic(view.keys[k], agents) is not None:
            return True
    return m.actor_id is not None


def _no_argument(view: TokenView, m: Mention | None) -> bool:
    """One word that names nobody, whatever the type: an adverb («مرتين»، «مجددا»), another clause word, or a verb
    («أوقفوا»، «يصل»)."""
    if m is None or m.actor_id or " " in m.text.strip():
        return False
    k = bisect.bisect_right(view.starts, m.start) - 1
    if k < 0 or view.entity[k] is not None:
        return False
    key = view.keys[k]
    if key in lexicon().clause_words:
        return True
    return clauses.opens_clause(view.keys, k) and strip_proclitic(key, lexicon().agents) is None


def _words_only(view: TokenView, r: Relation) -> Relation:
    source = None if _no_argument(view, r.source) else r.source
    target = None if _no_argument(view, r.target) else r.target
    return r if source is r.source and target is r.target else dataclasses.replace(r, source=source, target=target)


def _actors_only(view: TokenView, r: Relation) -> Relation:
    """For the types the clause reader owns: violent events keep the trigger rules' noun phrases (victims are
    often no actor nouns: «ناشطاً في كتائب الأقصى»)."""
    frame = lexicon().frames.get(r.type)
    if frame is None or frame.reader != "clause":
        return r
    source = r.source if _actor_like(view, r.source) else None
    target = r.target if _actor_like(view, r.target) else None
    if source is r.source and target is r.target:
        return r
    return dataclasses.replace(r, source=source, target=target)


def _enter_quote(article: Article, view: TokenView, k: int | None, entered, discourse: verb_frames.Discourse,
                 cued_at: dict):
    """The quote token ``k`` lies in; on entering one whose linked speaker precedes it, the speaker becomes the
    discourse's subject («أكد عباس أنه يحمّل حركة حماس المسؤولية»: who blames is the one who speaks)."""
    if k is None:
        return entered
    cued = cued_at.get(view.toks[k].start)
    if cued is not None and cued.speaker is not None and cued.speaker.end <= cued.cue_start:
        # «وأوضح هادي أن ...، واتهم الحوثيين بأنهم ...»: the quote of this very verb names who speaks, so who
        # accuses, though the verb names no subject
        discourse.note_mention(cued.speaker, view.paragraph[k])
    q = _quote_around(article, view.toks[k].start)
    if q is not None and q is not entered:
        speaker = _speaker(article, q)
        if speaker is not None and speaker.end <= q.content_start:
            discourse.note_mention(speaker, view.paragraph[k])
    return q


def reread(article: Article, relations: list[Relation]) -> list[Relation]:
    view = TokenView.of(article)
    discourse = verb_frames.Discourse()
    placed = sorted(((_trigger_token(view, r), n, r) for n, r in enumerate(relations)),
                    key=lambda item: (item[0] if item[0] is not None else -1, item[1]))
    covered = {k for k, _, _ in placed}
    placed += [(k, -1, r) for k, r in _unread_verbs(view, covered)]
    placed += [(k, -1, r) for k, r in _unread_adjuncts(view, covered)]
    placed.sort(key=lambda item: (item[0] if item[0] is not None else -1, item[1]))
    out: list[Relation] = []
    seen: set[tuple] = set()
    entered = None
    cued_at = {q.cue_start: q for q in reversed(article.quotes or ())}  # the first quote of each cue
    for k, _, r in placed:
        entered = _enter_quote(article, view, k, entered, discourse, cued_at)
        r, reading = _reading(view, k, r, discourse)
        if reading is not None and reading.rule in ("received-none", "adjunct-none", "next-none"):
            continue
        if reading is not None and reading.rule == "subject-only":
            if r.rule == "unread":
                continue
            if r.target is not None and r.target.start < reading.source.end and reading.source.start < r.target.end \
                    and reading.source.how != "apposition":
                reading = None  # «مشروع قرار دولي يتهم إيران»: the trigger rules read that phrase as the object
            else:
                reading = _with_trigger_target(view, reading, r)
        if reading is None and r.rule == "unread":
            continue
        if reading is None:
            out.append(_with_pronoun(view, k, _speech_act(dataclasses.replace(r, rule=r.rule or "triggers"))))
            if k is not None and r.modality != "negated":
                discourse.note_mention(r.source, view.paragraph[k])
            continue
        start, end = view.chars(reading.lo, reading.hi)
        modality = _modality(article, r, reading, view.toks[k].start)
        claimant = r.attributed_to
        if r.rule == "unread" and modality == "reported":
            claimant = _speaker(article, _quote_around(article, view.toks[k].start))
        again = dataclasses.replace(
            r, source=reading.source.mention() if reading.source else None, target=reading.target.mention() if reading.target else r.target
            if reading.rule.endswith("+triggers") else None, evidence_start=start,
            evidence_end=end, modality=modality, rule=reading.rule,
            attributed_to=None if modality == "asserted" else claimant)
        again = _with_pronoun(view, k, again)
        key = (again.type, k, again.source.start if again.source else None,
               again.target.start if again.target else None)
        if key not in seen:
            seen.add(key)
            out.append(again)
    out = [_material(view, _actors_only(view, _words_only(view, _outside_dateline(view, r)))) for r in out]
    out = [r for r in out if r.source is not None or r.target is not None
           or lexicon().frames.get(r.type) is None or lexicon().frames[r.type].reader != "clause"]
    out = instruments.attach(view, out, lambda r: _trigger_token(view, r))
    out = _inside_speech_acts(view, out)
    return sorted(out, key=lambda x: (x.evidence_start, x.evidence_end))
