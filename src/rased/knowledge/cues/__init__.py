"""Cue tables for quotes, relations and modality, loaded once into lookup dictionaries over matching keys.

The tables are data (TSV files beside this module, see README.md). Verb rows give a lemma's past, present and
participle; the loader generates the inflected forms (قالت، قالوا، يقولون، مؤكدا، مؤكدة) and the clitic
forms (وقال، فقال، ليؤكد، بقتل) so that matching is one dictionary lookup per word.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rased.arabic.normalize import key
from rased.arabic.tokenize import Token, tokens

__all__ = ["Cue", "Trigger", "Lexicon", "lexicon", "strip_proclitic", "word_key", "article_words", "validate", "Frame"]


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The matching key of one word (alef/yeh/teh marbuta folded, diacritics and tatweel dropped)."""
    return key(word)


_HASHTAG_MARKS = frozenset({"#", "_"})


@lru_cache(maxsize=8)
def article_words(text: str) -> tuple[tuple[Token, ...], tuple[str, ...]]:
    """Tokens of ``text`` and their matching keys (punctuation keeps its text), computed once per article:
    the quotes and relations stages of one article share them. A pure function of the text, memoised by it,
    so two analyses running at once never see each other's tokens. The marks of a hashtag («#الجيش_الأفغاني») are
    no tokens: its words read as the phrase they spell («وأبدى #هادي ثقته» has «هادي» as its subject)."""
    toks = tuple([t for t in tokens(text) if t.text not in _HASHTAG_MARKS])
    keys = tuple([word_key(t.text) if t.kind != "punct" else t.text for t in toks])
    return toks, keys


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str | None) -> list[str]:
    if not cell or cell.strip() == "-":
        return []
    return [c.strip() for c in cell.split(",") if c.strip() and c.strip() != "-"]


def past_forms(past: str) -> set[str]:
    k = key(past)
    if k.endswith(("ي", "ا")):  # weak verbs: their inflections are listed as extras
        return {k}
    return {k, k + "ت", k + "وا", k + "ا", k + "تا"}


def present_forms(present: str) -> set[str]:
    k = key(present)
    if not k.startswith("ي"):
        return {k}
    stem = k[1:]
    forms = {k, "ت" + stem, "ن" + stem, "ا" + stem}
    if not k.endswith(("ي", "و", "ا")):
        forms |= {k + "ون", "ت" + stem + "ون", k + "ان", "ت" + stem + "ان"}
    return forms


def participle_forms(part: str) -> set[str]:
    k = key(part)
    return {k, k + "ا", k + "ه", k + "ين", k + "ون", k + "تين"}


# Proclitics tried when a word is not found as written: conjunction, then preposition / purpose «ل».
_PROCLITICS = ("وب", "ول", "فب", "فل", "وس", "و", "ف", "ب", "ل", "س")  # «س»: the future of a present («سيلتقي»)


_MEMO: dict[int, dict[str, tuple[str, int] | None]] = {}  # id(lexicon table) -> key -> result


def strip_proclitic(k: str, table) -> tuple[str, int] | None:
    """(the key found in ``table``, characters of prefix) for ``k`` or ``k`` without a proclitic.

    Lookups in the lexicon's own tables are memoised (one dictionary probe per word after the first time)."""
    memo = _MEMO.get(id(table))
    if memo is not None:
        hit = memo.get(k, _MISS)
        if hit is _MISS:
            hit = _strip(k, table)
            if len(memo) < 500_000:
                memo[k] = hit
        return hit
    return _strip(k, table)


_MISS = object()


def _strip(k: str, table) -> tuple[str, int] | None:
    if k in table:
        return k, 0
    for pre in _PROCLITICS:
        if k.startswith(pre) and len(k) - len(pre) >= 2:
            rest = k[len(pre):]
            if rest in table:
                return rest, len(pre)
            if pre.endswith("ل") and rest.startswith("ل") and ("ا" + rest) in table:  # «للحكومة»
                return "ا" + rest, len(pre)
    return None


