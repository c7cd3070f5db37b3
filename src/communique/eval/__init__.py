"""Evaluation tasks, each scored exactly by the protocol of ``../shared/eval/README.md``.

A task is a function ``run(data_dir: Path, *, errors: bool = False, limit: int | None = None) -> dict``
in one module per area; ``TASKS`` maps the CLI name to ``module:function`` so a task's module is only
imported when it is run.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from communique.errors import EvalDataMissing

TASKS: dict[str, str] = {
    "quotes-ggt": "communique.eval.quotes:run_ggt",
    "quotes-polnear": "communique.eval.quotes:run_polnear",
    "events-plover": "communique.eval.events:run_plover",
    "events-pentaclass": "communique.eval.events:run_pentaclass",
    "events-claims": "communique.eval.events:run_claims",
    "times-te3": "communique.eval.times:run_te3",
    "ingest-articles": "communique.eval.ingest:run_articles",
}


def run_task(task: str, data_dir: Path, *, errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Run one task on ``data_dir`` (the ``shared/eval`` folder); raises EvalDataMissing when absent."""
    if task not in TASKS:
        raise KeyError(task)
    if not data_dir.is_dir():
        raise EvalDataMissing(f"evaluation data folder {data_dir} not found")
    module_name, func_name = TASKS[task].split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    result: dict[str, Any] = func(data_dir, errors=errors, limit=limit)
    return result
