"""The per-article time limit interrupts a real spaCy parse and analysis, in the main thread (SIGALRM) and
in a worker thread (an asynchronous exception), names the article, and leaves the process and the model
usable: the next article's analysis is exactly what it is without any limit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from communique import nlp
from communique.errors import InputError, TimeLimitExceeded
from communique.limits import time_limit
from communique.pipeline import analyze, analyze_many, analyze_with_limit
from communique.records import Analysis, Article

from .conftest import STORY

LONG = "\n\n".join([STORY.split("\n\n", 1)[1]] * 120)  # about 100,000 characters of wire prose
TINY = 0.05


def _long(i: int = 0) -> Article:
    return Article(id=f"long-{i}", text=LONG, published="2025-03-04", source=f"long-{i}.txt")


def _is_timeout(item: object, article_id: str) -> bool:
    return (isinstance(item, InputError) and item.article_id == article_id
            and item.reason == f"analysis stopped after {TINY:g} s (setting article_timeout)")


def test_time_limit_interrupts_spacy_in_the_main_thread_and_restores_the_alarm(story: Article,
                                                                               story_analysis: Analysis) -> None:
    assert threading.current_thread() is threading.main_thread()
    previous = signal.getsignal(signal.SIGALRM)
    result = analyze_with_limit(_long(), nlp.load(), TINY)
    assert _is_timeout(result, "long-0"), result
    assert isinstance(result, InputError) and result.source == "long-0.txt"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is previous
    again = analyze_with_limit(story, nlp.load(), 600)
    assert isinstance(again, Analysis) and again.to_dict() == story_analysis.to_dict()


def test_time_limit_interrupts_a_bare_parse_in_the_main_thread() -> None:
    with pytest.raises(TimeLimitExceeded):
        with time_limit(TINY):
            nlp.load()(LONG)


def test_time_limit_interrupts_in_a_worker_thread_and_the_thread_goes_on(story: Article,
                                                                        story_analysis: Analysis) -> None:
    model = nlp.load()

    def work() -> tuple[Analysis | InputError, Analysis | InputError]:
        assert threading.current_thread() is not threading.main_thread()
        return analyze_with_limit(_long(1), model, TINY), analyze_with_limit(story, model, 600)

    with ThreadPoolExecutor(max_workers=1) as pool:
        stopped, done = pool.submit(work).result()
    assert _is_timeout(stopped, "long-1"), stopped
    assert isinstance(done, Analysis) and done.to_dict() == story_analysis.to_dict()


def test_time_limit_never_fires_after_the_work_is_done() -> None:
    with time_limit(0.2):
        pass
    threading.Event().wait(0.4)  # a leftover timer would raise here, in this test
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_analyze_many_names_each_slow_article_and_goes_on(story: Article, story_analysis: Analysis) -> None:
    items: list[Article | InputError] = [_long(2), InputError("bad.txt", "empty text"), _long(3)]
    results = list(analyze_many(items, time_limit=TINY))
    assert len(results) == 3
    assert _is_timeout(results[0], "long-2") and _is_timeout(results[2], "long-3")
    assert isinstance(results[1], InputError) and results[1].source == "bad.txt"
    [after] = list(analyze_many([story]))
    assert isinstance(after, Analysis) and after.to_dict() == analyze(story).to_dict() == story_analysis.to_dict()


def test_ingest_with_a_tiny_limit_reports_each_article_and_keeps_the_store_usable(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(LONG, encoding="utf-8")
    db = tmp_path / "s.db"
    env = {**os.environ, "COMMUNIQUE_ARTICLE_TIMEOUT": str(TINY)}
    cmd = [sys.executable, "-m", "communique"]
    r = subprocess.run([*cmd, "ingest", str(folder), "--db", str(db), "--published", "2025-03-04"],
                       capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 1, r.stderr
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert errors == [f"error: {folder}/{n}.txt: analysis stopped after {TINY:g} s (setting article_timeout)"
                      for n in ("a", "b")], r.stderr
    assert "0 added, 0 replaced, 0 unchanged, 0 duplicate, 2 failed" in r.stderr
    r = subprocess.run([*cmd, "summary", "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and "0 articles" in r.stdout, r.stderr
