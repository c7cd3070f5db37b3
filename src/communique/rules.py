"""The registry of rule ids: every provenance value a record carries is made of ids declared once.

The ids live in ``data/rules.tsv`` (id, stage, what the rule does). A provenance value is
``RULE[+MODIFIER...][|CLAIM_RULE]``: the rule that made the record (``quotes.direct_ccomp``), the
modifiers later rules added (``+future``), and for events the status rule of ``claims.py``
(``events.verb|claims.reporting_verb``). ``unregistered(provenance)`` names the parts of a value that
the registry does not declare; the test suite runs the pipeline and requires it to be empty.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from communique import data


@dataclass(frozen=True, slots=True)
class Rule:
    """One registered rule: its id, the stage it belongs to, and what it does."""

    id: str
    stage: str
    description: str


@functools.cache
def registry() -> dict[str, Rule]:
    """Every registered rule by id (modifiers keep their leading ``+``)."""
    out: dict[str, Rule] = {}
    for row in data.rows("rules.tsv"):
        if len(row) < 3 or not row[2]:
            raise ValueError(f"rules.tsv: a rule needs an id, a stage and a description: {row!r}")
        if row[0] in out:
            raise ValueError(f"rules.tsv: rule {row[0]!r} is declared twice")
        out[row[0]] = Rule(row[0], row[1], row[2])
    return out


def parts(provenance: str) -> list[str]:
    """The ids a provenance value is made of: ``"events.verb+future|claims.default"`` ->
    ``["events.verb", "+future", "claims.default"]``."""
    out: list[str] = []
    for piece in provenance.split("|"):
        base, *modifiers = piece.split("+")
        if base:
            out.append(base)
        out.extend("+" + m for m in modifiers)
    return out


def unregistered(provenance: str) -> list[str]:
    """The parts of ``provenance`` that no registered rule declares (empty when all are known)."""
    known = registry()
    return [p for p in parts(provenance) if p not in known]
