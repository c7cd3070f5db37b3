"""Trigger senses of issue 9, third pass, on sentences we wrote: a verb names an event only in the
sense its arguments give it. Returning fire is shooting back, not handing something back; releasing
a document is no prisoner release; a measure that targets someone is no attack; forces that end a
siege make no concession; readiness to defend or retaliate is a warning; water cannon and tear gas are crowd-control assaults (PLOVER 3.16);
a force boarding a vessel seizes it."""

from __future__ import annotations

import pytest

from tests.events.conftest import Result, Run


def codes(res: Result) -> list[tuple[str, str]]:
    return [(e.type, e.cameo) for e in res.events]


@pytest.mark.parametrize(
    "text",
    [
        "Troops returned fire, killing two gunmen, the army said.",
        "The soldiers returned the fire after coming under attack near the border.",
        "Border guards returned fire and the attackers fled.",
        "Soldiers had returned fire before reinforcements arrived.",
    ],
)
def test_returning_fire_is_an_assault_not_a_return(run: Run, text: str) -> None:
    res = run(text)
    assert ("ASSAULT", "190") in codes(res), res.events
    assert "RETREAT" not in res.types()


def test_returning_people_stays_a_return(run: Run) -> None:
    assert ("RETREAT", "0842") in codes(run("The rebels returned the prisoners to the Red Cross."))


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors released the indictment against the former governor on Friday.",
        "The commission has released its findings on the massacre.",
        "Police released a map of the areas under curfew.",
        "The ministry will release the casualty figures next week.",
        "The figures come from a report which was released on Monday by the agency.",
    ],
)
def test_releasing_a_document_is_no_release_of_people(run: Run, text: str) -> None:
    assert "RETREAT" not in run(text).types()


def test_releasing_hostages_stays_a_release(run: Run) -> None:
    assert ("RETREAT", "0841") in codes(run("The militants released two hostages on Monday."))


@pytest.mark.parametrize(
    "text",
    [
        "The European Union adopted measures targeting the country's oil exports.",
        "Parliament passed a law that targets foreign-funded groups.",
        "The new sanctions target the country's shipping companies.",
        "The campaign targeted young voters in the north.",
    ],
)
def test_a_measure_that_targets_someone_is_no_attack(run: Run, text: str) -> None:
    assert "ASSAULT" not in run(text).types()


def test_force_that_targets_someone_stays_an_attack(run: Run) -> None:
    assert "ASSAULT" in run("Drones targeted an army base near the capital.").types()


@pytest.mark.parametrize(
    "text",
    [
        "Security forces ended the siege of the hotel after a 12-hour gunfight.",
        "Police have ended a standoff with gunmen at the bank.",
        "Commandos ended the hostage crisis at the school on Sunday.",
    ],
)
def test_forces_ending_a_siege_make_no_concession(run: Run, text: str) -> None:
    assert "CONCEDE" not in run(text).types()


def test_a_government_ending_a_blockade_concedes(run: Run) -> None:
    assert ("CONCEDE", "081") in codes(run("The government ended the blockade of the port on Friday."))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The army said it is ready to defend the border against any attack.", "13"),
        ("Rebel leaders said they were prepared to retaliate if the shelling continued.", "138"),
        ("The minister said the country was willing to fight for every village.", "138"),
        ("The president said his forces were ready to protect the enclave.", "138"),
    ],
)
def test_readiness_to_use_force_is_a_warning_not_an_offer(run: Run, text: str, cameo: str) -> None:
    res = run(text)
    assert [e.type for e in res.events] == ["THREATEN"], res.events
    assert res.events[0].cameo.startswith(cameo)


def test_readiness_for_talks_stays_an_offer(run: Run) -> None:
    assert ("AGREE", "036") in codes(run("The government said it was ready to resume talks with the rebels."))


@pytest.mark.parametrize(
    "text",
    [
        "Coast guard ships fired water cannon at the fishing boats.",
        "Police used water cannons against the marchers on Saturday.",
        "Riot police sprayed the protesters with a water cannon.",
        "Soldiers fired tear gas at the mourners outside the mosque.",
        "Officers had lobbed tear gas canisters into the crowded square.",
    ],
)
def test_crowd_control_weapons_are_assaults_of_their_mode(run: Run, text: str) -> None:
    """PLOVER manual 3.16: tear gas and water cannons are ASSAULT, mode crowd-control (CAMEO 175)."""
    res = run(text)
    assert ("ASSAULT", "175") in codes(res), res.events
    assert all(e.mode == "crowd-control" for e in res.events if e.type == "ASSAULT"), res.events
    assert "COERCE" not in res.types()


@pytest.mark.parametrize(
    "text",
    [
        "Coast guard officers boarded the fishing boat and inspected the crew's papers.",
        "Navy commandos have boarded two tankers suspected of carrying oil.",
        "Pirates boarded the cargo ship off the coast of Somalia.",
    ],
)
def test_a_force_boarding_a_vessel_seizes_it(run: Run, text: str) -> None:
    assert ("COERCE", "171") in codes(run(text))


def test_passengers_boarding_a_ferry_is_no_event(run: Run) -> None:
    assert run("Hundreds of passengers boarded the ferry in Dover.").events == []


