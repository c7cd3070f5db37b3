"""Which PLOVER type a verb and its arguments give: aid, peacekeeping, retreat, concessions, disapproval.

All sentences are our own."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Run = Callable[..., Any]


def test_events_participle_before_its_noun_is_no_event(run: Run) -> None:
    r = run("The internationally recognised government of Yemen announced a ceasefire on Sunday.")
    assert "SUPPORT" not in r.types()


def test_events_provide_with_is_aid(run: Run) -> None:
    r = run("Japan has provided Sri Lanka with 20 patrol boats and training for its coast guard.")
    assert r.types() and r.types()[0] in ("AID",)


def test_events_peacekeepers_arriving_are_peacekeeping(run: Run) -> None:
    r = run("About 400 Kenyan peacekeepers arrived in Haiti on Tuesday.")
    ev = [e for e in r.events if e.type == "AID"]
    assert ev and ev[0].cameo == "074"


def test_events_experts_sent_to_investigate_are_an_investigation(run: Run) -> None:
    r = run("Canada has sent a team of experts to Lebanon to investigate the explosion at the port.")
    assert [e.cameo for e in r.events][:1] == ["090"]


def test_events_medicine_flown_in_is_aid(run: Run) -> None:
    r = run("The Red Cross flew ten tonnes of medicine into Yemen on Monday.")
    assert "AID" in r.types()


def test_events_permission_given_to_a_foreign_party_is_allowing_involvement(run: Run) -> None:
    r = run("Jordan has given the French air force permission to use its airbases.")
    assert [e.cameo for e in r.events][:1] == ["086"]


def test_events_arriving_to_deliver_aid_is_aid(run: Run) -> None:
    r = run("Indian navy ships arrived in Colombo on Sunday to deliver relief supplies.")
    assert "AID" in r.types()


def test_events_peacekeepers_beginning_to_deploy_is_peacekeeping(run: Run) -> None:
    r = run("Hundreds of Bangladeshi peacekeepers began deploying in the Central African Republic on Monday.")
    assert "MOBILIZE" not in r.types()


def test_events_aid_as_subject_of_support_is_aid(run: Run) -> None:
    r = run("Japanese aid has supported thousands of farmers in northern Ghana.")
    assert r.types()[:1] == ["AID"]


def test_events_troops_leaving_a_country_is_a_retreat(run: Run) -> None:
    r = run("French troops have begun leaving Mali after nine years.")
    assert "RETREAT" in r.types()


def test_events_ceasing_military_operations_is_de_escalation(run: Run) -> None:
    r = run("The Sudanese army has ceased military operations in Darfur.")
    assert "RETREAT" in r.types()


def test_events_name_calling_is_disapproval(run: Run) -> None:
    r = run("The Brazilian president on Friday called the French ambassador a liar.")
    assert r.types() == ["ACCUSE"]


def test_events_approval_given_to_a_foreign_party_is_allowing_involvement(run: Run) -> None:
    r = run("The Sudanese government gave approval for the Red Cross to visit prisoners in Darfur.")
    assert [e.cameo for e in r.events][:1] == ["086"]


def test_events_shortening_a_curfew_is_a_concession(run: Run) -> None:
    r = run("The Malian junta on Monday shortened the nightly curfew in Bamako by two hours.")
    assert "CONCEDE" in r.types()


def test_events_a_detachment_of_peacekeepers_arriving_is_peacekeeping(run: Run) -> None:
    r = run("A detachment of Nepalese peacekeepers arrived in Goma on Sunday.")
    ev = [e for e in r.events if e.type == "AID"]
    assert ev and "NPL" in r.countries(ev[0].actors)


def test_events_mobilising_funds_is_aid_not_a_force_posture(run: Run) -> None:
    r = run("The World Bank is mobilising additional funds to support reconstruction in Ukraine.")
    assert "MOBILIZE" not in r.types() and "AID" in r.types()


def test_events_authorising_the_release_of_aid_is_aid(run: Run) -> None:
    r = run("The US Congress has authorized the release of $2 billion in military assistance to Israel.")
    assert "AID" in r.types()


def test_events_giving_up_fighting_is_de_escalation(run: Run) -> None:
    r = run("Two hundred Taliban fighters have given up fighting in Kunduz province.")
    assert r.types()[:1] == ["RETREAT"]


def test_events_search_and_rescue_teams_deployed_are_aid(run: Run) -> None:
    r = run("Turkey deployed five search-and-rescue teams to Morocco after the earthquake.")
    assert "AID" in r.types() and "MOBILIZE" not in r.types()


def test_events_helping_establish_or_rebuild_is_aid(run: Run) -> None:
    r = run("Japan helped rebuild schools in northern Iraq.")
    assert r.types()[:1] == ["AID"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Taiwan's defence ministry said it had dispatched aircraft and ships in response.", "MOBILIZE"),
        ("The United States sent fighter jets and missiles to Ukraine.", "AID"),
    ],
)
def test_events_sending_forces_is_aid_only_to_someone(run: Run, text: str, expected: str) -> None:
    assert run(text).types() == [expected]
