"""Partitions of inputs and their analysis on a Dask cluster, results streamed back as they finish.

``partitions`` cuts a stream of inputs into partitions of ``size`` items, each keyed by a hash of its
content (and the analyser), so the same inputs give the same keys on every run. ``analysed`` runs the
partitions on the cluster, at most ``window`` at a time, and yields each with its results as soon as
it is done. A partition whose task fails (a worker died on it too often: ``KilledWorker``) is
analysed again one article at a time, and only the article that fails alone becomes an error row,
so a partition is never lost.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from communique.batch.tables import ErrorRow
from communique.batch.work import Warmup, analyze_items, error_row
from communique.errors import InputError
from communique.records import Analysis, Article

if TYPE_CHECKING:
    from distributed import Client, Future

Item = Article | ErrorRow
Result = Analysis | ErrorRow


@dataclass(frozen=True, slots=True)
class Partition:
    """Consecutive inputs analysed and written together; ``key`` is a hash of their content."""

    key: str
    index: int
    items: tuple[Item, ...]


def _fingerprint(item: Item) -> str:
    if isinstance(item, ErrorRow):
        return json.dumps(["error", item.id, item.input, item.reason], ensure_ascii=False)
    return json.dumps([item.to_dict(), item.source, item.published_from], ensure_ascii=False, sort_keys=True)


def partitions(items: Iterable[Article | InputError], size: int, salt: str = "") -> Iterator[Partition]:
    """The inputs cut into partitions of ``size`` items (input errors count as items), in input order."""
    it = iter(items)
    for index in range(1 << 62):
        chunk = tuple(i if isinstance(i, Article) else error_row(i) for i in islice(it, size))
        if not chunk:
            return
        digest = hashlib.sha256(salt.encode("utf-8"))
        for item in chunk:
            digest.update(_fingerprint(item).encode("utf-8", "surrogatepass") + b"\x00")
        yield Partition(digest.hexdigest()[:24], index, chunk)


@contextmanager
def dask_client(workers: int, scheduler: str | None = None, *, model: str = "") -> Iterator[Client]:
    """A Dask client: on ``scheduler`` (``tcp://host:8786``) when given, else on a local cluster of
    ``workers`` processes with one thread each, closed (workers and all) on the way out. Each worker
    loads the model once (``Warmup``)."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout="30s") as client:
            client.register_plugin(Warmup(model))
            yield client
        return
    # the scheduler's HTTP server on a free loopback port (never a clash with another cluster on 8787);
    # no statistical profiler sampling the analysis every 10 ms on our own workers; and glibc's malloc
    # left to its own trim threshold: Dask's default for its workers (MALLOC_TRIM_THRESHOLD_=65536, to
    # hand freed memory back to the system at once) made the analysis about 20% slower, every parse
    # allocating and freeing its arrays anew (docs/batch.md)
    with dask.config.set({"distributed.worker.profile.enabled": False,
                          "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                         silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.register_plugin(Warmup(model))
        yield client


def analysed(client: Client, parts: Iterable[Partition], *, model: str = "",
             window: int | None = None, time_limit: float | None = None) -> Iterator[tuple[Partition, list[Result]]]:
    """Each partition with its results (in input order), in the order they finish. At most ``window``
    partitions are out at a time (default: two per worker thread of the cluster, plus two)."""
    from distributed import as_completed

    window = window or 2 * max(1, sum(client.nthreads().values())) + 2
    pending: dict[Future, Partition] = {}
    queue = iter(parts)
    done = as_completed()

    def submit(p: Partition) -> None:
        fut = client.submit(analyze_items, list(p.items), model, time_limit, key=f"communique-{p.key}-{uuid.uuid4().hex[:8]}",
                            pure=False)
        pending[fut] = p
        done.add(fut)

    for p in islice(queue, window):
        submit(p)
    for fut in done:
        p = pending.pop(fut)
        try:
            results = fut.result()
        except Exception as e:  # noqa: BLE001 - a failed task must cost articles one by one, never the partition
            results = _one_by_one(client, p, model, e, time_limit)
        fut.release()
        yield p, results
        nxt = next(queue, None)
        if nxt is not None:
            submit(nxt)


def _one_by_one(client: Client, p: Partition, model: str, cause: Exception,
                time_limit: float | None = None) -> list[Result]:
    """A failed partition again, each article a task of its own; an article that fails alone is an error."""
    futures = [client.submit(analyze_items, [item], model, time_limit, pure=False) for item in p.items]
    out: list[Result] = []
    for item, fut in zip(p.items, futures, strict=True):
        try:
            out.extend(fut.result())
        except Exception as e:  # noqa: BLE001 - this article alone failed: it becomes its error row
            if isinstance(item, ErrorRow):
                out.append(item)
                continue
            out.append(ErrorRow(item.id, item.source or item.id,
                                f"analysis failed: {type(e).__name__}: {e} (after {type(cause).__name__})"))
        fut.release()
    return out
