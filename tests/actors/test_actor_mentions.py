"""Named mentions grouped by alias: people, countries and their metonyms, bodies, places."""

from __future__ import annotations

from collections.abc import Callable

from communique.records import Actor

Named = Callable[..., list[Actor]]
Find = Callable[[list[Actor], str], Actor]


def test_mentions_full_name_title_and_surname_group_into_one_person(named: Named) -> None:
    actors = named(
        "Recep Tayyip Erdogan met the envoys on Monday. Mr. Erdogan said talks would go on. "
        "Later Erdogan left for Ankara."
    )
    people = [a for a in actors if a.type == "person"]
    assert len(people) == 1
    erdogan = people[0]
    assert erdogan.name == "Recep Tayyip Erdogan"
    assert {m.text for m in erdogan.mentions} == {"Recep Tayyip Erdogan", "Mr. Erdogan", "Erdogan"}


def test_mentions_unknown_people_group_by_surname(named: Named, find: Find) -> None:
    actors = named("Jane Mwangi spoke first. Then Peter Otieno answered. Ms. Mwangi disagreed.")
    mwangi = find(actors, "Jane Mwangi")
    assert {m.text for m in mwangi.mentions} == {"Jane Mwangi", "Ms. Mwangi"}
    assert find(actors, "Peter Otieno").id != mwangi.id


def test_mentions_country_demonym_capital_and_metonym_go_to_the_country(named: Named) -> None:
    actors = named(
        "Russia warned on Tuesday. The Kremlin said Moscow would respond, and Russian diplomats left Vienna."
    )
    russia = [a for a in actors if a.country == "RUS" and a.type == "country"]
    assert len(russia) == 1
    kinds = {m.text: m.kind for m in russia[0].mentions}
    assert kinds["Russia"] == "country"
    assert kinds["Kremlin"] == "metonym"
    assert kinds["Moscow"] == "metonym"
    assert kinds["Russian"] == "demonym"
    assert russia[0].name == "Russia" and russia[0].sector == "GOV"


def test_mentions_branch_metonym_is_an_organisation_of_the_country(named: Named, find: Find) -> None:
    pentagon = find(named("The Pentagon said the drills would continue."), "Pentagon")
    assert (pentagon.type, pentagon.country, pentagon.sector) == ("organization", "USA", "MIL")


def test_mentions_plural_demonym_as_noun_is_a_civilian_group(named: Named, find: Find) -> None:
    group = find(named("Thousands of Palestinians fled south on Friday."), "Palestinians")
    assert (group.type, group.country, group.sector) == ("group", "PSE", "CVL")


def test_mentions_known_city_is_a_place_actor_and_unknown_place_is_skipped(named: Named, find: Find) -> None:
    actors = named("Russian forces shelled Kharkiv overnight, officials in Grindleford said.")
    kharkiv = find(actors, "Kharkiv")
    assert (kharkiv.type, kharkiv.country, kharkiv.sector) == ("unknown", "UKR", "CVL")
    assert not any(a.name == "Grindleford" and a.type == "country" for a in actors)


def test_mentions_gazetteer_catches_armed_groups_and_bodies(named: Named, find: Find) -> None:
    actors = named("Houthi rebels fired missiles as the RSF advanced and M23 fighters entered the town. NATO met.")
    houthis = find(actors, "Houthi rebels")
    assert (houthis.country, houthis.sector) == ("YEM", "REB")
    rsf = find(actors, "RSF")
    assert (rsf.country, rsf.sector) == ("SDN", "REB")
    assert find(actors, "M23").country == "COD"
    nato = find(actors, "NATO")
    assert (nato.type, nato.country) == ("organization", "IGO")


def test_mentions_ministries_of_different_countries_stay_apart(named: Named) -> None:
    actors = named(
        "Russia's Defence Ministry said it shot down 40 drones. Ukraine's Defence Ministry said it lost none."
    )
    ministries = [a for a in actors if a.name == "Defence Ministry"]
    assert len(ministries) == 2
    assert {a.country for a in ministries} == {"RUS", "UKR"}


def test_mentions_offsets_match_the_text(named: Named, parse: Callable[[str], object]) -> None:
    text = "Chinese Foreign Minister Wang Yi met Hakan Fidan in Beijing on Friday."
    for actor in named(text):
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text


def test_mentions_skip_bylines_dateline_credits_and_title_words(named: Named) -> None:
    text = (
        "By Laila Mansour, Communique Wire\n\n"
        "ADEN, June 1 (Communique Wire) - Defense Minister Israel Katz met Secretary of State Marco Rubio.\n"
    )
    actors = named(text)
    names = {a.name for a in actors}
    assert "Laila Mansour" not in names and "Communique Wire" not in names
    assert "Defense" not in names and "State" not in names
    assert not any(m.text == "ADEN" for a in actors for m in a.mentions)  # where it was filed, no party (issue 9)
    assert find_person(actors, "Israel Katz").role == "Defence Minister of Israel"


