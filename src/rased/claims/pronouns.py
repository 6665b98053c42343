"""Pronoun suffixes on relation words, resolved to the actor they stand for.

A verb's object suffix is its target («... منظمة الخوذ البيضاء. وتتهمها روسيا بالارتباط بالقاعدة» → Russia accuses
the White Helmets); a noun's possessive suffix is its doer («أعربت الخارجية المصرية عن إدانتها للهجوم»). The
antecedent is the nearest actor named before the word — in its sentence, else in the sentence before it in the same
paragraph — that agrees with the suffix and is not the word's other argument nor inside a prepositional phrase («من مؤيدي الحكومة السورية»): «ه» one masculine (a person), «ها»
one feminine or a non-human plural (a country, «الحكومة»، «القوات»، «منظمة الخوذ البيضاء»), «هم» a human plural
(«الحوثيين»). A name whose gender the words do not show («طالبان»، «الجيش») agrees with any; «هما» (two) is left
unresolved. In a relative clause the suffix stands for the noun the clause describes («المقاومة الشعبية التي يدعمها
التحالف»، «المسؤولين الفاسدين الذين يدعمهم الغرب»: no actor).
"""
from __future__ import annotations

from ..knowledge.cues import PRONOUN_SUFFIXES, lexicon, strip_proclitic
from . import clauses
from .clauses import Arg
from .view import TokenView

_AGREES = {"ه": ("masculine", "unknown"), "ها": ("feminine", "unknown"), "هم": ("plural", "unknown")}


def suffix(view: TokenView, k: int, type_: str) -> str | None:
    """The pronoun suffix of relation word ``k`` when the lexicon matched it through a suffixed form of ``type_``."""
    found, _ = clauses.trigger_readings(view, k)
    if not any(t.pronoun and t.type == type_ for t in found):
        return None
    return next((s for s in PRONOUN_SUFFIXES if view.keys[k].endswith(s)), None)


def role(view: TokenView, k: int, type_: str) -> str | None:
    """What the suffix of word ``k`` is: ``target`` for a verb's object; for a noun's possessor what its genitive
    is (``gen`` in triggers.tsv): the doer of an agent noun («محادثاته»), the one done to of a patient noun, and of
    a transitive verb's noun the doer only when the one acted on follows at once («إدانتها للهجوم»، «انتقاده سياسات
    الاتحاد»; in «تمويلها من الولايات المتحدة» she is the one funded). None where the form is both a verb and a noun («أدانتها»، «إدانتها»)."""
    triggers = lexicon().triggers
    hit = strip_proclitic(view.keys[k], triggers)
    found = [t for t in triggers[hit[0]] if t.pronoun and t.type == type_] if hit is not None else []
    kinds = {t.pos for t in found}
    if len(kinds) > 1:
        pos = "verb" if _reads_as_verb(view, k) else "noun"
        kinds, found = {pos}, [t for t in found if t.pos == pos]
    if len(kinds) != 1:
        return None
    if found[0].pos == "verb":
        return "target"
    gen = found[0].gen
    if gen == "either":  # the one acted on follows at once: «انتقاده سياسات الاتحاد»، «دعمها للحوثيين»
        nxt = view.keys[k + 1] if k + 1 < len(view.keys) and view.is_word(k + 1) else ""
        acted_on = nxt and nxt[:1] != "و" and lexicon().clause_words.get(nxt) not in ("preposition", "adjunct")
        return "source" if acted_on or _governed_after_modifiers(view, k) else None
    return "source" if gen == "agent" else "target"


_MODIFIER_WORDS = 4  # «تأييده وولائه غير المشروط للرئيس»: coordinated possessed nouns and adjectives
_NOT = "غير"


def _governed_after_modifiers(view: TokenView, k: int) -> bool:
    """The one acted on follows with «ل» past the noun's own modifiers: nouns coordinated with the same suffix
    («تأييده وولائه»), definite adjectives and «غير» («غير المشروط»)."""
    own = next((s for s in PRONOUN_SUFFIXES if view.keys[k].endswith(s)), "")
    for j in range(k + 1, min(len(view.keys), k + 1 + _MODIFIER_WORDS)):
        key = view.keys[j]
        if not view.is_word(j):
            return False
        if key[:1] == "ل" and len(key) > 3:
            return j > k + 1
        if not (key.startswith("ال") or key == _NOT or own and key[:1] == "و" and key.endswith(own)):
            return False
    return False


