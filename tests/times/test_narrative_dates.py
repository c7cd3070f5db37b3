"""Expressions dated by the story's own date: "the day after", "the next day", "that same day".

The reference date is Friday 22 March 2013 (ISO week 2013-W12), as in the other time tests.
"""

from __future__ import annotations

from tests.times.helpers import found


def test_times_day_after_a_named_day_is_the_next_day():
    got = found("The day after Monday's debate, the campaign raised $10 million.")
    assert got["The day after"] == ("DATE", "2013-03-19")
    assert got["Monday's"] == ("DATE", "2013-03-18")


def test_times_day_before_a_dated_hearing_is_the_previous_day():
    assert found("The day before the March 12 hearing, he left.")["The day before"] == ("DATE", "2013-03-11")
    assert found("The week before Christmas, prices rose.")["The week before"] == ("DATE", "2012-W51")


def test_times_the_next_day_after_a_weekday_is_the_day_after_it():
    got = found("He arrived on Monday. The next day he left.")
    assert got["The next day"] == ("DATE", "2013-03-19")


def test_times_the_following_day_after_a_bare_year_is_a_day_of_that_year():
    got = found("The treaty was signed in 2010. The following day, protests began.")
    assert got["The following day"] == ("DATE", "2010-XX-XX")


def test_times_anchored_day_in_a_present_clause_is_not_in_an_earlier_storys_year():
    got = found("The war began in 1994. Candidates campaign hard the day before voters head to the polls.")
    assert got["the day before"] == ("DATE", "2013-XX-XX")
    got = found("The war began in 1994. The day before, the army had mobilised.")
    assert got["The day before"] == ("DATE", "1994-XX-XX")


def test_times_anchored_day_on_a_nominal_event_keeps_the_narratives_year():
    got = found("He was jailed in 1998. His record includes beating his mother the night before his graduation.")
    assert got["the night before"] == ("TIME", "1998-XX-XXTNI")


def test_times_that_same_day_is_the_narrative_day():
    assert found("Police arrived on March 3. That same day, protesters gathered.")["That same day"] == (
        "DATE", "2013-03-03")
