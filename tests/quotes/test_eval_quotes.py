"""The quote evaluations: scoring helpers, and a short run on the shared dev sets when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.eval import run_task
from communique.eval.quotes import _match_ggt, _match_spans, gold_kind, mention_type, names_match

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def test_eval_names_match_by_token_subset_either_way():
    assert names_match("Erdogan", "Recep Tayyip Erdogan")
    assert names_match("Recep Tayyip Erdogan", "Erdogan")
    assert names_match("union", "The union")
    assert not names_match("Tomas Varga", "Ilona Varga")
    assert not names_match(None, "Erdogan") and not names_match("", "")


def test_eval_mention_types():
    assert mention_type("she") == "pronoun"
    assert mention_type("Mr. Erdogan") == "name"
    assert mention_type("a spokesperson for the camp") == "role noun"
    assert mention_type("South Korean officials") == "role noun"
    assert mention_type(None) == "none"


def test_eval_gold_kind():
    assert gold_kind('"We are ready,"') == "direct"
    assert gold_kind("he was ready to meet Trump") == "indirect"
    assert gold_kind('Moscow was "open to dialogue"') == "mixed"


def test_eval_ggt_match_needs_more_than_30_percent_and_is_one_to_one():
    gold = [{"quote_span": [0, 100]}, {"quote_span": [100, 200]}]
    assert _match_ggt(gold, [{"start": 0, "end": 31}]) == {0: 0}
    assert _match_ggt(gold, [{"start": 0, "end": 30}]) == {}
    assert len(_match_ggt(gold, [{"start": 0, "end": 200}])) == 1


def test_eval_polnear_soft_match_needs_half_of_each_span():
    assert _match_spans([(0, 10)], [(0, 10)], soft=False) == 1
    assert _match_spans([(0, 10)], [(0, 9)], soft=False) == 0
    assert _match_spans([(0, 10)], [(2, 12)], soft=True) == 1
    assert _match_spans([(0, 10)], [(0, 30)], soft=True) == 0


@pytest.mark.skipif(not (DATA / "quotes" / "ggt-dev.jsonl").is_file(), reason="shared eval data not present")
def test_eval_ggt_runs_on_a_few_articles_with_breakdowns_and_errors():
    r = run_task("quotes-ggt", DATA, split="tune", errors=True, limit=2)
    assert r["articles"] == 2 and r["gold_quotes"] > 0
    assert {"quote", "speaker_accuracy", "speaker_recall", "by_predicted_kind", "by_gold", "errors"} <= set(r)
    assert any(k.startswith("mention:") for k in r["by_gold"])


@pytest.mark.skipif(not (DATA / "quotes" / "polnear-dev.jsonl").is_file(), reason="shared eval data not present")
def test_eval_polnear_runs_on_a_few_articles():
    r = run_task("quotes-polnear", DATA, limit=2)
    for field in ("content", "source", "cue"):
        assert set(r[field]["exact"]) == {"precision", "recall", "f1"}
        assert set(r[field]["soft"]) == {"precision", "recall", "f1"}
