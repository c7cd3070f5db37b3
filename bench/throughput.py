"""Throughput: the full ``analyze`` pipeline against a bare spaCy ``nlp.pipe`` of the same model over the
same texts, side by side in one process.

The bare side is ``spacy.load`` of the model as installed (every component, no Communique additions),
run with ``nlp.pipe`` at its default batch size and at the batch size ``analyze_many`` uses. The two
sides are timed in turn, ``--rounds`` times; each round gives a ratio (analyze articles/s over bare
articles/s, above 1.0: analysis is faster than the bare parse), and the report gives the median ratio
and the best time of each side, since the machine may be shared; the same ratio in CPU seconds of this
process (``time.process_time``) is less disturbed by other processes on a shared machine. Also times each stage on the parsed
docs, so the cost each stage adds can be checked against its budget (quotes <= 15%, events <= 20%).

    python bench/throughput.py                      # the bundled demo corpus
    python bench/throughput.py --jsonl ../shared/eval/quotes/ggt-dev.jsonl --repeat 1
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from communique import nlp, pipeline
from communique.actors import ActorTable, extract_actors
from communique.document import Document
from communique.events import extract_events
from communique.ingest import read_inputs
from communique.pipeline import analyze_many, with_dateline
from communique.quotes import extract_quotes
from communique.records import Article
from communique.times import extract_times

ROOT = Path(__file__).resolve().parent.parent
BATCH_SIZE = getattr(pipeline, "BATCH_SIZE", 16)  # also runs against older sources, to compare


def load_articles(jsonl: Path | None) -> list[Article]:
    if jsonl is None:
        items = list(read_inputs(str(ROOT / "demo" / "corpus")))
        return [a for a in items if isinstance(a, Article)]
    out = []
    with jsonl.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            obj = json.loads(line)
            out.append(Article(id=str(obj.get("id", i)), text=obj["text"], published=(obj.get("published") or None)))
    return out


def stage_seconds(articles: list[Article], docs: list[Any]) -> dict[str, float]:
    """Seconds each stage takes over the parsed ``docs``."""
    stage = dict.fromkeys(("document", "times", "actors", "quotes", "events"), 0.0)
    for art, doc in zip(articles, docs, strict=True):
        t0 = time.perf_counter()
        document = Document.build(doc)
        t1 = time.perf_counter()
        times = extract_times(doc, art.published)
        t2 = time.perf_counter()
        table = ActorTable(extract_actors(document, published=art.published))
        t3 = time.perf_counter()
        quotes = extract_quotes(document, table, times, published=art.published)
        t4 = time.perf_counter()
        extract_events(document, table, quotes, times, published=art.published)
        t5 = time.perf_counter()
        for name, dt in zip(stage, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            stage[name] += dt
    return stage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jsonl", type=Path, help="JSONL file with a 'text' per line (default: demo corpus)")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the texts (default 3)")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds of each side, in turn (default 3)")
    ap.add_argument("--batch-size", type=int, default=BATCH_SIZE, help=f"analyze_many's batch size (default {BATCH_SIZE})")
    args = ap.parse_args()
    articles = [with_dateline(a) for a in load_articles(args.jsonl)] * args.repeat
    texts = [a.text for a in articles]
    bare = nlp.plain()  # the model exactly as spaCy loads it: every component, nothing of Communique's
    list(bare.pipe(texts[:2]))  # warm-up: the models, and every stage's data files, load once per process
    list(analyze_many(articles[:2]))

    sides: dict[str, Callable[[], list[Any]]] = {
        "bare_default_batch": lambda: list(bare.pipe(texts)),
        "bare_same_batch": lambda: list(bare.pipe(texts, batch_size=args.batch_size)),
        "analyze": lambda: list(analyze_many(articles, batch_size=args.batch_size)),
    }
    seconds: dict[str, list[float]] = {k: [] for k in sides}
    cpu: dict[str, list[float]] = {k: [] for k in sides}
    results: list[Any] = []
    for _ in range(args.rounds):
        for name, run in sides.items():
            t0, c0 = time.perf_counter(), time.process_time()
            out = run()
            seconds[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
            if name == "analyze":
                results = out
    failed = sum(1 for r in results if not hasattr(r, "article"))
    stage = stage_seconds(articles, list(nlp.load().pipe(texts, batch_size=args.batch_size)))

    n = len(articles)
    best = {k: min(v) for k, v in seconds.items()}
    ratios = {k: [b / a for a, b in zip(seconds["analyze"], seconds[k], strict=True)] for k in sides if k != "analyze"}
    cpu_ratios = {k: [b / a for a, b in zip(cpu["analyze"], cpu[k], strict=True)] for k in sides if k != "analyze"}
    report = {
        "articles": n,
        "chars": sum(len(t) for t in texts),
        "failed": failed,
        "rounds": args.rounds,
        "batch_size": args.batch_size,
        "articles_per_s_best": {k: round(n / v, 2) for k, v in best.items()},
        "analyze_speed_over_bare_median": {k: round(statistics.median(v), 3) for k, v in ratios.items()},
        "analyze_speed_over_bare_per_round": {k: [round(x, 3) for x in v] for k, v in ratios.items()},
        "cpu_seconds_best": {k: round(min(v), 2) for k, v in cpu.items()},
        "analyze_speed_over_bare_cpu_median": {k: round(statistics.median(v), 3) for k, v in cpu_ratios.items()},
        "stage_seconds": {k: round(v, 3) for k, v in stage.items()},
        "stage_share_of_analyze_time": {k: round(v / best["analyze"], 3) for k, v in stage.items()},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
