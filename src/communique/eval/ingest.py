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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.errors import EvalDataMissing, InputError
from communique.eval.protocol import bootstrap_report, select
from communique.ingest.articles import article_from_html
from communique.ingest.html import TRAFILATURA_OPTIONS
from communique.ingest.language import not_english_reason
from communique.progress import counted, expect
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


INGEST_METRICS = {
    "f1": lambda c: c["f1"] / c["pages"] if c["pages"] else 0.0,
    "bare_trafilatura.tokens.f1": lambda c: c["bare_f1"] / c["pages"] if c["pages"] else 0.0,
}
Scores = list[tuple[float, float, float]]


@dataclass
class _IngestTally:
    """Per-page scores of our extraction and of bare trafilatura, and the page counts."""

    ours: Scores = field(default_factory=list)
    ours4: Scores = field(default_factory=list)
    bare1: Scores = field(default_factory=list)
    bare4: Scores = field(default_factory=list)
    dated: int = 0
    failed: int = 0
    non_english: int = 0
    pages: list[dict[str, Any]] = field(default_factory=list)


def _load_truth(root: Path, split: str, limit: int | None) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The ground truth and the keys of one half (a page's key is its document id)."""
    truth_file = root / "ground-truth.json"
    if not truth_file.is_file():
        raise EvalDataMissing(f"{truth_file} not found")
    truth: dict[str, dict[str, Any]] = json.loads(truth_file.read_text(encoding="utf-8"))
    keys = select(sorted(truth), lambda k: k, split)
    return truth, keys[:limit] if limit else keys


def _score_page(tally: _IngestTally, root: Path, key: str, entry: dict[str, Any], errors: bool) -> None:
    """Extract one page our way and with bare trafilatura; score both against its article body."""
    import trafilatura

    gold, url = entry.get("articleBody") or "", entry.get("url")
    page = root / "html" / f"{key}.html.gz"
    if not page.is_file():
        raise EvalDataMissing(f"{page} not found")
    html = gzip.decompress(page.read_bytes()).decode("utf-8", errors="replace")
    # The benchmark is multilingual: extraction is measured with the language check off, and the
    # pages our English check would reject are counted apart.
    try:
        article = article_from_html(html, id=key, url=url, source=str(page), settings=Settings(min_english_ratio=0.0))
        tally.non_english += not_english_reason(article.text, Settings().min_english_ratio) is not None
        text, reason = article.text, None
        tally.dated += article.published is not None
    except InputError as e:
        text, reason = "", e.reason
        tally.failed += 1
    bare = trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS) or ""
    for scores, extracted, n in ((tally.ours, text, 1), (tally.ours4, text, 4), (tally.bare1, bare, 1), (tally.bare4, bare, 4)):
        scores.append(overlap_prf(gold, extracted, n))
    if errors:
        p, r, f = tally.ours[-1]
        tally.pages.append({"key": key, "url": url, "error": reason, "precision": round(p, 3), "recall": round(r, 3),
                            "f1": round(f, 3), "bare_trafilatura_f1": round(tally.bare1[-1][2], 3)})


def run_articles(data_dir: Path, *, split: str = "all", errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Score ingestion of the benchmark pages under ``data_dir/ingest/article-benchmark``."""
    root = data_dir / BENCHMARK
    truth, keys = _load_truth(root, split, limit)
    tally = _IngestTally()
    expect(len(keys))
    for key in counted(keys):
        _score_page(tally, root, key, truth[key], errors)
    per_doc = [{"pages": 1, "f1": o[2], "bare_f1": b[2]} for o, b in zip(tally.ours, tally.bare1, strict=True)]
    result: dict[str, Any] = {
        "task": "ingest-articles",
        "pages": len(keys),
        "metric": "bag-of-tokens P/R/F1 of article.text vs articleBody, averaged over pages",
        **_summary(tally.ours),
        "shingle4": _summary(tally.ours4),
        "bare_trafilatura": {"tokens": _summary(tally.bare1), "shingle4": _summary(tally.bare4), "options": TRAFILATURA_OPTIONS},
        "published_found_rate": round(tally.dated / len(keys), 4) if keys else 0.0,
        "rejected_pages": tally.failed,
        "non_english_pages": tally.non_english,
        "anchor": {"trafilatura": 0.958, "newspaper4k": 0.949},
        **bootstrap_report(per_doc, INGEST_METRICS),
    }
    if errors:
        result["worst"] = sorted(tally.pages, key=lambda d: d["f1"])[:15]
    return result
