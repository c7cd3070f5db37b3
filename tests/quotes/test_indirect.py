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
    a = analyse("Okafor said in her budget speech she was willing to meet the unions at any time.")
    q = quote_with(a, "she was willing to meet the unions")
    assert q.kind == "indirect" and speaker_name(a, q) == "Okafor"


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
    a = analyse("Turkey's defence ministry said in a statement that two soldiers had been killed.")
    q = quote_with(a, "two soldiers had been killed")
    assert q.kind == "indirect"
    assert q.speaker is not None


def test_indirect_participle_is_a_second_quote_by_the_same_speaker(analyse):
    a = analyse("Paul Brennan announced that he would step down as leader, saying the party needs to move on.")
    first = quote_with(a, "he would step down")
    second = quote_with(a, "the party needs to move on")
    assert "saying" not in first.text
    assert first.speaker == second.speaker


def test_indirect_negated_cue_is_no_quote(analyse):
    a = analyse("The minister did not say whether the embassy would reopen.")
    assert not a.quotes


def test_indirect_report_inside_a_report_is_a_second_attribution(analyse):
    a = analyse(
        "Okafor says the mayor promised to keep the library open and said she would fight the cuts in council."
    )
    outer = quote_with(a, "the mayor promised")
    assert outer.speaker_mention is not None and outer.speaker_mention.text == "Okafor"
    inner = next(q for q in a.quotes if q.text.startswith("she would fight the cuts"))
    assert inner.speaker_mention is not None and inner.speaker_mention.text == "the mayor"


def test_indirect_accusation_holds_the_accused_and_the_charge(analyse):
    a = analyse("Teodora Vasquez accused the regional government of hiding the report from farmers.")
    q = quote_with(a, "the regional government of hiding the report")
    assert q.kind == "indirect" and speaker_name(a, q) == "Teodora Vasquez"


def test_indirect_cue_span_holds_auxiliaries_adverbs_and_a_colon(analyse):
    a = analyse("The governor has also said that the bridge will reopen before the winter storms arrive.")
    q = quote_with(a, "the bridge will reopen")
    assert q.cue is not None and q.cue.text == "has also said"
    b = analyse("The mayor added: “We will not raise taxes on families who are already struggling.”")
    q = quote_with(b, "We will not raise taxes")
    assert q.cue is not None and q.cue.text == "added:"


def test_indirect_according_to_mid_sentence_takes_the_longer_side(analyse):
    a = analyse(
        "The poorest households would see their bills rise by as much as 12 percent, according to the "
        "Resolution Institute, double what the ministry projected."
    )
    q = quote_with(a, "bills rise by as much as 12 percent")
    assert q.text.startswith("The poorest households")
    assert "double what" not in q.text


def test_indirect_content_leaves_out_a_trailing_relative_clause_and_citing(analyse):
    a = analyse(
        "Okonjo said she expects the governor to recover from the infection, which forced him to cancel a trip."
    )
    q = quote_with(a, "she expects the governor to recover")
    assert "forced him" not in q.text
    b = analyse("Analysts said rising prices have hurt the party's standing, citing three recent polls.")
    q = quote_with(b, "rising prices have hurt")
    assert "citing" not in q.text


def test_indirect_calling_something_a_name_quotes_its_speaker(analyse):
    a = analyse("Councillor Aaron Fry now calls his vote on the tax a rookie mistake.")
    q = quote_with(a, "a rookie mistake")
    assert (speaker_name(a, q) or "").endswith("Aaron Fry")


def test_indirect_thing_called_by_a_name_is_no_quote(analyse):
    a = analyse("The ministers argued over a militant group called Jaish al-Nasr at the meeting in Vienna.")
    assert not any("Jaish" in q.text for q in a.quotes)


def test_indirect_cue_at_sentence_end_reports_the_whole_sentence_before_it(analyse):
    a = analyse(
        "The mayor had asked the police for an escort, but the chief refused the request, the aide added."
    )
    q = next(q for q in a.quotes if q.speaker_mention is not None and q.speaker_mention.text == "the aide")
    assert q.text.startswith("The mayor had asked") and q.text.endswith("refused the request")


def test_indirect_particle_speech_verbs_are_cues(analyse):
    a = analyse("The paramedics' union tweeted out that only two ambulances were available in the whole city.")
    q = quote_with(a, "only two ambulances were available")
    assert q.cue is not None and q.cue.text.startswith("tweeted out")
