"""Labels that speak: a headline's "Name: statement" and a transcript's "NAME: words"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from communique import data
from communique.quotes.draft import Draft, Work

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.quotes.speakers import SpeakerIndex

HEADLINE_RULE = "quotes.headline"
TRANSCRIPT_RULE = "quotes.transcript"
TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]{2,})?):\s+")
HYPHENS = ("-", "\u2010", "\u2011")
MAX_LABEL_WORDS = 4
MIN_STATEMENT_WORDS = 3


def headline_attributions(work: Work) -> None:
    """A one-line paragraph "Name: statement" (a headline's attribution): the name says the statement,
    the colon is the cue; provenance ``quotes.headline``.

    Example: "Okonjo-Iweala: Trade rules need to change before the summit." The label is one to four
    capitalised nouns naming a person, an organisation or a document, not a label such as "WATCH"; the
    statement has a verb and three words or more.
    """
    doc, lay = work.doc, work.document
    named = {t.lower_ for t in doc if t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN"}
    for a, b in lay.para_bounds:
        colon = next((i for i in range(a, min(a + 6, b)) if doc[i].text == ":"), None)
        if colon is None or colon == a or "\n" in lay.text[doc[a].idx : doc[b - 1].idx]:
            continue
        label = [t for t in doc[a:colon] if not t.is_space and t.text not in HYPHENS]  # "Okonjo-Iweala"
        rest = [t for t in doc[colon + 1 : b] if not t.is_space]
        if not _speaking_label(label, named) or lay.quoted[colon] or (rest and lay.quoted[rest[0].i]):
            continue
        words = [t for t in rest if not t.is_punct]
        if len(words) < MIN_STATEMENT_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in rest):
            continue
        end_tok = rest[-1] if rest[-1].text not in (".", ":") else rest[-2]
        start, end = rest[0].idx, end_tok.idx + len(end_tok.text)
        if not work.overlaps(start, end):
            work.drafts.append(Draft("indirect", start, end, label[-1].i, (colon, colon + 1), colon, HEADLINE_RULE))


def _speaking_label(label: list[Token], named: set[str]) -> bool:
    """Whether the words before a headline's colon name someone who can speak."""
    if not label or len(label) > MAX_LABEL_WORDS:
        return False
    if not all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in label):
        return False
    if any(t.lower_ in data.words("quotes.headline_labels") for t in label):
        return False
    head = label[-1]
    return head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or head.lower_ in named or head.lemma_.lower() in data.words("quotes.text_sources")


def transcript_labels(work: Work) -> None:
    """A transcript line inside a quote ("OKAFOR: Well, look, ..."): the capitalised label speaks the
    rest, the colon is its cue; provenance ``quotes.transcript``.

    Example: '"REILLY: Senator, we are out of time."' -> "Senator, we are out of time." by Reilly.
    """
    for d in work.drafts:
        _transcript_label(work, d)


def _transcript_label(work: Work, d: Draft) -> None:
    doc = work.doc
    m = TRANSCRIPT_LABEL.match(work.document.text, d.start, d.end)
    if m is None or m.end() >= d.end:
        return
    label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
    if label is None or colon is None or len(label) > 3:
        return
    head = label[-1]
    d.start = m.end()
    d.speaker_tok = head.i
    d.inherited = False
    d.cue = (colon.start, colon.end)
    d.verb = None
    d.actor = named_actor(work.index, head) or work.index.resolve(head)
    d.rule = TRANSCRIPT_RULE


def named_actor(index: SpeakerIndex, head: Token) -> str | None:
    """The one person or organisation of the article whose name holds the label word ``head``."""
    found = [
        a.id for a in index.actors
        if a.type in ("person", "organization") and head.lower_ in a.name.lower().replace("-", " ").split()
    ]
    return found[0] if len(found) == 1 else None
