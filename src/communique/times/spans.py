"""TIMEX3 values of relative dates, durations and sets: "last week", "three days ago", "for two
years", "every month", "now", "the weekend".
"""

from __future__ import annotations

import re
from datetime import timedelta

from communique import data
from communique.records import TimexType
from communique.times import calendar as cal
from communique.times import values as v
from communique.times.grammar import Candidate
from communique.times.lexicon import load as load_lexicon
from communique.times.values import Context, Handler, Value

PLURAL_CUES = data.words("times.plural_cues")
WEEKEND_PREPS = data.words("times.weekend_preps")
RELATIVE_AFTER = re.compile(r"\s+(?:later|earlier|after|before|ago|into|prior)\b", re.I)
# "$30,000 a year", "100 barrels a day": a rate
SET_BEFORE = re.compile(rf"(?:\d[\d,.]*|{v.word_alternation('times.counted_before_a_unit')}|%)\s*$", re.I)
AGE_AFTER = re.compile(r"^\s*(?:-?\s*old\b|(?:and|or)\s+(?:older|younger|over|under)\b|of\s+age\b)", re.I)
# "90 kilometres per hour": a speed
SPEED_BEFORE = re.compile(rf"\b(?:{v.word_alternation('times.speed_units')})\s*$", re.I)
AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s*$", re.I)


def _rel(c: Candidate, text: str, ctx: Context) -> Value | None:
    unit = v.unit_code(c.get("unit") or "")
    rel = re.sub(r"\s+", " ", (c.get("rel") or "").lower())
    rel = {"this past": "last", "this coming": "next"}.get(rel, rel)
    the = bool(c.get("the"))
    n = v.count_of(c)
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
    span_prep = v.prev_word(text, c.start)
    if the and rel == "next" and unit in ("D", "W", "M") and span_prep not in ("over", "in", "within", "during", "for", "through"):
        rel = "following"  # "the next day" in a narrative is the day after it; "over the next week" a span
    elif unit == "WE" and rel == "past":
        rel = "last"  # "the past weekend" is the last one, not a span
    elif rel == "past" or (the and rel == "next") or (the and rel == "last" and unit in ("DE", "CE")):
        return "DURATION", cal.duration("1", unit), None
    if rel in ("following", "previous", "prior", "same") and the:
        base = v.narrative_date(ctx)
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
    unit = v.unit_code(c.get("unit") or "")
    if unit.startswith("T"):
        return None
    if unit == "D" and re.search(r"\bat\s+$", text[max(0, c.start - 4):c.start], re.I) and "end" in (c.get("endof") or "").lower():
        return None  # "at the end of the day": ultimately, not a time
    # "started in early December and peaked by the end of the year": the year just named, not the publication's
    base = v.narrative_date(ctx) if ctx.tense == "past" and ctx.narrative_near else ctx.ref
    if base is None:
        return "DATE", cal.placeholder(unit), None
    return "DATE", cal.at(base, unit), None


def _ago(c: Candidate, text: str, ctx: Context) -> Value | None:
    unit = v.unit_code(c.get("unit") or "")
    n = v.count_of(c)
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
    year = v.narrative_year(ctx)
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
    unit = v.unit_code(unit_word)
    n = v.count_of(c)
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
    if raw == "one" and unit == "D" and not c.get("det") and v.prev_word(text, c.start) not in v.TIME_PREPS:
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
    if (not c.get("recent") and v.prev_word(text, c.start) not in PLURAL_CUES
            and not (after and after.group(1).lower() in ("later", "earlier", "before", "after", "long", "ahead", "since")
                      or re.match(r"\s+to\s+come\b", text[c.end:c.end + 9]))):
        return None
    unit = v.unit_code((c.get("unit") or "").lower().rstrip("s").replace("centurie", "century"))
    return "DURATION", cal.duration("X", unit), None


def _set(c: Candidate, text: str, ctx: Context) -> Value | None:
    lex = load_lexicon()
    if (c.get("q") or "").lower() == "per" and SPEED_BEFORE.search(text[max(0, c.start - 14):c.start]):
        return None  # "90 kilometres per hour" is a speed
    if c.get("times"):
        return "SET", cal.duration("1", v.unit_code(c.get("unit2") or "")), None
    if c.get("wd3"):  # "on Sundays"
        return "SET", f"XXXX-WXX-{lex.table('weekday')[(c.get('wd3') or '').lower()]}", None
    if c.get("wends"):  # "closed on weekends"; "weekends are busy" names no time
        return ("SET", "XXXX-WXX-WE", None) if v.prev_word(text, c.start) in ("on", "at", "over", "during") else None
    if c.get("wd2"):  # "Monday afternoons"
        wd, pod = lex.table("weekday")[(c.get("wd2") or "").lower()], lex.table("part_of_day")[(c.get("pod2") or "").lower()]
        return "SET", f"XXXX-WXX-{wd}T{pod}", None
    if c.get("mon"):
        return "SET", f"XXXX-{v.month_number(c.get('mon')):02d}", None
    if c.get("wd"):
        return "SET", f"XXXX-WXX-{lex.table('weekday')[(c.get('wd') or '').lower()]}", None
    if c.get("pod"):
        return "SET", f"XXXX-XX-XXT{lex.table('part_of_day')[(c.get('pod') or '').lower()]}", None
    if c.get("season"):
        return "SET", f"XXXX-{lex.table('season')[(c.get('season') or '').lower()]}", None
    n = v.count_of(c) or "1"
    if c.get("other") and n != "X":
        n = f"{float(n) * 2:g}"  # "every other day" is every two days
    return "SET", cal.duration(n, v.unit_code(c.get("unit") or "")), None


def _set_adverb(c: Candidate, text: str, ctx: Context) -> Value | None:
    return "SET", load_lexicon().table("set_adverb")[(c.get("adv") or "").lower()], None


def _vague(c: Candidate, text: str, ctx: Context) -> Value | None:
    word = re.sub(r"\s+", " ", (c.get("vague") or "").lower())
    if word == "now" and re.match(r"\s+(?:and\s+(?:then|again)|that)\b", text[c.end:c.end + 12]):
        return None  # "every now and then", "now that the war is over"
    return "DATE", load_lexicon().table("vague")[word], None


def _weekend(c: Candidate, text: str, ctx: Context) -> Value | None:
    if (v.prev_word(text, c.start) not in WEEKEND_PREPS
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
# the candidate kinds this module computes values for
HANDLERS: dict[str, Handler] = {
    "weekend": _weekend,
    "rel": _rel,
    "endof": _endof,
    "ago": _ago,
    "anchored": _anchored,
    "duration": _duration,
    "half_unit": _half_unit,
    "plural": _plural,
    "set": _set,
    "set_adverb": _set_adverb,
    "vague": _vague,
}
