"""Clock times and parts of the day, and the day they fall on.

The reference date is Friday 22 March 2013 (ISO week 2013-W12), as in the other time tests.
"""

from __future__ import annotations

import pytest

from tests.times.helpers import found


def test_times_clock_time_followed_by_a_date_is_on_that_date():
    got = found("The offer expires at 5 p.m. EST Nov. 9.")
    assert got["5 p.m. EST"] == ("TIME", "2013-11-09T17")
    got = found("The polls closed at 8 p.m. on March 3.")
    assert got["8 p.m."] == ("TIME", "2013-03-03T20")


def test_times_oclock_followed_by_this_afternoon_is_in_the_afternoon():
    assert found("The plan should be ready by 6 o'clock this afternoon.")["6 o'clock"] == ("TIME", "2013-03-22T18:00")


def test_times_clock_with_local_time_and_weekday_is_on_that_weekday():
    assert found("The two leaders met at 10:30 a.m. local time on Thursday.")["10:30 a.m. local time on Thursday"] == (
        "TIME", "2013-03-21T10:30")


def test_times_high_noon_is_not_a_clock_time():
    assert "noon" not in found("For Poland, high noon comes today.")


def test_times_part_of_day_alone_is_on_the_narrative_day():
    got = found("Police arrived on Thursday. In the afternoon, protesters gathered.")
    assert got["the afternoon"] == ("TIME", "2013-03-21TAF")
    assert found("Officials met in mid-afternoon.")["mid-afternoon"] == ("TIME", "2013-03-22TAF")


def test_times_part_of_day_naming_a_session_or_an_event_is_not_a_time():
    assert found("Stocks rose in the morning session.") == {}
    assert found("The morning was quiet.") == {}


def test_times_part_of_day_before_a_noun_is_a_modifier_not_a_time():
    assert found("He will issue a chart in the morning meetings.") == {}


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("Police arrived on Thursday. The next morning, protesters gathered.", "The next morning", "2013-03-22TMO"),
    ("Police arrived on March 3. The previous evening, crowds had gathered.", "The previous evening", "2013-03-02TEV"),
])
def test_times_next_or_previous_part_of_day_is_next_to_the_narrative_day(text, expr, value):
    assert found(text)[expr] == ("TIME", value)


def test_times_hour_in_the_morning_is_a_clock_time():
    assert found("The convoy will set off at 4 in the morning.")["4 in the morning"] == ("TIME", "2013-03-22T04:00")
    assert found("He was one in the morning crowd.") == {}