@dataclass(slots=True, frozen=True)
class Cue:
    lemma: str
    cls: str  # say | claim | add | deny
    form: str  # past | present | participle | extra | noun (a verbal noun of report_nouns.tsv, rule noun-comp)
    content: str = "complement"  # complement | object: what the verb reports (reporting.tsv)
    preps: tuple[str, ...] = ()  # prepositions whose noun phrase is the content, left out of it («حذر من»، «شدد على»)
    plural: bool = False  # a plural form («قالوا»، «يقولون»، «مشيرين»): its subject is a group, never one person
    object_first: bool = False  # the object always follows the verb, before its «بـ» phrase (reporting.tsv «object»)
    prep_subject: bool = False  # the words up to its preposition are the subject (reporting.tsv «object» subject)
    addressee: bool = False  # its object is whom one tells (reporting.tsv «object» addressee: «أخبر»، «أبلغ»)
    suffixed: bool = False  # the form carries an object pronoun («أخبرني»، «تتهمه»), generated by the loader
    pronoun_object: bool = False  # an object-first verb with its object as a suffix («تتهمه»، «ووصفها»): the noun
    #   phrase after it is the subject, and the «بـ» phrase after that is the content


@dataclass(slots=True, frozen=True)
class Trigger:
    lemma: str
    type: str
    pos: str  # verb | noun
    gen: str  # agent | patient | passive | either
    next: str | None
    veto: bool
    form: str  # past | present | noun | extra
    voice: str = "active"  # active | received | received-material (the subject undergoes it: «مسنودا ب»)
    pronoun: bool = False  # the form carries a pronoun suffix: a verb's object («تتهمها»), a noun's doer («إدانتها»)
    within: int = 1  # ``next`` comes at most this many words after the trigger
    person_type: str | None = None  # the type when the doer is a person («هاجم ترامب»: ACCUSE)


def is_next_word(k: str, nxt: str) -> bool:
    """Whether matching key ``k`` is a trigger's required word ``nxt``: as listed, with «ال» or a proclitic
    («النار»، «بالنار»), or a noun with a pronoun suffix or in the plural («مسؤوليتها»، «المسؤوليات»)."""
    for prefix in ("", "ال", "و", "ب", "وال", "بال"):
        if k.startswith(prefix) and len(k) - len(prefix) >= len(nxt) - 1:
            bare = k[len(prefix):]
            if bare == nxt or (nxt.endswith("ه") and bare.startswith((nxt[:-1] + "ت", nxt[:-1] + "ات"))):
                return True
    return False


@dataclass(slots=True, frozen=True)
class Frame:
    """One relation type's frame (frames.tsv): where its target is and whether it is a speech act."""

    type: str
    object: bool
    preps: tuple[str, ...]
    speech: bool
    symmetric: bool
    reader: str  # clause | triggers: which rules read a verb's arguments
    complement: tuple[str, ...] = ()  # prepositions opening what the act is about after its object


@dataclass(slots=True, frozen=True)
class Adjunct:
    """A phrase that relates the actor it introduces to the one it qualifies (adjuncts.tsv)."""

    head: str  # the head form's key («بدعم»، «المدعومة»)
    prep: str | None  # the preposition introducing the actor («من»، «مع»), None when it follows the head at once
    type: str
    host: str  # noun | clause: what the phrase qualifies
    introduced: str  # source | partner
    veto: bool  # sports or culture context disables it


