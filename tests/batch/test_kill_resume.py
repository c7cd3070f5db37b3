"""Exactly once after ``kill -9``: a real batch run (2 worker processes) killed with SIGKILL at a random
moment, then run again, holds every input exactly once and no partial or temporary file.

The moment is random (seeded per run and printed on failure): after a random number of finished
partitions (up to half), then a random fraction of a second. Killing the driver must also take its cluster with it
(the workers exit when their parent dies); killing a worker must cost nothing but a retry."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyarrow.dataset as pads

from .conftest import cli, write_corpus

N = 40
SIZE = 4


def _start(inputs: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "communique", "batch", str(inputs), "--out", str(out), "--workers", "2",
         "--partition-size", str(SIZE)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def _finished(out: Path) -> int:
    try:
        return (out / "_manifest.json").read_text().count('"files"')
    except OSError:
        return 0


def _session(sid: int) -> list[int]:
    """The processes still alive in session ``sid`` (the driver and everything it started)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == sid and "zombie" not in _state(entry):
                    alive.append(int(entry.name))
            except OSError:
                continue
    return alive


def _state(entry: Path) -> str:
    try:
        return next(line for line in (entry / "status").read_text().splitlines() if line.startswith("State:")).lower()
    except (OSError, StopIteration):
        return ""


def _wait_gone(sid: int, seconds: float = 60) -> list[int]:
    deadline = time.monotonic() + seconds
    while (alive := _session(sid)) and time.monotonic() < deadline:
        time.sleep(0.5)
    if alive:  # never leave a cluster behind, even when the test fails
        os.killpg(sid, signal.SIGKILL)
    return alive


def _ids(out: Path) -> Counter[str]:
    articles = pads.dataset(out / "articles", format="parquet", partitioning="hive").to_table(columns=["article_id"])
    errors = pads.dataset(out / "errors", format="parquet", partitioning="hive").to_table(columns=["id"])
    return Counter(articles.column("article_id").to_pylist() + errors.column("id").to_pylist())


def _kill_when(proc: subprocess.Popen[str], out: Path, rng: random.Random, parts: int) -> None:
    """SIGKILL ``proc`` after a random number of finished partitions (up to half of them) and a random
    fraction of a second: any moment of a run, reading, analysing or in the middle of a commit."""
    after = rng.randrange(0, parts // 2)
    while _finished(out) < after and proc.poll() is None:
        time.sleep(0.02)
    time.sleep(rng.uniform(0, 0.3))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)


def test_batch_killed_at_a_random_moment_then_rerun_holds_every_input_exactly_once(tmp_path: Path) -> None:
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    ids = write_corpus(tmp_path / "in", N, bad_lines=3)
    out = tmp_path / "out"
    proc = _start(tmp_path / "in", out)
    _kill_when(proc, out, rng, parts=(N + 3 + SIZE - 1) // SIZE)
    left = _wait_gone(proc.pid)
    assert left == [], f"seed {seed}: processes of the killed run still alive: {left}"
    assert proc.returncode == -signal.SIGKILL, f"seed {seed}: the run ended before the kill"
    done_before = _finished(out)
    r = cli("batch", str(tmp_path / "in"), "--out", str(out), "--workers", "2", "--partition-size", str(SIZE))
    assert r.returncode == 0, f"seed {seed}: {r.stderr}"
    assert f"{done_before} already finished" in r.stderr, f"seed {seed}: {r.stderr}"
    counts = _ids(out)
    assert set(counts) == ids, f"seed {seed}: lost {ids - set(counts)}, extra {set(counts) - ids}"
    assert max(counts.values()) == 1, f"seed {seed}: duplicates {[k for k, v in counts.items() if v > 1]}"
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")], f"seed {seed}: temporary files left"


def test_batch_survives_a_worker_killed_mid_run(tmp_path: Path) -> None:
    ids = write_corpus(tmp_path / "in", 24)
    out = tmp_path / "out"
    proc = _start(tmp_path / "in", out)
    try:
        while _finished(out) < 1 and proc.poll() is None:
            time.sleep(0.05)
        workers = [p for p in _session(proc.pid) if p != proc.pid and _is_worker(p)]
        assert workers, "no worker process found"
        os.kill(workers[0], signal.SIGKILL)
        _, stderr = proc.communicate(timeout=600)
    finally:
        _wait_gone(proc.pid)
    assert proc.returncode == 0, stderr
    counts = _ids(out)
    assert set(counts) == ids and max(counts.values()) == 1


def _is_worker(pid: int) -> bool:
    """A Dask worker process (spawned by the driver's nanny), not the multiprocessing resource tracker."""
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return False
    return "spawn_main" in cmd
