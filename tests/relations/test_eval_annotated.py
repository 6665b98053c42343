"""The scorer of independently annotated gold folders: loose English names, token overlap, quote pairing."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from rased.errors import InputError
from rased.eval import quotes
from rased.eval.annotated import load_folder, same_english_name, token_jaccard


@pytest.mark.parametrize("a, b, same", [
    ("Afghan government", "Afghan government forces", True),     # most of the words
    ("Government of Afghanistan", "Afghan government forces", True),  # a country and its demonym
    ("Houthis", "Houthi movement", True),
    ("Houthis", "Houthi-affiliated associations", False),         # one word of three is not the same actor
    ("Iran", "Iraq", False),
    ("Turkey", "Turkish forces", True),
    ("Donald Trump", "Trump", True),
    ("Donald Trump", "Donald Tusk", False),
    ("", "Iran", False),
    ("İbrahim Kalın", "Ibrahim Kalin", True),                      # the Turkish dotless «ı» folds to «i»
    ("Rami Abdulrahman", "Rami Abdel Rahman", True),              # عبد الرحمن transliterated two ways
    ("Abdel Fattah el-Sisi", "Abdullah II", False),
])
def test_same_english_name(a, b, same):
    assert same_english_name(a, b) is same


def test_token_jaccard_folds_clitics():
    # «والحوثيين» and «الحوثيين» are one word for the overlap
    assert token_jaccard("اتهم الحوثيين بنهب المساعدات", "اتهم والحوثيين بنهب المساعدات") == 1.0
    assert token_jaccard("قصف المدينة", "وقف إطلاق النار") == 0.0


def _folder(tmp_path, quotes_, text):
    doc = {"docno": "X-1", "title": "t", "time": None, "text": text, "entities": [], "quotes": quotes_,
           "relations": []}
    (tmp_path / "X-1.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_folder_scoring_counts_speaker_and_content(tmp_path):
    text = "قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل. وأضاف أن الوفد سيصل غدا."
    gold = [
        {"speaker_text": "وزير الخارجية", "speaker_implicit": False, "cue": "قال", "direct": False,
         "content_text": "المفاوضات ستستأنف الأسبوع المقبل"},
        {"speaker_text": "وزير الخارجية", "speaker_implicit": True, "cue": "أضاف", "direct": False,
         "content_text": "الوفد سيصل غدا"},
    ]
    folder = _folder(tmp_path, gold, text)
    c1 = text.index("المفاوضات")
    c2 = text.index("الوفد")
    preds = (SimpleNamespace(speaker_text="وزير الخارجية", content_start=c1, content_end=text.index(".")),
             SimpleNamespace(speaker_text="", content_start=c2, content_end=len(text) - 1))
    result = quotes.evaluate_folder(folder, analyze=lambda t: SimpleNamespace(text=t, quotes=preds))
    # the prediction that found the implicit-speaker quote counts against «precision», not «precision_explicit»
    assert result["quotes"] == {"precision": 0.5, "recall": 1.0, "gold": 1, "precision_all": 0.5,
                                "precision_explicit": 1.0}
    assert result["implicit_speaker"] == {"gold": 1, "recall": 0.0}
    assert result["content"]["recall"] == 1.0
    assert result["errors"][0]["cue"] == "أضاف"


def test_folder_that_holds_no_article_is_an_error(tmp_path):
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError):
        load_folder(tmp_path)


def test_judged_relations_file_shape():
    """The hand-judged sample: ids, spans and judgements only (no article text), each judgement a boolean."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "gold" / "relations_judged.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) == 100
    for r in rows:
        assert set(r) == {"corpus", "doc_id", "evidence_start", "evidence_end", "type", "rule", "source", "target",
                          "modality", "attributed_to", "type_ok", "source_ok", "target_ok", "modality_ok",
                          "attribution_ok", "right", "note"}
        assert r["right"] == all(r[k] for k in ("type_ok", "source_ok", "target_ok", "modality_ok", "attribution_ok"))
