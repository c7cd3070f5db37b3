"""The document layer: what every stage reads about an article, computed once per article.

``Document.build(doc)`` (``layout.py``) pairs the quotation marks (``marks.py``), finds the paragraphs,
the sentence of each token, the noise lines and the attribution cue words (``cues.py``). ``actors``,
``quotes`` and ``events`` all take a ``Document``; none of them imports another stage to learn these.
"""

from communique.document.layout import NOISE_LINE, Document, MarkedQuote

__all__ = ["NOISE_LINE", "Document", "MarkedQuote"]
