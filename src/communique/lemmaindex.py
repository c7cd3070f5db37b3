"""The model's rule lemmatizer, asked once per distinct word form, part of speech and morphology.

spaCy's rule lemmatizer is a pure function of a token's text, coarse part of speech and morphology
(it caches on exactly these), but it walks the doc token by token in Python to look each one up.
``IndexedLemmas`` reads those three attributes of every token as arrays, asks the lemmatizer itself
once for each combination not seen before (through the first token that has it), and writes every
lemma back in one array operation: the same lemmas as the lemmatizer's own ``__call__``, including
its rule of leaving a lemma already set (by the attribute rules) alone unless ``overwrite`` is on.
Only for spaCy's ``Lemmatizer`` in ``rule`` mode; ``IndexedLemmas.of`` answers None otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


class IndexedLemmas:
    """Lemmas of ``lemmatizer`` (spaCy's rule lemmatizer), memoised by text, part of speech and morphology."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}  # (ORTH, POS, MORPH) -> LEMMA hash

    @classmethod
    def of(cls, lemmatizer: Any) -> IndexedLemmas | None:
        from spacy.pipeline import Lemmatizer

        if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
            return cls(lemmatizer)
        return None

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        lem = self.lemmatizer
        if not lem._validated:
            lem._validate_tables()
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        rows = arr.tolist()
        memo, strings = self.memo, doc.vocab.strings
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if not lem.overwrite and lemma != 0:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = memo[key] = strings.add(lem.lemmatize(doc[i])[0])
            lemmas.append(found)
        arr[:, 3] = lemmas
        doc.from_array([LEMMA], arr[:, 3:4])  # type: ignore[arg-type]
        return doc
