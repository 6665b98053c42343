"""Coordinated arguments (claims.conjuncts): each actor of «A و B» in a clause argument's place takes part.
Sentences in the style of unseen news articles."""
import pytest

import rased


def _relations(text: str):
    return [(r.type, r.rule, r.source.text if r.source else None, r.target.text if r.target else None)
            for r in rased.analyze(text.encode()).relations]


@pytest.mark.parametrize("text, expected", [
    # co-objects of a verb
    ("واتهمت فرنسا روسيا وإيران بدعم النظام.", ("ACCUSE", "vso+conjunct", "فرنسا", "إيران")),
    # co-subjects of a verb
    ("ووقعت الولايات المتحدة وروسيا والصين الاتفاق مع إيران.", ("AGREE", "vso+conjunct", "روسيا", "إيران")),
])
def test_a_conjunct_takes_part(text, expected):
    assert expected in _relations(text)


@pytest.mark.parametrize("text, outsider", [
    # the conjunct opens a clause of its own: a verb follows it
    ("وهاجم الرئيس الأمريكي دونالد ترامب إيران والعراق رد بقوة.", "العراق"),
    # the other argument already («بين مصر وإثيوبيا»)
    ("وقال إن المفاوضات بين مصر وإثيوبيا لا تجري على ما يرام.", "إثيوبيا"),
])
def test_no_conjunct(text, outsider):
    found = _relations(text)
    assert found
    assert not any(r[1].endswith("+conjunct") and outsider in (r[2], r[3]) for r in found)
