"""TimeML conventions found wrong on unseen news text, each fixed by a general rule.

The reference date is Friday 22 March 2013 (ISO week 2013-W12), as in the other time tests.
"""

from __future__ import annotations

import pytest

from communique.nlp import parse
from communique.times import extract_times

FRI = "2013-03-22"


def found(text: str, published: str | None = FRI) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in extract_times(parse(text), published)}


# a month or a day with a year named relative to the publication date is one expression
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


# a clock time takes the day named right after it
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


# "the day after X" where X is a dated expression
def test_times_day_after_a_named_day_is_the_next_day():
    got = found("The day after Monday's debate, the campaign raised $10 million.")
    assert got["The day after"] == ("DATE", "2013-03-19")
    assert got["Monday's"] == ("DATE", "2013-03-18")


def test_times_day_before_a_dated_hearing_is_the_previous_day():
    assert found("The day before the March 12 hearing, he left.")["The day before"] == ("DATE", "2013-03-11")
    assert found("The week before Christmas, prices rose.")["The week before"] == ("DATE", "2012-W51")


# weekdays placed by the words around them
def test_times_possessive_weekday_in_a_present_clause_is_past():
    assert found("The impact of Monday's debate is still small.")["Monday's"] == ("DATE", "2013-03-18")
    assert found("The move follows Tuesday's announcement by Ford.")["Tuesday's"] == ("DATE", "2013-03-19")


def test_times_possessive_weekday_ahead_of_is_future():
    assert found("Both campaigns are preparing ahead of Monday's debate.")["Monday's"] == ("DATE", "2013-03-25")


def test_times_weekday_after_since_is_past_in_any_clause():
    assert found("Shares have gained 4% since Tuesday.")["Tuesday"] == ("DATE", "2013-03-19")


# quarters
def test_times_last_quarter_is_the_previous_quarter():
    assert found("Growth slowed last quarter.", "2013-08-10")["last quarter"] == ("DATE", "2013-Q2")


def test_times_the_last_quarter_of_a_year_is_its_fourth():
    assert found("Sales fell in the last quarter of 2012.")["the last quarter of 2012"] == ("DATE", "2012-Q4")


def test_times_quarter_just_ended_stays_in_its_year_in_a_future_clause():
    got = found("The company said its third-quarter earnings will probably be lower.", "2013-10-15")
    assert got["third-quarter"] == ("DATE", "2013-Q3")


# counts that are not durations, rates that are sets
def test_times_year_before_a_period_noun_is_a_year_not_a_count():
    got = found("The company earned $376,000 in the 1988 quarter.")
    assert got == {"1988": ("DATE", "1988")}


def test_times_a_unit_after_a_counted_singular_noun_is_a_rate():
    assert found("The line carried 330,402 barrels of crude a day.")["a day"] == ("SET", "P1D")


def test_times_a_year_later_after_a_sentence_ending_in_a_year_is_a_duration():
    assert found("The deal was signed in 2010. A year later it collapsed.")["A year"] == ("DURATION", "P1Y")


# calendar words inside names
@pytest.mark.parametrize("text", [
    "A USA TODAY analysis shows the trend.",
    "The film was released by 20th Century Fox.",
])
def test_times_calendar_words_inside_names_are_not_times(text):
    assert found(text) == {}


def test_times_possessive_weekend_is_dated():
    assert found("The weekend's protests were violent.")["The weekend"] == ("DATE", "2013-W11-WE")


# the narrative's day
def test_times_the_next_day_after_a_weekday_is_the_day_after_it():
    got = found("He arrived on Monday. The next day he left.")
    assert got["The next day"] == ("DATE", "2013-03-19")


def test_times_the_following_day_after_a_bare_year_is_a_day_of_that_year():
    got = found("The treaty was signed in 2010. The following day, protests began.")
    assert got["The following day"] == ("DATE", "2010-XX-XX")


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


def test_times_money_a_year_from_the_public_is_a_rate():
    assert found("Charities that raise more than $25,000 a year from the public must register.")["a year"] == (
        "SET", "P1Y")


@pytest.mark.parametrize("text", [
    "He appeared on Fox News Sunday with Chris Wallace.",
    "The Sunday Times reported the deal.",
    "The Good Friday Agreement was signed in Belfast.",
    "Black Friday sales rose.",
])
def test_times_weekday_inside_a_title_or_a_named_day_is_not_a_date(text):
    assert found(text) == {}


def test_times_weekday_before_a_sentence_starting_with_a_title_word_is_a_date():
    assert found("He spoke on Sunday. News of the deal spread.")["Sunday"] == ("DATE", "2013-03-17")


def test_times_plural_weekday_is_a_weekly_set():
    assert found("Protests are held on Sundays.")["Sundays"] == ("SET", "XXXX-WXX-7")


def test_times_on_weekends_is_a_set_but_weekends_as_a_subject_is_not_a_time():
    assert found("The shop is closed on weekends.")["weekends"] == ("SET", "XXXX-WXX-WE")
    assert found("Weekends are busy.") == {}


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


