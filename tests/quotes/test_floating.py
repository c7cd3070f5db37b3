"""Floating quotes: a quote paragraph with no cue takes the speaker of the quote before it."""

from __future__ import annotations

from tests.quotes.helpers import quote_with, speaker_name


def test_quotes_floating_paragraph_inherits_previous_speaker(analyse):
    text = (
        '"The blockade must end," UN envoy Martin Griffiths said on Tuesday.\n\n'
        '"Every day without aid costs lives in Gaza."\n\n'
        "Israel's army did not comment."
    )
    a = analyse(text)
    q = quote_with(a, "Every day without aid")
    assert q.cue is None and q.speaker_mention is None
    assert speaker_name(a, q) == "Martin Griffiths"


def test_quotes_floating_scare_quote_in_a_sentence_is_no_quote(analyse):
    a = analyse('The so-called "peace plan" was published on Friday in Washington.')
    assert not a.quotes


def test_quotes_headline_in_single_marks_is_no_quote(analyse):
    a = analyse("'A line in the sand'\n\nThe army moved its tanks to the border on Friday.")
    assert not a.quotes


def test_quotes_floating_follows_the_person_the_narrative_turned_to(analyse):
    a = analyse(
        "“We wanted a choreographer who takes risks,” said artistic director Paolo Benedetti.\n\n"
        "Marisol Quintero did not need much persuading. “I am grateful for the invitation and for the "
        "dancers’ trust in the work.”"
    )
    q = quote_with(a, "I am grateful for the invitation")
    assert speaker_name(a, q) == "Marisol Quintero"


def test_quotes_floating_completing_a_sentence_keeps_the_earlier_speaker(analyse):
    a = analyse(
        "Professor Ruth Abernathy said the minister would try again. The minister “could still win the vote "
        "if she softens the plan and brings the opposition on board before the summer.”"
    )
    q = quote_with(a, "could still win the vote")
    assert speaker_name(a, q) == "Ruth Abernathy"
