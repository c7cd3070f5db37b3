"""Embedded posts: a social-media post quoted whole in the page is its author's own words."""

from __future__ import annotations

import re

from communique.doctext import text_of
from communique.quotes.draft import Draft, Work

RULE = "quotes.embedded_post"
EMBED_TAIL = re.compile(
    r"(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)\s*[\u2014\u2013-]+\s*([^()\n]{2,60}?)\s*\(@\w+\)[^\n]{0,40}$"
)
TRAILING_HASHTAGS = re.compile(r"(?:\s*#\w+)+$")
MIN_POST_WORDS = 4


def embedded_posts(work: Work) -> None:
    """A paragraph ending "pic.twitter.com/x — Name (@handle) date" is a direct quote of Name: the text
    before the link, without trailing hashtags; the dash is its cue.

    Example: "Roads are closed until noon. pic.twitter.com/Ab12 — Harbour Power (@harbourpower) May 2,
    2019" -> direct "Roads are closed until noon." by Harbour Power. A paragraph that overlaps an earlier
    quote, opens with a quotation mark or has fewer than four words before the link is left alone.
    """
    for d in _posts(work):
        if not work.overlaps(d.start, d.end):
            work.drafts.append(d)


def _posts(work: Work) -> list[Draft]:
    doc, lay = work.doc, work.document
    text = text_of(doc)
    out: list[Draft] = []
    for pi, (a, b) in enumerate(lay.para_bounds):
        if b <= a:
            continue
        p0, p1 = lay.paragraph_chars(pi)
        m = EMBED_TAIL.search(text, p0, p1)
        if m is None or m.end() != p1:
            continue
        body = TRAILING_HASHTAGS.sub("", text[p0 : m.start()].rstrip()).rstrip()
        if len(body.split()) < MIN_POST_WORDS or any(lay.quoted[i] for i in range(a, min(a + 2, b))):
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        dash = lay.token_at(text.rfind(" ", 0, m.start(1) - 1) + 1) if m.start(1) > 1 else None
        if name is None:
            continue
        head = next((t for t in reversed(name) if t.pos_ in ("PROPN", "NOUN")), None)
        if head is None:
            continue
        cue = (dash, dash + 1) if dash is not None and doc[dash].text.strip("\u2014\u2013-") == "" else None
        d = Draft("direct", p0, p0 + len(body), head.i, cue, None, RULE)
        d.mention = (m.start(1), m.end(1))
        out.append(d)
    return out
