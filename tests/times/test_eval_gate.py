"""Evaluation gate: the TE3 dev figures may not fall below their pinned floors.

Skipped when the shared evaluation folder is absent. Raise a floor when the figures improve; never
lower one without saying why in the commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.eval.times import run_te3

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
FLOORS = {"value_f1": 0.93, "extraction_f1": 0.97}


@pytest.mark.skipif(not (DATA / "dates" / "te3-platinum").is_dir(), reason="shared/eval TE3 data not present")
def test_eval_gate_te3_value_and_extraction_f1_stay_above_their_floors():
    result = run_te3(DATA)
    assert result["value"]["f1"] >= FLOORS["value_f1"], result
    assert result["extraction"]["f1"] >= FLOORS["extraction_f1"], result
