"""The sides of a conflict or of talks ("the two sides", "the factions", "the warring parties") are
participants of no sector: their agreements and meetings are found, and "party" there is no political
party (issue 9, lede constructions). Sentences we wrote."""

from __future__ import annotations

import pytest

from tests.events.conftest import Run


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed on Sunday to observe a pause in the fighting.",
        "The factions agreed to observe a truce.",
        "Both belligerents accepted the ceasefire plan.",
        "The belligerents have agreed to share power until the election.",
    ],
)
def test_sides_that_agree_are_the_actors_of_the_agreement(run: Run, text: str) -> None:
    res = run(text)
    agree = [e for e in res.events if e.type == "AGREE"]
    assert agree, res.events
    doers = [res.actor(a) for a in agree[0].actors]
    assert doers and all(a.sector is None for a in doers), doers


@pytest.mark.parametrize(
    "text",
    [
        "The warring parties met in Geneva on Tuesday.",
        "The negotiating parties signed a framework deal.",
        "The parties to the conflict rejected the proposal.",
    ],
)
def test_parties_to_a_conflict_are_no_political_party(run: Run, text: str) -> None:
    res = run(text)
    assert res.events, res.events
    assert all(res.actor(a).sector != "PTY" for e in res.events for a in e.actors), res.actors


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The armed faction attacked the convoy.", "REB"),
        ("The ruling party rejected the plan.", "PTY"),
        ("The Labour Party rejected the budget on Monday.", "PTY"),
    ],
)
def test_armed_factions_and_political_parties_keep_their_sector(run: Run, text: str, sector: str) -> None:
    res = run(text)
    assert [res.actor(a).sector for a in res.events[0].actors] == [sector], res.events


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The army shelled rebel positions outside the town.", "REB"),
        ("Militants attacked an army base near the border.", "MIL"),
        ("Drones struck insurgent hideouts overnight.", "REB"),
        ("Rebels overran a police checkpoint in the north.", "COP"),
    ],
)
def test_a_strike_on_a_held_place_is_done_to_its_holder(run: Run, text: str, sector: str) -> None:
    """``arguments.held_by``: "rebel positions", "an army base" are the rebels', the army's."""
    res = run(text)
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert [res.actor(r).sector for r in ev.recipients] == [sector], res.events


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Israeli aircraft hit Hezbollah targets in southern Lebanon.", "LBN"),
        ("Pakistani jets struck Taliban hideouts in eastern Afghanistan.", "AFG"),
        ("Iraqi warplanes pounded PKK positions in northern Iraq.", "IRQ"),
    ],
)
def test_the_place_of_a_held_place_is_where_not_whom(run: Run, text: str, place: str) -> None:
    """``build.held_place_site``: the country of "in southern Lebanon" is no recipient beside a named holder."""
    res = run(text)
    ev = next(e for e in res.events if e.type == "ASSAULT")
    recipients = [res.actor(r) for r in ev.recipients]
    assert recipients and all(not (a.type == "country" and a.country == place) for a in recipients), recipients


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Russian missiles struck military targets in Kharkiv.", "UKR"),
        ("Israel struck targets in Gaza overnight.", "PSE"),
        ("Artillery hit positions in Donetsk.", "UKR"),
        ("Militants overran an army base in northern Kenya.", "KEN"),  # a holder of no country: the place says whose
    ],
)
def test_a_place_of_no_named_holder_stays_the_target(run: Run, text: str, country: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert country in res.countries(ev.recipients), res.events
