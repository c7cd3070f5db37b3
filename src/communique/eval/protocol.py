"""What every evaluation task shares: the tune/check split of its documents and bootstrap errors.

The split. Each gold document has an id (``eval/__init__.py`` lists them per task); a document is
in the *tune* half when ``sha1(id)`` (read as a number) is even and in the *check* half when it is
odd. The lent GGT, PLOVER and extraction-benchmark files hold only even ids: their check halves are
the sets kept apart, scored by the same command on data we never see. The lent PolNeAR, TE3,
pentaclass and UW files hold both halves. Rules and thresholds are tuned on *tune* (``--errors`` is
refused elsewhere); *check* is only scored, and the test-suite gates run on it wherever the lent
file has check documents (on tune, as regression guards only, where it has none).

The bootstrap. A headline metric is a function of counts summed over documents (micro averages), or
of per-document scores summed with a count of documents (macro averages over pages). Its standard
error is the standard deviation of the metric over resamples of the documents drawn with
replacement; each resample only re-sums the per-document counts, nothing is analysed again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import numpy as np

SPLITS = ("tune", "check", "all")
RESAMPLES = 1000
SEED = 20240508  # fixed: the same data give the same standard errors on every run

T = TypeVar("T")
Counts = Mapping[str, float]
Metric = Callable[[Counts], float]


def half_of(doc_id: str) -> str:
    """``"tune"`` or ``"check"`` for a document id, by the parity of its sha1 (see the module docstring)."""
    digest = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16)
    return "check" if digest & 1 else "tune"


class EmptySplit(Exception):
    """The chosen half of a gold file holds no document (the lent GGT, PLOVER and benchmark files
    hold only tune documents: their check halves are the sets kept apart)."""


def select(rows: Iterable[T], doc_id: Callable[[T], str], split: str) -> list[T]:
    """The rows of one half (``"all"``: every row), in their original order.

    Raises EmptySplit when a half is asked for and the file holds none of its documents.
    """
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")
    rows = list(rows)
    out = [row for row in rows if split == "all" or half_of(doc_id(row)) == split]
    if rows and not out:
        raise EmptySplit(split)
    return out


def refuse_errors_outside_tune(split: str, errors: bool) -> None:
    """Error listings show gold text and misses; on *check* they would leak the judging half."""
    if errors and split != "tune":
        raise ValueError("--errors lists gold documents, so it is only allowed with --split tune")


def ratio(num: float, den: float) -> float:
    """``num / den``, 0 when the denominator is 0 (the convention of every task's figures)."""
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean, 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def total(per_doc: Sequence[Counts]) -> dict[str, float]:
    """The per-document counts summed key by key."""
    out: dict[str, float] = {}
    for counts in per_doc:
        for key, value in counts.items():
            out[key] = out.get(key, 0) + value
    return out


def bootstrap_se(
    per_doc: Sequence[Counts],
    metrics: Mapping[str, Metric],
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> dict[str, float]:
    """The bootstrap standard error of each metric over documents (0 for fewer than two documents).

    ``per_doc`` holds one mapping of counts per document; each metric maps summed counts to a
    figure. A resample draws as many documents as there are, with replacement, and sums their counts.
    """
    n = len(per_doc)
    if n < 2:
        return {name: 0.0 for name in metrics}
    keys = sorted({key for counts in per_doc for key in counts})
    matrix = np.array([[counts.get(key, 0.0) for key in keys] for counts in per_doc], dtype=float)
    draws = np.random.default_rng(seed).integers(0, n, size=(resamples, n))
    weights = np.stack([np.bincount(row, minlength=n) for row in draws])
    sums = weights @ matrix
    out: dict[str, float] = {}
    for name, metric in metrics.items():
        values = np.array([metric(dict(zip(keys, row, strict=True))) for row in sums.tolist()])
        out[name] = round(float(values.std(ddof=1)), 4)
    return out


def bootstrap_report(per_doc: Sequence[Counts], metrics: Mapping[str, Metric]) -> dict[str, object]:
    """The ``bootstrap_se`` of each headline metric and how it was drawn, for a task's JSON output.

    Metric names are dotted paths to the figure in that output (``"quote.f1"``), read by ``figure``.
    """
    return {
        "bootstrap_se": bootstrap_se(per_doc, metrics),
        "bootstrap": {"resamples": RESAMPLES, "seed": SEED, "unit": "document", "documents": len(per_doc)},
    }


def figure(result: Mapping[str, object], path: str) -> float:
    """The figure at a dotted path of a task's output (``figure(out, "content.soft.f1")``)."""
    node: object = result
    for part in path.split("."):
        if not isinstance(node, Mapping):
            raise KeyError(path)
        node = node[part]
    if not isinstance(node, int | float):
        raise KeyError(path)
    return float(node)
