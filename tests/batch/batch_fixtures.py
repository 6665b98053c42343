"""Inputs and checks shared by the batch tests: synthetic Arabic articles, SaudiNewsNet samples, and the
reference (the ingest readers + ``analyze``, article by article) that a batch output must equal."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from rased.ingest import analyze_doc
from rased.ingest.readers import Bad, read
from rased.pipeline import analyze
from rased.record import to_dict

CITIES = ["بغداد", "الموصل", "الرياض", "دمشق", "بيروت", "القاهرة", "عمان", "صنعاء"]
PEOPLE = ["وزير الخارجية", "المتحدث باسم الحكومة", "قائد الشرطة", "رئيس الوزراء", "محافظ المدينة"]


def synthetic_articles(n: int) -> list[dict[str, str]]:
    """``n`` short news articles in Arabic (title, date line, paragraphs with reported speech)."""
    out = []
    for i in range(n):
        city, other = CITIES[i % len(CITIES)], CITIES[(i + 3) % len(CITIES)]
        who = PEOPLE[i % len(PEOPLE)]
        day = 1 + i % 27
        text = (
            f"{city} - ({day} مارس 2015): قال {who} إن المحادثات مع وفد {other} ستستمر الأسبوع المقبل.\n\n"
            f"وأضاف {who} في مؤتمر صحفي عقده في {city} أن «الحكومة لن تقبل بأي تدخل في شؤونها الداخلية» "
            f"وأن اللجنة المشتركة ستجتمع مرة أخرى.\n\n"
            f"وذكرت مصادر محلية أن قوات الأمن اعتقلت {i + 2} أشخاص يشتبه في تورطهم في هجوم على مركز للشرطة "
            f"في ضواحي {other}، مشيرة إلى أن التحقيقات ما زالت جارية.\n\n"
            f"من جهته، أكد مسؤول في {other} أن بلاده مستعدة للتعاون مع جميع الأطراف من أجل إعادة الاستقرار."
        )
        out.append({"title": f"{who}: المحادثات مع {other} مستمرة ({i})", "text": text,
                    "url": f"https://example.org/news/{i}", "source": "example"})
    return out


def write_jsonl(path: Path, items: list[dict[str, str]], extra_lines: tuple[str, ...] = ()) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")
    return path


def write_folder(folder: Path, items: list[dict[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, item in enumerate(items):
        (folder / f"article-{i:03d}.txt").write_text(item["title"] + "\n\n" + item["text"], encoding="utf-8")
    return folder


def saudinewsnet_items(limit: int) -> list[dict[str, str]]:
    from rased import datasets

    return [{"title": d.title, "text": d.text, "url": d.url, "source": d.source, "date_extracted": d.time}
            for d in datasets.saudinewsnet(limit=limit)]


def reference(paths: list[Path]) -> tuple[dict[str, dict], set[str]]:
    """What analysing the inputs article by article gives: records by locator, and the failed locators."""
    records, failed = {}, set()
    for item in read([str(p) for p in paths]):
        if isinstance(item, Bad):
            failed.add(item.locator)
        else:
            records[item.locator] = to_dict(analyze_doc(item, analyze))
    return records, failed


def output(out: Path) -> tuple[list[dict], list[dict]]:
    """Every article row and failure row of a batch output (finished shards only)."""
    arts = pq.read_table(out / "articles").to_pylist()
    fails = pq.read_table(out / "failures").to_pylist()
    return arts, fails


def assert_equals_reference(out: Path, paths: list[Path]) -> None:
    expected, expected_failed = reference(paths)
    arts, fails = output(out)
    locators = [a["locator"] for a in arts]
    assert len(locators) == len(set(locators)), "an input appears twice in the output"
    assert set(locators) == set(expected), "articles lost or invented"
    for a in arts:
        assert json.loads(a["record"]) == expected[a["locator"]], a["locator"]
    assert {f["locator"] for f in fails} == expected_failed
    # The flat tables agree with the records, and every span slices the article's text.
    by_id = {a["article_id"]: json.loads(a["record"]) for a in arts}
    ents = pq.read_table(out / "entities").to_pylist()
    quotes = pq.read_table(out / "quotes").to_pylist()
    rels = pq.read_table(out / "relations").to_pylist()
    for table, rows, field in (("entities", ents, "entities"), ("quotes", quotes, "quotes"), ("relations", rels, "relations")):
        want = sum(len(json.loads(a["record"]).get(field) or ()) for a in arts)
        assert len(rows) == want, table
    for q in quotes:
        text = by_id[q["article_id"]]["text"]
        assert text[q["content_start"]:q["content_end"]] == q["content"]
    for r in rels:
        text = by_id[r["article_id"]]["text"]
        assert text[r["evidence_start"]:r["evidence_end"]] == r["evidence"]
    for e in ents:
        assert by_id[e["article_id"]]["text"][e["start"]:e["end"]] == e["text"]


def temp_files(out: Path) -> list[Path]:
    return [p for p in out.rglob(".*") if p.is_file()]

