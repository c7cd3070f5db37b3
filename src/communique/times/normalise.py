"""TIMEX3 values for grammar matches: calendar arithmetic against the publication date.

``normalise`` turns one ``Candidate`` into ``(type, value, anchor)`` or None when the match is not a
temporal expression after all (an age, "May" the modal, "the fall of Kabul").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from communique.records import TimexType
from communique.times import calendar as cal
from communique.times.grammar import Candidate
from communique.times.lexicon import load as load_lexicon
from communique.times.lexicon import number_value
from communique.times.tense import Tense

Value = tuple[TimexType, str, str | None]  # (TIMEX3 type, value, anchor text)

# words before a bare month, season or plural unit that make it temporal ("in May", "for years")
TIME_PREPS = frozenset({
    "in", "since", "until", "till", "by", "from", "of", "during", "through", "throughout", "before", "after",
    "between", "and", "to", "on", "early", "late", "mid", "last", "next", "this", "each", "every", "over",
    "around", "for", "within", "past", "into", "as",
})
SEASON_PREPS = frozenset({"in", "during", "by", "until", "since", "over", "through", "before", "after", "early", "late"})
CLOCK_PREPS = frozenset({"at", "by", "until", "till", "from", "before", "after", "around", "about", "since", "to"})
PLURAL_CUES = frozenset({"for", "over", "in", "within", "take", "takes", "took", "taking", "spent", "spend", "after", "lasted", "last"})
RELATIVE_AFTER = re.compile(r"\s+(?:later|earlier|after|before|ago|into|prior)\b", re.I)
SET_BEFORE = re.compile(r"(?:\d[\d,.]*|million|billion|trillion|thousand|hundred|dollars|euros|pounds|people|barrels|percent|%)\s*$", re.I)
AGE_AFTER = re.compile(r"^\s*(?:-?\s*old\b|(?:and|or)\s+(?:older|younger|over|under)\b|of\s+age\b)", re.I)
AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Context:
    """What a value is computed against: the publication date, the clause tense, the narrative date."""

    ref: date | None
    tense: Tense
    narrative: str | None = None  # value of the last dated expression before this one (for "the day before")
    narrative_near: bool = False  # that expression is in the same stretch of text (a sentence or so)
    day_before: date | None = None  # the day named just before, for a bare clock time ("Friday at noon")


def _unit(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "CE"
    return load_lexicon().table("unit")[w]


def _count(c: Candidate) -> str | None:
    raw = c.get("num")
    if raw is None:
        return None
    n = number_value(raw)
    if n is not None and (c.get("half") or c.get("half2")):
        n = "X" if n == "X" else f"{float(n) + 0.5:g}"
    return n


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w%]+)\W*$", text[max(0, start - 30):start])
    return m.group(1).lower() if m else ""


def _direction(tense: Tense) -> str:
    return {"past": "past", "future": "future", "present": "future", "none": "past"}[tense]


def _year_direction(tense: Tense) -> str:
    """How a date named without its year is placed: by tense; a present clause keeps the publication
    year ("the talks resume in December"); with no verb to go by, the nearer occurrence wins."""
    return {"past": "past", "future": "future", "present": "none", "none": "nearest"}[tense]


def _time(d: date | None, clock: str) -> str:
    return f"{d.isoformat() if d else 'XXXX-XX-XX'}T{clock}"


def _clock(hh: str, mm: str | None, ampm: str | None) -> str | None:
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


def _relday(word: str, ref: date | None) -> date | None:
    if ref is None:
        return None
    return ref + timedelta(days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word.lower()])


def _weekday(c: Candidate, ref: date | None, tense: Tense, rel: str | None = None) -> tuple[date | None, int]:
    n = int(load_lexicon().table("weekday")[(c.get("wd") or "").lower()])
    if ref is None:
        return None, n
    r = re.sub(r"\s+", " ", (rel or "").lower())
    direction = {"last": "last", "past": "last", "this past": "last", "next": "next", "coming": "future",
                 "this coming": "future", "this": "this"}.get(r, _direction(tense))
    return cal.weekday_date(ref, n, direction), n


def _relative_year(c: Candidate, ctx: Context) -> str | None:
    """The year of "May last year", "June 16 of next year": relative to the publication date."""
    rel = (c.get("ryear") or "").lower()
    if not rel:
        return None
    if ctx.ref is None:
        return "XXXX"
    return f"{ctx.ref.year + {'last': -1, 'next': 1}.get(rel, 0):04d}"


def _narrative_year(ctx: Context) -> str:
    if ctx.narrative and re.match(r"\d{4}", ctx.narrative):
        return ctx.narrative[:4]
    return f"{ctx.ref.year:04d}" if ctx.ref else "XXXX"


def normalise(c: Candidate, text: str, ctx: Context) -> Value | None:
    """The TIMEX3 (type, value, anchor) of a candidate, or None when it is not temporal here."""
    handler = HANDLERS.get(c.kind)
    return handler(c, text, ctx) if handler else None


def _iso(c: Candidate, text: str, ctx: Context) -> Value | None:
    d = cal.parse_iso(f"{c.get('year')}-{c.get('m')}-{c.get('d')}")
    if d is None:
        return None
    if c.get("hh"):
        return "TIME", f"{d.isoformat()}T{c.get('hh')}:{c.get('mm')}", None
    return "DATE", d.isoformat(), None


def _month_number(word: str | None) -> int:
    w = (word or "").lower().rstrip(".")
    lex = load_lexicon()
    return int(lex.table("month").get(w) or lex.table("month_abbr")[w])


def _day_date(c: Candidate, text: str, ctx: Context) -> Value | None:
    month, day = _month_number(c.get("mon")), int(c.get("day") or 0)
    if not 1 <= day <= 31:
        return None
    year = c.get("year") or _relative_year(c, ctx)
    if year is None and ctx.ref is not None:
        rel = re.sub(r"\s+", " ", (c.get("rel") or "").lower())
        direction = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(rel)
        year = str(cal.day_year(ctx.ref, month, day, direction or _year_direction(ctx.tense)))
    try:
        value = date(int(year), month, day).isoformat() if year and year.isdigit() else f"XXXX-{month:02d}-{day:02d}"
    except ValueError:
        return None
    if c.get("hh2"):
        clock = _clock(c.get("hh2") or "", c.get("mm2"), c.get("ampm2"))
        if clock:
            return "TIME", f"{value}T{clock}", None
    return "DATE", value, None


def _month(c: Candidate, text: str, ctx: Context) -> Value | None:
    word = (c.get("mon") or "").rstrip(".")
    month = _month_number(word)
    year, rel, pmod = c.get("year") or _relative_year(c, ctx), (c.get("rel") or "").lower(), c.get("pmod")
    if not year and not rel and not pmod:
        if word.lower() in load_lexicon().table("month_abbr"):
            return None
        if word.lower() in ("may", "march") and _prev_word(text, c.start) not in TIME_PREPS:
            return None
    if year:
        return "DATE", f"{year}-{month:02d}", None
    if ctx.ref is None:
        return "DATE", f"XXXX-{month:02d}", None
    direction = {"last": "last", "past": "last", "next": "next", "coming": "next", "this": "this"}.get(rel)
    if direction is None:
        direction = _year_direction(ctx.tense)
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


def _ordinal(word: str) -> int | None:
    w = word.lower()
    m = re.match(r"(\d+)", w)
    if m:
        return int(m.group(1))
    v = load_lexicon().table("ordinal").get(w)
    return int(v) if v else None


def _century(c: Candidate, text: str, ctx: Context) -> Value | None:
    n = _ordinal(c.get("ord") or "")
    if not n or n > 21:
        return None
    return "DATE", f"{n - 1:02d}", None


def _year_of(c: Candidate, ctx: Context) -> int | None:
    """The year a quarter or half belongs to: named, relative (``of last year``), or the reference's."""
    named = c.get("year2") or c.get("year3")
    if named:
        return int(named)
    if ctx.ref is None:
        return None
    rel = (c.get("yrel") or "").lower().split()[-1:] or [""]
    return ctx.ref.year + {"last": -1, "previous": -1, "past": -1, "next": 1}.get(rel[0], 0)


