"""governing_time: the expression that dates an event trigger or cue verb is the one in its own clause."""

from __future__ import annotations

from communique.nlp import parse
from communique.times import extract_times, governing_time

FRI = "2013-03-22"


def date_of(text: str, word: str, published: str | None = FRI) -> tuple[str, str, str] | None:
    doc = parse(text)
    times = extract_times(doc, published)
    tok = next(t for t in doc if t.text == word)
    found = governing_time(doc, tok.i, times, published)
    return (found.text, found.value, found.provenance) if found else None


def test_governing_event_and_its_report_have_their_own_dates():
    text = "Israel struck Gaza on Tuesday, officials said Friday."
    assert date_of(text, "struck")[:2] == ("Tuesday", "2013-03-19")
    assert date_of(text, "said")[:2] == ("Friday", "2013-03-22")


def test_governing_time_of_a_reporting_clause_does_not_date_the_reported_event():
    text = "Mr. Netanyahu told Mr. Erdogan on Thursday that Israel would resume talks next week."
    assert date_of(text, "told")[:2] == ("Thursday", "2013-03-21")
    assert date_of(text, "resume")[:2] == ("next week", "2013-W13")


def test_governing_conjoined_verb_shares_the_date_of_its_first_conjunct():
    text = "Netanyahu called Erdogan on Friday and apologized for the raid in May 2010."
    assert date_of(text, "apologized")[:2] == ("Friday", "2013-03-22")


def test_governing_nominal_event_takes_the_date_inside_its_phrase():
    text = "Netanyahu called Erdogan on Friday and apologized for the raid in May 2010."
    assert date_of(text, "raid")[:2] == ("May 2010", "2010-05")


def test_governing_date_of_a_noun_phrase_dates_the_quote_it_introduces():
    text = "In a March 3 interview, Mr. Erdogan said Turkey would not back down."
    assert date_of(text, "said")[:2] == ("March 3", "2013-03-03")


def test_governing_relative_clause_keeps_its_own_date():
    text = "The talks, which collapsed in January, will resume on Monday."
    assert date_of(text, "collapsed")[:2] == ("January", "2013-01")
    assert date_of(text, "resume")[:2] == ("Monday", "2013-03-25")


def test_governing_subordinate_clause_without_a_date_gets_none():
    text = "Last month, after deadly pollution hit record levels, officials put forward new standards."
    assert date_of(text, "put")[:2] == ("Last month", "2013-02")
    assert date_of(text, "hit") is None


def test_governing_present_perfect_and_present_fall_back_on_the_publication_date():
    assert date_of("The minister has agreed to a ceasefire.", "agreed") == ("", FRI, "times.publication_date")
    assert date_of("The minister says talks are possible.", "says") == ("", FRI, "times.publication_date")


def test_governing_simple_past_without_a_date_is_none():
    assert date_of("The minister said talks were possible.", "said") is None


def test_governing_without_publication_date_never_invents_one():
    assert date_of("The minister has agreed to a ceasefire.", "agreed", None) is None


def test_governing_time_of_day_gives_the_day_as_an_iso_prefix():
    assert date_of("Rockets hit the city on Thursday night.", "hit")[:2] == ("Thursday night", "2013-03-21")


def test_governing_durations_do_not_date_an_event():
    assert date_of("The army fought for five weeks.", "fought") is None


def test_governing_duration_after_a_dated_event_dates_the_event_it_modifies():
    text = "The army attacked two days after the talks collapsed on Sunday."
    assert date_of(text, "attacked") == ("two days", "2013-03-19", "times.anchored_event")
    assert date_of(text, "collapsed")[:2] == ("Sunday", "2013-03-17")


def test_governing_duration_after_an_undated_event_dates_nothing():
    assert date_of("The army attacked two days after the talks collapsed.", "attacked") is None


def test_governing_participle_and_when_clause_share_their_date_with_the_main_clause():
    assert date_of("Speaking to reporters on Thursday, the minister said talks would resume.", "said")[:2] == (
        "Thursday", "2013-03-21")
    assert date_of("When the talks collapsed on Thursday, the minister resigned.", "resigned")[:2] == (
        "Thursday", "2013-03-21")


def test_governing_after_clause_does_not_date_the_main_clause():
    assert date_of("After meeting the envoy on Thursday, the minister said talks would resume.", "said") is None
