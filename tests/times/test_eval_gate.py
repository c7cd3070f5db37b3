"""Evaluation gate: the TE3 figures on the *check* half may not fall below their pinned floors.

The gate scores only the check half of the documents (split by the parity of sha1 of the file name, see
``communique.eval.protocol``). Each floor is the check figure minus two bootstrap standard errors
(1000 resamples of the documents), measured on 2026-12-03. Skipped when the shared evaluation folder
is absent. Raise a floor when the figures improve; never lower one without saying why in the commit.
Re-measure with ``make figures`` (bench/figures.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.eval import run_task

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
FLOORS = {
    "value_f1": 0.843,  # check 0.911, SE 0.034 (5 documents)
    "extraction_f1": 0.939,  # check 0.978, SE 0.019
}


@pytest.mark.skipif(not (DATA / "dates" / "te3-platinum").is_dir(), reason="shared/eval TE3 data not present")
def test_eval_gate_te3_value_and_extraction_f1_stay_above_their_floors():
    result = run_task("times-te3", DATA, split="check")
    assert result["value"]["f1"] >= FLOORS["value_f1"], result
    assert result["extraction"]["f1"] >= FLOORS["extraction_f1"], result
