"""A body owned by a country through a possessive is that country's, whatever place its name holds
(issue 9, actor coding). Sentences we wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from communique.actors import extract_actors
from communique.document import Document

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Pakistan's Kashmir Committee condemned the raid on the village.", "Kashmir Committee", "PAK"),
        ("Serbia's Office for Kosovo rejected the proposal on Monday.", "Office", "SRB"),
        ("India's Ministry of External Affairs summoned the envoy.", "Ministry of External Affairs", "IND"),
    ],
)
def test_actors_possessor_country_owns_the_body(nlp: Language, text: str, name: str, country: str) -> None:
    actors = extract_actors(Document.build(nlp(text)), published="2025-03-04")
    body = next(a for a in actors if a.name.startswith(name))
    assert body.country == country


def test_actors_body_without_owner_keeps_its_own_coding(nlp: Language) -> None:
    actors = extract_actors(Document.build(nlp("The Kashmir Committee met in Srinagar.")), published="2025-03-04")
    assert all(a.country != "PAK" for a in actors)
