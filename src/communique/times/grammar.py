"""The TIMEX3 grammar: regular patterns over the article text, built from the temporal lexicon.

Each pattern has a *kind* that tells ``normalise`` how to compute the value from its named groups.
``find_candidates`` returns every match of every pattern; ``select`` keeps the longest non-overlapping
ones. Filters that need the parse (is "May" a month? is "2000" a year?) live in ``extract``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from communique.times.lexicon import Lexicon
from communique.times.lexicon import load as load_lexicon


@dataclass(frozen=True, slots=True)
class Candidate:
    """One pattern match: its span, the pattern kind and the named groups that matched."""

    start: int
    end: int
    kind: str
    groups: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        for k, v in self.groups:
            if k == name:
                return v
        return None


def _cap(alternation: str) -> str:
    """Month and weekday names: capitalised or all caps (``March``, ``MARCH``), never lower case.

    The group is case-sensitive inside patterns compiled case-blind, so "may" and "march" stay verbs.
    """
    out = []
    for w in alternation.split("|"):
        out.append(f"{w[:1].upper()}{w[1:]}|{w.upper()}")
    return "(?-i:" + "|".join(out) + ")"


def _patterns(lex: Lexicon) -> list[tuple[str, str]]:
    """(kind, regex) pairs, in priority order for equally long matches."""
    month = _cap(lex.alternation("month")) + "|" + _cap(lex.alternation("month_abbr")) + r"\.?"
    wday = _cap(lex.alternation("weekday"))
    num = lex.alternation("number") + r"|\d{1,3}(?:,\d{3})+|\d+\s?½|\d+\s+1/2|\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b"
    unit = lex.alternation("unit") + "|centurie"
    ordinal = lex.alternation("ordinal")
    pod = "morning|afternoon|evening|night"
    season = lex.alternation("season")
    tz = lex.alternation("timezone")
    pmod = r"early|mid|late|the\s+(?:beginning|start|end|middle|rest|remainder)\s+of|(?:the\s+)?(?:beginning|start|end|middle)\s+of"
    mon = rf"(?P<mon>{month})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?)?(?![\d:.,]\d)"
    year = r"(?P<year>(?:1[5-9]|20)\d\d)(?!\d)"
    wd_prefix = rf"(?:(?P<wd>{wday}),?\s+)?"
    clock = r"(?P<hh>[01]?\d)(?:[:.](?P<mm>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
    time_tail = rf"(?:,?\s+(?:at\s+)?(?P<hh2>[0-2]?\d)[:.](?P<mm2>[0-5]\d)(?:\s*(?P<ampm2>a\.m\.|p\.m\.|am\b|pm\b))?(?:\s+(?:{tz})\b)?)?"
    rel_words = r"this\s+past|this\s+coming|last|past|previous|prior|next|coming|this|current|following|upcoming|same"
    # "May last year", "June 16 of next year": the year named relative to the publication date
    of_rel_year = r"\s+(?:of\s+)?(?P<ryear>last|next|this)\s+year\b"
    yrel = r"(?:(?P<year2>(?:1[5-9]|20)\d\d)|(?P<yrel>this|last|next|the\s+past|the\s+previous|the\s+current)\s+year|the\s+year)"
    return [
        ("iso", r"(?P<year>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::\d\d)?)?(?![\d-])"),
        ("mdy", rf"{wd_prefix}(?:(?P<pmod>early|mid|late)[\s-]+)?(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?{mon}\s+{day}(?:,?\s+{year}|{of_rel_year})?{time_tail}"),
        ("dmy", rf"{wd_prefix}(?:the\s+)?{day}\s+(?:of\s+)?{mon}(?:,?\s+{year}|{of_rel_year})?{time_tail}"),
        ("monthday", rf"{mon}\s+(?P<pod>day|morning|afternoon|evening|night)(?=\s+(?:of|in)\s+{year})?"),
        ("month", rf"(?:(?P<pmod>{pmod})[\s-]*)?(?:(?P<rel>last|next|this|past|coming)\s+)?{mon}(?:,?\s+(?:of\s+)?{year}|{of_rel_year})?"),
        ("year", rf"(?:(?P<pmod>{pmod})[\s-]*)?(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?(?<![\d$€£.,]){year}(?!-\d\d-)(?!-(?:year|month|day|old))(?!\s*%)(?![.,]\d)"),
        ("decade", rf"(?:the\s+)?(?:(?P<pmod>early|mid|late)[\s-]+)?(?:(?P<dec>(?:1\d|20)\d)0s|['’](?P<dec2>\d)0s)\b|the\s+(?:(?P<pmod2>early|mid|late)[\s-]+)?(?:(?P<dec3>\d)0s|(?P<decw>{lex.alternation('decade_word')}))\b"),
        ("century", rf"(?:the\s+)?(?:(?P<pmod>early|mid|late)[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[\s-]+century"),
        ("quarter", rf"(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?:[\s-]+|-)(?:fiscal\s+)?quarter(?:\s+(?:of|in)\s+{yrel})?|\bQ(?P<q>[1-4])(?:\s+(?P<year3>(?:19|20)\d\d))?\b"),
        ("half", rf"(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+{yrel}"),
        ("season", rf"(?:(?P<pmod>early|mid|late)[\s-]+)?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|the\s+coming|the\s+past|the\s+previous|the\s+following|the)\s+)?(?P<season>{season})(?:\s+(?:of\s+)?{year})?\b"),
        ("weekday", rf"(?:(?P<pmod>early|late)\s+)?(?:(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past)\s+)?(?P<wd>{wday})(?:['’]s)?(?:\s+(?P<pod>{pod}))?(?:,?\s+{clock})?"),
        ("holiday", rf"(?P<hol>{lex.alternation('holiday')})(?:,?\s+{year})?"),
        # "on the 15th": a day of the month the narrative is in
        ("ordday", r"the\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?=\s*[,.;:)]|\s+(?:and|or|to|at|when|but|of\s+(?:this|that|the|last|next)\s+month)\b)"),
        ("numeric", r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<year>(?:19|20)\d\d)"),
        ("weekend", r"the\s+weekend"),
        ("that", r"(?P<that>that(?:\s+same|\s+very)?|the\s+same|the\s+very)\s+(?P<unit>day|week|month|year|night|morning|afternoon|evening)"),
        ("clock12", rf"{clock}(?:\s+(?P<tz>{tz})\b|\s+(?P<lt>local\s+time)\b)?(?:,?\s+(?:on\s+)?(?P<wd>{wday})|\s+(?P<rd>today|tomorrow|yesterday|tonight))?"),
        ("clock24", rf"(?<![\d:.,])(?P<hh>[0-2]?\d)(?:[:.]?(?P<mm>[0-5]\d)\s*(?:(?P<tz>{tz})\b|(?P<lt>local\s+time)\b)|:(?P<mm3>[0-5]\d)(?![:.]?\d))(?:,?\s+(?:on\s+)?(?P<wd>{wday})|\s+(?P<rd>today|tomorrow|yesterday|tonight))?"),
        ("oclock", r"(?P<hw>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+o['’]clock(?:\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)|\s+in\s+the\s+(?P<pod>morning|afternoon|evening))?|\s+in\s+the\s+(?P<pod3>morning|afternoon|evening|night))"),
        ("noon", rf"(?P<nm>noon|midday|midnight)(?:\s+(?:on\s+)?(?P<wd>{wday})|\s+(?P<rd>today|tomorrow|yesterday|tonight))?"),
        # "the next morning", "the previous night": a part of the day next to the narrative's day
        ("relpod", rf"the\s+(?P<rel>next|following|previous|prior)\s+(?P<pod>{pod})"),
        # "in the afternoon", "by mid-morning", "early evening": a part of the day being told about
        ("podonly", r"(?:(?P<pmod>early|late|mid)[\s-]*|the\s+)(?P<pod>morning|afternoon|evening)"),
        ("relday", rf"(?P<rd>today|tonight|yesterday|tomorrow)(?:['’]s)?(?:\s+(?P<pod>{pod}))?|the\s+day\s+(?P<dd>before\s+yesterday|after\s+tomorrow)|(?P<this>this|last|tomorrow|yesterday)\s+(?P<pod2>{pod})|(?P<overnight>overnight)"),
        ("rel", rf"(?:(?P<pmod>early|mid|late|earlier|later)[\s-]+(?:in\s+)?)?(?:(?P<endof>{pmod})\s+)?(?P<the>the\s+)?(?P<rel>{rel_words})\s+(?:(?P<num>{num})\s+)?(?P<unit>{unit})(?P<pl>s|es)?\b"),
        ("endof", rf"(?P<endof>{pmod}|(?:earlier|later|early|late)\s+in)\s+(?:the\s+)?(?P<unit>year|month|week|decade|century|quarter|day)\b"),
        ("ago", rf"(?:(?P<num>{num})[\s-]+)?(?P<unit>{unit})(?P<pl>s|es)?(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?P<dir>ago|from\s+now|hence)\b"),
        ("anchored", r"the\s+(?P<unit>day|week|month|year|night|morning|evening)\s+(?P<dir>before|after)\b"),
        ("duration", rf"(?:(?P<det>the|a|an|another)\s+(?:(?:mere|full|further|additional|extra|whole|entire|more|long|brief|short)\s+)?)?(?P<num>{num})(?P<half>\s+and\s+a\s+half)?(?:\s+(?:more|additional|further|extra))?[\s-]+(?P<unit>{unit})(?P<pl>s|es)?(?P<poss>['’](?!s))?(?P<half2>\s+and\s+a\s+half)?(?:[\s-]+long\b)?\b"),
        ("half_unit", r"half\s+(?:an?\s+)?(?P<unit>hour|day|year|century|decade)\b"),
        ("plural", r"(?P<recent>recent\s+)?(?P<unit>years|months|weeks|days|decades|hours|minutes|centuries)\b"),
        ("set", rf"(?P<wd2>{wday})\s+(?P<pod2>{pod})s\b|(?P<wd3>{wday})s\b|(?P<wends>weekends)\b|(?P<q>every|each|per)\s+(?P<other>other\s+)?(?:(?P<num>{num})\s+)?(?:(?P<unit>{unit})(?P<pl>s|es)?|(?P<wd>{wday})|(?P<pod>{pod})|(?P<season>{season})|(?P<mon>{month}))\b|(?P<times>once|twice|thrice|(?:{num})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit2>{unit})\b"),
        ("set_adverb", rf"(?P<adv>{lex.alternation('set_adverb')})\b"),
        ("vague", rf"(?P<vague>{lex.alternation('vague')})\b"),
    ]


@functools.cache
def compiled() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The grammar, compiled once per process (read-only)."""
    lex = load_lexicon()
    out = []
    for kind, rx in _patterns(lex):
        # month and weekday names carry their own capitalisation; everything else is case-blind
        # a hyphen glues words ("mid-March" is found whole); only a year range ("2009-2010") splits on one
        before, after = (r"(?<![\w'’])", r"(?!\w)") if kind == "year" else (r"(?<![\w'’-])", r"(?![\w-])")
        before += r"(?<!\d[,.])"  # never start inside a number: "1,000 hours"
        out.append((kind, re.compile(rf"{before}(?:{rx}){after}", re.IGNORECASE)))
    return tuple(out)


