"""What the time tests share: the reference date and a look-up of the expressions found in a text."""

from __future__ import annotations

from communique.nlp import parse
from communique.times import extract_times

FRI = "2013-03-22"  # Friday 22 March 2013, ISO week 2013-W12


def found(text: str, published: str | None = FRI) -> dict[str, tuple[str, str]]:
    """``{expression text: (TIMEX3 type, value)}`` of every expression found in ``text``."""
    return {t.text: (t.type, t.value) for t in extract_times(parse(text), published)}
