"""TIMEX3 values for grammar matches: calendar arithmetic against the publication date.

``normalise`` turns one ``Candidate`` into ``(type, value, anchor)`` or None when the match is not a
temporal expression after all (an age, "May" the modal, "the fall of Kabul"). Each candidate kind
has one value rule: calendar dates in ``dates``, times of day in ``clocks``, relative dates,
durations and sets in ``spans``; what they share is in ``values``.
"""

from __future__ import annotations

from communique.times import clocks, dates, spans
from communique.times.grammar import Candidate
from communique.times.values import Context, Handler, Value

__all__ = ["HANDLERS", "Context", "Value", "normalise"]

HANDLERS: dict[str, Handler] = {**dates.HANDLERS, **clocks.HANDLERS, **spans.HANDLERS}


def normalise(c: Candidate, text: str, ctx: Context) -> Value | None:
    """The TIMEX3 (type, value, anchor) of a candidate, or None when it is not temporal here."""
    handler = HANDLERS.get(c.kind)
    return handler(c, text, ctx) if handler else None
