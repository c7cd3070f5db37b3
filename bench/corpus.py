"""Corpus layer at scale: adding one article to a store of N articles, and listing incidents.

The store is built from varied copies of the demo corpus analyses, without parsing each copy again:
the 19 demo articles are analysed once, then each copy gets a new id, its dates shifted by a number of
days (publication, and every day- and month-precision quote and event date), a share of its people renamed from a
pool (so actors repeat across copies without all being one), and its text varied in place (four words in
ten replaced by letters of the same length, so offsets stay valid and copies are not one duplicate story;
every 50th copy is kept close to its original, so stories exist too). Each copy is stored through the
ingest hook, as ``communique ingest`` stores it.

    python bench/corpus.py                       # 10,000 articles in /tmp/communique-bench-corpus.db
    python bench/corpus.py --articles 2000 --db /tmp/small.db

Prints JSON: the build time, the time to add one more article (store write plus corpus indexing; its
analysis excluded), and the time ``list_incidents`` (and the whole ``communique incidents`` command)
takes on the store. Targets (issue 11): add < 0.5 s, incidents < 1 s.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from communique.corpus import views
from communique.corpus.index import hook
from communique.ingest import read_inputs
from communique.pipeline import analyze_many
from communique.records import Analysis, Article
from communique.settings import Settings
from communique.store import open_store

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[A-Za-z]{3,}")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


def shift(value: str | None, days: int) -> str | None:
    """A day date moved by ``days``; a month date moved to the month of its first day moved so."""
    if value and _DAY.match(value):
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
    if value and _MONTH.match(value):
        return (date.fromisoformat(value + "-01") + timedelta(days=days)).isoformat()[:7]
    return value


def vary_text(text: str, rng: random.Random, share: float) -> str:
    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        if rng.random() >= share:
            return w
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in w)

    return _WORD.sub(swap, text)


def variant(base: Analysis, n: int, rng: random.Random) -> Analysis:
    days = rng.randrange(0, 730)
    art = base.article
    share = 0.02 if n % 50 == 0 else 0.4
    article = replace(art, id=f"{art.id}-{n}", published=shift(art.published, days),
                      text=vary_text(art.text, rng, share), url=f"https://bench.example/{n}",
                      outlet=f"Outlet {n % 37}")
    actors = tuple(replace(a, name=f"{a.name} {rng.randrange(300)}") if a.type == "person" and rng.random() < 0.5 else a
                   for a in base.actors)
    quotes = tuple(replace(q, date=shift(q.date, days)) for q in base.quotes)
    events = tuple(replace(e, date=shift(e.date, days)) for e in base.events)
    return replace(base, article=article, actors=actors, quotes=quotes, events=events)


def demo_analyses() -> list[Analysis]:
    items = [a for a in read_inputs(str(ROOT / "demo" / "corpus")) if isinstance(a, Article)]
    return [r for r in analyze_many(items) if isinstance(r, Analysis)]


def build(db: Path, articles: int, seed: int) -> float:
    bases = demo_analyses()
    rng = random.Random(seed)
    started = time.perf_counter()
    with open_store(db) as store:
        have = store.count("articles")
        on_write = hook(Settings())
        for n in range(have, articles):
            store.add(variant(bases[n % len(bases)], n, rng), hook=on_write)
    return time.perf_counter() - started


def _timed(argv: list[str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall and CPU (user + system) seconds of a command run to completion."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/communique-bench-corpus.db"))
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    built = build(args.db, args.articles, args.seed)
    bases = demo_analyses()
    rng = random.Random(args.seed + 1)
    adds: list[float] = []
    cpu: list[float] = []
    with open_store(args.db) as store:
        on_write = hook(Settings())
        for i in range(args.repeat):
            extra = variant(bases[i % len(bases)], 10**7 + i + int(time.time()), rng)
            t0, c0 = time.perf_counter(), time.process_time()
            store.add(extra, hook=on_write)
            adds.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        total = store.count("articles")
        t0 = time.perf_counter()
        rows, incidents = views.list_incidents(store.conn)
        query = time.perf_counter() - t0
        t0 = time.perf_counter()
        views.overview(store.conn)
        overview = time.perf_counter() - t0
        t0 = time.perf_counter()
        views.list_incidents(store.conn, actor="country:RUS", since="2026-01", until="2026-06")
        filtered = time.perf_counter() - t0
    command, command_cpu, cli = _timed([sys.executable, "-m", "communique", "incidents", "--db", str(args.db),
                                        "--format", "jsonl"])
    startup, startup_cpu, _ = _timed([sys.executable, "-m", "communique", "version"])
    print(json.dumps({
        "articles": total, "incidents": incidents, "build_s": round(built, 1),
        "add_one_s": {"median": round(sorted(adds)[len(adds) // 2], 4), "max": round(max(adds), 4),
                      "cpu_median": round(sorted(cpu)[len(cpu) // 2], 4)},
        "list_incidents_s": round(query, 4), "list_incidents_filtered_s": round(filtered, 4),
        "overview_s": round(overview, 4),
        "incidents_command_s": {"wall": round(command, 3), "cpu": round(command_cpu, 3)},
        "communique_version_command_s": {"wall": round(startup, 3), "cpu": round(startup_cpu, 3)},
        "rows": len(rows), "command_rows": len(cli.stdout.splitlines()),
    }, indent=2))


if __name__ == "__main__":
    main()
