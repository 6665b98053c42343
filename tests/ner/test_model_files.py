"""Running a model never imports the training code, and `rased train ner` leaves the shipped models alone unless
told to replace them."""
from __future__ import annotations

import subprocess
import sys

from rased.cli.main import main
from rased.ner import model_files


TRAINING = ("rased.training", "rased.eval", "torch", "gensim", "sklearn", "onnx.")


def _imported_after(code: str) -> list[str]:
    code += ("\nimport sys; print(sorted(m for m in sys.modules if m.startswith(%r) or m in ('torch', 'gensim', "
             "'sklearn', 'onnx')))" % (TRAINING,))
    return eval(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def test_inference_does_not_import_training(tmp_path):
    """Tagging, given names, the whole pipeline and `rased analyze` import no training or evaluation module."""
    assert _imported_after("from rased.ner import tagger; from rased.knowledge import given_names; "
                           "tagger.load().entities('قال الرئيس محمد مرسي في القاهرة'); given_names.first_words(); "
                           "tagger.load('fast').entities('قال الرئيس محمد مرسي في القاهرة')") == []
    assert _imported_after("from rased.pipeline import analyze; analyze('قال الرئيس محمد مرسي في القاهرة أمس')") == []
    article = tmp_path / "a.txt"
    article.write_text("قال الرئيس محمد مرسي في القاهرة أمس", encoding="utf-8")
    assert _imported_after("import io, contextlib; from rased.cli.main import main\n"
                           "with contextlib.redirect_stdout(io.StringIO()): "
                           f"assert main(['analyze', {str(article)!r}]) == 0") == []


def test_the_check_sees_a_training_import():
    assert _imported_after("import rased.training.ner.crf") == ["rased.training", "rased.training.ner",
                                                               "rased.training.ner.crf"]


def test_train_ner_needs_out_or_the_explicit_flag(tmp_path, capsys):
    shipped = {p.name: p.stat().st_mtime_ns for d in model_files.MODELS.values() for p in d.iterdir()}
    assert main(["train", "ner", "--data", str(tmp_path / "none.txt")]) == 2
    assert "needs --out DIR" in capsys.readouterr().err
    for d in model_files.MODELS.values():
        assert main(["train", "ner", "--kind", "crf", "--out", str(d), "--data", str(tmp_path / "x")]) == 2
        assert "--replace-shipped" in capsys.readouterr().err
    # with --out elsewhere the command goes on (to the missing training file)
    assert main(["train", "ner", "--kind", "crf", "--out", str(tmp_path / "m"), "--data", str(tmp_path / "x")]) == 2
    assert "NER training data not found" in capsys.readouterr().err
    assert shipped == {p.name: p.stat().st_mtime_ns for d in model_files.MODELS.values() for p in d.iterdir()}
    assert model_files.is_shipped(model_files.MODEL_DIR) and not model_files.is_shipped(tmp_path)
