"""Frame verbs and appeals: demands, threats, truces, refusals, 'must'; and which clause ranks first.

All sentences are our own."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Run = Callable[..., Any]


def test_events_failed_to_reach_agreement_is_a_rejection(run: Run) -> None:
    r = run("Serbia and Kosovo failed to reach agreement on the status of the northern municipalities.")
    assert "SUPPORT" not in r.types() and "AGREE" not in r.types()
    assert "REJECT" in r.types()


def test_events_call_for_sanctions_against_someone_is_a_demand(run: Run) -> None:
    r = run("The Lithuanian foreign minister called for sanctions against Belarus on Monday.")
    assert r.types() == ["REQUEST"]
    assert (r.events[0].cameo or "").startswith("10")


def test_events_conditional_threat_targets_the_condition_subject(run: Run) -> None:
    r = run("China has threatened to halt rare earth exports if Japan goes ahead with the new export controls.")
    ev = [e for e in r.events if e.type == "THREATEN"]
    assert ev and "JPN" in r.countries(ev[0].recipients)


def test_events_armed_party_calling_for_a_truce_expresses_intent(run: Run) -> None:
    r = run("Houthi rebels called for a truce with Saudi Arabia.")
    assert r.types() == ["AGREE"]


def test_events_asking_an_ally_to_deploy_troops_is_an_appeal_not_a_demand(run: Run) -> None:
    r = run("Poland asked NATO to deploy more troops on its eastern flank.")
    assert r.types() == ["REQUEST"]
    assert (r.events[0].cameo or "").startswith("02")  # an appeal (CAMEO 02), not a demand (10)


def test_events_first_of_two_coordinated_clauses_ranks_first(run: Run) -> None:
    r = run("The Colombian government declared a unilateral ceasefire on Sunday and promised to free political prisoners.")
    best = max(r.events, key=lambda e: e.confidence)
    assert best.type == "RETREAT"


def test_events_must_be_ready_to_is_the_demand_not_an_intent(run: Run) -> None:
    r = run("The Norwegian envoy said the African Union must be ready to mediate talks in Sudan.")
    best = max(r.events, key=lambda e: e.confidence)
    assert best.type == "REQUEST"


def test_events_call_to_join_a_march_is_a_demand(run: Run) -> None:
    r = run("The Kenyan opposition called on supporters to join a march in Nairobi on Friday.")
    assert r.types() == ["REQUEST"]


def test_events_passive_must_clause_is_a_demand_without_a_named_recipient(run: Run) -> None:
    r = run("The African Union says foreign military intervention in Niger must be avoided.")
    assert r.types() == ["REQUEST"]