def _quarter(c: Candidate, text: str, ctx: Context) -> Value | None:
    q = int(c.get("q") or 0) or _ordinal(c.get("ord") or "") or 0
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
    year = _year_of(c, ctx)
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
    n = _ordinal(c.get("ord") or "")
    year = _year_of(c, ctx)
    return "DATE", f"{year:04d}-H{n}" if year is not None else f"XXXX-H{n}", None


def _season(c: Candidate, text: str, ctx: Context) -> Value | None:
    word = (c.get("season") or "").lower()
    code = load_lexicon().table("season")[word]
    rel = re.sub(r"\s+", " ", (c.get("rel") or "").lower())
    year = c.get("year")
    after = text[c.end:c.end + 12]
    if not year:
        if word == "fall" and (not rel or (rel == "the" and _prev_word(text, c.start) not in SEASON_PREPS)):
            return None
        if rel == "the" and re.match(r"\s+of\b", after):
            return None
        if not rel and not c.get("pmod") and _prev_word(text, c.start) not in TIME_PREPS:
            return None
    if year:
        return "DATE", f"{year}-{code}", None
    if ctx.ref is None:
        return "DATE", f"XXXX-{code}", None
    direction = {"last": "last", "this past": "last", "this coming": "next", "the past": "last", "the previous": "last", "next": "next",
                 "the coming": "next", "the following": "next", "this": "this"}.get(rel)
    if direction is None:
        direction = ctx.tense if ctx.tense in ("past", "future") else "present"
    return "DATE", cal.season_value(ctx.ref, code, direction), None


