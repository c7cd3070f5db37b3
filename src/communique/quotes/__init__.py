"""Quotes: direct, indirect and mixed, each with its cue and its resolved speaker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.records import Actor, Quote, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_quotes(
    doc: Doc, actors: list[Actor], times: list[Timex], *, published: str | None = None
) -> tuple[list[Quote], list[Actor]]:
    """Quotes found in ``doc``; returns them with the actor list, extended with any new speakers."""
    return [], actors
