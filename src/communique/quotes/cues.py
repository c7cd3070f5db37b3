"""The attribution cue lexicon (``communique/data/cues.tsv``): verbs, nouns and prepositions, PARC-style."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources


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


def parse_rows(text: str) -> list[Cue]:
    """Entries of a cue file: tab-separated ``cue pos class strength`` after ``#`` comments and a header."""
    rows: list[Cue] = []
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if not header_seen:
            header_seen = True
            if cols[0] == "cue":
                continue
        if len(cols) < 4:
            raise ValueError(f"cue lexicon line needs 4 columns: {line!r}")
        rows.append(Cue(cols[0].lower(), cols[1], cols[2], cols[3]))
    return rows


@functools.cache
def lexicon() -> Lexicon:
    """The cue lexicon, loaded once per process (the file is read-only)."""
    text = resources.files("communique.data").joinpath("cues.tsv").read_text(encoding="utf-8")
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
