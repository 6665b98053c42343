"""A small store for the explorer tests: the seed article and a few news-like articles, annotated by hand.

Entities, quotes and relations are added by hand (spans found in the text), so that the pages can be tested
before the pipeline's entity/quote/relation stages exist. Actor names come from the shipped registry.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from rased import analyze
from rased.knowledge import registry
from rased.record import ActorRef, Article, Entity, Mention, Published, Quote, Relation, content_id
from rased.store import Stored, open_store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "samples" / "seed_article.txt"

XSS_TITLE = '<script>alert("title")</script> خبر عن الموصل'
XSS_BODY = (
    'أفاد مراسلنا في الموصل بأن <img src=x onerror=alert(1)> ظهر في بيان منسوب إلى داعش، '
    'وأن النص "<script>document.title=1</script>" نُشر على موقع مجهول مساء أمس.'
)


def _ref(actor_id: str) -> ActorRef | None:
    a = registry.load().get(actor_id)
    return ActorRef(a.name_ar, a.name_en, a.wikidata, a.kind) if a else None


def find(text: str, surface: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(surface, at + 1)
    return at


def ent(text: str, surface: str, type: str, actor_id: str | None, nth: int = 0) -> Entity:
    s = find(text, surface, nth)
    return Entity(s, s + len(surface), surface, type, actor_id, _ref(actor_id) if actor_id else None)


def mention(e: Entity) -> Mention:
    return Mention(e.start, e.end, e.text, e.actor_id)


def annotate(a: Article, names: list[tuple[str, str, str | None]]) -> tuple[Entity, ...]:
    """Every occurrence of each (surface, type, actor id) in the text, without overlaps."""
    out: list[Entity] = []
    for surface, type, actor_id in names:
        at = a.text.find(surface)
        while at >= 0:
            span = (at, at + len(surface))
            if not any(e.start < span[1] and span[0] < e.end for e in out):
                out.append(Entity(*span, surface, type, actor_id, _ref(actor_id) if actor_id else None))
            at = a.text.find(surface, at + 1)
    return tuple(sorted(out, key=lambda e: e.start))


SEED_NAMES = [
    ("تنظيم  داعش", "ORG", "grp:isis"), ("داعش", "ORG", "grp:isis"), ("القاعدة", "ORG", "grp:al-qaeda"),
    ("الموصل", "LOC", "loc:mosul"), ("إياد علاوي", "PER", "per:iyad-allawi"), ("البغدادي", "PER", "per:abu-bakr-al-baghdadi"),
    ("الظواهري", "PER", "per:zawahiri"), ("العراق", "LOC", "cty:IRQ"), ("القوات العراقية", "ORG", "mil:irq"),
]


def seed_article(annotated: bool = True) -> Article:
    a = analyze(SEED.read_bytes(), source="albawabhnews")
    if not annotated:
        return a
    text = a.text
    ents = annotate(a, SEED_NAMES)
    allawi = next(e for e in ents if e.actor_id == "per:iyad-allawi")
    isis = next(e for e in ents if e.actor_id == "grp:isis" and e.start > allawi.start)
    qaeda = next(e for e in ents if e.actor_id == "grp:al-qaeda" and e.start > isis.start)
    ev_start = find(text, "بدء محادثات")
    ev_end = find(text, "بشأن تحالف محتمل") + len("بشأن تحالف محتمل")
    cue = find(text, "كشف")
    content_start = find(text, "عن معلومات")
    quote = Quote(mention(allawi), allawi.text, cue, cue + len("كشف"), content_start, ev_end, False)
    relation = Relation("CONSULT", mention(isis), mention(qaeda), ev_start, ev_end, "محادثات", "reported",
                        attributed_to=mention(allawi))
    return dataclasses.replace(a, entities=ents, quotes=(quote,), relations=(relation,))


OTHERS = [
    ("alarabiya", "2017-04-17", "القوات العراقية تتقدم في الجانب الغربي من الموصل",
     "أعلنت القوات العراقية اليوم الاثنين أنها استعادت السيطرة على حيين جديدين في الجانب الغربي من مدينة الموصل "
     "بعد معارك عنيفة مع مسلحي تنظيم داعش، وقال قائد عمليات قادمون يا نينوى إن القوات تواصل التقدم نحو المدينة "
     "القديمة حيث يتحصن المئات من عناصر التنظيم بين المدنيين. وأضاف أن فرق الهندسة العسكرية فككت عشرات العبوات "
     "الناسفة التي زرعها التنظيم في الطرق والمباني، مشيرا إلى أن آلاف العائلات نزحت من الأحياء المحررة خلال "
     "الأيام الماضية باتجاه المخيمات في جنوب المدينة."),
    ("skynews", "2017-04-18", "معارك ضارية في المدينة القديمة بالموصل ونزوح آلاف العائلات",
     "تواصل القوات العراقية معارك ضارية ضد تنظيم داعش في محيط المدينة القديمة بالموصل، فيما نزحت آلاف العائلات "
     "من الأحياء الغربية هربا من القصف والقنص. وقالت منظمات إغاثة إن المخيمات جنوب الموصل باتت مكتظة، وإن الحاجة "
     "ماسة إلى المياه والأدوية. وذكر ضابط في الجيش العراقي أن عناصر التنظيم يستخدمون المدنيين دروعا بشرية ويطلقون "
     "طائرات مسيرة مفخخة على القوات المتقدمة في الأزقة الضيقة للمدينة القديمة."),
    ("saudinewsnet", "2015-06-02", "السلطات السعودية تعلن القبض على خلية مرتبطة بداعش في الرياض",
     "أعلنت وزارة الداخلية السعودية القبض على خلية من ستة أشخاص مرتبطة بتنظيم داعش في الرياض، كانت تخطط لاستهداف "
     "مساجد ومنشآت أمنية في المنطقة الشرقية. وقال المتحدث الأمني إن الخلية تلقت تعليمات من قيادات التنظيم في "
     "سوريا، وإن التحقيقات مستمرة لكشف بقية المتورطين. وأشاد مسؤولون بيقظة رجال الأمن في إحباط المخطط قبل "
     "تنفيذه، مؤكدين أن المملكة ماضية في حربها على الإرهاب."),
    ("saudinewsnet", "2015-09-14", "التحالف يستهدف مواقع للحوثيين في صنعاء",
     "شنت طائرات التحالف العربي بقيادة السعودية سلسلة غارات على مواقع لجماعة الحوثيين في العاصمة اليمنية صنعاء، "
     "استهدفت مخازن أسلحة ومعسكرات تدريب. وقال شهود عيان إن دوي الانفجارات سمع في أنحاء المدينة طوال الليل. "
     "وأكد المتحدث باسم التحالف أن الغارات جاءت ردا على إطلاق صاروخ باليستي باتجاه الأراضي السعودية، مشيرا إلى "
     "أن الدفاعات الجوية اعترضته قبل وصوله إلى هدفه."),
]

OTHER_NAMES = [
    ("القوات العراقية", "ORG", "mil:irq"), ("الجيش العراقي", "ORG", "mil:irq"), ("تنظيم داعش", "ORG", "grp:isis"),
    ("بداعش", "ORG", "grp:isis"), ("داعش", "ORG", "grp:isis"), ("الموصل", "LOC", "loc:mosul"),
    ("بالموصل", "LOC", "loc:mosul"), ("الرياض", "LOC", "loc:riyadh"), ("السعودية", "LOC", "cty:SAU"),
    ("الحوثيين", "ORG", "grp:houthis"), ("صنعاء", "LOC", None),
]


def news(source: str, day: str, title: str, text: str) -> Article:
    a = Article(id=content_id(text), text=text, title=title, source=source,
                url=f"https://{source}.example/{content_id(text)[:8]}",
                published=Published(day, "day", "caller", day))
    return dataclasses.replace(a, entities=annotate(a, OTHER_NAMES), quotes=(), relations=())


def near_duplicate(a: Article, source: str) -> Article:
    """The same report republished by another outlet with a last sentence changed."""
    text = a.text.replace("باتجاه المخيمات في جنوب المدينة.", "باتجاه المخيمات جنوب المدينة بحسب مصادر محلية.")
    b = dataclasses.replace(a, id=content_id(text), text=text, source=source,
                            url=f"https://{source}.example/{content_id(text)[:8]}")
    return dataclasses.replace(b, entities=annotate(b, OTHER_NAMES))


def xss_article() -> Article:
    a = Article(id=content_id(XSS_BODY), text=XSS_BODY, title=XSS_TITLE, source="<b>evil</b>",
                url="javascript:alert(1)", published=Published("2017-04-19", "day", "caller", "2017-04-19"))
    return dataclasses.replace(a, entities=annotate(a, [("الموصل", "LOC", "loc:mosul"), ("داعش", "ORG", "grp:isis")]),
                               quotes=(), relations=())


def articles(seed_annotated: bool = True) -> list[Article]:
    others = [news(*row) for row in OTHERS]
    return [seed_article(seed_annotated), *others, near_duplicate(others[0], "bbcarabic"), xss_article()]


def fill(path: str | Path, seed_annotated: bool = True) -> list[Article]:
    arts = articles(seed_annotated)
    with open_store(str(path)) as store:
        store.put([Stored(a, f"test:{i}", a.id) for i, a in enumerate(arts)])
    return arts


# Sentences for a bigger store (pagination, date order): each article takes three of them, a different three
# each time, so no two are near-duplicates; every article names «الفلوجة».
SENTENCES = [
    "أعلنت قيادة العمليات المشتركة استعادة السيطرة على قرى جديدة في محيط الفلوجة",
    "وقال مسؤول محلي إن مئات العائلات وصلت إلى مخيمات النزوح خلال الساعات الماضية",
    "وذكرت مصادر طبية أن المستشفى الرئيسي يعاني نقصا حادا في الأدوية والوقود",
    "وأكد المتحدث العسكري أن فرق الهندسة فككت عشرات العبوات الناسفة على الطريق الدولي",
    "ودعت منظمات الإغاثة إلى فتح ممرات آمنة لخروج المدنيين المحاصرين",
    "وأشار شهود عيان إلى تحليق مكثف للطائرات فوق الأحياء الشمالية طوال الليل",
    "وتحدث نواب في البرلمان عن خطة لإعادة إعمار الجسور والمدارس المتضررة",
    "ونقلت وكالات الأنباء عن سكان قولهم إن الأسواق أغلقت أبوابها منذ أيام",
    "وأفاد مراسلون بأن قوافل المساعدات الغذائية دخلت الأطراف الجنوبية للمدينة",
    "وبحث محافظ الأنبار مع السفير الأممي سبل عودة النازحين إلى منازلهم",
    "وحذر خبراء من انتشار الأمراض في المخيمات مع ارتفاع درجات الحرارة",
    "واتهم مسؤولون أمنيون التنظيم باستخدام المدنيين دروعا بشرية في الأزقة الضيقة",
]
MANY_SOURCES = ("alarabiya", "skynews", "bbcarabic")


def many(n: int = 45) -> list[Article]:
    """``n`` distinct articles about «الفلوجة», one a day from 2016-01-01 backwards by 11 days, from three outlets."""
    import itertools
    from datetime import date, timedelta

    out = []
    for i, (a, b, c) in enumerate(itertools.islice(itertools.combinations(range(len(SENTENCES)), 3), n)):
        text = f"{SENTENCES[a]} في الفلوجة يوم {i + 1}. {SENTENCES[b]}. {SENTENCES[c]}."
        day = (date(2016, 1, 1) - timedelta(days=11 * i)).isoformat()
        out.append(news(MANY_SOURCES[i % 3], day, f"الفلوجة: تقرير {i + 1}", text))
    return out


def graph_article() -> Article:
    """ISIS with two linked counterparts (al-Qaeda, the Iraqi army) and two that are not actors: an unknown
    attacker and a common noun («ضربات عسكرية»)."""
    text = ("قال مسؤولون إن تنظيم داعش أجرى محادثات مع تنظيم القاعدة في الفلوجة، وإن القوات العراقية اشتبكت مع "
            "تنظيم داعش قرب المدينة. وتعرض التنظيم لهجوم مجهول، كما استهدفت ضربات عسكرية مواقع تنظيم داعش.")
    a = news("alarabiya", "2016-02-01", "داعش والقاعدة في الفلوجة", text)
    ents = annotate(a, [("تنظيم داعش", "ORG", "grp:isis"), ("تنظيم القاعدة", "ORG", "grp:al-qaeda"),
                        ("القوات العراقية", "ORG", "mil:irq"), ("ضربات عسكرية", "MISC", None)])
    isis = [e for e in ents if e.actor_id == "grp:isis"]
    qaeda = next(e for e in ents if e.actor_id == "grp:al-qaeda")
    army = next(e for e in ents if e.actor_id == "mil:irq")
    strikes = next(e for e in ents if e.text == "ضربات عسكرية")

    def span(words: str) -> tuple[int, int]:
        s = find(text, words)
        return s, s + len(words)

    rels = (
        Relation("CONSULT", mention(isis[0]), mention(qaeda), *span("أجرى محادثات مع تنظيم القاعدة"), "محادثات", "reported"),
        Relation("FIGHT", mention(army), mention(isis[1]), *span("اشتبكت مع تنظيم داعش"), "اشتبكت", "reported"),
        Relation("ASSAULT", None, mention(isis[1]), *span("وتعرض التنظيم لهجوم مجهول"), "هجوم", "asserted"),
        Relation("ASSAULT", mention(strikes), mention(isis[2]), *span("استهدفت ضربات عسكرية مواقع تنظيم داعش"),
                 "استهدفت", "asserted"),
    )
    return dataclasses.replace(a, entities=ents, relations=rels)


def fill_many(path: str | Path, n: int = 45) -> list[Article]:
    arts = [*many(n), graph_article()]
    with open_store(str(path)) as store:
        store.put([Stored(a, f"many:{i}", a.id) for i, a in enumerate(arts)])
    return arts
