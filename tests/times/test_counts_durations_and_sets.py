"""Counts that are not durations, durations joined by "and", and rates that are sets.

The reference date is Friday 22 March 2013 (ISO week 2013-W12), as in the other time tests.
"""

from __future__ import annotations

import pytest

from tests.times.helpers import found


def test_times_year_before_a_period_noun_is_a_year_not_a_count():
    got = found("The company earned $376,000 in the 1988 quarter.")
    assert got == {"1988": ("DATE", "1988")}


def test_times_a_unit_after_a_counted_singular_noun_is_a_rate():
    assert found("The line carried 330,402 barrels of crude a day.")["a day"] == ("SET", "P1D")


def test_times_a_year_later_after_a_sentence_ending_in_a_year_is_a_duration():
    assert found("The deal was signed in 2010. A year later it collapsed.")["A year"] == ("DURATION", "P1Y")


def test_times_money_a_year_from_the_public_is_a_rate():
    assert found("Clubs that collect more than $40,000 a year in dues must publish accounts.")["a year"] == (
        "SET", "P1Y")


def test_times_plural_weekday_is_a_weekly_set():
    assert found("Protests are held on Sundays.")["Sundays"] == ("SET", "XXXX-WXX-7")


def test_times_on_weekends_is_a_set_but_weekends_as_a_subject_is_not_a_time():
    assert found("The shop is closed on weekends.")["weekends"] == ("SET", "XXXX-WXX-WE")
    assert found("Weekends are busy.") == {}


def test_times_compound_number_written_with_a_space_is_one_count():
    assert found("In the last twenty four hours, stocks fell.")["the last twenty four hours"] == ("DURATION", "PT24H")


def test_times_count_with_more_before_the_unit_is_a_duration():
    assert found("The project will take at least five more years.")["five more years"] == ("DURATION", "P5Y")
    assert found("Negotiations could last several more weeks.")["several more weeks"] == ("DURATION", "PXW")


def test_times_daily_as_a_frequency_is_a_set():
    assert found("The shares are traded daily.")["daily"] == ("SET", "XXXX-XX-XX")


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The mission will be reviewed in three years and five months.", "three years and five months", "P3Y5M"),
    ("The rocket reached orbit after nine minutes and 41 seconds.", "nine minutes and 41 seconds", "PT9M41S"),
    ("The flight took 2 hours and 30 minutes.", "2 hours and 30 minutes", "PT2H30M"),
])
def test_times_durations_joined_by_and_are_one_duration(text, expr, value):
    assert found(text)[expr] == ("DURATION", value)


def test_times_durations_of_separate_clauses_stay_apart():
    got = found("The talks lasted two days and the truce held three weeks.")
    assert got["two days"] == ("DURATION", "P2D") and got["three weeks"] == ("DURATION", "P3W")


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("More talks are expected in the days ahead.", "days", "PXD"),
    ("More talks are expected in the weeks to come.", "weeks", "PXW"),
    ("In the years since, the town has recovered.", "years", "PXY"),
])
def test_times_plural_unit_ahead_or_since_is_a_vague_duration(text, expr, value):
    assert found(text)[expr] == ("DURATION", value)


@pytest.mark.parametrize("text", ["He scored 2013 points this season.", "The bill won 1999 votes to 200."])
def test_times_year_like_count_before_a_plural_noun_after_a_verb_is_a_count(text):
    assert "2013" not in found(text) and "1999" not in found(text)


def test_times_year_before_a_plural_noun_after_a_preposition_is_a_year():
    assert found("Republicans lost seats in 2016 elections.")["2016"] == ("DATE", "2016")


def test_times_a_week_or_so_ago_is_last_week():
    assert found("Then, a week or so ago, the general flew in.")["a week or so ago"] == ("DATE", "2013-W11")


def test_times_unit_and_a_half_is_one_duration():
    assert found("He served a year and a half in prison.")["a year and a half"] == ("DURATION", "P1.5Y")
