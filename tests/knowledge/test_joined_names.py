"""Two persons named one after the other and tagged as one NER span are cut in two; one person's chain of names
is not. NER spans are given by hand, as the model tags them on such sentences."""
from __future__ import annotations

import pytest

from rased.knowledge import linking, matcher, registry


def linked(text, ner):
    def span(surface):
        start = text.index(surface)
        return (start, start + len(surface), "PER", 0.9)

    entities = linking.link(text, matcher.find(text), [span(n) for n in ner], registry.load())
    return [(e.text, e.actor_id) for e in entities if e.type == "PER"]


@pytest.mark.parametrize("text, ner, expected", [
    # rule «registry»: the names of two persons of the registry cover the span word for word
    ("والتقى ترامب بوتين في هلسنكي الاثنين.", ["ترامب بوتين"], [("ترامب", "per:trump"), ("بوتين", "per:putin")]),
    ("واستقبل أردوغان ظريف في أنقرة أمس.", ["أردوغان ظريف"], [("أردوغان", "per:erdogan"), ("ظريف", "per:zarif")]),
    # rule «surname»: the first word is the surname of a person named in full before, two words follow
    ("وقال زعيم حزب العمال جيرمي كوربن إن الحكومة أخطأت. وحث كوربن تريزا ماي على الاستقالة.",
     ["جيرمي كوربن", "كوربن تريزا ماي"],
     [("جيرمي كوربن", "per:jeremy-corbyn"), ("كوربن", "per:jeremy-corbyn"), ("تريزا ماي", None)]),
])
def test_two_persons_in_one_span_are_cut(text, ner, expected):
    assert linked(text, ner) == expected


@pytest.mark.parametrize("text, ner, expected", [
    # a family name after a given name: «الأسد» of «بشار الأسد» opens nothing here
    ("وقال الرئيس بشار الأسد إن والده حافظ الأسد بنى الجيش.", ["بشار الأسد", "حافظ الأسد"],
     [("بشار الأسد", "per:bashar-al-assad"), ("حافظ الأسد", "per:hafez-al-assad")]),
    # «سلمان» ends «محمد بن سلمان», but «بن» makes what follows one person's lineage
    ("وقال ولي العهد محمد بن سلمان إن الملك سلمان بن عبد العزيز وافق.", ["محمد بن سلمان", "سلمان بن عبد العزيز"],
     [("محمد بن سلمان", "per:mbs"), ("الملك سلمان بن عبد العزيز", "per:king-salman")]),
    # two words only: one name
    ("وقال القيادي الكردي صالح مسلم إن الهجوم فشل.", ["صالح مسلم"], [("صالح مسلم", "per:salih-muslim")]),
    # «يوسف» opens persons' names and «عبد» is a lineage word: an unknown person, not two
    ("وقال الوزير يوسف بن علوي إن يوسف عبد العزيز سافر.", ["يوسف بن علوي", "يوسف عبد العزيز"],
     [("يوسف بن علوي", "per:yusuf-bin-alawi"), ("يوسف عبد العزيز", None)]),
])
def test_one_persons_chain_of_names_is_kept_whole(text, ner, expected):
    assert linked(text, ner) == expected
