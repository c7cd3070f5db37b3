"""The document layer: what every stage reads about an article, computed once per article.

``Document.build(doc)`` pairs the quotation marks (``marks``), finds the paragraphs, the sentence of
each token, the noise lines (scraped furniture such as "Story continues below" or a photo credit in
parentheses) and holds the attribution cue lexicon (``cues``). ``actors``, ``quotes`` and ``events`` all
take a ``Document``; none of them imports another stage to learn these facts.

Token-level views (lists indexed by ``token.i``):
- ``quoted[i]``: token ``i`` lies inside the content of a marked quote;
- ``noise[i]``: token ``i`` lies on a noise line;
- ``sent_of[i]``: the index of the sentence of token ``i``;
- ``para_tok[i]``: the index of the paragraph of token ``i``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique.document.cues import Lexicon
from communique.document.cues import lexicon as cue_lexicon
from communique.document.marks import MarkedQuote, find_quotes, paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["NOISE_LINE", "Document", "MarkedQuote"]

NOISE_LINE = re.compile(
    r"^\s*(?:story continues below|article continued below|read more|watch|related|advertisement|listen)\b"
    r"|\(\s*[^()]*/[^()]*\)\s*$",
    re.I,
)


@dataclass(eq=False, slots=True)
class Document:
    """One parsed article with its layout facts; build it with ``Document.build(doc)``.

    ``spans`` holds, for each marked quote in ``marks``, the token bounds ``(lo, hi, outer_lo, outer_hi)``
    of its content and of the content with its marks; ``para_bounds`` the token bounds of each paragraph.
    """

    doc: Doc
    marks: list[MarkedQuote]
    paragraphs: list[tuple[int, int]]
    cues: Lexicon
    char_tok: list[int] = field(default_factory=list)
    para_tok: list[int] = field(default_factory=list)
    para_bounds: list[tuple[int, int]] = field(default_factory=list)
    quoted: list[bool] = field(default_factory=list)
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)
    sent_of: list[int] = field(default_factory=list)
    noise: list[bool] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc) -> Document:
        """Every layout fact of ``doc``, computed once."""
        text = doc.text
        d = cls(doc, find_quotes(text), paragraphs(text), cue_lexicon())
        d._index_chars()
        d._index_paragraphs()
        d._index_quotes()
        d.sent_of = [0] * len(doc)
        for si, sent in enumerate(doc.sents):
            for t in sent:
                d.sent_of[t.i] = si
        d.noise = [False] * len(doc)
        for line in re.finditer(r"[^\n]+", text):
            if NOISE_LINE.search(line.group()):
                noisy = doc.char_span(line.start(), line.end(), alignment_mode="expand")
                for t in noisy if noisy is not None else ():
                    d.noise[t.i] = True
        return d

    @property
    def text(self) -> str:
        return self.doc.text

    def _index_chars(self) -> None:
        """``char_tok[c]``: the token holding character ``c``; whitespace maps to the next token."""
        n = len(self.doc.text)
        self.char_tok = [-1] * (n + 1)
        for t in self.doc:
            for c in range(t.idx, t.idx + len(t.text)):
                self.char_tok[c] = t.i
        last = len(self.doc)
        for c in range(n, -1, -1):
            if self.char_tok[c] == -1:
                self.char_tok[c] = last
            else:
                last = self.char_tok[c]

    def _index_paragraphs(self) -> None:
        self.para_tok = [0] * len(self.doc)
        for pi, (lo, hi) in enumerate(self.paragraphs):
            a, b = self.char_tok[lo], self.char_tok[max(lo, hi - 1)] + 1
            self.para_bounds.append((a, b))
            for i in range(a, min(b, len(self.doc))):
                self.para_tok[i] = pi

    def _index_quotes(self) -> None:
        self.quoted = [False] * len(self.doc)
        for q in self.marks:
            lo = self.char_tok[q.start]
            hi = self.char_tok[q.end - 1] + 1
            olo = self.char_tok[q.outer_start]
            ohi = self.char_tok[q.outer_end - 1] + 1
            self.spans.append((lo, hi, olo, ohi))
            for i in range(lo, min(hi, len(self.doc))):
                self.quoted[i] = True

    def paragraph_of(self, token: int) -> int:
        """The index of the paragraph that holds token ``token``."""
        return self.para_tok[min(token, len(self.doc) - 1)] if len(self.doc) else 0
