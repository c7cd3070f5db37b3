"""The date of an event or a quote: the temporal expression governing the trigger's own clause.

Not merely the nearest expression in the sentence: in "Israel struck Gaza, officials said Friday",
"Friday" dates the saying, not the strike. A date written into a noun dates that nominal event (and
the verb only where the verb happens with it); "since X" is a start, not a date. Falls back on the
publication date for present and present-perfect clauses ("has agreed", "says") unless they are
habitual or running totals, else None. ``dating.py`` names the basis of the result.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING

from communique import data
from communique.doctext import text_of
from communique.document.cues import lexicon as cue_lexicon
from communique.records import Timex
from communique.times.calendar import at, parse_iso, shift
from communique.times.lexicon import load as load_lexicon
from communique.times.tense import clause_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ISO_PREFIX = re.compile(r"^(?:\d{4}(?:-(?:W\d\d(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI|\d\d(?:-\d\d)?))?|\d{3}(?![\dX]))")
PUBLICATION = "times.publication_date"
ANCHORED = "times.anchored_event"


def _date_value(value: str) -> str | None:
    """The ISO-prefix part of a value ("2013-03-22TNI" -> "2013-03-22", "2012-XX-XX" -> "2012", the
    1990s "199")."""
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
            if up.lower_ == "following" and up.dep_ in ("advcl", "prep", "acl"):
                cur = up  # "Following talks on Tuesday, the envoy said ...": "following" is a preposition here
                continue
            if via_noun:
                return None  # "..., prompting the cancellation of talks on Monday": the date is the noun's
            if clause is not None and _relative_on_object(clause, up):
                return 2  # "issued a statement on Wednesday in which it said ...": the statement's time
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
                    and not any(ch.dep_.startswith("nsubj") for ch in up.children) and _shares_time(up, clause)):
                return 2 + via_noun  # "Speaking on Thursday, the minister said ...": a participle shares its subject
            if (clause is not None and up.dep_ == "advcl" and up.head.i == clause.i
                    and any(ch.dep_ in ("mark", "advmod") and ch.lower_ in ("when", "as") and ch.i < up.i for ch in up.children)):
                return 3 + via_noun  # "When the talks collapsed on Thursday, the minister resigned": same time
            if up.dep_ not in ("aux", "auxpass"):
                return None
        elif up.pos_ in ("NOUN", "PROPN") and up.i not in range(span.start, span.end):
            if _object_date(cur, up, trigger, clause) or _subject_date(cur, up, trigger, clause):
                return None
            if up.ent_type_ not in ("DATE", "TIME"):  # "at dawn on Wednesday": a time noun is no noun phrase
                via_noun = 2
        cur = up
    return None


def _relative_on_object(clause: Token, verb: Token) -> bool:
    """The clause is a relative clause on the object of ``verb`` and says what that object says or
    does: "Hamas issued a statement on Wednesday in which it said ...", "the ministry released a video on
    Monday that showed ...", "the envoy sent a letter on Friday which urged ...": the object was issued
    then, and what it says takes that time."""
    noun = clause.head
    return clause.dep_ == "relcl" and noun.dep_ in ("dobj", "obj") and noun.head.i == verb.i


def _shares_time(participle: Token, clause: Token) -> bool:
    """A subjectless participle clause shares its time with the main clause when it comes first
    ("Speaking on Thursday, the minister said ...", "Arriving in Doha on Monday, the envoy met ...") or
    reports what was said ("..., the minister said, adding on Friday that ..."). One that follows to tell
    a consequence has its own time: in "The rebels seized the port, prompting talks to be cancelled on
    Monday", "leading to a new offensive on Friday", "forcing a delay on Tuesday" the seizure is not dated."""
    return participle.i < clause.i or cue_lexicon().verb(participle.lemma_.lower()) is not None


NOUN_MODIFIERS = ("nummod", "compound", "amod", "poss", "nmod")


