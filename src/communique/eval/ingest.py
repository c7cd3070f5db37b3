"""``ingest-articles``: main-text extraction on the article-extraction benchmark.

Protocol (``../shared/eval/README.md``): each page ``html/KEY.html.gz`` goes through
``article_from_html`` (trafilatura + our clean-up, the exact path of an ``.html`` input, with the
language check off since the benchmark is multilingual); its
``article.text`` is scored against ``articleBody`` of ``ground-truth.json`` by bag-of-tokens
precision, recall and F1 (``\\w+`` tokens, counted with multiplicity), averaged over pages.

Also reported, for comparison with published figures: the benchmark's own shingle measure (4-token
shingles; F1 of the page-averaged precision and recall, the way its ``evaluate.py`` computes the
0.958 anchor of trafilatura), the same figures for bare trafilatura on the same pages, and the
share of pages where a publication date was found.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

from communique.errors import EvalDataMissing, InputError
from communique.ingest.articles import article_from_html
from communique.ingest.html import TRAFILATURA_OPTIONS
from communique.ingest.language import not_english_reason
from communique.settings import Settings

_TOKEN = re.compile(r"\w+")
BENCHMARK = Path("ingest") / "article-benchmark"


def _counts(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def overlap_prf(true: str, pred: str, n: int = 1) -> tuple[float, float, float]:
    """Precision, recall, F1 of ``pred`` against ``true`` over n-token shingles (n=1: bag of tokens)."""
    t, p = _counts(true, n), _counts(pred, n)
    tp = sum((t & p).values())
    n_pred, n_true = sum(p.values()), sum(t.values())
    precision = tp / n_pred if n_pred else (1.0 if not n_true else 0.0)
    recall = tp / n_true if n_true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _summary(scores: list[tuple[float, float, float]]) -> dict[str, float]:
    p = statistics.mean(s[0] for s in scores)
    r = statistics.mean(s[1] for s in scores)
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(statistics.mean(s[2] for s in scores), 4),
        "f1_of_means": round(2 * p * r / (p + r) if p + r else 0.0, 4),
    }


def run_articles(data_dir: Path, *, errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Score ingestion of the benchmark pages under ``data_dir/ingest/article-benchmark``."""
    import trafilatura

    root = data_dir / BENCHMARK
    truth_file = root / "ground-truth.json"
    if not truth_file.is_file():
        raise EvalDataMissing(f"{truth_file} not found")
    truth: dict[str, dict[str, Any]] = json.loads(truth_file.read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    ours: list[tuple[float, float, float]] = []
    ours4: list[tuple[float, float, float]] = []
    bare4: list[tuple[float, float, float]] = []
    bare1: list[tuple[float, float, float]] = []
    dated = failed = non_english = 0
    # The benchmark is multilingual: extraction is measured with the language check off, and the
    # pages our English check would reject are counted apart.
    settings = Settings(min_english_ratio=0.0)
    english_check = Settings().min_english_ratio
    pages: list[dict[str, Any]] = []
    for key in keys:
        gold = truth[key].get("articleBody") or ""
        url = truth[key].get("url")
        page = root / "html" / f"{key}.html.gz"
        if not page.is_file():
            raise EvalDataMissing(f"{page} not found")
        html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
        try:
            article = article_from_html(html, id=key, url=url, source=str(page), settings=settings)
            non_english += not_english_reason(article.text, english_check) is not None
            text, reason = article.text, None
            dated += article.published is not None
        except InputError as e:
            text, reason = "", e.reason
            failed += 1
        bare = trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS) or ""
        ours.append(overlap_prf(gold, text, 1))
        ours4.append(overlap_prf(gold, text, 4))
        bare1.append(overlap_prf(gold, bare, 1))
        bare4.append(overlap_prf(gold, bare, 4))
        if errors:
            pages.append({
                "key": key, "url": url, "error": reason,
                "precision": round(ours[-1][0], 3), "recall": round(ours[-1][1], 3), "f1": round(ours[-1][2], 3),
                "bare_trafilatura_f1": round(bare1[-1][2], 3),
            })
    result: dict[str, Any] = {
        "task": "ingest-articles",
        "pages": len(keys),
        "metric": "bag-of-tokens P/R/F1 of article.text vs articleBody, averaged over pages",
        **_summary(ours),
        "shingle4": _summary(ours4),
        "bare_trafilatura": {"tokens": _summary(bare1), "shingle4": _summary(bare4), "options": TRAFILATURA_OPTIONS},
        "published_found_rate": round(dated / len(keys), 4) if keys else 0.0,
        "rejected_pages": failed,
        "non_english_pages": non_english,
        "anchor": {"trafilatura": 0.958, "newspaper4k": 0.949},
    }
    if errors:
        result["worst"] = sorted(pages, key=lambda d: d["f1"])[:15]
    return result
