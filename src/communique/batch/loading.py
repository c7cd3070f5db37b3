"""Filling the SQLite store in bulk: from a batch dataset, or from a parallel analysis on Dask.

Either way this process is the store's only writer: workers analyse, the driver adds each result in
its own transaction (``Store.add``: idempotent by id and content hash).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from communique.batch.dataset import read_manifest
from communique.batch.tables import TABLES, ErrorRow, analysis_from_rows
from communique.errors import InputError, OutputError
from communique.records import Analysis, Article
from communique.settings import Settings


def dataset_analyses(root: Path) -> Iterator[Analysis | ErrorRow]:
    """Every article (as its analysis) and every error row of the finished partitions of a dataset,
    partition by partition in the order they were written."""
    import pyarrow.parquet as pq

    manifest = read_manifest(root)
    if manifest is None:
        raise OutputError(f"{root} is not a batch dataset (no _manifest.json)")
    for part in manifest["partitions"].values():
        rows: dict[str, dict[str, list[dict[str, Any]]]] = {}
        order: list[str] = []
        for rel in part["files"]:
            table = rel.split("/", 1)[0]
            if table not in TABLES:
                continue
            for row in pq.read_table(root / rel).to_pylist():
                if table == "errors":
                    yield ErrorRow(row["id"], row["input"], row["reason"])
                    continue
                aid = row["article_id"]
                if aid not in rows:
                    rows[aid] = {}
                    order.append(aid)
                rows[aid].setdefault(table, []).append(row)
        for aid in order:
            if rows[aid].get("articles"):
                yield analysis_from_rows(rows[aid])


def analyse_parallel(items: Iterable[Article | InputError], settings: Settings, *, workers: int,
                     scheduler: str | None = None, partition_size: int = 20) -> Iterator[Analysis | ErrorRow]:
    """Analyse ``items`` on Dask (local processes or ``scheduler``); results as partitions finish."""
    from communique.batch.cluster import analysed, dask_client, partitions

    with dask_client(workers, scheduler, model=settings.model) as client:
        for _, results in analysed(client, partitions(items, partition_size), model=settings.model,
                                       time_limit=settings.article_timeout):
            yield from results
