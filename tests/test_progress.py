"""Progress of long commands: a rich bar on a terminal, plain lines otherwise, and the closing summary."""

from __future__ import annotations

import io

from rich.console import Console

from communique.progress import Progress, counted, expect, reporting, tick
from communique.records import Analysis, Article


def _console(terminal: bool) -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, force_terminal=terminal, width=120), buf


def test_progress_plain_lines_give_count_rate_errors_and_eta() -> None:
    console, buf = _console(False)
    with Progress("ingest", console=console, total=4, every=0) as p:
        p.add(articles=1, quotes=3, events=2)
        p.add(errors=1)
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("ingest: 1/4 articles, ") and "articles/s, 0 errors, ETA" in lines[0]
    assert lines[1].startswith("ingest: 2/4 articles, ") and "1 errors" in lines[1]


def test_progress_plain_lines_wait_for_the_interval() -> None:
    console, buf = _console(False)
    with Progress("batch", console=console, every=3600) as p:
        for _ in range(50):
            p.add(articles=1)
    assert buf.getvalue() == ""  # nothing before the first interval; the summary is the caller's


def test_progress_summary_names_articles_quotes_events_errors_and_seconds() -> None:
    console, _ = _console(False)
    with Progress("batch", console=console) as p:
        p.add(articles=3, quotes=7, events=5)
        p.add(errors=2)
    line = p.summary()
    assert line.startswith("batch: 3 articles, 7 quotes, 5 events, 2 errors in ")
    assert line.endswith("articles/s)")


def test_progress_on_a_terminal_draws_a_bar_with_rate_and_errors() -> None:
    console, buf = _console(True)
    with Progress("batch", console=console, total=10) as p:
        p.add(articles=4, errors=1)
        p._bar.refresh()  # type: ignore[union-attr]  # draw now rather than on rich's timer
    out = buf.getvalue()
    assert "batch" in out and "5/10" in out and "articles/s" in out and "errors 1" in out and "ETA" in out


def test_progress_reporting_lets_inner_code_count_without_the_bar() -> None:
    console, _ = _console(False)
    article = Article(id="a", text="Talks resumed on Monday.")
    tick(Analysis(article=article))  # outside ``reporting``: nothing to count, no error
    with Progress("eval", console=console) as p, reporting(p):
        expect(3)
        assert list(counted([Analysis(article=article), ValueError("bad"), Analysis(article=article)]))[0].article is article
    assert (p.total, p.articles, p.errors) == (3, 2, 1)
