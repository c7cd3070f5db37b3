"""The speed-ups of the pipeline change nothing: indexed attribute rules, the cached doc text."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA, MORPH, POS, TAG

from communique import nlp
from communique.doctext import text_of
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


def test_speed_full_pipeline_gives_the_same_parts_of_speech_as_spacys_ruler() -> None:
    model = nlp.load()
    text = " ".join(TEXTS)
    ours = model(text)
    with model.select_pipes(disable=["communique_attribute_rules"]):
        model.enable_pipe("attribute_ruler")
        try:
            theirs = model(text)
        finally:
            model.disable_pipe("attribute_ruler")
    assert [(t.pos_, str(t.morph), t.lemma_) for t in ours] == [(t.pos_, str(t.morph), t.lemma_) for t in theirs]
    assert any(t.pos_ == "AUX" for t in ours) and any(t.lemma_ == "get" for t in ours)


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
