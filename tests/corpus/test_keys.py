"""Global actor keys: table entries, named actors with their country, generic actors kept apart."""

from __future__ import annotations

from typing import Any

import pytest

from communique.corpus.keys import KEY_PATTERN, actor_key, aliases


def actor(name: str, typ: str, country: str | None = None, sector: str | None = None, *mentions: tuple[str, str],
          id: str = "A1") -> dict[str, Any]:
    ms = [{"text": t, "kind": k} for t, k in (mentions or ((name, "name"),))]
    return {"id": id, "name": name, "type": typ, "country": country, "sector": sector, "role": None, "mentions": ms}


@pytest.mark.parametrize("name", ["Vladimir Putin", "Putin", "President Vladimir Putin"])
def test_keys_office_holder_forms_share_the_table_entry(name: str) -> None:
    got = actor_key(actor(name, "person", "RUS", "GOV"), "art-1", "2026-03-03")
    assert (got.key, got.name, got.kind) == ("person:vladimir-putin", "Vladimir Putin", "officeholder")


@pytest.mark.parametrize(("name", "country", "key"), [
    ("Russia", "RUS", "country:RUS"), ("Ukraine", "UKR", "country:UKR"), ("Azerbaijan", "AZE", "country:AZE")])
def test_keys_countries_key_by_their_code(name: str, country: str, key: str) -> None:
    got = actor_key(actor(name, "country", country, "GOV", (name, "country")), "x", "2026-01-01")
    assert got.key == key and KEY_PATTERN.match(got.key)


@pytest.mark.parametrize(("name", "key"), [
    ("Hamas", "org:hamas"), ("United Nations", "org:united-nations"), ("Rapid Support Forces", "org:rapid-support-forces")])
def test_keys_known_bodies_key_by_their_table_name(name: str, key: str) -> None:
    assert actor_key(actor(name, "organization", None, None), "x", "2026-01-01").key == key


def test_keys_named_people_key_by_full_name_and_country_and_never_merge_two_people() -> None:
    first = actor_key(actor("Oleh Kovalenko", "person", "UKR", "GOV"), "a", "2026-03-03")
    again = actor_key(actor("Oleh Kovalenko", "person", "UKR", "GOV", ("Oleh Kovalenko", "name"), ("Kovalenko", "name")),
                      "b", "2026-03-04")
    other = actor_key(actor("Maria Kovalenko", "person", "UKR", "CVL"), "c", "2026-03-04")
    elsewhere = actor_key(actor("Oleh Kovalenko", "person", "POL", "BUS"), "d", "2026-03-04")
    assert first.key == again.key == "person:oleh-kovalenko.ukr"
    assert len({first.key, other.key, elsewhere.key}) == 3


@pytest.mark.parametrize(("a", "b", "same"), [
    (("officials", "RUS", "GOV"), ("officials", "RUS", "GOV"), True),
    (("officials", "RUS", "GOV"), ("officials", "UKR", "GOV"), False),
    (("officials", "RUS", "GOV"), ("officials", "RUS", "MIL"), False),
    (("police", "SRB", "COP"), ("officers", "SRB", "COP"), False),
    (("a spokesperson", None, "GOV"), ("a spokesperson", None, "GOV"), False),
])
def test_keys_generic_actors_merge_only_with_the_same_country_sector_and_naming(
        a: tuple[str, str | None, str], b: tuple[str, str | None, str], same: bool) -> None:
    ka = actor_key(actor(a[0], "group", a[1], a[2], (a[0], "group")), "art-1", "2026-01-01")
    kb = actor_key(actor(b[0], "group", b[1], b[2], (b[0], "group")), "art-2", "2026-01-01")
    assert (ka.key == kb.key) is same
    if a[1]:
        assert ka.name == f"{a[0]} ({a[1]} {a[2]})"


@pytest.mark.parametrize("name", ["Interior Ministry", "Defence Ministry", "Health Ministry"])
def test_keys_a_country_less_named_body_stays_in_its_article(name: str) -> None:
    one = actor_key(actor(name, "organization"), "art-1", "2026-01-01")
    two = actor_key(actor(name, "organization"), "art-2", "2026-01-01")
    assert one.kind == two.kind == "local" and one.key != two.key
    coded = actor_key(actor(name, "organization", "UKR", "GOV"), "art-3", "2026-01-01")
    assert coded.key == f"org:{name.lower().replace(' ', '-')}.ukr"


def test_keys_aliases_are_every_form_but_pronouns() -> None:
    a = actor("Dmitry Peskov", "person", "RUS", "GOV", ("Dmitry Peskov", "name"), ("Peskov", "name"), ("he", "pronoun"),
              ("the Kremlin spokesman", "role"))
    assert aliases(a) == ["Dmitry Peskov", "Peskov", "the Kremlin spokesman"]
