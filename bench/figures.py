"""Every evaluation task on its tune half, its check half and all documents, as one markdown table.

Prints, per task and headline metric: the figure with its bootstrap standard error on each split, the
gap tune - check, and the gate floor the check figure supports (check - 2 SE; for ingestion never
below bare trafilatura on the check half). Paste the output into docs/figures.md after a change that
moves a figure, and re-pin the floors of the gate tests from its last column.

    python bench/figures.py                         # every task, ../shared/eval
    python bench/figures.py --task times-te3 --data ../shared/eval
    python bench/figures.py --json figures.json     # also keep the raw outputs
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Any

from communique.errors import EvalDataMissing
from communique.eval import TASKS, run_task
from communique.eval.protocol import figure

ROOT = Path(__file__).resolve().parent.parent
RUN_SPLITS = ("tune", "check", "all")
# a gate floor on ingestion is never below what bare trafilatura scores on the same check pages
FLOOR_AT_LEAST = {("ingest-articles", "f1"): "bare_trafilatura.tokens.f1"}
# figures shown for comparison only: no gate floor
REFERENCE = {("ingest-articles", "bare_trafilatura.tokens.f1")}


def floor(check: float, se: float, at_least: float | None = None) -> float:
    """check - 2 SE rounded down to 3 places, raised to ``at_least`` when that is higher."""
    value = math.floor((check - 2 * se) * 1000) / 1000
    return max(value, at_least) if at_least is not None else value


def gate_floor(task: str, metric: str, outs: dict[str, dict[str, Any]]) -> str:
    """The floor the check half supports, as a table cell.

    A figure that is perfect on every check document has a bootstrap SE of 0, which would pin the
    floor at the figure itself; the SE over all documents stands in for it then.
    """
    if (task, metric) in REFERENCE:
        return "—"
    half = "tune" if outs["check"].get("empty") else "check"
    base = outs[half]
    se = base["bootstrap_se"][metric] or outs["all"]["bootstrap_se"][metric]
    other = FLOOR_AT_LEAST.get((task, metric))
    value = floor(figure(base, metric), se, figure(base, other) if other else None)
    return f"{value:.4f}" + (" (on tune: no lent check documents)" if half == "tune" else "")


def _cell(out: dict[str, Any], metric: str) -> str:
    if out.get("empty"):
        return "kept apart"
    return f"{figure(out, metric):.3f} ± {out['bootstrap_se'][metric]:.3f}"


def _signed(value: float) -> str:
    text = f"{value:+.3f}"
    return "0.000" if text in ("+0.000", "-0.000") else text


def _documents(out: dict[str, Any]) -> int:
    return 0 if out.get("empty") else int(out["bootstrap"]["documents"])


def rows(task: str, outs: dict[str, dict[str, Any]]) -> list[str]:
    """The table rows of one task: one per headline metric."""
    lines = []
    check = outs["check"]
    for metric in outs["all"]["bootstrap_se"]:
        gap = "—" if check.get("empty") else _signed(figure(outs["tune"], metric) - figure(check, metric))
        lines.append(f"| {task} | {metric} | {_cell(outs['tune'], metric)} | {_cell(check, metric)} | "
                     f"{_cell(outs['all'], metric)} | {gap} | {gate_floor(task, metric, outs)} |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--task", action="append", choices=list(TASKS), help="only these tasks (repeatable)")
    ap.add_argument("--json", type=Path, help="also write every raw task output to this file")
    args = ap.parse_args()
    raw: dict[str, dict[str, Any]] = {}
    table = ["| task | metric | tune ± SE | check ± SE | all ± SE | gap tune − check | floor (check − 2 SE) |",
             "|---|---|---|---|---|---|---|"]
    sizes = []
    for task in args.task or list(TASKS):
        started = time.perf_counter()
        try:
            outs = {split: run_task(task, args.data, split=split) for split in RUN_SPLITS}
        except EvalDataMissing as e:
            print(f"skipped {task}: {e}", file=sys.stderr)
            continue
        raw[task] = outs
        table += rows(task, outs)
        sizes.append(f"{task} {_documents(outs['tune'])}/{_documents(outs['check'])}/{_documents(outs['all'])}")
        print(f"{task}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print("\n".join(table))
    print(f"\nDocuments (tune/check/all): {'; '.join(sizes)}.")
    if args.json:
        args.json.write_text(json.dumps(raw, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
