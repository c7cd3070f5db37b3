"""The country a story is filed from, and the domestic actors that belong to it.

A wire dateline names where the story was filed ("CANBERRA, May 4 (Communique Wire) -", "KHARKIV,
Ukraine (AP) -"). When that country is the story's own (named at least as often as any other), a
party, an opposition body or a legislator that the article names without any
country ("the Liberal Party", "a Labour MP", "opposition lawmakers") is of that country: party and
parliament names repeat across countries, and a story filed from Canberra about "the Liberal Party"
means Australia's, not Canada's. Everything else keeps its own coding: a government, a ministry or
an army is not assumed to be the dateline's (a story filed from Jerusalem quotes other governments).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from communique import data
from communique.actors.gazetteer import Gazetteer, gazetteer
from communique.doctext import text_of
from communique.records import Actor
from communique.times.dateline import DATELINE, HEAD_CHARS

if TYPE_CHECKING:
    from spacy.tokens import Doc

DOMESTIC_SECTORS = frozenset({"PTY", "OPP", "LEG"})
RULE = "coding.dateline_country"
GENERIC_SIDES = data.words("actors.generic_sides")


def dateline_country(doc: Doc, gaz: Gazetteer | None = None) -> str | None:
    """The country of the article's first dateline place, or None.

    "CANBERRA, May 4 (Wire) -" -> AUS; "KHARKIV, Ukraine (AP) -" -> UKR; "NEW DELHI -" -> IND;
    "ADEN/RIYADH -" -> None (two countries); "UNITED NATIONS (AP) -" -> None (no one country).
    """
    gaz = gaz or gazetteer()
    found = DATELINE.search(text_of(doc)[:HEAD_CHARS])
    if found is None:
        return None
    head = found.group(0).split("(")[0].rstrip(" -\u2013\u2014")
    place, *rest = (p.strip() for p in head.split(","))
    codes = {_country_of(p, gaz) for p in place.split("/")}
    if len(codes) == 1 and None not in codes:
        return codes.pop()
    for part in rest:  # "KHARKIV, Ukraine", "SPRINGFIELD, Ill."
        code = _country_of(part, gaz)
        if code is not None:
            return code
    return None


def _country_of(text: str, gaz: Gazetteer) -> str | None:
    name = " ".join(w.capitalize() if w.isupper() else w for w in text.split())
    place = gaz.lookup(name) or gaz.city(name)
    if place is None or place.kind in ("demonym",):
        return None
    return place.code


def home_country(doc: Doc, actors: list[Actor]) -> str | None:
    """The dateline's country when it is the story's own: named at least as often as any other country
    in the text (or no other is named). A story filed from Doha or Muscat about Gaza or Yemen has none.

    "CANBERRA - The Liberal Party ..." -> AUS; "LONDON - ... Britain ... Britain ... France" -> GBR;
    "MUSCAT - Yemen's government and the Houthis ... Yemen ..." -> None.
    """
    home = dateline_country(doc)
    if home is None:
        return None
    counts: dict[str, int] = {}
    for a in actors:
        if a.type == "country" and a.country:
            counts[a.country] = counts.get(a.country, 0) + len(a.mentions)
    if counts and counts.get(home, 0) < max(counts.values()):
        return None
    return home


def at_home(actor: Actor, home: str | None) -> Actor:
    """``actor`` with the dateline country ``home`` when it is a party, an opposition body or a legislator
    with no country of its own ("the Liberal Party" filed from Canberra -> AUS PTY)."""
    if home is None or actor.country or actor.sector not in DOMESTIC_SECTORS or actor.type == "country":
        return actor
    if actor.name.split()[-1].lower() in GENERIC_SIDES and actor.name.islower():
        return actor  # "the parties" to talks are its sides, of no one country
    tag = f"{actor.provenance}+{RULE}" if actor.provenance else RULE
    return replace(actor, country=home, provenance=tag)
