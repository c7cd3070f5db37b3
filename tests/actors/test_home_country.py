"""The place a story is filed from: the dateline is no actor, and parties and legislators named without
a country are the dateline country's (issue 9, actor coding items 6 and 7). Articles we wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from communique.actors.coding import code_phrase
from communique.actors.home import dateline_country
from communique.actors.table import ActorTable
from communique.pipeline import analyze_doc
from communique.quotes.speakers import _code_speaker
from communique.records import Article

if TYPE_CHECKING:
    from spacy.language import Language

    from communique.pipeline import Analysis


def run(nlp: Language, text: str) -> Analysis:
    return analyze_doc(Article(id="t", text=text, published="2026-05-04"), nlp(text))


def actor(res: Analysis, name: str):  # noqa: ANN201 - the record type
    return next(a for a in res.actors if a.name == name)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("CANBERRA, May 4 (Communique Wire) - The cabinet met on Monday.", "AUS"),
        ("KHARKIV, Ukraine (Communique Wire) - Sirens sounded overnight.", "UKR"),
        ("NEW DELHI - The talks resumed on Tuesday.", "IND"),
        ("Pressure grows on the cabinet\n\nNAIROBI, May 4 (Communique Wire) - Lawmakers met.", "KEN"),
        ("ADEN/RIYADH - Envoys met in the port city.", None),  # two countries: none
        ("The talks resumed on Tuesday in the capital.", None),  # no dateline
    ],
)
def test_dateline_country_is_the_country_of_the_filing_place(nlp: Language, text: str, country: str | None) -> None:
    assert dateline_country(nlp(text)) == country


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("KHARKIV, Ukraine (Communique Wire) - Russian drones struck a depot overnight, officials said.", "KHARKIV"),
        ("ADEN/RIYADH - Saudi envoys met Houthi negotiators on Sunday.", "ADEN"),
        ("BELGRADE, May 4 (Communique Wire) - Serbia recalled its ambassador from Pristina.", "BELGRADE"),
    ],
)
def test_a_dateline_place_is_no_actor(nlp: Language, text: str, place: str) -> None:
    res = run(nlp, text)
    assert res.actors, res.actors  # the story's own parties are still found
    assert not any(place in m.text for a in res.actors for m in a.mentions), res.actors


@pytest.mark.parametrize(
    ("text", "name", "country", "sector"),
    [
        ("CANBERRA, May 4 (Communique Wire) - The Liberal Party said it would oppose the defence bill.", "Liberal Party", "AUS", "PTY"),
        ("LONDON (Communique Wire) - A Labour MP said the arms deal was a disgrace.", "Labour MP", "GBR", "LEG"),
        ("OTTAWA - Opposition lawmakers walked out of the chamber on Tuesday.", "Opposition lawmakers", "CAN", "OPP"),
    ],
)
def test_a_party_or_legislator_without_a_country_is_the_datelines(
    nlp: Language, text: str, name: str, country: str, sector: str
) -> None:
    a = actor(run(nlp, text), name)
    assert (a.country, a.sector) == (country, sector), a


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("LONDON (Communique Wire) - Germany's Social Democratic Party rejected the budget.", "Social Democratic Party", "DEU"),
        ("JERUSALEM (Communique Wire) - The government said the crossing would stay shut.", "government", None),
        ("WASHINGTON - The army said the drills would go ahead.", "army", None),
    ],
)
def test_the_dateline_neither_overrides_a_stated_country_nor_codes_other_bodies(
    nlp: Language, text: str, name: str, country: str | None
) -> None:
    a = next(a for a in run(nlp, text).actors if name in a.name)
    assert a.country == country, a


@pytest.mark.parametrize("phrase", ["a Labour MP", "the Tory MP", "two MLAs"])
def test_role_abbreviations_in_capitals_are_roles(phrase: str) -> None:
    assert code_phrase(phrase)[1] == "LEG"


@pytest.mark.parametrize("phrase", ["the US", "WHO", "the UN"])
def test_other_capital_words_are_no_roles(phrase: str) -> None:
    assert code_phrase(phrase)[1] != "LEG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "MUSCAT (Communique Wire) - Yemen's government and the rebels swapped prisoners. The Islah Party said "
            "Yemen needed peace, and Yemen's envoy agreed.",
            "Islah Party",
        ),
        (
            "DOHA - Mediators said the parties had agreed to a pause in Gaza. Israel and Hamas confirmed it; Israel "
            "said the pause would hold.",
            "parties",
        ),
        (
            "NAIROBI (Communique Wire) - Opposition lawmakers in Sudan rejected the plan. Sudan's army and Sudan's "
            "paramilitaries kept fighting in Sudan.",
            "Opposition lawmakers",
        ),
    ],
)
def test_no_home_country_for_a_story_filed_from_abroad_or_for_the_sides_of_talks(
    nlp: Language, text: str, name: str
) -> None:
    a = next(a for a in run(nlp, text).actors if a.name == name)
    assert a.country != dateline_country(nlp(text)), a


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A Tory MP said the deal was a betrayal.", "Tory MP"),
        ("A Labour MP said the arms deal was a disgrace.", "Labour MP"),
        ("An NDP MLA told reporters the budget was cruel.", "NDP MLA"),
    ],
)
def test_a_speaker_the_quotes_stage_adds_is_coded_from_its_own_words(nlp: Language, text: str, name: str) -> None:
    a = next(a for a in run(nlp, text).actors if a.name == name)
    assert (a.type, a.sector) == ("person", "LEG"), a


@pytest.mark.parametrize(
    ("name", "country"),
    [("London-based marine underwriter", "GBR"), ("Paris-based shipbroker", "FRA"), ("Cairo-based freight forwarder", "EGY")],
)
def test_a_place_in_a_speakers_words_gives_a_country_not_a_government(name: str, country: str) -> None:
    table = ActorTable()
    entry = table[table.new(name, "unknown", "quotes.speaker")]
    _code_speaker(entry, name)
    assert (entry.country, entry.sector) == (country, None), entry.record
