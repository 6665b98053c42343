"""Words that open a person's name («سارة», «جاي», «أحمد»), from the names the shipped NER model knows.

The NER model's gazetteer holds the person names of ANERcorp and those its self-training found in the corpora;
their first words are given names. Linking reads them to tell «سارة ساندرز» from Bernie Sanders when the model
tagged only the surname: a surname right after someone else's given name is another person's.
"""
from __future__ import annotations

from functools import lru_cache

from ..arabic import normalize, wordfreq


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """Matching keys of the first words of the gazetteer's person names of two words or more, common nouns
    left out."""
    from ..ner.model_files import GAZETTEER_FILE, MODEL_DIR, read_gazetteer

    path = MODEL_DIR / GAZETTEER_FILE
    if not path.exists():
        return frozenset()
    stop = {normalize.key(w) for w in wordfreq.stopwords()}
    out = set()
    for toks, typ in read_gazetteer(path):
        word = toks[0]
        if typ != "PERS" or len(toks) < 2 or len(word) < 2 or normalize.key(word) in stop:
            continue
        # a common noun also opens some names in the gazetteer («مساعد»، «محامي»، «دوري»): it takes the article
        # often («المساعد»); a given name seldom does («محمد», «سارة»)
        if wordfreq.count("ال" + word) * 4 > wordfreq.count(word):
            continue
        out.add(normalize.key(word))
    return frozenset(out)
