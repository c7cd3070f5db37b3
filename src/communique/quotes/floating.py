"""Floating quotes: marked text with no cue of its own takes the speaker of the quote before it.

A marked quote with no cue is kept when it stands where quotes stand: at the start of a paragraph,
after another quote in its paragraph (``"...," he said. "..."``), or as the next paragraph of a long quote;
it then inherits the speaker of the nearest earlier quote in its own or the previous paragraph. Short
marked phrases inside a sentence with no cue (titles, scare quotes) are left out; longer ones are kept,
with a speaker only when one is that close. A paragraph of a long quote whose cue comes only in a later
paragraph of it takes that later speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.document.marks import MarkedQuote
from communique.quotes.draft import Draft, Work
from communique.syntax import SUBJECT_DEPS

if TYPE_CHECKING:
    from communique.document import Document
    from communique.quotes.speakers import SpeakerIndex

FLOATING_RULE = "quotes.floating"
CONTINUED_RULE = "quotes.continued"
FLOATING_MIN_WORDS = 6  # a marked phrase inside a sentence with no cue is a quote from this many words


def floating_marks(work: Work) -> None:
    """Every marked quote no rule attributed is a floating candidate (``quotes.floating``)."""
    for qi, q in enumerate(work.document.marks):
        if qi not in work.mark_taken:
            work.floating.append(Draft("direct", q.start, q.end, None, None, None, FLOATING_RULE, mark=qi))


def inherit_floating(work: Work) -> None:
    """Floating quotes that stand where quotes stand join the drafts with an inherited speaker.

    Example: '"The blockade must end," the envoy said.\n\n"Every day without aid costs lives."' -> the
    second paragraph is a direct quote of the envoy (``quotes.floating``); a paragraph a long quote runs
    on into is ``quotes.continued``. A person who became the subject of the narrative since the quote
    before speaks instead; with no quote before, the person the paragraph is about.
    """
    lay, index = work.document, work.index
    out = list(work.drafts)
    by_mark: dict[int, Draft] = {d.mark: d for d in work.drafts if d.mark is not None}
    for d in sorted(out + work.floating, key=lambda d: d.start):
        if d.rule != FLOATING_RULE or d.mark is None:
            continue
        qi = d.mark
        q = lay.marks[qi]
        olo = lay.spans[qi][2]
        para = lay.paragraph_of(olo)
        kept, source = _placement(lay, qi, out, by_mark)
        if not kept:
            continue
        d.actor = source.actor if source is not None else None
        if source is not None and not q.continued:
            # "Marisol Quintero did not need much persuading. "I am grateful ..."": a person who became the
            # subject of the narrative since the last quote is the one who goes on
            shifted = _subject_between(lay, index, lay.token_at(source.end), olo)
            if shifted is not None:
                d.actor = shifted
        if source is None:
            d.actor = _salient_person(lay, index, olo, para)
        d.inherited = True
        d.rule = CONTINUED_RULE if q.continued else FLOATING_RULE
        out.append(d)
        by_mark[qi] = d
    _backfill_continued(lay.marks, by_mark)
    work.drafts = out


def _placement(lay: Document, qi: int, out: list[Draft], by_mark: dict[int, Draft]) -> tuple[bool, Draft | None]:
    """Whether floating quote ``qi`` is kept, and the quote whose speaker it inherits.

    Kept: the next paragraph of a long quote; a quote at a paragraph start or after another quote of its
    paragraph; a marked phrase of ``FLOATING_MIN_WORDS`` or more with a quote in its own or the previous
    paragraph. A single-quoted line alone in its paragraph is a headline, not a quote.
    """
    doc, q = lay.doc, lay.marks[qi]
    lo, hi, olo, _ = lay.spans[qi]
    para = lay.paragraph_of(olo)
    p_start, _ = lay.paragraph_span(olo)
    prev_same = [x for x in out if x.end <= q.start and lay.paragraph_of(lay.token_at(x.start)) == para]
    initial = olo <= p_start or all(doc[i].is_space or doc[i].is_punct for i in range(p_start, olo))
    words = sum(1 for i in range(lo, min(hi, len(doc))) if not doc[i].is_punct and not doc[i].is_space)
    if q.single and initial and q.close_mark is not None and not lay.text[q.close_mark + 1 : lay.paragraph_chars(para)[1]].strip():
        return False, None
    if q.continued and qi - 1 in by_mark:
        return True, by_mark[qi - 1]
    if not (initial or prev_same) and words < FLOATING_MIN_WORDS:
        return False, None
    source = None
    for x in reversed(sorted(out, key=lambda x: x.start)):
        if x.end > q.start:
            continue
        if lay.paragraph_of(lay.token_at(x.start)) >= para - 1:
            source = x
        break
    return bool(initial or prev_same or q.continued or source is not None), source


def _backfill_continued(marks: list[MarkedQuote], by_mark: dict[int, Draft]) -> None:
    """A long quote whose cue comes in a later paragraph: earlier pieces take that speaker."""
    for qi in sorted(by_mark, reverse=True):
        d = by_mark[qi]
        nxt = by_mark.get(qi + 1)
        if marks[qi].continues and nxt is not None and nxt.actor is not None and (d.actor is None or d.inherited):
            d.actor = nxt.actor


def _subject_between(lay: Document, index: SpeakerIndex, lo: int, hi: int) -> str | None:
    """The latest person that is the subject of a verb outside quotation marks in tokens ``[lo, hi)``."""
    doc = lay.doc
    for i in range(hi - 1, lo - 1, -1):
        if lay.quoted[i] or i not in index.owner or doc[i].dep_ not in SUBJECT_DEPS:
            continue
        if doc[i].sent.end > hi:
            continue  # 'The minister "could still win the vote ...": the quote finishes that sentence
        actor = index.actors[index.owner[i]]
        if actor.type == "person":
            return actor.id
    return None


def _salient_person(lay: Document, index: SpeakerIndex, before: int, para: int) -> str | None:
    """The person a cue-less quote most likely belongs to: the latest person named as a subject in its
    own or the previous paragraph, else the latest person named there at all."""
    doc = lay.doc
    lo = lay.para_bounds[max(0, para - 1)][0] if lay.para_bounds else 0
    fallback: str | None = None
    for i in range(before - 1, lo - 1, -1):
        if lay.quoted[i] or i not in index.owner:
            continue
        actor = index.actors[index.owner[i]]
        if actor.type != "person":
            continue
        if doc[i].dep_ in SUBJECT_DEPS:
            return actor.id
        if fallback is None:
            fallback = actor.id
    return fallback
