"""Events of issue 9 that the rules missed or mistook, second pass, on sentences we wrote: force with
less common verbs, arrivals and deployments of forces, solidarity, terrorist designation, barring
from elections, harassment across a line, coercion and accusations named by nouns; and the senses
that are not what they seem (a vow to eliminate fighters, readiness for war, armed support in
fighting, a team sent for talks)."""

from __future__ import annotations

import pytest

from tests.events.conftest import Result, Run


def one(res: Result, etype: str, cameo: str | None = None) -> None:
    assert any(e.type == etype and (cameo is None or e.cameo.startswith(cameo)) for e in res.events), res.events


@pytest.mark.parametrize(
    "text",
    [
        "The army said it neutralized 20 militants in the region.",
        "Security forces have neutralised three gunmen near the airport.",
        "Government forces inflicted heavy losses on the rebels.",
        "The militia inflicted dozens of casualties on the garrison.",
    ],
)
def test_missed_force_with_less_common_verbs_is_assault(run: Run, text: str) -> None:
    one(run(text), "ASSAULT")


@pytest.mark.parametrize(
    "text",
    ["The engineers neutralized the threat.", "The team neutralised the acid with a base.", "The ruling inflicted damage on his career."],
)
def test_missed_no_assault_without_a_human_target(run: Run, text: str) -> None:
    assert "ASSAULT" not in run(text).types()


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The first contingent of Kenyan police arrived in the capital on Tuesday.", "153"),
        ("Hundreds of French troops arrived in the port city.", "154"),
        ("Hundreds of troops were deployed to the border.", "154"),
        ("Two battalions have been deployed in the north.", "154"),
    ],
)
def test_missed_arrivals_and_passive_deployments_of_forces_mobilize(run: Run, text: str, cameo: str) -> None:
    res = run(text)
    one(res, "MOBILIZE", cameo)
    assert next(e for e in res.events if e.type == "MOBILIZE").actors


@pytest.mark.parametrize(
    ("text", "etype", "cameo"),
    [
        ("Ruritania expressed solidarity with Freedonia.", "SUPPORT", "051"),
        ("Unions voiced their solidarity with the striking dockers.", "SUPPORT", "051"),
        ("Ruritania designated the Brotherhood a terrorist organization.", "COERCE", "172"),
        ("The group was designated as a terrorist organisation by the government.", "COERCE", "172"),
        ("The election commission barred the opposition leader from running.", "COERCE", "1722"),
        ("The opposition leader was barred from standing in the election.", "COERCE", "1722"),
        ("The court disqualified the main opposition candidate.", "COERCE", "1722"),
        ("North Korea sent balloons carrying trash across the border.", "COERCE", "170"),
        ("Activists launched balloons with leaflets toward the north.", "COERCE", "170"),
        ("South Korea resumed propaganda loudspeaker broadcasts along the border.", "COERCE", "170"),
        ("Freedonia closed its embassy in Nairobi on Monday.", "SANCTION", "161"),
    ],
)
def test_missed_constructions_are_coded(run: Run, text: str, etype: str, cameo: str) -> None:
    one(run(text), etype, cameo)


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("The arrest of three activists sparked protests.", "activists"),
        ("The detention of the journalist drew wide criticism.", "journalist"),
        ("Rights groups documented dozens of arbitrary detentions in the capital.", None),
        ("Rights groups have documented the arbitrary detention of hundreds of protesters.", "protesters"),
    ],
)
def test_missed_coercion_named_by_a_noun_happened_without_a_named_doer(run: Run, text: str, victims: str | None) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "COERCE")
    assert not ev.actors
    if victims:
        assert victims in {res.actor(r).name for r in ev.recipients}


@pytest.mark.parametrize(
    "text",
    ["The arrest was legal, the court said.", "Police denied the arrest of the activists.", "Any arrest of the leader would be illegal."],
)
def test_missed_no_coercion_noun_event_without_whom_or_in_denial(run: Run, text: str) -> None:
    assert "COERCE" not in run(text).types()


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Ruritania's accusations against Freedonia have strained ties.", "Ruritania", "Freedonia"),
        ("Freedonia dismissed Ruritania's accusations of genocide.", "Ruritania", None),
        ("The opposition's allegations against the governor were aired on television.", "opposition", "governor"),
        ("Ruritania leveled accusations against Freedonia at the council.", "Ruritania", "Freedonia"),
    ],
)
def test_missed_an_accusation_with_its_own_doer_is_accuse(run: Run, text: str, accuser: str, accused: str | None) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "ACCUSE")
    assert accuser in {res.actor(a).name for a in ev.actors}
    if accused:
        assert accused in {res.actor(r).name for r in ev.recipients}


