"""Temporal expressions (TimeML TIMEX3), normalised against the publication date.

- ``extract_times``: every expression in the article, with its TIMEX3 type and value;
- ``published_from_dateline``: the publication date a plain-text dateline gives;
- ``governing_time``: the expression dating an event trigger or cue verb, for Quote.date / Event.date.

How it works: ``grammar`` proposes regex matches built from ``data/time_lexicon.tsv``; ``extract``
drops those the parse rules out (counts that look like years, months inside names); ``tense`` reads
the clause tense; ``normalise`` computes the value with ``calendar`` arithmetic.

TimeML conventions followed (those of the TempEval-3 gold): "last year" 2012 but "the past year" P1Y;
"this week" / "last week" / "the last week" are ISO weeks; a weekday in a past clause is the most
recent on or before the publication date, in a future or present one the next on or after it;
"today" is the publication date ("than ... today" is PRESENT_REF); "now" PRESENT_REF, "recently"
PAST_REF, "the future" FUTURE_REF; "the 1990s" 199, "the 20th century" 19, quarters 2013-Q1, seasons
2013-SU, parts of day 2013-03-22TNI; "a decade" P10Y, "two hours" PT2H, "recent weeks" PXW;
"N units earlier/after X" is the duration with ``anchor`` naming X; "every week" P1W, "annually" XXXX.
Words around an expression complete it: "May last year" 2012-05, "5 p.m. on March 3" takes that day,
"the day after Monday's debate" the day after that Monday, "the next morning" the narrative day's
morning; calendar words inside names ("Fox News Sunday", "USA TODAY", "20th Century Fox", "a free
daily") are not times.
"""

from __future__ import annotations

from communique.times.dateline import published_from_dateline
from communique.times.extract import extract_timexes as extract_times
from communique.times.governing import governing_time

__all__ = ["extract_times", "governing_time", "published_from_dateline"]

