"""Attachment: which event a time expression dates. A date on a noun dates that nominal event; "since X"
is a start; a date stays in its own clause unless clauses are coordinated; "the day before X" is resolved
from X's date."""

from __future__ import annotations

import pytest

from communique.nlp import parse
from communique.times import extract_times
from communique.times.dating import date_event

FRI = "2013-03-22"  # Friday 22 March 2013


def dated(text: str, word: str, nth: int = 0) -> tuple[str | None, str]:
    doc = parse(text)
    tok = [t for t in doc if t.text == word][nth]
    d = date_event(doc, tok.i, extract_times(doc, FRI), FRI)
    return d.value, d.basis


@pytest.mark.parametrize(("text", "noun", "value"), [
    ("The ministers held an August 3 meeting in Doha.", "meeting", "2012-08-03"),
    ("Last month's talks ended without a communique.", "talks", "2013-02"),
    ("The court annulled the Feb. 2 vote.", "vote", "2013-02-02"),
    ("Tuesday's summit was postponed.", "summit", "2013-03-19"),
])
def test_attachment_a_date_on_a_noun_dates_that_nominal_event(text: str, noun: str, value: str) -> None:
    assert dated(text, noun)[0] == value


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("The Feb. 2 vote was annulled by the court.", "annulled", (None, "none")),
    ("Monday's raid has been condemned by the council.", "condemned", (FRI, "publication")),
    ("Sunday's strike angered the villagers.", "angered", (None, "none")),
])
def test_attachment_a_date_on_the_subject_does_not_date_the_verb(text: str, verb: str, expected: tuple) -> None:
    assert dated(text, verb) == expected


def test_attachment_a_prepositional_date_after_the_subject_dates_the_verb() -> None:
    assert dated("Rebels on Tuesday blocked the road to the airport.", "blocked")[0] == "2013-03-19"
    assert dated("The council on Monday approved the budget.", "approved")[0] == "2013-03-18"
    assert dated("Police in the capital on Sunday arrested two organisers.", "arrested")[0] == "2013-03-17"


@pytest.mark.parametrize(("text", "verb", "value"), [
    ("Tuesday's summit ended without a deal.", "ended", "2013-03-19"),
    ("Last month's talks collapsed.", "collapsed", "2013-02"),
    ("The March 3 rally began peacefully.", "began", "2013-03-03"),
    ("The Feb. 12 blast killed nine workers.", "killed", "2013-02-12"),
])
def test_attachment_verbs_whose_subject_happens_with_them_keep_its_date(text: str, verb: str, value: str) -> None:
    assert dated(text, verb)[0] == value


def test_attachment_an_event_verb_is_dated_by_its_object_and_another_verb_is_not() -> None:
    assert dated("The ministers held an August 3 meeting in Doha.", "held")[0] == "2012-08-03"
    assert dated("The senator recalled the envoy's 2005 memoir.", "recalled") == (None, "none")


@pytest.mark.parametrize(("text", "verb"), [
    ("The rebels have controlled the town since 2019.", "controlled"),
    ("The journalist has been detained since March.", "detained"),
    ("Prices have risen steadily since January.", "risen"),
])
def test_attachment_since_marks_a_start_and_dates_nothing(text: str, verb: str) -> None:
    assert dated(text, verb) == (None, "none")


@pytest.mark.parametrize(("text", "verb"), [
    ("In 2011, the junta seized power after protesters stormed the palace.", "stormed"),
    ("Rebels attacked the base, which the army had built in 2009.", "attacked"),
    ("In 2011, the junta suspended the constitution, although the army had promised elections.", "promised"),
])
def test_attachment_a_date_stays_in_its_own_clause(text: str, verb: str) -> None:
    assert dated(text, verb) == (None, "none")


@pytest.mark.parametrize(("text", "verb", "value"), [
    ("The army met on Monday and signed the deal.", "signed", "2013-03-18"),
    ("The rebels were routed in April 2012 and retreated to the hills.", "retreated", "2012-04"),
    ("Troops will enter the city on Sunday and hold a parade.", "hold", "2013-03-24"),
])
def test_attachment_coordinated_verbs_share_a_date(text: str, verb: str, value: str) -> None:
    assert dated(text, verb)[0] == value


@pytest.mark.parametrize(("text", "verb", "value"), [
    ("The vote was held on May 4, 2012. The army struck the day before the vote.", "struck", "2012-05-03"),
    ("The militia withdrew the week after the election on May 5, 2012.", "withdrew", "2012-W19"),
    ("Protesters marched the morning after the court's ruling on Sunday.", "marched", "2013-03-18"),
    ("Talks resumed three days after the truce was signed on Monday.", "resumed", "2013-03-21"),
])
def test_attachment_a_time_anchored_on_a_dated_event_is_resolved_from_its_date(text: str, verb: str, value: str) -> None:
    assert dated(text, verb) == (value, "relative")


