"""Quote evaluation: the Gender Gap Tracker set and PolNeAR, scored as ``../shared/eval/README.md`` says.

Both tasks analyse each article through the full pipeline and read the public output contract
(``Analysis.to_dict()``), never internal records, so the figures measure what users get.

- ``quotes-ggt``: a gold quote is found when one predicted quote covers more than 30% of its characters;
  each predicted quote matches at most one gold quote (pairs taken greedily, largest coverage first).
  Speaker accuracy counts found quotes whose predicted speaker *actor name* and the gold ``reference``
  are token-set subsets of one another (lower-cased word tokens, the articles a/an/the left out);
  speaker recall divides the same count by all gold quotes.
- ``quotes-polnear``: exact-span and soft (each span covers at least half of the other) precision, recall
  and F1 for content (quote ``start``/``end``), source (``speaker_mention``) and cue (``cue``), micro-averaged
  over attributions, one-to-one matching per article. Empty gold spans (a handful of attributions whose
  content is zero-length) cannot be predicted and are left out.

Breakdowns: by quote kind (predicted kind for precision, a kind read off the gold text for recall) and by
speaker-mention type (name / pronoun / role noun / none, from the gold mention; for PolNeAR the source span).
``errors=True`` adds an ``errors`` list: misses, false alarms and wrong speakers, with context.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique import data
from communique.errors import EvalDataMissing
from communique.eval.protocol import bootstrap_report, f1, ratio, select
from communique.records import Article

GGT_FILE = Path("quotes") / "ggt-dev.jsonl"
POLNEAR_FILE = Path("quotes") / "polnear-dev.jsonl"

_WORD = re.compile(r"[\w'\u2019-]+")
_PRONOUNS = data.words(
    "pronouns.male", "pronouns.female", "pronouns.plural", "pronouns.neuter", "pronouns.first_second",
    "pronouns.relative", "pronouns.demonstrative",
) | {"my", "our", "whom"}
_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"

Row = dict[str, Any]


def _tokens(text: str | None) -> set[str]:
    # articles carry no identity: "The union" and "union" name the same speaker
    return {w.lower().strip("'\u2019-") for w in _WORD.findall(text or "")} - {"", "the", "a", "an"}


def names_match(predicted: str | None, reference: str | None) -> bool:
    """GGT speaker match: lower-cased token sets, one a subset of the other (neither empty)."""
    p, r = _tokens(predicted), _tokens(reference)
    return bool(p) and bool(r) and (p <= r or r <= p)


def mention_type(mention: str | None) -> str:
    """name / pronoun / role noun / none, for a speaker mention as written.

    A mention whose head (its last word before any "of/for/at/from" phrase) is capitalised is a name
    ("Trump", "President Trump", "the RCMP"); other nouns are role nouns ("the spokesman", "Israeli officials").
    """
    if not mention or not mention.strip():
        return "none"
    words = mention.split()
    if len(words) == 1 and words[0].lower().strip(".,") in _PRONOUNS:
        return "pronoun"
    cuts = data.words("eval.mention_modifier_starts")
    for i, w in enumerate(words):
        if i and w.lower() in cuts:
            words = words[:i]
            break
    head = words[-1].strip(".,'\u2019()") if words else ""
    return "name" if head[:1].isupper() else "role noun"


def gold_kind(quote: str) -> str:
    """direct / mixed / indirect, read off the gold quote text."""
    t = quote.strip().rstrip(".,;:")
    has = any(c in t for c in "\"\u201c\u201d\u00ab\u00bb")
    if not has:
        return "indirect"
    inner = t.strip(_MARKS + " ,.")
    if t[:1] in "\"\u201c\u00ab" and not any(c in inner for c in "\"\u201c\u201d"):
        return "direct"
    return "mixed"


def _prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    p, r = ratio(tp, n_pred), ratio(tp, n_gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4)}


def _read_jsonl(path: Path, split: str, limit: int | None) -> list[Row]:
    """The articles of one half of a JSONL gold file (its ``id`` field names the document)."""
    if not path.is_file():
        raise EvalDataMissing(f"evaluation file {path} not found")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rows = select(rows, lambda r: str(r["id"]), split)
    return rows[:limit] if limit is not None else rows


def _analyses(articles: list[Article], failures: list[str]) -> Iterator[dict[str, Any]]:
    """The contract output of each article; one that fails counts as predicting nothing."""
    from communique.pipeline import analyze_many
    from communique.progress import counted, expect

    expect(len(articles))
    for article, analysis in zip(articles, counted(analyze_many(articles)), strict=True):
        if isinstance(analysis, Exception):
            failures.append(f"{article.id}: {analysis}")
            yield {"quotes": [], "actors": []}
        else:
            yield analysis.to_dict()


@dataclass
class _Run:
    """Each gold row with the contract output of its article, the failed articles and the time taken."""

    pairs: list[tuple[Row, dict[str, Any]]]
    failures: list[str]
    seconds: float


def _run_articles(rows: list[Row], to_article: Callable[[Row], Article]) -> _Run:
    failures: list[str] = []
    started = time.perf_counter()
    pairs = list(zip(rows, _analyses([to_article(r) for r in rows], failures), strict=True))
    return _Run(pairs, failures, round(time.perf_counter() - started, 2))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _context(text: str, start: int, end: int, pad: int = 60) -> str:
    s = text[max(0, start - pad) : start] + "[[" + text[start:end] + "]]" + text[end : end + pad]
    return " ".join(s.split())


# --------------------------------------------------------------------------------------------- GGT


def _match_ggt(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[int, int]:
    """gold index -> predicted index, greedy by coverage of the gold quote (> 30% required)."""
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        g0, g1 = g["quote_span"]
        glen = max(1, g1 - g0)
        for pi, p in enumerate(pred):
            cover = _overlap(g0, g1, p["start"], p["end"]) / glen
            if cover > 0.3:
                pairs.append((cover, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[gi] = pi
    return out


GGT_METRICS = {
    "quote.f1": lambda c: f1(ratio(c["found"], c["predicted"]), ratio(c["found"], c["gold"])),
    "speaker_accuracy": lambda c: ratio(c["speaker"], c["found"]),
}


@dataclass
class _GgtTally:
    """Counts of the GGT task: per article (for the bootstrap) and by breakdown, plus the error listing."""

    errors: list[dict[str, Any]] | None
    per_doc: list[dict[str, float]] = field(default_factory=list)
    by_kind_pred: Counter[str] = field(default_factory=Counter)
    by_kind_tp: Counter[str] = field(default_factory=Counter)
    gold_by: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def _ggt_gold(tally: _GgtTally, row: Row, out: dict[str, Any], match: dict[int, int]) -> int:
    """Score each gold quote of one article (found, right speaker); returns the right speakers."""
    names = {a["id"]: a["name"] for a in out["actors"]}
    right = 0
    for gi, g in enumerate(row["quotes"]):
        gk = gold_kind(g["quote"])
        keys = (f"kind:{gk}", f"mention:{mention_type(g.get('speaker'))}")
        for key in keys:
            tally.gold_by[key]["gold"] += 1
        pi = match.get(gi)
        if pi is None:
            if tally.errors is not None:
                tally.errors.append({"error": "missed", "article": row["id"], "kind": gk, "speaker": g.get("speaker"),
                                     "reference": g.get("reference"), "context": _context(row["text"], *g["quote_span"])})
            continue
        p = out["quotes"][pi]
        got = names.get(p["speaker"]) if p["speaker"] else None
        ok = names_match(got, g.get("reference"))
        right += ok
        for key in keys:
            tally.gold_by[key]["found"] += 1
            tally.gold_by[key]["speaker"] += ok
        if tally.errors is not None and not ok:
            sm = p.get("speaker_mention") or {}
            tally.errors.append({"error": "speaker", "article": row["id"], "kind": gk, "gold_mention": g.get("speaker"),
                                 "reference": g.get("reference"), "predicted": got, "predicted_mention": sm.get("text"),
                                 "provenance": p.get("provenance"), "context": _context(row["text"], p["start"], p["end"])})
    return right


def _ggt_false_alarms(tally: _GgtTally, row: Row, out: dict[str, Any], matched: set[int]) -> None:
    if tally.errors is None:
        return
    names = {a["id"]: a["name"] for a in out["actors"]}
    for pi, p in enumerate(out["quotes"]):
        if pi not in matched:
            tally.errors.append({"error": "false_alarm", "article": row["id"], "kind": p["kind"],
                                 "predicted": names.get(p["speaker"]) if p["speaker"] else None,
                                 "provenance": p.get("provenance"), "context": _context(row["text"], p["start"], p["end"])})


def _ggt_article(tally: _GgtTally, row: Row, out: dict[str, Any]) -> None:
    """Match one article's predicted quotes to its gold quotes and add up every count."""
    pred = out["quotes"]
    match = _match_ggt(row["quotes"], pred)
    matched = set(match.values())
    for p in pred:
        tally.by_kind_pred[p["kind"]] += 1
    for pi in matched:
        tally.by_kind_tp[pred[pi]["kind"]] += 1
    right = _ggt_gold(tally, row, out, match)
    _ggt_false_alarms(tally, row, out, matched)
    tally.per_doc.append({"gold": len(row["quotes"]), "predicted": len(pred), "found": len(match), "speaker": right})


