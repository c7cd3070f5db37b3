"""Roles of issue 9, second pass (``events/readings.py``), on sentences we wrote: a quote's speaker is
no doer of what the quote tells, a headline's victims are no actor, a place that names or locates a
thing is no party, the party prisoners are returned from released them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.events.conftest import Result, Run

if TYPE_CHECKING:
    from communique.records import Event


def only(res: Result, etype: str) -> Event:
    evs = [e for e in res.events if e.type == etype]
    assert evs, f"no {etype} in {res.types()}"
    return evs[0]


def names(res: Result, ids: tuple[str, ...]) -> set[str]:
    return {res.actor(i).name for i in ids}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"They bombed the hospital, and that is a war crime," the minister said.', "minister"),
        ("The governor said they had shelled the market for three hours.", "governor"),
        ('"It fired on the crowd without warning," the activist told reporters.', "activist"),
        ('"It was a crime to bomb the clinic," the foreign minister said.', "foreign minister"),
    ],
)
def test_readings_a_speaker_is_no_doer_of_the_deed_a_pronoun_tells(run: Run, text: str, speaker: str) -> None:
    res = run(text)
    ev = only(res, "ASSAULT")
    assert speaker not in names(res, ev.actors)
    assert ev.status == "reported"


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The army said it had shelled the rebel positions.", "army"),
        ("Police say they arrested the suspects on Monday.", "Police"),
        ("Officials said they had expelled two diplomats.", "Officials"),
        ("Iran's foreign minister said it would expel two diplomats.", "Iran's foreign minister"),
    ],
)
def test_readings_a_pronoun_that_fits_the_reporter_is_still_the_reporter(run: Run, text: str, doer: str) -> None:
    res = run(text)
    assert any(doer in names(res, e.actors) for e in res.events)


@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("34 soldiers killed in an attack on a base in the north", "34 soldiers"),
        ("Twelve villagers abducted by gunmen near the border", "villagers"),
        ("Five policemen killed in a bombing at a checkpoint.", "policemen"),
        ("Two journalists wounded in shelling near the front line", "journalists"),
    ],
)
def test_readings_a_headline_participle_makes_its_subject_the_victim(run: Run, text: str, victims: str) -> None:
    res = run(text)
    ev = next(e for e in res.events if e.type in ("ASSAULT", "COERCE"))
    assert not any(victims in n for n in names(res, ev.actors))
    assert any(victims in n for n in names(res, ev.recipients))


@pytest.mark.parametrize(
    "text",
    ["Troops shot and killed three protesters.", "Prices shot up after the storm.", "The police killed two suspects in a raid."],
)
def test_readings_no_headline_reading_with_an_object_a_particle_or_a_shared_object(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    from communique.events.readings import headline_patient

    doc = nlp(text)
    assert not any(headline_patient(t) for t in doc)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The United States condemned the violence in Haiti.", "HTI"),
        ("Israel defended its Beirut strike on Monday.", "LBN"),
        ("Germany deplored the unrest in Dakar.", "SEN"),
    ],
)
def test_readings_a_place_that_names_or_locates_a_thing_is_no_recipient(run: Run, text: str, place: str) -> None:
    res = run(text)
    assert res.events
    for e in res.events:
        assert place not in res.countries(e.recipients)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Pakistan rejected US assertions that it shelters militants.", "USA"),
        ("Norway remains the largest donor of humanitarian assistance in Somalia.", "SOM"),
        ("Rebels shelled Kharkiv overnight.", "UKR"),
    ],
)
def test_readings_an_owner_a_helped_place_and_a_place_acted_on_stay(run: Run, text: str, place: str) -> None:
    res = run(text)
    assert any(place in res.countries(e.recipients) for e in res.events)


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia closed its embassy in Beirut after the strike.",
        "Freedonia closed its embassy in Nairobi on Monday.",
        "Freedonia has closed its consulate in Mombasa.",
    ],
)
def test_readings_an_owned_thing_abroad_does_not_place_its_owner(run: Run, text: str) -> None:
    res = run(text)
    owner = next(a for a in res.actors if a.name in ("Freedonia", "Ruritania"))
    assert owner.country is None


@pytest.mark.parametrize(
    ("text", "releaser"),
    [
        ("Twelve prisoners were returned to Ruritania from Freedonia.", "Freedonia"),
        ("The bodies of six soldiers were repatriated from Ukraine on Friday.", "Ukraine"),
        ("Forty detainees were handed over to Armenia from Azerbaijan.", "Azerbaijan"),
        ("Forty detainees were returned to Armenia from Azerbaijan on Sunday.", "Azerbaijan"),
    ],
)
def test_readings_the_party_people_are_returned_from_released_them(run: Run, text: str, releaser: str) -> None:
    res = run(text)
    ev = only(res, "RETREAT")
    assert releaser in names(res, ev.actors)
    assert releaser not in names(res, ev.recipients)


@pytest.mark.parametrize(
    "text",
    [
        "Relatives of the missing sailors protested outside the ministry, demanding answers.",
        "Farmers from the valley marched to the capital, demanding better prices.",
        "Students at the university rallied outside parliament, demanding new elections.",
    ],
)
def test_readings_an_active_verb_tagged_as_a_participle_makes_no_victims(run: Run, text: str) -> None:
    res = run(text)
    for e in res.events:
        if e.type == "PROTEST":
            assert e.actors or not e.recipients
