"""The evaluation tasks by CLI name, and the one entry point that runs them."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from communique.errors import EvalDataMissing
from communique.eval.protocol import SPLITS, EmptySplit, refuse_errors_outside_tune

TASKS: dict[str, str] = {
    "quotes-ggt": "communique.eval.quotes:run_ggt",
    "quotes-polnear": "communique.eval.quotes:run_polnear",
    "events-plover": "communique.eval.events:run_plover",
    "events-pentaclass": "communique.eval.events:run_pentaclass",
    "events-claims": "communique.eval.events:run_claims",
    "times-te3": "communique.eval.times:run_te3",
    "ingest-articles": "communique.eval.ingest:run_articles",
}


def run_task(
    task: str, data_dir: Path, *, split: str = "all", errors: bool = False, limit: int | None = None
) -> dict[str, Any]:
    """Run one task on one half of its documents under ``data_dir`` (the ``shared/eval`` folder).

    Raises KeyError for an unknown task, ValueError for an unknown split or for ``errors`` outside
    ``split="tune"``, and EvalDataMissing when the data are absent.
    """
    if task not in TASKS:
        raise KeyError(task)
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")
    refuse_errors_outside_tune(split, errors)
    if not data_dir.is_dir():
        raise EvalDataMissing(f"evaluation data folder {data_dir} not found")
    module_name, func_name = TASKS[task].split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    try:
        result: dict[str, Any] = func(data_dir, split=split, errors=errors, limit=limit)
    except EmptySplit:
        return {
            "task": task, "split": split, "documents": 0, "empty": True,
            "note": f"this file holds no {split} documents: every id in it falls in the other half "
                    "(the lent file is one half of its source; the other half is kept apart to check the work)",
        }
    return {**result, "split": split}
