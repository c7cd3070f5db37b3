"""The ingest-articles evaluation, on a two-page benchmark folder written here."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from communique.errors import EvalDataMissing
from communique.eval.ingest import overlap_prf, run_articles

from .conftest import PAGE


def test_bag_of_tokens_scores_count_repeated_tokens() -> None:
    assert overlap_prf("a b c d", "a b c d") == (1.0, 1.0, 1.0)
    p, r, f = overlap_prf("talks resume talks", "talks resume in Doha")
    assert (p, r) == (0.5, 2 / 3) and f == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert overlap_prf("words here", "") == (0.0, 0.0, 0.0)


def _benchmark(root: Path) -> Path:
    bench = root / "ingest" / "article-benchmark"
    (bench / "html").mkdir(parents=True)
    body = (
        "Negotiators for Israel and Hamas returned to Doha on Monday for a new round of talks on a six-week "
        "pause in the fighting, Qatari officials said."
    )
    (bench / "html" / "good.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (bench / "html" / "empty.html.gz").write_bytes(gzip.compress(b"<html><body><nav>Home</nav></body></html>"))
    truth = {
        "good": {"articleBody": body, "url": "https://wire.example.org/world/doha-talks"},
        "empty": {"articleBody": "A body the extractor cannot find.", "url": "https://x.example/empty"},
    }
    (bench / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_run_articles_scores_pages_and_lists_worst_in_errors_mode(tmp_path: Path) -> None:
    result = run_articles(_benchmark(tmp_path), errors=True)
    assert result["pages"] == 2
    assert result["rejected_pages"] == 1
    assert result["recall"] == 0.5  # the good page recalls all of its body, the empty page nothing
    assert 0.0 < result["precision"] < 0.5
    assert [p["key"] for p in result["worst"]] == ["empty", "good"]
    assert result["worst"][0]["error"]
    assert result["published_found_rate"] == 0.5


def test_run_articles_limit_and_missing_data(tmp_path: Path) -> None:
    assert run_articles(_benchmark(tmp_path), limit=1)["pages"] == 1
    with pytest.raises(EvalDataMissing):
        run_articles(tmp_path / "nowhere")
