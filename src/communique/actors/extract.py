"""The actors stage: named mentions grouped by alias, then coreference, then coding."""

from __future__ import annotations

from communique.actors.coding import code_actors
from communique.actors.coref import resolve_coreference
from communique.actors.mentions import group_entities
from communique.document import Document
from communique.records import Actor


def extract_actors(document: Document, *, published: str | None = None) -> list[Actor]:
    """Every actor of the article, ids ``A1..An``: named mentions, then coreference, then coding."""
    doc = document.doc
    actors = group_entities(doc, published=published)
    actors = resolve_coreference(document, actors)
    return code_actors(doc, actors, published=published)
