"""The tense of the clause a temporal expression sits in, read off the dependency parse.

Weekdays and dates named without a year are resolved by it: "met on Thursday" looks back from the
publication date, "will meet on Thursday" looks forward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from communique import data
from communique.syntax import clause_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Tense = Literal["past", "future", "present", "none"]

FUTURE_AUX = data.words("times.future_aux")
# verbs whose infinitive complement happens later: "is expected to meet on Friday"
PROSPECTIVE = data.words("times.prospective_verbs")

# verbs that move a thing to a later time: "postponed until Saturday" points forward even in the past tense
FORWARD = data.words("times.forward_verbs")

# verbs of reporting: their present tense is the publication's present
REPORTING = data.words("times.reporting_verbs")


def verb_tense(verb: Token) -> Tense:
    """Tense of a clause from its head verb and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "future"
    if "to" in words or (verb.tag_ == "VB" and verb.dep_ == "xcomp"):
        head = verb.head
        if head.lemma_ in PROSPECTIVE and not (head.lemma_ in ("have", "need", "try") and head.tag_ == "VBD") \
                or head.lower_ == "going":
            return "future"
        return verb_tense(head) if head.i != verb.i else "none"
    if any(a.tag_ in ("VBD",) for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if not auxes or words & {"has", "have", "had", "'s", "'ve", "having"}:
            return "past"
        return "present"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.tag_ == "VBG" and verb.dep_ not in ("ROOT",) and verb.head.i != verb.i:
        return verb_tense(verb.head) if verb.dep_ in ("advcl", "xcomp", "conj") else "none"
    if verb.tag_ == "VB" and verb.dep_ == "ROOT" and not auxes:
        return "future"  # imperative: "call me on Sunday"
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return verb_tense(verb.head)
    return "none"


def tense_at(doc: Doc, start: int, end: int) -> Tense:
    """The tense of the clause governing the characters ``[start, end)`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "none"
    verb = clause_head(span.root)
    if verb is None:
        return "none"
    tense = verb_tense(verb)
    if tense == "present" and verb.lemma_ in REPORTING:
        return "past"  # "the ministry says Friday": news reports in the present what was said already
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ("until", "till", "to", "for") and verb.lemma_ in FORWARD:
        return "future"  # "was postponed until Saturday", "is scheduled for Monday"
    if before is not None and before.lower_ in ("until", "till") and tense in ("past", "present"):
        # "has been postponed until Saturday" looks forward, "fought until Saturday" back
        if verb.tag_ != "VBD" and not any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass")):
            return "future"
    return tense
