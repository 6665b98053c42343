"""The per-document budget: long texts go to the model stages in windows, over-long sentences get no quotes
or relations, and articles under the limits are analysed exactly as before."""
from __future__ import annotations

import dataclasses

from rased import analyze
from rased.record import Quote, Mention, to_dict
from rased.settings import DEFAULT, BudgetSettings
from rased.windows import cut, shift

import pytest


def test_cut_prefers_paragraphs_then_sentences_then_spaces():
    text = "aaaa bbbb. cccc dddd.\n\neeee ffff gggg hhhh iiii"
    paragraphs, sentences = [0, 23], [0, 11, 23]
    windows = cut(text, (paragraphs, sentences), 30)
    assert windows[0] == (0, 23) and windows[-1][1] == len(text)
    assert all(b - a <= 30 for a, b in windows)
    assert cut("x" * 100, ([], []), 30) == [(0, 30), (30, 60), (60, 90), (90, 100)]
    words = cut("ab " * 40, ([], []), 30)
    assert all(text_end == len("ab " * 40) or ("ab " * 40)[text_end - 1] == " " for _a, text_end in words)


def test_shift_moves_every_span():
    q = Quote(Mention(5, 9, "x"), "", 10, 14, 20, 30, True)
    moved = shift(q, 100)
    assert (moved.speaker.start, moved.cue_start, moved.content_end) == (105, 110, 130)


def test_windows_keep_results_on_a_normal_article(seed_bytes):
    small = dataclasses.replace(DEFAULT, budget=BudgetSettings(window_chars=1500))
    whole, windowed = analyze(seed_bytes), analyze(seed_bytes, settings=small)
    assert windowed.text == whole.text
    found = {(e.start, e.end, e.actor_id) for e in windowed.entities}
    expected = {(e.start, e.end, e.actor_id) for e in whole.entities}
    assert len(found & expected) >= 0.8 * len(expected)
    for e in windowed.entities:  # spans shifted back into the whole text
        assert windowed.text[e.start:e.end] == e.text
    for q in windowed.quotes:
        assert 0 <= q.content_start < q.content_end <= len(windowed.text)


def test_long_sentence_gets_no_quotes_or_relations():
    sentence = " ".join(["قال الرئيس العراقي إن الجيش هاجم مواقع تنظيم داعش في الموصل"] * 60)  # no full stop
    settings = dataclasses.replace(DEFAULT, budget=BudgetSettings(max_sentence_chars=2000))
    a = analyze(sentence, settings=settings)
    assert a.quotes == () and a.relations == ()
    assert a.entities  # the models still read it
    assert any(p.code == "budget" and "quotes" in p.message for p in a.problems)
    assert analyze(sentence).relations  # under the default budget the same text has relations


def test_oversized_text_is_cut_and_says_so(seed_bytes):
    settings = dataclasses.replace(DEFAULT, budget=BudgetSettings(max_chars=2000))
    a = analyze(seed_bytes, settings=settings)
    assert len(a.text) <= 2000
    assert any(p.code == "budget" and "characters" in p.message for p in a.problems)


def test_budget_is_validated():
    with pytest.raises(ValueError):
        BudgetSettings(window_chars=10)
    with pytest.raises(ValueError):
        BudgetSettings(stage_seconds=0)


def test_stage_time_budget_leaves_windows_out(seed_bytes):
    settings = dataclasses.replace(DEFAULT, budget=BudgetSettings(window_chars=1000, stage_seconds=1e-9))
    a = analyze(seed_bytes, settings=settings)
    assert any("stopped after" in p.message for p in a.problems)
    assert to_dict(a)["text"]  # the record is still whole


def test_analyze_max_chars_flag(tmp_path, capsys):
    from rased.cli.main import main
    import json

    path = tmp_path / "a.txt"
    path.write_text("قال الرئيس إن القوات دخلت الموصل. " * 200, encoding="utf-8")
    assert main(["analyze", str(path), "--max-chars", "1000"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert len(record["text"]) <= 1000 and any(p["code"] == "budget" for p in record["problems"])


def test_stage_stops_before_its_time_runs_out(monkeypatch):
    """A stage is stopped only between windows, so it must stop before the next window would take it past
    ``stage_seconds``: checking only whether the time is already spent lets it run a whole window over."""
    from types import SimpleNamespace

    from rased import pipeline, windows

    article = pipeline.prepare("".join(f"قال الرئيس إن القوات دخلت الموصل بعد {i} يوما من القتال.\n\n"
                                       for i in range(300)))  # lines that differ: repeated ones are boilerplate
    for s in pipeline.PIPELINE[:5]:  # header ... sentences
        article = s.run(article, DEFAULT)
    now = [0.0]
    monkeypatch.setattr(windows, "time", SimpleNamespace(monotonic=lambda: now[0]))
    calls = []

    def slow_stage(part, settings):  # every window costs 0.6 s of the (fake) clock
        calls.append(len(part.text))
        now[0] += 0.6
        return dataclasses.replace(part, entities=())

    settings = dataclasses.replace(DEFAULT, budget=BudgetSettings(window_chars=1000, stage_seconds=1.0))
    out = windows.run_bounded("entities", slow_stage, article, settings)
    assert len(calls) == 1 and now[0] <= settings.budget.stage_seconds
    assert any(p.code == "budget" and "1 of" in p.message for p in out.problems)
    calls.clear()
    roomy = dataclasses.replace(DEFAULT, budget=BudgetSettings(window_chars=1000, stage_seconds=100.0))
    now[0] = 0.0
    windows.run_bounded("entities", slow_stage, article, roomy)
    assert len(calls) == len(windows.cut(article.text, ([b.start for b in article.blocks],
                                                        [s.start for s in article.sentences]), 1000))


def test_stages_share_the_document_budget(monkeypatch):
    """Each model stage has ``stage_seconds``, but together they stop at ``document_seconds``: the stage after a
    slow one gets what is left (three stages of 20 s each could hold one document for a minute)."""
    from types import SimpleNamespace

    from rased import pipeline, windows

    article = pipeline.prepare("".join(f"قال الرئيس إن القوات دخلت الموصل بعد {i} يوما من القتال.\n\n"
                                       for i in range(300)))
    article = pipeline.run(article, DEFAULT, stages=pipeline.PIPELINE[:5])  # header ... sentences
    now = [0.0]
    clock = SimpleNamespace(monotonic=lambda: now[0])
    monkeypatch.setattr(windows, "time", clock)
    monkeypatch.setattr(pipeline, "time", clock)
    calls: dict[str, int] = {}

    def slow(name: str, field: str):
        def run(part, settings):  # every window costs 0.5 s of the (fake) clock
            calls[name] = calls.get(name, 0) + 1
            now[0] += 0.5
            return dataclasses.replace(part, **{field: ()})
        return pipeline.stage(name, run, "text", field)

    stages = (slow("entities", "entities"), slow("quotes", "quotes"))
    settings = dataclasses.replace(DEFAULT, budget=BudgetSettings(window_chars=1000, stage_seconds=4.0,
                                                                  document_seconds=5.0))
    out = pipeline.run(article, settings, stages=stages)
    assert calls["entities"] == 8 and calls["quotes"] == 2, calls  # 4 s, then 1 s of the 5 left to the second
    assert now[0] <= settings.budget.document_seconds
    assert any(p.code == "budget" and p.message.startswith("quotes: stopped") for p in out.problems)
    with pytest.raises(ValueError):
        BudgetSettings(document_seconds=0)
