"""Throughput: bare spaCy ``nlp.pipe`` against the full ``analyze`` pipeline on the same texts, in one run.

Also times each stage on the already-parsed docs, so the cost each stage adds to analyze time can be
checked against its budget (quotes <= 15%, events <= 20%).

    python bench/throughput.py                      # the bundled demo corpus
    python bench/throughput.py --jsonl ../shared/eval/quotes/ggt-dev.jsonl --repeat 1
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from communique import nlp
from communique.actors import ActorTable, extract_actors
from communique.document import Document
from communique.events import extract_events
from communique.ingest import read_inputs
from communique.pipeline import analyze_many, with_dateline
from communique.quotes import extract_quotes
from communique.records import Article
from communique.times import extract_times

ROOT = Path(__file__).resolve().parent.parent


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jsonl", type=Path, help="JSONL file with a 'text' per line (default: demo corpus)")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the texts (default 3)")
    args = ap.parse_args()
    articles = [with_dateline(a) for a in load_articles(args.jsonl)] * args.repeat
    texts = [a.text for a in articles]
    model = nlp.load()
    list(model.pipe(texts[:2]))  # warm-up: the model, and every stage's data files, load once per process
    list(analyze_many(articles[:2]))

    # same batch size as analyze_many; each side timed twice, interleaved, best kept (less noise)
    bare = full = float("inf")
    docs: list = []
    results: list = []
    for _ in range(2):
        t0 = time.perf_counter()
        docs = list(model.pipe(texts, batch_size=16))
        bare = min(bare, time.perf_counter() - t0)
        t0 = time.perf_counter()
        results = list(analyze_many(articles, batch_size=16))
        full = min(full, time.perf_counter() - t0)
    failed = sum(1 for r in results if not hasattr(r, "article"))

    stage = {"document": 0.0, "times": 0.0, "actors": 0.0, "quotes": 0.0, "events": 0.0}
    for art, doc in zip(articles, docs, strict=True):
        t = time.perf_counter()
        document = Document.build(doc)
        stage["document"] += time.perf_counter() - t
        t = time.perf_counter()
        times = extract_times(doc, art.published)
        stage["times"] += time.perf_counter() - t
        t = time.perf_counter()
        actors = extract_actors(document, published=art.published)
        stage["actors"] += time.perf_counter() - t
        t = time.perf_counter()
        table = ActorTable(actors)
        quotes = extract_quotes(document, table, times, published=art.published)
        stage["quotes"] += time.perf_counter() - t
        t = time.perf_counter()
        extract_events(document, table, quotes, times, published=art.published)
        stage["events"] += time.perf_counter() - t

    n = len(articles)
    chars = sum(len(t) for t in texts)
    report = {
        "articles": n,
        "chars": chars,
        "failed": failed,
        "bare_spacy_articles_per_s": round(n / bare, 2),
        "analyze_articles_per_s": round(n / full, 2),
        "analyze_over_bare_time_ratio": round(full / bare, 3),
        "stage_seconds": {k: round(v, 3) for k, v in stage.items()},
        "stage_share_of_analyze_time": {k: round(v / full, 3) for k, v in stage.items()},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