def find_person(actors: list[Actor], name: str) -> Actor:
    return next(a for a in actors if a.type == "person" and a.name == name)


def test_mentions_relatives_sharing_a_surname_stay_two_people(named: Named, find: Find) -> None:
    actors = named(
        "Susan Whitfield runs the bakery on Elm Street. Whitfield said bread sales doubled. "
        "She works with her husband Robert Whitfield. Whitfield added that rent had risen."
    )
    susan, robert = find(actors, "Susan Whitfield"), find(actors, "Robert Whitfield")
    assert susan.id != robert.id
    assert not any(a.name == "Robert" for a in actors)
    assert [m.text for m in robert.mentions] == ["Robert Whitfield"]
    assert sum(m.text == "Whitfield" for m in susan.mentions) == 2  # the bare surname stays with the main subject


def test_mentions_full_name_before_a_sentence_period_is_not_cut_to_the_surname(named: Named, find: Find) -> None:
    actors = named("The cookbook was edited by Martha Greenspan. Critics praised it.")
    assert find(actors, "Martha Greenspan").type == "person"


def test_mentions_curly_possessive_is_not_part_of_the_name(named: Named, find: Find) -> None:
    actors = named("Marta Kowalczyk\u2019s lawyer said Kowalczyk\u2019s appeal would go ahead. Canada\u2019s Lena Haddad agreed.")
    marta = find(actors, "Marta Kowalczyk")
    assert {m.text for m in marta.mentions} == {"Marta Kowalczyk", "Kowalczyk"}
    assert find(actors, "Lena Haddad").type == "person"
    assert not any("\u2019" in a.name or "'" in a.name for a in actors)


def test_mentions_hyphenated_pair_of_known_names_splits_into_the_two_people(named: Named, find: Find) -> None:
    actors = named(
        "Marek Dvorak scored 20 points and Tomas Ruzicka added 12. "
        "The Dvorak-Ruzicka pairing has carried the team since January."
    )
    assert not any("-" in a.name for a in actors)
    assert {m.text for m in find(actors, "Marek Dvorak").mentions} == {"Marek Dvorak", "Dvorak"}
    assert {m.text for m in find(actors, "Tomas Ruzicka").mentions} == {"Tomas Ruzicka", "Ruzicka"}


def test_mentions_demonym_pair_gives_two_countries_not_one(named: Named) -> None:
    actors = named("Russian-Ukrainian talks stalled in May, and Israeli-Palestinian negotiations resumed.")
    assert not any(a.type == "person" for a in actors)
    countries = {a.country for a in actors if a.type == "country"}
    assert {"RUS", "UKR", "ISR", "PSE"} <= countries


def test_mentions_double_barrelled_surname_stays_one_person(named: Named, find: Find) -> None:
    actors = named("Helen Ortega-Lind chairs the board. Ortega-Lind said the vote was fair.")
    person = find(actors, "Helen Ortega-Lind")
    assert person.type == "person"
    assert {m.text for m in person.mentions} == {"Helen Ortega-Lind", "Ortega-Lind"}


def test_mentions_title_words_leave_the_name_and_become_the_role(named: Named, find: Find) -> None:
    actors = named(
        "Councillor Aaron Fry said the bylaw would pass. Coach Martin Vasko praised the players. "
        "Sen. Jon Tester objected, and Coun. Priya Nair abstained."
    )
    fry, gillis = find(actors, "Aaron Fry"), find(actors, "Martin Vasko")
    tester, nair = find(actors, "Jon Tester"), find(actors, "Priya Nair")
    assert (fry.name, fry.role, fry.sector) == ("Aaron Fry", "Councillor", "GOV")
    assert (gillis.name, gillis.role, gillis.sector) == ("Martin Vasko", "Coach", "CVL")
    assert (tester.name, tester.role, tester.sector) == ("Jon Tester", "Senator", "LEG")
    assert (nair.role, nair.sector) == ("Councillor", "GOV")
    assert not any(a.name in ("Coun", "Coach Martin") for a in actors)


def test_mentions_title_never_overrides_an_office_holders_own_role(named: Named, find: Find) -> None:
    wang = find(named("Foreign Minister Wang Yi arrived in Jakarta on Monday."), "Wang Yi")
    assert (wang.name, wang.country, wang.role) == ("Wang Yi", "CHN", "Foreign Minister of China")


def test_mentions_surname_tagged_as_a_place_after_the_full_name_is_the_person(named: Named, find: Find) -> None:
    actors = named("Sen. Jon Tester objected on Tuesday; Tester said the bill was rushed.")
    assert {m.text for m in find(actors, "Jon Tester").mentions} == {"Jon Tester", "Tester"}


