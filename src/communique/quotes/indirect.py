"""Indirect quotes: frames left over with a clausal content outside any marked quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique import data
from communique.quotes.draft import Draft, Work, frame_draft
from communique.quotes.frames import Frame

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from communique.document.cues import Lexicon

MIN_INDIRECT_TOKENS = 3
RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose"})
# frame rules that report no words of the speaker: "called for the release"
WORDLESS_RULES = ("call_for",)


def indirect_frames(work: Work) -> None:
    """A frame no direct or mixed quote used, with a content of three tokens or more, is an indirect
    quote of its source; provenance ``quotes.indirect_<frame rule>``.

    Example: "The minister said that the border would reopen on Monday." The content ends before a
    participle cue of its own (``_cut_nested``) and before the writer's additions (``_trim_tail``). Weak
    cues (beliefs, findings), "called for X" and short labels are no quotes without quotation marks; a
    content overlapping an earlier quote is dropped unless one lies inside the other (``_nested``).
    """
    doc, lay = work.doc, work.document
    for fi, f in enumerate(work.frames):
        if fi in work.used_frames or f.content is None or f.speaker is None:
            continue
        lo, hi = _cut_nested(doc, f, work.frames)
        hi = _trim_tail(doc, lo, hi, lay.cues)
        if hi - lo < MIN_INDIRECT_TOKENS or not _reports_words(f):
            continue
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        if any(d.start < end and start < d.end and not _nested(d.start, d.end, start, end) for d in work.drafts):
            continue
        if any(lay.quoted[i] for i in range(lo, hi)):
            continue
        work.drafts.append(frame_draft(doc, "indirect", lo, hi, f, "quotes.indirect_" + f.rule))


def _reports_words(f: Frame) -> bool:
    """Whether a frame reports what its source said: not a belief or a finding (weak cue), not "called
    for the release", not a one-word label ("what they call ...")."""
    if f.entry is not None and f.entry.strength == "weak":
        return False
    if f.rule in WORDLESS_RULES:
        return False
    return not (f.rule == "call_label" and f.content is not None and f.content[1] - f.content[0] < 2)


def adverbial_content(doc: Doc, d: Draft) -> bool:
    """Whether an indirect content is an adverbial clause of its cue ("said no when reporters asked ...")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or not len(span) or d.verb is None:
        return False
    first = span[0]
    return first.lower_ in data.words("quotes.adverbial_openers") and first.head.head.i == d.verb


def _trim_tail(doc: Doc, lo: int, hi: int, lex: Lexicon) -> int:
    """End of an indirect content without the writer's additions set off by a comma at its end: a
    relative clause (", which forced her to leave"), an appositive (", the presumed favourite") or a
    participle of another cue (", citing the strategic location")."""
    while hi - lo > MIN_INDIRECT_TOKENS:
        cut = None
        for k in range(hi - 1, lo + 1, -1):
            if doc[k - 1].text != ",":
                continue
            t = doc[k]
            node = next((x for x in doc[k:hi] if x.left_edge.i == k and x.right_edge.i >= hi - 1 and x.head.i < k), None)
            if node is None:
                continue
            if node.dep_ == "relcl" and t.lower_ in RELATIVE_WORDS:
                cut = k - 1
            elif node.dep_ == "appos" and node.pos_ in ("NOUN", "PROPN", "ADJ"):
                cut = k - 1
            elif node.tag_ == "VBG" and node.dep_ in ("advcl", "xcomp", "conj") and lex.verb(node.lemma_.lower()) is not None:
                cut = k - 1
            break
        if cut is None or cut - lo < MIN_INDIRECT_TOKENS:
            return hi
        hi = cut
    return hi


def _nested(s0: int, e0: int, s1: int, e1: int) -> bool:
    """One span strictly inside the other: a reported speech inside a report ("X says Y promised ... and
    said she would ..."), two attributions, each with its own source."""
    return (s0 <= s1 and e1 <= e0 and (s0, e0) != (s1, e1)) or (s1 <= s0 and e0 <= e1 and (s0, e0) != (s1, e1))


def _cut_nested(doc: Doc, f: Frame, frames: list[Frame]) -> tuple[int, int]:
    """A content that runs into a participle cue of its own ("..., saying the party needs to move on")
    ends before it: the participle is a second quote by the same speaker."""
    assert f.content is not None
    lo, hi = f.content
    for g in frames:
        if g is f or g.content is None or not (lo < g.verb < hi):
            continue
        v = doc[g.verb]
        if v.tag_ == "VBG" and v.dep_ in ("advcl", "conj", "xcomp") and g.content[1] <= hi:
            cut = v.left_edge.i
            while cut > lo and (doc[cut - 1].is_punct or doc[cut - 1].lower_ in ("and", "while")):
                cut -= 1
            hi = min(hi, cut)
    return lo, hi
