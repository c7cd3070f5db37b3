"""Status constructions of issue 9 on sentences we wrote: conditions beyond "if" are hypothetical,
intention adjectives make the intended act future, and a denied clause is alleged on the denier's word."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from communique import syntax
from communique.claims import assess

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.language import Language

    Run = Callable[..., Any]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The militia will hold its fire as long as the army withdraws from the town.", "withdraws"),
        ("Talks can resume so long as the shelling stops.", "stops"),
        ("The rebels will free the hostages provided that the government releases their fighters.", "releases"),
        ("Ruritania will pull back its troops on condition that Freedonia halts its strikes.", "halts"),
        ("The port will reopen if the navy lifts the blockade.", "lifts"),
    ],
)
def test_status_condition_clause_is_hypothetical(nlp: Language, text: str, verb: str) -> None:
    tok = next(t for t in nlp(text) if t.text == verb)
    assert syntax.is_condition_clause(tok)
    assert assess(tok).status == "hypothetical"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The United States has provided most of the funding for the mission.", "provided"),
        ("The army withdrew as the rebels advanced.", "advanced"),
        ("The minister spoke for as long as the session allowed.", "spoke"),
    ],
)
def test_status_no_condition_without_a_condition_word(nlp: Language, text: str, verb: str) -> None:
    tok = next(t for t in nlp(text) if t.text == verb)
    assert not syntax.is_condition_clause(tok)


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The government is eager to withdraw from the talks.", "SANCTION"),
        ("Freedonia is keen to expel the envoy.", "SANCTION"),
        ("The army is poised to launch an offensive on the city.", "ASSAULT"),
        ("Freedonia is set to expel two diplomats.", "SANCTION"),
    ],
)
def test_status_intention_is_future_and_announced_force_a_threat(run: Run, text: str, etype: str) -> None:
    res = run(text)
    assert etype not in res.types()  # not done: an announced hostile act is a THREATEN (PLOVER)
    ev = next(e for e in res.events if e.type == "THREATEN")
    assert ev.status == "future"


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        ("The army denied that its soldiers shelled the village.", "army"),
        ("Moscow denied that Russian jets had bombed the hospital.", "Russia"),
        ("The police chief denies that officers beat the detainees.", "police chief"),
    ],
)
def test_status_denied_event_is_alleged_with_the_denier_recorded(run: Run, text: str, denier: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert ev.status == "alleged"
    assert res.actor(ev.source).name == denier


def test_status_denied_charge_stays_a_statement(run: Run) -> None:
    assert run("The ministry denied charges that it tortured two reporters.").events == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The men were killed in separate attacks late on Sunday in the south, a security official and the military said.", "military"),
        ("Rebels shelled the town on Monday, the army said.", "army"),
        ("Militants killed an army major near the border on Tuesday, and a soldier died in a separate attack, officials said.", "officials"),
    ],
)
def test_status_sentence_final_attribution_makes_the_event_reported(run: Run, text: str, source: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "ASSAULT")
    assert ev.status == "reported" and res.actor(ev.source).name == source


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The minister said an Israeli strike on Iran would provoke retaliation against US bases.", "strike"),
        ("Any incursion into the zone will trigger a response, the army said.", "incursion"),
        ("An attack on the convoy could start a war, diplomats warned.", "attack"),
        ("Air strikes on the port might push the rebels back to the table.", "strikes"),
    ],
)
def test_status_an_indefinite_event_subject_of_a_prediction_is_hypothetical(nlp: Language, text: str, noun: str) -> None:
    tok = next(t for t in nlp(text) if t.text == noun)
    assert assess(tok).status == "hypothetical"


@pytest.mark.parametrize(
    ("text", "noun", "status"),
    [
        ("The strike on the depot killed four soldiers, the army said.", "strike", "reported"),
        ("The Israeli strike on Iran would be the first since April, officials said.", "strike", "reported"),
        ("An attack on a convoy killed three soldiers on Monday.", "attack", "asserted"),
        ("An attack on the embassy will be investigated, the ministry said.", "attack", "reported"),
    ],
)
def test_status_a_real_event_subject_keeps_its_status(nlp: Language, text: str, noun: str, status: str) -> None:
    tok = next(t for t in nlp(text) if t.text == noun)
    assert assess(tok).status == status
