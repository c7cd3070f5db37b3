"""Batch throughput: ``communique batch`` on Dask against a bare spaCy ``nlp.pipe`` with the same number of
processes over the same texts, each run as a fresh process so start-up counts on both sides; the
1 -> 2 worker speed-up; peak RSS per worker; and a large batch killed with ``kill -9`` at a random
moment, resumed, and checked for zero duplicates and zero losses.

    python bench/batch.py                              # 200 articles for speed, 2,000 for kill/resume
    python bench/batch.py --articles 400 --big 10000   # more of each
    python bench/batch.py --big 0                      # speed only
    python bench/batch.py --big 0 --jsonl ../shared/eval/quotes/ggt-dev.jsonl --articles 100   # GGT texts

The corpus is varied copies of the bundled demo corpus (each copy gets its own id, date and a
closing line of its own, so no two texts are the same), dated over one year in input order. Numbers on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
BARE = """
import json, sys
from communique import nlp
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
model = nlp.plain()
size = {"default": {}, "same": {"batch_size": 16}}[sys.argv[3]]
n = sum(1 for _ in model.pipe(texts, n_process=int(sys.argv[2]), **size))
assert n == len(texts)
"""
"""The bare side: the model exactly as spaCy loads it (every component, none of Communique's changes), with
``nlp.pipe``'s default batch size ("default") or the batch size Communique uses, 16 ("same")."""


def make_corpus(path: Path, n: int, source: Path | None = None) -> list[str]:
    """``n`` varied copies of the demo corpus (or of the texts of the JSONL file ``source``) as one JSONL
    file; returns their ids."""
    sys.path.insert(0, str(ROOT / "src"))
    from communique.ingest import read_inputs
    from communique.records import Article

    base = [a for a in read_inputs(str(source or ROOT / "demo" / "corpus")) if isinstance(a, Article)]
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for k in range(n):
            a = base[k % len(base)]
            aid = f"{a.id}-copy{k:05d}"
            text = f"{a.title or ''}\n\n{a.text}\n\n(Filed by bureau {k % 37}, desk note {k}.)"
            month, day = 1 + k * 12 // n, 1 + k % 28  # in date order, as crawls and archives mostly come
            fh.write(json.dumps({"id": aid, "text": text, "published": f"2025-{month:02d}-{day:02d}"}) + "\n")
            ids.append(aid)
    return ids


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}


CPU: dict[str, float] = {}  # CPU seconds (user + system) of each timed command and all its processes


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], name: str = "") -> tuple[float, dict[int, int]]:
    """Wall seconds of ``cmd`` as a fresh process, and the peak RSS (bytes) of each of its child processes.
    Its CPU seconds (every process it started, once reaped) go to ``CPU[name]``."""
    cpu0 = _cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            for child in root.children(recursive=True):
                try:
                    peaks[child.pid] = max(peaks.get(child.pid, 0), child.memory_info().rss)
                except psutil.Error:
                    continue
        except psutil.Error:
            pass
        time.sleep(0.5)
    seconds = time.perf_counter() - t0
    CPU[name] = _cpu() - cpu0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read() if proc.stderr else ''}")
    return seconds, {pid: rss for pid, rss in peaks.items() if rss > 100_000_000}  # workers, not helpers


def bare(jsonl: Path, processes: int, size: str = "same") -> float:
    name = f"bare_pipe_{processes}" + ("" if size == "same" else "_default_batch")
    return timed([sys.executable, "-c", BARE, str(jsonl), str(processes), size], name)[0]


def batch(jsonl: Path, out: Path, workers: int, size: int) -> tuple[float, dict[int, int]]:
    return timed([sys.executable, "-m", "communique", "batch", str(jsonl), "--out", str(out), "--workers",
                  str(workers), "--partition-size", str(size)], f"batch_{workers}")


def dataset_ids(out: Path) -> Counter[str]:
    import pyarrow.dataset as pads

    ids: Counter[str] = Counter()
    for table, column in (("articles", "article_id"), ("errors", "id")):
        if (out / table).exists():
            t = pads.dataset(out / table, format="parquet", partitioning="hive").to_table(columns=[column])
            ids.update(t.column(column).to_pylist())
    return ids


