"""HTML nested deeper than the parser reads (libxml2 stops at 256 levels): the text is kept and the record says
why the page was flattened, instead of «no article text was found»."""
from __future__ import annotations

import lxml.html
import pytest

from rased import analyze
from rased.cli import main as cli
from rased.io import flatten as flat_html
from rased.io import html as html_input


def _nested(body: str, levels: int, after: str = "") -> str:
    return f"<!doctype html><html><body>{'<div>' * levels}{body}{'</div>' * levels}{after}</body></html>"


def _seed_paragraphs(seed_bytes: bytes) -> str:
    return "".join(f"<p>{line}</p>" for line in seed_bytes.decode("utf-8").splitlines() if line.strip())


@pytest.mark.parametrize("levels", [300, 10_000])
def test_deep_page_keeps_its_article(seed_bytes, levels):
    body = seed_bytes.decode("utf-8")
    shallow = analyze(_nested(body, 5).encode())
    deep = analyze(_nested(body, levels).encode())
    assert deep.text == shallow.text and len(deep.entities) == len(shallow.entities)
    notes = [p.message for p in deep.problems if p.code == "budget"]
    assert notes == [f"the HTML nests {levels + 2:,} levels deep; below level 200 its {levels - 198:,} elements "
                     "were read as plain text"]
    assert not any(p.code == "budget" for p in shallow.problems)


def test_article_after_a_deep_widget_is_found(seed_bytes):
    """The parser stops reading at its depth limit: an article after a deep block was lost with it."""
    page = _nested("<span>إعلان</span>", 400, after=f"<article>{_seed_paragraphs(seed_bytes)}</article>")
    text, _, notes = html_input.extract(page)
    assert "أبوعزام الأميركي" in text and notes


def test_cli_analyses_a_deep_page(tmp_path, seed_bytes, capsys):
    path = tmp_path / "deep.html"
    path.write_text(_nested(seed_bytes.decode("utf-8"), 10_000), encoding="utf-8")
    assert cli.main(["analyze", str(path), "--format", "text"]) == 0
    assert "داعش" in capsys.readouterr().out


def test_shallow_markup_passes_unchanged():
    page = ('<!doctype html><html><head><meta charset="utf-8"><title>عنوان &amp; آخر</title></head><body>'
            '<p class="a">نص &#1575; <br/><img src="x.png"> و<b>عريض</b></p><ul><li>أ<li>ب</ul></body></html>')
    flat = flat_html.flatten(page)
    assert flat.dropped == 0 and flat.depth == 5  # html, body, ul and the two «li» left open
    assert lxml.html.fromstring(flat.html).text_content() == lxml.html.fromstring(page).text_content()


def test_dropped_blocks_keep_their_line_breaks():
    flat = flat_html.flatten("<div>" * 3 + "<p>أول</p><p>ثان</p>" + "</div>" * 3, max_depth=2)
    assert flat.html == "<div><div>\n\nأول\n\nثان\n\n</div></div>" and flat.dropped == 3


def test_element_table_is_sound():
    assert flat_html.validate() == []


# Found by the fuzzing gate (tests/gates/test_gates_fuzz.py::test_fuzz_flatten) on the first version of flatten.

def test_dropped_script_takes_its_content_with_it():
    page = "<div>" * 5 + "<script>var a = '<p>سطر</p>';</script>" + "<style>p { color: red }</style>نص" + "</div>" * 5
    flat = flat_html.flatten(page, max_depth=2)
    assert flat.dropped == 5 and "var a" not in flat.html and "color" not in flat.html and "نص" in flat.html


def test_a_bracket_of_the_text_stays_text():
    """«<» and «p>» on either side of a dropped tag would have been joined into a new tag, its text lost."""
    page = "<html><body><div><div>أ <<span>p> ب</span></div></div></body></html>"
    flat = flat_html.flatten(page, max_depth=3)
    assert flat.dropped == 2
    assert lxml.html.fromstring(flat.html).text_content().strip() == lxml.html.fromstring(page).text_content() == "أ <p> ب"
