"""Temporal expressions found in running text and normalised TimeML-style against the publication date.

The reference date in most tests is Friday 22 March 2013 (ISO week 2013-W12).
"""

from __future__ import annotations

import pytest

from communique.nlp import parse
from communique.times import extract_times

FRI = "2013-03-22"


def times(text: str, published: str | None = FRI) -> dict[str, str]:
    return {t.text: t.value for t in extract_times(parse(text), published)}


def one(text: str, expr: str, published: str | None = FRI) -> tuple[str, str]:
    found = {t.text: (t.type, t.value) for t in extract_times(parse(text), published)}
    assert expr in found, found
    return found[expr]


# explicit dates
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The accord was signed on Aug. 14, 2021 in Doha.", "Aug. 14, 2021", "2021-08-14"),
    ("The accord was signed on 14 August 2021 in Doha.", "14 August 2021", "2021-08-14"),
    ("Elections were held in October 2019.", "October 2019", "2019-10"),
    ("The blockade began in 2008.", "2008", "2008"),
    ("The report is dated 2013-03-21.", "2013-03-21", "2013-03-21"),
    ("The memo dated 3/14/2012 was leaked.", "3/14/2012", "2012-03-14"),
])
def test_times_explicit_dates_with_a_year(text, expr, value):
    assert one(text, expr) == ("DATE", value)


def test_times_date_without_year_takes_the_publication_year_in_a_past_clause():
    assert one("The envoy arrived in Kyiv on March 3.", "March 3") == ("DATE", "2013-03-03")


def test_times_date_without_year_after_publication_in_a_past_clause_is_last_year():
    assert one("The envoy arrived in Kyiv on Dec. 3.", "Dec. 3") == ("DATE", "2012-12-03")


def test_times_date_without_year_in_a_future_clause_looks_forward():
    assert one("The envoy will return on Feb. 3.", "Feb. 3") == ("DATE", "2014-02-03")


def test_times_month_alone_follows_the_clause_tense():
    assert times("Rebels took the city in August.")["August"] == "2012-08"
    assert times("Rebels will hold elections in August.")["August"] == "2013-08"


def test_times_may_the_modal_and_a_person_named_april_are_not_months():
    found = times("Talks may resume soon, April Ryan said.")
    assert "May" not in found and "April" not in found and not found


# weekdays by tense
def test_times_weekday_in_a_past_clause_is_the_most_recent_one():
    assert times("The minister resigned on Tuesday.")["Tuesday"] == "2013-03-19"


def test_times_weekday_equal_to_the_publication_day_is_that_day():
    assert times("Officials said Friday the border was closed.")["Friday"] == FRI


def test_times_weekday_in_a_future_clause_is_the_next_one():
    assert times("The talks will resume on Tuesday.")["Tuesday"] == "2013-03-26"
    assert times("The delegation is expected to arrive on Monday.")["Monday"] == "2013-03-25"


def test_times_last_and_next_weekday_are_strictly_before_and_after():
    found = times("He left last Friday and comes back next Friday.")
    assert found["last Friday"] == "2013-03-15"
    assert found["next Friday"] == "2013-03-29"


def test_times_weekday_with_part_of_day_is_a_time():
    assert one("Shelling resumed on Thursday night.", "Thursday night") == ("TIME", "2013-03-21TNI")


# relative expressions
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("Turnout fell last year.", "last year", "2012"),
    ("Turnout fell last month.", "last month", "2013-02"),
    ("Turnout fell last week.", "last week", "2013-W11"),
    ("The town fell two weeks ago.", "two weeks ago", "2013-W10"),
    ("The town fell four years ago.", "four years ago", "2009"),
    ("The town fell three days ago.", "three days ago", "2013-03-19"),
    ("The town fell yesterday.", "yesterday", "2013-03-21"),
    ("Earlier this month the town fell.", "Earlier this month", "2013-03"),
    ("The summit opens next week.", "next week", "2013-W13"),
    ("The summit opens next month.", "next month", "2013-04"),
    ("Talks are held this week.", "this week", "2013-W12"),
    ("The ceasefire starts tomorrow.", "tomorrow", "2013-03-23"),
    ("The ceasefire starts today.", "today", "2013-03-22"),
])
def test_times_relative_expressions_anchor_on_the_publication_date(text, expr, value):
    assert one(text, expr)[1] == value


