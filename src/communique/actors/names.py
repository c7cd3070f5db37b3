"""Small lexicons for coreference: given names by gender, titles, and nouns that can name an actor.

The facts live in ``communique/data/forenames.tsv`` and ``communique/data/person_nouns.tsv``; this module
loads them once per process and answers look-ups.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from communique import data

Gender = Literal["m", "f"]
NounKind = Literal["person", "group", "org"]

TITLE_GENDER: dict[str, Gender] = {
    "mr": "m", "mr.": "m", "mister": "m", "sir": "m", "lord": "m", "messrs": "m", "messrs.": "m", "monsieur": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "madame": "f", "dame": "f",
    "lady": "f", "mme": "f", "mme.": "f",
}
TITLES = frozenset(TITLE_GENDER) | frozenset(
    "dr dr. prof prof. gen gen. col col. lt lt. sgt sgt. capt capt. rep rep. sen sen. gov gov. adm adm. "
    "maj maj. cpl cpl. pte pte. rev rev. fr fr. hon hon. judge justice president premier chancellor king "
    "queen prince princess sheikh emir ayatollah pope minister senator governor mayor ambassador".split()
)
GROUP_WORDS = frozenset(
    "police authorities people staff government military army public media press crowd".split()
)
UNKNOWN_SOURCES = frozenset("source sources person people someone insider insiders individual individuals".split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    forenames: dict[str, Gender]
    nouns: dict[str, tuple[NounKind, Gender | None]]

    def gender_of_name(self, name: str) -> Gender | None:
        """Gender a full name suggests by its first given name ("Maria Zakharova" -> f), else None."""
        for word in name.replace(".", " ").split():
            w = word.lower()
            if w in TITLE_GENDER:
                return TITLE_GENDER[w]
            if w in TITLES:
                continue
            return self.forenames.get(w)
        return None

    def noun(self, lemma: str) -> tuple[NounKind, Gender | None] | None:
        return self.nouns.get(lemma.lower())


@functools.cache
def lexicon() -> Lexicon:
    forenames: dict[str, Gender] = {}
    for row in data.rows("forenames.tsv"):
        if len(row) >= 2 and row[1].strip() in ("m", "f"):
            forenames[row[0].strip().lower()] = row[1].strip()  # type: ignore[assignment]
    nouns: dict[str, tuple[NounKind, Gender | None]] = {}
    for row in data.rows("person_nouns.tsv"):
        if len(row) >= 3:
            g = row[2].strip()
            nouns.setdefault(row[0].strip().lower(), (row[1].strip(), g if g in ("m", "f") else None))  # type: ignore[arg-type]
    return Lexicon(forenames, nouns)
