"""Partitions on a real local Dask cluster: results in input order, the model loaded once per worker."""

from __future__ import annotations

from communique.batch.cluster import analysed, dask_client, partitions
from communique.batch.tables import ErrorRow
from communique.errors import InputError
from communique.records import Analysis, Article

from .conftest import story


def _model_loads() -> int:
    from communique import nlp

    return nlp.load.cache_info().misses


def _worker_environment() -> dict[str, str | None]:
    import os

    return {k: os.environ.get(k) for k in ("MALLOC_TRIM_THRESHOLD_", "OPENBLAS_NUM_THREADS")}


def test_workers_load_the_model_once_and_analyse_every_partition_in_order() -> None:
    items: list[Article | InputError] = [Article(id=s["id"], text=s["text"], published=s["published"])
                                         for s in map(story, range(8))]
    items.insert(3, InputError("wire.jsonl:4", "malformed JSON"))
    with dask_client(2) as client:
        done = {p.index: results for p, results in analysed(client, partitions(items, 3))}
        loads = client.run(_model_loads)
        environments = client.run(_worker_environment)
    assert sorted(done) == [0, 1, 2]
    flat = [r for i in sorted(done) for r in done[i]]
    assert [r.article.id if isinstance(r, Analysis) else r.id for r in flat] == \
        ["story-000", "story-001", "story-002", "wire.jsonl:4"] + [f"story-{i:03d}" for i in range(3, 8)]
    assert isinstance(flat[3], ErrorRow) and flat[3].reason == "malformed JSON"
    assert all(len(r.quotes) >= 1 for r in flat if isinstance(r, Analysis))
    # the warm-up plugin loaded the model when each worker started; no partition loaded it again
    assert sorted(loads.values()) == [1, 1]
    # glibc keeps its own trim threshold on our workers (Dask's 64 KiB one slowed the parse by about a
    # fifth); Dask's one-thread BLAS setting stays
    assert all(env == {"MALLOC_TRIM_THRESHOLD_": None, "OPENBLAS_NUM_THREADS": "1"} for env in environments.values())
