"""Web targets on a 10,000-article store built from the demo corpus, against a real ``communique serve``.

The store: the demo corpus is analysed once; each of the N articles is one of those analyses with its
own id, a publication date (and the full dates of its quotes and events) moved by up to +-400 days,
person names varied (``Name 17``: more distinct actors), and a paragraph of its own appended (other
words, so the copies are not one duplicate story). Analyses are reused, never re-parsed. Each article
goes through ``Store.add`` with the corpus hook, as ``communique ingest`` does.

Measured (client side over HTTP on localhost, plus the server's own time from ``Server-Timing``):
  API list endpoints p95 < 100 ms, one article p95 < 50 ms, pages < 300 ms server time, overview
  data < 200 ms; then a load check: C concurrent clients for S seconds, zero errors.

    python bench/web.py                                  # 10,000 articles, 50 clients for 30 s
    python bench/web.py --articles 2000 --seconds 10 --keep /tmp/bench.db
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("envoy", "border", "convoy", "harbour", "ministry", "ceasefire", "talks", "corridor", "delegation", "summit",
         "monitor", "shelling", "aid", "statement", "mediator", "observer", "patrol", "hostage", "treaty", "sanctions",
         "river", "valley", "northern", "southern", "provincial", "council", "bridge", "market", "airport", "railway")
TARGETS = {"list": 100.0, "article": 50.0, "page": 300.0, "overview": 200.0}


def demo_analyses() -> list[Any]:
    from communique.ingest import read_inputs
    from communique.pipeline import analyze_many
    from communique.records import Analysis, Article

    items = [a for a in read_inputs(str(ROOT / "demo" / "corpus")) if isinstance(a, Article)]
    return [r for r in analyze_many(items) if isinstance(r, Analysis)]


def _shift(value: str | None, days: int) -> str | None:
    if value and len(value) == 10:
        try:
            return (date.fromisoformat(value) + timedelta(days=days)).isoformat()
        except ValueError:
            return value
    return value


def variant(base: Any, i: int, rng: random.Random) -> Any:
    """Copy ``i`` of one analysis: new id, dates moved, person names varied, a paragraph of its own."""
    days = rng.randint(-400, 400)
    art = base.article
    extra = " ".join(rng.choice(WORDS) + str(rng.randint(0, 999)) for _ in range(200))
    article = replace(art, id=f"{art.id}-{i:05d}", published=_shift(art.published or "2025-06-01", days),
                      text=art.text + "\n\n" + extra.capitalize() + ".", title=f"{art.title or art.id} ({i})")
    suffix = i % 97
    actors = tuple(replace(a, name=f"{a.name} {suffix}") if a.type == "person" and suffix else a for a in base.actors)
    quotes = tuple(replace(q, date=_shift(q.date, days)) for q in base.quotes)
    events = tuple(replace(e, date=_shift(e.date, days)) for e in base.events)
    return replace(base, article=article, actors=actors, quotes=quotes, events=events)


def build_store(path: Path, n: int, indexed: int | None = None, seed: int = 7) -> dict[str, Any]:
    """``n`` articles; the first ``indexed`` (default: all) through the corpus hook, the rest stored
    without it (the corpus tables then cover only those: quicker to build on a busy machine)."""
    from communique.corpus.index import hook
    from communique.settings import Settings
    from communique.store import open_store

    t0 = time.perf_counter()
    bases = demo_analyses()
    analysed = time.perf_counter() - t0
    rng = random.Random(seed)
    settings = Settings(db=str(path))
    t1 = time.perf_counter()
    with open_store(path) as store:
        on_write = hook(settings)
        for i in range(n):
            store.add(variant(bases[i % len(bases)], i, rng), hook=on_write if indexed is None or i < indexed else None)
            if (i + 1) % 1000 == 0:
                print(f"  {i + 1} articles stored ({time.perf_counter() - t1:.0f} s)", file=sys.stderr, flush=True)
    return {"articles": n, "indexed": n if indexed is None else min(n, indexed), "demo_analyses": len(bases),
            "analyse_s": round(analysed, 1),
            "store_s": round(time.perf_counter() - t1, 1), "size_mb": round(path.stat().st_size / 1e6, 1)}


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("communique serve did not start")


def cases(client: httpx.Client, rng: random.Random) -> dict[str, list[str]]:
    """The URLs measured, by target class, with varied filters and offsets."""
    total = client.get("/api/articles?limit=1").json()["total"]
    ids = [a["id"] for a in client.get(f"/api/articles?limit=500&offset={total // 3}").json()["items"]]
    incidents = [i["id"] for i in client.get("/api/incidents?limit=100").json()["items"]]
    actors = [a["key"] for a in client.get("/api/actors?limit=100").json()["items"]]
    lists = ["/api/articles?limit=50&offset={o}", "/api/articles?since=2025-06&until=2025-09&limit=50",
             "/api/articles?q=ceasefire&limit=20", "/api/articles?outlet=Communique%20Wire&limit=50&offset={o}",
             "/api/quotes?limit=100&offset={o}", "/api/quotes?speaker=Lavrov&limit=50",
             "/api/quotes?q=talks&limit=50", "/api/events?type=ASSAULT&limit=100&offset={o}",
             "/api/events?status=reported&since=2025&limit=50", "/api/search?q=prisoner%20exchange&limit=20",
             "/api/search?q=ceasefire&what=quotes&limit=20", "/api/incidents?limit=50&offset={o}",
             "/api/incidents?type=ASSAULT&limit=50", "/api/actors?limit=50&offset={o}", "/api/actors?q=minister"]
    pages = ["/", "/search?q=hostages", "/incidents", "/network", "/actors", "/articles/{id}", "/incidents/{inc}",
             "/actors/{actor}"]

    def fill(u: str) -> tuple[str, str]:
        return u, u.format(o=rng.randrange(0, 2000), id=rng.choice(ids), inc=rng.choice(incidents),
                           actor=rng.choice(actors))

    return {"list": [fill(rng.choice(lists)) for _ in range(300)],
            "article": [fill("/api/articles/{id}") for _ in range(300)],
            "page": [fill(rng.choice(pages)) for _ in range(160)],
            "overview": [fill("/api/overview") for _ in range(60)]}


def p95(values: list[float]) -> float:
    return round(statistics.quantiles(values, n=20)[-1], 1) if len(values) >= 2 else round(values[0], 1)


def latency(url: str, rng: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with httpx.Client(base_url=url, timeout=30) as client:
        for u in ("/", "/api/overview", "/network"):  # warm the caches once
            client.get(u)
        for kind, urls in cases(client, rng).items():
            wall, server, slow, cold, seen = [], [], [], [], set()
            for template, u in urls:
                t0 = time.perf_counter()
                r = client.get(u)
                took = (time.perf_counter() - t0) * 1000
                assert r.status_code == 200, (u, r.status_code, r.text[:200])
                wall.append(took)
                server.append(float(r.headers["server-timing"].split("dur=")[1]))
                slow.append((took, u))
                if template not in seen:  # the first of its kind: nothing of it remembered yet
                    seen.add(template)
                    cold.append(took)
            out[kind] = {"requests": len(urls), "p50_ms": round(statistics.median(wall), 1), "p95_ms": p95(wall),
                         "server_p95_ms": p95(server), "max_ms": round(max(wall), 1), "target_ms": TARGETS[kind],
                         "cold_requests": len(cold), "cold_median_ms": round(statistics.median(cold), 1),
                         "cold_max_ms": round(max(cold), 1),
                         "slowest": [u for _, u in sorted(slow, reverse=True)[:3]]}
    return out


async def load(url: str, clients: int, seconds: float, rng: random.Random) -> dict[str, Any]:
    with httpx.Client(base_url=url, timeout=30) as c:
        urls = [u for group in cases(c, rng).values() for _, u in group]
    counts = {"requests": 0, "errors": 0}
    errors: list[str] = []
    deadline = time.monotonic() + seconds

    async def one(k: int, client: httpx.AsyncClient) -> None:
        mine = random.Random(k)
        while time.monotonic() < deadline:
            u = mine.choice(urls)
            try:
                r = await client.get(u)
                ok = r.status_code == 200
            except httpx.HTTPError as e:
                ok, r = False, None
                errors.append(f"{u}: {type(e).__name__}")
            counts["requests"] += 1
            if not ok:
                counts["errors"] += 1
                if r is not None:
                    errors.append(f"{u}: {r.status_code}")

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(one(k, client) for k in range(clients)))
        took = time.perf_counter() - t0
    return {"clients": clients, "seconds": round(took, 1), **counts,
            "requests_per_s": round(counts["requests"] / took, 1), "first_errors": errors[:5]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--indexed", type=int, help="only the first N articles through the corpus hook (default all)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--keep", type=Path, help="build the store here (reused when it exists) instead of a temp dir")
    args = ap.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "bench.db"
        built = build_store(db, args.articles, args.indexed) if not db.exists() else {"articles": "reused", "path": str(db)}
        print(f"store: {built}", file=sys.stderr, flush=True)
        proc, url = start_server(db)
        try:
            result = {"store": built, "latency": latency(url, rng),
                      "load": asyncio.run(load(url, args.clients, args.seconds, rng))}
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    # pages are judged on the server's time (rendering), the API on the time the client waited
    met = {k: v["server_p95_ms" if k == "page" else "p95_ms"] <= v["target_ms"] for k, v in result["latency"].items()}
    met["load_zero_errors"] = result["load"]["errors"] == 0
    result["targets_met"] = met
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
