"""The document layer: what every stage reads about an article, computed once per article.

``Document.build(doc)`` pairs the quotation marks (``marks``), finds the paragraphs, the sentence of
each token, the noise lines (scraped furniture such as "Story continues below" or a photo credit in
parentheses) and holds the attribution cue lexicon (``cues``) with the tokens that are cues
(``cue_verbs``, ``cue_nouns``). ``actors``, ``quotes`` and ``events`` all take a ``Document``; none of
them imports another stage to learn these facts.

Token-level views (lists indexed by ``token.i``):
- ``quoted[i]``: token ``i`` lies inside the content of a marked quote;
- ``noise[i]``: token ``i`` lies on a noise line;
- ``sent_of[i]``: the index of the sentence of token ``i``;
- ``para_tok[i]``: the index of the paragraph of token ``i``.

Paragraphs are lines (``paragraphs`` holds their character bounds, ``para_bounds`` their token bounds);
``paragraph_span``, ``paragraph_chars`` and ``token_at`` answer the questions stages ask of them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique import data
from communique.doctext import text_of
from communique.document.cues import Cue, Lexicon, verb_cue
from communique.document.cues import lexicon as cue_lexicon
from communique.document.marks import MarkedQuote, find_quotes, paragraphs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["NOISE_LINE", "Document", "MarkedQuote"]

NOISE_LINE = re.compile(
    r"^\s*(?:story continues below|article continued below|read more|watch|related|advertisement|listen)\b"
    r"|\(\s*[^()]*/[^()]*\)\s*$",
    re.I,
)


@functools.cache
def _link_line() -> re.Pattern[str]:
    """A line that opens with a link label and a colon ("READ MORE: ...", "WATCH: ...")."""
    labels = sorted(data.words("document.link_labels"), key=lambda w: (-len(w), w))
    return re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in labels) + r")\s*:", re.I)


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
    _text: str | None = None
    cue_verbs: dict[int, tuple[Cue, int | None]] = field(default_factory=dict)
    cue_nouns: frozenset[int] = frozenset()

    @classmethod
    def build(cls, doc: Doc) -> Document:
        """Every layout fact of ``doc``, computed once."""
        text = text_of(doc)
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
        d._index_cues()
        return d

    @property
    def text(self) -> str:
        """The article text, read once (spaCy's ``Doc.text`` joins every token on each call)."""
        if self._text is None:
            self._text = text_of(self.doc)
        return self._text

    def _index_chars(self) -> None:
        """``char_tok[c]``: the token holding character ``c``; whitespace maps to the next token."""
        n = len(self.text)
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
            a, b = self.char_tok[lo], min(self.char_tok[max(lo, hi - 1)] + 1, len(self.doc))
            self.para_bounds.append((a, b))
            for i in range(a, b):
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

    def _index_cues(self) -> None:
        """``cue_verbs[i]``: the cue entry (and particle token) of verb ``i``; ``cue_nouns``: tokens whose
        lemma is a cue noun ("statement", "interview")."""
        nouns: set[int] = set()
        for t in self.doc:
            entry, particle = verb_cue(t, self.cues)
            if entry is not None:
                self.cue_verbs[t.i] = (entry, particle.i if particle is not None else None)
            if t.lemma_.lower() in self.cues.nouns:
                nouns.add(t.i)
        self.cue_nouns = frozenset(nouns)

    def verb_cue(self, token: Token) -> tuple[Cue | None, Token | None]:
        """The cue entry of verb ``token`` and its particle token ("pointed out"), or ``(None, None)``."""
        hit = self.cue_verbs.get(token.i)
        if hit is None:
            return None, None
        entry, particle = hit
        return entry, self.doc[particle] if particle is not None else None

    def paragraph_of(self, token: int) -> int:
        """The index of the paragraph that holds token ``token``."""
        return self.para_tok[min(token, len(self.doc) - 1)] if len(self.doc) else 0

    def paragraph_span(self, token: int) -> tuple[int, int]:
        """Token bounds ``[start, end)`` of the paragraph that holds token ``token``."""
        if not self.para_bounds:
            return 0, len(self.doc)
        return self.para_bounds[self.paragraph_of(token)]

    def paragraph_chars(self, para: int) -> tuple[int, int]:
        """Character bounds of paragraph ``para``, from its first token's start to its last token's end."""
        a, b = self.para_bounds[para]
        last = self.doc[b - 1]
        return self.doc[a].idx, last.idx + len(last.text)

    def token_at(self, char: int) -> int:
        """The token that holds character ``char`` (whitespace: the next token)."""
        return self.char_tok[min(char, len(self.char_tok) - 1)]

    def link_line(self, char: int) -> bool:
        """Whether character ``char`` lies on a link line left by scraping ("READ MORE: ...")."""
        line_start = self.text.rfind("\n", 0, char) + 1
        return bool(_link_line().match(self.text, line_start))