def _of_clause(noun: Token, trigger: Token, clause: Token | None) -> bool:
    return noun.head.i == trigger.i or (clause is not None and noun.head.i == clause.i)


def _object_date(cur: Token, noun: Token, trigger: Token, clause: Token | None) -> bool:
    """A date on the object of a verb that is not an event verb is the object's own: "recalled the envoy's
    2005 memoir", "criticised the 1998 treaty", "is reviewing the May 4 decree" leave the verb undated,
    while "held an August 3 meeting" is dated by it (the time lexicon's ``event_verb``)."""
    return (cur.dep_ in NOUN_MODIFIERS and noun.dep_ in ("dobj", "dative", "oprd") and _of_clause(noun, trigger, clause)
            and noun.head.lemma_.lower() not in load_lexicon().table("event_verb"))


def _subject_date(cur: Token, noun: Token, trigger: Token, clause: Token | None) -> bool:
    """A date written into the subject noun dates that nominal event, not the clause's verb: "The Feb. 2
    vote was annulled by the court", "Monday's raid has been condemned", "Sunday's strike angered the
    villagers" leave the verb undated; verbs whose subject happens when they do, or acts at once, keep
    the date ("Tuesday's summit ended without a deal", "last month's talks collapsed", "the March 3 blast
    killed 12 people": ``dates.subject_event_verbs``). A prepositional date after the subject is left to
    the verb: "Rebels on Tuesday blocked the road" is the news order of subject, time, verb."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or cur.dep_ not in NOUN_MODIFIERS or not _of_clause(noun, trigger, clause):
        return False
    return noun.head.lemma_.lower() not in data.words("dates.subject_event_verbs") | set(load_lexicon().table("event_verb"))


def is_start(doc: Doc, t: Timex) -> bool:
    """An expression after "since" is where a state began, not the date of the act: "have controlled the
    town since 2019", "has been detained since March", "ever since the 2015 accord" date nothing."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    return span.root.head.lower_ == "since" or (span.start > 0 and doc[span.start - 1].lower_ == "since")


DURATION_VALUE = re.compile(r"P(\d+)(Y|M|W|D)")
ANCHORED_UNIT = re.compile(r"the\s+(day|night|morning|evening|week|month|year)\b", re.I)
UNIT_CODES = {"day": "D", "night": "D", "morning": "D", "evening": "D", "week": "W", "month": "M", "year": "Y"}


def _as_date(t: Timex, value: str, anchored: bool) -> Timex:
    if anchored:
        return Timex(t.start, t.end, t.text, "DATE", value, provenance=ANCHORED, anchor=t.anchor)
    return replace(t, value=value)


def _step(t: Timex) -> tuple[int, str] | None:
    """How far an anchored expression lies from its anchor, in units: "two days after" (P2D) is (2, "D"),
    "the week before" (a DATE the grammar leaves unresolved) is (1, "W")."""
    m = DURATION_VALUE.fullmatch(t.value)
    if m and t.type == "DURATION":
        return int(m.group(1)), m.group(2)
    m = ANCHORED_UNIT.match(t.text)
    if m and t.provenance == "times.anchored" and "X" in t.value:
        return 1, UNIT_CODES[m.group(1).lower()]
    return None


def _anchor_start(doc: Doc, t: Timex) -> int:
    """Where the anchor of ``t`` begins in the text ("the day before the vote": at "before"), or -1."""
    return text_of(doc).find(t.anchor, t.start) if t.anchor else -1


def _in_anchor(doc: Doc, t: Timex, times: list[Timex], trigger: Token) -> bool:
    """A date inside the anchor of an anchored expression dates the anchoring event only: in "withdrew the
    week after the election on May 5", "May 5" is the election's date, not the withdrawal's."""
    for a in times:
        start = _anchor_start(doc, a) if a is not t and a.anchor and _step(a) is not None else -1
        end = start + len(a.anchor or "")
        if start >= 0 and start <= t.start and t.end <= end and not (start <= trigger.idx < end):
            return True
    return False


