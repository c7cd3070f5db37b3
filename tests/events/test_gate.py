"""Evaluation gate: pinned floors on the *check* half of the events dev sets (skipped without ../shared/eval).

The gates score the check half (documents split by the parity of sha1 of their id, see
``communique.eval.protocol``). Each floor is the figure minus two bootstrap standard errors (1000
resamples of the sentences), measured on 2026-12-03 and written next to it with that figure and SE.
The lent PLOVER file holds only tune sentences (its check half is kept apart to judge the work), so
its gate guards the tune half against regressions. Raising a floor is fine; lowering one needs a reason in the commit message. Re-measure with
``make figures`` (bench/figures.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from communique.eval import run_task
from communique.eval.protocol import figure

DATA = Path(os.environ.get("COMMUNIQUE_EVAL_DATA", Path(__file__).resolve().parents[3] / "shared" / "eval"))
needs_data = pytest.mark.skipif(not (DATA / "events").is_dir(), reason=f"no evaluation data at {DATA}")

PLOVER_FLOORS = {  # tune (the lent file has no check sentences)
    "type_f1": 0.828,  # tune 0.870, SE 0.021 (179 sentences)
    "actor_recall": 0.691,  # tune 0.754, SE 0.032 (depends on actor coding)
    "recipient_recall": 0.584,  # tune 0.658, SE 0.037
}
# check 0.829, SE 0.015 (644 sentences), with the second opinion (issue 9). Appeals ("urged", "called
# on") are REQUESTs with CAMEO 02 codes, as issue 4 and PLOVER 3.8 require; this set labels them
# statements, which costs about 4 points
PENTACLASS_FLOORS = {"macro_f1": 0.799}
CLAIMS_FLOORS = {  # event status against UW factuality, check
    "accuracy": 0.843,  # check 0.863, SE 0.010 (476 sentences)
    "macro_f1": 0.645,  # check 0.686, SE 0.020
}
MAX_EVENTS_PER_SENTENCE = 1.5  # no over-generation: check 1.047 (PLOVER), 0.94 (pentaclass)


def _below(out: dict[str, Any], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    return {m: (figure(out, m), f) for m, f in floors.items() if figure(out, m) < f}


@pytest.fixture(scope="module")
def plover() -> dict[str, Any]:
    return run_task("events-plover", DATA, split="tune")


@pytest.fixture(scope="module")
def pentaclass() -> dict[str, Any]:
    return run_task("events-pentaclass", DATA, split="check")


@pytest.fixture(scope="module")
def claims() -> dict[str, Any]:
    return run_task("events-claims", DATA, split="check")


@needs_data
def test_gate_plover_type_f1_actor_recall_and_no_over_generation(plover: dict[str, Any]) -> None:
    assert not _below(plover, PLOVER_FLOORS), _below(plover, PLOVER_FLOORS)
    assert plover["events_per_sentence"] <= MAX_EVENTS_PER_SENTENCE, plover["events_per_sentence"]


@needs_data
def test_gate_pentaclass_macro_f1_and_no_over_generation(pentaclass: dict[str, Any]) -> None:
    assert not _below(pentaclass, PENTACLASS_FLOORS), _below(pentaclass, PENTACLASS_FLOORS)
    assert pentaclass["events_per_sentence"] <= MAX_EVENTS_PER_SENTENCE, pentaclass["events_per_sentence"]


@needs_data
def test_gate_claims_status_accuracy_and_macro_f1(claims: dict[str, Any]) -> None:
    assert claims["split"] == "check"
    assert not _below(claims, CLAIMS_FLOORS), _below(claims, CLAIMS_FLOORS)
