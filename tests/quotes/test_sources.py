"""Who can be a source, and what is no report: shares of people, plural nouns, attitudes, time clauses."""

from __future__ import annotations

from tests.quotes.helpers import quote_with


def test_source_share_of_respondents_can_speak(analyse):
    a = analyse("In the survey, 58 percent said the new tax would hurt small businesses in the region.")
    q = quote_with(a, "the new tax would hurt small businesses")
    assert q.kind == "indirect"


def test_source_plural_people_nouns_can_speak(analyse):
    a = analyse("Developers say the zoning rules have slowed housing construction across the valley.")
    q = quote_with(a, "the zoning rules have slowed housing")
    assert q.speaker_mention is not None and q.speaker_mention.text == "Developers"


def test_source_attitude_noun_cannot_speak(analyse):
    a = analyse("A common belief says the cold snap comes from a warming Arctic and a weaker jet stream.")
    assert not any("cold snap" in q.text for q in a.quotes)


def test_source_time_clause_after_said_no_is_not_what_was_said(analyse):
    a = analyse("The governor shrugged and said no when journalists asked whether the vote would be delayed until June.")
    assert not any(q.text.startswith("when journalists asked") for q in a.quotes)
