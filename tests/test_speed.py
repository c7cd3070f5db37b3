"""The speed-ups of the pipeline change nothing: indexed attribute rules and lemmas, the cached doc text."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA, MORPH, POS, TAG

from communique import nlp
from communique.doctext import text_of
from communique.lemmaindex import IndexedLemmas
from communique.rulesindex import IndexedRules

TEXTS = [
    # contractions, negations, "gets"/"got", expletive "there", pronoun cases, auxiliaries
    "There's no deal yet, and the envoy says he isn't going back to Cairo until the guns fall silent.",
    "“We didn't ask them for anything,” she told us. “They got what they wanted and y'all know it.”",
    "I'd have thought they'd've signed by now; it's nothin' new, but you can't rush a truce.",
    "The ministers were meeting in Doha on Tuesday, where there are talks planned for next week.",
    "He gets angry when asked whether Ankara will send troops: 'not now', an aide said.\n\nREAD MORE:  x",
    "",
    "   \n\n  ",
]


@pytest.mark.parametrize("text", TEXTS)
def test_speed_indexed_attribute_rules_annotate_exactly_as_spacys_ruler(text: str) -> None:
    model = nlp.load()
    assert "communique_attribute_rules" in model.pipe_names and "attribute_ruler" not in model.pipe_names
    ruler = model.get_pipe("attribute_ruler")
    indexed = IndexedRules.of(ruler)  # type: ignore[arg-type]
    assert indexed is not None
    with model.select_pipes(enable=["tok2vec", "tagger", "communique_paragraphs", "parser"]):
        doc = model(text)
    copy = doc.copy()
    assert indexed.match(doc) == sorted(set(ruler.match(doc)))
    ruler(doc)
    indexed(copy)
    attrs = [POS, MORPH, LEMMA, TAG]
    assert doc.to_array(attrs).tolist() == copy.to_array(attrs).tolist()


def test_speed_full_pipeline_annotates_exactly_as_spacys_own_components() -> None:
    model = nlp.load()
    assert "communique_lemmas" in model.pipe_names and "lemmatizer" not in model.pipe_names
    text = " ".join(TEXTS) + " Rebels seized two towns; the envoys were meeting, and talks broke down."
    ours = model(text)
    ours_again = model(text)  # the second time every lemma comes from the memo
    with model.select_pipes(disable=["communique_attribute_rules", "communique_lemmas"]):
        model.enable_pipe("attribute_ruler")
        model.enable_pipe("lemmatizer")
        try:
            theirs = model(text)
        finally:
            model.disable_pipe("attribute_ruler")
            model.disable_pipe("lemmatizer")
    rows = [[(t.pos_, str(t.morph), t.lemma_) for t in d] for d in (ours, ours_again, theirs)]
    assert rows[0] == rows[1] == rows[2]
    lemmas = {t.text: t.lemma_ for t in ours}
    assert lemmas["seized"] == "seize" and lemmas["towns"] == "town" and lemmas["were"] == "be"


def test_speed_lemmas_only_for_spacys_rule_lemmatizer() -> None:
    assert IndexedLemmas.of(nlp.load().get_pipe("lemmatizer")) is not None
    assert IndexedLemmas.of(nlp.load().get_pipe("ner")) is None


def test_speed_the_index_stays_the_same_across_docs() -> None:
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.load().vocab)
    ruler.add([[{"LOWER": "truce"}]], {"LEMMA": "truce"})
    ruler.add([[{"LOWER": {"REGEX": "^tru"}}]], {"LEMMA": "tru"})  # filed per doc, beside the exact rule
    indexed = IndexedRules.of(ruler)
    assert indexed is not None
    before = [{k: list(v) for k, v in f.items()} for f in indexed.filed]
    for text in ("The truce held.", "A truce, then a true truce.", "Truce talks."):
        doc = nlp.load().make_doc(text)
        assert indexed.match(doc) == sorted(set(ruler.match(doc)))
    assert [{k: list(v) for k, v in f.items()} for f in indexed.filed] == before


def test_speed_a_pattern_the_index_cannot_answer_keeps_spacys_ruler() -> None:
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.load().vocab)
    ruler.add([[{"LOWER": "truce", "OP": "+"}]], {"LEMMA": "truce"})
    assert IndexedRules.of(ruler) is None
    ruler = AttributeRuler(nlp.load().vocab)
    ruler.add([[{"LOWER": {"REGEX": "^cease"}}, {"TAG": "NN"}]], {"LEMMA": "x"})
    assert IndexedRules.of(ruler) is not None


@pytest.mark.parametrize("text", ["Talks resumed on Monday.", "A\n\nB  c ", "“Yes,” he said.  "])
def test_speed_text_of_is_the_docs_text_and_follows_a_changed_doc(text: str) -> None:
    doc = nlp.load()(text)
    assert text_of(doc) == doc.text == text
    assert text_of(doc) is text_of(doc)  # joined once
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    assert text_of(doc) == doc.text


def test_speed_numpy_blas_parses_exactly_as_spacys_blis() -> None:
    """The model's matrix products go through numpy's BLAS on one thread, and every annotation of the
    demo corpus is the same as with thinc's default (blis) over the same weights."""
    from threadpoolctl import threadpool_info

    from communique.ingest import read_inputs
    from communique.records import Article

    model = nlp.load()
    assert {type(node.ops).__name__ + str(getattr(node.ops, "use_blis", "")) for node in nlp.model_nodes(model)} == \
        {"NumpyOpsFalse"}
    # numpy's own BLAS, the one thinc's NumpyOps multiplies with (scipy, loaded later by scikit-learn,
    # brings a BLAS of its own that the parse never calls)
    numpy_blas = [p for p in threadpool_info() if p["user_api"] == "blas" and "numpy" in p["filepath"]]
    assert numpy_blas and all(p["num_threads"] == 1 for p in numpy_blas)
    blis = nlp.plain()
    assert all(getattr(node.ops, "use_blis", False) for node in nlp.model_nodes(blis))
    texts = [a.text for a in read_inputs("demo/corpus") if isinstance(a, Article)]
    assert len(texts) >= 10
    names = ("tok2vec", "tagger", "parser", "ner")
    with model.select_pipes(enable=list(names)), blis.select_pipes(enable=list(names)):
        for ours, theirs in zip(model.pipe(texts), blis.pipe(texts), strict=True):
            assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in ours] == \
                   [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in theirs]
