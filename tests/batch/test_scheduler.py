"""``batch --scheduler`` and ``ingest --scheduler`` on an existing Dask cluster, started here the way the
README shows (``dask scheduler``, ``dask worker``), and shut down at the end."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.dataset as pads
import pytest

from .conftest import cli, write_corpus


def _dask(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "dask", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a scheduler with one worker process of one thread."""
    info = tmp_path_factory.mktemp("dask") / "scheduler.json"
    procs = [_dask("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(info))]
    try:
        deadline = time.monotonic() + 120
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        procs.append(_dask("worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard"))
        yield address
    finally:
        for p in reversed(procs):
            p.send_signal(signal.SIGTERM)
        for p in reversed(procs):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def test_batch_runs_on_an_existing_scheduler(scheduler: str, tmp_path: Path) -> None:
    ids = write_corpus(tmp_path / "in", 6)
    r = cli("batch", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--scheduler", scheduler,
            "--partition-size", "3")
    assert r.returncode == 0, r.stderr
    table = pads.dataset(tmp_path / "out" / "articles", format="parquet", partitioning="hive").to_table()
    assert sorted(table.column("article_id").to_pylist()) == sorted(ids)


def test_ingest_analyses_on_an_existing_scheduler_with_one_writer(scheduler: str, tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 4)
    r = cli("ingest", str(tmp_path / "in"), "--db", str(tmp_path / "news.db"), "--scheduler", scheduler)
    assert r.returncode == 0 and "4 added" in r.stderr, r.stderr
    with sqlite3.connect(tmp_path / "news.db") as db:
        assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] >= 4
