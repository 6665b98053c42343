"""Auxiliary labels (``rased.training.ner.aux_labels``): another annotation of the training text (NewsFANE's fine
classes) projected onto the training tokens, the test sentences removed first."""
from __future__ import annotations

from rased.ner import conll
from rased.training.ner import aux_labels

# NewsFANE's way: clitics split, hamzas dropped, BOM, CRLF and left-to-right marks
_NEWSFANE = ("\ufeff\u200eو\tO\r\n\u200eقال\tO\r\n\u200eخافيير\tB-Politician\r\n\u200eسولانا\tI-Politician\r\n"
             "\u200eان\tO\r\n\u200eالامم\tB-Non-Governmental\r\n\u200eالمتحدة\tI-Non-Governmental\r\n"
             "\u200eستساعد\tO\r\n\u200eلبنان\tB-Nation\r\n.\tO\r\n\r\n"
             "\u200eفاز\tO\r\n\u200eنادي\tB-Sports\r\n\u200eالهلال\tI-Sports\r\n\u200eعلي\tO\r\n"
             "\u200eمنافسه\tO\r\n\u200eفي\tO\r\n\u200eمباراة\tO\r\n\u200eالامس\tO\r\n.\tO\r\n\r\n")
_TRAIN = [("وقال خافيير سولانا إن الأمم المتحدة ستساعد لبنان .".split(),
           "O B-PERS I-PERS O B-ORG I-ORG O B-LOC O".split())]
_TEST = [("فاز نادي الهلال علي منافسه في مباراة الأمس .".split(), "O B-ORG I-ORG O O O O O O".split())]


def _source(tmp_path):
    p = tmp_path / "newsfane.txt"
    p.write_bytes(_NEWSFANE.encode("utf-8"))
    return p


def test_newsfane_file_reads_without_marks(tmp_path):
    sents = conll.read(_source(tmp_path))
    assert len(sents) == 2
    assert sents[0][0][:3] == ["و", "قال", "خافيير"]
    assert sents[0][1][2] == "B-Politician"


def test_letters_fold_hamza_and_drop_punctuation():
    assert aux_labels.letters("(أ)") == "ا"
    assert aux_labels.letters("إلى") == aux_labels.letters("الي")
    assert aux_labels.letters("المتحدة") == "المتحده"


def test_test_sentences_are_removed(tmp_path):
    kept, dropped = aux_labels.drop_overlap(conll.read(_source(tmp_path)), _TEST)
    assert dropped == 1
    assert [t[1] for t, _ in kept] == ["قال"]


def test_fine_labels_land_on_the_training_tokens(tmp_path):
    source, _ = aux_labels.drop_overlap(conll.read(_source(tmp_path)), _TEST)
    (labs,) = aux_labels.project(_TRAIN, source)
    assert labs == ["O", "B-Politician", "I-Politician", "O", "B-Non-Governmental", "I-Non-Governmental", "O",
                    "B-Nation", "O"]


def test_sentence_missing_from_the_source_gets_no_labels(tmp_path):
    source, _ = aux_labels.drop_overlap(conll.read(_source(tmp_path)), _TEST)
    other = [("ذهب الرئيس إلى باريس لحضور مؤتمر المناخ".split(), ["O"] * 7)]
    assert aux_labels.project(_TEST + other, source) == [None, None]


def test_load_counts_what_it_dropped(tmp_path):
    ids, names, stats = aux_labels.load(_TRAIN, _source(tmp_path), _TEST)
    assert stats["dropped_as_test"] == 1 and stats["target_sentences_aligned"] == 1
    assert names[0] == "O" and names[ids[0][1]] == "B-Politician"


def test_aux_loss_counts_aligned_unreplaced_sentences_only():
    torch = __import__("pytest").importorskip("torch", reason="torch (the `train` extra) trains the network")
    from rased.training.ner import bilstm

    layer = torch.nn.Linear(4, 3)
    h = torch.randn(3, 2, 4)
    ids = [[1, 2], None, [0, 1]]
    tasks = [(ids, layer, {})]
    only_first = bilstm._aux_loss(tasks, h, [0, 1, 2], [False, False, True], 2)
    expected = torch.nn.functional.cross_entropy(layer(h[0]), torch.tensor([1, 2]))
    assert torch.allclose(only_first, expected)
    assert float(bilstm._aux_loss(tasks, h, [1], [False], 2)) == 0.0
