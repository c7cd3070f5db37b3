"""Actor coding: country, sector and role from the gazetteers and the article's own words, at a date."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from communique.actors import extract_actors
from communique.actors.coding import code_actor_at, code_actors, code_phrase, role_sector
from communique.document import Document
from communique.records import Actor, Mention

Named = Callable[..., list[Actor]]
Find = Callable[[list[Actor], str], Actor]


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Ukrainian forces", "UKR", "MIL"),
        ("Israeli troops", "ISR", "MIL"),
        ("the U.N. envoy", "IGO", "GOV"),
        ("Hamas", "PSE", "REB"),
        ("Hamas militants", "PSE", "REB"),
        ("Turkey's Defence Ministry", "TUR", "GOV"),
        ("a member of Kenya's parliament", "KEN", "LEG"),
        ("Egyptian police", "EGY", "COP"),
        ("rebels in Darfur", "SDN", "REB"),
        ("the Pentagon", "USA", "MIL"),
        ("UN refugee agency", "IGO", "REF"),
        ("NATO troops", "IGO", "MIL"),
        ("Palestinians", "PSE", "CVL"),
        ("a spokesman for the army", None, "MIL"),
        ("opposition lawmakers", None, "OPP"),
    ],
)
def test_code_phrase_codes_country_and_sector(phrase: str, country: str | None, sector: str) -> None:
    got_country, got_sector, _ = code_phrase(phrase, published="2025-06-01")
    assert (got_country, got_sector) == (country, sector)


def test_code_phrase_ignores_a_country_after_to() -> None:
    assert code_phrase("the ambassador to Russia")[0] is None
    assert code_phrase("Russia's ambassador to the U.N.")[0] == "RUS"


def test_code_phrase_gives_roles_from_titles_and_office_holders() -> None:
    assert code_phrase("Chinese Foreign Minister") == ("CHN", "GOV", "Foreign Minister of China")
    assert code_phrase("Chinese Foreign Minister Wang Yi", published="2025-06-01")[2] == "Foreign Minister of China"
    assert code_phrase("Erdogan", published="2025-06-01") == ("TUR", "GOV", "President of Turkey")


def test_code_phrase_surname_inside_another_name_is_not_the_officeholder() -> None:
    assert code_phrase("Oleksiy Kuleba", published="2025-06-01")[0] is None


def test_code_phrase_codes_groups_as_of_the_date() -> None:
    assert code_phrase("the Taliban", published="2019-01-01")[1] == "REB"
    assert code_phrase("the Taliban", published="2024-01-01")[1] == "GOV"


def test_role_sector_maps_role_nouns() -> None:
    assert role_sector("president") == "GOV"
    assert role_sector("troops") == "MIL"
    assert role_sector("senator") == "LEG"
    assert role_sector("prosecutor") == "JUD"
    assert role_sector("police") == "COP"
    assert role_sector("insurgents") == "REB"
    assert role_sector("opposition") == "OPP"
    assert role_sector("party") == "PTY"
    assert role_sector("journalist") == "MED"
    assert role_sector("company") == "BUS"
    assert role_sector("civilians") == "CVL"
    assert role_sector("spokeswoman") == "GOV"
    assert role_sector("weather") is None


def test_code_actors_officeholder_by_surname_as_of_the_article_date(named: Named, find: Find) -> None:
    erdogan = find(named("Erdogan said the grain deal would hold.", "2025-03-01"), "Erdogan")
    assert (erdogan.type, erdogan.country, erdogan.sector, erdogan.role) == ("person", "TUR", "GOV", "President of Turkey")
    earlier = find(named("Erdogan said the grain deal would hold.", "2012-03-01"), "Erdogan")
    assert earlier.role == "Prime Minister of Turkey"


def test_code_actors_unknown_person_coded_from_appositive(named: Named, find: Find) -> None:
    actors = named("Jane Mwangi, a member of Kenya's parliament, said the vote was rigged.")
    mwangi = find(actors, "Jane Mwangi")
    assert (mwangi.country, mwangi.sector) == ("KEN", "LEG")
    assert mwangi.role is not None and "Parliament" in mwangi.role


def test_code_actors_unknown_person_coded_from_premodifiers(named: Named) -> None:
    actors = named("Ghanaian Defence Minister Kwame Asante-Boateng visited the border on Monday.")
    person = next(a for a in actors if a.type == "person")
    assert (person.country, person.sector) == ("GHA", "GOV")
    assert person.role == "Defence Minister of Ghana"


def test_code_actors_known_minister_from_premodified_mention(named: Named, find: Find) -> None:
    wang = find(named("Chinese Foreign Minister Wang Yi met his counterpart.", "2025-01-10"), "Wang Yi")
    assert (wang.country, wang.sector, wang.role) == ("CHN", "GOV", "Foreign Minister of China")


def test_code_actors_organisation_coded_from_possessor(named: Named, find: Find) -> None:
    ministry = find(named("Turkey's Defence Ministry said in a statement that two drones were downed."), "Defence Ministry")
    assert (ministry.type, ministry.country, ministry.sector) == ("organization", "TUR", "GOV")
    assert ministry.role is None


def test_code_actors_codes_group_and_role_actors_made_by_coreference(parse: Callable[[str], Doc]) -> None:
    text = "Israeli troops entered the camp. A spokesman for the U.N. secretary-general condemned the raid."
    doc = parse(text)
    troops = Actor("A1", "Israeli troops", "group", (Mention(0, 14, "Israeli troops", "group"),), provenance="coref.group")
    start = text.index("A spokesman")
    spokesman = Actor("A2", "spokesman", "person", (Mention(start, start + 11, "A spokesman", "role"),), provenance="coref.role_noun")
    coded = code_actors(doc, [troops, spokesman], published="2025-06-01")
    assert (coded[0].country, coded[0].sector) == ("ISR", "MIL")
    assert (coded[1].country, coded[1].sector) == ("IGO", "GOV")
    assert coded[1].role is not None and coded[1].role.startswith("Spokesperson")


def test_extract_actors_codes_every_actor_with_provenance(parse: Callable[[str], Doc], find: Find) -> None:
    doc = parse("Hamas rejected the offer, Qatar's foreign ministry said. Israeli officials declined to comment.")
    actors = extract_actors(Document.build(doc), published="2025-06-01")
    hamas = find(actors, "Hamas")
    assert (hamas.country, hamas.sector) == ("PSE", "REB")
    assert [a.id for a in actors] == [f"A{i}" for i in range(1, len(actors) + 1)]
    assert all(a.provenance for a in actors)


def test_code_phrase_sponsor_is_not_the_actor() -> None:
    assert code_phrase("Iranian-backed Houthis")[:2] == ("YEM", "REB")
    assert code_phrase("Hamas-run health ministry")[:2] == ("PSE", "GOV")


def test_code_phrase_international_ngos_are_coded_igo() -> None:
    assert code_phrase("the Red Cross")[0] == "IGO"
    assert code_phrase("Amnesty International")[0] == "IGO"


def test_coding_code_actor_at_recodes_an_office_holder_for_the_events_date(named: Named, find: Find) -> None:
    biden = find(named("Joe Biden spoke in Delaware.", published="2025-06-01"), "Joe Biden")
    assert (biden.sector, biden.role) == ("ELI", "Former President of the United States")
    then = code_actor_at(biden, "2022-05")
    assert (then.country, then.sector, then.role) == ("USA", "GOV", "President of the United States")
    assert then.name == biden.name and then.mentions == biden.mentions


def test_coding_code_actor_at_gives_a_group_its_standing_at_the_date(named: Named, find: Find) -> None:
    taliban = find(named("The Taliban issued a decree.", published="2025-06-01"), "Taliban")
    assert taliban.sector == "GOV"
    assert code_actor_at(taliban, "2019").sector == "REB"


def test_coding_code_actor_at_leaves_other_actors_and_undated_events_alone(named: Named, find: Find) -> None:
    actors = named("Jane Mwangi, a member of Kenya's parliament, spoke. Joe Biden agreed.", published="2025-06-01")
    mwangi, biden = find(actors, "Jane Mwangi"), find(actors, "Joe Biden")
    assert code_actor_at(mwangi, "2019-01-01") is mwangi
    assert code_actor_at(biden, None) is biden


def test_coding_country_from_a_city_codes_the_person_but_stays_out_of_the_role(named: Named, find: Find) -> None:
    mayor = find(named("Surrey Mayor Doug McCallum said the police plan would go ahead."), "Doug McCallum")
    assert (mayor.country, mayor.sector, mayor.role) == ("CAN", "GOV", "Mayor")
