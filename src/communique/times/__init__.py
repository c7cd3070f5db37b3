"""Temporal expressions (TimeML TIMEX3), normalised against the publication date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.records import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_times(doc: Doc, published: str | None) -> list[Timex]:
    """Every temporal expression in ``doc``, with its TIMEX3 type and value (placeholder: none yet)."""
    return []


def published_from_dateline(text: str) -> str | None:
    """The publication date a plain-text dateline gives (``KYIV, March 3 (Reuters) -``), else None."""
    return None


def governing_time(doc: Doc, token_i: int, times: list[Timex], published: str | None) -> Timex | None:
    """The temporal expression governing the clause of token ``token_i`` (an event or cue verb), or None.

    Callers use ``.value`` (an ISO prefix such as ``2025-03-03``) and ``.text`` as the record's date.
    """
    return None