def test_times_compound_number_written_with_a_space_is_one_count():
    assert found("In the last twenty four hours, stocks fell.")["the last twenty four hours"] == ("DURATION", "PT24H")


def test_times_high_noon_is_not_a_clock_time():
    assert "noon" not in found("For Poland, high noon comes today.")


def test_times_count_with_more_before_the_unit_is_a_duration():
    assert found("The project will take at least five more years.")["five more years"] == ("DURATION", "P5Y")
    assert found("Negotiations could last several more weeks.")["several more weeks"] == ("DURATION", "PXW")


def test_times_anchored_day_in_a_present_clause_is_not_in_an_earlier_storys_year():
    got = found("The war began in 1994. Candidates campaign hard the day before voters head to the polls.")
    assert got["the day before"] == ("DATE", "2013-XX-XX")
    got = found("The war began in 1994. The day before, the army had mobilised.")
    assert got["The day before"] == ("DATE", "1994-XX-XX")


def test_times_part_of_day_alone_is_on_the_narrative_day():
    got = found("Police arrived on Thursday. In the afternoon, protesters gathered.")
    assert got["the afternoon"] == ("TIME", "2013-03-21TAF")
    assert found("Officials met in mid-afternoon.")["mid-afternoon"] == ("TIME", "2013-03-22TAF")


def test_times_part_of_day_naming_a_session_or_an_event_is_not_a_time():
    assert found("Stocks rose in the morning session.") == {}
    assert found("The morning was quiet.") == {}


def test_times_part_of_day_before_a_noun_is_a_modifier_not_a_time():
    assert found("He will issue a chart in the morning meetings.") == {}


def test_times_anchored_day_on_a_nominal_event_keeps_the_narratives_year():
    got = found("He was jailed in 1998. His record includes beating his mother the night before his graduation.")
    assert got["the night before"] == ("TIME", "1998-XX-XXTNI")


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("Police arrived on Thursday. The next morning, protesters gathered.", "The next morning", "2013-03-22TMO"),
    ("Police arrived on March 3. The previous evening, crowds had gathered.", "The previous evening", "2013-03-02TEV"),
])
def test_times_next_or_previous_part_of_day_is_next_to_the_narrative_day(text, expr, value):
    assert found(text)[expr] == ("TIME", value)


def test_times_that_same_day_is_the_narrative_day():
    assert found("Police arrived on March 3. That same day, protesters gathered.")["That same day"] == (
        "DATE", "2013-03-03")


@pytest.mark.parametrize("text", [
    "It is the paper with the largest circulation in Israel, a free daily.",
    "The letter was published in the Communist Party daily Granma.",
])
def test_times_daily_naming_a_newspaper_is_not_a_set(text):
    assert found(text) == {}


def test_times_daily_as_a_frequency_is_a_set():
    assert found("The shares are traded daily.")["daily"] == ("SET", "XXXX-XX-XX")


def test_times_hour_in_the_morning_is_a_clock_time():
    assert found("The father will leave at 4 in the morning.")["4 in the morning"] == ("TIME", "2013-03-22T04:00")
    assert found("He was one in the morning crowd.") == {}


def test_times_last_or_next_before_a_month_and_day_sets_the_direction():
    assert found("He was shot last Oct. 23 at his home.")["last Oct. 23"] == ("DATE", "2012-10-23")
    assert found("The vote is due next March 5.")["next March 5"] == ("DATE", "2014-03-05")


def test_times_this_past_season_is_the_last_one():
    assert found("The company sold the unit this past summer.")["this past summer"] == ("DATE", "2012-SU")


def test_times_bare_season_before_a_noun_classifies_it():
    assert found("Farmers clear their fields for winter wheat.") == {}
    assert found("Prices rose in summer.")["summer"] == ("DATE", "2012-SU")


@pytest.mark.parametrize(("text", "expr", "value"), [
    ("He will be eligible for parole in two years and four months.", "two years and four months", "P2Y4M"),
    ("Ambulances should arrive within eight minutes and 59 seconds.", "eight minutes and 59 seconds", "PT8M59S"),
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


def test_times_capitalised_programme_title_is_not_a_relative_week():
    assert found('Baker, speaking on ABC\'s "This Week," said the request was serious.') == {}


def test_times_relative_expression_in_a_title_case_headline_is_kept():
    assert found("Trump Rally Last Week Draws Huge Crowd")["Last Week"] == ("DATE", "2013-W11")


@pytest.mark.parametrize("text", ["He scored 2013 points this season.", "The bill won 1999 votes to 200."])
def test_times_year_like_count_before_a_plural_noun_after_a_verb_is_a_count(text):
    assert "2013" not in found(text) and "1999" not in found(text)


def test_times_year_before_a_plural_noun_after_a_preposition_is_a_year():
    assert found("Republicans lost seats in 2016 elections.")["2016"] == ("DATE", "2016")


def test_times_a_week_or_so_ago_is_last_week():
    assert found("Then, a week or so ago, the general flew in.")["a week or so ago"] == ("DATE", "2013-W11")


def test_times_unit_and_a_half_is_one_duration():
    assert found("He served a year and a half in prison.")["a year and a half"] == ("DURATION", "P1.5Y")
