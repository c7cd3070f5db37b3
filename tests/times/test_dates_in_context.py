"""Dates placed by the words around them: relative years, weekdays, quarters, ordinal days, seasons.

The reference date is Friday 22 March 2013 (ISO week 2013-W12), as in the other time tests.
"""

from __future__ import annotations

import pytest

from tests.times.helpers import found


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The truce was agreed in May last year.", "May last year", "2012-05"),
    ("The campaign began on June 16 last year.", "June 16 last year", "2012-06-16"),
    ("The leaders promised a reform plan by March of next year.", "March of next year", "2014-03"),
    ("The fund was set up on 3 February this year.", "3 February this year", "2013-02-03"),
])
def test_times_month_or_day_with_a_relative_year_takes_that_year(text, expr, value):
    assert found(text)[expr] == ("DATE", value)


def test_times_relative_year_without_publication_date_keeps_a_placeholder():
    assert found("The truce was agreed in May last year.", None)["May last year"] == ("DATE", "XXXX-05")


def test_times_possessive_weekday_in_a_present_clause_is_past():
    assert found("The impact of Monday's debate is still small.")["Monday's"] == ("DATE", "2013-03-18")
    assert found("The move follows Tuesday's announcement by Ford.")["Tuesday's"] == ("DATE", "2013-03-19")


def test_times_possessive_weekday_ahead_of_is_future():
    assert found("Both campaigns are preparing ahead of Monday's debate.")["Monday's"] == ("DATE", "2013-03-25")


def test_times_weekday_after_since_is_past_in_any_clause():
    assert found("Shares have gained 4% since Tuesday.")["Tuesday"] == ("DATE", "2013-03-19")


def test_times_last_quarter_is_the_previous_quarter():
    assert found("Growth slowed last quarter.", "2013-08-10")["last quarter"] == ("DATE", "2013-Q2")


def test_times_the_last_quarter_of_a_year_is_its_fourth():
    assert found("Sales fell in the last quarter of 2012.")["the last quarter of 2012"] == ("DATE", "2012-Q4")


def test_times_quarter_just_ended_stays_in_its_year_in_a_future_clause():
    got = found("The airline said its third-quarter revenue will likely fall.", "2013-10-15")
    assert got["third-quarter"] == ("DATE", "2013-Q3")


def test_times_possessive_weekend_is_dated():
    assert found("The weekend's protests were violent.")["The weekend"] == ("DATE", "2013-W11-WE")


def test_times_weekday_does_not_pull_a_past_year_story_onto_the_publication_week():
    text = "In August 2012 the firm collapsed. Call me Sunday night, he wrote the day before he vanished."
    assert found(text)["the day before"][1].startswith("2012")


def test_times_ordinal_day_takes_the_month_of_the_narrative():
    got = found("The first meeting was on March 3 and the second on the 15th.")
    assert got["the 15th"] == ("DATE", "2013-03-15")


def test_times_ordinal_day_without_a_narrative_is_in_the_publication_month():
    assert found("The vote was held on the 15th.")["the 15th"] == ("DATE", "2013-03-15")


def test_times_ordinal_floor_or_round_is_not_a_day():
    assert found("He lives on the 15th floor.") == {}


def test_times_this_past_weekday_is_the_last_one():
    assert found("The report came out this past Monday.")["this past Monday"] == ("DATE", "2013-03-18")


def test_times_holiday_tagged_as_an_event_is_still_a_date():
    assert found("Tensions rose on New Year's Day.")["New Year's Day"] == ("DATE", "2013-01-01")


def test_times_last_week_of_a_month_is_not_the_week_before_publication():
    got = found("Sales fell in the last week of March.")
    assert "the last week" not in got and got["March"] == ("DATE", "2013-03")


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The rule could take effect as early as next year's first quarter.", "first quarter", "2014-Q1"),
    ("The unit earned $22.5 million in the year-ago third quarter.", "third quarter", "2012-Q3"),
    ("Sales in 2011's fourth quarter rose.", "fourth quarter", "2011-Q4"),
])
def test_times_quarter_owned_by_a_year_is_in_that_year(text, expr, value):
    assert found(text)[expr] == ("DATE", value)


def test_times_last_or_next_before_a_month_and_day_sets_the_direction():
    assert found("He was shot last Oct. 23 at his home.")["last Oct. 23"] == ("DATE", "2012-10-23")
    assert found("The vote is due next March 5.")["next March 5"] == ("DATE", "2014-03-05")


def test_times_this_past_season_is_the_last_one():
    assert found("The company sold the unit this past summer.")["this past summer"] == ("DATE", "2012-SU")


def test_times_bare_season_before_a_noun_classifies_it():
    assert found("Farmers clear their fields for winter wheat.") == {}
    assert found("Prices rose in summer.")["summer"] == ("DATE", "2012-SU")
