"""Light verbs with event nouns, operations named by their purpose, and nominal events (deaths after torture).

All sentences are our own."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Run = Callable[..., Any]


def test_events_joining_someone_for_talks_is_a_meeting(run: Run) -> None:
    r = run("On Friday the Kenyan president will join the Tanzanian president for talks in Arusha.")
    assert "CONSULT" in r.types() or "AGREE" in r.types()


def test_events_mediation_effort_between_two_sides_has_both_as_recipients(run: Run) -> None:
    r = run("Oman launched a mediation effort on Sunday between Iran and Saudi Arabia.")
    ev = [e for e in r.events if e.type == "CONSULT"]
    assert ev and {"IRN", "SAU"} <= r.countries(ev[0].recipients)


def test_events_operation_named_by_its_purpose_is_that_event(run: Run) -> None:
    r = run("Egyptian police launched an operation to arrest 40 smugglers in Sinai on Monday.")
    ev = [e for e in r.events if e.type == "COERCE"]
    assert ev and ev[0].status == "asserted" and "EGY" in r.countries(ev[0].actors)


def test_events_converging_for_a_rally_is_a_protest(run: Run) -> None:
    r = run("Thousands of Kenyan farmers were converging on Friday for a rally in Nairobi.")
    assert "PROTEST" in r.types()


def test_events_leading_a_delegation_on_a_visit_is_the_visit(run: Run) -> None:
    r = run("The Ghanaian foreign minister led a delegation on a two-day visit to Togo.")
    assert "CONSULT" in r.types()


def test_events_having_talks_or_lunch_with_someone_is_a_meeting(run: Run) -> None:
    assert "CONSULT" in run("Kenya had talks with Somalia on the border dispute.").types()
    assert "CONSULT" in run("The Canadian prime minister had lunch with the Mexican president in Ottawa.").types()


def test_events_an_increase_in_funding_is_aid(run: Run) -> None:
    r = run("Sweden on Monday announced a large increase in funding for refugees in Uganda.")
    assert "AID" in r.types()


def test_events_death_after_torture_is_an_assault_without_a_known_doer(run: Run) -> None:
    r = run("A Syrian journalist died after torture in a prison near Damascus.")
    ev = [e for e in r.events if e.type == "ASSAULT"]
    assert ev and not ev[0].actors and ev[0].recipients


def test_events_death_from_a_heart_attack_is_no_event(run: Run) -> None:
    assert run("The former Syrian minister died of a heart attack in Damascus.").types() == []


def test_events_death_in_custody_after_torture_gives_the_custodian(run: Run) -> None:
    r = run("An Egyptian blogger died after torture in Syrian police custody.")
    ev = [e for e in r.events if e.type == "ASSAULT"]
    assert ev and "SYR" in r.countries(ev[0].actors)


def test_events_attending_a_conference_is_a_meeting_but_a_news_conference_is_not(run: Run) -> None:
    assert "CONSULT" in run("Ghanaian ministers attended the West African security conference in Abuja.").types()
    assert run("The Kenyan foreign minister spoke at a news conference in Nairobi.").types() == []