def _weekday_value(c: Candidate, text: str, ctx: Context) -> Value | None:
    d, n = _weekday(c, ctx.ref, ctx.tense, c.get("rel"))
    pod = c.get("pod")
    if c.get("hh"):
        clock = _clock(c.get("hh") or "", c.get("mm"), c.get("ampm"))
        if clock:
            return "TIME", _time(d, clock) if d else f"XXXX-WXX-{n}T{clock}", None
    if pod:
        code = load_lexicon().table("part_of_day")[pod.lower()]
        return "TIME", f"{d.isoformat()}T{code}" if d else f"XXXX-WXX-{n}T{code}", None
    return "DATE", d.isoformat() if d else f"XXXX-WXX-{n}", None


def _clock_value(c: Candidate, text: str, ctx: Context) -> Value | None:
    if c.kind == "oclock":
        if c.get("pod3") and _prev_word(text, c.start) not in CLOCK_PREPS:
            return None  # "at 4 in the morning" is a time; "one in the morning paper" is not
        hour = number_value(c.get("hw") or "") or "0"
        pod = (c.get("pod") or c.get("pod3") or "").lower()
        if pod == "night":
            pod = "evening" if 6 <= int(float(hour)) <= 11 else "morning"  # "10 in the night", "2 in the night"
        ampm = c.get("ampm") or {"morning": "am", "afternoon": "pm", "evening": "pm"}.get(pod)
        clock: str | None = _clock(hour, "00", ampm)
        if clock is None:
            return None
    elif c.kind == "noon":
        if _prev_word(text, c.start) == "high":
            return None  # "high noon": a showdown, not a clock time
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[(c.get("nm") or "").lower()]
    else:
        if c.kind == "clock24" and not (c.get("tz") or c.get("lt")):
            # a bare "14:30" is a time only after a preposition of time
            if not c.get("mm3") or _prev_word(text, c.start) not in CLOCK_PREPS:
                return None
            if re.match(r"\s+(?:of|into|left|remaining|to\s+play)\b", text[c.end:c.end + 16]):
                return None  # a game clock: "at 6:40 of the second period"
        clock = _clock(c.get("hh") or "", c.get("mm") or c.get("mm3"), c.get("ampm"))
        if clock is None:
            return None
    day: date | None = ctx.day_before or ctx.ref
    if c.get("wd"):
        day = _weekday(c, ctx.ref, ctx.tense)[0]
    elif c.get("rd"):
        day = _relday(c.get("rd") or "", ctx.ref)
    return "TIME", _time(day, clock or ""), None


def _relday_value(c: Candidate, text: str, ctx: Context) -> Value | None:
    ref = ctx.ref
    lex = load_lexicon().table("part_of_day")
    if c.get("dd"):
        d = ref + timedelta(days=-2 if (c.get("dd") or "").lower().startswith("before") else 2) if ref else None
        return "DATE", d.isoformat() if d else "XXXX-XX-XX", None
    if c.get("overnight"):
        d = ref - timedelta(days=1) if ref and ctx.tense == "past" else ref
        return "TIME", _time(d, "NI"), None
    if c.get("pod2"):
        word = (c.get("this") or "").lower()
        shift = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[word]
        d = ref + timedelta(days=shift) if ref else None
        return "TIME", _time(d, lex[(c.get("pod2") or "").lower()]), None
    rd = (c.get("rd") or "").lower()
    if rd == "today" and not c.get("pod") and re.search(r"\bthan\b(?:\W+\w+){0,5}\W*$", text[max(0, c.start - 60):c.start], re.I):
        return "DATE", "PRESENT_REF", None  # a comparison with the present: "faster than can be done today"
    d = _relday(rd, ref)
    if rd == "tonight":
        return "TIME", _time(d, "NI"), None
    if c.get("pod"):
        return "TIME", _time(d, lex[(c.get("pod") or "").lower()]), None
    return "DATE", d.isoformat() if d else "XXXX-XX-XX", None