def _reads_as_verb(view: TokenView, k: int) -> bool:
    """A form that is both a verb and a noun («دعمه»: he backed him / his backing) is the verb where a verb
    stands: after «و/ف» on the word («ودعمه»)، a relative, a negation, «قد» or a complementizer before it;
    elsewhere the noun («أكد المطلك ... دعمه لإجراءات العبادي»)."""
    key = view.keys[k]
    if key[:1] in ("و", "ف") and strip_proclitic(key[1:], lexicon().triggers) is not None:
        return True
    if k == 0 or not view.is_word(k - 1):
        return k == 0
    before = view.keys[k - 1]
    role = lexicon().clause_words.get(before)
    return role in ("relative", "negation") or before == "قد" or before in lexicon().complementizers


def _governed(view: TokenView, j: int, floor: int) -> bool:
    """Inside a prepositional phrase: «من الحكومة»، «من مؤيدي الحكومة السورية» (a construct after the preposition)."""
    if clauses.preposition_before(view, j, floor) is not None:
        return True
    return j - 1 > floor and view.is_word(j - 1) and not view.keys[j - 1].startswith("ال") \
        and clauses.preposition_before(view, j - 1, floor) is not None


def _gender(view: TokenView, a: Arg) -> str:
    """masculine, feminine, plural or unknown, from the entity type and the head word (or the noun that heads the
    name: «منظمة الخوذ البيضاء» is feminine)."""
    e = view.entity[a.t0]
    if e is not None and e.type == "PER":
        return "masculine"
    if (a.actor_id or "").startswith("cty:"):
        return "feminine"
    head = a.text.split()[0] if a.text.split() else ""
    head = head[1:] if head[:1] in ("و", "ف") and head[1:3] == "ال" else head
    before = view.toks[a.t0 - 1].text if a.t0 > 0 and view.is_word(a.t0 - 1) else ""
    if head.endswith(("ون", "ين")):
        return "plural"
    if head.endswith(("ة", "ات")) or before.endswith("ة"):
        return "feminine"
    return "unknown"


def _candidates(view: TokenView, k: int):
    """Tokens before ``k``, nearest first, back to the start of the sentence before it in the paragraph."""
    sentences = [(a, b) for a, b in view.sentences if a <= k]
    floor = sentences[-1][0] if sentences else 0
    if len(sentences) > 1 and view.paragraph[sentences[-2][0]] == view.paragraph[k]:
        floor = sentences[-2][0]
    return range(k - 1, floor - 1, -1)


def antecedent(view: TokenView, k: int, suffix_: str, other: Arg | None) -> Arg | None:
    """The actor the suffix of word ``k`` stands for, or None."""
    wanted = _AGREES.get(suffix_)
    if wanted is None:
        return None
    if k > 0 and lexicon().clause_words.get(view.keys[k - 1]) == "relative":
        # «المقاومة الشعبية التي يدعمها التحالف»: the noun the relative clause describes, or no actor; set off by
        # a comma too («جماعة الحوثي، التي تدعمها إيران»)
        end = k - 2 if k > 1 and view.toks[k - 2].text in "،," else k - 1
        head = clauses.actor_ending_at(view, end, end - 5, "relative-head")
        return head if head is not None and (other is None or head.actor_id != other.actor_id) else None
    for j in _candidates(view, k):
        a = clauses.actor_at(view, j, "antecedent")
        if a is None or a.t1 > k or (view.entity[j] is not None and view.entity[j].type == "NAT") \
                or _governed(view, j, 0):
            continue
        if other is not None and (a.t0 < other.t1 and other.t0 < a.t1
                                  or a.actor_id is not None and a.actor_id == other.actor_id):
            continue
        if _gender(view, a) in wanted:
            return a
    return None
