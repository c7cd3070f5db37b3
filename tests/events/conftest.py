"""Fixtures for the event tests: the real model, and a helper that runs actors then events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from communique.records import Actor, Event, Quote

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class Result:
    events: list[Event]
    actors: list[Actor]

    def actor(self, actor_id: str | None) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)

    def countries(self, ids: tuple[str, ...]) -> set[str | None]:
        return {self.actor(i).country for i in ids}

    def types(self) -> list[str]:
        return [e.type for e in self.events]


Run = Callable[..., Result]


@pytest.fixture(scope="session")
def nlp() -> Language:
    from communique import nlp as _nlp

    return _nlp.load()


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[..., Result]:
    from communique.actors import ActorTable, extract_actors
    from communique.document import Document
    from communique.events import extract_events

    def _run(text: str, quotes: list[Quote] | None = None, published: str = "2025-03-04") -> Result:
        document = Document.build(nlp(text))
        actors = extract_actors(document, published=published)
        table = ActorTable(actors)
        events = extract_events(document, table, quotes or [], [], published=published)
        actors = table.freeze()
        return Result(events, actors)

    return _run