def kill_and_resume(jsonl: Path, ids: list[str], out: Path, workers: int, size: int, seed: int) -> dict[str, object]:
    """Run the batch, SIGKILL its driver at a random moment, run it again; count duplicates and losses."""
    rng = random.Random(seed)
    cmd = [sys.executable, "-m", "communique", "batch", str(jsonl), "--out", str(out), "--workers", str(workers),
           "--partition-size", str(size)]
    parts = -(-len(ids) // size)
    after = rng.randrange(1, max(2, parts - 1))
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    manifest = out / "_manifest.json"
    while proc.poll() is None and (not manifest.exists() or manifest.read_text().count('"files"') < after):
        time.sleep(0.2)
    time.sleep(rng.uniform(0, 5))
    proc.send_signal(signal.SIGKILL)  # the driver only: its workers must go by themselves
    proc.wait()
    deadline = time.monotonic() + 60
    while _session_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    orphans = _session_alive(proc.pid)
    if orphans:
        os.killpg(proc.pid, signal.SIGKILL)
    first = time.perf_counter() - t0
    finished = manifest.read_text().count('"files"') if manifest.exists() else 0
    t0 = time.perf_counter()
    subprocess.run(cmd, env=_env(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    second = time.perf_counter() - t0
    got = dataset_ids(out)
    return {
        "articles": len(ids), "seed": seed, "killed_after_s": round(first, 1), "partitions_before_kill": finished,
        "of_partitions": parts, "resume_s": round(second, 1), "duplicates": sum(v - 1 for v in got.values() if v > 1),
        "lost": len(set(ids) - set(got)), "extra": len(set(got) - set(ids)),
        "temporary_files_left": sum(1 for p in out.rglob("*.tmp")), "workers_left_after_kill": len(orphans),
    }


def _session_alive(sid: int) -> list[int]:
    alive = []
    for p in psutil.process_iter(["pid", "status"]):
        try:
            if os.getsid(p.pid) == sid and p.info["status"] != psutil.STATUS_ZOMBIE:
                alive.append(p.pid)
        except (OSError, psutil.Error):
            continue
    return alive


def speed(work: Path, n: int, size: int, rounds: int = 1, source: Path | None = None) -> dict[str, object]:
    """Bare ``nlp.pipe`` (default batch size and ours) and ``batch`` with 1 and 2 processes over the same
    ``n`` texts, in turn, ``rounds`` times; each figure is the best round (the least disturbed by others)."""
    small = work / "small.jsonl"
    make_corpus(small, n, source)
    runs: dict[str, float] = {}
    cpu: dict[str, float] = {}
    result: dict[str, object] = {"articles": n, "rounds": rounds, "texts": str(source or "demo/corpus")}

    def keep(name: str, seconds: float) -> None:
        runs[name] = min(seconds, runs.get(name, seconds))
        cpu[name] = min(CPU[name], cpu.get(name, CPU[name]))

    for r in range(rounds):
        for w in (1, 2):
            keep(f"bare_pipe_{w}", bare(small, w))
            keep(f"bare_pipe_{w}_default_batch", bare(small, w, "default"))
            out = work / f"out{w}-{r}"
            seconds, peaks = batch(small, out, w, size)
            keep(f"batch_{w}", seconds)
            result[f"peak_rss_mb_per_worker_{w}"] = sorted(round(v / 2**20) for v in peaks.values())
            shutil.rmtree(out)
    result["articles_per_s"] = {k: round(n / v, 2) for k, v in runs.items()}
    result["seconds"] = {k: round(v, 1) for k, v in runs.items()}
    result["batch_vs_bare"] = {w: round(runs[f"bare_pipe_{w}"] / runs[f"batch_{w}"], 3) for w in (1, 2)}
    result["batch_vs_bare_default_batch"] = {
        w: round(runs[f"bare_pipe_{w}_default_batch"] / runs[f"batch_{w}"], 3) for w in (1, 2)}
    result["speedup_1_to_2_workers"] = round(runs["batch_1"] / runs["batch_2"], 3)
    result["bare_speedup_1_to_2"] = round(runs["bare_pipe_1"] / runs["bare_pipe_2"], 3)
    # on a shared machine wall time depends on the others' load; CPU time much less so
    result["cpu_seconds"] = {k: round(v, 1) for k, v in cpu.items()}
    result["articles_per_cpu_s"] = {k: round(n / v, 2) for k, v in cpu.items()}
    result["batch_vs_bare_cpu"] = {w: round(cpu[f"bare_pipe_{w}"] / cpu[f"batch_{w}"], 3) for w in (1, 2)}
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200, help="articles for the speed runs (default 200; 0: skip)")
    ap.add_argument("--big", type=int, default=2000, help="articles for the kill/resume run (0: skip)")
    ap.add_argument("--size", type=int, default=20, help="partition size of the speed runs")
    ap.add_argument("--jsonl", type=Path, help="copy the texts of this JSONL file instead of the demo corpus "
                                                "(e.g. ../shared/eval/quotes/ggt-dev.jsonl)")
    ap.add_argument("--rounds", type=int, default=1, help="speed runs of each side, in turn; the best counts")
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    result: dict[str, object] = {"cores": os.cpu_count(), "load_average_at_start": os.getloadavg()}
    with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
        work = Path(tmp)
        if args.articles:
            result["speed"] = speed(work, args.articles, args.size, args.rounds, args.jsonl)
            print(json.dumps(result, indent=1), flush=True)
        if args.big:
            big = work / "big.jsonl"
            ids = make_corpus(big, args.big)
            seed = args.seed if args.seed is not None else random.randrange(1 << 30)
            t0 = time.perf_counter()
            kill = kill_and_resume(big, ids, work / "big-out", 2, 50, seed)
            result["kill_resume"] = {**kill, "total_s": round(time.perf_counter() - t0, 1)}
    result["load_average_at_end"] = os.getloadavg()
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
