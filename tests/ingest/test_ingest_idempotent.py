"""Never lose, never duplicate: re-runs, changed files, and SIGKILL at random moments."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from rased.ingest import ingest
from rased.store import open_store

PLACES = ["الموصل", "بغداد", "الرياض", "صنعاء", "دمشق", "القاهرة", "طرابلس", "عمان", "بيروت", "تونس", "الخرطوم", "الدوحة"]
EVENTS = ["افتتاح مستشفى جديد", "اجتماع لمجلس الوزراء", "مظاهرة للمعلمين", "انفجار سيارة مفخخة", "زيارة وفد أوروبي",
          "ارتفاع أسعار الوقود", "إطلاق سراح معتقلين", "مؤتمر للمانحين", "فيضانات في الأحياء", "انتخابات بلدية"]
WORDS = ["الاقتصاد", "الأمن", "التعليم", "الصحة", "الزراعة", "النقل", "الطاقة", "المياه", "السياحة", "الإعلام",
         "الشباب", "المرأة", "القضاء", "البرلمان", "الحدود", "اللاجئين"]


def corpus(folder, n: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        words = " ".join(rnd.sample(WORDS, 8))
        text = (f"شهدت مدينة {rnd.choice(PLACES)} {rnd.choice(EVENTS)} يوم {i}، وتحدث المسؤولون عن {words}. "
                f"وقال مصدر إن الحدث رقم {i} يأتي في سياق {' و'.join(rnd.sample(WORDS, 5))}.")
        (folder / f"{i // 100:02d}" ).mkdir(exist_ok=True)
        (folder / f"{i // 100:02d}" / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")
    (folder / "bad.bin").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "dup.txt").write_text((folder / "00" / "doc0001.txt").read_text(encoding="utf-8") + " (رويترز)", encoding="utf-8")


def snapshot(url: str) -> dict:
    with open_store(url) as s:
        return {
            "articles": sorted((a.id, info["duplicate_of"]) for a, info in s.articles()),
            "failures": sorted((f.locator, f.code) for f in s.failures()),
            "indexed": s.index_count(),
            "stats": s.stats(),
        }


def test_rerun_adds_nothing(tmp_path, store):
    corpus(tmp_path / "in", 30)
    first = ingest([tmp_path / "in"], store)
    assert (first.stored, first.failed) == (31, 2) and first.duplicates == 1
    again = ingest([tmp_path / "in"], store)
    assert (again.stored, again.skipped, again.failed) == (0, 31, 2)
    st = store.stats()
    assert (st["articles"], st["inputs"], st["failures"], st["duplicates"]) == (31, 31, 2, 1)
    assert store.index_count() == 31


def test_changed_file_is_a_new_version(tmp_path, store):
    f = tmp_path / "a.txt"
    f.write_text("النص الأول للخبر عن افتتاح جسر جديد في بغداد.", encoding="utf-8")
    ingest([f], store)
    f.write_text("النص المعدل للخبر عن افتتاح جسر جديد في بغداد بحضور رئيس الوزراء وعدد من المسؤولين.", encoding="utf-8")
    s = ingest([f], store)
    assert s.stored == 1
    assert store.stats()["articles"] == 2
    assert {h.id for h in store.search("بغداد")} == {a.id for a, _ in store.articles()}


def test_a_stage_error_is_recorded_and_ingest_goes_on(tmp_path, store):
    from rased.pipeline import analyze

    corpus(tmp_path / "in", 5)

    def flaky(data, **kw):
        if b"\xd9\xa3" in data or "3،".encode() in data or b" 3" in data:  # «يوم 3»
            raise RuntimeError("stage exploded")
        return analyze(data, **kw)

    s = ingest([tmp_path / "in"], store, analyzer=flaky)
    assert s.reasons["error"] == 1 and "stage exploded" in dict(s.examples)[str(tmp_path / "in" / "00" / "doc0003.txt")]
    assert s.stored == 5  # the other four plus dup.txt


SCRIPT = textwrap.dedent("""
    import sys
    from rased.ingest import ingest
    from rased.store import open_store
    with open_store(sys.argv[1]) as store:
        ingest([sys.argv[2]], store, batch_size=int(sys.argv[3]))
""")


def _run(db: str, folder, batch: int = 10, kill_after: float | None = None) -> int:
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, db, str(folder), str(batch)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_after is None:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()[-2000:]
        return 0
    try:
        proc.wait(timeout=kill_after)
        return 0  # finished before the kill
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return 1


def test_sigkill_at_random_moments_then_rerun(tmp_path, store_url):
    folder = tmp_path / "in"
    corpus(folder, 400)
    clean = str(tmp_path / "clean.db")
    started = time.perf_counter()
    _run(clean, folder)
    clean_seconds = time.perf_counter() - started
    rnd = random.Random(2024)
    kills = 0
    for _ in range(5):
        kills += _run(store_url, folder, kill_after=rnd.uniform(0.2, max(0.5, clean_seconds * 0.9)))
        snap = snapshot(store_url)  # consistent after every kill: the index matches the articles
        assert snap["indexed"] == snap["stats"]["articles"] == snap["stats"]["inputs"]
    _run(store_url, folder)
    assert kills >= 1, "the ingest always finished before the kill: make the corpus bigger"
    assert snapshot(store_url) == snapshot(clean)