@functools.cache
def trigger() -> re.Pattern[str]:
    """Any word without which no pattern can match: a calendar word, a unit, a vague word, or a digit."""
    lex = load_lexicon()
    words = [lex.alternation(c) for c in ("month", "month_abbr", "weekday", "season", "part_of_day", "unit",
                                           "decade_word", "vague", "set_adverb", "holiday", "ordinal")]
    extra = r"today|tonight|yesterday|tomorrow|noon|midday|midnight|ago|centuries|weekends?|Q[1-4]|o['’]clock"
    return re.compile(rf"\d|\b(?:{'|'.join(words)}|{extra})", re.IGNORECASE)


WINDOW = 90  # characters around a trigger word that an expression can reach ("the end of the past two years")


def windows(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` around trigger words, merged, ending at whitespace (never mid-word)."""
    spans: list[tuple[int, int]] = []
    for m in trigger().finditer(text):
        start = max(0, m.start() - WINDOW)
        end = min(len(text), m.end() + WINDOW)
        while end < len(text) and not text[end].isspace():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def find_candidates(text: str) -> list[Candidate]:
    """Every match of every pattern over ``text`` (searched only near trigger words, for speed)."""
    found: list[Candidate] = []
    spans = windows(text)
    for kind, rx in compiled():
        for start, end in spans:
            for m in rx.finditer(text, start, end):
                if m.end() <= m.start():
                    continue
                groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
                found.append(Candidate(m.start(), m.end(), kind, groups))
    return found


def select(cands: list[Candidate], order: tuple[str, ...]) -> list[Candidate]:
    """The longest non-overlapping candidates; ties go to the kind listed first in ``order``."""
    rank = {k: i for i, k in enumerate(order)}
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), rank.get(c.kind, 99), c.start))
    taken: list[Candidate] = []
    for c in ranked:
        if all(c.end <= t.start or t.end <= c.start for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


@functools.cache
def kinds() -> tuple[str, ...]:
    """Pattern kinds in priority order."""
    return tuple(k for k, _ in _patterns(load_lexicon()))