def test_attachment_a_time_anchored_on_an_undated_event_gives_no_date() -> None:
    assert dated("The rebels regrouped the day after the ambush.", "regrouped") == (None, "none")
    assert dated("The envoy left the week before the referendum.", "left") == (None, "none")
    assert dated("The militia withdrew the week after the election on May 5, 2012.", "election")[0] == "2012-05-05"


@pytest.mark.parametrize(("text", "verb"), [
    ("Troops shelled the village, prompting condemnation from the mayor and the closure of the crossing on Tuesday.", "shelled"),
    ("The ministry expelled two diplomats, prompting anger in Moscow and the cancellation of a planned visit on Thursday.", "expelled"),
    ("Gunmen attacked a convoy, causing the suspension of the aid operation on Wednesday.", "attacked"),
    ("Police arrested the opposition leader, sparking protests and the closure of shops on Saturday.", "arrested"),
])
def test_attachment_a_date_on_a_noun_inside_a_participle_clause_does_not_date_the_main_verb(text: str, verb: str) -> None:
    assert dated(text, verb)[0] is None


def test_attachment_a_participle_clause_still_shares_its_own_date_with_the_main_verb() -> None:
    assert dated("Speaking on Thursday, the minister said the border would reopen.", "said")[0] == "2013-03-21"
    assert dated("The envoy met the rebels on Monday, urging them to free the hostages.", "urging")[0] == "2013-03-18"


@pytest.mark.parametrize(("text", "verb"), [
    ("The militia had captured the port, leading to the postponement of scheduled talks on Monday.", "captured"),
    ("The army shelled the town, forcing thousands to flee on Tuesday.", "shelled"),
    ("Protesters blocked the highway, prompting the government to send police on Wednesday.", "blocked"),
])
def test_attachment_a_following_consequence_participle_keeps_its_date_to_itself(text: str, verb: str) -> None:
    assert dated(text, verb)[0] is None


@pytest.mark.parametrize(("text", "verb", "value"), [
    ("Arriving in Doha on Monday, the envoy met the Hamas delegation.", "met", "2013-03-18"),
    ("Speaking on Thursday, the minister said the border would reopen.", "said", "2013-03-21"),
    ("The minister defended the deal, saying on Wednesday that it would hold.", "defended", "2013-03-20"),
])
def test_attachment_a_leading_or_reporting_participle_shares_its_date(text: str, verb: str, value: str) -> None:
    assert dated(text, verb)[0] == value


@pytest.mark.parametrize(("text", "verb"), [
    ("The group has handed over a list of detainees it wants released in the swap.", "released"),
    ("The union drew up a list of demands it wants met before the strike ends.", "met"),
    ("The militia published the names of fighters it wants freed.", "freed"),
])
def test_attachment_an_act_that_is_only_wanted_takes_no_publication_date(text: str, verb: str) -> None:
    assert dated(text, verb) == (None, "none")


@pytest.mark.parametrize(("text", "verb", "value"), [
    ("The movement issued a statement on Wednesday in which it said the truce would hold.", "said", "2013-03-20"),
    ("The ministry released a video on Monday that showed the strike.", "showed", "2013-03-18"),
    ("The envoy sent a letter on Tuesday which urged both sides to return to talks.", "urged", "2013-03-19"),
])
def test_attachment_a_relative_clause_on_a_dated_object_takes_its_date(text: str, verb: str, value: str) -> None:
    assert dated(text, verb)[0] == value


@pytest.mark.parametrize(("text", "verb", "value"), [
    ("At dawn on Wednesday, the army sealed the crossing.", "sealed", "2013-03-20"),
    ("Late on Monday night, gunmen stormed the hotel.", "stormed", "2013-03-18"),
    ("In the early hours of Tuesday, drones struck the depot.", "struck", "2013-03-19"),
])
def test_attachment_a_date_inside_a_time_noun_phrase_dates_the_verb(text: str, verb: str, value: str) -> None:
    assert dated(text, verb)[0] == value


@pytest.mark.parametrize(("text", "verb", "value"), [
    ("Following a meeting yesterday in Islamabad, the negotiators briefed the prime minister and said talks had stalled.", "said", "2013-03-21"),
    ("Following talks on Tuesday in Cairo, the two delegations agreed to extend the truce.", "agreed", "2013-03-19"),
    ("Following a cabinet session on Monday, the government announced new sanctions.", "announced", "2013-03-18"),
    ("Following the vote on Wednesday, opposition supporters marched to parliament.", "marched", "2013-03-20"),
])
def test_attachment_following_a_dated_event_dates_the_main_clause(text: str, verb: str, value: str) -> None:
    assert dated(text, verb)[0] == value
