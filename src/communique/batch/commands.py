"""The ``batch`` and ``watch`` commands (registered on the main CLI in ``cli.py``).

Like ``cli.py`` this is the command-line edge: it prints (to stderr, text escaped for Rich markup)
and maps errors to exit codes: 0 success; 1 every input failed (``--strict``: any); 2 usage error;
3 the store, the dataset or the model could not be used.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from communique.errors import CommuniqueError, InputError, ModelNotFound, OutputError, StoreError
from communique.settings import load_settings

if TYPE_CHECKING:
    from communique.batch.tables import ErrorRow

err = Console(stderr=True, soft_wrap=True)
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr)?\s*$", re.I)


def fail(message: str, code: int) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, markup=True)
    return typer.Exit(code)


def published_overrides(value: str | None, sources: list[str]) -> dict[str, Any]:
    """The article fields ``--published`` sets; a bad value is a usage error."""
    if value is None:
        return {}
    from communique.ingest import normalize_published

    try:
        return {"published": normalize_published(value, ", ".join(sources)), "published_from": "input"}
    except InputError as e:
        raise fail(f"--published {value!r} is not an ISO date or date-time (2025-03-04, 2025-03-04T14:05:00Z)",
                   2) from e


def seconds(every: str) -> float:
    """``15m`` -> 900.0; ``30s``, ``2h``, ``90`` (seconds) likewise; a bad value is a usage error."""
    m = _EVERY.match(every)
    if not m or float(m.group(1)) <= 0:
        raise fail(f"--every {every!r}: give a positive duration such as 30s, 15m or 1h", 2)
    unit = (m.group(2) or "s").lower()[0]
    return float(m.group(1)) * {"s": 1, "m": 60, "h": 3600}[unit]


def _report(row: ErrorRow) -> None:
    where = f"{row.input} (id {row.id})" if row.id not in row.input else row.input
    err.print(f"[red]error:[/red] {escape(where)}: {escape(row.reason)}", highlight=False, markup=True)


def batch(
    inputs: Annotated[list[str], typer.Argument(help="files, folders, .jsonl(.gz), WARC(.gz), URLs, feeds or OPML")],
    out: Annotated[Path, typer.Option("--out", help="dataset folder (Parquet, hive-partitioned by month)")],
    workers: Annotated[int | None, typer.Option(min=1, help="local worker processes [default: the number of cores]")] = None,
    scheduler: Annotated[str | None, typer.Option(help="run on an existing Dask cluster, e.g. tcp://host:8786")] = None,
    partition_size: Annotated[int, typer.Option(min=1, help="articles per partition (the unit of resuming)")] = 50,
    published: Annotated[str | None, typer.Option(help="publication date of every input (ISO date or date-time)")] = None,
    strict: Annotated[bool, typer.Option(help="exit 1 when any input fails")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="TOML settings file")] = None,
) -> None:
    """Analyse inputs on Dask into a Parquet dataset; re-running the command resumes it."""
    from communique.batch.run import estimate_total, run_batch
    from communique.progress import Progress

    settings = load_settings(config)
    overrides = published_overrides(published, inputs)
    n = workers or os.cpu_count() or 1
    try:
        with Progress("batch", console=err, total=estimate_total(inputs)) as progress:
            totals = run_batch(inputs, out, settings=settings, workers=n, scheduler=scheduler,
                               partition_size=partition_size, overrides=overrides, progress=progress, report=_report)
    except OutputError as e:
        raise fail(str(e), 2) from e
    except (ModelNotFound, CommuniqueError, OSError) as e:
        raise fail(str(e), 3) from e
    err.print(escape(progress.summary()), highlight=False)
    err.print(escape(f"{out}: {totals.written} partitions written, {totals.skipped} already finished"
                     + (f", {totals.duplicates} inputs already in the dataset (skipped)" if totals.duplicates else "")),
              highlight=False)
    if totals.errors and (strict or totals.articles == 0):
        raise typer.Exit(1)


def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS/Atom feed URLs or OPML files")],
    every: Annotated[str, typer.Option(help="time between polls: 30s, 15m, 1h")] = "15m",
    db: Annotated[str | None, typer.Option("--db", help="SQLite store file [default: ./communique.db]")] = None,
    once: Annotated[bool, typer.Option("--once", help="poll once and exit")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="TOML settings file")] = None,
) -> None:
    """Poll feeds and store their new articles, every ``--every``, until interrupted."""
    from communique.batch.watching import poll_forever

    interval = seconds(every)
    settings = load_settings(config, db=db)
    try:
        poll_forever(feeds, settings, interval=interval, cycles=1 if once else None,
                     say=lambda line: err.print(escape(line), highlight=False))
    except (StoreError, ModelNotFound) as e:
        raise fail(str(e), 3) from e
    except KeyboardInterrupt:
        err.print("stopped", highlight=False)
