"""Who does an event: misparsed main clauses, passives, meetings, programmes, copulas.

All sentences are our own."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Run = Callable[..., Any]


def test_events_verbless_root_gives_its_noun_as_subject(run: Run) -> None:
    r = run("The Kenyan government, a group of opposition parties and the churches on Monday condemned Uganda's decision to close the border.")
    ev = [e for e in r.events if e.type == "ACCUSE"]
    assert ev and "KEN" in r.countries(ev[0].actors)


def test_events_verb_after_a_noun_tagged_verb_takes_its_subject(run: Run) -> None:
    r = run("The Egyptian government, thus, rejects and condemns the Ethiopian decision.")
    ev = [e for e in r.events if e.type == "ACCUSE"]
    assert ev and "EGY" in r.countries(ev[0].actors)


def test_events_expelled_from_a_country_gives_the_expeller(run: Run) -> None:
    r = run("Three French journalists have been expelled from Niger.")
    ev = [e for e in r.events if e.type == "SANCTION"]
    assert ev and r.countries(ev[0].actors) == {"NER"}


def test_events_a_summit_as_subject_gives_its_parties_as_actors(run: Run) -> None:
    r = run("The summit between Egypt and Ethiopia failed to reach agreement on the dam.")
    ev = [e for e in r.events if e.type == "REJECT"]
    assert ev and {"EGY", "ETH"} <= r.countries(ev[0].actors)


def test_events_troops_deployed_as_peacekeepers_are_the_providers(run: Run) -> None:
    r = run("About 1,500 Ghanaian soldiers were deployed as peacekeepers in southern Lebanon.")
    ev = [e for e in r.events if e.type == "AID"]
    assert ev and "GHA" in r.countries(ev[0].actors)


def test_events_a_package_as_subject_stands_for_its_owner(run: Run) -> None:
    r = run("The aid package proposed by Japan is allocating 50 million dollars in humanitarian support to Yemen.")
    ev = [e for e in r.events if e.type == "AID"]
    assert ev and r.countries(ev[0].actors) == {"JPN"}


def test_events_the_largest_donor_is_an_aid_giver(run: Run) -> None:
    r = run("Norway remains the largest donor of humanitarian assistance in Somalia.")
    assert r.types() == ["AID"]
    assert r.countries(r.events[0].actors) == {"NOR"}
    assert "SOM" in r.countries(r.events[0].recipients)