def _partial(value: str | None) -> date | None:
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


def _narrative_date(ctx: Context) -> date | None:
    return _partial(ctx.narrative) or ctx.ref


def _rel(c: Candidate, text: str, ctx: Context) -> Value | None:
    unit = _unit(c.get("unit") or "")
    rel = re.sub(r"\s+", " ", (c.get("rel") or "").lower())
    rel = {"this past": "last", "this coming": "next"}.get(rel, rel)
    the = bool(c.get("the"))
    n = _count(c)
    plural = bool(c.get("pl"))
    if n is not None or plural:
        if rel in ("this", "current", "same"):
            return None
        if rel == "last" and not the and n is None:
            return None  # "it could last weeks": the verb; the bare plural is found on its own
        return "DURATION", cal.duration(n or "X", unit), None
    if unit.startswith("T"):
        return ("DURATION", cal.duration("1", unit), None) if rel in ("past", "last", "next", "coming") else None
    if re.match(r"\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\b|\d{4}|year|month|last|this|next)", text[c.end:c.end + 20]):
        return None  # "the last week of March" is a week of that month, not of the publication date
    span_prep = _prev_word(text, c.start)
    if the and rel == "next" and unit in ("D", "W", "M") and span_prep not in ("over", "in", "within", "during", "for", "through"):
        rel = "following"  # "the next day" in a narrative is the day after it; "over the next week" a span
    elif unit == "WE" and rel == "past":
        rel = "last"  # "the past weekend" is the last one, not a span
    elif rel == "past" or (the and rel == "next") or (the and rel == "last" and unit in ("DE", "CE")):
        return "DURATION", cal.duration("1", unit), None
    if rel in ("following", "previous", "prior", "same") and the:
        base = _narrative_date(ctx)
        step = {"following": 1, "previous": -1, "prior": -1, "same": 0}[rel]
        if base is None:
            return "DATE", cal.placeholder(unit), None
        if ctx.narrative and re.fullmatch(r"\d{4}", ctx.narrative) and unit in ("D", "W", "M"):
            # "the following day" after "in 2010": a day of that year, not January 2nd
            return "DATE", ctx.narrative + cal.placeholder(unit)[4:], None
        return "DATE", cal.at(cal.shift(base, unit, step), unit), None
    step = {"last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1, "upcoming": 1, "following": 1}.get(rel, 0)
    if ctx.ref is None:
        return "DATE", cal.placeholder(unit), None
    return "DATE", cal.at(cal.shift(ctx.ref, unit, step), unit), None


def _endof(c: Candidate, text: str, ctx: Context) -> Value | None:
    unit = _unit(c.get("unit") or "")
    if unit.startswith("T"):
        return None
    if unit == "D" and re.search(r"\bat\s+$", text[max(0, c.start - 4):c.start], re.I) and "end" in (c.get("endof") or "").lower():
        return None  # "at the end of the day": ultimately, not a time
    # "started in early December and peaked by the end of the year": the year just named, not the publication's
    base = _narrative_date(ctx) if ctx.tense == "past" and ctx.narrative_near else ctx.ref
    if base is None:
        return "DATE", cal.placeholder(unit), None
    return "DATE", cal.at(base, unit), None


def _ago(c: Candidate, text: str, ctx: Context) -> Value | None:
    unit = _unit(c.get("unit") or "")
    n = _count(c)
    forward = not (c.get("dir") or "").lower().startswith("ago")
    if n is None:
        if not c.get("pl"):
            return None
        n = "X"  # "years ago"
    if n == "X" or "." in n:
        return "DATE", "FUTURE_REF" if forward else "PAST_REF", None
    if ctx.ref is None:
        return "DATE", cal.placeholder(unit), None
    d = cal.shift(ctx.ref, unit, int(n) if forward else -int(n))
    return "DATE", cal.at(d, "D" if unit.startswith("T") else unit), None


def _anchored(c: Candidate, text: str, ctx: Context) -> Value | None:
    unit = (c.get("unit") or "").lower()
    anchor = re.match(r"[^,.;:!?\n]*", text[c.end:]).group(0).strip()  # type: ignore[union-attr]
    year = _narrative_year(ctx)
    if ctx.tense in ("present", "future") and ctx.ref is not None and year.isdigit() and int(year) < ctx.ref.year:
        year = f"{ctx.ref.year:04d}"  # "the day before they head to the polls": not in the story's past year
    if unit == "year" and year.isdigit() and ctx.narrative:
        step = -1 if (c.get("dir") or "").lower() == "before" else 1
        return "DATE", f"{int(year) + step:04d}", f"{c.get('dir')} {anchor}".strip() if anchor else None
    value = {"day": f"{year}-XX-XX", "night": f"{year}-XX-XXTNI", "morning": f"{year}-XX-XXTMO",
             "evening": f"{year}-XX-XXTEV", "week": f"{year}-WXX", "month": f"{year}-XX", "year": "XXXX"}[unit]
    kind: TimexType = "TIME" if "T" in value else "DATE"
    return kind, value, f"{c.get('dir')} {anchor}".strip() if anchor else None


def _duration(c: Candidate, text: str, ctx: Context) -> Value | None:
    unit_word = (c.get("unit") or "").lower()
    unit = _unit(unit_word)
    n = _count(c)
    raw = (c.get("num") or "").lower()
    plural = bool(c.get("pl"))
    if n is None:
        return None
    if n == "X" and not plural:
        return None
    if re.fullmatch(r"(?:1[89]|20)\d\d", raw) and not plural and "-" not in text[c.start:c.end]:
        return None  # "the 1988 quarter", "the 2012 season": a year naming a period, not a count
    if unit_word == "second" and raw in ("a", "an", "one"):
        return None
    if AGE_AFTER.match(text[c.end:c.end + 20]) or AGE_BEFORE.search(text[max(0, c.start - 8):c.start]):
        return None
    if unit == "WE" and raw in ("a", "an", "one"):
        return None
    if unit == "Q" and (re.match(r"\s+of\b", text[c.end:c.end + 5]) or "-" in text[c.start:c.end]):
        return None  # a fraction: "a quarter of the donors", "three-quarters"
    if (raw in ("a", "an") and not c.get("det") and SET_BEFORE.search(text[max(0, c.start - 20):c.start])
            and not re.search(r"[.!?]\s*$", text[max(0, c.start - 3):c.start]) and not RELATIVE_AFTER.match(text[c.end:c.end + 12])):
        return "SET", cal.duration("1", unit), None
    if raw == "one" and unit == "D" and not c.get("det") and _prev_word(text, c.start) not in TIME_PREPS:
        return None  # "one day, he ..." is a vague date, not a day-long duration
    value = cal.duration(n, unit)
    anchor = None
    m = re.match(r"\s+(?:(?:earlier|later|before|after)\b)[^,.;:!?\n]*", text[c.end:])
    if m and re.match(r"\s+(?:before|after)\b", m.group(0)):
        anchor = m.group(0).strip(" ,")
    return "DURATION", value, anchor


def _half_unit(c: Candidate, text: str, ctx: Context) -> Value | None:
    value = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}
    return "DURATION", value[(c.get("unit") or "").lower()], None


