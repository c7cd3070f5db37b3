"""Argument roles from syntax (issue 9): the agent of a nominal event and whom it is aimed at, and
inanimate subjects, on sentences we wrote (other verbs, tenses and voices than the rules' docstrings)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    Run = Callable[..., Any]


def _names(res: Any, ids: tuple[str, ...]) -> set[str]:
    return {res.actor(i).name for i in ids}


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        ("The offensive by the president's forces against the rebels killed dozens.", "president's forces", "rebels"),
        ("An assault by government troops on the rebel stronghold has killed at least ten fighters.", "government troops", None),
        ("The raid by police against the protesters wounded twenty people.", "police", "protesters"),
        ("The offensive by the president's forces against the rebels continued on Monday.", "president's forces", "rebels"),
    ],
)
def test_roles_nominal_event_subject_gives_agent_by_phrase_and_target(run: Run, text: str, actor: str, target: str | None) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert _names(res, ev.actors) == {actor}  # the by-agent, never the nearest name (the rebels)
    if target is not None:
        assert target in _names(res, ev.recipients)


@pytest.mark.parametrize(
    "text",
    [
        "A drone struck a fuel depot near the border.",
        "A warplane bombed the bridge at dawn.",
        "Rockets hit the airport on Tuesday night.",
    ],
)
def test_roles_inanimate_subject_without_owner_is_an_unknown_actor(run: Run, text: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert ev.actors == ()


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("A Russian drone struck a fuel depot near the border.", "RUS"),
        ("Russia's strikes on the port have destroyed two ships.", "RUS"),
        ("Israel's warplanes bombed the bridge.", "ISR"),
    ],
)
def test_roles_inanimate_subject_with_stated_owner_is_the_owner(run: Run, text: str, country: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert res.countries(ev.actors) == {country}


def test_roles_weapon_fired_by_a_named_party_is_that_party(run: Run) -> None:
    res = run("Missiles fired by the militia hit the airport.")
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert _names(res, ev.actors) == {"militia"}


@pytest.mark.parametrize(
    ("text", "accuser", "accused", "deed"),
    [
        ("Rebels accused the army of shelling markets in the north.", "Rebels", "army", "ASSAULT"),
        ("Ukraine accused Russia of shelling the nuclear plant.", "Ukraine", "Russia", "ASSAULT"),
        ("The opposition blamed the police for killing two protesters.", "opposition", "police", "ASSAULT"),
        ("Kyiv has accused Moscow of launching missile strikes on civilian areas.", "Ukraine", "Russia", "ASSAULT"),
    ],
)
def test_roles_accuser_is_not_the_actor_of_the_accused_act(run: Run, text: str, accuser: str, accused: str, deed: str) -> None:
    res = run(text)
    accuse = next(e for e in res.events if e.type == "ACCUSE")
    assert _names(res, accuse.actors) == {accuser} and _names(res, accuse.recipients) == {accused}
    act = next(e for e in res.events if e.type == deed)
    assert _names(res, act.actors) == {accused}
    assert act.status == "alleged" and act.source == accuse.actors[0]


def test_roles_charge_without_accuser_is_alleged_without_source(run: Run) -> None:
    res = run("The army is accused of shelling markets.")
    act = next(e for e in res.events if e.type == "ASSAULT")
    assert _names(res, act.actors) == {"army"} and act.status == "alleged" and act.source is None


def test_roles_praise_for_a_deed_adds_no_event(run: Run) -> None:
    res = run("The envoy praised the rebels for releasing the hostages.")
    assert res.types() == ["SUPPORT"]


@pytest.mark.parametrize(
    "text",
    [
        "An armed group attacked a police station in the north.",
        "A jihadist faction ambushed the convoy near the border.",
        "Gunmen from a separatist movement kidnapped two engineers.",
    ],
)
def test_roles_armed_group_is_a_rebel_participant_never_gov(run: Run, text: str) -> None:
    res = run(text)
    ev = res.events[0]
    assert ev.actors and {res.actor(a).sector for a in ev.actors} <= {"REB"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("There were incidents like the attack on policemen in Karachi, which killed 13 people.", "PAK"),
        ("The bombing of the market in Kabul, which killed six people, drew condemnation.", "AFG"),
        ("Police are investigating the attack on the army post near Kandahar, which killed four soldiers.", "AFG"),
    ],
)
def test_roles_relative_clause_of_an_event_noun_is_not_done_by_a_place(run: Run, text: str, place: str) -> None:
    res = run(text)
    for ev in res.events:
        if ev.type == "ASSAULT":
            assert place not in res.countries(ev.actors)


@pytest.mark.parametrize(
    "text",
    [
        "Two soldiers were seized near the border on Friday. The insurgents said on Sunday they had killed 23 kidnapped soldiers.",
        "Hostages were taken in the raid. Later they executed four hostages, the army said.",
        "Police arrested the protesters. Then they beat three protesters.",
    ],
)
def test_roles_pronoun_doer_is_never_the_victims_kind(run: Run, text: str) -> None:
    res = run(text)
    for ev in res.events:
        if ev.type == "ASSAULT":
            victims = {res.actor(r).name.split()[-1] for r in ev.recipients}
            assert not {res.actor(a).name.split()[-1] for a in ev.actors} & victims
