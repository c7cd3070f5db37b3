"""The date of an event or a quote, with what it rests on (``date_basis``) and how fine it is (``date_precision``).

``governing.py`` finds the expression governing a trigger's own clause; this module names its basis and
adds the one date that comes from outside the clause: a reported clause without a time of its own takes
the date of its reporting clause ("The ministry said on Tuesday that troops had shelled the town").

- explicit: an absolute expression in its own clause or on its noun ("in 2019", "on March 3", "the Feb. 2 vote")
- relative: resolved from the publication date ("yesterday", "on Tuesday", "last month") or from an
  anchoring event's date ("two days after the vote")
- reporting: the date of the reporting clause (a quote's cue, or the verb reporting an event's clause)
- publication: the publication date, for present and present-perfect reports ("has agreed", "says")
- none: no date (a simple past without a time, a habitual or running statement)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique import data
from communique.records import DateBasis, DatePrecision, Timex, date_precision
from communique.times.governing import ANCHORED, PUBLICATION, governing_time, undated_clause
from communique.times.tense import clause_head, verb_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# rules whose expressions name the calendar (a year, a month, a holiday): explicit unless a deictic word
# makes them relative to the publication date ("last March", "this summer")
ABSOLUTE_KINDS = frozenset({
    "times.iso", "times.mdy", "times.dmy", "times.numeric", "times.monthday", "times.month", "times.year",
    "times.decade", "times.century", "times.quarter", "times.half", "times.season", "times.holiday",
})
YEAR = re.compile(r"\b\d{4}s?\b")


@dataclass(frozen=True, slots=True)
class Dating:
    """A record's date (an ISO prefix), the expression it was read from, its basis and precision."""

    value: str | None
    text: str | None
    basis: DateBasis
    precision: DatePrecision


UNDATED = Dating(None, None, "none", "none")


def expression_basis(t: Timex) -> DateBasis:
    """Explicit or relative: whether the expression names the calendar ("in 2019", "on March 3", "in
    May") or is resolved from a reference date ("yesterday", "on Tuesday", "last month", "the day
    before the vote"); a publication-date fallback is "publication"."""
    if t.provenance == PUBLICATION:
        return "publication"
    if t.provenance == ANCHORED:
        return "relative"
    if YEAR.search(t.text):
        return "explicit"
    words = set(re.findall(r"[a-z']+", t.text.lower()))
    if t.provenance in ABSOLUTE_KINDS and not words & data.words("dates.deictic_words"):
        return "explicit"
    return "relative"


def _dating(t: Timex, basis: DateBasis) -> Dating:
    return Dating(t.value, t.text or None, basis, date_precision(t.value))


def _reported(clause: Token) -> bool:
    """A reported clause that tells of something done or under way, not planned, possible or demanded:
    "said that troops had shelled the town", not "said that troops would withdraw" (``dates.modal_aux``)
    nor "demanded that the army withdraw"."""
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if auxes & data.words("dates.modal_aux") or verb_tense(clause) == "future":
        return False
    if clause.tag_ == "VB" and not auxes:
        return False  # a demand, not a report: "urged on Monday that Israel ease the restrictions"
    return not any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in clause.children)


@functools.cache
def _speech_verbs() -> frozenset[str]:
    """The verbs of speech of the cue lexicon (data/en/cues.tsv): "say", "tell", "announce", "deny"..."""
    return frozenset(row[0] for row in data.rows("cues.tsv") if len(row) > 2 and row[1] == "verb" and row[2] == "speech")


def _reporting_verbs(clause: Token) -> list[Token]:
    """The verbs of speech that report ``clause``, nearest first, up a chain of complement clauses:
    "The army said [that rebels attacked the base]", "Officials told reporters [the talks failed]"."""
    speech = _speech_verbs()
    out: list[Token] = []
    cur = clause
    for _ in range(8):
        if cur.dep_ not in ("ccomp", "parataxis", "conj") or cur.head.i == cur.i:
            break
        if cur.dep_ == "conj" and cur.head.lemma_ in speech:
            break  # "said ... and left": coordinated with the report, not reported by it
        cur = cur.head
        if cur.lemma_ in speech and cur.pos_ in ("VERB", "AUX"):
            out.append(cur)
    return out


def reporting_time(doc: Doc, token_i: int, times: list[Timex]) -> Timex | None:
    """The date of the clause reporting the clause of ``token_i`` when that clause has no time of its own:
    "The ministry said on Tuesday that troops had shelled the town", "'We have left the city,' the
    commander told reporters on Monday", "Officials confirmed in May 2019 that the envoy was detained"."""
    trigger = doc[token_i]
    clause = clause_head(trigger)
    if clause is None or not _reported(clause) or undated_clause(doc, trigger, clause, times):
        return None
    for verb in _reporting_verbs(clause):
        t = governing_time(doc, verb.i, times, None)
        if t is not None:
            return t
    return None


def date_event(doc: Doc, token_i: int, times: list[Timex], published: str | None) -> Dating:
    """The date of the event whose trigger is ``doc[token_i]``: its own clause's time, else its reporting
    clause's, else the publication date for a present or present-perfect clause, else none."""
    return _date(doc, token_i, times, published, quote=False)


def date_quote(doc: Doc, verb_i: int | None, times: list[Timex], published: str | None) -> Dating:
    """The date of a quote: that of its cue verb's clause (basis "reporting"), or the publication date for
    a present or present-perfect cue ("says", "has said"), or none."""
    if verb_i is None:
        return UNDATED
    return _date(doc, verb_i, times, published, quote=True)


def _date(doc: Doc, token_i: int, times: list[Timex], published: str | None, *, quote: bool) -> Dating:
    """The clause's own time, else its reporting clause's, else the publication date, else none. A quote's
    own time is the time it was said (basis "reporting"); an event's is explicit or relative."""
    own = governing_time(doc, token_i, times, published)
    if own is not None and own.provenance != PUBLICATION:
        return _dating(own, "reporting" if quote else expression_basis(own))
    reported = reporting_time(doc, token_i, times)
    if reported is not None:
        return _dating(reported, "reporting")
    return _dating(own, "publication") if own is not None else UNDATED
