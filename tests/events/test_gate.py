"""Evaluation gate: pinned floors on the events dev sets (skipped when ../shared/eval is absent).

Floors sit a little under the figures measured when they were set; raising one is fine, lowering
one needs a reason in the commit message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from communique.eval.events import run_pentaclass, run_plover

DATA = Path(os.environ.get("COMMUNIQUE_EVAL_DATA", Path(__file__).resolve().parents[3] / "shared" / "eval"))
needs_data = pytest.mark.skipif(not (DATA / "events").is_dir(), reason=f"no evaluation data at {DATA}")


@needs_data
def test_gate_plover_type_f1_actor_recall_and_no_over_generation() -> None:
    out = run_plover(DATA)
    assert out["type_f1"] >= 0.85, out["type_f1"]  # measured 0.877 (round 2)
    assert out["actor_recall"] >= 0.73, out["actor_recall"]  # measured 0.754 (depends on actor coding)
    assert out["recipient_recall"] >= 0.63, out["recipient_recall"]  # measured 0.659
    assert out["events_per_sentence"] <= 1.5, out["events_per_sentence"]


@needs_data
def test_gate_pentaclass_macro_f1_and_no_over_generation() -> None:
    out = run_pentaclass(DATA)
    # measured 0.833: appeals ("urged", "called on") are REQUESTs with CAMEO 02 codes, as issue 4 and
    # PLOVER 3.8 require; this set labels them statements, which costs about 4 points
    assert out["macro_f1"] >= 0.81, out["macro_f1"]
    assert out["events_per_sentence"] <= 1.5, out["events_per_sentence"]