@dataclass(slots=True, frozen=True)
class Lexicon:
    cues: dict[str, Cue]
    report_nouns: dict[str, str]  # verbal noun form key -> the reporting verb it names (report_nouns.tsv)
    time_words: dict[str, str]  # key -> period | when: two-word time phrases («الشهر الماضي», time_phrases.tsv)
    attributions: dict[str, tuple[str, ...]]  # first word key -> the phrase keys starting with it
    complementizers: dict[str, str]  # key -> comp | prep
    comp_owners: frozenset[str]  # words whose following «أن» is their own («إلا أن»، «بعد أن»): no cue's opener
    triggers: dict[str, tuple[Trigger, ...]]
    agents: dict[str, tuple[str, bool]]  # key -> (role, construct)
    anaphors: frozenset[str]  # definite agent nouns that refer back to the article's leading group («التنظيم»)
    hedges: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]  # first word -> ((rest words), modality, scope)...
    context: dict[str, str]
    capitals: dict[str, str]  # registry place id -> the country id it stands for
    connectives: frozenset[str]  # discourse words that open a clause and are never its subject («كما»، «فيما»)
    report_ends: frozenset[str]  # connectives that, after a comma, end a reported clause («، لكنها ...»)
    contrasts: frozenset[str]  # of those, the ones that end a noun-phrase content with no comma («... لكنه لم يشر»)
    subject_keepers: dict[str, frozenset[str]]  # connective -> types whose subjectless verb after it keeps the sentence's subject
    frames: dict[str, Frame]  # relation type -> its frame
    adjuncts: dict[str, Adjunct]  # head form key -> its adjunct frame
    institutions: tuple[tuple[str, str], ...]  # (generic state noun as written, registry kind it stands for)
    short_names: tuple[str, ...]  # head nouns of names that, definite and alone, name the body again («التحالف»)
    titles: frozenset[str]  # title nouns («الرئيس»، «وزير»): an office named with its holder stands for them later
    speaker_words: dict[str, frozenset[str]]  # role -> keys of the words that bound or open a quote's speaker
    instruments: dict[str, str]  # key -> link | death | meets (instruments.tsv): a death and the attack that caused it
    clause_words: dict[str, str]  # key -> adjunct | boundary | negation | preposition | material | mouthpiece | question | formula
    support_verbs: dict[str, tuple[frozenset[str], bool, bool]]  # form key -> (types of the event nouns it carries,
    # "*" for any; whether the form is a verbal noun only: «إطلاق», not «شن»; whether its subject undergoes the act:
    # «تعرضت القوات لهجوم»)
    body_nouns: frozenset[str] = frozenset()  # indefinite heads a nationality describes («وفد أميركي», body_nouns.tsv)


def _cues() -> dict[str, Cue]:
    table: dict[str, Cue] = {}
    for row in _rows("reporting.tsv"):
        lemma = key(row["past"] if row["past"] != "-" else row["present"])
        cls, content, obj = row["class"], row["content"], row["object"]
        preps = tuple(key(p) for p in _split(row["preps"]) if p != "-")
        groups = _form_groups(row, lemma)
        for form, keys, base in groups:
            for k in keys:
                plural = len(k) > len(base) and (k.endswith(("وا", "ون", "ين")) or (form == "past" and k == base + "ا"))
                table.setdefault(k, Cue(lemma, cls, form, content, preps, plural, obj == "first", obj == "subject",
                                        obj == "addressee"))
        if obj not in ("first", "addressee"):
            continue
        # the verb with its object attached: whom one tells («أخبرني صديق أن ...», a plain cue), or the object of
        # an object-first verb («وتتهمه الحكومة بتدبير ...»: the noun phrase after it is then the subject)
        for form, keys, _ in groups:
            for k in keys if form in ("past", "present", "extra") else ():
                for s in _object_suffixed(k, obj == "addressee"):
                    table.setdefault(s, Cue(lemma, cls, form, content, preps, k.endswith(("وا", "ون")),
                                            suffixed=True, pronoun_object=obj == "first"))
    return table


def _form_groups(row: dict[str, str], lemma: str) -> list[tuple[str, set[str], str]]:
    """(form, keys, base key) of a reporting.tsv row: the generated past, present and participle forms and the
    literal extras (those spelled on the participle's stem count as participles: «داعيا»، «نافية»)."""
    groups = []
    for form, generate in (("past", past_forms), ("present", present_forms), ("participle", participle_forms)):
        if row[form] != "-":
            groups.append((form, generate(row[form]), key(row[form])))
    extra = {key(x) for x in _split(row["extra"])}
    if row["participle"] != "-":
        stem = key(row["participle"])
        groups.append(("participle", {x for x in extra if x.startswith(stem)}, stem))
        extra = {x for x in extra if not x.startswith(stem)}
    groups.append(("extra", extra, lemma))
    return groups