@pytest.mark.parametrize(
    "text",
    [
        "Moscow called the arrests a provocation.",
        "The foreign ministry described the drills as a dangerous escalation.",
        "Kyiv branded the referendum a sham.",
        "The opposition labelled the ruling illegal.",
        "Officials termed the raid a violation of the ceasefire.",
    ],
)
def test_calling_an_act_by_a_damning_name_denounces_it(run: Run, text: str) -> None:
    res = run(text)
    assert ("ACCUSE", "111") in codes(res), res.events
    assert next(e for e in res.events if e.type == "ACCUSE").actors


def test_the_owner_of_the_denounced_act_is_the_recipient(run: Run) -> None:
    res = run("Tehran called Israel's strikes a crime.")
    accuse = next(e for e in res.events if e.type == "ACCUSE")
    assert res.countries(accuse.actors) == {"IRN"} and res.countries(accuse.recipients) == {"ISR"}


@pytest.mark.parametrize(
    "text",
    [
        "The minister called the meeting a success.",
        "The president called the deal a breakthrough for the region.",
        "She described the talks as constructive.",
    ],
)
def test_calling_an_act_by_a_kind_name_is_no_accusation(run: Run, text: str) -> None:
    assert "ACCUSE" not in run(text).types()


@pytest.mark.parametrize(
    "text",
    [
        "Police fired live ammunition over the heads of the crowd.",
        "Guards fired rubber bullets and tear gas at the protesters.",
        "The gunmen had fired several volleys at the convoy.",
    ],
)
def test_firing_ammunition_is_an_assault(run: Run, text: str) -> None:
    assert "ASSAULT" in run(text).types()


@pytest.mark.parametrize(
    ("text", "etype", "status"),
    [
        ("The United States will continue to stand with Ukraine, the secretary said.", "SUPPORT", "reported"),
        ("Britain will continue to support the mission, the minister said.", "SUPPORT", "reported"),
        ("Japan will continue to provide humanitarian aid to Gaza.", "AID", "asserted"),
        ("Israel and Hamas will continue to negotiate, the mediator said.", "CONSULT", "reported"),
    ],
)
def test_cooperation_said_to_go_on_is_the_cooperation_not_a_promise(run: Run, text: str, etype: str, status: str) -> None:
    res = run(text)
    assert [(e.type, e.status) for e in res.events] == [(etype, status)], res.events


def test_new_cooperation_announced_stays_an_agreement(run: Run) -> None:
    assert run("Norway will send aid to the refugees.").types() == ["AGREE"]


@pytest.mark.parametrize(
    "text",
    [
        "The government held Hamas fully responsible for the killings.",
        "The ministry holds the militia responsible for the attack.",
        "Kyiv held Moscow accountable for the shelling.",
    ],
)
def test_holding_someone_responsible_blames_them(run: Run, text: str) -> None:
    res = run(text)
    accuse = next(e for e in res.events if e.type == "ACCUSE")
    assert accuse.cameo == "112" and accuse.actors and accuse.recipients


def test_holding_a_hearing_is_no_accusation(run: Run) -> None:
    assert "ACCUSE" not in run("The court held the hearing in private.").types()


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The rebels have vowed to crush the government forces.", "THREATEN"),
        ("Troops annihilated the rebel column near the river.", "ASSAULT"),
        ("The air raid wiped out an entire village.", "ASSAULT"),
    ],
)
def test_crushing_a_force_is_force(run: Run, text: str, etype: str) -> None:
    assert etype in run(text).types()


@pytest.mark.parametrize(
    "text",
    [
        "The ruling crushed hopes of a quick settlement.",
        "The bombing campaign crushed the health system.",
        "The defeat crushed the rebels' morale.",
    ],
)
def test_crushing_hopes_or_systems_is_no_force(run: Run, text: str) -> None:
    assert "ASSAULT" not in run(text).types()


@pytest.mark.parametrize(
    "text",
    [
        "Tehran called the claim absurd.",
        "The UAE denied arming the group, an accusation the foreign ministry called baseless.",
        "The ministry described the allegations as groundless.",
    ],
)
def test_calling_a_claim_baseless_is_a_denial_not_an_accusation(run: Run, text: str) -> None:
    res = run(text)
    assert "ACCUSE" not in res.types() and ("REJECT", "120") in codes(res), res.events


def test_rejecting_an_accusation_in_a_relative_clause_stays_a_rejection(run: Run) -> None:
    assert "REJECT" in run("He accused the agency of bias, an accusation the agency has rejected.").types()


def test_a_damning_name_in_a_relative_clause_still_denounces(run: Run) -> None:
    assert "ACCUSE" in run("The raid, which the minister called a crime, killed six people.").types()


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kyiv called the drills a violation of the Minsk accords.", "BLR"),
        ("The ministry described the shelling as a breach of the Geneva conventions.", "CHE"),
        ("Seoul labelled the launch a violation of the Washington declaration.", "USA"),
    ],
)
def test_a_place_inside_the_damning_name_is_no_recipient(run: Run, text: str, country: str) -> None:
    res = run(text)
    accuse = next(e for e in res.events if e.type == "ACCUSE")
    assert country not in res.countries(accuse.recipients)
