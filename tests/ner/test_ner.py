"""NER: CoNLL reading, conlleval-style scoring, the shipped tagger, and its score on the CAMeL test."""
from __future__ import annotations

import json

import pytest

from rased import datasets
from rased.errors import DataError
from rased.ner import conll

# Micro-F1 of the shipped model on the ANERcorp CAMeL Lab test split (see ner/model/MODEL_CARD.md).
CAMEL_TEST_FLOOR = 0.734


def _write(tmp_path, text, name="x.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_read_conll_sentences(tmp_path):
    p = _write(tmp_path, "\ufeffقال O\nأوباما B-PERS\n\nفي O\r\nواشنطن\u200e B-LOC\n\n\n")
    sents = conll.read(p)
    assert sents == [(["قال", "أوباما"], ["O", "B-PERS"]), (["في", "واشنطن"], ["O", "B-LOC"])]


def test_chunks_conlleval():
    assert conll.chunks(["B-PERS", "I-PERS", "O", "B-LOC"]) == [(0, 2, "PERS"), (3, 4, "LOC")]
    # I- after O starts a chunk; I- of another type starts a new one
    assert conll.chunks(["O", "I-ORG", "I-ORG", "I-LOC"]) == [(1, 3, "ORG"), (3, 4, "LOC")]
    # B- directly after a chunk of the same type starts a new chunk
    assert conll.chunks(["B-PERS", "B-PERS", "I-PERS"]) == [(0, 1, "PERS"), (1, 3, "PERS")]
    assert conll.chunks(["I-MISC"]) == [(0, 1, "MISC")]


def test_score_exact_match():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PERS", "O", "O", "B-LOC"], ["I-ORG", "I-ORG", "O"]]
    r = conll.score(gold, pred)
    # PERS truncated -> wrong; LOC right; ORG starting with I- after sentence start -> same span, right
    assert r["per_type"]["LOC"]["f1"] == 1.0
    assert r["per_type"]["ORG"]["f1"] == 1.0
    assert r["per_type"]["PERS"]["tp"] == 0
    assert r["per_type"]["PERS"]["predicted"] == 1
    assert r["micro"]["tp"] == 2 and r["micro"]["gold"] == 3 and r["micro"]["predicted"] == 3
    assert r["micro"]["f1"] == pytest.approx(2 / 3, abs=1e-4)


def test_score_rejects_length_mismatch():
    with pytest.raises(ValueError):
        conll.score([["O", "O"]], [["O"]])


def test_features_clitics_and_norm():
    from rased.ner.features import norm, strip_clitics

    assert norm("إلى ٢٠٠٧") == "الي 0000"
    assert strip_clitics("والرئيس") == ("وال", "رئيس")
    rank = {"لبنان": 1, "بنان": 900, "وزير": 2, "زير": 500}
    assert strip_clitics("للبنان", rank) == ("ل", "لبنان")
    assert strip_clitics("وزير", rank) == ("", "وزير")


@pytest.fixture(scope="module")
def ner():
    from rased.ner.tagger import load

    return load()


SENTENCE = "وقال الرئيس الأمريكي جورج بوش في واشنطن إن الأمم المتحدة يجب أن تتحرك ."


def test_shipped_model_tags_sentence(ner):
    from rased.arabic.tokenize import tokens

    toks = [t.text for t in tokens(SENTENCE)]
    labels = ner.tag(toks)
    assert len(labels) == len(toks)
    got = {(" ".join(toks[s:e]), typ) for s, e, typ in conll.chunks(labels)}
    assert ("جورج بوش", "PER") in got
    assert ("واشنطن", "LOC") in got
    assert all(lab == "O" or lab.split("-")[1] in {"PER", "ORG", "LOC", "MISC"} for lab in labels)
    assert ner.tag([]) == []
    assert ner.tag_many([toks, toks[:3]])[0] == labels


def test_shipped_model_entities_spans(ner):
    text = "  " + SENTENCE + "\nوزار وزير الخارجية الفرنسي برنار كوشنير القاهرة أمس."
    ents = ner.entities(text)
    found = {(text[s:e], typ) for s, e, typ, _ in ents}
    assert ("جورج بوش", "PER") in found
    assert ("واشنطن", "LOC") in found
    assert ("القاهرة", "LOC") in found
    for s, e, typ, score in ents:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        assert 0.0 < score <= 1.0
    assert ner.entities("") == []


def test_eval_missing_data_raises(tmp_path):
    import argparse

    from rased.cli.cmd_ner import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["eval", "ner", "--data", str(tmp_path / "absent.txt")])
    with pytest.raises(DataError):
        args.func(args)


