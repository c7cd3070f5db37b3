"""Calendar arithmetic at the edges: year ends, ISO weeks, short months, seasons."""

from __future__ import annotations

from datetime import date

import pytest

from communique.times import calendar as cal


def test_calendar_iso_week_belongs_to_its_iso_year():
    assert cal.at(date(2021, 1, 2), "W") == "2020-W53"
    assert cal.at(date(2024, 12, 30), "W") == "2025-W01"


def test_calendar_shift_clips_to_the_end_of_a_short_month():
    assert cal.shift(date(2013, 3, 31), "M", -1) == date(2013, 2, 28)
    assert cal.shift(date(2012, 2, 29), "Y", 1) == date(2013, 2, 28)


@pytest.mark.parametrize(("direction", "expected"), [
    ("past", date(2013, 3, 21)), ("future", date(2013, 3, 28)), ("last", date(2013, 3, 21)),
    ("next", date(2013, 3, 28)), ("this", date(2013, 3, 21)),
])
def test_calendar_weekday_directions_from_a_friday(direction, expected):
    assert cal.weekday_date(date(2013, 3, 22), 4, direction) == expected


def test_calendar_same_weekday_is_today_by_tense_but_a_week_away_for_last_and_next():
    fri = date(2013, 3, 22)
    assert cal.weekday_date(fri, 5, "past") == fri
    assert cal.weekday_date(fri, 5, "future") == fri
    assert cal.weekday_date(fri, 5, "last") == date(2013, 3, 15)
    assert cal.weekday_date(fri, 5, "next") == date(2013, 3, 29)


def test_calendar_month_year_across_the_new_year():
    jan = date(2014, 1, 5)
    assert cal.month_year(jan, 12, "past") == 2013
    assert cal.month_year(jan, 12, "future") == 2014
    assert cal.month_year(jan, 12, "nearest") == 2013
    assert cal.month_year(date(2013, 12, 5), 1, "nearest") == 2014


def test_calendar_season_values():
    spring = date(2013, 3, 22)
    assert cal.season_value(spring, "SU", "last") == "2012-SU"
    assert cal.season_value(spring, "SU", "next") == "2013-SU"
    assert cal.season_value(spring, "SP", "past") == "2013-SP"
    assert cal.season_value(spring, "SP", "last") == "2012-SP"


@pytest.mark.parametrize(("n", "unit", "value"), [
    ("5", "W", "P5W"), ("2", "TH", "PT2H"), ("1", "DE", "P10Y"), ("X", "DE", "PXDE"), ("2", "CE", "P200Y"),
    ("1.5", "Y", "P1.5Y"), ("X", "M", "PXM"), ("1", "F", "P2W"),
])
def test_calendar_duration_values(n, unit, value):
    assert cal.duration(n, unit) == value


def test_calendar_placeholders_by_granularity():
    assert [cal.placeholder(u) for u in ("Y", "M", "W", "D")] == ["XXXX", "XXXX-XX", "XXXX-WXX", "XXXX-XX-XX"]


@pytest.mark.parametrize(
    ("start", "unit", "n", "expected"),
    [
        (date(2024, 1, 31), "M", 1, date(2024, 2, 29)),
        (date(2013, 11, 30), "Q", 1, date(2014, 2, 28)),
        (date(2013, 1, 15), "M", -1, date(2012, 12, 15)),
        (date(2013, 3, 22), "DE", -1, date(2003, 3, 22)),
        (date(2013, 3, 22), "F", 1, date(2013, 4, 5)),
        (date(2013, 3, 22), "TH", -1, date(2013, 3, 21)),
    ],
)
def test_calendar_shift_crosses_years_and_clips_days(start, unit, n, expected):
    assert cal.shift(start, unit, n) == expected


def test_calendar_shift_refuses_an_unknown_unit():
    with pytest.raises(ValueError, match="unknown unit"):
        cal.shift(date(2013, 3, 22), "X", 1)
