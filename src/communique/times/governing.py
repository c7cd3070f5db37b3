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
from communique.times.calendar import at, parse_iso, shift
from communique.times.lexicon import load as load_lexicon
from communique.times.tense import clause_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ISO_PREFIX = re.compile(r"^\d{4}(?:-(?:W\d\d(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI|\d\d(?:-\d\d)?))?")
PUBLICATION = "times.publication_date"
ANCHORED = "times.anchored_event"


def _date_value(value: str) -> str | None:
    """The ISO-prefix part of a value ("2013-03-22TNI" -> "2013-03-22", "2012-XX-XX" -> "2012")."""
    m = ISO_PREFIX.match(value)
    return m.group(0) if m else None


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _score(doc: Doc, t: Timex, trigger: Token, clause: Token | None) -> int | None:
    """How directly ``t`` governs ``trigger`` (lower is closer): 0 inside its own phrase, 1 in its
    clause, 2 via a conjoined clause or a participle sharing its subject, 3 via a when-clause, 2 more
    when it hangs on a noun phrase of that clause; None when it belongs to another clause."""
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
                if _present(clause) != _present(up):
                    return None  # "signed the law in 2010 and has defended it since": another time
                return 2 + via_noun if t.end <= trigger.idx or up.dep_ == "conj" else None
            if (clause is not None and clause.dep_ in ("advcl", "xcomp") and clause.tag_ == "VBG" and clause.head.i == up.i
                    and not any(ch.dep_.startswith("nsubj") for ch in clause.children)):
                return 2 + via_noun  # "..., the minister said on Friday, adding that ...": the participle shares its time
            if (clause is not None and up.dep_ == "acl" and up.tag_ == "VBG" and up.head.dep_.startswith("nsubj")
                    and up.head.head.i == clause.i):
                return 2 + via_noun  # "The minister, speaking on Thursday, said ...": the subject's participle
            if t.anchor and up.dep_ in ("advcl", "pcomp", "pobj") and t.end <= up.idx <= t.end + len(t.anchor) + 1:
                cur = up  # "two days after the talks collapsed": the parse may hang the span on the anchor's verb
                continue
            if (clause is not None and up.dep_ == "advcl" and up.head.i == clause.i and up.tag_ in ("VBG", "VBN")
                    and not any(ch.dep_.startswith("nsubj") for ch in up.children)):
                return 2 + via_noun  # "Speaking on Thursday, the minister said ...": a participle shares its subject
            if (clause is not None and up.dep_ == "advcl" and up.head.i == clause.i
                    and any(ch.dep_ in ("mark", "advmod") and ch.lower_ in ("when", "as") and ch.i < up.i for ch in up.children)):
                return 3 + via_noun  # "When the talks collapsed on Thursday, the minister resigned": same time
            if up.dep_ not in ("aux", "auxpass"):
                return None
        elif up.pos_ in ("NOUN", "PROPN") and up.i not in range(span.start, span.end):
            if (cur.dep_ in ("nummod", "compound", "amod", "poss", "nmod") and up.dep_ in ("dobj", "dative", "oprd")
                    and (up.head.i == trigger.i or (clause is not None and up.head.i == clause.i))
                    and up.head.lemma_.lower() not in load_lexicon().table("event_verb")):
                return None  # "recalled the envoy's 2005 memoir": the object's own date, not the verb's
            via_noun = 2
        cur = up
    return None


DURATION_VALUE = re.compile(r"P(\d+)(Y|M|W|D)")


def _as_date(t: Timex, value: str) -> Timex:
    if t.type == "DURATION":
        return Timex(t.start, t.end, t.text, "DATE", value, provenance=ANCHORED, anchor=t.anchor)
    return replace(t, value=value)


def _anchored_value(doc: Doc, t: Timex, times: list[Timex], depth: int) -> str | None:
    """The date of "N units after/before EVENT" when EVENT's own clause is dated in the text."""
    m = DURATION_VALUE.fullmatch(t.value)
    if not m or depth > 1 or not t.anchor:
        return None
    start = doc.text.find(t.anchor, t.end)
    span = doc.char_span(start, start + len(t.anchor), alignment_mode="expand") if start >= 0 else None
    if span is None:
        return None
    target = next((tok for tok in span if _is_verb(tok) and tok.dep_ not in ("aux", "auxpass")), None)
    if target is None:
        target = next((tok for tok in span if tok.pos_ == "NOUN"), None)
    if target is None:
        return None
    others = [x for x in times if x is not t]
    dated = governing_time(doc, target.i, others, None, _depth=depth + 1)
    day = parse_iso(dated.value) if dated is not None else None
    if day is None or dated is None or len(dated.value) != 10:
        return None
    n, unit = int(m.group(1)), m.group(2)
    step = n if t.anchor.lower().startswith("after") else -n
    moved = shift(day, unit, step)
    return moved.isoformat() if unit in ("D", "W") else at(moved, unit)


def _present(clause: Token) -> bool:
    """Present or present-perfect: "says", "is meeting", "has agreed"."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "MD") for a in auxes) or clause.tag_ == "VBD":
        return False
    if clause.tag_ in ("VBZ", "VBP"):
        return True
    return any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def governing_time(doc: Doc, token_i: int, times: list[Timex], published: str | None, *, _depth: int = 0) -> Timex | None:
    """The temporal expression governing the clause of token ``token_i`` (an event or cue verb), or None.

    Callers use ``.value`` (an ISO prefix such as ``2025-03-03``, ``2025-03``, ``2025-W10``) and
    ``.text`` (the expression) as the record's date and date text. When no expression governs the
    clause but it is in the present or present perfect, the result is the publication date with
    ``provenance == "times.publication_date"`` and an empty ``text`` (use ``t.text or None``).
    Durations, sets and vague past/future references never date an event, except a duration anchored
    on another event whose own date the article gives ("two days after the talks collapsed on Sunday"):
    then the result is that date moved by the duration, with ``provenance == "times.anchored_event"``.
    """
    trigger = doc[token_i]
    sent = trigger.sent
    clause = clause_head(trigger)
    pub = parse_iso(published)
    best: tuple[int, int, Timex] | None = None
    for t in times:
        if not (sent.start_char <= t.start and t.end <= sent.end_char):
            continue
        if t.type == "DURATION" and t.anchor:
            if t.end <= trigger.idx <= t.end + len(t.anchor) + 1:
                continue  # the trigger is the anchoring event itself
            value: str | None = _anchored_value(doc, t, times, _depth)
        elif t.type not in ("DATE", "TIME"):
            continue
        elif t.value == "PRESENT_REF" and pub is not None:
            value = pub.isoformat()
        else:
            value = _date_value(t.value)
        if value is None:
            continue
        score = _score(doc, t, trigger, clause)
        if score is None:
            continue
        key = (score, abs(t.start - trigger.idx))
        if best is None or key < best[:2]:
            best = (key[0], key[1], _as_date(t, value))
    if best is not None:
        return best[2]
    if pub is not None and clause is not None and _present(clause):
        return Timex(trigger.idx, trigger.idx, "", "DATE", pub.isoformat(), provenance=PUBLICATION)
    return None
