"""date_basis and date_precision: what an event's or quote's date rests on, and how fine it is."""

from __future__ import annotations

import pytest

from communique.nlp import parse
from communique.records import date_precision
from communique.times import extract_times
from communique.times.dating import Dating, date_event, date_quote

FRI = "2013-03-22"  # Friday 22 March 2013


def event(text: str, word: str, published: str | None = FRI) -> Dating:
    doc = parse(text)
    tok = next(t for t in doc if t.text == word)
    return date_event(doc, tok.i, extract_times(doc, published), published)


def quote(text: str, cue: str, published: str | None = FRI) -> Dating:
    doc = parse(text)
    tok = next(t for t in doc if t.text == cue)
    return date_quote(doc, tok.i, extract_times(doc, published), published)


def pair(d: Dating) -> tuple[str | None, str]:
    return d.value, d.basis


@pytest.mark.parametrize(("text", "word", "value", "precision"), [
    ("The rebels seized the airport on March 3, 2012.", "seized", "2012-03-03", "day"),
    ("In 2011, the junta suspended the constitution.", "suspended", "2011", "year"),
    ("The truce was signed in May.", "signed", "2012-05", "month"),
    ("The militia was founded in the 1990s.", "founded", "199", "decade"),
])
def test_date_basis_explicit_for_an_expression_naming_the_calendar(text: str, word: str, value: str, precision: str) -> None:
    d = event(text, word)
    assert (d.value, d.basis, d.precision) == (value, "explicit", precision)


@pytest.mark.parametrize(("text", "word", "value", "precision"), [
    ("Troops shelled the port yesterday.", "shelled", "2013-03-21", "day"),
    ("The envoys will meet on Tuesday.", "meet", "2013-03-26", "day"),
    ("The sanctions were lifted last month.", "lifted", "2013-02", "month"),
    ("The two armies clashed last March.", "clashed", "2012-03", "month"),
    ("The cabinet resigned last week.", "resigned", "2013-W11", "week"),
])
def test_date_basis_relative_for_an_expression_resolved_from_the_publication_date(
        text: str, word: str, value: str, precision: str) -> None:
    d = event(text, word)
    assert (d.value, d.basis, d.precision) == (value, "relative", precision)


@pytest.mark.parametrize(("text", "word", "value"), [
    ("The ministry said on Tuesday that troops had shelled the town.", "shelled", "2013-03-19"),
    ("'We have left the city,' the commander told reporters on Monday.", "left", "2013-03-18"),
    ("Officials confirmed in May 2012 that the envoy was detained.", "detained", "2012-05"),
])
def test_date_basis_reporting_dates_a_reported_event_without_a_time_of_its_own(text: str, word: str, value: str) -> None:
    d = event(text, word)
    assert (d.value, d.basis) == (value, "reporting")


def test_date_basis_reported_plans_and_dated_reported_events_do_not_take_the_reporting_date() -> None:
    assert event("The spokesman said on Friday that troops would withdraw.", "withdraw").basis == "none"
    assert event("The army announced on Monday that it might retaliate.", "retaliate").basis == "none"
    d = event("The ministry said on Tuesday that troops shelled the town on Sunday.", "shelled")
    assert (d.value, d.basis) == ("2013-03-17", "relative")


def test_date_basis_reporting_is_the_basis_of_a_dated_quote() -> None:
    assert pair(quote("The minister said on Tuesday that talks would resume.", "said")) == ("2013-03-19", "reporting")
    assert pair(quote("'We will not yield,' the general told reporters in June 2012.", "told")) == ("2012-06", "reporting")
    assert pair(quote("Rebels shelled the port, a spokesman said yesterday.", "said")) == ("2013-03-21", "reporting")


def test_date_basis_publication_for_present_and_present_perfect_reports() -> None:
    d = event("The minister has agreed to a ceasefire.", "agreed")
    assert (d.value, d.text, d.basis, d.precision) == (FRI, None, "publication", "day")
    assert pair(quote("The coalition says its jets are bombing depots.", "says")) == (FRI, "publication")
    assert event("Two battalions have been deployed to the border.", "deployed").basis == "publication"


def test_date_basis_none_for_an_undated_past_and_without_a_publication_date() -> None:
    assert event("The army shelled the port.", "shelled") == Dating(None, None, "none", "none")
    assert event("The minister has agreed to a ceasefire.", "agreed", None).basis == "none"
    assert quote("The spokesman denied the report.", "denied").basis == "none"


@pytest.mark.parametrize(("text", "word"), [
    ("Police routinely detain activists in the capital.", "detain"),
    ("The rebels have long demanded autonomy.", "demanded"),
    ("Every year the veterans march to the capital.", "march"),
    ("The opposition has protested ever since.", "protested"),
    ("Security forces usually disperse such rallies.", "disperse"),
    ("The government has repeatedly denied torturing detainees.", "denied"),
])
def test_date_basis_habitual_and_generic_clauses_get_no_publication_date(text: str, word: str) -> None:
    assert event(text, word) == Dating(None, None, "none", "none")


@pytest.mark.parametrize(("text", "word"), [
    ("The war has displaced two million people.", "displaced"),
    ("The militia has killed more than 500 soldiers.", "killed"),
    ("Thousands have fled the region.", "fled"),
    ("The siege has starved 40 families.", "starved"),
])
def test_date_basis_running_totals_get_no_publication_date(text: str, word: str) -> None:
    assert event(text, word).basis == "none"


def test_date_basis_a_small_count_is_a_fresh_report_not_a_running_total() -> None:
    assert event("Air strikes have killed 12 people in the capital.", "killed").basis == "publication"
    assert event("Police have arrested three suspects.", "arrested").basis == "publication"


def test_date_basis_reported_habits_take_no_reporting_date() -> None:
    assert event("The report said on Monday that police routinely beat detainees.", "beat").basis == "none"


@pytest.mark.parametrize(("value", "precision"), [
    ("2025-03-03", "day"), ("2025-W10", "week"), ("2025-W10-WE", "week"), ("2025-03", "month"),
    ("2025", "year"), ("2025-Q1", "year"), ("2025-SU", "year"), ("202", "decade"), (None, "none"), ("PAST_REF", "none"),
])
def test_date_precision_read_off_the_iso_value(value: str | None, precision: str) -> None:
    assert date_precision(value) == precision


def test_date_basis_a_demanded_act_takes_no_reporting_date() -> None:
    assert event("The envoy insisted on Monday that the army withdraw from the valley.", "withdraw").basis == "none"
