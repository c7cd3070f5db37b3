"""The record the trigger rules return, and the preposition sets their argument rules share.

A ``Found`` is one event of a sentence still in tokens: the trigger, its code, the rule that found it
and the heads of its actor and recipient phrases. ``events.build`` turns it into an ``Event``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique import data
from communique.events.patterns import Code, Pattern, code_of

if TYPE_CHECKING:
    from spacy.tokens import Token

FRAME_PREPS = ("to", "on", "upon", "for", "in")
OWNER_PREPS = ("by", "from", "of")


@dataclass
class Found:
    """One event found in a sentence, with its argument phrases as tokens."""

    anchor: Token  # the word the event's status is read from (verb, frame verb, light verb, noun)
    trigger: Token  # the word that names the event
    code: Code
    rule: str
    actor_heads: list[Token] = field(default_factory=list)
    recipient_heads: list[Token] = field(default_factory=list)
    frame: str | None = None
    embedded: Token | None = None
    nominal: bool = False
    confidence: float = 0.7
    status: str | None = None  # a status the rule knows better than the clause ("accused X of ...": alleged)
    source_heads: list[Token] = field(default_factory=list)  # on whose word it rests (the accuser)


def pattern_code(pat: Pattern | None) -> Code | None:
    """The crosswalk code of a trigger pattern (None for no pattern)."""
    return code_of(pat.cameo, pat.type) if pat is not None else None


@functools.cache
def recipient_preps(*extra: str) -> frozenset[str]:
    """The prepositions whose object is an event's recipient ("talks with Iran"), plus ``extra``."""
    return data.words("events.recipient_preps") | frozenset(extra)


@dataclass
class Scan:
    """One sentence being scanned for events: its tokens, their trigger patterns, the events found
    so far and the tokens already consumed by them (a trigger gives at most one event)."""

    toks: list[Token]
    pats: dict[int, Pattern]
    consumed: set[int]
    found: list[Found] = field(default_factory=list)

    def add(self, f: Found, *consumed: int) -> None:
        """Record event ``f`` and consume the tokens ``consumed``."""
        self.found.append(f)
        self.consumed.update(consumed)
