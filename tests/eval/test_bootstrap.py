"""Bootstrap standard errors over documents: zero for a constant metric, positive for a varied one."""

from __future__ import annotations

from communique.eval.protocol import bootstrap_report, bootstrap_se, f1, figure, ratio, total

PRF = {"f1": lambda c: f1(ratio(c["tp"], c["pred"]), ratio(c["tp"], c["gold"]))}


def test_eval_bootstrap_se_of_a_constant_metric_is_zero() -> None:
    per_doc = [{"tp": 3, "pred": 3, "gold": 3}] * 40  # every document perfect: every resample scores 1.0
    assert bootstrap_se(per_doc, PRF) == {"f1": 0.0}
    mixed = [{"tp": 1, "pred": 2, "gold": 2}, {"tp": 2, "pred": 4, "gold": 4}] * 20  # precision 0.5 everywhere
    assert bootstrap_se(mixed, PRF) == {"f1": 0.0}


def test_eval_bootstrap_se_of_a_varied_metric_is_positive_and_shrinks_with_more_documents() -> None:
    docs = [{"tp": 3, "pred": 3, "gold": 3}, {"tp": 0, "pred": 2, "gold": 3}]
    few, many = bootstrap_se(docs * 10, PRF)["f1"], bootstrap_se(docs * 200, PRF)["f1"]
    assert few > many > 0.0
    assert bootstrap_se(docs * 10, PRF) == bootstrap_se(docs * 10, PRF)  # fixed seed: the same every run


def test_eval_bootstrap_of_one_document_is_zero_and_sums_missing_counts_as_zero() -> None:
    assert bootstrap_se([{"tp": 1, "pred": 2, "gold": 2}], PRF) == {"f1": 0.0}
    assert total([{"a": 1}, {"a": 2, "b": True}]) == {"a": 3, "b": 1}
    assert bootstrap_se([{"tp": 1, "pred": 1, "gold": 1}, {"pred": 1, "gold": 1}], PRF)["f1"] > 0.0


def test_eval_bootstrap_report_names_figures_by_their_path_in_the_output() -> None:
    report = bootstrap_report([{"tp": 1, "pred": 1, "gold": 1}] * 3, PRF)
    assert report["bootstrap_se"] == {"f1": 0.0}
    assert report["bootstrap"] == {"resamples": 1000, "seed": 20240508, "unit": "document", "documents": 3}
    assert figure({"content": {"soft": {"f1": 0.5}}}, "content.soft.f1") == 0.5
