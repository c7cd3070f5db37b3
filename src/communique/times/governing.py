"""The date of an event or a quote: the temporal expression governing the trigger's own clause.

Not merely the nearest expression in the sentence: in "Israel struck Gaza, officials said Friday",
"Friday" dates the saying, not the strike. Falls back on the publication date for present and
present-perfect clauses ("has agreed", "says"), else None.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from communique.records import Timex
from communique.times.calendar import parse_iso
from communique.times.tense import clause_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ISO_PREFIX = re.compile(r"^\d{4}(?:-(?:W\d\d(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI|\d\d(?:-\d\d)?))?")
PUBLICATION = "times.publication_date"


def _date_value(value: str) -> str | None:
    """The ISO-prefix part of a value ("2013-03-22TNI" -> "2013-03-22", "2012-XX-XX" -> "2012")."""
    m = ISO_PREFIX.match(value)
    return m.group(0) if m else None


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _score(doc: Doc, t: Timex, trigger: Token, clause: Token | None) -> int | None:
    """How directly ``t`` governs ``trigger``: 0 inside its own phrase, 1 in its clause, 2 via a
    conjoined clause that shares it, 2 more when it hangs on a noun phrase of that clause; None when
    it belongs to another clause."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return None
    if span.start <= trigger.i < span.end:
        return None
    cur = span.root
    via_noun = 0  # the expression modifies a noun phrase on the way ("the raid in May 2010"): weaker
    for _ in range(40):
        if cur.head.i == cur.i:
            return None
        up = cur.head
        if up.i == trigger.i:
            return 1 + via_noun if _is_verb(trigger) else 0
        if clause is not None and up.i == clause.i:
            return 1 + via_noun
        if _is_verb(up):
            if up.dep_ == "acl" and up.head.i == trigger.i:
                return 0
            if clause is not None and (
                (clause.dep_ == "conj" and clause.head.i == up.i) or (up.dep_ == "conj" and up.head.i == clause.i)
            ):
                return 2 + via_noun if t.end <= trigger.idx or up.dep_ == "conj" else None
            if up.dep_ not in ("aux", "auxpass"):
                return None
        elif up.pos_ in ("NOUN", "PROPN") and up.i not in range(span.start, span.end):
            via_noun = 2
        cur = up
    return None


def _present(clause: Token) -> bool:
    """Present or present-perfect: "says", "is meeting", "has agreed"."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "MD") for a in auxes) or clause.tag_ == "VBD":
        return False
    if clause.tag_ in ("VBZ", "VBP"):
        return True
    return any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def governing_time(doc: Doc, token_i: int, times: list[Timex], published: str | None) -> Timex | None:
    """The temporal expression governing the clause of token ``token_i`` (an event or cue verb), or None.

    Callers use ``.value`` (an ISO prefix such as ``2025-03-03``, ``2025-03``, ``2025-W10``) and
    ``.text`` (the expression) as the record's date and date text. When no expression governs the
    clause but it is in the present or present perfect, the result is the publication date with
    ``provenance == "times.publication_date"`` and an empty ``text`` (use ``t.text or None``).
    Durations, sets and vague past/future references never date an event.
    """
    trigger = doc[token_i]
    sent = trigger.sent
    clause = clause_head(trigger)
    pub = parse_iso(published)
    best: tuple[int, int, Timex] | None = None
    for t in times:
        if t.type not in ("DATE", "TIME") or not (sent.start_char <= t.start and t.end <= sent.end_char):
            continue
        if t.value == "PRESENT_REF" and pub is not None:
            value: str | None = pub.isoformat()
        else:
            value = _date_value(t.value)
        if value is None:
            continue
        score = _score(doc, t, trigger, clause)
        if score is None:
            continue
        key = (score, abs(t.start - trigger.idx))
        if best is None or key < best[:2]:
            best = (key[0], key[1], replace(t, value=value))
    if best is not None:
        return best[2]
    if pub is not None and clause is not None and _present(clause):
        return Timex(trigger.idx, trigger.idx, "", "DATE", pub.isoformat(), provenance=PUBLICATION)
    return None
