"""Actors: mentions found, grouped by alias, resolved by our own coreference, and coded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.actors.coding import code_actors
from communique.actors.coref import resolve_coreference
from communique.actors.mentions import group_entities
from communique.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_actors(doc: Doc, *, published: str | None = None) -> list[Actor]:
    """Every actor of the article, ids ``A1..An``: named mentions, then coreference, then coding."""
    actors = group_entities(doc, published=published)
    actors = resolve_coreference(doc, actors)
    return code_actors(doc, actors, published=published)
