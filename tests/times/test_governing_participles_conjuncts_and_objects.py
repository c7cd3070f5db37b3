"""governing_time on clauses found wrong in unseen news: participles and conjuncts of another tense."""

from __future__ import annotations

from communique.times.governing import PUBLICATION
from tests.times.test_governing import FRI, date_of


def test_governing_subject_participle_between_commas_dates_the_cue():
    text = "The minister, speaking on Thursday, said the talks had failed."
    assert date_of(text, "said")[:2] == ("Thursday", "2013-03-21")


def test_governing_past_participle_of_the_subject_does_not_date_the_cue():
    text = "The minister, elected in 2010, said the talks had failed."
    assert date_of(text, "said") is None


def test_governing_present_perfect_conjunct_does_not_take_the_past_conjuncts_date():
    text = "The president signed the law in 2010 and has defended it since."
    assert date_of(text, "signed")[:2] == ("2010", "2010")
    assert date_of(text, "defended") == ("", FRI, PUBLICATION)


def test_governing_past_conjunct_shares_the_date_of_its_past_partner():
    text = "Police arrested the suspect on Monday and charged him with murder."
    assert date_of(text, "charged")[:2] == ("Monday", "2013-03-18")


def test_governing_present_perfect_without_publication_date_is_none():
    assert date_of("The minister has agreed to resign.", "agreed", None) is None


def test_governing_reported_event_does_not_take_the_date_of_a_possessive_in_the_report():
    text = "The minister said Monday's attack was a crime."
    assert date_of(text, "said") is None
    assert date_of(text, "attack")[:2] == ("Monday's", "2013-03-18")


def test_governing_day_after_a_dated_event_dates_the_main_clause():
    text = "The day after Monday's debate, the campaign raised $10 million."
    assert date_of(text, "raised")[:2] == ("The day after", "2013-03-19")


def test_governing_date_modifying_the_object_does_not_date_a_cue_verb():
    assert date_of("He condemned the March 3 attack.", "condemned") is None
    assert date_of("Rhodes recalled Diamond's 2005 best seller.", "recalled") is None


def test_governing_date_modifying_the_event_object_of_an_event_verb_dates_it():
    assert date_of("Protesters held a Friday rally in the capital.", "held")[:2] == ("Friday", "2013-03-22")


def test_governing_date_modifying_the_subject_event_dates_the_verb():
    assert date_of("The March 3 attack killed 12 people.", "killed")[:2] == ("March 3", "2013-03-03")


def test_governing_participle_cue_shares_the_time_of_its_main_verb():
    text = '"We will respond," the minister said on Friday, adding that talks would resume Monday.'
    assert date_of(text, "adding")[:2] == ("Friday", "2013-03-22")
    assert date_of(text, "resume")[:2] == ("Monday", "2013-03-25")
