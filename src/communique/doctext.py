"""The text of a parsed doc, joined once per doc.

spaCy's ``Doc.text`` joins every token's text on each call, so a rule that reads a few characters
around a token through ``doc.text`` costs a pass over the whole article each time: quadratic in the
article's length once it runs per time expression or per quote. ``text_of(doc)`` joins once and keeps
the string in ``doc.user_data``; no stage retokenizes a doc, so the string never goes stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_KEY = "communique.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, computed on the first call for ``doc`` and kept with it."""
    text = doc.user_data.get(_KEY)
    if text is None or len(text) != _length(doc):
        text = doc.text
        doc.user_data[_KEY] = text
    return text


def _length(doc: Doc) -> int:
    """Characters of ``doc``: the end of its last token with its trailing whitespace (O(1))."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)
