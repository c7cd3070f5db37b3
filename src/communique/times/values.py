"""What every TIMEX3 value rule shares: the context a value is computed against, and small readers
of a grammar match (its unit, its count, the word before it, a clock time, a weekday's date).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from communique import data
from communique.records import TimexType
from communique.times import calendar as cal
from communique.times.grammar import Candidate
from communique.times.lexicon import load as load_lexicon
from communique.times.lexicon import number_value
from communique.times.tense import Tense

Value = tuple[TimexType, str, str | None]  # (TIMEX3 type, value, anchor text)

# words before a bare month, season or plural unit that make it temporal ("in May", "for years")
TIME_PREPS = data.words("times.time_preps")


def word_alternation(name: str) -> str:
    """A regex alternation of a word list, longest words first (``"kilometres|kilometre|km"``)."""
    return "|".join(re.escape(w) for w in sorted(data.words(name), key=lambda w: (-len(w), w)))


@dataclass(frozen=True, slots=True)
class Context:
    """What a value is computed against: the publication date, the clause tense, the narrative date."""

    ref: date | None
    tense: Tense
    narrative: str | None = None  # value of the last dated expression before this one (for "the day before")
    narrative_near: bool = False  # that expression is in the same stretch of text (a sentence or so)
    day_before: date | None = None  # the day named just before, for a bare clock time ("Friday at noon")


def unit_code(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "CE"
    return load_lexicon().table("unit")[w]


def count_of(c: Candidate) -> str | None:
    raw = c.get("num")
    if raw is None:
        return None
    n = number_value(raw)
    if n is not None and (c.get("half") or c.get("half2")):
        n = "X" if n == "X" else f"{float(n) + 0.5:g}"
    return n


def prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w%]+)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def tense_direction(tense: Tense) -> str:
    return {"past": "past", "future": "future", "present": "future", "none": "past"}[tense]


def year_direction(tense: Tense) -> str:
    """How a date named without its year is placed: by tense; a present clause keeps the publication
    year ("the talks resume in December"); with no verb to go by, the nearer occurrence wins."""
    return {"past": "past", "future": "future", "present": "none", "none": "nearest"}[tense]


def time_value(d: date | None, clock: str) -> str:
    return f"{d.isoformat() if d else 'XXXX-XX-XX'}T{clock}"


def clock_code(hh: str, mm: str | None, ampm: str | None) -> str | None:
    h = int(hh)
    if ampm:
        a = ampm.lower().replace(".", "")
        if h > 12 or h == 0:
            return None
        if a == "pm" and h < 12:
            h += 12
        elif a == "am" and h == 12:
            h = 0
    if h > 24:
        return None
    return f"{h:02d}:{mm}" if mm else f"{h:02d}"


def relday_date(word: str, ref: date | None) -> date | None:
    if ref is None:
        return None
    return ref + timedelta(days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word.lower()])


def weekday_of(c: Candidate, ref: date | None, tense: Tense, rel: str | None = None) -> tuple[date | None, int]:
    n = int(load_lexicon().table("weekday")[(c.get("wd") or "").lower()])
    if ref is None:
        return None, n
    r = re.sub(r"\s+", " ", (rel or "").lower())
    direction = {"last": "last", "past": "last", "this past": "last", "next": "next", "coming": "future",
                 "this coming": "future", "this": "this"}.get(r, tense_direction(tense))
    return cal.weekday_date(ref, n, direction), n


def relative_year(c: Candidate, ctx: Context) -> str | None:
    """The year of "May last year", "June 16 of next year": relative to the publication date."""
    rel = (c.get("ryear") or "").lower()
    if not rel:
        return None
    if ctx.ref is None:
        return "XXXX"
    return f"{ctx.ref.year + {'last': -1, 'next': 1}.get(rel, 0):04d}"


def narrative_year(ctx: Context) -> str:
    if ctx.narrative and re.match(r"\d{4}", ctx.narrative):
        return ctx.narrative[:4]
    return f"{ctx.ref.year:04d}" if ctx.ref else "XXXX"


def month_number(word: str | None) -> int:
    w = (word or "").lower().rstrip(".")
    lex = load_lexicon()
    return int(lex.table("month").get(w) or lex.table("month_abbr")[w])


def ordinal_number(word: str) -> int | None:
    w = word.lower()
    m = re.match(r"(\d+)", w)
    if m:
        return int(m.group(1))
    v = load_lexicon().table("ordinal").get(w)
    return int(v) if v else None


def year_of(c: Candidate, ctx: Context) -> int | None:
    """The year a quarter or half belongs to: named, relative (``of last year``), or the reference's."""
    named = c.get("year2") or c.get("year3")
    if named:
        return int(named)
    if ctx.ref is None:
        return None
    rel = (c.get("yrel") or "").lower().split()[-1:] or [""]
    return ctx.ref.year + {"last": -1, "previous": -1, "past": -1, "next": 1}.get(rel[0], 0)


def partial_date(value: str | None) -> date | None:
    """The first day of an ISO prefix value (``2012``, ``2012-07``, ``2012-07-14``, ``2012-Q4``,
    ``2012-W11``, ``2012-SU``), else None."""
    m = re.fullmatch(r"(\d{4})-(?:Q([1-4])|H([12])|W(\d\d)(?:-WE)?|(SP|SU|FA|WI))", value or "")
    if m:
        year = int(m.group(1))
        if m.group(4):
            try:
                return date.fromisocalendar(year, int(m.group(4)), 1)
            except ValueError:
                return None
        if m.group(5):
            return date(year, cal.SEASON_MONTHS[m.group(5)][0], 1)
        month = (int(m.group(2)) - 1) * 3 + 1 if m.group(2) else (1 if m.group(3) == "1" else 7)
        return date(year, month, 1)
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def narrative_date(ctx: Context) -> date | None:
    return partial_date(ctx.narrative) or ctx.ref


Handler = Callable[[Candidate, str, Context], "Value | None"]