def _ggt_result(tally: _GgtTally, run: _Run) -> dict[str, Any]:
    c = {k: sum(d[k] for d in tally.per_doc) for k in ("gold", "predicted", "found", "speaker")}
    return {
        "task": "quotes-ggt",
        "articles": len(run.pairs),
        "gold_quotes": c["gold"],
        "predicted_quotes": c["predicted"],
        "found": c["found"],
        "quote": _prf(c["found"], c["predicted"], c["gold"]),
        "speaker_accuracy": round(ratio(c["speaker"], c["found"]), 4),
        "speaker_recall": round(ratio(c["speaker"], c["gold"]), 4),
        "by_predicted_kind": {
            k: {"predicted": n, "precision": round(tally.by_kind_tp[k] / n, 4)}
            for k, n in sorted(tally.by_kind_pred.items())
        },
        "by_gold": {
            k: {"gold": g["gold"], "recall": round(ratio(g["found"], g["gold"]), 4),
                "speaker_accuracy": round(ratio(g["speaker"], g["found"]), 4)}
            for k, g in sorted(tally.gold_by.items())
        },
        **bootstrap_report(tally.per_doc, GGT_METRICS),
        "seconds": run.seconds,
        "failed_articles": run.failures,
    }


def run_ggt(data_dir: Path, *, split: str = "all", errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Gender Gap Tracker dev set: quote P/R/F1, speaker accuracy and recall, with breakdowns."""
    rows = _read_jsonl(Path(data_dir) / GGT_FILE, split, limit)
    run = _run_articles(rows, lambda r: Article(id=r["id"], text=r["text"], outlet=r.get("outlet"), url=r.get("url")))
    tally = _GgtTally(errors=[] if errors else None)
    for row, out in run.pairs:
        _ggt_article(tally, row, out)
    result = _ggt_result(tally, run)
    if tally.errors is not None:
        result["errors"] = tally.errors
    return result


# --------------------------------------------------------------------------------------------- PolNeAR

_FIELDS = (("content", None), ("source", "speaker_mention"), ("cue", "cue"))


def _spans_pred(q: dict[str, Any], field: str) -> tuple[int, int] | None:
    if field == "content":
        return (q["start"], q["end"])
    key = "speaker_mention" if field == "source" else "cue"
    sp = q.get(key)
    return (sp["start"], sp["end"]) if sp else None


def _match_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]], soft: bool) -> int:
    """One-to-one matches: exact bounds, or soft (each covers at least half of the other)."""
    if not soft:
        left = Counter(pred)
        tp = 0
        for g in gold:
            if left[g] > 0:
                left[g] -= 1
                tp += 1
        return tp
    pairs: list[tuple[float, int, int]] = []
    for gi, (g0, g1) in enumerate(gold):
        for pi, (p0, p1) in enumerate(pred):
            ov = _overlap(g0, g1, p0, p1)
            if ov and ov >= 0.5 * (g1 - g0) and ov >= 0.5 * (p1 - p0):
                pairs.append((ov / max(g1 - g0, p1 - p0), gi, pi))
    pairs.sort(key=lambda x: -x[0])
    ug: set[int] = set()
    up: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in ug and pi not in up:
            ug.add(gi)
            up.add(pi)
    return len(ug)


POLNEAR_METRICS = {
    "content.soft.f1": lambda c: f1(ratio(c["content.soft"], c["content.pred"]), ratio(c["content.soft"], c["content.gold"])),
    "source.exact.f1": lambda c: f1(ratio(c["source.exact"], c["source.pred"]), ratio(c["source.exact"], c["source.gold"])),
}


@dataclass
class _PolnearTally:
    """Counts of the PolNeAR task: per article (for the bootstrap) and by breakdown, plus the error listing."""

    errors: list[dict[str, Any]] | None
    per_doc: list[dict[str, float]] = field(default_factory=list)
    by_kind: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_mention: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def _gold_spans(attrs: list[Row], name: str) -> list[tuple[int, int]]:
    """The non-empty gold spans of one field (empty ones cannot be predicted and are left out)."""
    return [(a[name]["start"], a[name]["end"]) for a in attrs if a.get(name) and a[name]["end"] > a[name]["start"]]


def _polnear_counts(attrs: list[Row], pred: list[dict[str, Any]]) -> dict[str, float]:
    """Gold, predicted, exact and soft matches of each field in one article."""
    counts: dict[str, float] = {}
    for name, _ in _FIELDS:
        gold = _gold_spans(attrs, name)
        ps = [s for s in (_spans_pred(q, name) for q in pred) if s is not None]
        counts |= {f"{name}.gold": len(gold), f"{name}.pred": len(ps),
                   f"{name}.exact": _match_spans(gold, ps, soft=False), f"{name}.soft": _match_spans(gold, ps, soft=True)}
    return counts


def _polnear_recall(tally: _PolnearTally, row: Row, pred: list[dict[str, Any]]) -> None:
    """Content recall by gold kind and by source mention type; misses go to the listing."""
    pc = [(q["start"], q["end"]) for q in pred]
    for a in row["attributions"]:
        c = a.get("content")
        if not c or c["end"] <= c["start"]:
            continue
        src = a.get("source")
        found = _match_spans([(c["start"], c["end"])], pc, soft=True) > 0
        for bucket, key in ((tally.by_kind, gold_kind(c["text"])), (tally.by_mention, mention_type(src["text"] if src else None))):
            bucket[key]["gold"] += 1
            bucket[key]["found"] += found
        if tally.errors is not None and not found:
            tally.errors.append({"error": "missed", "article": row["id"], "source": src["text"] if src else None,
                                 "cue": a["cue"]["text"] if a.get("cue") else None,
                                 "context": _context(row["text"], c["start"], c["end"])})


def _polnear_precision(tally: _PolnearTally, row: Row, pred: list[dict[str, Any]]) -> None:
    """Content precision by predicted kind; false alarms go to the listing."""
    gold_c = _gold_spans(row["attributions"], "content")
    for q in pred:
        hit = _match_spans(gold_c, [(q["start"], q["end"])], soft=True) > 0
        tally.by_kind[f"predicted:{q['kind']}"]["pred"] += 1
        tally.by_kind[f"predicted:{q['kind']}"]["hit"] += hit
        if tally.errors is not None and not hit:
            sm = q.get("speaker_mention") or {}
            tally.errors.append({"error": "false_alarm", "article": row["id"], "kind": q["kind"], "source": sm.get("text"),
                                 "provenance": q.get("provenance"), "context": _context(row["text"], q["start"], q["end"])})


def _polnear_result(tally: _PolnearTally, run: _Run) -> dict[str, Any]:
    result: dict[str, Any] = {"task": "quotes-polnear", "articles": len(run.pairs)}
    for name, _ in _FIELDS:
        c = {k: sum(d[f"{name}.{k}"] for d in tally.per_doc) for k in ("gold", "pred", "exact", "soft")}
        result[name] = {"gold": c["gold"], "predicted": c["pred"],
                        "exact": _prf(c["exact"], c["pred"], c["gold"]), "soft": _prf(c["soft"], c["pred"], c["gold"])}
    result["content_by_kind"] = {
        k: ({"gold": c["gold"], "soft_recall": round(c["found"] / c["gold"], 4)} if c["gold"]
            else {"predicted": c["pred"], "soft_precision": round(ratio(c["hit"], c["pred"]), 4)})
        for k, c in sorted(tally.by_kind.items())
    }
    result["content_by_source_mention"] = {
        k: {"gold": c["gold"], "soft_recall": round(c["found"] / c["gold"], 4)} for k, c in sorted(tally.by_mention.items())
    }
    return result | bootstrap_report(tally.per_doc, POLNEAR_METRICS) | {"seconds": run.seconds, "failed_articles": run.failures}


def _polnear_article(r: Row) -> Article:
    return Article(id=r["id"], text=r["text"], title=r.get("title"), published=(r.get("published") or None),
                   outlet=r.get("publisher"))


def run_polnear(data_dir: Path, *, split: str = "all", errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """PolNeAR dev set: exact and soft P/R/F1 for content, source and cue."""
    rows = _read_jsonl(Path(data_dir) / POLNEAR_FILE, split, limit)
    run = _run_articles(rows, _polnear_article)
    tally = _PolnearTally(errors=[] if errors else None)
    for row, out in run.pairs:
        tally.per_doc.append(_polnear_counts(row["attributions"], out["quotes"]))
        _polnear_recall(tally, row, out["quotes"])
        _polnear_precision(tally, row, out["quotes"])
    result = _polnear_result(tally, run)
    if tally.errors is not None:
        result["errors"] = tally.errors
    return result