def test_eval_cli_small_file(tmp_path, capsys):
    import argparse

    from rased.cli.cmd_ner import register

    p = _write(tmp_path, "قال O\nجورج B-PERS\nبوش I-PERS\nفي O\nواشنطن B-LOC\n. O\n\n")
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["eval", "ner", "--data", str(p)])
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"micro", "per_type"}
    assert out["micro"]["gold"] == 2
    assert {"precision", "recall", "f1"} <= set(out["micro"])


def test_hashtag_marks_are_left_out_of_names(ner):
    text = "وقالت المخرجة اللبنانية #نادين_لبكي إن فيلمها فاز بالجائزة ."
    found = {(text[s:e], typ) for s, e, typ, _ in ner.entities(text)}
    assert ("نادين_لبكي", "PER") in found


@pytest.mark.data
def test_hashtags_in_real_articles():
    """Hashtags of real SaudiNewsNet articles: a name written «#ماجد_الحقيل» is one entity without the «#»."""
    import re

    from rased.ner import tagger

    if not datasets.available("corpora", "saudinewsnet", "dataset"):
        pytest.skip("SaudiNewsNet not found: set RASED_DATA to the shared data folder")
    lines = [m.group() for d in datasets.saudinewsnet(limit=2000)
             for m in re.finditer(r".{0,40}#[\u0600-\u06FF_]+.{0,20}", d.text)]
    assert len(lines) >= 10
    ner = tagger.load()
    spans = [t[s:e] for t in lines for s, e, _, _ in ner.entities(t)]
    assert not [x for x in spans if x[0] in "#_" or x[-1] in "#_"]
    assert {"ماجد_الحقيل", "موضي_الخلف", "روبرت_جرين"} <= set(spans)  # whole names across the «_»


@pytest.mark.data
def test_camel_test_score():
    if not datasets.available("ner", "anercorp_camel_test", "ANERCorp_CamelLab_test.txt"):
        pytest.skip("ANERcorp CAMeL test split not found: set RASED_DATA to the shared data folder")
    from rased.eval.ner import evaluate

    r = evaluate(datasets.path("ner", "anercorp_camel_test", "ANERCorp_CamelLab_test.txt"))
    assert r["micro"]["gold"] == 2285  # 2,211 B- entities + 74 that start with I- (conlleval chunking)
    assert r["micro"]["f1"] >= CAMEL_TEST_FLOOR


def test_fast_model_is_chosen_by_name():
    from rased import analyze
    from rased.ner import tagger
    from rased.settings import EntitySettings, Settings

    fast = tagger.load("fast")
    assert fast is not tagger.load() and fast.config.get("kind", "crf") == "crf"
    article = analyze("قال وزير الخارجية الأميركي جون كيري في بغداد إن المحادثات مستمرة.",
                      settings=Settings(entities=EntitySettings(model="fast")))
    assert any(e.actor_id == "loc:baghdad" for e in article.entities)


def test_eval_context_scores_the_consistent_labels(tmp_path, capsys, monkeypatch):
    """`rased eval ner` scores labels made consistent over neighbouring sentences; `--context 0` the
    model's own; a negative context is refused with a one-line error."""
    import argparse

    from rased.cli.cmd_ner import register
    from rased.errors import InputError
    from rased.ner import tagger

    class OnlyFirst:  # a model that finds «نوكيا» in the first sentence only
        def tag_many(self, sentences):
            return [["B-ORG" if w == "نوكيا" and k == 0 else "O" for w in s] for k, s in enumerate(sentences)]

    monkeypatch.setattr(tagger, "load", lambda *a, **k: OnlyFirst())
    p = _write(tmp_path, "أعلنت O\nنوكيا B-ORG\n\nوقالت O\nنوكيا B-ORG\nإن O\n\n")
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    recall = {}
    for context in ("10", "0"):
        args = parser.parse_args(["eval", "ner", "--data", str(p), "--context", context])
        assert args.func(args) == 0
        recall[context] = json.loads(capsys.readouterr().out)["micro"]["recall"]
    assert recall == {"10": 1.0, "0": 0.5}
    args = parser.parse_args(["eval", "ner", "--data", str(p), "--context", "-1"])
    with pytest.raises(InputError):
        args.func(args)
