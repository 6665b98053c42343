"""The support-verb rule (claims.support_verbs, support_verbs.tsv): an event noun carried by a light verb takes the
verb's subject as its doer. Sentences from unseen news articles (shortened where marked)."""
import pytest

import rased
from rased.knowledge.cues import lexicon


def _relations(text: str):
    return [(r.type, r.rule, r.source.text if r.source else None, r.target.text if r.target else None, r.modality)
            for r in rased.analyze(text.encode()).relations]


@pytest.mark.parametrize("text, expected", [
    # the subject after the verb, the target after the noun's preposition
    ("وفرضت واشنطن عقوبات على الخرطوم.", ("SANCTION", "support-verb", "واشنطن", "الخرطوم", "asserted")),
    # a counting noun between the verb and its object («سلسلة»)
    ("وفرضت الولايات المتحدة سلسلة عقوبات على روسيا في الآونة الأخيرة.",
     ("SANCTION", "support-verb", "الولايات المتحدة", "روسيا", "asserted")),
    ("وتجري الحكومة البريطانية حاليا مشاورات مع الاتحاد الأوروبي.",
     ("CONSULT", "support-verb", "الحكومة البريطانية", "الاتحاد الأوروبي", "asserted")),
    # the subject before the verb; «لا تزال» is «still», no negation
    ("وقالت الحكومة إن حركة طالبان لا تزال تخوض المعارك ضد القوات الحكومية.",
     ("FIGHT", "support-verb", "حركة طالبان", "القوات الحكومية", "asserted")),
    # the pluperfect «كان ... قد» + a form-IV past asserts; a long subject with its co-subject and their phrase
    ("وكان الجيش التركي وحلفاء له من المعارضة السورية قد أطلقوا عملية عسكرية قبل شهرين لإخراج وحدات حماية "
     "الشعب الكردية من مدينة عفرين.", ("ASSAULT", "support-verb", "الجيش التركي", None, "asserted")),
    # a number between the verb and its object; a military adjective stays with its head noun
    ("وأكد المتحدث أن القوات الجوية شنت أربع غارات على مواقع لتنظيم داعش.",
     ("ASSAULT", "support-verb+triggers", "القوات الجوية", "تنظيم داعش", "reported")),
    # a noun whose genitive is its patient: the counted ones right after it
    ("وقد قامت السلطات باعتقال ثلاثة ناشطين.", ("COERCE", "support-verb", "السلطات", "ناشطين", "asserted")),
    # a relative clause: the relative word stands for the noun before it (shortened)
    ("ووصل وزير الخارجية الإيراني محمد جواد ظريف، الذي يقوم بزيارة إلى بكين، للقاء نظيره الصيني.",
     ("CONSULT", "support-verb", "محمد جواد ظريف", None, "asserted")),
])
def test_support_verb(text, expected):
    assert expected in _relations(text)


@pytest.mark.parametrize("text, expected", [
    # the noun is in a phrase after the verb's own object: not carried by «واصل»
    ("وواصل الرئيس الإيراني حسن روحاني دفاعه عن الاتفاق النووي مع القوى الكبرى.", "AGREE"),
    # a verbal noun after «ل» names its doer only as its genitive: the clause's subject is not Turkey's operation's
    ("وانتقد زعيم كردي سوري بارز روسيا لإعطائها الضوء الاخضر لتركيا لشن عملية عسكرية في منطقة عفرين.", "ASSAULT"),
])
def test_not_carried(text, expected):
    found = _relations(text)
    assert any(r[0] == expected for r in found)  # the trigger rules still read the noun
    assert all(r[1] != "support-verb" for r in found if r[0] == expected)


def test_table_forms():
    table = lexicon().support_verbs
    assert "ASSAULT" in table["شنت"][0] and table["شنت"][1] is False
    assert table["اطلاق"][1] is True  # a verbal noun only
    assert "*" in table["قامت"][0]


@pytest.mark.parametrize("text, expected", [
    # the subject undergoes the act; the «من» phrase after the noun names the doer
    ("وتعرضت القوات العراقية لهجوم من تنظيم داعش.", ("ASSAULT", "undergo", "تنظيم داعش", "القوات العراقية", "asserted")),
    ("وأشار إلى أن الولايات المتحدة تواجه تهديدات من القاعدة وداعش.",
     ("THREATEN", "undergo", "القاعدة", "الولايات المتحدة", "reported")),
    # a nationality or a genitive right after the noun is its doer
    ("وتواجه روسيا عقوبات أمريكية جديدة.", ("SANCTION", "undergo", "أمريكية", "روسيا", "asserted")),
    ("وتعرضت ألمانيا لانتقادات الرئيس التركي رجب طيب أردوغان.",
     ("ACCUSE", "undergo", "الرئيس التركي رجب طيب أردوغان", "ألمانيا", "asserted")),
    # no doer named: only the one who suffers it, never the nearest actor elsewhere
    ("وواجه الرئيس الروسي فلاديمير بوتين انتقادات بعد تصريحاته.",
     ("ACCUSE", "undergo", None, "الرئيس الروسي فلاديمير بوتين", "asserted")),
])
def test_undergo_verb(text, expected):
    assert expected in _relations(text)


@pytest.mark.parametrize("text", [
    # «تُلقي ... باللوم» throws the blame: what one suffers comes bare or after «ل»
    "وتتهمه السلطات بالارتباط بحركة غولن التي تلقي تركيا باللوم عليها في تنفيذ الانقلاب.",
    # an unnamed noun right before the verb is its subject, not an actor further back
    "ويهيمن النظام المالي الأميركي على التعاملات، مما يردع البنوك من التعامل مع أي مصدر يخضع للعقوبات الأميركية.",
])
def test_not_undergone(text):
    found = _relations(text)
    assert found and all(r[1] != "undergo" for r in found)


def test_undergo_forms():
    table = lexicon().support_verbs
    assert table["تعرضت"][2] is True and table["شنت"][2] is False
