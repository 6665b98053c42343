"""Trigger forms the cue loader generates: the indefinite accusative of nouns and pronoun suffixes."""
from __future__ import annotations

from rased.knowledge.cues import accusative_forms, lexicon, strip_proclitic, suffixed_forms, word_key


def _readings(word: str) -> set[tuple[str, str, bool]]:
    triggers = lexicon().triggers
    hit = strip_proclitic(word_key(word), triggers)
    return {(t.type, t.pos, t.pronoun) for t in triggers[hit[0]]} if hit else set()


def test_light_verb_objects_and_suffixed_forms_are_triggers():
    assert ("CONSULT", "noun", False) in _readings("اجتماعا")  # «عقد ... اجتماعا مع»
    assert ("ASSAULT", "noun", False) in _readings("هجوما")
    assert ("ACCUSE", "verb", True) in _readings("وتتهمها")
    assert ("CONSULT", "noun", True) in _readings("محادثاته")
    assert ("ACCUSE", "verb", True) in _readings("اتهمتهم")


def test_a_suffixed_form_never_shadows_a_listed_one():
    # «إصابة» folds to the key of «أصابه» (he hit him): the listed noun stays the only reading
    assert _readings("إصابة") == {("ASSAULT", "noun", False)}


def test_intransitive_types_take_no_object_suffix():
    # «الصلات التي تجمعهما»: «تجمع» (to rally) takes no object, so «تجمعهما» is no protest verb
    assert ("PROTEST", "verb", True) not in _readings("تجمعهما")


def test_form_rules():
    assert accusative_forms("اتفاق", "noun") == {"اتفاقا"}
    assert accusative_forms("هدنه", "noun") == set() and accusative_forms("اتفاق", "verb") == set()
    assert suffixed_forms("قتلوا", "verb") == {"قتلوه", "قتلوها", "قتلوهم", "قتلوهما"}
    assert "ادانتها" in suffixed_forms("ادانه", "noun")
    assert suffixed_forms("الهجوم", "noun") == set()
    # a final hamza takes the seat of its case vowel before a suffix: «لقاؤه»، «لقائه»، «لقاءه»
    assert {"لقاءه", "لقاؤه", "لقائه", "لقائهم"} <= suffixed_forms("لقاء", "noun")
    assert suffixed_forms("لقاء", "verb") == set() and suffixed_forms("اللقاء", "noun") == set()


def test_a_written_teh_marbuta_is_no_pronoun_suffix():
    from rased.knowledge.cues import readings_of

    triggers = lexicon().triggers
    hit = strip_proclitic(word_key("وزارة"), triggers)  # folds to «و» + «زاره» (visited him)
    assert hit is not None and any(t.pronoun for t in triggers[hit[0]])
    assert readings_of("وزارة", triggers[hit[0]]) == ()
    assert readings_of("وزاره", triggers[hit[0]]) == triggers[hit[0]]


def test_no_verb_is_reached_through_a_glued_ba():
    # Sky News Arabia and Asharq al-Awsat, in no gold set: «ب» governs nouns, so «وبحث» (discussed) is no «حث»
    # (urged) and «باحث» (a researcher) no «أحث»; a three-letter past spelt like its verbal noun stays
    # («بطرد دبلوماسيين»: expelling them)
    import rased

    def types(text: str) -> set[str]:
        return {r.type for r in rased.analyze(text.encode()).relations}

    assert "REQUEST" not in types("وزار السيسي في أغسطس 2015، موسكو، والتقى بوتن، وبحث الرئيسان سبل دعم العلاقات "
                                  "الاقتصادية، وزيادة التبادل التجاري بين البلدين.")
    assert "REQUEST" not in types("وقال باحث يمني في شؤون الجماعات المتطرفة لـ«الشرق الأوسط» إن «اليمن الآن مهيأ "
                                  "تمامًا لزرع خلايا إرهابية».")
    assert "SANCTION" in types("وأعلنت الخارجية أن موسكو ستقوم بطرد دبلوماسيين بريطانيين رداً على قرار لندن طرد "
                               "23 دبلوماسيا روسيا.")


def test_praise_and_condemnation_verbs_are_triggers():
    # forms of «امتدح», «استنكر», «شجب» as news writes them; «اثني عشر» (twelve) is no praise
    assert ("SUPPORT", "verb", False) in _readings("وامتدح")
    assert ("ACCUSE", "verb", False) in _readings("واستنكرت")
    assert ("ACCUSE", "verb", False) in _readings("تستنكر")
    assert ("ACCUSE", "verb", False) in _readings("وشجبت")
    assert _readings("اثني") == set()
