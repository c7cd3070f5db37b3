"""Sense constraints per PLOVER type (``events.senses``, ``data/en/event_senses.tsv``) on sentences we
wrote: figurative uses of force verbs are no ASSAULT, verbal attacks are criticism, physical ones stay."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from communique import data
from communique.events.senses import sense_rules

if TYPE_CHECKING:
    from collections.abc import Callable

    Run = Callable[..., Any]


def test_senses_table_loads_and_names_existing_word_lists() -> None:
    rules = sense_rules()
    assert {"ASSAULT", "COERCE"} <= set(rules)
    for rs in rules.values():
        for r in rs:
            assert r.action == "drop" or r.action.isdigit()
            for key, values in r.conditions:
                assert key in ("target", "doer", "trigger", "particle", "cause")
                if key in ("target", "doer", "cause"):
                    assert all(data.words(v) for v in values)


@pytest.mark.parametrize(
    "text",
    [
        "The senator fired up the crowd at the rally.",  # phrasal idiom
        "The minister fired off a letter to the council.",
        "The president hit out at critics of the plan.",
        "The court struck down the law on Tuesday.",  # a law is no physical target
        "Prices shot up after the storm.",  # an inanimate doer
        "The singer's new album shot to the top of the charts.",
        "The striker fired the ball into the net.",  # a game
        "The two envoys struck up a friendship during the talks.",
    ],
)
def test_senses_figurative_force_verbs_are_no_assault(run: Run, text: str) -> None:
    assert "ASSAULT" not in run(text).types()


@pytest.mark.parametrize(
    "text",
    [
        "The opposition leader attacked the government's economic record.",
        "The minister launched an attack on his rival's record.",
        "The union has attacked the new budget as unfair.",
    ],
)
def test_senses_verbal_attack_on_a_thing_is_criticism(run: Run, text: str) -> None:
    res = run(text)
    assert "ASSAULT" not in res.types()
    assert any(e.type == "ACCUSE" and e.cameo == "111" for e in res.events)


def test_senses_verbal_attack_names_the_owner_of_the_thing_as_recipient(run: Run) -> None:
    res = run("The opposition leader attacked the government's economic record.")
    ev = next(e for e in res.events if e.type == "ACCUSE")
    assert {res.actor(r).name for r in ev.recipients} == {"government"}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot up a bar in the capital.",
        "The army fired on the crowd.",
        "Rebels attacked the convoy near the border.",
        "Police fired tear gas at the protesters.",
        "Government forces launched an attack on the rebel stronghold.",
    ],
)
def test_senses_physical_force_stays_assault(run: Run, text: str) -> None:
    assert "ASSAULT" in run(text).types()


def test_senses_new_provenance_ids_are_registered(run: Run) -> None:
    from communique import rules

    res = run("Rebels accused the army of shelling markets. The opposition leader attacked the government's record.")
    for ev in res.events:
        assert rules.unregistered(ev.provenance) == []
    assert rules.unregistered("events.verb|claims.trailing_attribution") == []
