"""Datelines: the one definition of their shape, and the publication date an article states.

``DATELINE`` (a place in capitals, a credit, a dash) is where the sentence splitter starts the lead
sentence; ``CREDITED_DATELINE`` (any case, a credit required) tells clean-up a first line is no
headline; ``publication_date`` reads the date lines of an article's head (a wire dateline, a
"Published:"/"Updated:" stamp, a line holding only a date, a date under a byline) and says which
one gave the publication date; ``is_date_line`` tells clean-up a line holds nothing but a date.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from communique.times.calendar import is_valid_date
from communique.times.lexicon import load as load_lexicon

HEAD_CHARS = 1000  # date lines sit in the header block; never read a date from the body

# "DOHA, March 13, 2025 (Communique Wire) - ", "KYIV, Ukraine (AP) — ", "MANILA, 22 October (Wire) – ":
# a paragraph opening with a place in capitals, up to three comma-separated parts, an optional credit
# in parentheses, and a dash.
DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z.'’/ -]{1,40}[A-Z.](?:,[ A-Za-z0-9.]{1,30}){0,3}\s*(?:\([^()\n]{1,50}\))?\s*[-—–]{1,2}\s+"
)
# "Kyiv, March 3 (Reuters) -": a place in any case, a comma, a credit in parentheses, a dash.
CREDITED_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]+,.*?\([A-Za-z .]+\)\s*[-–—]")

# The kinds of date line, most trusted first: a "Published:"/"Posted:" stamp, a wire dateline, a date
# under a byline, a line holding only a date, an "Updated:"/"Last modified:" stamp (later than the
# publication by definition, so only when nothing else dates the article).
KINDS = ("published_line", "dateline", "byline_date", "date_line", "updated_line")


@dataclass(frozen=True, slots=True)
class DateLine:
    """One date line of an article's head: its kind, its line offsets, and the date it states
    (``year`` None when the line gives only a day and a month: "LONDON, March 3 (Reuters) -")."""

    kind: str
    start: int
    end: int
    year: int | None
    month: int
    day: int


class Found(NamedTuple):
    """The publication date (``YYYY-MM-DD``) and the kind of line that gave it (one of ``KINDS``)."""

    date: str
    source: str


def _month_pattern() -> str:
    lex = load_lexicon()
    words = sorted([*lex.table("month"), *lex.table("month_abbr")], key=len, reverse=True)
    return "|".join(words)


_YEAR = r"(?P<year>(?:19|20)\d\d)"
_CLOCK = r"\d\d?[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?"
_LABEL = (r"(?P<label>first\s+published|originally\s+published|published|posted|last\s+updated|updated|"
          r"(?:last\s+)?modified|date)\s*(?:on|at|:)?\s*:?\s*")


@functools.cache
def _layouts() -> tuple[str, ...]:
    """Date layouts, the year optional in the first two ("March 3", "3 March"), never in ISO dates."""
    month = _month_pattern()
    return (
        rf"(?P<mon>{month})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?(?![\d:])",
        rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month})\b\.?(?:,?\s+{_YEAR})?(?![\d:])",
        r"(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)",
    )


@functools.cache
def _weekday() -> str:
    wday_abbr = "|".join(sorted(load_lexicon().table("weekday_abbr"), key=len, reverse=True))
    return rf"(?:(?:[A-Za-z]+day|{wday_abbr})\.?,?\s+)?"


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(kind, pattern) for one line; one pattern per date layout (a regex cannot reuse group names)."""
    wday = _weekday()
    out: list[tuple[str, re.Pattern[str]]] = []
    for d in _layouts():
        # "Published: 3 March 2025", "Updated on March 13, 2025 14:05 GMT", "Updated 2:14 PM EST, March 3, 2025"
        out.append(("label", re.compile(rf"^\W*{_LABEL}(?:{_CLOCK},?\s*)?{wday}{d}", re.I)))
        # the label after a byline on the same line: "By Staff in Peshawar (Daily) Updated: 2014-03-03 08:27"
        out.append(("label", re.compile(rf"^\s*By\s[^\n]{{1,80}}?\s{_LABEL}(?:{_CLOCK},?\s*)?{wday}{d}", re.I)))
    for d in _layouts()[:2]:
        # "KYIV, Ukraine, March 3, 2025 (AP) —", "SRINAGAR/ISLAMABAD, October 1, 2026 —", "LONDON, March 3 (Reuters) -"
        out.append(("dateline", re.compile(
            rf"^[A-Z][A-Za-z .'’-]{{1,40}}(?:/[A-Z][A-Za-z .'’-]{{1,40}}){{0,3}}(?:,\s*[A-Za-z .]{{2,30}})?,\s*{wday}{d}"
            rf"\s*(?:\([^)]{{1,40}}\)|/[^/\n]{{1,40}}/)?\s*[-–—:]", re.I)))
    for d in _layouts():
        # a line holding only a date: "March 3, 2025", "Monday 3 March", "3 March 2025 14:05 GMT", "2025-03-03"
        out.append(("date_line", re.compile(
            rf"^\s*{wday}{d}\b(?:[ ,\u2013\u2014|-]+(?:at\s+)?\d\d?[:.]\d\d[^\n]{{0,24}})?[ \t]*$", re.I)))
    return tuple(out)


