"""Who did it when the clause says only to whom, on sentences we wrote: a headline's reduced passive
under a verb of saying keeps its victims as recipients; done to someone in another's attack, by that
attack's doer; a participle used as a noun names people, no event."""

from __future__ import annotations

import pytest

from tests.events.conftest import Run


@pytest.mark.parametrize(
    ("text", "etype", "actor_country", "victim"),
    [
        ("Armenia says soldiers killed and detained by Azerbaijani forces", "COERCE", "AZE", "soldiers"),
        ("Ukraine says 12 civilians killed in Russian strike on Kharkiv", "ASSAULT", "RUS", "civilians"),
        ("Police claim three gunmen shot dead by special forces", "ASSAULT", None, "gunmen"),
    ],
)
def test_a_headline_clause_of_saying_is_a_reduced_passive(run: Run, text: str, etype: str, actor_country: str | None,
                                                          victim: str) -> None:
    res = run(text)
    e = next(e for e in res.events if e.type == etype)
    assert any(victim in res.actor(r).name for r in e.recipients), e
    assert e.status in ("reported", "alleged")  # "claim" is an allegation cue
    if actor_country:
        assert res.countries(e.actors) == {actor_country}
    assert not any(victim in res.actor(a).name for a in e.actors)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Three people were killed in an Israeli strike on Gaza City on Monday.", "ISR"),
        ("Two children were wounded in shelling by government forces.", "government forces"),
        ("Twelve civilians were killed in Russia's bombardment of the city.", "RUS"),
    ],
)
def test_done_in_anothers_attack_is_by_that_attacks_doer(run: Run, text: str, actor: str) -> None:
    res = run(text)
    [e] = [e for e in res.events if e.type == "ASSAULT"]
    assert e.recipients
    assert res.countries(e.actors) == {actor} or [res.actor(a).name for a in e.actors] == [actor]


def test_shooting_at_someone_in_a_reported_clause_keeps_its_doer(run: Run) -> None:
    res = run('When the convoy stopped, the gunmen fired at the trucks "from every rooftop," the driver said.')
    [e] = [e for e in res.events if e.type == "ASSAULT"]
    assert [res.actor(a).name for a in e.actors] == ["gunmen"]


def test_killed_in_an_attack_with_no_doer_names_none(run: Run) -> None:
    res = run("Two soldiers were killed in the attack, the army said.")
    [e] = [e for e in res.events if e.type == "ASSAULT"]
    assert e.actors == ()


@pytest.mark.parametrize(
    "text",
    [
        "Hospitals struggled to treat the dead and wounded after the blast.",
        "Doctors treated the wounded at a field clinic.",
        "The army said the wounded were evacuated by helicopter.",
    ],
)
def test_a_participle_used_as_a_noun_is_no_event(run: Run, text: str) -> None:
    assert "ASSAULT" not in run(text).types()


def test_participles_as_verbs_stay_events(run: Run) -> None:
    assert "ASSAULT" in run("Gunmen killed two villagers and wounded five.").types()
