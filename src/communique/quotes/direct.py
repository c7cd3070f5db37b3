"""Direct quotes: a marked quote finds its cue on the parse, next to its marks, or not at all.

In order: a frame whose content lies inside the marks (``"...," he said`` parsed as a complement); a
cue verb just after the closing mark (``"...," said X``, ``"...," X, the minister, told reporters``) or a
dash with a name (``"..." — X``); a cue verb or a colon just before the opening mark (``X said: "..."``,
``X told reporters on Tuesday, "..."``). Marked text inside a frame's larger content is a mixed quote
(``mixed.mixed_frames``, run before); what is left is for ``floating``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.document import Document
from communique.quotes.draft import Draft, Work
from communique.quotes.frames import Frame, find_speaker
from communique.quotes.mixed import clause_start
from communique.records import QuoteKind
from communique.syntax import first_child

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True, slots=True)
class Anchor:
    """How a marked quote is attributed: its cue token range, the source head, and the rule."""

    cue_start: int
    cue_end: int
    verb: int
    speaker: int | None
    rule: str


DASHES = frozenset({"\u2014", "\u2013", "-", "--", "\u2015"})
SENTENCE_END = frozenset({".", "!", "?"})
POST_WINDOW = 30  # tokens after a closing mark searched for its cue
PRE_WINDOW = 14  # tokens before an opening mark searched for its cue
# a cue after the quote is looked for first when the quote ends as a sentence goes on ("...," said X)
POST_FIRST_ENDINGS = (",", "?", "!", "\u2014", "-")


def direct_marks(work: Work) -> None:
    """Each marked quote no mixed quote took is direct when a cue attributes it (``mark_anchor``).

    Example: '"We are closer than ever," said the envoy.' -> direct, provenance ``quotes.direct_<how>``.
    A cue after the closing mark with two words of its sentence before the opening mark makes the
    sentence a mixed quote: 'The plan is "dead on arrival," the senator said.' A call cue with a quoted
    label is mixed too ('Tehran called the accusation "absurd".').
    """
    doc, marks = work.doc, work.document.marks
    frame_ids = {f.verb: fi for fi, f in enumerate(work.frames)}
    by_verb = {f.verb: f for f in work.frames}
    for qi in range(len(marks)):
        if qi in work.mark_taken:
            continue
        anchor = mark_anchor(work.document, qi, work.frames, by_verb)
        if anchor is None:
            continue
        if anchor.verb in frame_ids:
            work.used_frames.add(frame_ids[anchor.verb])
        q = marks[qi]
        kind: QuoteKind = "mixed" if anchor.rule == "quotes.direct_call_label" else "direct"
        start = q.start
        if anchor.rule in ("quotes.direct_post_cue", "quotes.direct_dash"):
            lead = clause_start(work.document, qi)
            if lead is not None:
                kind, start = "mixed", doc[lead].idx
        has_cue = anchor.cue_end > anchor.cue_start
        rule = anchor.rule if kind == "direct" else anchor.rule.replace("quotes.direct_", "quotes.mixed_")
        work.drafts.append(
            Draft(kind, start, q.end if kind == "direct" else q.outer_end, anchor.speaker,
                  (anchor.cue_start, anchor.cue_end) if has_cue else None, anchor.verb if has_cue else None, rule, mark=qi)
        )
        work.mark_taken.add(qi)


def mark_anchor(document: Document, qi: int, frames: list[Frame], by_verb: dict[int, Frame]) -> Anchor | None:
    """The cue of marked quote ``qi``: a frame whose content it holds (nearest cue to the closing mark),
    else a cue after or before its marks, after first when the quote ends on a comma or a dash."""
    qlo, qhi, olo, ohi = document.spans[qi]
    best: Frame | None = None
    for f in frames:
        if f.content is None or f.speaker is None:
            continue
        lo, hi = f.content
        if lo >= qlo - 1 and hi <= qhi + 1 and not (olo <= f.verb < ohi):
            if best is None or abs(f.verb - qhi) < abs(best.verb - qhi):
                best = f
    if best is not None:
        return Anchor(best.cue_start, best.cue_end, best.verb, best.speaker, "quotes.direct_" + best.rule)
    q, text = document.marks[qi], document.text
    tail = text[q.end - 1 : q.end] if q.end > q.start else ""
    post_first = tail in POST_FIRST_ENDINGS or text[q.outer_end : q.outer_end + 1] == ","
    tries = (post_anchor, pre_anchor) if post_first else (pre_anchor, post_anchor)
    for fn in tries:
        anchor = fn(document, qi, by_verb)
        if anchor is not None:
            return anchor
    return None


def _verb_anchor(document: Document, v: Token, rule: str, frames: dict[int, Frame]) -> Anchor | None:
    """A speech cue next to a marked quote (weak and thought cues do not attach quotes by position)."""
    entry, particle = document.verb_cue(v)
    if entry is None or entry.strength != "core" or entry.cls == "thought":
        return None
    f = frames.get(v.i)
    if f is not None:
        return Anchor(f.cue_start, f.cue_end, f.verb, f.speaker, rule)
    speaker, _ = find_speaker(v)
    end = (particle.i if particle is not None else v.i) + 1
    return Anchor(v.i, end, v.i, speaker.i if speaker is not None else None, rule)


def _np_head(doc: Doc, lo: int, hi: int) -> Token | None:
    """The head of the first noun phrase in tokens ``[lo, hi)``: a name, pronoun or noun."""
    for i in range(lo, hi):
        t = doc[i]
        if t.pos_ in ("PROPN", "NOUN", "PRON") and not t.is_punct:
            # climb within the window to the phrase head
            h = t
            while h.head.i != h.i and lo <= h.head.i < hi and h.dep_ in ("compound", "flat", "amod", "poss", "nmod"):
                h = h.head
            return h
    return None


def post_anchor(lay: Document, qi: int, frames: dict[int, Frame]) -> Anchor | None:
    """A cue right after the closing mark: ``"...," said X`` / ``"...," X said`` / ``"..." — X``."""
    doc = lay.doc
    _, _, _, ohi = lay.spans[qi]
    if ohi >= len(doc):
        return None
    _, p_end = lay.paragraph_span(ohi - 1)
    next_open = lay.spans[qi + 1][2] if qi + 1 < len(lay.spans) else len(doc)
    end = min(p_end, next_open, ohi + POST_WINDOW, len(doc))
    i = ohi
    while i < end and doc[i].is_space:
        i += 1
    if i >= end:
        return None
    if doc[i].text in DASHES:
        head = _np_head(doc, i + 1, min(end, i + 8))
        if head is not None and head.pos_ in ("PROPN", "NOUN"):
            return Anchor(i, i + 1, i, head.i, "quotes.direct_dash")
    for j in range(i, end):
        t = doc[j]
        if t.text in SENTENCE_END and j > i:
            break
        if lay.quoted[j]:
            break
        if t.lower_ == "according" and j + 1 < end and doc[j + 1].lower_ == "to":
            src = first_child(doc[j + 1], ("pobj",))
            if src is not None:
                return Anchor(j, j + 2, j, src.i, "quotes.direct_according_to")
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
            a = _verb_anchor(lay, t, "quotes.direct_post_cue", frames)
            if a is not None and _own_complement(lay, frames.get(t.i)):
                return None  # '..." The network said it would ...': the cue has a complement of its own
            if a is not None:
                if a.speaker is None:
                    head = _np_head(doc, j + 1, min(end, j + 8))
                    if head is not None:
                        a = Anchor(a.cue_start, a.cue_end, a.verb, head.i, a.rule)
                return a
            if t.dep_ not in ("aux", "auxpass") and t.pos_ == "VERB":
                break  # another verb first: the sentence goes on about something else
    return None


def _own_complement(lay: Document, f: Frame | None) -> bool:
    """Whether a cue after a closing mark governs a clause of its own, outside quotation marks, after it."""
    if f is None or f.content is None or f.rule not in ("ccomp", "noun_cue"):
        return False
    lo, hi = f.content
    return lo > f.verb and hi - lo >= 3 and not all(lay.quoted[i] for i in range(lo, hi))


def pre_anchor(lay: Document, qi: int, frames: dict[int, Frame]) -> Anchor | None:
    """A cue right before the opening mark: ``X said: "..."`` / ``X told reporters, "..."`` / ``X: "..."``."""
    doc = lay.doc
    _, _, olo, _ = lay.spans[qi]
    if olo <= 0:
        return None
    p_start, _ = lay.paragraph_span(olo)
    prev_close = lay.spans[qi - 1][3] if qi > 0 else 0
    start = max(p_start, prev_close, olo - PRE_WINDOW)
    j = olo - 1
    while j >= start and doc[j].is_space:
        j -= 1
    if j < start:
        return None
    before = doc[j]
    for k in range(j, start - 1, -1):
        t = doc[k]
        if t.text in SENTENCE_END:
            break
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
            a = _verb_anchor(lay, t, "quotes.direct_pre_cue", frames)
            if a is not None:
                entry, _ = lay.verb_cue(t)
                qlo, qhi, _, _ = lay.spans[qi]
                words = sum(1 for x in doc[qlo:qhi] if not x.is_punct)
                if before.text in (":", ",") and entry is not None and entry.cls != "call":
                    return a
                if (before.i == t.i or before.i == a.cue_end - 1 or before.lower_ == "that") and words >= 3 and entry is not None and entry.cls == "speech":
                    return a
                return None
            if t.dep_ not in ("aux", "auxpass"):
                break
    if before.pos_ == "PROPN" and j - start <= 8:
        # a caption-like lead: "Harbour County Prosecutor Lena Marsh "..." without the colon
        seg = [doc[k] for k in range(start, j + 1) if not doc[k].is_space]
        if seg and (seg[0].i == p_start or doc[seg[0].i - 1].text in SENTENCE_END or doc[seg[0].i - 1].is_space):
            roots = [x for x in seg if not (start <= x.head.i <= j) or x.head.i == x.i]
            if len(roots) == 1 and roots[0].pos_ == "PROPN" and roots[0].ent_type_ == "PERSON":
                return Anchor(olo, olo, olo, roots[0].i, "quotes.direct_name_lead")
    if before.text == ":":
        head = _np_head(doc, start, j)
        if head is not None and head.pos_ in ("PROPN", "NOUN") and j - start <= 8:
            return Anchor(j, j + 1, j, head.i, "quotes.direct_colon")
    return None
