"""Fixtures for the actor tests: the real spaCy model, loaded once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from communique import nlp as nlp_module
from communique.actors.coding import code_actors
from communique.actors.mentions import group_entities
from communique.records import Actor


@pytest.fixture(scope="session")
def nlp() -> Language:
    return nlp_module.load()


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    return lambda text: nlp(text)


@pytest.fixture(scope="session")
def named(parse: Callable[[str], Doc]) -> Callable[..., list[Actor]]:
    """Named actors of a text, grouped and coded (no coreference), as of ``published``."""

    def run(text: str, published: str | None = "2025-06-01") -> list[Actor]:
        doc = parse(text)
        return code_actors(doc, group_entities(doc, published=published), published=published)

    return run


@pytest.fixture(scope="session")
def find() -> Callable[[list[Actor], str], Actor]:
    return by_name


def by_name(actors: list[Actor], name: str) -> Actor:
    """The actor whose name or one of whose mentions is ``name``."""
    for a in actors:
        if a.name == name or any(m.text == name for m in a.mentions):
            return a
    raise AssertionError(f"no actor {name!r} in {[a.name for a in actors]}")
