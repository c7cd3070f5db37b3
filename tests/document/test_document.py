"""The document layer: paired marks, paragraphs, sentences, noise lines and cue tokens, with the real model."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.nlp import parse

TEXT = (
    '"The harbour will stay closed," the port authority said, "until the storm has passed."\n'
    "Story continues below\n"
    '"We have moved every ship to the inner basin. The crews are safe.\n'
    '"The cranes will be checked on Monday," the harbour master added. Fishermen were told to wait.\n'
    "(Photo: Lena Marsh/Harbour Gazette)"
)


@pytest.fixture(scope="module")
def document() -> Document:
    return Document.build(parse(TEXT))


def _tokens(document: Document, flags: list[bool]) -> str:
    return " ".join(t.text for t in document.doc if flags[t.i] and not t.is_space)


def _mark_texts(document: Document) -> list[str]:
    return [document.text[q.start : q.end] for q in document.marks]


def test_document_split_quote_is_two_marked_quotes(document):
    texts = _mark_texts(document)
    assert texts[0] == "The harbour will stay closed,"
    assert texts[1] == "until the storm has passed."


def test_document_quote_spanning_paragraphs_continues(document):
    running = next(q for q in document.marks if document.text[q.start : q.end].startswith("We have moved"))
    assert running.close_mark is None and running.continues
    nxt = document.marks[document.marks.index(running) + 1]
    assert nxt.continued and document.text[nxt.start : nxt.end].startswith("The cranes will be checked")


def test_document_quoted_tokens_are_the_marked_contents(document):
    quoted = _tokens(document, document.quoted)
    assert "harbour will stay closed" in quoted and "storm has passed" in quoted
    assert "port authority" not in quoted and "Fishermen" not in quoted


def test_document_spans_bound_each_marked_quote(document):
    lo, hi, olo, ohi = document.spans[1]
    doc = document.doc
    assert doc[lo].text == "until" and doc[hi - 1].text == "."
    assert olo == lo - 1 and ohi == hi + 1 and doc[olo].text == '"'


def test_document_noise_lines_are_furniture(document):
    noise = _tokens(document, document.noise)
    assert "Story continues below" in noise and "Lena Marsh" in noise
    assert "closed" not in noise and "Fishermen" not in noise


def test_document_paragraphs_are_lines(document):
    assert len(document.paragraphs) == 5
    doc = document.doc
    fishermen = next(t for t in doc if t.text == "Fishermen")
    assert document.paragraph_of(fishermen.i) == 3
    a, b = document.paragraph_span(fishermen.i)
    assert doc[a].text == '"' and doc[b - 1].text == "."
    start, end = document.paragraph_chars(3)
    assert document.text[start:end].endswith("told to wait.")
    assert document.token_at(start) == a


def test_document_sentence_index_of_each_token(document):
    doc = document.doc
    assert document.sent_of == [next(si for si, s in enumerate(doc.sents) if s.start <= t.i < s.end) for t in doc]
    wait = next(t for t in doc if t.text == "wait")
    assert document.sent_of[wait.i] > document.sent_of[0]
    assert document.sent_of[wait.i] == document.sent_of[next(t for t in doc if t.text == "Fishermen").i]


def test_document_cue_tokens_are_computed_once(document):
    doc = document.doc
    said = next(t for t in doc if t.text == "said")
    entry, particle = document.verb_cue(said)
    assert entry is not None and entry.cue == "say" and particle is None
    ship = next(t for t in doc if t.text == "ship")
    assert document.verb_cue(ship) == (None, None)


def test_document_particle_cue_and_cue_noun():
    document = Document.build(parse("The minister pointed out in a statement that the port was open."))
    doc = document.doc
    pointed = next(t for t in doc if t.text == "pointed")
    entry, particle = document.verb_cue(pointed)
    assert entry is not None and entry.cue == "point out" and particle is not None and particle.text == "out"
    statement = next(t for t in doc if t.text == "statement")
    assert statement.i in document.cue_nouns and pointed.i not in document.cue_nouns


def test_document_link_line_is_found_from_any_character():
    document = Document.build(parse("The talks resumed.\nREAD MORE: Ceasefire holds in the north\nThe envoy left."))
    text = document.text
    assert document.link_line(text.index("Ceasefire"))
    assert not document.link_line(text.index("envoy"))
