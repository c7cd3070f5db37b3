"""What the quote rules pass along: draft quotes, and the stage's working state for one article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique.records import QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from communique.document import Document
    from communique.quotes.frames import Frame
    from communique.quotes.speakers import SpeakerIndex


@dataclass
class Draft:
    """A quote before its speaker is turned into an actor id; ``start``/``end`` are characters."""

    kind: QuoteKind
    start: int
    end: int
    speaker_tok: int | None
    cue: tuple[int, int] | None  # tokens
    verb: int | None
    rule: str
    mark: int | None = None  # index of the marked quote, for direct ones
    actor: str | None = None
    inherited: bool = False
    mention: tuple[int, int] | None = None  # characters of the speaker mention, where the parse can't give it


def frame_draft(doc: Doc, kind: QuoteKind, lo: int, hi: int, f: Frame, rule: str) -> Draft:
    """A draft of tokens ``[lo, hi)`` attributed by frame ``f``."""
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
    return Draft(kind, start, end, f.speaker, (f.cue_start, f.cue_end), f.verb, rule)


@dataclass(eq=False)
class Work:
    """The quote stage's state for one article: the frames, and the drafts each rule adds or drops.

    ``used_frames`` (indices into ``frames``) and ``mark_taken`` (indices into ``document.marks``) say
    what an earlier rule has already turned into a quote; ``floating`` holds the marked quotes that no
    rule attributed, for ``inherit_floating``.
    """

    document: Document
    frames: list[Frame]
    index: SpeakerIndex
    drafts: list[Draft] = field(default_factory=list)
    used_frames: set[int] = field(default_factory=set)
    mark_taken: set[int] = field(default_factory=set)
    floating: list[Draft] = field(default_factory=list)

    @property
    def doc(self) -> Doc:
        return self.document.doc

    def overlaps(self, start: int, end: int) -> bool:
        """Whether characters ``[start, end)`` overlap a draft already made."""
        return any(d.start < end and start < d.end for d in self.drafts)
