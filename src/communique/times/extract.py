"""Finding and normalising every temporal expression of a parsed article.

The grammar proposes matches over the text; the parse decides the ones words alone cannot ("2000
people" is no year), and the clause tense steers dates named without a year.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from communique import data
from communique.doctext import text_of
from communique.records import Timex
from communique.times import calendar as cal
from communique.times.grammar import Candidate, find_candidates, kinds, select
from communique.times.lexicon import load as load_lexicon
from communique.times.normalise import Context, normalise
from communique.times.tense import Tense, tense_at, verb_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

# kinds whose value depends on the tense of their clause
TENSED = frozenset({"ordday", "mdy", "dmy", "month", "monthday", "quarter", "season", "weekday", "clock12", "clock24", "noon", "oclock",
                    "endof", "relday", "holiday", "weekend"})
# kinds that name a calendar date outright, and so set the narrative's reference time for "the day
# before" or "the following week" (a weekday too, unless the story is told in another year);
# "yesterday" and "last week" hang on the publication date instead
NARRATIVE = frozenset({"iso", "mdy", "dmy", "month", "year", "numeric", "holiday", "season", "quarter", "half", "weekday"})
# nouns a year may follow and still be a year ("May 2010", "spring 2011", "fiscal 2013")
YEAR_HEADS = data.words("times.year_heads")
MONTH_PREPS = data.words("times.month_preps")
# kinds made of calendar words that also occur inside names, and entity types that mark such a name
NAMEABLE = frozenset({"set_adverb", "relday", "vague", "weekday", "month", "holiday", "season", "rel", "century"})
LOWER_KINDS = frozenset({"set_adverb", "relday", "vague", "season", "rel"})
NAME_ENTS = frozenset({"ORG", "WORK_OF_ART", "PERSON", "PRODUCT", "FAC", "LAW", "EVENT"})
# the narrative's reference date goes stale: "the day after" 3,000 characters on is not about it
NARRATIVE_REACH = 1500
# what may stand between a day and the clock time it dates: "Friday at noon", "March 3, around 9 p.m."
CLOCK_GAP = re.compile(r"[ ,]*(?:(?:at|around|about|by|before|after|from|until)\s+)?(?:about\s+|around\s+)?")
NARRATIVE_NEAR = 200  # "by the end of the year" takes its year only from a date this close before it
_UNTIL_PUNCT = re.compile(r"[^,.;:!?\n]{0,80}")  # the clause after a "before"/"after" anchor
NOT_YEAR_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "LAW", "PRODUCT", "FAC", "ORDINAL"})


def _is_year(doc: Doc, c: Candidate) -> bool:
    """A four-digit number is a year unless the parse shows a count ("2000 people") or a label ("Resolution 2254")."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return True
    tok = next((t for t in span if t.like_num), span.root)
    if tok.ent_type_ in NOT_YEAR_ENTS:
        return False
    if int(c.get("year") or 0) < 1800 and (tok.i == 0 or doc[tok.i - 1].lower_ not in ("in", "since", "of", "from", "until", "by")):
        return False  # house numbers and counts, unless plainly a year ("in 1648")
    head = tok.head
    if head.i == tok.i:
        return True
    if tok.dep_ in ("nummod", "appos", "npadvmod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        # "2000 people" counts; "the 2016 candidates" is a year, and the tagger says which
        if head.i > tok.i and head.tag_ in ("NNS", "NNPS") and tok.ent_type_ != "DATE":
            return False
        before = doc[tok.i - 1] if tok.i > 0 else None
        if (head.i == tok.i + 1 and head.tag_ == "NNS" and before is not None
                and (before.pos_ in ("VERB", "AUX") or before.lower_ in ("than", "nearly", "almost", "about", "over"))):
            return False  # "scored 2013 points", "more than 1999 votes": a count, whatever the tagger says
        if head.i < tok.i and head.lower_ not in YEAR_HEADS and not head.lower_.rstrip(".").isdigit():
            return False
    return True


def _is_month(doc: Doc, c: Candidate) -> bool:
    """A month name alone is not a person or an organisation ("April Ryan", "June Carter")."""
    if c.get("year") or c.get("rel") or c.get("pmod") or c.get("ryear"):
        return True
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return True
    tok = span[0]
    if tok.i > 0 and doc[tok.i - 1].lower_ in MONTH_PREPS:
        return True  # "In August Merkel visited ..."
    if tok.ent_type_ in ("PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART"):
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return not (nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and not nxt.like_num
                and nxt.ent_type_ not in ("DATE", "TIME"))


def _in_a_title(doc: Doc, c: Candidate) -> bool:
    """A weekday inside a newspaper or programme title: "Fox News Sunday", "The Sunday Times"."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not span[0].is_title:
        return False
    words = load_lexicon().table("title_word")
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return bool((before is not None and before.is_title and words.get(before.lower_) == "before")
                or (after is not None and after.is_title and words.get(after.lower_) == "after"))


def _in_a_name(doc: Doc, c: Candidate) -> bool:
    """A calendar word inside a name: "USA Today", "Harbour Radio Daily", "Good Friday Agreement"."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    first = span[0]
    if first.ent_type_ in NAME_ENTS and not (c.kind == "holiday" and first.ent_type_ == "EVENT"):
        return True  # a holiday is itself an EVENT name: "New Year's Day"
    # a capitalised word mid-sentence that the calendar does not capitalise ("Daily", "Today", "Now")
    # a title-case headline ("Trump Rally Last Week Draws Crowd") has no lower-case word but short function words
    words = [t for t in first.sent if t.is_alpha and len(t) > 3]
    headline = len(words) >= 3 and all(t.is_title or t.is_upper for t in words)
    if (c.kind in LOWER_KINDS and first.is_title and not first.is_sent_start and not headline
            and first.i > 0 and not doc[first.i - 1].is_punct and not doc[first.i - 1].is_quote):
        return True
    # an all-caps calendar word after an all-caps name, in running text: "USA TODAY analysis"
    prev = doc[first.i - 1] if first.i > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if (c.kind in LOWER_KINDS and first.is_upper and len(first) > 2 and prev is not None and prev.is_upper
            and prev.pos_ == "PROPN" and (nxt is None or not nxt.is_upper)):
        return True
    # "ABC's \"This Week\"": every word capitalised, in a sentence that is not a title-case headline
    if (c.kind in ("rel", "relday") and len(span) > 1 and all(t.is_title for t in span) and not first.is_sent_start
            and not headline):
        return True
    # "20th Century Fox": a capitalised calendar noun inside a longer proper name
    last = span[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (c.kind == "century" and last.is_title and not last.is_sent_start and after is not None
            and after.is_title and after.pos_ == "PROPN")


def _is_rate(doc: Doc, c: Candidate) -> bool:
    """ "three meals a day", "100 people a week": "a unit" after a counted plural is a frequency."""
    if (c.get("num") or "").lower() not in ("a", "an") or c.get("det"):
        return False
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    # "330,000 barrels of crude a day": a counted noun phrase, plural or not, then "a unit"
    return before.tag_ in ("NNS", "NN", "CD") and after not in ("later", "earlier", "after", "before", "ago", "from", "into", "prior")


def _accept(doc: Doc, c: Candidate) -> bool:
    if c.kind in NAMEABLE and _in_a_name(doc, c):
        return False
    if c.kind == "weekday" and _in_a_title(doc, c):
        return False
    if c.kind == "year":
        return _is_year(doc, c)
    if c.kind == "month":
        return _is_month(doc, c)
    if c.kind == "vague":
        return not _modifies_a_noun(doc, c)
    if c.kind == "season" and not (c.get("rel") or c.get("year") or c.get("pmod")):
        # "winter wheat", "summer camp": a bare season before a noun classifies it
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        nxt = doc[span.end] if span is not None and span.end < len(doc) else None
        return nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ in ("season", "months", "break", "recess")
    if c.kind == "set_adverb":
        return not _a_newspaper(doc, c)
    if c.kind == "podonly":
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        return span is None or span.end >= len(doc) or doc[span.end].pos_ not in ("NOUN", "PROPN")  # "morning meetings"
    return True


def _a_newspaper(doc: Doc, c: Candidate) -> bool:
    """ "a free daily", "the party daily Granma", "the news weekly": a publication, not a frequency."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span[-1]
    if tok.pos_ == "NOUN":
        return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title and tok.head.i == nxt.i


def _modifies_a_noun(doc: Doc, c: Candidate) -> bool:
    """ "the past record", "the future president", "the present government" are adjectives, not times."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or span.end >= len(doc) or span[-1].lower_ not in ("past", "future", "present"):
        return False
    return doc[span.end].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")


def _anchor_tense(doc: Doc, c: Candidate) -> Tense:
    """The tense of the event "the day before" hangs on: "before they head to the polls" is present,
    "before his graduation" (no verb) says nothing, so the narrative's year stays."""
    m = _UNTIL_PUNCT.match(text_of(doc), c.end)
    span = doc.char_span(c.end, c.end + len(m.group(0)), alignment_mode="contract") if m else None
    verb = next((t for t in span or () if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")), None)
    return verb_tense(verb) if verb is not None else "none"


def extract_timexes(doc: Doc, published: str | None) -> list[Timex]:
    """Every temporal expression of ``doc`` with its TIMEX3 type and value, in text order
    (``communique.times.extract_times``).

    Values are relative to ``published`` (ISO date or datetime); with none, relative expressions keep
    X placeholders ("XXXX-03-03", "XXXX-WXX-5") and nothing is anchored on today's date.
    """
    text = text_of(doc)
    ref = cal.parse_iso(published)
    tenses: dict[tuple[int, int], Tense] = {}

    def tense(c: Candidate) -> Tense:
        key = (c.start, c.end)
        if key not in tenses:
            if c.kind == "anchored":
                tenses[key] = _anchor_tense(doc, c)
            else:
                tenses[key] = tense_at(doc, c.start, c.end, c.kind) if c.kind in TENSED else "none"
        return tenses[key]

    # first pass: keep the candidates that are temporal at all, so a rejected long match ("the fall of
    # Kabul") does not hide a shorter good one
    valid = [
        c for c in find_candidates(text)
        if _accept(doc, c) and normalise(c, text, Context(ref, tense(c))) is not None
    ]
    out: list[Timex] = []
    used: list[Candidate] = []
    narrative: str | None = None
    narrative_at = 0
    for c in select(valid, kinds()):
        if narrative is not None and c.start - narrative_at > NARRATIVE_REACH:
            narrative = None
        near = narrative is not None and c.start - narrative_at <= NARRATIVE_NEAR
        day = None
        if out and CLOCK_GAP.fullmatch(text[out[-1].end:c.start]):
            day = cal.parse_iso(out[-1].value) if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", out[-1].value) else None
        result = normalise(c, text, Context(ref, tense(c), narrative, near, day))
        if result is None:
            continue
        type_, value, anchor = result
        if type_ == "DURATION" and c.kind == "duration" and _is_rate(doc, c):
            type_ = "SET"
        out.append(Timex(c.start, c.end, text[c.start:c.end], type_, value, provenance=f"times.{c.kind}", anchor=anchor))
        used.append(c)
        if c.kind in NARRATIVE and re.match(r"\d{4}", value) and not (
                c.kind == "weekday" and narrative is not None and narrative[:4] != value[:4]):
            # a weekday ("He arrived on Monday. The next day ...") sets the narrative day, but does not
            # pull a story told in another year onto the publication week
            narrative, narrative_at = value, c.end
    return _joined_durations(text, _dated_by_the_next(text, out, used))


DURATION_PARTS = re.compile(r"P(?:(\d+(?:\.\d+)?)([YMWD]))?(?:T(\d+(?:\.\d+)?)([HMS]))?")
UNIT_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")


def _duration_part(value: str) -> tuple[str, str] | None:
    """(count, unit) of a single-unit duration: "P4Y" -> ("4", "Y"), "PT59S" -> ("59", "TS")."""
    m = DURATION_PARTS.fullmatch(value)
    if m is None or bool(m.group(1)) == bool(m.group(3)):
        return None
    return (m.group(1), m.group(2)) if m.group(1) else (m.group(3), "T" + m.group(4))


def _joined_durations(text: str, out: list[Timex]) -> list[Timex]:
    """ "four years and eight months" is one duration, P4Y8M; "nine minutes and 41 seconds" PT9M41S."""
    joined: list[Timex] = []
    for t in out:
        prev = joined[-1] if joined else None
        if (prev is not None and prev.type == t.type == "DURATION" and not prev.anchor
                and re.fullmatch(r",?\s+and\s+", text[prev.end:t.start])):
            a, b = _duration_part(prev.value), _duration_part(t.value)
            if a and b and UNIT_ORDER.index(a[1]) < UNIT_ORDER.index(b[1]):
                date_part = "".join(n + u for n, u in (a, b) if not u.startswith("T"))
                time_part = "".join(n + u[1] for n, u in (a, b) if u.startswith("T"))
                value = "P" + date_part + ("T" + time_part if time_part else "")
                joined[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "DURATION", value,
                                   provenance=prev.provenance, anchor=t.anchor)
                continue
        joined.append(t)
    return joined


CLOCK_KINDS = frozenset({"clock12", "clock24", "oclock", "noon"})
DAY_VALUE = re.compile(r"(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)(?:T(MO|AF|EV|NI))?")
LATER_PARTS = frozenset({"AF", "EV", "NI"})
ANCHOR_UNITS = {"day": "D", "night": "D", "morning": "D", "evening": "D", "week": "W", "month": "M", "year": "Y"}


def _dated_by_the_next(text: str, out: list[Timex], used: list[Candidate]) -> list[Timex]:
    """Expressions dated by the one right after them.

    A clock time followed by its day takes that day ("5 p.m. EST Nov. 9", "6 o'clock this afternoon":
    17:00 and 18:00 of those days, not of the publication date); "the day after Monday's debate" is
    the day after that Monday.
    """
    fixed = list(out)
    for i in range(len(out) - 1):
        t, c, nxt = out[i], used[i], out[i + 1]
        gap = text[t.end:nxt.start]
        m = DAY_VALUE.fullmatch(nxt.value)
        if m is None:
            continue
        if c.kind in CLOCK_KINDS and not (c.get("wd") or c.get("rd")) and re.fullmatch(r"[ ,]*(?:on\s+)?", gap):
            clock = t.value.split("T", 1)[1] if "T" in t.value else ""
            if not re.fullmatch(r"\d\d(?::\d\d)?", clock):
                continue
            hour = int(clock[:2])
            if m.group(4) in LATER_PARTS and hour < 12 and not c.get("ampm"):
                clock = f"{hour + 12:02d}{clock[2:]}"  # "6 o'clock this afternoon" is 18:00
            fixed[i] = replace(t, value=f"{nxt.value.split('T')[0]}T{clock}")
        elif c.kind == "anchored" and re.fullmatch(r"\s*(?:the\s+)?", gap, re.I) and "X" not in nxt.value[:10] and len(nxt.value) >= 10:
            day = cal.parse_iso(nxt.value)
            unit = ANCHOR_UNITS.get((c.get("unit") or "").lower())
            if day is None or unit is None:
                continue
            step = -1 if (c.get("dir") or "").lower() == "before" else 1
            moved: date = cal.shift(day, unit, step)
            pod = {"night": "TNI", "morning": "TMO", "evening": "TEV"}.get((c.get("unit") or "").lower(), "")
            fixed[i] = replace(t, value=(moved.isoformat() + pod) if unit == "D" else cal.at(moved, unit))
    return fixed