def _plural(c: Candidate, text: str, ctx: Context) -> Value | None:
    after = re.match(r"\s*(\w+)", text[c.end:c.end + 15])
    if (not c.get("recent") and _prev_word(text, c.start) not in PLURAL_CUES
            and not (after and after.group(1).lower() in ("later", "earlier", "before", "after", "long", "ahead", "since")
                      or re.match(r"\s+to\s+come\b", text[c.end:c.end + 9]))):
        return None
    unit = _unit((c.get("unit") or "").lower().rstrip("s").replace("centurie", "century"))
    return "DURATION", cal.duration("X", unit), None


SPEED_BEFORE = re.compile(r"\b(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|knots?|feet|foot|mph|kph)\s*$", re.I)


def _set(c: Candidate, text: str, ctx: Context) -> Value | None:
    lex = load_lexicon()
    if (c.get("q") or "").lower() == "per" and SPEED_BEFORE.search(text[max(0, c.start - 14):c.start]):
        return None  # "90 kilometres per hour" is a speed
    if c.get("times"):
        return "SET", cal.duration("1", _unit(c.get("unit2") or "")), None
    if c.get("wd3"):  # "on Sundays"
        return "SET", f"XXXX-WXX-{lex.table('weekday')[(c.get('wd3') or '').lower()]}", None
    if c.get("wends"):  # "closed on weekends"; "weekends are busy" names no time
        return ("SET", "XXXX-WXX-WE", None) if _prev_word(text, c.start) in ("on", "at", "over", "during") else None
    if c.get("wd2"):  # "Monday afternoons"
        wd, pod = lex.table("weekday")[(c.get("wd2") or "").lower()], lex.table("part_of_day")[(c.get("pod2") or "").lower()]
        return "SET", f"XXXX-WXX-{wd}T{pod}", None
    if c.get("mon"):
        return "SET", f"XXXX-{_month_number(c.get('mon')):02d}", None
    if c.get("wd"):
        return "SET", f"XXXX-WXX-{lex.table('weekday')[(c.get('wd') or '').lower()]}", None
    if c.get("pod"):
        return "SET", f"XXXX-XX-XXT{lex.table('part_of_day')[(c.get('pod') or '').lower()]}", None
    if c.get("season"):
        return "SET", f"XXXX-{lex.table('season')[(c.get('season') or '').lower()]}", None
    n = _count(c) or "1"
    if c.get("other") and n != "X":
        n = f"{float(n) * 2:g}"  # "every other day" is every two days
    return "SET", cal.duration(n, _unit(c.get("unit") or "")), None


