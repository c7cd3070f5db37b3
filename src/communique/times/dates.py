"""TIMEX3 values of calendar dates: ISO and numeric dates, month and day, months, years, decades,
centuries, quarters, halves, seasons, holidays and weekdays, placed against the publication date.
"""

from __future__ import annotations

import re
from datetime import date

from communique import data
from communique.times import calendar as cal
from communique.times import values as v
from communique.times.grammar import Candidate
from communique.times.lexicon import load as load_lexicon
from communique.times.values import Context, Handler, Value

SEASON_PREPS = data.words("times.season_preps")
ORDINAL_DAY_PREPS = data.words("times.ordinal_day_preps")


def _iso(c: Candidate, text: str, ctx: Context) -> Value | None:
    d = cal.parse_iso(f"{c.get('year')}-{c.get('m')}-{c.get('d')}")
    if d is None:
        return None
    if c.get("hh"):
        return "TIME", f"{d.isoformat()}T{c.get('hh')}:{c.get('mm')}", None
    return "DATE", d.isoformat(), None


def _day_date(c: Candidate, text: str, ctx: Context) -> Value | None:
    month, day = v.month_number(c.get("mon")), int(c.get("day") or 0)
    if not 1 <= day <= 31:
        return None
    year = c.get("year") or v.relative_year(c, ctx)
    if year is None and ctx.ref is not None:
        rel = re.sub(r"\s+", " ", (c.get("rel") or "").lower())
        direction = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(rel)
        year = str(cal.day_year(ctx.ref, month, day, direction or v.year_direction(ctx.tense)))
    try:
        value = date(int(year), month, day).isoformat() if year and year.isdigit() else f"XXXX-{month:02d}-{day:02d}"
    except ValueError:
        return None
    if c.get("hh2"):
        clock = v.clock_code(c.get("hh2") or "", c.get("mm2"), c.get("ampm2"))
        if clock:
            return "TIME", f"{value}T{clock}", None
    return "DATE", value, None


def _month(c: Candidate, text: str, ctx: Context) -> Value | None:
    word = (c.get("mon") or "").rstrip(".")
    month = v.month_number(word)
    year, rel, pmod = c.get("year") or v.relative_year(c, ctx), (c.get("rel") or "").lower(), c.get("pmod")
    if not year and not rel and not pmod:
        if word.lower() in load_lexicon().table("month_abbr"):
            return None
        if word.lower() in ("may", "march") and v.prev_word(text, c.start) not in v.TIME_PREPS:
            return None
    if year:
        return "DATE", f"{year}-{month:02d}", None
    if ctx.ref is None:
        return "DATE", f"XXXX-{month:02d}", None
    direction = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}.get(rel)
    if direction is None:
        direction = v.year_direction(ctx.tense)
    return "DATE", f"{cal.month_year(ctx.ref, month, direction):04d}-{month:02d}", None


def _year(c: Candidate, text: str, ctx: Context) -> Value | None:
    year = c.get("year") or ""
    if c.get("fiscal"):
        return "DATE", f"FY{year}", None
    return "DATE", year, None


def _decade(c: Candidate, text: str, ctx: Context) -> Value | None:
    if c.get("dec"):
        return "DATE", c.get("dec") or "", None
    digit = c.get("dec2") or c.get("dec3")
    if digit is None:
        words = load_lexicon().table("decade_word")
        digit = words[(c.get("decw") or "").lower()]
    now = ctx.ref.year if ctx.ref else 2030
    century = "20" if int(digit) * 10 <= now % 100 else "19"
    return "DATE", f"{century}{digit}", None


def _century(c: Candidate, text: str, ctx: Context) -> Value | None:
    n = v.ordinal_number(c.get("ord") or "")
    if not n or n > 21:
        return None
    return "DATE", f"{n - 1:02d}", None


def _quarter(c: Candidate, text: str, ctx: Context) -> Value | None:
    q = int(c.get("q") or 0) or v.ordinal_number(c.get("ord") or "") or 0
    if not 1 <= q <= 4:
        return None
    named = c.get("year2") or c.get("year3") or c.get("yrel")
    owner = re.search(r"\b(?:(\d{4})|(last|next|this)\s+year|(year)[\s-]+(?:ago|earlier))(?:['’]s)?\s+(?:the\s+)?$",
                      text[max(0, c.start - 24):c.start], re.I)
    if owner and not named:
        # "next year's first quarter", "2012's third quarter", "the year-ago third quarter"
        if owner.group(1):
            return "DATE", f"{owner.group(1)}-Q{q}", None
        if ctx.ref is None:
            return "DATE", f"XXXX-Q{q}", None
        shift = {"last": -1, "next": 1, "this": 0}.get((owner.group(2) or "").lower(), -1)
        return "DATE", f"{ctx.ref.year + shift:04d}-Q{q}", None
    if (c.get("ord") or "").lower() == "last" and not named and not text[c.start:c.end].lower().startswith("the"):
        return None  # "last quarter" is the one before this; "the last quarter of 2012" is Q4
    year = v.year_of(c, ctx)
    if year is None:
        return "DATE", f"XXXX-Q{q}", None
    if ctx.ref is not None and not named:
        cur = (ctx.ref.month - 1) // 3 + 1
        if ctx.tense == "past" and q > cur:
            year -= 1
        elif ctx.tense == "future" and q < cur - 1:
            year += 1  # the quarter just ended is still reported on: "third-quarter profit will fall" in October
    return "DATE", f"{year:04d}-Q{q}", None


