"""Real SaudiNewsNet articles that name places and a person the shipped registry lacks (districts of Aden,
Chattanooga, Burundi's president), the analyst's actor file for them, and the check that each is linked in the
clitic forms the articles write («لتشاتانوغا», «بشاتانوغا», «وكريتر», «والتواهي», «بالشيخ عثمان»)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from data_access import need_data

ACTORS_CSV = """id,kind,name_ar,name_en,aliases_ar,aliases_en,country,wikidata
per:pierre-nkurunziza,person,بيير نكورونزيزا,Pierre Nkurunziza,نكورونزيزا,Nkurunziza,BDI,
loc:chattanooga,place,تشاتانوغا,Chattanooga,شاتانوغا,,USA,
loc:crater-aden,place,كريتر,Crater,مديرية كريتر,,YEM,
loc:tawahi,place,التواهي,Tawahi,حي التواهي,,YEM,
loc:sheikh-othman,place,الشيخ عثمان,Sheikh Othman,,,YEM,
loc:mualla,place,المعلا,Al Mualla,,,YEM,
"""

# (actor, proclitic, name): every «proclitic + name» the articles write must give an entity of the actor
# spanning the name alone
CLITIC_FORMS = (
    ("loc:chattanooga", "ل", "تشاتانوغا"),
    ("loc:chattanooga", "ب", "شاتانوغا"),
    ("per:pierre-nkurunziza", "ل", "نكورونزيزا"),
    ("loc:crater-aden", "و", "كريتر"),
    ("loc:tawahi", "و", "التواهي"),
    ("loc:sheikh-othman", "ب", "الشيخ عثمان"),
    ("loc:mualla", "و", "المعلا"),
)
SCAN = 500  # SaudiNewsNet articles searched for the forms


def actors_file(folder: Path) -> Path:
    path = folder / "my_actors.csv"
    path.write_text(ACTORS_CSV, encoding="utf-8")
    return path


@lru_cache(maxsize=1)
def _articles() -> tuple[dict, ...]:
    need_data("corpora", "saudinewsnet")
    from rased import datasets

    out = []
    for doc in datasets.saudinewsnet(limit=SCAN):
        text = f"{doc.title}\n{doc.text}"
        if any(f" {c}{n}" in text for _a, c, n in CLITIC_FORMS):
            out.append({"title": doc.title, "text": doc.text, "url": doc.url, "source": doc.source})
    return tuple(out)


def articles() -> list[dict]:
    """The articles (title, text, url, source) that write at least one of ``CLITIC_FORMS``."""
    return [dict(a) for a in _articles()]


def write_jsonl(path: Path) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles()), encoding="utf-8")
    return path


def missed_forms(analysed) -> list[str]:
    """The clitic forms of ``CLITIC_FORMS`` in the analysed articles that are not linked to their actor, and the
    forms never met (an empty list: every form was met and linked)."""
    missed, met = [], set()
    for article in analysed:
        linked = {(e.start, e.end, e.actor_id) for e in article.entities or ()}
        for actor_id, clitic, name in CLITIC_FORMS:
            at = article.text.find(" " + clitic + name)
            while at >= 0:
                start = at + 1 + len(clitic)
                met.add((actor_id, clitic, name))
                if (start, start + len(name), actor_id) not in linked:
                    missed.append(f"{article.id}: {clitic}{name} not linked to {actor_id}")
                at = article.text.find(" " + clitic + name, at + 1)
    return missed + [f"{c}{n} not met" for a, c, n in CLITIC_FORMS if (a, c, n) not in met]
