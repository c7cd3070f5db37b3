"""The tune/check split of gold documents: deterministic, disjoint, covering, and guarded for --errors."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from communique.eval import SPLITS, half_of, run_task
from communique.eval.protocol import select

IDS = [f"article-{i:04d}" for i in range(400)] + ["AP_20130322", "A sentence is its own id."]


def test_eval_split_is_deterministic_and_reads_the_parity_of_sha1() -> None:
    for doc_id in IDS:
        assert half_of(doc_id) == half_of(doc_id)
        bit = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) & 1
        assert half_of(doc_id) == ("check" if bit else "tune")


def test_eval_split_halves_are_disjoint_cover_all_and_keep_order() -> None:
    tune = select(IDS, lambda d: d, "tune")
    check = select(IDS, lambda d: d, "check")
    assert not set(tune) & set(check)
    assert sorted(tune + check) == sorted(IDS) == sorted(select(IDS, lambda d: d, "all"))
    assert tune == [d for d in IDS if d in set(tune)]
    assert 0.4 < len(tune) / len(IDS) < 0.6  # sha1 parity halves any large set of ids


def test_eval_split_rejects_an_unknown_split_name() -> None:
    assert SPLITS == ("tune", "check", "all")
    with pytest.raises(ValueError, match="unknown split"):
        select(IDS, lambda d: d, "dev")


@pytest.mark.parametrize("split", ["check", "all"])
def test_eval_errors_listing_is_refused_outside_the_tune_half(split: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="only allowed with --split tune"):
        run_task("times-te3", tmp_path, split=split, errors=True)


def test_eval_cli_errors_without_tune_is_a_usage_error(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "communique", "eval", "times-te3", "--data", str(tmp_path), "--errors"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "--split tune" in done.stderr, done.stderr
    done = subprocess.run([*cmd[:-1], "--split", "check", "--errors"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "--split tune" in done.stderr, done.stderr
    # on the tune half the listing is allowed; here the data are missing, which is a skip (exit 0)
    done = subprocess.run([*cmd, "--split", "tune"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "skipped times-te3" in done.stderr, done.stderr