@pytest.mark.parametrize(
    "text",
    [
        "The president vowed to eliminate the militants.",
        "The commander pledged to eliminate every jihadist cell in the province.",
        "The army is fully prepared for any confrontation.",
        "The militia said it was ready for a long war.",
    ],
)
def test_missed_vows_of_killing_and_readiness_for_war_are_threats_not_agreements(run: Run, text: str) -> None:
    res = run(text)
    assert "AGREE" not in res.types()
    one(res, "THREATEN", "138")


@pytest.mark.parametrize(
    "text",
    [
        "The rebels, supported by the army, attacked the town.",
        "Syrian troops backed by Russian warplanes continued their offensive.",
        "The militia fighters, supported by government troops, advanced on the port.",
    ],
)
def test_missed_armed_support_in_fighting_is_military_cooperation(run: Run, text: str) -> None:
    res = run(text)
    assert "SUPPORT" not in res.types()
    one(res, "COOPERATE", "062")


@pytest.mark.parametrize(
    "text",
    ["The army supported the peace plan.", "Ruritania backed the resolution at the council.", "Troops voiced support for the new constitution."],
)
def test_missed_verbal_support_stays_support(run: Run, text: str) -> None:
    one(run(text), "SUPPORT")


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania sent a team for talks with Freedonia.",
        "Norway sent negotiators for talks with the rebels.",
        "The union sent a team to the capital for consultations.",
    ],
)
def test_missed_a_team_sent_for_talks_consults_no_aid(run: Run, text: str) -> None:
    res = run(text)
    assert "AID" not in res.types()
    one(res, "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        "The army warned that it would respond with force.",
        "Moscow warned of retaliation if the missiles were deployed.",
        "The ministry has warned of a strong response to any incursion.",
        "Pyongyang's warning to Seoul came hours after the drills.",
    ],
)
def test_missed_a_warning_of_the_warners_own_answer_is_a_threat(run: Run, text: str) -> None:
    one(run(text), "THREATEN")


@pytest.mark.parametrize(
    "text",
    ["Aid groups warned of a famine in the north.", "Analysts warned that prices would rise.", "Doctors warn that the virus will spread."],
)
def test_missed_a_warning_of_a_danger_is_no_threat(run: Run, text: str) -> None:
    assert "THREATEN" not in run(text).types()


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Germany made a pledge to send more air defence systems.", "AGREE"),
        ("The European Union reaffirmed its support for Ukraine.", "SUPPORT"),
        ("France said it stands with the people of Lebanon.", "SUPPORT"),
        ("Canada affirmed its support for the ceasefire plan.", "SUPPORT"),
    ],
)
def test_missed_pledges_and_support_statements(run: Run, text: str, etype: str) -> None:
    one(run(text), etype)


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("The government blamed the attack on the rebels.", "rebels"),
        ("The bombing of the market was blamed on separatists.", "separatists"),
        ("Officials blame the killings on a local militia.", "local militia"),
    ],
)
def test_missed_a_deed_blamed_on_someone_is_their_alleged_deed(run: Run, text: str, accused: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert ev.status == "alleged"
    assert accused in {res.actor(a).name for a in ev.actors}


@pytest.mark.parametrize(
    ("text", "caller", "called"),
    [
        ("In a phone call with Macron, Zelensky thanked France for its support.", "Zelensky", "Macron"),
        ("During talks with the rebels, the army shelled the town.", "army", "rebels"),
        ("The minister said in a meeting with the envoy that the border would reopen.", "minister", "envoy"),
    ],
)
def test_missed_a_consultation_a_clause_is_set_in_is_held_by_its_subject(run: Run, text: str, caller: str, called: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "CONSULT")
    assert caller in {res.actor(a).name for a in ev.actors}
    assert called in {res.actor(r).name for r in ev.recipients}


@pytest.mark.parametrize(
    ("text", "warner", "warned"),
    [
        ("In a warning to Seoul, Pyongyang fired two missiles into the sea.", "North Korea", "South Korea"),
        ("Freedonia massed troops on the border as a warning to Ruritania.", "Freedonia", "Ruritania"),
        ("Iran seized a tanker in the Gulf in a warning to Britain.", "Iran", "United Kingdom"),
    ],
)
def test_missed_a_warning_a_deed_is_set_in_is_the_doers_threat(run: Run, text: str, warner: str, warned: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "THREATEN")
    assert warner in {res.actor(a).name for a in ev.actors}
    assert warned in {res.actor(r).name for r in ev.recipients}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("The phone call between Biden and Xi lasted two hours.", {"Biden", "Xi"}),
        ("Talks between Ruritania and Freedonia resumed on Monday.", {"Ruritania", "Freedonia"}),
        ("Fighting continued despite talks between the army and the rebels.", {"army", "rebels"}),
    ],
)
def test_missed_a_consultation_between_parties_is_theirs(run: Run, text: str, parties: set[str]) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "CONSULT")
    assert parties <= {res.actor(a).name for a in ev.actors}
