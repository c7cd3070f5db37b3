"""TIMEX3 values of times of day: clock times, "today"/"tonight", parts of the day, and "that morning"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from communique import data
from communique.times import calendar as cal
from communique.times import values as v
from communique.times.grammar import Candidate
from communique.times.lexicon import load as load_lexicon
from communique.times.lexicon import number_value
from communique.times.values import Context, Handler, Value

CLOCK_PREPS = data.words("times.clock_preps")
PART_OF_DAY_PREPS = data.words("times.part_of_day_preps")
# "the morning of the attack" is its own expression; "morning trading" names no time
PART_OF_DAY_NOUN = re.compile(rf"\s+(?:{v.word_alternation('times.part_of_day_nouns')})\b", re.I)


def _clock_value(c: Candidate, text: str, ctx: Context) -> Value | None:
    if c.kind == "oclock":
        if c.get("pod3") and v.prev_word(text, c.start) not in CLOCK_PREPS:
            return None  # "at 4 in the morning" is a time; "one in the morning paper" is not
        hour = number_value(c.get("hw") or "") or "0"
        pod = (c.get("pod") or c.get("pod3") or "").lower()
        if pod == "night":
            pod = "evening" if 6 <= int(float(hour)) <= 11 else "morning"  # "10 in the night", "2 in the night"
        ampm = c.get("ampm") or {"morning": "am", "afternoon": "pm", "evening": "pm"}.get(pod)
        clock: str | None = v.clock_code(hour, "00", ampm)
        if clock is None:
            return None
    elif c.kind == "noon":
        if v.prev_word(text, c.start) == "high":
            return None  # "high noon": a showdown, not a clock time
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[(c.get("nm") or "").lower()]
    else:
        if c.kind == "clock24" and not (c.get("tz") or c.get("lt")):
            # a bare "14:30" is a time only after a preposition of time
            if not c.get("mm3") or v.prev_word(text, c.start) not in CLOCK_PREPS:
                return None
            if re.match(r"\s+(?:of|into|left|remaining|to\s+play)\b", text[c.end:c.end + 16]):
                return None  # a game clock: "at 6:40 of the second period"
        clock = v.clock_code(c.get("hh") or "", c.get("mm") or c.get("mm3"), c.get("ampm"))
        if clock is None:
            return None
    day: date | None = ctx.day_before or ctx.ref
    if c.get("wd"):
        day = v.weekday_of(c, ctx.ref, ctx.tense)[0]
    elif c.get("rd"):
        day = v.relday_date(c.get("rd") or "", ctx.ref)
    return "TIME", v.time_value(day, clock or ""), None


def _relday_value(c: Candidate, text: str, ctx: Context) -> Value | None:
    ref = ctx.ref
    lex = load_lexicon().table("part_of_day")
    if c.get("dd"):
        d = ref + timedelta(days=-2 if (c.get("dd") or "").lower().startswith("before") else 2) if ref else None
        return "DATE", d.isoformat() if d else "XXXX-XX-XX", None
    if c.get("overnight"):
        d = ref - timedelta(days=1) if ref and ctx.tense == "past" else ref
        return "TIME", v.time_value(d, "NI"), None
    if c.get("pod2"):
        word = (c.get("this") or "").lower()
        shift = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[word]
        d = ref + timedelta(days=shift) if ref else None
        return "TIME", v.time_value(d, lex[(c.get("pod2") or "").lower()]), None
    rd = (c.get("rd") or "").lower()
    if rd == "today" and not c.get("pod") and re.search(r"\bthan\b(?:\W+\w+){0,5}\W*$", text[max(0, c.start - 60):c.start], re.I):
        return "DATE", "PRESENT_REF", None  # a comparison with the present: "faster than can be done today"
    d = v.relday_date(rd, ref)
    if rd == "tonight":
        return "TIME", v.time_value(d, "NI"), None
    if c.get("pod"):
        return "TIME", v.time_value(d, lex[(c.get("pod") or "").lower()]), None
    return "DATE", d.isoformat() if d else "XXXX-XX-XX", None


def _podonly(c: Candidate, text: str, ctx: Context) -> Value | None:
    """ "in the afternoon", "by mid-morning": that part of the day the narrative is on, else of publication."""
    if v.prev_word(text, c.start) not in PART_OF_DAY_PREPS:
        return None
    if PART_OF_DAY_NOUN.match(text[c.end:c.end + 12]):
        return None  # "the morning of the attack" is its own expression; "morning trading" names no time
    code = load_lexicon().table("part_of_day")[(c.get("pod") or "").lower()]
    day = cal.parse_iso(ctx.narrative) if ctx.narrative_near and re.match(r"\d{4}-\d\d-\d\d", ctx.narrative or "") else ctx.ref
    return "TIME", v.time_value(day, code), None


def _relpod(c: Candidate, text: str, ctx: Context) -> Value | None:
    if v.prev_word(text, c.start) in ("over", "within", "during", "for", "through"):
        return None  # "over the next night or two" is a span
    code = load_lexicon().table("part_of_day")[(c.get("pod") or "").lower()]
    base = cal.parse_iso(ctx.narrative) if re.match(r"\d{4}-\d\d-\d\d", ctx.narrative or "") else None
    if base is None and ctx.narrative is None:
        base = ctx.ref  # no story date: next to the publication day
    if base is None:
        year = ctx.narrative[:4] if ctx.narrative and ctx.narrative[:4].isdigit() else "XXXX"
        return "TIME", f"{year}-XX-XXT{code}", None
    step = 1 if (c.get("rel") or "").lower() in ("next", "following") else -1
    return "TIME", v.time_value(base + timedelta(days=step), code), None


def _that(c: Candidate, text: str, ctx: Context) -> Value | None:
    word = (c.get("unit") or "").lower()
    base = v.partial_date(ctx.narrative)
    pod = load_lexicon().table("part_of_day").get(word)
    if pod:
        day = cal.parse_iso(ctx.narrative) if ctx.narrative else None
        return "TIME", v.time_value(day, pod), None
    unit = v.unit_code(word)
    if base is None or (unit == "D" and not re.fullmatch(r"\d{4}-\d\d-\d\d.*", ctx.narrative or "")):
        year = v.narrative_year(ctx) if ctx.narrative else "XXXX"
        return "DATE", {"D": f"{year}-XX-XX", "W": f"{year}-WXX", "M": f"{year}-XX"}.get(unit, year), None
    return "DATE", cal.at(base, unit), None
# the candidate kinds this module computes values for
HANDLERS: dict[str, Handler] = {
    "relpod": _relpod,
    "podonly": _podonly,
    "that": _that,
    "clock12": _clock_value,
    "clock24": _clock_value,
    "noon": _clock_value,
    "oclock": _clock_value,
    "relday": _relday_value,
}