def test_times_the_past_year_is_a_duration_but_last_year_a_date():
    found = {t.text: (t.type, t.value) for t in extract_times(parse("The past year was worse than last year."), FRI)}
    assert found["The past year"] == ("DURATION", "P1Y")
    assert found["last year"] == ("DATE", "2012")


def test_times_the_last_week_is_the_previous_week():
    assert times("Six deaths were reported in the last week.")["the last week"] == "2013-W11"


def test_times_relative_time_of_day():
    assert one("Sirens sounded this morning.", "this morning") == ("TIME", "2013-03-22TMO")
    assert one("Sirens sounded last night.", "last night") == ("TIME", "2013-03-21TNI")
    assert one("The vote is tonight.", "tonight") == ("TIME", "2013-03-22TNI")


# seasons, quarters, decades, centuries, parts of day, clock times
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("He was accused last summer.", "last summer", "2012-SU"),
    ("Talks resume this spring.", "this spring", "2013-SP"),
    ("Exports fell in the first quarter of 2012.", "the first quarter of 2012", "2012-Q1"),
    ("Exports fell in the fourth quarter.", "the fourth quarter", "2012-Q4"),
    ("The war raged through the 1990s.", "the 1990s", "199"),
    ("The war raged through the '80s.", "the '80s", "198"),
    ("Women were rare for much of the 20th century.", "the 20th century", "19"),
    ("Growth slowed in the first half of 2012.", "the first half of 2012", "2012-H1"),
])
def test_times_seasons_quarters_decades_and_centuries(text, expr, value):
    assert one(text, expr)[1] == value


def test_times_clock_times_take_the_day_they_name():
    assert one("The match was postponed until 15:00 GMT Saturday.", "15:00 GMT Saturday") == ("TIME", "2013-03-23T15:00")
    assert one("The curfew starts at 8 p.m. tonight.", "8 p.m. tonight")[1] == "2013-03-22T20"
    assert one("The curfew starts at 8 PM.", "8 PM")[1] == "2013-03-22T20"


def test_times_the_fall_of_a_city_and_the_prague_spring_are_not_seasons():
    assert times("After the fall of Kabul, the Prague Spring was recalled.") == {}


# durations
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The siege lasted five weeks.", "five weeks", "P5W"),
    ("The army began a three-day offensive.", "a three-day", "P3D"),
    ("It was the worst flood in a decade.", "a decade", "P10Y"),
    ("He was jailed for 90 days.", "90 days", "P90D"),
    ("Talks lasted two hours.", "two hours", "PT2H"),
    ("Over the past two years, prices doubled.", "the past two years", "P2Y"),
    ("The past several months were hard.", "The past several months", "PXM"),
    ("Illness has spread in recent weeks.", "recent weeks", "PXW"),
    ("The companies resisted for years.", "years", "PXY"),
    ("The fighting lasted half an hour.", "half an hour", "PT30M"),
    ("Output will surge over the next decade.", "the next decade", "P10Y"),
])
def test_times_durations(text, expr, value):
    assert one(text, expr) == ("DURATION", value)


def test_times_ages_are_not_durations():
    assert times("The 48-year-old man and children ages 6 months and older were released.") == {}


def test_times_duration_before_an_event_is_kept_relative_to_it():
    ts = extract_times(parse("The army attacked two months after the talks collapsed."), FRI)
    (t,) = ts
    assert (t.text, t.type, t.value) == ("two months", "DURATION", "P2M")
    assert t.anchor == "after the talks collapsed"