def _object_suffixed(k: str, first_person: bool) -> set[str]:
    """A verb form with an object pronoun attached; «ني» (me) too for whom one tells («أخبرني»)."""
    forms = suffixed_forms(k, "verb") if not k.endswith("ون") else {k + x for x in PRONOUN_SUFFIXES}
    return forms | {k + "ني"} if first_person else forms


def _triggers(transitive: set[str]) -> dict[str, tuple[Trigger, ...]]:
    """Trigger forms; verbs of the types whose frame takes an object (``transitive``) also with an object
    suffix, nouns with a possessive one."""
    table: dict[str, list[Trigger]] = {}
    suffixed: list[tuple[str, Trigger]] = []
    for row in _rows("triggers.tsv"):
        lemma = key(row["past"] if row["past"] != "-" else (_split(row["nouns"]) or _split(row["extra"]))[0])
        nxt = key(row["next"]) if row["next"] != "-" else None
        within = int(row["within"]) if row["within"] != "-" else 1
        veto = row["veto"] == "yes"
        person_type = row["person_type"] if row["person_type"] != "-" else None
        groups = []
        if row["past"] != "-":
            groups.append(("past", "verb", past_forms(row["past"])))
        if row["present"] != "-":
            groups.append(("present", "verb", present_forms(row["present"])))
        nouns = set()
        for n in _split(row["nouns"]):
            nk = key(n)
            nouns |= {nk, nk[2:] if nk.startswith("ال") else "ال" + nk}
        groups.append(("noun", "noun", nouns))
        groups.append(("extra", "verb", {key(x) for x in _split(row["extra"])}))
        for form, pos, keys in groups:
            for k in keys | {a for k in keys for a in accusative_forms(k, pos)}:
                _add(table, k, Trigger(lemma, row["type"], pos, row["gen"], nxt, veto, form, row["voice"],
                                       within=within, person_type=person_type))
            for k in (keys if pos == "noun" or row["type"] in transitive else ()):
                for s in suffixed_forms(k, pos):
                    suffixed.append((s, Trigger(lemma, row["type"], pos, row["gen"], nxt, veto, form, row["voice"],
                                                True, within, person_type)))
    listed = set(table)
    for k, t in suffixed:  # a suffixed form never shadows a listed one: «إصابة» (folded «اصابه») is no «أصابه»
        if k not in listed:
            _add(table, k, t)
    return {k: tuple(v) for k, v in table.items()}


def sports_or_culture(keys) -> bool:
    """Whether any of these matching keys puts a sentence in sports or culture context (context.tsv)."""
    return not _context_forms().isdisjoint(keys)


@lru_cache(maxsize=1)
def _context_forms() -> frozenset[str]:
    """Every key ``strip_proclitic`` finds in the context table: the words, each proclitic before them, and the
    «لل» forms of those with «ال» («للمباراة»), so that a sentence is one set test instead of a call per word."""
    forms = set()
    for c in lexicon().context:
        forms.add(c)
        if len(c) >= 2:
            forms.update(pre + c for pre in _PROCLITICS)
        if c.startswith("ال") and len(c) >= 3:
            forms.update(pre + c[1:] for pre in _PROCLITICS if pre.endswith("ل"))
    return frozenset(forms)


def _report_nouns() -> dict[str, str]:
    """Each verbal noun of report_nouns.tsv with and without «ال» and with a pronoun suffix («تحذيرها»،
    «اتهاماته»); the proclitics are stripped at lookup."""
    table: dict[str, str] = {}
    for row in _rows("report_nouns.tsv"):
        for form in (row["noun"], row["plural"]):
            if form == "-":
                continue
            base = key(form)
            for k in (base, "ال" + base, *(base + s for s in PRONOUN_SUFFIXES)):
                table.setdefault(k, key(row["verb"]))
    return table