def _set_adverb(c: Candidate, text: str, ctx: Context) -> Value | None:
    return "SET", load_lexicon().table("set_adverb")[(c.get("adv") or "").lower()], None


def _vague(c: Candidate, text: str, ctx: Context) -> Value | None:
    word = re.sub(r"\s+", " ", (c.get("vague") or "").lower())
    if word == "now" and re.match(r"\s+(?:and\s+(?:then|again)|that)\b", text[c.end:c.end + 12]):
        return None  # "every now and then", "now that the war is over"
    return "DATE", load_lexicon().table("vague")[word], None


def _holiday(c: Candidate, text: str, ctx: Context) -> Value | None:
    word = re.sub(r"\s+", " ", (c.get("hol") or "").lower().replace("’", "'"))
    month, day = (int(x) for x in load_lexicon().table("holiday")[word].split("-"))
    if c.get("year"):
        return "DATE", f"{c.get('year')}-{month:02d}-{day:02d}", None
    if ctx.ref is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    year = cal.day_year(ctx.ref, month, day, _year_direction(ctx.tense))
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}", None


def _numeric(c: Candidate, text: str, ctx: Context) -> Value | None:
    try:  # US order, as in American wire copy: 3/22/2013
        return "DATE", date(int(c.get("year") or 0), int(c.get("m") or 0), int(c.get("d") or 0)).isoformat(), None
    except ValueError:
        return None


def _weekend(c: Candidate, text: str, ctx: Context) -> Value | None:
    if (_prev_word(text, c.start) not in ("over", "at", "during", "on", "for", "by", "until", "since", "through", "spend", "spent", "spending")
            and not re.match(r"['’]s\b", text[c.end:c.end + 3])):
        return None  # "the weekend's protests" is dated too
    if ctx.ref is None:
        return "DATE", "XXXX-WXX-WE", None
    dow = ctx.ref.isoweekday()
    if ctx.tense in ("future", "present"):
        d = ctx.ref
    else:
        d = ctx.ref if dow >= 6 else ctx.ref - timedelta(days=7)
    return "DATE", cal.at(d, "WE"), None


def _that(c: Candidate, text: str, ctx: Context) -> Value | None:
    word = (c.get("unit") or "").lower()
    base = _partial(ctx.narrative)
    pod = load_lexicon().table("part_of_day").get(word)
    if pod:
        day = cal.parse_iso(ctx.narrative) if ctx.narrative else None
        return "TIME", _time(day, pod), None
    unit = _unit(word)
    if base is None or (unit == "D" and not re.fullmatch(r"\d{4}-\d\d-\d\d.*", ctx.narrative or "")):
        year = _narrative_year(ctx) if ctx.narrative else "XXXX"
        return "DATE", {"D": f"{year}-XX-XX", "W": f"{year}-WXX", "M": f"{year}-XX"}.get(unit, year), None
    return "DATE", cal.at(base, unit), None


