"""Every actor data file loads, has no duplicate keys, and uses valid codes and dates."""

from __future__ import annotations

import re

import pytest

from communique import data
from communique.actors.gazetteer import INTERNATIONAL, _aliases, gazetteer, normalise
from communique.data import rows as _rows

SECTORS = set(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL REF HLH HRI DEV AGR ENV LAB LEG ELI UAF REL "
    "MOD RAD SEP INS IGO NGO JEW MUS CHR HIN BUD SHI SUN CTH ORT PRO ATH ENR AID PPL MNC IMG".split()
)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DERIVED = ("countries.tsv", "igos.tsv", "groups.tsv", "roles.tsv", "officeholders.tsv", "officeholders_petrarch.tsv")


def _text(name: str) -> str:
    return data.text(name)


def _codes() -> set[str]:
    return {row[0] for row in _rows("countries.tsv")}


@pytest.mark.parametrize("name", DERIVED)
def test_data_file_has_source_header_and_mit_notice(name: str) -> None:
    head = "\n".join(line for line in _text(name).splitlines() if line.startswith("#"))
    assert "Source" in head or "source" in head
    assert "columns:" in head
    if name != "officeholders.tsv" or "PETRARCH" in head:
        assert "MIT License" in head and "Open Event Data Alliance" in head


def test_countries_cover_every_un_member_with_unique_iso3_codes() -> None:
    rows = _rows("countries.tsv")
    codes = [r[0] for r in rows]
    assert len(codes) == len(set(codes))
    assert len(codes) >= 193 + 2  # UN members plus Palestine and the Holy See at least
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    for must in ("RUS", "UKR", "ISR", "PSE", "SDN", "SSD", "COD", "MMR", "YEM", "TWN", "XKX", "VAT", "KIR", "TUV"):
        assert must in codes


def test_every_country_has_a_name_a_demonym_and_a_capital() -> None:
    for row in _rows("countries.tsv"):
        row = row + ("",) * (6 - len(row))
        assert _aliases(row[1]), row[0]
        assert row[2].strip(), f"{row[0]} has no demonym"
        assert row[3].strip(), f"{row[0]} has no capital"


def test_country_aliases_never_point_to_two_countries() -> None:
    seen: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        row = row + ("",) * (6 - len(row))
        for field in row[1:6]:
            for alias in _aliases(field):
                key = normalise(alias.partition(":")[0])
                assert seen.setdefault(key, row[0]) == row[0], f"{alias!r}: {seen[key]} and {row[0]}"


def test_metonym_sectors_are_valid() -> None:
    for row in _rows("countries.tsv"):
        row = row + ("",) * (6 - len(row))
        for item in _aliases(row[4]):
            _, _, sector = item.partition(":")
            assert not sector or sector in SECTORS, item


def test_igos_use_igo_or_ngo_codes_valid_sectors_and_unique_names() -> None:
    seen: set[str] = set()
    for row in _rows("igos.tsv"):
        cameo, country, sector, names = row[:4]
        assert country in ("IGO", "NGO"), row
        assert cameo.startswith(("IGO", "NGO")), row
        assert sector in SECTORS, row
        keys = {alias if alias.isupper() else normalise(alias) for alias in _aliases(names)}
        assert not keys & seen, f"IGO aliases used twice: {keys & seen}"
        seen |= keys
    assert {"NATO", "EU", "AU", "OSCE", "ASEAN", "GCC", "ICC", "ICJ", "IAEA", "WHO", "IMF", "ICRC", "UNHCR", "UNICEF", "WFP"} <= seen


def test_groups_have_known_countries_sectors_and_ordered_terms() -> None:
    codes = _codes() | INTERNATIONAL
    for row in _rows("groups.tsv"):
        row = row + ("",) * (6 - len(row))
        names, country, sector, btype, start, end = row[:6]
        assert _aliases(names), row
        assert country in codes, row
        assert sector in SECTORS, row
        assert btype in ("organization", "group"), row
        for d in (start, end):
            assert not d or DATE.match(d), row
        assert not (start and end) or start <= end, row


def test_roles_have_unique_nouns_valid_sectors_and_weights() -> None:
    nouns: set[str] = set()
    for row in _rows("roles.tsv"):
        noun, sector, code, weight = row[:4]
        assert noun == noun.lower() and noun.strip() == noun, noun
        assert noun not in nouns, f"duplicate role noun {noun!r}"
        nouns.add(noun)
        assert sector in SECTORS, row
        assert code[:3] == sector or code[:3] in SECTORS, row
        assert weight in ("0", "1", "2", "3"), row
    assert len(nouns) > 1000


@pytest.mark.parametrize("name", ["officeholders.tsv", "officeholders_petrarch.tsv"])
def test_officeholder_terms_have_valid_codes_and_dates(name: str) -> None:
    codes = _codes() | INTERNATIONAL
    rows = _rows(name)
    assert rows
    for row in rows:
        row = row + ("",) * (8 - len(row))
        person, _, country, sector, _, start, end = row[:7]
        assert person.strip(), row
        assert country in codes, row
        assert not sector or sector in SECTORS, row
        for d in (start, end):
            assert not d or DATE.match(d), row
        assert not (start and end) or start <= end, row


def test_curated_officeholders_cover_the_g20_and_states_at_war() -> None:
    countries = {row[2] for row in _rows("officeholders.tsv")}
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}
    conflicts = {"UKR", "ISR", "PSE", "IRN", "SYR", "YEM", "SDN", "ETH", "COD", "MMR", "QAT", "EGY", "ARE", "LBN", "RWA", "SSD"}
    assert g20 | conflicts | {"IGO"} <= countries


def test_curated_officeholders_have_roles_and_no_duplicate_terms() -> None:
    seen: set[tuple[str, str, str]] = set()
    for row in _rows("officeholders.tsv"):
        key = (row[0], row[4], row[5])
        assert row[4].strip(), f"{row[0]} has no role"
        assert key not in seen, key
        seen.add(key)


def test_gazetteer_loads_every_table() -> None:
    gaz = gazetteer()
    assert len(gaz.names) >= 195
    assert len(gaz.terms) > 1000
    assert len(gaz.roles) > 1000


def test_places_file_has_a_source_header_known_codes_and_one_country_per_name() -> None:
    head = "\n".join(line for line in _text("places.tsv").splitlines() if line.startswith("#"))
    assert "Source" in head and "columns:" in head
    gaz = gazetteer()
    codes = _codes()
    seen: dict[str, str] = {}
    for row in _rows("places.tsv"):
        code, kind, names = row[:3]
        assert code in codes, row[:2]
        assert kind in ("city", "region", "abbreviation"), row[:2]
        for item in _aliases(names):
            alias, eq, full = item.partition("=")
            assert (kind == "abbreviation") == bool(eq and full), item
            key = normalise(alias)
            assert seen.setdefault(key, code) == code, f"{alias!r}: {seen[key]} and {code}"
            assert gaz.lookup(alias) is None, f"{alias!r} is a country name, demonym, capital or metonym"
            assert not gaz.person_names(alias, titles=False), f"{alias!r} is an office-holder's name"
            assert gaz.body(alias) is None, f"{alias!r} is a body"
    assert len(seen) > 1500