def _anchor_target(doc: Doc, t: Timex) -> Token | None:
    """The anchoring event of "... after/before EVENT": the object of the preposition ("the vote"), else
    the first verb, else the first noun of the anchor."""
    start = _anchor_start(doc, t)
    span = doc.char_span(start, start + len(t.anchor or ""), alignment_mode="expand") if start >= 0 else None
    if span is None or len(span) == 0:
        return None
    obj = next((c for c in span[0].children if c.dep_ in ("pobj", "pcomp") and c.i < span.end), None)
    if obj is not None:
        return obj
    target = next((tok for tok in span if _is_verb(tok) and tok.dep_ not in ("aux", "auxpass")), None)
    return target or next((tok for tok in span if tok.pos_ == "NOUN"), None)


def _anchor_day(doc: Doc, target: Token, others: list[Timex], depth: int) -> date | None:
    """The day of the anchoring event: the date of its own clause, else that of an earlier mention of the
    same event in the article ("The vote was held on May 4. ... the day before the vote")."""
    same = (tok for tok in reversed(doc[: target.sent.start]) if tok.lemma_ == target.lemma_ and tok.pos_ == target.pos_)
    for tok in [target, *islice(same, 3)]:  # the three nearest: no walk over the whole article before
        dated = governing_time(doc, tok.i, others, None, _depth=depth + 1)
        if dated is not None and len(dated.value) == 10:
            return parse_iso(dated.value)
    return None


def _anchored_value(doc: Doc, t: Timex, times: list[Timex], depth: int) -> str | None:
    """The date of "N units after/before EVENT" or "the day/week after/before EVENT" when EVENT is dated
    to the day in the article: that day moved by the step ("two days after the talks collapsed on Sunday")."""
    step = _step(t)
    if step is None or depth > 1 or not t.anchor:
        return None
    target = _anchor_target(doc, t)
    day = _anchor_day(doc, target, [x for x in times if x is not t], depth) if target is not None else None
    if day is None:
        return None
    n, unit = step
    moved = shift(day, unit, n if t.anchor.lower().startswith("after") else -n)
    if t.type != "DURATION" and unit == "W":
        return at(moved, "W")  # "the week after the vote": that week
    return moved.isoformat() if unit in ("D", "W") else at(moved, unit)


def _present(clause: Token) -> bool:
    """Present or present-perfect: "says", "is meeting", "has agreed"."""
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "MD") for a in auxes) or clause.tag_ == "VBD":
        return False
    if clause.tag_ in ("VBZ", "VBP"):
        return True
    return any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def _habitual(clause: Token) -> bool:
    """A habitual, generic or durative clause: "police routinely detain activists", "the rebels have long
    demanded autonomy", "the opposition has protested ever since", "has held the post for years"
    (``dates.habitual_adverbs``, one word or a whole adverbial)."""
    words = data.words("dates.habitual_adverbs")
    for c in clause.children:
        if c.dep_ in ("advmod", "npadvmod", "prep", "neg") and (c.lower_ in words or " ".join(w.lower_ for w in c.subtree) in words):
            return True
    return False


def _large_count(tok: Token) -> bool:
    """Whether a noun phrase counts many: "more than 500 soldiers", "two million people", "thousands"."""
    for w in tok.subtree:
        if w.lower_ in data.words("dates.quantity_words"):
            return True
        digits = w.text.replace(",", "")
        if digits.isdigit() and int(digits) >= 100:
            return True
    return False


