"""Calendar words inside names, titles and newspaper names are not temporal expressions.

The reference date is Friday 22 March 2013 (ISO week 2013-W12), as in the other time tests.
"""

from __future__ import annotations

import pytest

from tests.times.helpers import found


@pytest.mark.parametrize("text", [
    "A USA TODAY analysis shows the trend.",
    "The film was released by 20th Century Fox.",
])
def test_times_calendar_words_inside_names_are_not_times(text):
    assert found(text) == {}


@pytest.mark.parametrize("text", [
    "The envoy appeared on Fox News Sunday with its host.",
    "The Sunday Times reported the deal.",
    "The Good Friday Agreement was signed in Belfast.",
    "Black Friday sales rose.",
])
def test_times_weekday_inside_a_title_or_a_named_day_is_not_a_date(text):
    assert found(text) == {}


def test_times_weekday_before_a_sentence_starting_with_a_title_word_is_a_date():
    assert found("He spoke on Sunday. News of the deal spread.")["Sunday"] == ("DATE", "2013-03-17")


@pytest.mark.parametrize("text", [
    "The gazette sells the most copies in Norway, a free daily.",
    "The letter was published in the Communist Party daily Granma.",
])
def test_times_daily_naming_a_newspaper_is_not_a_set(text):
    assert found(text) == {}


def test_times_capitalised_programme_title_is_not_a_relative_week():
    assert found('Baker, speaking on ABC\'s "This Week," said the request was serious.') == {}


def test_times_relative_expression_in_a_title_case_headline_is_kept():
    assert found("Trump Rally Last Week Draws Huge Crowd")["Last Week"] == ("DATE", "2013-W11")
