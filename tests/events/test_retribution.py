"""Warnings of retribution (``events.retribution``) on sentences we wrote: a future clause that says
someone will be made to suffer is a THREATEN by whoever says it, against that someone; reports of
losses, costs and analysts' forecasts are not."""

from __future__ import annotations

import pytest

from tests.events.conftest import Run


@pytest.mark.parametrize(
    ("text", "speaker", "warned"),
    [
        ("Russia will pay dearly for the attack, the Ukrainian president said.", "president", "Russia"),
        ("The army chief said the attackers would face the consequences.", "army chief", "attackers"),
        ("The rebels will pay a heavy price for their betrayal, the general warned.", "general", "rebels"),
        ('"You will regret it," the president told the rebels.', "president", "rebels"),
        ("The interior minister said those responsible would be punished.", "minister", None),
    ],
)
def test_a_warning_of_retribution_is_a_threat_by_its_speaker(run: Run, text: str, speaker: str, warned: str | None) -> None:
    res = run(text)
    threats = [e for e in res.events if e.type == "THREATEN"]
    assert len(threats) == 1, res.events
    e = threats[0]
    assert e.status == "future" and e.cameo == "130"
    assert [speaker in res.actor(a).name for a in e.actors] == [True], [res.actor(a).name for a in e.actors]
    if warned is not None:
        assert any(warned in res.actor(r).name or res.actor(r).country == "RUS" for r in e.recipients), e.recipients


@pytest.mark.parametrize(
    "text",
    [
        '"This aggression will not go unanswered," the foreign minister said.',
        "Any incursion will be met with force, the defence minister said.",
        '"They will pay a heavy price," the commander said.',
    ],
)
def test_a_negated_or_passive_warning_still_threatens(run: Run, text: str) -> None:
    res = run(text)
    assert [(e.type, e.status) for e in res.events] == [("THREATEN", "future")], res.events
    assert res.events[0].actors


@pytest.mark.parametrize(
    "text",
    [
        "The militants paid a heavy price for the raid, the army said.",
        "Consumers will pay higher prices for fuel next year.",
        "Farmers will face the consequences of the drought.",
        "Analysts said the government would face a backlash over the plan.",
        '"If there is another war, our people will pay the price again," the governor said.',
    ],
)
def test_losses_costs_and_forecasts_are_no_threat(run: Run, text: str) -> None:
    assert "THREATEN" not in run(text).types()


def test_a_quoted_warning_without_a_verb_of_saying_is_the_quote_speakers() -> None:
    from communique.pipeline import analyze
    from communique.records import Article

    text = ('KABUL, May 2 (Wire) - The governor of the province spoke to reporters on Friday. '
            '"The attackers will pay a heavy price. We have shown restraint," Governor Ahmad Karimi said.')
    d = analyze(Article(id="warning", text=text, published="2025-05-02")).to_dict()
    names = {a["id"]: a["name"] for a in d["actors"]}
    [threat] = [e for e in d["events"] if e["type"] == "THREATEN"]
    assert [names[a] for a in threat["actors"]] == ["Ahmad Karimi"]
    assert [names[r] for r in threat["recipients"]] == ["attackers"]