# vague references and sets
@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The rebels recently withdrew.", "recently", "PAST_REF"),
    ("Twenty senators now serve.", "now", "PRESENT_REF"),
    ("Talks may resume in the future.", "the future", "FUTURE_REF"),
    ("Troops currently hold the bridge.", "currently", "PRESENT_REF"),
])
def test_times_vague_references(text, expr, value):
    assert one(text, expr) == ("DATE", value)


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("The envoys meet every week.", "every week", "P1W"),
    ("She checked the air every morning.", "every morning", "XXXX-XX-XXTMO"),
    ("The committee spends billions annually.", "annually", "XXXX"),
    ("Inspectors visit twice a year.", "twice a year", "P1Y"),
    ("Protesters gather every Monday.", "every Monday", "XXXX-WXX-1"),
])
def test_times_sets(text, expr, value):
    assert one(text, expr) == ("SET", value)


# no publication date: placeholders, never today's date
def test_times_without_publication_date_relative_expressions_keep_placeholders():
    found = times("The envoy arrived on March 3 and left on Thursday; last year and yesterday too.", None)
    assert found["March 3"] == "XXXX-03-03"
    assert found["Thursday"] == "XXXX-WXX-4"
    assert found["last year"] == "XXXX"
    assert found["yesterday"] == "XXXX-XX-XX"


def test_times_without_publication_date_absolute_dates_stay_absolute():
    assert times("The blockade began in May 2010.", None)["May 2010"] == "2010-05"


# numbers that are not years
def test_times_counts_and_labels_are_not_years():
    found = times("Some 2000 people marched under Resolution 2254 in 2015.")
    assert found == {"2015": "2015"}


def test_times_year_range_gives_two_years():
    found = times("The pandemic of 2009-2010 killed 348 children.")
    assert found == {"2009": "2009", "2010": "2010"}


def test_times_every_record_has_offsets_into_the_text_and_a_provenance():
    text = "On Friday, March 22, 2013, the minister said talks would resume next week."
    for t in extract_times(parse(text), FRI):
        assert text[t.start:t.end] == t.text
        assert t.provenance.startswith("times.")


# regressions found on news text
def test_times_counts_with_thousands_separators_are_durations_not_clock_times():
    assert one("The leagues bought 1,000 hours of ice time.", "1,000 hours") == ("DURATION", "PT1000H")


def test_times_a_game_clock_is_not_a_time_of_day():
    assert times("Hamilton scored at 6:40 of the second period.") == {}


def test_times_bare_clock_time_after_at_is_a_time():
    assert one("The session opened at 14:30.", "14:30") == ("TIME", "2013-03-22T14:30")


def test_times_the_next_day_follows_the_narrative_date():
    found = times("The envoy arrived on March 3, and the next day he met the president.")
    assert found["the next day"] == "2013-03-04"


def test_times_the_day_before_keeps_the_narrative_year_only():
    ts = extract_times(parse("Police arrested him in August. He had fled the day before his trial."), FRI)
    last = ts[-1]
    assert (last.text, last.value) == ("the day before", "2012-XX-XX")
    assert last.anchor == "before his trial"


def test_times_now_and_then_and_now_that_are_not_the_present():
    assert times("Every now and then he calls. Now that the war is over, they rest.") == {}


def test_times_a_month_before_a_name_after_a_preposition_is_a_month():
    assert times("In August Merkel visited the flooded towns.")["August"] == "2012-08"


def test_times_a_quarter_of_something_is_a_fraction():
    assert times("Less than a quarter of the donors gave again.") == {}


def test_times_calendar_words_inside_names_are_not_expressions():
    assert times("Mr. Okafor told Harbour Radio Daily that USA Today was wrong.") == {}


def test_times_holidays_take_their_fixed_date():
    assert one("The truce was agreed on Christmas Eve.", "Christmas Eve") == ("DATE", "2012-12-24")


def test_times_weekend_after_a_preposition():
    assert one("Protests erupted over the weekend.", "the weekend") == ("DATE", "2013-W11-WE")


