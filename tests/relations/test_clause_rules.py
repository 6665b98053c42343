"""The clause cascade (rased.claims.verb_frames): one table of real news sentences per named rule.

Sentences are from ANT articles outside every gold set (the one in the received table is shortened)."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import rased
from rased.record import to_dict


def _relations(text: str):
    return [(r.type, r.rule, r.source.actor_id if r.source else None, r.target.actor_id if r.target else None,
             r.modality) for r in rased.analyze(text.encode()).relations]


@pytest.mark.parametrize("text, expected", [
    ("واتهمت بريطانيا موسكو في تلك القضية.", ("ACCUSE", "vso", "cty:GBR", "cty:RUS", "asserted")),
    # a title phrase is read on to the name it introduces: Trump, not America
    ("واتهم الرئيس الأمريكي دونالد ترامب ألمانيا بإنفاق القليل على الدفاع.",
     ("ACCUSE", "vso", "per:trump", "cty:DEU", "asserted")),
    # an apposition between commas describes the subject; the object comes after it
    ("واتهم فيلق الرحمن، أحد فصائل المعارضة المسلحة، روسيا بالتصعيد العسكري ومحاولة تهجير السكان بالقوة.",
     ("ACCUSE", "vso", "grp:faylaq-al-rahman", "cty:RUS", "asserted")),
    ("ووقع جيش الإسلام، أحد فصائل المعارضة السورية، اتفاقا مع روسيا.",
     ("AGREE", "vso", "grp:jaysh-al-islam", "cty:RUS", "asserted")),
])
def test_vso(text, expected):
    assert expected in _relations(text)


@pytest.mark.parametrize("text, expected", [
    # an actor right before a verb without «و» is its subject: the actor after the verb is the object
    ("يذكر أن تركيا تتهم وحدات حماية الشعب بأنها تمثل الفرع السوري لحزب العمال الكردستاني.",
     ("ACCUSE", "topic-svo", "cty:TUR", "grp:ypg", "asserted")),
    ("تركيا تهدد بالرد إذا أوقفت الولايات المتحدة مبيعات الأسلحة.",
     ("THREATEN", "topic-svo", "cty:TUR", "cty:USA", "asserted")),
])
def test_topic_svo(text, expected):
    assert expected in _relations(text)


@pytest.mark.parametrize("text, expected", [
    # the actor right before the required «المسؤولية» is the object, the actor between it and the verb the subject
    ("وقد أبعدت 29 دولة عشرات الدبلوماسيين الروس بسبب عملية التسميم، التي حملت بريطانيا روسيا المسؤولية عنها.",
     ("ACCUSE", "object-before-next", "cty:GBR", "cty:RUS", "asserted")),
    ("وفي أبريل /نيسان الماضي، حملت إثيوبيا القاهرة المسؤولية عن فشل اجتماع الخرطوم الثلاثي بشأن سد النهضة.",
     ("ACCUSE", "object-before-next", "cty:ETH", "cty:EGY", "asserted")),
    # co-subjects stand beside the subject; the object is the first actor after them, over «كامل»
    ("وتحمل هولندا وأستراليا موسكو كامل المسؤولية عن نشر الصاروخ.",
     ("ACCUSE", "object-before-next", "cty:NLD", "cty:RUS", "asserted")),
    # a blamer no actor table names («الرابطة») leaves the source empty; no other actor of the discourse takes it
    ("أعلنت الحكومة اليمنية عن خطة جديدة. وحملت الرابطة جماعة الحوثي كامل المسؤولية عن حياة أبنائها.",
     ("ACCUSE", "object-before-next", None, "grp:houthis", "asserted")),
    # no subject in the clause: the speaker of the quote it lies in blames
    ("أكد الرئيس الفلسطيني محمود عباس، الاثنين، أنه يحمّل حركة حماس مسؤولية تفجير موكب رئيس الحكومة الفلسطينية.",
     ("ACCUSE", "object-before-next", "per:mahmoud-abbas", "grp:hamas", "asserted")),
])
def test_object_before_next(text, expected):
    assert expected in _relations(text)


def test_bearing_responsibility_oneself_blames_nobody():
    # «تتحمل»/«تحمل» with no object before «المسؤولية»: the subject bears it, no accusation
    for text in ("وقالت لورانس إنها تشعر بالخجل وتتحمل كامل المسؤولية عما حدث.",
                 "وتحمل الحكومة المصرية المسؤولية عن الأزمة."):
        assert not [r for r in _relations(text) if r[0] == "ACCUSE"], text


@pytest.mark.parametrize("text, expected", [
    # the one actor after «وحثت» is followed by the frame's complement «على»: it is the object
    ("وحذرت الولايات المتحدة من تصعيد جديد في سوريا. وحثت روسيا على وقف دعمها لنظام الأسد.",
     ("REQUEST", "zero-subject", "cty:USA", "cty:RUS", "asserted")),
    # a verb right after a connective («كما») opens its clause with no subject of its own
    ("وناشدت الحكومة الليبية الانتقالية الحكماء والعقلاء في المدينة التدخل. كما دعت الليبيين إلى التكاثف والتوافق "
     "للخروج من هذه الأزمات التي تمر بها البلاد.",
     ("REQUEST", "zero-subject", "gov:lby-interim", "cty:LBY", "asserted")),
])
def test_zero_subject(text, expected):
    assert expected in _relations(text)


@pytest.mark.parametrize("text, expected", [
    # the visitor a visit noun names meets the one actor after «حيث التقى», read on to the name apposed to the title
    ("وجاءت الغارة بعد يوم من زيارة رئيس الوزراء العراقي، حيدر العبادي، إلى أنقرة، حيث التقى الرئيس التركي، رجب طيب "
     "أردوغان.", ("CONSULT", "kept-subject", "per:haider-al-abadi", "per:erdogan", "asserted")),
    ("وقالت وسائل إعلام صينية إن الزعيم الكوري الشمالي كيم جونغ أون قام بزيارة ثانية إلى الصين، حيث التقى الرئيس، "
     "شي جين بينغ، بعد أن كان قد التقى به في مارس الماضي.",
     ("CONSULT", "kept-subject", "per:kim-jong-un", "per:xi-jinping", "reported")),
])
def test_kept_subject(text, expected):
    assert expected in _relations(text)


@pytest.mark.parametrize("text, rule", [
    # two actors after the verb: it names its own subject and object
    ("وتوجه الرئيس الكوري الجنوبي مون جاي إن إلى المنطقة منزوعة السلاح، حيث استقبل مون زعيم كوريا الشمالية.", "vso"),
    # coordinated actors after the verb are the ones who met, no one else
    ("ووضعت تركيا وروسيا خصوماتهما جانبا، لإقامة علاقات أوثق، حيث التقى بوتن وأردوغان عدة مرات في العام الماضي.",
     "subject-only"),
])
def test_a_verb_after_where_that_names_its_subject_keeps_it(text, rule):
    found = [r for r in _relations(text) if r[0] == "CONSULT" and r[1] != "triggers"]
    assert [r[1] for r in found] == [rule]


@pytest.mark.parametrize("text, expected", [
    ("وخاض الجيش اليمني مواجهات عنيفة مع ميليشيات الحوثي، مسنودا بالتحالف العربي، في جبهة نهم شرق العاصمة صنعاء.",
     ("AID", "received", "mil:arab-coalition", "mil:yem", "asserted")),
    ("وقال التقرير إن ميليشيا حزب الله تتلقى ما بين 700 إلى 800 مليون دولار سنوياً من إيران.",
     ("AID", "received", "cty:IRN", "grp:hezbollah", "reported")),
])
def test_received(text, expected):
    assert expected in _relations(text)


def test_what_is_asked_names_no_addressee():
    # Sky News Arabia and Al-Arabiya 2018, in no gold set: after «إلى»/«على» comes what is asked, so an actor
    # there is no target; the one asked stands before it
    found = _relations("دعا وزير الدولة للشؤون الخارجية الإماراتي أنور قرقاش إلى تدخل أممي عاجل لحماية الشعب "
                       "الفلسطيني.")
    assert [r for r in found if r[0] == "REQUEST"] and not [r for r in found if r[0] == "REQUEST" and r[3]], found
    found = _relations("ودعا نيكولاي ملادينوف، المنسق الخاص لعملية السلام في الشرق الأوسط، إلى التنديد باستخدام "
                       "إسرائيل القوة المميتة ضد الفلسطينيين.")
    assert not [r for r in found if r[0] == "REQUEST" and r[3] == "cty:ISR"], found
    found = _relations("أفاد مقاتلو المعارضة وسكان بأن طائرات سورية قصفت بلدات تسيطر عليها المعارضة في جنوبي "
                       "البلاد، بينما دعت واشنطن إلى اجتماع عاجل في الأردن لمراجعة الوضع في جنوب غرب سوريا.")
    assert ("REQUEST", "subject-only", "cty:USA", None, "asserted") in found, found
    found = _relations("ودعت واشنطن السلطات الإيرانية إلى الإفراج عن الصحافي.")
    assert [r for r in found if r[0] == "REQUEST" and r[2] == "cty:USA" and r[3]], found


def test_a_verb_without_the_word_its_row_requires_is_no_relation():
    # Asharq al-Awsat and Sky News Arabia, in no gold set: «وقع» signs an agreement only with one after it
    # («وقع بوتين اتفاقية»); an attack that took place, a law signed and casualties inflicted sign none
    for text in ("وجاءت سلسلة الهجمات في العاصمة بعد أقل من اسبوع على تفجير انتحاري وقع الجمعة في سوق منطقة خان "
                 "بني سعد في محافظة ديالى، وتبناه التنظيم.",
                 "في عام 2015 وقع الرئيس أوباما قانونا يسمح بدفع تعويضات لـ 53 أمريكيا أو أسرهم.",
                 "نسب الى تنظيم داعش واوقع الثلاثاء 32 قتيلا ومئة جريح في سوروتش بالقرب من الحدود مع سوريا."):
        assert not [r for r in _relations(text) if r[0] == "AGREE"], text


def test_the_next_clause_lends_no_negation():
    # «لكنه لم يقدم» belongs to the next clause: the accusation itself is asserted
    rels = _relations("واتهم مادورو كولومبيا بالضلوع في هذه المحاولة، لكنه لم يقدم أي أدلة.")
    assert ("ACCUSE", "vso", "per:nicolas-maduro", "cty:COL", "asserted") in rels


def test_violent_types_stay_with_the_trigger_rules():
    rels = _relations("وقتل مسلحون مجهولون ثلاثة جنود في هجوم على نقطة تفتيش شمال بغداد.")
    assert rels and all(rule == "triggers" for typ, rule, *_ in rels if typ == "ASSAULT")


def test_two_analyses_in_threads_equal_serial_runs():
    texts = ["واتهمت بريطانيا موسكو في تلك القضية.", "قال وزير الخارجية إن المفاوضات ستبدأ قريبا.",
             "وخاض الجيش اليمني مواجهات عنيفة مع ميليشيات الحوثي، مسنودا بالتحالف العربي."] * 4
    serial = [to_dict(rased.analyze(t.encode())) for t in texts]
    with ThreadPoolExecutor(3) as pool:
        parallel = list(pool.map(lambda t: to_dict(rased.analyze(t.encode())), texts))
    assert parallel == serial


@pytest.mark.parametrize("text, expected", [
    # an apposed name is the subject, not the target
    ("ودعا الرئيس الفلسطيني، محمود عباس، المجتمع الدولي إلى التدخل.",
     ("REQUEST", "subject-only", "per:mahmoud-abbas", None, "asserted")),
    # a coordinated co-subject is no target
    ("واتهمت فرنسا والولايات المتحدة روسيا بالوقوف وراء الهجوم.", ("ACCUSE", "vso", "cty:FRA", "cty:RUS", "asserted")),
])
def test_subject_partners(text, expected):
    assert expected in _relations(text)


def test_a_mouthpiece_is_no_target():
    rels = _relations("وأشادت الأمم المتحدة على لسان أمينها العام أنطونيو غوتيريش بالاتفاق.")
    support = [r for r in rels if r[0] == "SUPPORT"]
    assert support and all(target != "per:guterres" for _, _, _, target, _ in support), support


def test_receiving_words_is_no_aid():
    assert not [r for r in _relations("وتلقى الرئيس الأمريكي رسالة من الرئيس الكوري الشمالي كيم جونغ أون.")
                if r[0] == "AID"]


def test_an_event_inside_an_accusation_is_the_accusers_claim():
    article = rased.analyze("اتهمت الولايات المتحدة إيران بدعم الحوثيين بالسلاح.".encode())
    aid = [r for r in article.relations if r.type == "AID"]
    assert aid and aid[0].modality == "reported" and aid[0].attributed_to.actor_id == "cty:USA"


def test_the_dateline_is_no_argument():
    article = rased.analyze("دبي، الإمارات العربية المتحدة (CNN) -- اتهمت الولايات المتحدة إيران بالتصعيد.".encode())
    assert article.relations
    for r in article.relations:
        assert r.evidence_start >= article.text.index("اتهمت")
        assert all(m is None or m.start >= article.text.index("اتهمت") for m in (r.source, r.target))


def test_arguments_of_clause_read_types_name_actors():
    # «أخيرا» (finally) is no addressee: the request keeps its source and loses the adverb
    rels = [r for r in rased.analyze("وطالبت منظمة العفو الدولية أخيرا بالإفراج عن المعتقلين.".encode()).relations
            if r.type == "REQUEST"]
    assert rels and all(r.target is None or r.target.text != "أخيرا" for r in rels)


# --- adjunct frames (claims.adjuncts, cues/adjuncts.tsv): SaudiNewsNet articles of August 2015, in no gold set

@pytest.mark.parametrize("text, expected", [
    # a participle after the noun phrase it qualifies
    ("وكان الحوثيون المدعومون من ايران استولوا على الرضمة في سبتمبر أيلول.",
     ("SUPPORT", "adjunct-noun", "cty:IRN", "grp:houthis", "asserted")),
    # «بدعم من» an armed force qualifies the clause's doer, the first of its coordination, and is AID
    ("تمكنت قوات الجيش الوطني والمقاومة الشعبية اليمنية، بدعم من قوات التحالف، أمس، من تحرير مديرية لودر "
     "الاستراتيجية في محافظة أبين.",
     ("AID", "adjunct-clause+material", None, "mil:yem", "asserted")),
    ("أصدرت وزارة الحج بالتعاون مع وزارة الخارجية أكثر من 300 ألف تأشيرة لحجاج الخارج.",
     ("COOPERATE", "adjunct-clause", None, None, "asserted")),
])
def test_adjunct_frames(text, expected):
    assert expected in _relations(text)


def test_a_participle_qualifies_only_the_phrase_right_before_it():
    # the militias are backed by Iran, not Yemen six words before
    text = "قال رئيس هيئة الأركان العامة اليمني إن اليمن وقع تحت سيطرة مليشيات مدعومة من إيران."
    article = rased.analyze(text.encode())
    assert {"cty:YEM", "cty:IRN"} <= {e.actor_id for e in article.entities}
    assert not [r for r in article.relations if r.rule.startswith("adjunct")]
    assert not [r for r in article.relations if r.type == "SUPPORT" and r.target and r.target.actor_id == "cty:YEM"]


def test_a_sports_sentence_disables_an_adjunct():
    sport = ("تستضيف محافظة ينبع الجمعة القادم بطولة المملكة للجيتي سكي التي ينظمها الاتحاد السعودي للرياضات "
             "البحرية بالتعاون مع لجنة التنمية السياحية.")
    article = rased.analyze(sport.encode())
    assert "ORG" in {e.type for e in article.entities if e.text == "لجنة التنمية السياحية"}
    assert not [r for r in article.relations if r.type == "COOPERATE"]


# --- pronoun suffixes (claims.pronouns; suffixed trigger forms generated by the cue loader)

@pytest.mark.parametrize("text, expected", [
    # the object of a verb in a relative clause is the noun the clause describes
    ("ومع هزائم مليشيا الحوثي وقوات المخلوع صالح على يد المقاومة الشعبية التي يدعمها التحالف العربي بقيادة "
     "السعودية.", ("AID", "vso+pronoun+material", "mil:arab-coalition", "grp:popular-resistance-ye", "asserted")),
    # a noun's possessive suffix is its doer; what the trigger rules read after it is the one acted on
    ("بدوره، أكد المطلك في حديث لـ«الشرق الأوسط» دعمه لإجراءات العبادي.",
     ("SUPPORT", "triggers+pronoun", "per:saleh-al-mutlaq", "per:haider-al-abadi", "asserted")),
])
def test_pronoun_suffixes(text, expected):
    assert expected in _relations(text)


def test_a_relative_clause_about_no_actor_lends_no_target():
    # «الذين يدعمهم الغرب»: the corrupt officials are backed, not the Houthis named before them
    text = ("وكان الحوثيون المدعومون من ايران استولوا على الرضمة في سبتمبر أيلول فيما قالوا إنها ثورة ضد المسؤولين "
            "الفاسدين الذين يدعمهم الغرب.")
    rels = _relations(text)
    assert ("SUPPORT", "adjunct-noun", "cty:IRN", "grp:houthis", "asserted") in rels
    assert [r for r in rels if r[1] == "adjunct-noun"] == [r for r in rels if r[0] == "SUPPORT"]


# --- «بين» and blame (trigger rules), SaudiNewsNet August 2015, in no gold set

def test_between_the_sides_told_with_min_jiha():
    text = ("وفي محافظة إب بجنوب صنعاء تحتدم المواجهات أيضا بين الحوثيين وحلفائهم الموالين للرئيس السابق علي "
            "عبدالله صالح من جهة وقوات المقاومة الشعبية من جهة أخرى.")
    assert ("FIGHT", "triggers", "grp:houthis", "grp:popular-resistance-ye", "asserted") in _relations(text)


def test_laying_blame_is_an_accusation():
    rels = _relations("وقد أصدر محامي تيلير تصريحا يلقي فيه اللوم على هاموند.")
    assert [r for r in rels if r[0] == "ACCUSE" and r[3] == "per:philip-hammond"]


def test_a_ministry_is_no_visit():
    # SaudiNewsNet, August 2015: «وزارة» folds to the key of «و» + «زاره» (and visited him)
    text = ("والمهندس فهد بن عبدالرحمن الجلاجل ممثلاً عن وزارة التجارة والصناعة، والأستاذ عبدالله بن صالح بن جمعة "
            "ممثلا عن الهيئة العامة للسياحة والتراث الوطني.")
    article = rased.analyze(text.encode())
    assert "PER" in {e.type for e in article.entities}
    assert not [r for r in article.relations if r.trigger.startswith("وزار")]


@pytest.mark.parametrize("text", [
    # SaudiNewsNet, August 2015, cut where a sentence splitter cut it: a preposition at the very end
    "بعدما رفع رصيده إلى ثماني نقاط، فيما قبع سموحة في ذيل المجموعة برصيد ثلاث نقاط، بعدما تلقى خسارته الثالثة على",
    "هاجم المسلحون على",
])
def test_a_text_that_ends_on_a_preposition(text):
    article = rased.analyze(text.encode())
    assert article.text and article.sentences


def test_an_adverb_is_no_argument():
    rels = _relations("وقصفت إسرائيل مرتين.")
    assert ("ASSAULT", "triggers", "cty:ISR", None, "asserted") in rels


def test_there_is_names_nobody():
    # «هناك» (there is) before a word that is both a verb and a noun is not its subject: the noun's own phrase is
    found = rased.analyze("وكان هناك تجمع لأنصار المعارضة أمام مقر الحكومة التركية.".encode()).relations
    assert [(r.type, r.source.text if r.source else None, r.target.actor_id if r.target else None) for r in found] == [
        ("PROTEST", "لأنصار المعارضة", "gov:tur")]


@pytest.mark.parametrize("text, expected", [
    # the object pronoun of a relative clause set off by a comma stands for the noun before the comma
    ("واعتقلت السلطات التركية 271 جندياً في عملية استهدفت أنصار الداعية فتح الله غولن، الذي تتهمه أنقرة بتدبير "
     "محاولة انقلاب قبل عامين.", ("ACCUSE", "subject-only+pronoun", "cty:TUR", "per:fethullah-gulen", "asserted")),
    ("وتكافح الحكومة الصومالية، التي تدعمها بعثة الاتحاد الإفريقي منذ سنوات، لبسط سيطرتها على البلاد.",
     ("SUPPORT", "triggers+pronoun", "int:au", "gov:som", "asserted")),
])
def test_a_relative_after_a_comma_describes_the_noun_before_it(text, expected):
    assert expected in _relations(text)


@pytest.mark.parametrize("text, expected", [
    # an object title phrase is read on to the person named right after it: Trump, not the United States
    ("وحذر وزير الخارجية الفرنسي، جان إيف لودريان، الأربعاء، الرئيس الأميركي دونالد ترمب من عواقب الانسحاب من "
     "الاتفاق النووي.", ("THREATEN", "vso", "per:jean-yves-le-drian", "per:trump", "asserted")),
    # «نظيره» (his counterpart) with a nationality and a name is that person; with the nationality alone, that country
    ("ومن المقرر أن يلتقي الرئيس المصري عبد الفتاح السيسي نظيره الروسي فلاديمير بوتين في سوتشي.",
     ("CONSULT", "vso", "per:sisi", "per:putin", "asserted")),
    ("وزار الرئيس السوداني عمر البشير روسيا آخر مرة في نوفمبر الماضي، حيث التقى نظيره الروسي، ووقعا عددا من "
     "الاتفاقيات.", ("CONSULT", "kept-subject", "per:omar-al-bashir", "cty:RUS", "asserted")),
])
def test_an_object_title_reads_on_to_its_name(text, expected):
    assert expected in _relations(text)


def test_a_match_between_teams_is_no_meeting():
    # «يلتقي المنتخب ... نظيره» in a sports sentence is a match (veto of triggers.tsv); the same verb between
    # leaders stays a consultation
    match = _relations("ويلتقي المنتخب الإسباني نظيره الإيراني في مدينة كازان يوم الأربعاء ضمن منافسات المجموعة "
                       "الثانية لكأس العالم.")
    leaders = _relations("والتقى الرئيس المصري عبد الفتاح السيسي نظيره الروسي فلاديمير بوتين في سوتشي.")
    assert [r for r in match if r[0] == "CONSULT"] == []
    assert ("CONSULT", "vso", "per:sisi", "per:putin", "asserted") in leaders
