"""Sense constraints per PLOVER type, as data (``data/en/event_senses.tsv``), enforced in one place.

A trigger names its event only when its doer, its target and its own form fit the event's sense:
ASSAULT needs a target force can reach ("fired on the crowd", not "fired up the crowd"; "an attack on
the convoy", not "an attack on his record") and a doer able to use force (not "prices shot up", not
"the striker fired the ball"). A row either drops the event or re-codes it ("attacked the
government's record" is criticism, CAMEO 111). ``sense_of`` is asked by ``events.build`` once the
event's arguments are known.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique import data, syntax
from communique.events.patterns import lemmas, objects

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = ("on", "upon", "against", "at", "to", "into")
CAUSE_PREPS = ("in", "by", "from", "after", "during", "following")


@dataclass(frozen=True, slots=True)
class SenseRule:
    """One row of ``event_senses.tsv``: when all ``conditions`` hold, ``action`` (drop or a CAMEO code)."""

    type: str
    conditions: tuple[tuple[str, frozenset[str]], ...]
    action: str


@functools.cache
def sense_rules() -> dict[str, tuple[SenseRule, ...]]:
    """PLOVER type -> its sense rules, in file order."""
    out: dict[str, list[SenseRule]] = {}
    for row in data.rows("event_senses.tsv"):
        row = row + ("",) * (3 - len(row))
        typ, cond, action = (c.strip() for c in row[:3])
        conditions = []
        for part in filter(None, (p.strip() for p in cond.split(","))):
            key, _, value = part.partition("=")
            conditions.append((key, frozenset(value.split("|"))))
        out.setdefault(typ, []).append(SenseRule(typ, tuple(conditions), action))
    return {k: tuple(v) for k, v in out.items()}


def targets(trigger: Token) -> list[Token]:
    """The heads an event is aimed at: a verb's objects and on/against/to/into phrases (a particle's
    too; an at-phrase only without an object: "fired at the crowd"), a noun's on/against phrases."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return syntax.nominal_targets(trigger, TARGET_PREPS)
    out = objects(trigger)
    preps = TARGET_PREPS if not out else tuple(p for p in TARGET_PREPS if p != "at")  # "detained them at a rally": a place
    out += syntax.prep_objects(trigger, preps)
    for prt in syntax.children(trigger, ("prt",)):
        out += syntax.prep_objects(prt, preps)
    return out


def _in_list(heads: list[Token], lists: frozenset[str]) -> bool:
    words = data.words(*sorted(lists))
    return any(h.lemma_.lower() in words or h.lower_ in words for h in heads)


def _holds(key: str, values: frozenset[str], trigger: Token, doers: list[Token]) -> bool:
    if key == "target":
        return _in_list(targets(trigger), values)
    if key == "doer":
        return _in_list(doers, values)
    if key == "trigger":
        return any(x in values for x in lemmas(trigger))
    if key == "cause":  # "injured in a fire", "killed by lightning", "died after the crash"
        return _in_list(syntax.prep_objects(trigger, CAUSE_PREPS), values)
    if key == "particle":
        return any(c.lower_ in values for c in syntax.children(trigger, ("prt",)))
    return False


def sense_of(event_type: str, trigger: Token, doers: list[Token]) -> str | None:
    """What the sense table says of an event of ``event_type`` named by ``trigger`` with doer
    phrases ``doers``: "drop", a CAMEO code to re-code it to, or None when it stands."""
    for rule in sense_rules().get(event_type, ()):
        if all(_holds(k, v, trigger, doers) for k, v in rule.conditions):
            return rule.action
    return None
