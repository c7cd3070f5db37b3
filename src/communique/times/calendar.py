"""Calendar arithmetic for TIMEX3 values: shifting a reference date and writing it at a granularity.

Units are the lexicon's designators: ``D`` day, ``W`` week, ``WE`` weekend, ``F`` fortnight, ``M`` month,
``Q`` quarter, ``Y`` year, ``DE`` decade, ``CE`` century, and ``TH``/``TM``/``TS`` for clock units.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

SEASON_MONTHS = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}
PLACEHOLDER = {
    "Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "F": "XXXX-WXX", "D": "XXXX-XX-XX",
    "Q": "XXXX-QX", "DE": "XXX", "CE": "XX", "TH": "XXXX-XX-XX", "TM": "XXXX-XX-XX", "TS": "XXXX-XX-XX",
}


def parse_iso(value: str | None) -> date | None:
    """The date of an ISO date or datetime string (``2025-03-03``, ``2025-03-03T10:00Z``), else None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# One step of each unit; clock units move by whole days (only their date is written).
STEP = {
    "D": relativedelta(days=1), "TH": relativedelta(days=1), "TM": relativedelta(days=1), "TS": relativedelta(days=1),
    "W": relativedelta(weeks=1), "WE": relativedelta(weeks=1), "F": relativedelta(weeks=2),
    "M": relativedelta(months=1), "Q": relativedelta(months=3), "Y": relativedelta(years=1),
    "DE": relativedelta(years=10), "CE": relativedelta(years=100),
}


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (negative: into the past); a month shift clips the day to the
    month's length (``2024-01-31`` plus a month is ``2024-02-29``)."""
    step = STEP.get(unit)
    if step is None:
        raise ValueError(f"unknown unit {unit!r}")
    moved: date = d + step * n
    return moved


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def at(d: date, unit: str) -> str:
    """``d`` written at the granularity of ``unit``: ``2013``, ``2013-03``, ``2013-W12``, ``2013-Q1`` ..."""
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit in ("W", "F"):
        return iso_week(d)
    if unit == "WE":
        return iso_week(d) + "-WE"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def placeholder(unit: str) -> str:
    """The TIMEX3 value with every digit unknown, for a relative expression with no reference date."""
    return PLACEHOLDER.get(unit, "XXXX-XX-XX")


def weekday_date(ref: date, weekday: int, direction: str) -> date:
    """The date of ISO ``weekday`` (Monday=1) near ``ref``.

    ``past``: the most recent one on or before ``ref``; ``future``: the next one on or after it;
    ``last``/``next``: strictly before/after; ``this``: the one in ``ref``'s ISO week.
    """
    delta = weekday - ref.isoweekday()
    if direction == "this":
        return ref + timedelta(days=delta)
    if direction in ("past", "last"):
        back = (-delta) % 7
        if back == 0 and direction == "last":
            back = 7
        return ref - timedelta(days=back)
    ahead = delta % 7
    if ahead == 0 and direction == "next":
        ahead = 7
    return ref + timedelta(days=ahead)


def month_year(ref: date, month: int, direction: str) -> int:
    """The year of a month named without one: ``past`` (on or before ``ref``'s month), ``future``,
    ``last``/``next`` (strictly), ``nearest`` (within six months), else ``ref``'s own year."""
    if direction == "past":
        return ref.year if month <= ref.month else ref.year - 1
    if direction == "last":
        return ref.year if month < ref.month else ref.year - 1
    if direction == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if direction == "next":
        return ref.year if month > ref.month else ref.year + 1
    if direction == "nearest":
        diff = month - ref.month  # the occurrence within six months either side
        return ref.year - 1 if diff > 6 else ref.year + 1 if diff < -6 else ref.year
    return ref.year


def day_year(ref: date, month: int, day: int, direction: str) -> int:
    """The year of a month and day named without one, by tense (as ``month_year``, at day level)."""
    key, ref_key = (month, day), (ref.month, ref.day)
    if direction == "past":
        return ref.year if key <= ref_key else ref.year - 1
    if direction == "future":
        return ref.year if key >= ref_key else ref.year + 1
    if direction == "nearest":
        candidates = [y for y in (ref.year - 1, ref.year, ref.year + 1) if is_valid_date(y, month, day)]
        return min(candidates, key=lambda y: abs((date(y, month, day) - ref).days), default=ref.year)
    return ref.year


def is_valid_date(year: int, month: int, day: int) -> bool:
    """Whether year, month and day make a calendar date (no 30 February)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def season_of(d: date) -> tuple[int, str]:
    """The season ``d`` falls in, labelled by the year of that month (winter spans two years)."""
    for code, months in SEASON_MONTHS.items():
        if d.month in months:
            return d.year, code
    raise AssertionError(d)


def season_value(ref: date, code: str, direction: str) -> str:
    """The ``YYYY-SS`` value of a season named relative to ``ref``: ``last``/``next`` (strictly another
    one), ``this``, or by tense (``past``: the current one or the most recent, ``future``: current or coming)."""
    _, cur = season_of(ref)
    if direction in ("this", "present") or (cur == code and direction not in ("last", "next")):
        return f"{ref.year}-{code}"
    step = 1 if direction in ("next", "future") else -1
    d, left = ref, cur != code
    for _ in range(16):
        d = d + relativedelta(months=step)
        y, s = season_of(d)
        left = left or s != cur
        if s == code and left:
            return f"{y}-{code}"
    return f"{ref.year}-{code}"


def duration(n: str, unit: str) -> str:
    """The TIMEX3 duration of ``n`` units (``n`` may be ``X``): ``P5W``, ``PT2H``, ``P10Y`` for a decade."""
    if unit.startswith("T"):
        return f"PT{n}{unit[1]}"
    known = n != "X"
    num = float(n) if known else 0.0

    def fmt(x: float) -> str:
        return str(int(x)) if x == int(x) else f"{x:g}"

    if unit == "DE":
        return f"P{fmt(num * 10)}Y" if known else "PXDE"
    if unit == "CE":
        return f"P{fmt(num * 100)}Y" if known else "PXCE"
    if unit == "F":
        return f"P{fmt(num * 2)}W" if known else "PXW"
    return f"P{fmt(num) if known else 'X'}{unit}"
