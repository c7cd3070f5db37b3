"""Look-ups for quote tests."""

from __future__ import annotations

from communique.records import Analysis, Quote


def quote_with(analysis: Analysis, fragment: str) -> Quote:
    """The quote whose text holds ``fragment``; fails the test when there is none."""
    for q in analysis.quotes:
        if fragment in q.text:
            return q
    raise AssertionError(f"no quote holds {fragment!r}: {[q.text for q in analysis.quotes]}")


def speaker_name(analysis: Analysis, q: Quote) -> str | None:
    actor = analysis.actor(q.speaker)
    return actor.name if actor else None
