"""Evaluation gate for quotes and ingestion: pinned floors on the dev sets (skipped when ../shared/eval is absent).

Floors sit a little under the figures measured when they were set (see docs/figures.md); raising one
is fine, lowering one needs a reason in the commit message. Events and times keep their gates in
tests/events/test_gate.py and tests/times/test_eval_gate.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from communique.eval import run_task

DATA = Path(os.environ.get("COMMUNIQUE_EVAL_DATA", Path(__file__).resolve().parents[2] / "shared" / "eval"))
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"no evaluation data at {DATA}")


@needs_data
def test_gate_quotes_ggt_quote_f1_and_speaker_accuracy() -> None:
    out = run_task("quotes-ggt", DATA)
    assert out["quote"]["f1"] >= 0.90, out["quote"]
    assert out["speaker_accuracy"] >= 0.89, out["speaker_accuracy"]


@needs_data
def test_gate_quotes_polnear_content_and_source() -> None:
    out = run_task("quotes-polnear", DATA)
    assert out["content"]["soft"]["f1"] >= 0.52, out["content"]
    assert out["source"]["exact"]["f1"] >= 0.58, out["source"]


@needs_data
def test_gate_ingest_articles_token_f1() -> None:
    out = run_task("ingest-articles", DATA)
    assert out["f1"] >= 0.96, out["f1"]
