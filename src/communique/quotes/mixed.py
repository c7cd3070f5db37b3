"""Mixed quotes: a reported clause with words in quotation marks, or a label in quotation marks."""

from __future__ import annotations

from communique.document import Document
from communique.quotes.draft import Work, frame_draft


def mixed_frames(work: Work) -> None:
    """A frame whose content holds marked quotes is one mixed quote, running to the last closing mark.

    Example: 'Lavrov said Moscow was "open to dialogue" with Washington.' -> mixed "Moscow was "open to
    dialogue" with Washington", provenance ``quotes.mixed_<frame rule>``. A frame whose content lies
    inside one marked quote is left for ``direct_marks``.
    """
    spans = work.document.spans
    for fi, f in enumerate(work.frames):
        if f.content is None or f.speaker is None:
            continue
        lo, hi = f.content
        if any(lo >= qlo - 1 and hi <= qhi + 1 and qhi > qlo for qlo, qhi, _, _ in spans):
            continue
        inside = [qi for qi, (qlo, _, olo, _) in enumerate(spans) if lo <= olo and qlo < hi]
        if inside:
            end = max([hi] + [spans[qi][3] for qi in inside])
            work.drafts.append(frame_draft(work.doc, "mixed", lo, end, f, "quotes.mixed_" + f.rule))
            work.used_frames.add(fi)
            work.mark_taken.update(inside)


def clause_start(document: Document, qi: int) -> int | None:
    """First word of the sentence marked quote ``qi`` sits in, when two or more words of it precede the
    opening mark in the same paragraph ('The plan is "dead on arrival," the senator said.': The)."""
    doc = document.doc
    _, _, olo, _ = document.spans[qi]
    p_start, _ = document.paragraph_span(olo)
    prev_close = document.spans[qi - 1][3] if qi > 0 else 0
    k = olo - 1
    first = None
    words = 0
    while k >= max(p_start, prev_close):
        t = doc[k]
        if t.text in (".", "!", "?", ":") or t.is_space:
            break
        if not t.is_punct:
            words += 1
            first = k
        k -= 1
    return first if words >= 2 else None
