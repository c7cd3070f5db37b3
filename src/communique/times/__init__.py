"""Temporal expressions (TimeML TIMEX3), normalised against the publication date.

- ``extract_times``: every expression in the article, with its TIMEX3 type and value;
- ``published_from_dateline``: the publication date a plain-text dateline gives;
- ``governing_time``: the expression dating an event trigger or cue verb, for Quote.date / Event.date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.records import Timex
from communique.times.dateline import published_from_dateline
from communique.times.extract import extract_timexes
from communique.times.governing import governing_time

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_times", "governing_time", "published_from_dateline"]


def extract_times(doc: Doc, published: str | None) -> list[Timex]:
    """Every temporal expression in ``doc``, with its TIMEX3 type and value, in text order.

    Values are relative to ``published`` (ISO date or datetime); with none, relative expressions keep
    X placeholders ("XXXX-03-03", "XXXX-WXX-5") and nothing is anchored on today's date.
    """
    return extract_timexes(doc, published)
