"""The lede's main event in the constructions ledes are written in (issue 9): passives, nominal
events, light and support verbs, a truce named as "a halt to the fighting", "left N dead".
Sentences we wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    Run = Callable[..., Any]


@pytest.mark.parametrize(
    ("text", "etype", "actor", "recipient"),
    [
        ("The truce plan put forward by Ankara was turned down by the militia's leaders.", "REJECT", None, "TUR"),
        ("The plan drafted by Qatar was turned down by Hamas.", "REJECT", "PSE", "QAT"),
        ("The proposal was rejected by Kyiv on Monday.", "REJECT", "UKR", None),
        ("Senators voted to impose new sanctions on Minsk.", "SANCTION", None, "BLR"),
        ("Ukraine's parliament voted to ban the party.", "COERCE", "UKR", None),
        ("Russia announced the withdrawal of its troops from Kherson.", "RETREAT", "RUS", None),
        ("Israel carried out air strikes on Gaza overnight.", "ASSAULT", "ISR", "PSE"),
    ],
)
def test_lede_passive_nominal_and_light_verb_events(run: Run, text: str, etype: str, actor: str | None, recipient: str | None) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == etype)
    if actor:
        assert actor in res.countries(ev.actors)
    if recipient:
        assert recipient in res.countries(ev.recipients)


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine agreed on Friday to implement a halt to the fighting.",
        "Armenia and Azerbaijan agreed to observe a ceasefire from midnight.",
        "Israel and Hamas have agreed to respect a pause in the fighting.",
    ],
)
def test_lede_agreement_to_implement_a_truce_is_one_agree_of_both_sides(run: Run, text: str) -> None:
    res = run(text)
    assert res.types() == ["AGREE"]
    assert len(res.events[0].actors) == 2


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bombing in the capital last Friday left twelve people dead.",
        "Twelve people were killed in a suicide bombing in the capital last Friday.",
        "A car bomb left three soldiers dead near the base.",
    ],
)
def test_lede_bombing_with_unknown_actor_is_one_assault(run: Run, text: str) -> None:
    res = run(text)
    assert res.types() == ["ASSAULT"]
    assert res.events[0].actors == ()


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Mediators from Qatar gathered in Cairo on Wednesday for the third day of indirect negotiations.", "CONSULT"),
        ("Envoys of Kenya and Somalia met in Geneva for a new round of talks.", "CONSULT"),
        ("Officials from Sudan assembled in Jeddah for a second session of negotiations.", "CONSULT"),
    ],
)
def test_lede_meeting_for_a_day_or_round_of_talks_is_a_consultation(run: Run, text: str, etype: str) -> None:
    assert etype in run(text).types()


@pytest.mark.parametrize(
    ("text", "etype", "actor"),
    [
        ("The peace committee met on Monday. The rebels said they had attacked the convoy.", "ASSAULT", "rebels"),
        ("The talks stalled. The ministry said it had expelled two diplomats.", "SANCTION", "ministry"),
        ("The protesters marched on Friday. Police say they arrested twelve people.", "COERCE", "Police"),
    ],
)
def test_lede_pronoun_subject_of_a_reported_clause_is_the_reporter(run: Run, text: str, etype: str, actor: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == etype)
    assert [res.actor(a).name for a in ev.actors] == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "He said implementing a ceasefire would not be very difficult.",
        "Observing the truce will require trust on both sides.",
        "The envoy spoke about respecting a pause in the fighting.",
    ],
)
def test_lede_gerund_activity_without_a_doer_is_no_event(run: Run, text: str) -> None:
    assert not any(e.type == "RETREAT" for e in run(text).events)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The rebels also called on other militant groups to observe the cease-fire.", "REQUEST"),
        ("The militia urged rival factions to respect the truce.", "REQUEST"),
        ("The rebels called for a ceasefire.", "AGREE"),
    ],
)
def test_lede_armed_party_appealing_to_others_for_a_truce_requests_it(run: Run, text: str, etype: str) -> None:
    assert run(text).types() == [etype]


def test_lede_relative_clause_on_a_person_keeps_its_own_doer(run: Run) -> None:
    res = run("A decision was taken at an emergency meeting of the committee, which later met Prime Minister Nawaz Sharif.")
    ev = next(e for e in res.events if e.type == "CONSULT")
    assert [res.actor(a).name for a in ev.actors] == ["committee"]