def _half(c: Candidate, text: str, ctx: Context) -> Value | None:
    n = v.ordinal_number(c.get("ord") or "")
    year = v.year_of(c, ctx)
    return "DATE", f"{year:04d}-H{n}" if year is not None else f"XXXX-H{n}", None


def _season(c: Candidate, text: str, ctx: Context) -> Value | None:
    word = (c.get("season") or "").lower()
    code = load_lexicon().table("season")[word]
    rel = re.sub(r"\s+", " ", (c.get("rel") or "").lower())
    year = c.get("year")
    after = text[c.end:c.end + 12]
    if not year:
        if word == "fall" and (not rel or (rel == "the" and v.prev_word(text, c.start) not in SEASON_PREPS)):
            return None
        if rel == "the" and re.match(r"\s+of\b", after):
            return None
        if not rel and not c.get("pmod") and v.prev_word(text, c.start) not in v.TIME_PREPS:
            return None
    if year:
        return "DATE", f"{year}-{code}", None
    if ctx.ref is None:
        return "DATE", f"XXXX-{code}", None
    direction = data.word_map("times.season_direction").get(rel)
    if direction is None:
        direction = ctx.tense if ctx.tense in ("past", "future") else "present"
    return "DATE", cal.season_value(ctx.ref, code, direction), None


def _holiday(c: Candidate, text: str, ctx: Context) -> Value | None:
    word = re.sub(r"\s+", " ", (c.get("hol") or "").lower().replace("’", "'"))
    month, day = (int(x) for x in load_lexicon().table("holiday")[word].split("-"))
    if c.get("year"):
        return "DATE", f"{c.get('year')}-{month:02d}-{day:02d}", None
    if ctx.ref is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    year = cal.day_year(ctx.ref, month, day, v.year_direction(ctx.tense))
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", None


def _numeric(c: Candidate, text: str, ctx: Context) -> Value | None:
    try:  # US order, as in American wire copy: 3/22/2013
        return "DATE", date(int(c.get("year") or 0), int(c.get("m") or 0), int(c.get("d") or 0)).isoformat(), None
    except ValueError:
        return None


def _monthday(c: Candidate, text: str, ctx: Context) -> Value | None:
    """ "that January day (in 2011)": a day of a named month, the day itself unknown."""
    word = (c.get("mon") or "").rstrip(".")
    if word.lower() in load_lexicon().table("month_abbr") or text[c.start:c.end].lower() == "may day" and "Day" in text[c.start:c.end]:
        return None  # "Aug morning" is no month; "May Day" is the holiday
    month = v.month_number(word)
    year = c.get("year")
    if year is None:
        year = f"{cal.month_year(ctx.ref, month, v.year_direction(ctx.tense)):04d}" if ctx.ref else "XXXX"
    pod = (c.get("pod") or "").lower()
    if pod == "day":
        return "DATE", f"{year}-{month:02d}-XX", None
    return "TIME", f"{year}-{month:02d}-XXT{load_lexicon().table('part_of_day')[pod]}", None


def _ordday(c: Candidate, text: str, ctx: Context) -> Value | None:
    """ "on the 15th": that day of the narrative's month, else of the publication month (by tense)."""
    if v.prev_word(text, c.start) not in ORDINAL_DAY_PREPS:
        return None
    day = int(c.get("day") or 0)
    m = re.fullmatch(r"(\d{4})-(\d\d)(?:-\d\d)?", ctx.narrative or "")
    if m and ctx.narrative_near:
        year, month = int(m.group(1)), int(m.group(2))
    elif ctx.ref is not None:
        step = -1 if ctx.tense == "past" and day > ctx.ref.day else 1 if ctx.tense == "future" and day < ctx.ref.day else 0
        month_start = cal.shift(ctx.ref.replace(day=1), "M", step)  # a past 20th is last month's, a future 3rd next month's
        year, month = month_start.year, month_start.month
    else:
        return "DATE", f"XXXX-XX-{day:02d}", None
    try:
        return "DATE", date(year, month, day).isoformat(), None
    except ValueError:
        return None


def _weekday_value(c: Candidate, text: str, ctx: Context) -> Value | None:
    d, n = v.weekday_of(c, ctx.ref, ctx.tense, c.get("rel"))
    pod = c.get("pod")
    if c.get("hh"):
        clock = v.clock_code(c.get("hh") or "", c.get("mm"), c.get("ampm"))
        if clock:
            return "TIME", v.time_value(d, clock) if d else f"XXXX-WXX-{n}T{clock}", None
    if pod:
        code = load_lexicon().table("part_of_day")[pod.lower()]
        return "TIME", f"{d.isoformat()}T{code}" if d else f"XXXX-WXX-{n}T{code}", None
    return "DATE", d.isoformat() if d else f"XXXX-WXX-{n}", None
# the candidate kinds this module computes values for
HANDLERS: dict[str, Handler] = {
    "ordday": _ordday,
    "monthday": _monthday,
    "holiday": _holiday,
    "numeric": _numeric,
    "iso": _iso,
    "mdy": _day_date,
    "dmy": _day_date,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "half": _half,
    "season": _season,
    "weekday": _weekday_value,
}
