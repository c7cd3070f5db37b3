"""Look-ups over the actor data files: countries, demonyms, capitals, metonyms.

The facts live in ``communique/data/*.tsv`` (each with a header naming its sources); this module only
loads them. ``gazetteer()`` is cached per process because the files are read-only.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Literal

PlaceKind = Literal["country", "demonym", "capital", "metonym"]


@dataclass(frozen=True, slots=True)
class Place:
    """A name that stands for a country: ``Beijing`` -> CHN (capital)."""

    code: str
    name: str  # the country's canonical name
    kind: PlaceKind


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("communique.data").joinpath(filename).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def normalise(text: str) -> str:
    """Case-folded, ``the`` and possessive ``'s`` stripped, spaces collapsed."""
    t = " ".join(text.replace("\u2019", "'").split()).lower()
    if t.startswith("the "):
        t = t[4:]
    if t.endswith("'s"):
        t = t[:-2]
    elif t.endswith("'"):
        t = t[:-1]
    return t


class Gazetteer:
    """Country names, demonyms, capitals and metonyms, keyed by normalised text."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.names: dict[str, str] = {}
        for row in _rows("countries.tsv"):
            row += [""] * (5 - len(row))
            code, names, demonyms, capitals, metonyms = (c.strip() for c in row[:5])
            canonical = names.split("|")[0]
            self.names[code] = canonical
            for kind, field in (("country", names), ("demonym", demonyms), ("capital", capitals), ("metonym", metonyms)):
                for alias in filter(None, (a.strip() for a in field.split("|"))):
                    self.places.setdefault(normalise(alias), Place(code, canonical, kind))  # type: ignore[arg-type]

    def lookup(self, text: str) -> Place | None:
        """The place ``text`` names, or None."""
        return self.places.get(normalise(text))

    def country_name(self, code: str) -> str | None:
        return self.names.get(code)


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