def is_date_line(line: str) -> bool:
    """The line holds a date and nothing else but a weekday and a clock time: "Tuesday 4 March 2025 09:10 GMT"."""
    return any(kind == "date_line" and rx.match(line) for kind, rx in _patterns())


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\u2028\u2029")
        yield pos, pos + len(body)
        pos += len(line)


def _read_line(line: str) -> tuple[str, int | None, int, int] | None:
    """(kind, year, month, day) of the first pattern the line matches with a valid day."""
    months = {**load_lexicon().table("month"), **load_lexicon().table("month_abbr")}
    for kind, rx in _patterns():
        m = rx.match(line)
        if not m:
            continue
        g = m.groupdict()
        month = int(g["m"]) if g.get("m") else int(months[(g["mon"] or "").lower()])
        year = int(g["year"]) if g.get("year") else None
        if not is_valid_date(year or 2024, month, int(g["day"])):  # 2024: a leap year lets "February 29" through
            continue
        if kind == "label":
            kind = "updated_line" if re.match(r"(?i)(?:last\s+)?(?:updated|modified)", g["label"]) else "published_line"
        return kind, year, month, int(g["day"])
    return None


def date_lines(text: str, *, bylines: Iterable[tuple[int, int]] = ()) -> list[DateLine]:
    """Every date line in the head of ``text``; a date-only line right under one of the ``bylines``
    (``(start, end)`` offsets of byline lines in ``text``) is a "byline_date"."""
    byline_ends = {e for _, e in bylines}
    out: list[DateLine] = []
    previous_end: int | None = None
    for s, e in _lines(text[:HEAD_CHARS]):
        line = text[s:e]
        if not line.strip():
            continue
        read = _read_line(line)
        if read is not None:
            kind, year, month, day = read
            if kind == "date_line" and previous_end in byline_ends:
                kind = "byline_date"
            out.append(DateLine(kind, s, e, year, month, day))
        previous_end = s + len(line.rstrip())  # a byline's offsets leave out trailing blanks
    return out


def _with_year(line: DateLine, dated: list[DateLine]) -> date | None:
    """The line's date; a date without a year takes the year that puts it nearest to a dated line
    of the same article ("March 3" beside "Updated: 4 March 2025"; "Dec. 31" beside "Jan. 2, 2026"
    is 2025), and without one it has no date: never the year of the run."""
    if line.year is not None:
        return date(line.year, line.month, line.day)
    best: tuple[int, date] | None = None
    for other in dated:
        assert other.year is not None
        ref = date(other.year, other.month, other.day)
        for y in (ref.year - 1, ref.year, ref.year + 1):
            if is_valid_date(y, line.month, line.day):
                cand = date(y, line.month, line.day)
                gap = abs((cand - ref).days)
                if best is None or gap < best[0]:
                    best = (gap, cand)
    return best[1] if best else None


def publication_date(text: str, *, bylines: Iterable[tuple[int, int]] = ()) -> Found | None:
    """The publication date the head of ``text`` states, and the kind of line that gave it.

    The earliest date of the most trusted kind wins (``KINDS``): "Published: 3 March 2025" over a
    wire dateline over a date under a byline over a line holding only a date over "Updated: ...".
    A date without a year takes it from another date line of the article, or gives nothing.
    """
    found = date_lines(text, bylines=bylines)
    dated = [x for x in found if x.year is not None]
    for kind in KINDS:
        days = [d for x in found if x.kind == kind and (d := _with_year(x, dated)) is not None]
        if days:
            return Found(min(days).isoformat(), kind)
    when = _labelled_by_dateparser(text[:HEAD_CHARS])
    return Found(when, "published_line") if when else None


def published_from_dateline(text: str) -> str | None:
    """The publication date the opening lines of ``text`` state (``KYIV, March 3, 2025 (Reuters) -``,
    ``Published: 3 March 2025``), as ``YYYY-MM-DD``; None when they state none."""
    found = publication_date(text)
    return found.date if found else None


LABEL_LINE = re.compile(r"^\W*(?:published|posted|updated|last\s+updated|(?:last\s+)?modified|date)\s*(?:on|:)?\s*(?P<rest>[^\n]{6,40})$",
                        re.I | re.M)


def _labelled_by_dateparser(head: str) -> str | None:
    """A labelled date line in a layout our patterns do not read ("Published: 03.03.2025").

    dateparser is right here: one short string that is a date, read as an absolute date with day,
    month and year all required, so "2 hours ago" or "today" never turn into the date of the run.
    """
    m = LABEL_LINE.search(head)
    if not m:
        return None
    import dateparser  # slow to import: only for the rare layout that needs it

    settings = {"PARSERS": ["custom-formats", "absolute-time"], "STRICT_PARSING": True,
                "REQUIRE_PARTS": ["day", "month", "year"]}
    found = dateparser.parse(m.group("rest").strip(), settings=settings)
    return found.date().isoformat() if found else None
