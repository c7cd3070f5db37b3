"""Our own rule-based coreference: pronouns, surnames and titles, role nouns, groups, metonyms.

Placeholder: returns the actors unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc


def resolve_coreference(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """Add pronoun, role-noun and group mentions to ``actors`` (new actors where none fits)."""
    return actors
