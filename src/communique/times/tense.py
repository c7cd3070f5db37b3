"""The tense of the clause a temporal expression sits in, read off the dependency parse, and the
direction rules that steer a day named without one ("on Thursday", "Thursday's summit", "the 15th").

The clause's tense, aspect and modality come first (``verb_tense``): "met on Thursday" looks back from
the publication date, "will meet on Thursday" looks forward. Then ``DIRECTION_RULES``, in order, may
overrule it from the words around the expression; the first rule with an answer wins. ``tense_at``
applies both. A ``"present"`` clause counts as a schedule (the coming day), ``"none"`` as the past
(``values.tense_direction``); a day equal to the publication's own weekday is that very day either
way, as TimeML annotates it ("police arrested him on Tuesday" in a Tuesday paper).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from communique import data
from communique.doctext import text_of
from communique.syntax import clause_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Tense = Literal["past", "future", "present", "none"]

FUTURE_AUX = data.words("times.future_aux")
# verbs whose infinitive complement happens later: "is expected to meet on Friday"
PROSPECTIVE = data.words("times.prospective_verbs")

# verbs that move a thing to a later time: "postponed until Saturday" points forward even in the past tense
FORWARD = data.words("times.forward_verbs")

# verbs of reporting: their present tense is the publication's present
REPORTING = data.words("times.reporting_verbs")

# words on a noun that put its day ahead: "the upcoming vote", "Friday's scheduled vote"
SCHEDULED = data.words("times.scheduled_modifiers")
# participles after a noun that name the time its event is set for: "drills planned on Friday"
SCHEDULED_PARTICIPLES = data.words("times.scheduled_participles")
# verbs of arranging an event: "Oman is hosting Thursday's summit"
ARRANGING = data.words("times.arranging_verbs")
# timetable verbs of a headline that the tagger may take for nouns: "Talks resume Monday"
SCHEDULE_VERBS = data.words("times.schedule_verbs")

AHEAD = re.compile(
    r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(data.words("times.ahead_words"), key=len, reverse=True))
    + r")\s+$",
    re.I,
)
PERFECT_AUX = frozenset({"has", "have", "had", "'s", "'ve", "having"})


def verb_tense(verb: Token) -> Tense:
    """Tense of a clause from its head verb and auxiliaries.

    - a future or modal auxiliary: "will meet", "won't travel", "would sign" -> future;
    - an infinitive after a verb of intending or expecting, or after "going": "plans to strike",
      "is expected to resign", "is set to deliver", "is due to publish", "is going to vote" -> future;
      after another verb it takes that verb's tense ("is to address": present, a schedule);
    - the simple past, the past perfect and the past progressive: "shelled", "had arrived",
      "were meeting" -> past; the present perfect "has raised" -> past as well;
    - the present simple and progressive, active or passive: "resume", "are meeting",
      "is being hosted" -> present (a schedule, the coming day);
    - an imperative: "call me on Sunday" -> future.
    """
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
        if not auxes or words & PERFECT_AUX:
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


@dataclass(frozen=True, slots=True)
class Site:
    """Where an expression sits: its tokens, the verb heading its clause, its grammar kind."""

    doc: Doc
    span: Span
    verb: Token | None
    kind: str | None

    def before(self) -> Token | None:
        return self.doc[self.span.start - 1] if self.span.start > 0 else None

    def nouns(self) -> list[Token]:
        """The expression's root and the words above it up to its clause's verb: "Sunday", "on",
        "election" in "fretted about the upcoming election on Sunday"."""
        out, cur = [self.span.root], self.span.root
        while cur.head.i != cur.i and (self.verb is None or cur.head.i != self.verb.i):
            cur = cur.head
            out.append(cur)
        return out

    def outside(self, tok: Token) -> bool:
        return not (self.span.start <= tok.i < self.span.end)


Rule = Callable[[Site, Tense], "Tense | None"]


def since_looks_back(site: Site, tense: Tense) -> Tense | None:
    """ "since Tuesday", "ever since the 15th": the day is past whatever the verb ("have gained 4%
    since Tuesday", "will stay shut since Monday's flood")."""
    before = text_of(site.doc)[max(0, site.span.start_char - 20):site.span.start_char]
    return "past" if re.search(r"\bsince\s+$", before, re.I) else None


def scheduled_modifier(site: Site, tense: Tense) -> Tense | None:
    """A word of schedule on the noun the day belongs to, or a participle of scheduling it hangs on,
    puts the day ahead whatever the clause's verb: "fretted about the upcoming election on Sunday",
    "criticised Friday's scheduled vote", "Monday's planned strike is likely to ...", "prepared for the
    next hearing on Tuesday", "published a map of drills planned on Friday". A participle that dates its
    own act ("a truce proposed in early March") is no schedule."""
    for tok in site.nouns():
        if any(ch.lower_ in SCHEDULED and ch.dep_ in ("amod", "acl", "advmod", "compound") and site.outside(ch)
               for ch in tok.children):
            return "future"
    verb = site.verb
    if (verb is not None and verb.dep_ in ("acl", "amod") and verb.lower_ in SCHEDULED_PARTICIPLES
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
        return "future"
    return None


def _clause_outlook(verb: Token) -> Tense | None:
    """Future, past or undecided: what a relative clause says of its noun's time."""
    tense = verb_tense(verb)
    if tense == "future" or any(c.dep_ == "xcomp" and verb_tense(c) == "future" for c in verb.children):
        return "future"  # "which Oman will host", "which organisers expect to draw thousands"
    if tense == "past":
        return "past"  # "which killed four people", "which had been planned for months"
    if tense == "present" and verb.lemma_ in ARRANGING:
        return "future"  # "which Oman is hosting", "which the UN chairs"
    return None


def relative_clause(site: Site, tense: Tense) -> Tense | None:
    """A relative clause on the noun the day belongs to dates that noun: "Thursday's summit, which
    Oman is hosting, aims ..." (ahead), "Saturday's rally, which organisers expect to draw thousands,
    worries ..." (ahead), "Wednesday's blast, which killed four, is ..." (back). A present clause
    that arranges nothing ("which are continuing") says nothing."""
    for tok in site.nouns():
        for ch in tok.children:
            if ch.dep_ == "relcl" and site.outside(ch):
                outlook = _clause_outlook(ch)
                if outlook is not None:
                    return outlook
    return None


def reporting_present(site: Site, tense: Tense) -> Tense | None:
    """ "the ministry says Friday": news reports in the present what was said already."""
    if tense == "present" and site.verb is not None and site.verb.lemma_ in REPORTING:
        return "past"
    return None


def moved_forward(site: Site, tense: Tense) -> Tense | None:
    """A verb that moves or sets a time, before "until", "to" or "for" the day: "was postponed until
    Saturday", "is scheduled for Monday", "was planned for Saturday" point ahead in any tense."""
    before = site.before()
    if (before is not None and before.lower_ in ("until", "till", "to", "for") and site.verb is not None
            and site.verb.lemma_ in FORWARD):
        return "future"
    return None


def until_in_a_present_clause(site: Site, tense: Tense) -> Tense | None:
    """ "until Saturday" in a present or present-perfect clause looks ahead ("has been closed until
    Saturday", "stays shut until Monday"); in the simple past it looks back ("fought until Saturday")."""
    before, verb = site.before(), site.verb
    if before is None or verb is None or before.lower_ not in ("until", "till") or tense not in ("past", "present"):
        return None
    if verb.tag_ != "VBD" and not any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass")):
        return "future"
    return None


def headline_schedule(site: Site, tense: Tense) -> Tense | None:
    """A verbless headline whose timetable verb the tagger took for a noun or an adjective: "Talks
    resume Monday in Vienna", "Polls open Sunday in Kenya": the present of a schedule."""
    if site.verb is not None or site.span.root.head.i == site.span.root.i:
        return None
    return "present" if site.span.root.head.lemma_.lower() in SCHEDULE_VERBS else None


def arranged_event(site: Site, tense: Tense) -> Tense | None:
    """A present verb of arranging or attending an event looks ahead to its day, even a possessive
    one: "Oman is hosting Thursday's summit", "Iran is boycotting Friday's talks"."""
    if tense == "present" and site.verb is not None and site.verb.lemma_ in ARRANGING:
        return "future"
    return None


def possessive_in_a_present_clause(site: Site, tense: Tense) -> Tense | None:
    """ "Monday's debate" in a present clause names a past event ("the impact of Monday's debate is
    small", "the move follows Tuesday's declaration"), unless the clause looks ahead to it ("ahead of
    Monday's debate", "preparing for Sunday's talks")."""
    text = text_of(site.doc)
    if (tense == "present" and site.kind == "weekday" and re.search(r"['’]s$", site.span.text)
            and not AHEAD.search(text[max(0, site.span.start_char - 20):site.span.start_char])):
        return "past"
    return None


# in order; the first rule with an answer overrules the clause's own tense
DIRECTION_RULES: tuple[Rule, ...] = (
    since_looks_back,
    scheduled_modifier,
    relative_clause,
    reporting_present,
    moved_forward,
    until_in_a_present_clause,
    headline_schedule,
    arranged_event,
    possessive_in_a_present_clause,
)


def tense_at(doc: Doc, start: int, end: int, kind: str | None = None) -> Tense:
    """The tense that places the expression at characters ``[start, end)`` of ``doc`` (of grammar
    kind ``kind``): its clause's tense, steered by the first of ``DIRECTION_RULES`` that applies."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "none"
    verb = clause_head(span.root)
    tense = verb_tense(verb) if verb is not None else "none"
    site = Site(doc, span, verb, kind)
    for rule in DIRECTION_RULES:
        steered = rule(site, tense)
        if steered is not None:
            return steered
    return tense
