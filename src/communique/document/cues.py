"""The attribution cue lexicon (``communique/data/cues.tsv``): verbs, nouns and prepositions, PARC-style."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique import data

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: ``cue`` is a lemma (a particle verb is ``"point out"``)."""

    cue: str
    pos: str  # verb, noun or prep
    cls: str  # speech, thought or call
    strength: str  # core or weak


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, Cue]
    particle_verbs: dict[str, dict[str, Cue]]  # verb lemma -> particle -> entry
    nouns: dict[str, Cue]
    preps: dict[str, Cue]

    def verb(self, lemma: str, particle: str | None = None) -> Cue | None:
        if particle:
            found = self.particle_verbs.get(lemma, {}).get(particle)
            if found:
                return found
        return self.verbs.get(lemma)


def verb_cue(t: Token, lex: Lexicon) -> tuple[Cue | None, Token | None]:
    """The lexicon entry of verb ``t`` (with its particle, "point out"), and the particle token.

    A particle that makes another verb of it ("sworn in", "called off") means no cue at all.
    """
    if not (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")):
        return None, None
    lemma = t.lemma_.lower()
    for c in t.children:
        if c.dep_ in ("prt", "prep") and c.i == t.i + 1:
            entry = lex.verb(lemma, c.lower_)
            if entry is not None and entry.cue != lemma:
                return entry, c
            if c.dep_ == "prt":
                return None, None
    return lex.verb(lemma), None


def parse_rows(text: str) -> list[Cue]:
    """Entries of a cue file's text: tab-separated ``cue pos class strength`` rows after ``#`` comments."""
    cues: list[Cue] = []
    for cols in data.parse(text):
        if len(cols) < 4:
            raise ValueError(f"cue lexicon row needs 4 columns: {cols!r}")
        cues.append(Cue(cols[0].lower(), cols[1], cols[2], cols[3]))
    return cues


@functools.cache
def lexicon() -> Lexicon:
    """The cue lexicon, loaded once per process (the file is read-only)."""
    text = data.text("cues.tsv")
    verbs: dict[str, Cue] = {}
    particles: dict[str, dict[str, Cue]] = {}
    nouns: dict[str, Cue] = {}
    preps: dict[str, Cue] = {}
    for cue in parse_rows(text):
        if cue.pos == "verb":
            parts = cue.cue.split()
            if len(parts) == 1:
                verbs.setdefault(cue.cue, cue)
            else:
                particles.setdefault(parts[0], {})[" ".join(parts[1:])] = cue
        elif cue.pos == "noun":
            nouns.setdefault(cue.cue.replace(" ", "_"), cue)
        elif cue.pos == "prep":
            preps.setdefault(cue.cue, cue)
    return Lexicon(verbs, particles, nouns, preps)
