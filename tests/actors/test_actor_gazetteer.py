"""Gazetteer look-ups: countries and their metonyms, places, bodies and office-holders at a date."""

from __future__ import annotations

from communique.actors.gazetteer import gazetteer


def test_lookup_finds_country_names_demonyms_capitals_and_seats_of_power() -> None:
    gaz = gazetteer()
    assert gaz.lookup("Türkiye").code == "TUR"  # type: ignore[union-attr]
    assert gaz.lookup("Ivorians").code == "CIV"  # type: ignore[union-attr]
    assert gaz.lookup("Naypyitaw").code == "MMR"  # type: ignore[union-attr]
    kremlin = gaz.lookup("the Kremlin")
    assert kremlin is not None and kremlin.code == "RUS" and kremlin.kind == "metonym"
    for seat, code in (("Downing Street", "GBR"), ("Élysée", "FRA"), ("Zhongnanhai", "CHN"), ("Blue House", "KOR"), ("White House", "USA")):
        place = gaz.lookup(seat)
        assert place is not None and place.code == code, seat


def test_lookup_gives_branch_metonyms_their_sector() -> None:
    gaz = gazetteer()
    pentagon = gaz.lookup("Pentagon")
    knesset = gaz.lookup("Knesset")
    assert pentagon is not None and (pentagon.code, pentagon.sector) == ("USA", "MIL")
    assert knesset is not None and (knesset.code, knesset.sector) == ("ISR", "LEG")


def test_acronyms_match_only_in_capitals() -> None:
    gaz = gazetteer()
    assert gaz.lookup("US") is not None
    assert gaz.lookup("us") is None
    assert gaz.body("WHO") is not None
    assert gaz.body("who") is None


def test_dateline_in_capitals_still_names_a_capital() -> None:
    place = gazetteer().lookup("KINSHASA")
    assert place is not None and place.code == "COD"


def test_cities_are_places_not_countries() -> None:
    gaz = gazetteer()
    assert gaz.lookup("Kharkiv") is None
    city = gaz.city("Kharkiv")
    assert city is not None and city.code == "UKR" and city.kind == "place"


def test_bodies_are_coded_by_their_standing_at_the_date() -> None:
    gaz = gazetteer()
    before, after = gaz.body("Taliban", "2020-05-01"), gaz.body("Taliban", "2023-05-01")
    assert before is not None and (before.country, before.sector) == ("AFG", "REB")
    assert after is not None and (after.country, after.sector) == ("AFG", "GOV")
    nato = gaz.body("North Atlantic Treaty Organization")
    assert nato is not None and (nato.name, nato.country) == ("NATO", "IGO")


def test_person_is_coded_with_the_term_covering_the_date() -> None:
    gaz = gazetteer()
    pm = gaz.person("Erdogan", "2010-01-01")
    president = gaz.person("Erdoğan", "2024-01-01")
    assert pm is not None and pm.role == "Prime Minister of Turkey"
    assert president is not None and president.role == "President of Turkey" and president.country == "TUR"
    opposition = gaz.person("Netanyahu", "2022-03-01")
    assert opposition is not None and opposition.sector == "OPP"


def test_person_after_the_last_term_is_a_former_officeholder() -> None:
    term = gazetteer().person("Sergei Shoigu", "2024-06-01")
    assert term is not None and term.role.startswith("Secretary of the Security Council")
    former = gazetteer().person("Naftali Bennett", "2024-01-01")
    assert former is not None and former.sector == "ELI" and former.role.startswith("Former Prime Minister")


def test_person_lookup_drops_titles() -> None:
    term = gazetteer().person("President Vladimir Putin", "2025-01-01")
    assert term is not None and term.country == "RUS"


def test_historical_officeholders_come_from_petrarch() -> None:
    term = gazetteer().person("Abdelaziz Bouteflika", "2005-01-01")
    assert term is not None and (term.country, term.sector) == ("DZA", "GOV")


def test_role_nouns_singular_and_plural() -> None:
    gaz = gazetteer()
    for noun, sector in (("spokesmen", "GOV"), ("Soldiers", "MIL"), ("militias", "REB"), ("judges", "JUD"), ("policemen", "COP")):
        role = gaz.role(noun)
        assert role is not None and role.sector == sector, noun
    assert gaz.role("banana") is None


def test_dates_in_any_shape_never_break_the_lookup() -> None:
    gaz = gazetteer()
    for published in ("2025-03-04T10:00:00Z", "2025-03", "2025", "March 2025", "", None):
        term = gaz.person("Erdogan", published)
        assert term is not None and term.country == "TUR"


def test_city_finds_places_from_the_places_file_and_state_abbreviations() -> None:
    gaz = gazetteer()
    for name, code in (("Surrey", "CAN"), ("Mississauga", "CAN"), ("Avdiivka", "UKR"), ("Jabalia", "PSE"), ("Sacramento", "USA"), ("Mekelle", "ETH")):
        place = gaz.city(name)
        assert place is not None and place.code == code, name
    for abbr, full, code in (("Calif.", "California", "USA"), ("Ont.", "Ontario", "CAN"), ("Fla.", "Florida", "USA")):
        place = gaz.city(abbr)
        assert place is not None and (place.alias, place.code) == (full, code), abbr
    assert gaz.city("Tex") is None  # without its period an abbreviation is a name ("Tex Watson")


def test_places_never_shadow_countries_capitals_or_metonyms() -> None:
    gaz = gazetteer()
    assert gaz.lookup("Surrey") is None  # a place is no state: lookup keeps its meaning
    assert gaz.lookup("Kyiv") is not None and gaz.lookup("Kyiv").kind == "capital"  # type: ignore[union-attr]
    assert gaz.city("Mass") is None and gaz.city("Ill") is None  # ambiguous abbreviations are left out