def reporting_verb(k: str) -> bool:
    """Whether matching key ``k`` is a finite (past or present) form of a reporting cue, clitics allowed."""
    cues = lexicon().cues
    hit = strip_proclitic(k, cues)
    return hit is not None and cues[hit[0]].form in ("past", "present")


def lexicon_verb(k: str, clitics: tuple[str, ...] | None = None) -> bool:
    """Whether matching key ``k`` is a verb of the cue tables: a finite reporting cue or a trigger read only as a
    verb. ``clitics``: the proclitics allowed before it (any when None; («"", "و"») keeps a name such as «فايد» from
    reading as «ف» + «أيد»)."""
    lex = lexicon()
    for table, verb in ((lex.cues, lambda h: lex.cues[h].form in ("past", "present")),
                        (lex.triggers, lambda h: all(t.pos == "verb" for t in lex.triggers[h]))):
        hit = strip_proclitic(k, table)
        if hit is not None and (clitics is None or k[:hit[1]] in clitics) and verb(hit[0]):
            return True
    return False


def readings_of(written: str, triggers: tuple[Trigger, ...]) -> tuple[Trigger, ...]:
    """The readings a word as written allows: a final «ة» is no pronoun suffix, though keys fold it to «ه»
    («وزارة» is a ministry, not «و» + «زاره», visited him)."""
    if written.endswith("ة"):
        return tuple(t for t in triggers if not t.pronoun)
    return triggers


def _add(table: dict[str, list[Trigger]], k: str, t: Trigger) -> None:
    if t not in table.setdefault(k, []):
        table[k].append(t)


PRONOUN_SUFFIXES = ("هما", "هم", "ها", "ه")  # attached pronouns, longest first (one table for every reader)
_WEAK_END = ("ا", "ي", "و", "ء", "ى")


def accusative_forms(k: str, pos: str) -> set[str]:
    """The indefinite accusative of a noun («هجوما»، «اجتماعا»، «اتفاقا»): the object of a light verb («شن هجوما»).
    Nouns in ة, ات or a weak letter take no alef."""
    if pos != "noun" or k.startswith("ال") or k.endswith(_WEAK_END + ("ه", "ات")):
        return set()
    return {k + "ا"}


def suffixed_forms(k: str, pos: str) -> set[str]:
    """Forms with a pronoun suffix: a verb's object («تتهمها»، «حاصرتها»، «قتلوه»), a noun's possessor («إدانتها»،
    «محادثاته»). The ة of a noun (folded to ه in keys) is written ت before a suffix; a plural verb's alef drops.
    Weak verbs (their forms are listed as extras) and nouns with the article take none."""
    if pos == "noun" and k.endswith("اء") and not k.startswith("ال"):
        # the hamza of «لقاء»، «اعتداء» sits on its case vowel before a suffix: «لقاءه»، «لقاؤه»، «لقائه»
        return {k[:-1] + seat + s for seat in ("ء", "ؤ", "ئ") for s in PRONOUN_SUFFIXES}
    if k.startswith("ال") or k.endswith(_WEAK_END) and not k.endswith("وا"):
        return set()
    if pos == "verb":
        stem = k[:-1] if k.endswith("وا") else k
    else:
        stem = k[:-1] + "ت" if k.endswith("ه") else k
    return {stem + s for s in PRONOUN_SUFFIXES}


SPEAKER_ROLES = ("stop", "lead", "addressee", "event", "relative", "pronoun", "bound", "aside",
                 "group-head", "construct-before", "name-link", "not-object", "source", "determiner", "rank",
                 "free-relative")


def _speaker_words() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for row in _rows("speaker_words.tsv"):
        table.setdefault(row["role"], set()).add("" if row["word"] == "-" else key(row["word"]))
    return {role: frozenset(words) for role, words in table.items()}


def _adjuncts() -> dict[str, Adjunct]:
    table: dict[str, Adjunct] = {}
    for row in _rows("adjuncts.tsv"):
        prep = key(row["prep"]) if row["prep"] != "-" else None
        for form in _split(row["forms"]):
            table.setdefault(key(form), Adjunct(key(form), prep, row["type"], row["host"], row["introduced"],
                                                   row["veto"] == "yes"))
    return table