def _running_total(clause: Token) -> bool:
    """A present-perfect count of victims or losses is a running total, not an act of the day: "the war has
    displaced two million people", "the militia has killed more than 500 soldiers", "thousands have
    fled" (``dates.total_verbs``); with a long-running subject any count will do ("the siege has killed
    40 people", ``dates.long_running_nouns``)."""
    if clause.lemma_.lower() not in data.words("dates.total_verbs") or clause.tag_ != "VBN":
        return False
    args = [c for c in clause.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
    if any(_large_count(a) for a in args):
        return True
    subject_long = any(a.dep_ == "nsubj" and a.lemma_.lower() in data.words("dates.long_running_nouns") for a in args)
    return subject_long and any(w.like_num for a in args if a.dep_ != "nsubj" for w in a.subtree)


def _desired(clause: Token) -> bool:
    """The clause is the complement of a verb of wanting or seeking ("the group wants prisoners
    released", "Kyiv hopes to reopen the port", "the rebels seek to retake the town"): the act is only
    wished for, so no publication date."""
    return clause.dep_ in ("xcomp", "ccomp") and clause.head.lemma_.lower() in data.words("dates.desire_verbs")


def _wished_participle(trigger: Token) -> bool:
    """A past participle right after a verb of wanting ("a list of detainees it wants released", "the
    demands it wants met", "fighters it wants freed"): the parse often hangs it elsewhere, but the act is
    only wished for."""
    if trigger.tag_ != "VBN" or trigger.i == 0:
        return False
    before = trigger.doc[trigger.i - 1]
    desire = data.words("dates.desire_verbs")
    # the tagger sometimes takes "wants" for a plural noun and leaves its lemma as is
    return before.lemma_.lower() in desire or before.lower_.removesuffix("s") in desire


def undated_clause(doc: Doc, trigger: Token, clause: Token, times: list[Timex]) -> bool:
    """A clause that states no act of one day, so neither the publication date nor a reporting clause dates
    it: habitual or durative adverbs, a set ("every year the veterans march"), a start ("since 2019"), a
    running total."""
    if _habitual(clause) or _running_total(clause) or _desired(clause) or _wished_participle(trigger):
        return True
    sent = trigger.sent
    for t in times:
        if sent.start_char <= t.start and t.end <= sent.end_char and (t.type == "SET" or is_start(doc, t)):
            if _score(doc, t, trigger, clause) is not None:
                return True
    return False


def governing_time(doc: Doc, token_i: int, times: list[Timex], published: str | None, *, _depth: int = 0) -> Timex | None:
    """The temporal expression governing the clause of token ``token_i`` (an event or cue verb), or None.

    Callers use ``.value`` (an ISO prefix such as ``2025-03-03``, ``2025-03``, ``2025-W10``) and
    ``.text`` (the expression) as the record's date and date text. When no expression governs the
    clause but it is in the present or present perfect, the result is the publication date with
    ``provenance == "times.publication_date"`` and an empty ``text`` (use ``t.text or None``).
    Durations, sets and vague past/future references never date an event, except a duration anchored
    on another event whose own date the article gives ("two days after the talks collapsed on Sunday"):
    then the result is that date moved by the duration, with ``provenance == "times.anchored_event"``
    ("the day before the vote" likewise, when the vote is dated to the day in the article). An
    expression after "since" dates nothing, and a habitual, durative or running-total clause
    (``undated_clause``) gets no publication date. ``dating.date_event`` / ``date_quote`` add the basis.
    """
    trigger = doc[token_i]
    sent = trigger.sent
    clause = clause_head(trigger)
    pub = parse_iso(published)
    best: tuple[int, int, Timex] | None = None
    for t in times:
        if not (sent.start_char <= t.start and t.end <= sent.end_char):
            continue
        if is_start(doc, t) or _in_anchor(doc, t, times, trigger):
            continue
        anchored = bool(t.anchor) and _step(t) is not None
        if anchored:
            if t.end <= trigger.idx <= t.end + len(t.anchor or "") + 1:
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
            best = (key[0], key[1], _as_date(t, value, anchored))
    if best is not None:
        return best[2]
    if pub is not None and clause is not None and _present(clause) and not undated_clause(doc, trigger, clause, times):
        return Timex(trigger.idx, trigger.idx, "", "DATE", pub.isoformat(), provenance=PUBLICATION)
    return None
