"""Datelines: the one definition of their shape, and the publication date they state.

``DATELINE`` (a place in capitals, a credit, a dash) is where the sentence splitter starts the lead
sentence; ``CREDITED_DATELINE`` (any case, a credit required) tells clean-up a first line is no
headline; ``published_from_dateline`` reads the date of a dateline or a "Published:" line.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from communique.times.lexicon import load as load_lexicon

HEAD_CHARS = 600  # a dateline sits in the first lines; never read a date from the body

# "DOHA, March 13, 2025 (Communique Wire) - ", "KYIV, Ukraine (AP) — ", "MANILA, 22 October (Wire) – ":
# a paragraph opening with a place in capitals, up to three comma-separated parts, an optional credit
# in parentheses, and a dash.
DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z.'’/ -]{1,40}[A-Z.](?:,[ A-Za-z0-9.]{1,30}){0,3}\s*(?:\([^()\n]{1,50}\))?\s*[-—–]{1,2}\s+"
)
# "Kyiv, March 3 (Reuters) -": a place in any case, a comma, a credit in parentheses, a dash.
CREDITED_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]+,.*?\([A-Za-z .]+\)\s*[-–—]")


def _month_pattern() -> str:
    lex = load_lexicon()
    words = sorted([*lex.table("month"), *lex.table("month_abbr")], key=len, reverse=True)
    return "|".join(words)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Datelines, most explicit first; one pattern per date layout (a regex cannot reuse group names)."""
    month = _month_pattern()
    layouts = (
        rf"(?P<mon>{month})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)",
        rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{month})\.?,?\s+(?P<year>(?:19|20)\d\d)",
        r"(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)",
    )
    label = (r"(?:published|posted|updated|last\s+updated|first\s+published|(?:last\s+)?modified|date)\s*(?:on|:)?\s*"
             r"(?:\d\d?[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?,?\s*)?")
    wday_abbr = "|".join(sorted(load_lexicon().table("weekday_abbr"), key=len, reverse=True))
    wday = rf"(?:(?:[A-Za-z]+day|{wday_abbr})\.?,?\s+)?"
    out: list[re.Pattern[str]] = []
    for d in layouts:
        # "Published: 3 March 2025", "Updated on March 13, 2025 14:05 GMT"
        out.append(re.compile(rf"^\W*{label}{wday}{d}", re.I | re.M))
    for d in layouts[:2]:
        # "KYIV, March 3, 2025 (Reuters) -", "GENEVA, 3 March 2025 -"
        out.append(re.compile(
            rf"^[A-Z][A-Za-z .'-]{{1,40}}(?:,\s*[A-Za-z .]{{2,30}})?,\s*{wday}{d}\s*(?:\([^)]{{1,40}}\)|/[^/\n]{{1,40}}/)?\s*[-–—:]",
            re.M | re.I))
    for d in layouts:
        # a line holding only a date: "March 3, 2025", "Monday 3 March 2025", "2025-03-03"
        out.append(re.compile(rf"^\s*{wday}{d}\b(?:[ ,]+(?:at\s+)?\d\d?[:.]\d\d[^\n]{{0,24}})?[ \t]*$", re.I | re.M))
    return tuple(out)


def published_from_dateline(text: str) -> str | None:
    """The publication date a plain-text dateline gives (``KYIV, March 3, 2025 (Reuters) -``,
    ``Published: 3 March 2025``), as ``YYYY-MM-DD``; None when the opening lines state none.

    A dateline without a year ("WASHINGTON (AP) — ...", "KYIV, March 3 (Reuters) -") gives no date:
    guessing the year would anchor every relative date on a guess.
    """
    head = text[:HEAD_CHARS]
    lex = load_lexicon()
    months = {**lex.table("month"), **lex.table("month_abbr")}
    for rx in _patterns():
        m = rx.search(head)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["m"]) if groups.get("m") else int(months[(groups["mon"] or "").lower()])
        try:
            return date(int(groups["year"]), month, int(groups["day"])).isoformat()
        except ValueError:
            continue
    return _labelled_by_dateparser(head)


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
