"""Cue tables: inflected and clitic forms are generated from the data rows."""
from __future__ import annotations

import pytest

from rased.knowledge.cues import lexicon, strip_proclitic, word_key


@pytest.mark.parametrize("word, lemma", [
    ("قال", "قال"), ("قالت", "قال"), ("وقال", "قال"), ("يقول", "قال"), ("قائلاً", "قال"),
    ("أكد", "اكد"), ("مؤكدا", "اكد"), ("ليؤكد", "اكد"), ("وأضاف", "اضاف"), ("مضيفاً", "اضاف"),
    ("وأضافت", "اضاف"), ("كشف", "كشف"), ("أعلن", "اعلن"), ("صرح", "صرح"), ("أوضح", "اوضح"),
    ("أشار", "اشار"), ("حذر", "حذر"), ("نفى", "نفي"), ("نفت", "نفي"), ("اعتبر", "اعتبر"), ("رأى", "راي"),
    ("زعم", "زعم"), ("ادعى", "ادعي"),
])
def test_reporting_cue_forms(word, lemma):
    hit = strip_proclitic(word_key(word), lexicon().cues)
    assert hit is not None, word
    assert lexicon().cues[hit[0]].lemma == lemma


@pytest.mark.parametrize("word, type_", [
    ("بقتل", "ASSAULT"), ("وخطفوا", "ASSAULT"), ("اغتالت", "ASSAULT"), ("محادثات", "CONSULT"),
    ("تظاهر", "PROTEST"), ("المتظاهرون", "PROTEST"), ("اشتباكات", "FIGHT"), ("اعتقال", "COERCE"),
    ("اتهم", "ACCUSE"), ("وهدد", "THREATEN"), ("تحالف", "COOPERATE"), ("عقوبات", "SANCTION"),
])
def test_trigger_forms(word, type_):
    hit = strip_proclitic(word_key(word), lexicon().triggers)
    assert hit is not None, word
    assert type_ in {t.type for t in lexicon().triggers[hit[0]]}


def test_attribution_and_agents():
    lex = lexicon()
    assert "بحسب" in lex.attributions and "نقلا عن" in lex.attributions[word_key("نقلا")]
    assert strip_proclitic(word_key("والمسلحين"), lex.agents) is not None
    assert strip_proclitic(word_key("مسلحا"), lex.agents) is not None


def test_cue_tables_validate():
    from rased.knowledge.cues import validate

    assert validate() == []


@pytest.mark.parametrize("word, content, prep", [
    ("وحذر", "object", ("من",)), ("دعت", "object", ("إلى",)), ("طالبت", "object", ()), ("قال", "complement", ()),
    ("وشدد", "complement", ("على",)), ("وشكت", "object", ("من", "عن")), ("اشتكى", "object", ("من",)),
])
def test_reporting_cue_frames(word, content, prep):
    cue = lexicon().cues[strip_proclitic(word_key(word), lexicon().cues)[0]]
    assert (cue.content, cue.preps) == (content, tuple(word_key(p) for p in prep))


def test_tokens_of_two_articles_in_threads_do_not_mix():
    from concurrent.futures import ThreadPoolExecutor

    from rased.knowledge.cues import article_words

    texts = ["قال الوزير إن المفاوضات ستستأنف.", "أعلن الجيش مقتل عشرين مسلحا في الموصل."] * 20
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: [x.text for x in article_words(t)[0]], texts))
    assert got == [[x.text for x in article_words(t)[0]] for t in texts]
    assert got[0][0] == "قال" and got[1][0] == "أعلن"


@pytest.mark.parametrize("row, problem", [
    ({"object": "subject", "content": "object", "preps": "-"}, "needs a preposition"),
    ({"object": "addressee", "content": "object", "preps": "-"}, "object must be"),
    ({"object": "first", "content": "complement", "preps": "-"}, "object must be"),
    ({"object": "sometimes", "content": "object", "preps": "-"}, "object must be"),
])
def test_reporting_row_object_kinds_are_checked(row, problem):
    from rased.knowledge.cues import _reporting_problems

    full = {"past": "أعلن", "present": "يعلن", "participle": "-", "class": "claim", "extra": "", **row}
    assert any(problem in p for p in _reporting_problems(1, full))
    assert _reporting_problems(1, {**full, "object": "-"}) == []


@pytest.mark.parametrize("word, flags", [
    # (suffixed, pronoun_object, addressee, prep_subject)
    ("وتتهمه", (True, True, False, False)), ("أخبرني", (True, False, False, False)),
    ("أخبر", (False, False, True, False)), ("وأصرت", (False, False, False, True)), ("اتهم", (False, False, False, False)),
])
def test_reporting_object_kinds_make_the_cue_forms(word, flags):
    cue = lexicon().cues[strip_proclitic(word_key(word), lexicon().cues)[0]]
    assert (cue.suffixed, cue.pronoun_object, cue.addressee, cue.prep_subject) == flags