def test_mentions_places_tagged_as_people_or_orgs_become_place_actors(named: Named, find: Find) -> None:
    actors = named(
        "Police in Surrey and Mississauga, Ont., said the suspect fled. "
        "Officials in Sacramento, Calif., agreed. Shelling hit Avdiivka and Jabalia overnight."
    )
    for name, code in (("Surrey", "CAN"), ("Mississauga", "CAN"), ("Sacramento", "USA"), ("Avdiivka", "UKR"), ("Jabalia", "PSE")):
        place = find(actors, name)
        assert (place.type, place.country, place.provenance) == ("unknown", code, "actors.gazetteer_place"), name
    ontario = find(actors, "Ont.")
    assert (ontario.name, ontario.type, ontario.country) == ("Ontario", "unknown", "CAN")
    assert find(actors, "Calif.").name == "California"
    assert not any(a.type == "person" for a in actors)


def test_mentions_a_place_name_used_as_a_known_persons_surname_stays_the_person(named: Named, find: Find) -> None:
    actors = named("Emily Surrey chairs the board. Surrey said the vote was fair.")
    person = find(actors, "Emily Surrey")
    assert person.type == "person"
    assert not any(a.type == "unknown" and a.name == "Surrey" for a in actors)


def test_mentions_title_gives_a_role_to_an_office_holder_named_before_the_term(named: Named, find: Find) -> None:
    aoun = find(named("General Michel Aoun addressed his supporters in Baabda.", published="1990-01-01"), "Michel Aoun")
    assert (aoun.name, aoun.country, aoun.sector, aoun.role) == ("Michel Aoun", "LBN", "MIL", "General")


def test_mentions_name_after_an_office_title_does_not_absorb_the_office(named: Named, find: Find) -> None:
    actors = named("He spoke to Minister of Crown-Indigenous Relations Margaret Oyelaran on Tuesday.")
    assert find(actors, "Margaret Oyelaran").name == "Margaret Oyelaran"


def test_mentions_surname_of_a_long_retired_office_holder_is_an_unknown_person(named: Named, find: Find) -> None:
    actors = named("Greenspan\u2019s new cookbook is out, and Talia Greenspan signed copies on Friday.")
    talia = find(actors, "Talia Greenspan")
    assert {m.text for m in talia.mentions} == {"Greenspan", "Talia Greenspan"}
    assert talia.role is None  # not Alan Greenspan, who left office two decades before


def test_mentions_possessive_inside_a_known_group_name_stays(named: Named, find: Find) -> None:
    actors = named("Officials accused a faction of the Tigray People's Liberation Front of forging an alliance.")
    tplf = find(actors, "Tigray People's Liberation Front")
    assert (tplf.country, tplf.sector) == ("ETH", "REB")
    assert not any(a.name == "Liberation Front" for a in actors)


def test_mentions_region_the_tagger_calls_a_person_is_not_a_person(named: Named) -> None:
    actors = named("ECOWAS and Sahel juntas agreed on Thursday. Security across the central Sahel has deteriorated.")
    assert not any(a.type == "person" for a in actors)


def test_mentions_two_word_title_before_a_name_is_kept_whole(named: Named, find: Find) -> None:
    chief = find(named("Police Chief Anna Kowal said the road would reopen."), "Anna Kowal")
    assert (chief.name, chief.role, chief.sector) == ("Anna Kowal", "Police Chief", "COP")


def test_mentions_place_with_a_title_word_tagged_as_a_person_stays_the_place(named: Named, find: Find) -> None:
    actors = named("The camp sits about 300 kilometres west of Prince George on the river.")
    place = find(actors, "Prince George")
    assert (place.type, place.country) == ("unknown", "CAN")
    assert not any(a.name == "George" for a in actors)


def test_mentions_given_name_that_is_also_a_role_word_stays_in_the_name(named: Named, find: Find) -> None:
    actors = named("Christian Ferrante hit a home run, and Dean Okonjo watched from the stands.")
    assert find(actors, "Christian Ferrante").role is None
    assert find(actors, "Dean Okonjo").name == "Dean Okonjo"


def test_mentions_capitalised_word_opening_a_sentence_is_no_retired_office_holder(named: Named) -> None:
    actors = named("Struck employee with a baseball bat, the report said.")
    assert not any(a.type == "person" for a in actors)


def test_mentions_summit_named_by_two_leaders_gives_both_leaders(named: Named, find: Find) -> None:
    actors = named("Aides prepared the Biden-Putin summit in Geneva for weeks.", published="2021-06-01")
    assert find(actors, "Biden").country == "USA" and find(actors, "Putin").country == "RUS"
    assert not any("-" in a.name for a in actors)


def test_mentions_military_title_leaves_an_office_holders_name(named: Named, find: Find) -> None:
    burhan = find(named("Gen. Abdel Fattah al-Burhan rejected the plan on Sunday."), "Abdel Fattah al-Burhan")
    assert (burhan.name, burhan.country) == ("Abdel Fattah al-Burhan", "SDN")
    assert not any(m.text.startswith("Gen") for m in burhan.mentions)


def test_mentions_hyphenated_country_name_is_not_split(named: Named, find: Find) -> None:
    actors = named("Guinea-Bissau held elections on Sunday.")
    assert find(actors, "Guinea-Bissau").country == "GNB"
    assert not any(a.country == "GIN" for a in actors)