def test_times_last_as_a_verb_is_not_a_relative_date():
    found = {t.text: (t.type, t.value) for t in extract_times(parse("The fighting could last weeks."), FRI)}
    assert found == {"weeks": ("DURATION", "PXW")}


def test_times_scheduled_date_in_a_past_clause_looks_forward():
    assert times("The vote, set for March 30, was delayed.", "2013-03-13")["March 30"] == "2013-03-30"


def test_times_day_ranges_are_one_expression_dated_by_their_first_day():
    assert times("Ministers met on March 5-6.")["March 5-6"] == "2013-03-05"


def test_times_today_in_a_comparison_is_the_present_not_the_day():
    assert times("Problems will be solved faster than can be done today.")["today"] == "PRESENT_REF"


def test_times_recurring_months_and_parts_of_weekdays_are_sets():
    assert one("Every September the rebels regroup.", "Every September") == ("SET", "XXXX-09")
    assert one("They drill on Monday afternoons.", "Monday afternoons") == ("SET", "XXXX-WXX-1TAF")


def test_times_end_of_the_year_takes_the_year_just_named_in_a_past_narrative():
    found = times("The season started in early December and peaked by the end of the year.")
    assert found["early December"] == "2012-12"
    assert found["the end of the year"] == "2012"


def test_times_end_of_the_month_far_from_any_date_is_the_publication_month():
    text = "Rebels took the town in July. " + "Fighting went on. " * 20 + "Mediators hoped to free them before the end of the month."
    assert times(text)["the end of the month"] == "2013-03"


def test_times_a_clock_time_takes_the_day_named_just_before_it():
    found = times("The vote is Tuesday at noon. On March 3, around 9 p.m., shells fell.")
    assert found["noon"] == "2013-03-26T12:00"
    assert found["9 p.m."] == "2013-03-03T21"


def test_times_oclock_and_every_other():
    assert one("They met at five o'clock in the afternoon.", "five o'clock in the afternoon") == ("TIME", "2013-03-22T17:00")
    assert one("The guards change every other day.", "every other day") == ("SET", "P2D")


def test_times_weekday_of_a_present_tense_report_looks_back():
    found = times("The ministry says Thursday that the talks failed. Officials say the talks resume Monday.")
    assert found["Thursday"] == "2013-03-21"
    assert found["Monday"] == "2013-03-25"


def test_times_date_without_year_or_verb_takes_the_nearer_occurrence():
    found = times("Key dates: the May 17 deadline, the December vote.")
    assert found["May 17"] == "2013-05-17"
    assert found["December"] == "2012-12"


def test_times_a_day_of_a_named_month_keeps_the_day_unknown():
    found = times("Her induction that January day in 2011 was memorable.")
    assert found["January day"] == "2011-01-XX"
    assert found["2011"] == "2011"


def test_times_at_the_end_of_the_day_is_an_idiom():
    assert times("At the end of the day, voters decide.") == {}


def test_times_three_quarters_is_a_fraction():
    assert times("Support is as high as three-quarters in Missouri.") == {}


def test_times_durations_with_halves():
    found = times("He spent 2 1/2 years in jail and 5½ months abroad.")
    assert found == {"2 1/2 years": "P2.5Y", "5½ months": "P5.5M"}


def test_times_a_unit_after_a_counted_plural_is_a_frequency():
    found = {t.text: t.type for t in extract_times(parse("The rebels ate three meals a day."), FRI)}
    assert found == {"a day": "SET"}
    found = {t.text: t.type for t in extract_times(parse("The deal was signed a year later."), FRI)}
    assert found == {"a year": "DURATION"}


def test_times_a_speed_is_not_a_set():
    assert times("Gusts reached 90 kilometres per hour.") == {}


def test_times_past_present_and_future_as_adjectives_are_not_times():
    assert times("The present government cited the past record and the future president.") == {}
    assert times("Nobody knows the future of Syria.")["the future"] == "FUTURE_REF"
