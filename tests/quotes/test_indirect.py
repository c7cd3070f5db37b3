"""Indirect quotes: reporting verbs with a clause, according to, parentheticals, noun cues."""

from __future__ import annotations

import pytest

from tests.quotes.helpers import quote_with, speaker_name


@pytest.mark.parametrize(
    "verb", ["said", "told reporters", "insisted", "warned", "denied", "revealed", "claimed", "added"]
)
def test_indirect_reporting_verbs_with_that_clause(analyse, verb):
    a = analyse(f"Sergei Lavrov {verb} that Moscow would not withdraw its troops from the region.")
    q = quote_with(a, "Moscow would not withdraw")
    assert q.kind == "indirect"
    assert speaker_name(a, q) == "Sergei Lavrov"
    assert q.cue is not None and q.cue.text.startswith(verb.split()[0])


def test_indirect_without_that(analyse):
    a = analyse("Kim said in his New Year's speech he was ready to meet Trump any time.")
    q = quote_with(a, "he was ready to meet Trump")
    assert q.kind == "indirect" and speaker_name(a, q) == "Kim"


def test_indirect_content_before_the_cue(analyse):
    a = analyse("The ceasefire would hold through the weekend, the Egyptian foreign ministry said.")
    q = quote_with(a, "ceasefire would hold")
    assert q.kind == "indirect"
    assert q.speaker_mention is not None and q.speaker_mention.text == "the Egyptian foreign ministry"


def test_indirect_according_to(analyse):
    a = analyse("According to Israeli officials, the strikes will continue until the hostages are freed.")
    q = quote_with(a, "strikes will continue")
    assert q.cue is not None and q.cue.text == "According to"
    assert speaker_name(a, q) == "Israeli officials"


def test_indirect_trailing_according_to(analyse):
    a = analyse("The convoy was hit twice near Rafah, according to the U.N. relief agency.")
    q = quote_with(a, "convoy was hit twice")
    assert q.cue is not None and q.cue.text == "according to"


def test_indirect_parenthetical_cue(analyse):
    a = analyse("Fatima Hassan met the mediators on Monday. The talks, she said, would resume in Doha next week.")
    q = quote_with(a, "would resume in Doha")
    assert speaker_name(a, q) == "Fatima Hassan"
    assert "she said" not in q.text.split(",")[0]


def test_indirect_noun_cue_in_a_statement(analyse):
    a = analyse("The Turkish defence ministry said in a statement that two soldiers had been killed.")
    q = quote_with(a, "two soldiers had been killed")
    assert q.kind == "indirect"
    assert q.speaker is not None


def test_indirect_participle_is_a_second_quote_by_the_same_speaker(analyse):
    a = analyse("Brian Gallant announced that he would step down as leader, saying the party needs to move on.")
    first = quote_with(a, "he would step down")
    second = quote_with(a, "the party needs to move on")
    assert "saying" not in first.text
    assert first.speaker == second.speaker


def test_indirect_negated_cue_is_no_quote(analyse):
    a = analyse("The minister did not say whether the embassy would reopen.")
    assert not a.quotes