def _monthday(c: Candidate, text: str, ctx: Context) -> Value | None:
    """ "that January day (in 2011)": a day of a named month, the day itself unknown."""
    word = (c.get("mon") or "").rstrip(".")
    if word.lower() in load_lexicon().table("month_abbr") or text[c.start:c.end].lower() == "may day" and "Day" in text[c.start:c.end]:
        return None  # "Aug morning" is no month; "May Day" is the holiday
    month = _month_number(word)
    year = c.get("year")
    if year is None:
        year = f"{cal.month_year(ctx.ref, month, _year_direction(ctx.tense)):04d}" if ctx.ref else "XXXX"
    pod = (c.get("pod") or "").lower()
    if pod == "day":
        return "DATE", f"{year}-{month:02d}-XX", None
    return "TIME", f"{year}-{month:02d}-XXT{load_lexicon().table('part_of_day')[pod]}", None


def _ordday(c: Candidate, text: str, ctx: Context) -> Value | None:
    """ "on the 15th": that day of the narrative's month, else of the publication month (by tense)."""
    if _prev_word(text, c.start) not in ("on", "by", "until", "till", "since", "from", "before", "after", "through"):
        return None
    day = int(c.get("day") or 0)
    m = re.fullmatch(r"(\d{4})-(\d\d)(?:-\d\d)?", ctx.narrative or "")
    if m and ctx.narrative_near:
        year, month = int(m.group(1)), int(m.group(2))
    elif ctx.ref is not None:
        year, month = ctx.ref.year, ctx.ref.month
        if ctx.tense == "past" and day > ctx.ref.day:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        elif ctx.tense == "future" and day < ctx.ref.day:
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    else:
        return "DATE", f"XXXX-XX-{day:02d}", None
    try:
        return "DATE", date(year, month, day).isoformat(), None
    except ValueError:
        return None


def _podonly(c: Candidate, text: str, ctx: Context) -> Value | None:
    """ "in the afternoon", "by mid-morning": that part of the day the narrative is on, else of publication."""
    if _prev_word(text, c.start) not in ("in", "by", "until", "till", "since", "from", "through", "during", "before", "after", "on", "at"):
        return None
    if re.match(r"\s+(?:of|session|edition|show|news|paper|prayers?|service|trading|rush|shift|meeting)\b", text[c.end:c.end + 12], re.I):
        return None  # "the morning of the attack" is its own expression; "morning trading" names no time
    code = load_lexicon().table("part_of_day")[(c.get("pod") or "").lower()]
    day = cal.parse_iso(ctx.narrative) if ctx.narrative_near and re.match(r"\d{4}-\d\d-\d\d", ctx.narrative or "") else ctx.ref
    return "TIME", _time(day, code), None


def _relpod(c: Candidate, text: str, ctx: Context) -> Value | None:
    if _prev_word(text, c.start) in ("over", "within", "during", "for", "through"):
        return None  # "over the next night or two" is a span
    code = load_lexicon().table("part_of_day")[(c.get("pod") or "").lower()]
    base = cal.parse_iso(ctx.narrative) if re.match(r"\d{4}-\d\d-\d\d", ctx.narrative or "") else None
    if base is None and ctx.narrative is None:
        base = ctx.ref  # no story date: next to the publication day
    if base is None:
        year = ctx.narrative[:4] if ctx.narrative and ctx.narrative[:4].isdigit() else "XXXX"
        return "TIME", f"{year}-XX-XXT{code}", None
    step = 1 if (c.get("rel") or "").lower() in ("next", "following") else -1
    return "TIME", _time(base + timedelta(days=step), code), None


HANDLERS = {
    "relpod": _relpod,
    "podonly": _podonly,
    "ordday": _ordday,
    "monthday": _monthday,
    "holiday": _holiday, "numeric": _numeric, "weekend": _weekend, "that": _that,
    "iso": _iso, "mdy": _day_date, "dmy": _day_date, "month": _month, "year": _year, "decade": _decade,
    "century": _century, "quarter": _quarter, "half": _half, "season": _season, "weekday": _weekday_value,
    "clock12": _clock_value, "clock24": _clock_value, "noon": _clock_value, "oclock": _clock_value, "relday": _relday_value,
    "rel": _rel, "endof": _endof, "ago": _ago, "anchored": _anchored, "duration": _duration,
    "half_unit": _half_unit, "plural": _plural, "set": _set, "set_adverb": _set_adverb, "vague": _vague,
}
