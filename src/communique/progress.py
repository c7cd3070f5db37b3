"""Progress and a final summary for long commands (batch, ingest, reanalyse, eval).

On a terminal: a rich progress bar with articles/s, ETA and the error count. Otherwise (a log, a
pipe, CI): one plain line every ``every`` seconds. Either way ``summary()`` gives the closing line:
articles, quotes, events, errors and seconds. Lines go to the console given (the CLI's stderr), so
the command's own output on stdout stays clean.

    with Progress("ingest", console=err, total=300) as p:
        for result in results:
            p.add(articles=1, quotes=len(result.quotes), events=len(result.events))
    err.print(p.summary())

Code deep inside a command (the evaluation tasks) reports without being handed the bar: the command
runs it inside ``reporting(p)``, and the code calls ``expect(n)`` and wraps its results in
``counted(...)`` (or calls ``tick``); outside ``reporting`` these do nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from types import TracebackType
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeRemainingColumn
from rich.progress import Progress as RichProgress

T = TypeVar("T")


class Progress:
    """Counts of a long run and their display; use as a context manager, then print ``summary()``.

    ``total``: how many articles are expected, when known (gives the bar and the ETA; ``set_total``
    can give it later). ``terminal``: force the bar (True) or plain lines (False); default: the
    console's own answer.
    """

    def __init__(self, label: str, *, console: Console, total: int | None = None, every: float = 10.0,
                 terminal: bool | None = None) -> None:
        self.label = label
        self.console = console
        self.total = total
        self.every = every
        self.terminal = console.is_terminal if terminal is None else terminal
        self.articles = self.quotes = self.events = self.errors = 0
        self.started = time.monotonic()
        self._last_line = self.started
        self._bar: RichProgress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Progress:
        self.started = self._last_line = time.monotonic()
        if self.terminal:
            self._bar = RichProgress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} articles/s"), TextColumn("errors {task.fields[errors]}"),
                TextColumn("ETA"), TimeRemainingColumn(), console=self.console, transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total, rate="0.0", errors=0)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Articles (and failed inputs) per second so far."""
        return (self.articles + self.errors) / max(self.seconds, 1e-9)

    def set_total(self, total: int | None) -> None:
        self.total = total
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, total=total)

    def add(self, *, articles: int = 0, quotes: int = 0, events: int = 0, errors: int = 0) -> None:
        """Count what one step finished; refresh the bar, or print a line when ``every`` seconds passed."""
        self.articles += articles
        self.quotes += quotes
        self.events += events
        self.errors += errors
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self.articles + self.errors, rate=f"{self.rate:.1f}",
                             errors=self.errors)
            return
        now = time.monotonic()
        if now - self._last_line >= self.every:
            self._last_line = now
            self.console.print(self.line(), highlight=False, markup=False)

    def eta(self) -> float | None:
        """Seconds left at the rate so far, when the total is known."""
        done = self.articles + self.errors
        if self.total is None or done == 0:
            return None
        return max(self.total - done, 0) / max(self.rate, 1e-9)

    def line(self) -> str:
        """One plain progress line: done (of total), rate, errors, ETA."""
        done = self.articles + self.errors
        of = f"/{self.total}" if self.total is not None else ""
        eta = self.eta()
        tail = f", ETA {eta:.0f} s" if eta is not None else ""
        return f"{self.label}: {done}{of} articles, {self.rate:.1f} articles/s, {self.errors} errors{tail}"

    def summary(self) -> str:
        """The closing line: articles, quotes, events, errors and seconds."""
        return (f"{self.label}: {self.articles} articles, {self.quotes} quotes, {self.events} events, "
                f"{self.errors} errors in {self.seconds:.1f} s ({self.rate:.1f} articles/s)")


# the progress of the command running in this context (set by ``reporting``), for code it calls
_CURRENT: ContextVar[Progress | None] = ContextVar("communique_progress", default=None)


@contextmanager
def reporting(progress: Progress) -> Iterator[Progress]:
    """Make ``progress`` the one ``expect``, ``tick`` and ``counted`` report to, inside the block."""
    token = _CURRENT.set(progress)
    try:
        yield progress
    finally:
        _CURRENT.reset(token)


def expect(total: int) -> None:
    """Tell the current progress how many articles to expect."""
    current = _CURRENT.get()
    if current is not None:
        current.set_total(total)


def tick(result: object) -> None:
    """Count one finished article on the current progress: an exception counts as an error; an
    analysis adds its quotes and events."""
    current = _CURRENT.get()
    if current is None:
        return
    if isinstance(result, Exception):
        current.add(errors=1)
    else:
        current.add(articles=1, quotes=len(getattr(result, "quotes", ())), events=len(getattr(result, "events", ())))


def counted(results: Iterable[T]) -> Iterator[T]:
    """``results`` unchanged, each counted on the current progress (``tick``) as it passes."""
    for r in results:
        tick(r)
        yield r
