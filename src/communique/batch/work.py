"""What runs on a Dask worker: analysing one partition of articles, and loading the model once.

Workers import this module by name, so it holds only picklable, module-level functions and the
worker plugin. The spaCy model and every stage's data files are loaded once per worker process
(``nlp.load`` and the data loaders are cached per process); ``Warmup`` does it when the worker
starts, so no partition pays for it and none ever reloads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from communique.batch.tables import ErrorRow
from communique.errors import InputError
from communique.records import Analysis, Article

# our own sentence: it runs every stage once, so their data files are loaded before the first partition
WARM_TEXT = ("GENEVA, March 3 (Communique Wire) - The two delegations agreed on Monday to meet again next week, "
             "a spokesman for the mediators said. \"We are making progress,\" he told reporters.")


def error_row(e: InputError) -> ErrorRow:
    """An input error as a row of the ``errors`` table: the article's id (else the input's name)."""
    return ErrorRow(e.article_id or e.source, e.source, e.reason)


def analyze_items(items: Sequence[Article | ErrorRow], model: str = "",
                  time_limit: float | None = None) -> list[Analysis | ErrorRow]:
    """Analyse the articles of one partition in order; error rows pass through in place, and an
    article a stage fails on, or whose analysis takes longer than ``time_limit`` seconds (the setting
    ``article_timeout``), becomes an error row naming it."""
    from communique.pipeline import analyze_many

    articles = [i for i in items if isinstance(i, Article)]
    analysed = iter(analyze_many(articles, model=model, time_limit=time_limit))
    out: list[Analysis | ErrorRow] = []
    for item in items:
        if isinstance(item, ErrorRow):
            out.append(item)
            continue
        result = next(analysed)
        out.append(error_row(result) if isinstance(result, InputError) else result)
    return out


def warm(model: str = "") -> None:
    """Load the model and every stage's data files in this process (cached from then on)."""
    analyze_items([Article(id="warm-up", text=WARM_TEXT, published="2025-03-03")], model)


class Warmup(WorkerPlugin):
    """Loads the spaCy model and data files when a worker starts (and on workers that join later)."""

    name = "communique-warmup"

    def __init__(self, model: str = "") -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        warm(self.model)
