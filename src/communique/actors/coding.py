"""Actor coding: type, country, sector and role, as of the article's date.

Placeholder: returns the actors unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc


def code_actors(doc: Doc, actors: list[Actor], *, published: str | None = None) -> list[Actor]:
    """Fill country, sector and role of every actor from the gazetteers and the article's own words."""
    return actors