def _agents() -> dict[str, tuple[str, bool]]:
    table: dict[str, tuple[str, bool]] = {}
    for row in _rows("agents.tsv"):
        k = key(row["form"])
        value = (row["role"], row["construct"] == "yes")
        table.setdefault(k, value)
        table.setdefault("ال" + k, value)
        if not k.endswith(("ا", "ي", "ين", "ون", "ه")):
            table.setdefault(k + "ا", (row["role"], False))  # accusative «مسلحا»، «شخصا»
    return table


def _support_verbs() -> dict[str, tuple[frozenset[str], bool, bool]]:
    """Every form of the support verbs (support_verbs.tsv): generated past and present, extras, verbal nouns."""
    verbs: dict[str, set[str]] = {}
    nouns: dict[str, set[str]] = {}
    undergo: set[str] = set()
    for row in _rows("support_verbs.tsv"):
        carries = set(_split(row["carries"]))
        forms = past_forms(row["past"]) if row["past"] != "-" else set()
        forms |= present_forms(row["present"]) if row["present"] != "-" else set()
        forms |= {key(x) for x in _split(row["extra"])}
        for k in forms:
            verbs.setdefault(k, set()).update(carries)
        for k in {key(x) for x in _split(row["nouns"])}:
            nouns.setdefault(k, set()).update(carries)
        if row["voice"] == "undergo":
            undergo |= forms | {key(x) for x in _split(row["nouns"])}
    return {k: (frozenset(verbs.get(k, set()) | nouns.get(k, set())), k not in verbs, k in undergo)
            for k in verbs.keys() | nouns.keys()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    attributions: dict[str, list[str]] = {}
    for row in _rows("attribution.tsv"):
        phrase = " ".join(key(w) for w in row["phrase"].split())
        attributions.setdefault(phrase.split()[0], []).append(phrase)
    hedges: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for row in _rows("hedges.tsv"):
        words = [key(w) for w in row["phrase"].split()]
        hedges.setdefault(words[0], []).append((tuple(words[1:]), row["modality"], row["scope"]))
    frames = {r["type"]: Frame(r["type"], r["object"] == "yes", tuple(key(p) for p in _split(r["preps"])),
                               r["speech"] == "yes", r["symmetric"] == "yes", r["reader"],
                               tuple(key(p) for p in _split(r["complement"])))
              for r in _rows("frames.tsv")}
    lex = Lexicon(
        cues=_cues(),
        report_nouns=_report_nouns(),
        time_words={key(r["word"]): r["role"] for r in _rows("time_phrases.tsv")},
        attributions={k: tuple(sorted(v, key=len, reverse=True)) for k, v in attributions.items()},
        complementizers={key(r["word"]): r["kind"] for r in _rows("complementizers.tsv") if r["kind"] != "owner"},
        comp_owners=frozenset(key(r["word"]) for r in _rows("complementizers.tsv") if r["kind"] == "owner"),
        triggers=_triggers({t for t, f in frames.items() if f.object}),
        agents=_agents(),
        anaphors=frozenset("ال" + key(r["form"]) for r in _rows("agents.tsv") if r["anaphor"] == "yes"),
        hedges={k: tuple(sorted(v, key=lambda e: len(e[0]), reverse=True)) for k, v in hedges.items()},
        context={key(r["word"]): r["domain"] for r in _rows("context.tsv")},
        capitals={r["place"]: r["country"] for r in _rows("capitals.tsv")},
        connectives=frozenset(key(r["word"]) for r in _rows("connectives.tsv")),
        report_ends=frozenset(key(r["word"]) for r in _rows("connectives.tsv") if r["after_report"] in ("ends", "contrast")),
        contrasts=frozenset(key(r["word"]) for r in _rows("connectives.tsv") if r["after_report"] == "contrast"),
        subject_keepers={key(r["word"]): frozenset(_split(r["subject"])) for r in _rows("connectives.tsv") if _split(r["subject"])},
        frames=frames,
        instruments={key(r["word"]): r["role"] for r in _rows("instruments.tsv")},
        clause_words={key(r["word"]): r["role"] for r in _rows("clause_words.tsv")},
        support_verbs=_support_verbs(),
        adjuncts=_adjuncts(),
        institutions=tuple((r["form"], r["institution"]) for r in _rows("institutions.tsv")),
        short_names=tuple(r["head"] for r in _rows("short_names.tsv")),
        speaker_words=_speaker_words(),
        titles=frozenset(key(r["title"]) for r in _rows("titles.tsv")),
        body_nouns=frozenset(key(r["form"]) for r in _rows("body_nouns.tsv")),
    )
    for table in (lex.cues, lex.triggers, lex.agents, lex.context, lex.report_nouns):
        _MEMO[id(table)] = {}
    return lex


_CLASSES = {"say", "claim", "add", "deny"}
_CONTENTS = {"complement", "object"}


def _reporting_problems(n: int, row: dict[str, str]) -> list[str]:
    """Problems of one reporting.tsv row: its class, content and object kinds, its forms, its prepositions."""
    where, problems = f"reporting.tsv row {n} ({row.get('past')})", []
    if row.get("class") not in _CLASSES:
        problems.append(f"{where}: class {row.get('class')!r} not in {sorted(_CLASSES)}")
    if row.get("content") not in _CONTENTS:
        problems.append(f"{where}: content {row.get('content')!r} not in {sorted(_CONTENTS)}")
    obj = row.get("object")
    if obj not in ("first", "subject", "addressee", "-") or (obj in ("first", "subject") and row.get("content") != "object") \
            or (obj == "addressee" and row.get("content") != "complement"):
        problems.append(f"{where}: object must be «first» or «subject» (an object cue), «addressee» (a complement "
                        "cue) or «-»")
    if obj == "subject" and row.get("preps") in (None, "", "-"):
        problems.append(f"{where}: object «subject» needs a preposition")
    if all(row.get(c) in (None, "", "-") for c in ("past", "present", "participle")):
        problems.append(f"{where}: no past, present or participle")
    for p in _split(row.get("preps") or "-"):
        if p != "-" and lexicon().complementizers.get(key(p)) != "prep":
            problems.append(f"{where}: {p!r} is not a preposition of complementizers.tsv")
    return problems


def validate() -> list[str]:
    """Problems in the cue tables (an unknown class or content kind, a verb row without forms, a connective that
    is also a reporting cue); empty when they are sound."""
    problems = [p for n, row in enumerate(_rows("reporting.tsv"), 1) for p in _reporting_problems(n, row)]
    cues = lexicon().cues
    lemmas = {c.lemma for c in cues.values()}
    for r in _rows("complementizers.tsv"):
        if r.get("kind") not in ("comp", "prep", "owner"):
            problems.append(f"complementizers.tsv {r.get('word')}: kind must be comp, prep or owner")
    for r in _rows("time_phrases.tsv"):
        if r.get("role") not in ("period", "when"):
            problems.append(f"time_phrases.tsv {r.get('word')}: role must be period or when")
    for r in _rows("report_nouns.tsv"):
        if key(r.get("verb") or "") not in lemmas:
            problems.append(f"report_nouns.tsv {r.get('noun')}: verb {r.get('verb')!r} is no cue of reporting.tsv")
    for r in _rows("frames.tsv"):
        for col in ("object", "speech", "symmetric"):
            if r.get(col) not in ("yes", "no"):
                problems.append(f"frames.tsv {r.get('type')}: {col} must be yes or no")
        if r.get("reader") not in ("clause", "triggers"):
            problems.append(f"frames.tsv {r.get('type')}: reader must be clause or triggers")
    for r in _rows("triggers.tsv"):
        if r.get("voice") not in ("active", "received", "received-material"):
            problems.append(f"triggers.tsv {r.get('past')}: voice must be active or received")
        within = r.get("within") or ""
        if within != "-" and not (within.isdigit() and int(within) >= 1 and r.get("next") != "-"):
            problems.append(f"triggers.tsv {r.get('past')}: within must be - or a count of words, with a next word")
    trigger_types = {r["type"] for r in _rows("triggers.tsv")}
    for r in _rows("triggers.tsv"):
        if r.get("person_type") not in ("-", *trigger_types):
            problems.append(f"triggers.tsv {r.get('past')}: person_type {r.get('person_type')!r} is no trigger type")
    for missing in sorted(trigger_types - set(lexicon().frames)):
        problems.append(f"frames.tsv: no frame for the trigger type {missing}")
    for r in _rows("clause_words.tsv"):
        if r.get("role") not in ("adjunct", "boundary", "relative", "negation", "preposition", "material", "mouthpiece",
                                 "question", "formula", "link", "share", "apposition", "emphatic",
                                 "quantifier", "continuative"):
            problems.append(f"clause_words.tsv {r.get('word')}: role {r.get('role')!r}")
    seen_bodies: set[str] = set()
    for r in _rows("body_nouns.tsv"):
        form = r.get("form") or ""
        if not form or form.startswith("ال") or key(form) in seen_bodies:
            problems.append(f"body_nouns.tsv {form!r}: empty, definite or repeated (forms are indefinite heads)")
        seen_bodies.add(key(form))
    for r in _rows("support_verbs.tsv"):
        unknown = [t for t in _split(r.get("carries") or "") if t != "*" and t not in lexicon().frames]
        if unknown or not _split(r.get("carries") or ""):
            problems.append(f"support_verbs.tsv {r.get('past')}: carries {r.get('carries')!r}: not relation types or *")
        if r.get("voice") not in ("do", "undergo"):
            problems.append(f"support_verbs.tsv {r.get('past')}: voice {r.get('voice')!r}: do or undergo")
    for r in _rows("instruments.tsv"):
        if r.get("role") not in ("link", "death", "meets"):
            problems.append(f"instruments.tsv {r.get('word')}: role {r.get('role')!r} not in ['death', 'link', 'meets']")
    for r in _rows("connectives.tsv"):
        if key(r["word"]) in cues:
            problems.append(f"connectives.tsv: {r['word']} is also a reporting cue")
        if r.get("after_report") not in ("ends", "goes-on", "contrast"):
            problems.append(f"connectives.tsv {r.get('word')}: after_report must be ends, goes-on or contrast")
        if any(t not in lexicon().frames for t in _split(r.get("subject"))):
            problems.append(f"connectives.tsv {r.get('word')}: subject {r.get('subject')!r}: not relation types or -")
    problems += _adjunct_problems(set(lexicon().frames))
    for r in _rows("speaker_words.tsv"):
        if r.get("role") not in SPEAKER_ROLES:
            problems.append(f"speaker_words.tsv {r.get('word')}: role {r.get('role')!r} not in {SPEAKER_ROLES}")
    for r in _rows("short_names.tsv"):
        if not r.get("head") or r["head"].startswith("ال") or " " in r["head"]:
            problems.append(f"short_names.tsv {r.get('head')!r}: one noun, written without «ال»")
    for r in _rows("institutions.tsv"):
        if r.get("institution") not in ("military", "government") or not any(
                w.startswith("ال") for w in (r.get("form") or "").split()):
            problems.append(f"institutions.tsv {r.get('form')}: a definite form standing for the military or government")
    return problems


def _adjunct_problems(types: set[str]) -> list[str]:
    problems = []
    for r in _rows("adjuncts.tsv"):
        where = f"adjuncts.tsv {r.get('forms', '')[:20]}"
        if r.get("type") not in types:
            problems.append(f"{where}: type {r.get('type')!r} has no frame")
        if r.get("host") not in ("noun", "clause"):
            problems.append(f"{where}: host must be noun or clause")
        if r.get("introduced") not in ("source", "partner"):
            problems.append(f"{where}: introduced must be source or partner")
        if r.get("veto") not in ("yes", "no"):
            problems.append(f"{where}: veto must be yes or no")
        if not _split(r.get("forms", "")):
            problems.append(f"{where}: no forms")
    return problems
