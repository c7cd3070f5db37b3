"""Constructions that gave no event of the right class (issue 9, recall): rejection verbs, a state
of emergency or siege, tariffs suspended or waived, violence named as the subject of harm, a
protest called off by its own protesters, an event noun the tagger read as an adjective. Sentences
we wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    Run = Callable[..., Any]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry strongly refuted the envoy's remarks on the border dispute.",
        "The council rebutted the minister's comments about the referendum.",
        "Seoul has repudiated the 2015 agreement with Tokyo.",
    ],
)
def test_refuting_or_repudiating_a_statement_is_reject(run: Run, text: str) -> None:
    assert "REJECT" in run(text).types()


@pytest.mark.parametrize(
    "text",
    [
        "The ministry refuted the allegations of torture.",
        "The general rebutted the claims that his troops had fired first.",
        "The embassy refuted the report as fabricated.",
    ],
)
def test_refuting_a_charge_is_a_denial_not_a_rejection(run: Run, text: str) -> None:
    assert "REJECT" not in run(text).types()


@pytest.mark.parametrize(
    "text",
    [
        "The junta declared a state of siege in the capital on Monday.",
        "Officials have declared a state of siege in the eastern districts.",
        "The government imposed a state of siege in the province after the riots.",
    ],
)
def test_state_of_siege_is_martial_law_not_a_blockade(run: Run, text: str) -> None:
    ev = next(e for e in run(text).events if e.type == "COERCE")
    assert ev.cameo == "1724"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Kenya suspended the tariffs on Ugandan sugar.", "UGA"),
        ("Washington has waived the duties on Mexican steel.", "MEX"),
        ("Beijing scrapped the levy on Australian barley last year.", "AUS"),
        ("Tariffs on Canadian lumber were removed by the administration.", "CAN"),
    ],
)
def test_suspending_or_waiving_tariffs_eases_them(run: Run, text: str, target: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.cameo == "085")
    assert target in res.countries(ev.recipients)


@pytest.mark.parametrize(
    "text",
    [
        "A government offensive on the last rebel stronghold has displaced more than 90,000 people.",
        "The bombardment left the hospital in ruins.",
        "The fighting has forced thousands of families to flee the province.",
        "The offensive has claimed hundreds of lives since March.",
    ],
)
def test_violence_as_subject_of_harm_is_an_assault(run: Run, text: str) -> None:
    assert "ASSAULT" in run(text).types()


@pytest.mark.parametrize(
    "text",
    [
        "The meeting left the delegates exhausted.",
        "The summit has forced a rethink of the trade policy.",
        "The visit drove home the message of unity.",
    ],
)
def test_no_violence_as_subject_of_harm_verb_is_no_assault(run: Run, text: str) -> None:
    assert "ASSAULT" not in run(text).types()


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The strike by dock workers was called off on Sunday after talks with the port authority.", "workers"),
        ("The teachers' protest was ended after the ministry raised wages.", "teachers"),
        ("The boycott by opposition parties was called off on the eve of the vote.", "parties"),
    ],
)
def test_protest_called_off_without_agent_is_ended_by_its_protesters(run: Run, text: str, actor: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "CONCEDE")
    assert any(actor in res.actor(a).name for a in ev.actors)


def _tagged(nlp: Any, words: list[str], pos: list[str], deps: list[str], heads: list[int]) -> Any:
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, pos=pos, deps=deps, heads=heads, lemmas=[w.lower() for w in words])
    return doc


@pytest.mark.parametrize(
    ("words", "pos", "deps", "heads", "at"),
    [
        # "A regime offensive has displaced thousands": the subject read as an adjective
        (["A", "regime", "offensive", "has", "displaced", "thousands"], ["DET", "NOUN", "ADJ", "AUX", "VERB", "NOUN"],
         ["det", "nsubj", "nsubj", "aux", "ROOT", "dobj"], [1, 2, 4, 4, 4, 4], 2),
        # "The rebels resisted the offensive": the object
        (["The", "rebels", "resisted", "the", "offensive"], ["DET", "NOUN", "VERB", "DET", "ADJ"],
         ["det", "nsubj", "ROOT", "det", "dobj"], [1, 2, 2, 4, 2], 4),
        # "Hundreds died in the offensive": a preposition's object
        (["Hundreds", "died", "in", "the", "offensive"], ["NOUN", "VERB", "ADP", "DET", "ADJ"],
         ["nsubj", "ROOT", "prep", "det", "pobj"], [1, 1, 1, 4, 2], 4),
    ],
)
def test_event_noun_tagged_as_adjective_in_a_noun_place_matches_as_noun(
    nlp: Any, words: list[str], pos: list[str], deps: list[str], heads: list[int], at: int
) -> None:
    from communique.events.patterns import match

    pat = match(_tagged(nlp, words, pos, deps, heads)[at])
    assert pat is not None and pat.pos == "N"


def test_adjective_as_modifier_is_no_event_noun(nlp: Any) -> None:
    from communique.events.patterns import match

    doc = _tagged(nlp, ["an", "offensive", "remark"], ["DET", "ADJ", "NOUN"], ["det", "amod", "ROOT"], [2, 2, 2])
    assert match(doc[1]) is None


@pytest.mark.parametrize(
    "text",
    [
        "The army allowed the convoy to reach the besieged town on Sunday.",
        "The authorities allowed relief workers to distribute food in the camps.",
        "Israel will permit aid trucks to cross into the enclave, officials said.",
    ],
)
def test_allowing_aid_to_reach_is_allowing_access(run: Run, text: str) -> None:
    """"allow X to reach": the parser gives the infinitive its own subject; it is still the
    complement of "allow" (CAMEO 086, AGREE when promised)."""
    ev = next(e for e in run(text).events if e.trigger is not None and e.trigger.text in ("allowed", "permit"))
    assert ev.type in ("RETREAT", "AGREE") and (ev.cameo or "").startswith(("086", "035"))


@pytest.mark.parametrize(
    "text",
    [
        "A military court found the officer guilty of torturing detainees.",
        "The tribunal found two former ministers guilty of embezzlement.",
        "The judge found the company liable for the spill.",
    ],
)
def test_found_guilty_as_small_clause_is_a_verdict(run: Run, text: str) -> None:
    ev = next(e for e in run(text).events if e.type == "ACCUSE")
    assert ev.cameo == "116"


@pytest.mark.parametrize(
    "text",
    [
        "Norwegian People's Aid has cleared mines in the province since 2019.",
        "On Monday, the charity Harbour Flying Aid opened a clinic near the border.",
        "Last year, a spokesman for Christian Aid said the clinics had closed.",
    ],
)
def test_event_noun_inside_a_proper_name_is_no_event(run: Run, text: str) -> None:
    assert "AID" not in run(text).types()


def test_event_noun_in_a_title_case_headline_still_names_the_event(run: Run) -> None:
    assert "ASSAULT" in run("Russian Attacks in Kyiv Kill Three").types()


@pytest.mark.parametrize(
    ("text", "giver", "receiver"),
    [
        ("Somalia has received food aid from Turkey.", "TUR", "SOM"),
        ("Ukraine has received air defence systems from Germany.", "DEU", "UKR"),
        ("The rebels got weapons from Iran last year.", "IRN", None),
    ],
)
def test_aid_received_is_given_by_whom_it_came_from(run: Run, text: str, giver: str, receiver: str | None) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "AID")
    assert res.countries(ev.actors) == {giver}
    if receiver is not None:
        assert res.countries(ev.recipients) == {receiver}


@pytest.mark.parametrize(
    "text",
    [
        "The ministry received a letter from the embassy.",
        "The hospital received a visit from the minister.",
        "The villagers received no reply from the council.",
    ],
)
def test_receiving_no_aid_is_no_aid(run: Run, text: str) -> None:
    assert "AID" not in run(text).types()


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Security cooperation between Kenya and Somalia has deepened since 2020.", {"KEN", "SOM"}),
        ("Military cooperation between Russia and Iran grew rapidly last year.", {"RUS", "IRN"}),
        ("Cooperation between Chile and Peru on border policing was expanded in March.", {"CHL", "PER"}),
    ],
)
def test_joint_activity_between_parties_is_their_event(run: Run, text: str, parties: set[str]) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type == "COOPERATE")
    assert res.countries(ev.actors) == parties


def test_cooperation_sought_is_no_joint_event(run: Run) -> None:
    assert "COOPERATE" not in run("Kenya sought closer cooperation with its neighbours.").types()


@pytest.mark.parametrize(
    "text",
    [
        "US and Russian negotiators returned to Geneva on Monday for talks on missile limits.",
        "The delegations will return to Doha next week for a new round of negotiations.",
        "Both envoys have returned to Vienna for talks on the nuclear deal.",
    ],
)
def test_returning_for_talks_is_the_talks(run: Run, text: str) -> None:
    assert {"CONSULT", "AGREE"} & set(run(text).types())


def test_returning_alone_is_no_event(run: Run) -> None:
    assert run("The envoy returned to Geneva on Monday.").types() == []


@pytest.mark.parametrize(
    "text",
    [
        "The junta shortened the nightly curfew by two hours.",
        "Authorities loosened the lockdown in the capital on Friday.",
        "The governor has reduced the curfew in the northern districts.",
    ],
)
def test_shortening_or_loosening_a_curfew_eases_it(run: Run, text: str) -> None:
    assert any(e.cameo == "081" for e in run(text).events)
