"""Small lexicons for coreference: given names by gender, titles, and nouns that can name an actor.

The facts live in ``communique/data/en/forenames.tsv``, ``communique/data/en/person_nouns.tsv`` and the
``actors.*`` lists of ``communique/data/en/words/actors.tsv``; this module loads them once per process and
answers look-ups.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from communique import data

Gender = Literal["m", "f"]
NounKind = Literal["person", "group", "org"]

TITLE_GENDER: dict[str, Gender] = data.word_map("actors.title_gender")  # type: ignore[assignment]
TITLES = frozenset(TITLE_GENDER) | data.words("actors.titles")
GROUP_WORDS = data.words("actors.group_words")
UNKNOWN_SOURCES = data.words("actors.unknown_sources")
MALE, FEMALE = data.words("pronouns.male"), data.words("pronouns.female")
PLURAL, NEUTER = data.words("pronouns.plural"), data.words("pronouns.neuter")


def alternation(words: frozenset[str]) -> str:
    """A regex alternation of ``words`` (escaped), longest first so a longer title wins over its prefix."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


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
