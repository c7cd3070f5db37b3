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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from communique.errors import EvalDataMissing
from communique.records import Article

GGT_FILE = Path("quotes") / "ggt-dev.jsonl"
POLNEAR_FILE = Path("quotes") / "polnear-dev.jsonl"

_WORD = re.compile(r"[\w'\u2019-]+")
_PRONOUNS = frozenset(
    "i me my we us our you he him his she her they them their it its who which that whom this these those".split()
)
_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"


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
    for i, w in enumerate(words):
        if i and w.lower() in ("of", "for", "at", "from", "with", "who", "which", "close", "familiar"):
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


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _read_jsonl(path: Path, limit: int | None) -> list[dict[str, Any]]:
    if not path.is_file():
        raise EvalDataMissing(f"evaluation file {path} not found")
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def _analyses(articles: list[Article], failures: list[str]) -> Iterator[dict[str, Any]]:
    """The contract output of each article; one that fails counts as predicting nothing."""
    from communique.pipeline import analyze_many

    for article, analysis in zip(articles, analyze_many(articles), strict=True):
        if isinstance(analysis, Exception):
            failures.append(f"{article.id}: {analysis}")
            yield {"quotes": [], "actors": []}
        else:
            yield analysis.to_dict()


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


def run_ggt(data_dir: Path, *, errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Gender Gap Tracker dev set: quote P/R/F1, speaker accuracy and recall, with breakdowns."""
    rows = _read_jsonl(Path(data_dir) / GGT_FILE, limit)
    articles = [Article(id=r["id"], text=r["text"], outlet=r.get("outlet"), url=r.get("url")) for r in rows]
    n_gold = n_pred = n_found = n_speaker = 0
    by_kind_pred: Counter[str] = Counter()
    by_kind_tp: Counter[str] = Counter()
    gold_by: dict[str, Counter[str]] = defaultdict(Counter)  # breakdown name -> counters
    err: list[dict[str, Any]] = []
    started = time.perf_counter()
    failures: list[str] = []
    for row, out in zip(rows, _analyses(articles, failures), strict=True):
        text = row["text"]
        gold = row["quotes"]
        pred = out["quotes"]
        names = {a["id"]: a["name"] for a in out["actors"]}
        match = _match_ggt(gold, pred)
        matched_pred = set(match.values())
        n_gold += len(gold)
        n_pred += len(pred)
        n_found += len(match)
        for p in pred:
            by_kind_pred[p["kind"]] += 1
        for pi in matched_pred:
            by_kind_tp[pred[pi]["kind"]] += 1
        for gi, g in enumerate(gold):
            gk = gold_kind(g["quote"])
            mt = mention_type(g.get("speaker"))
            for key in (f"kind:{gk}", f"mention:{mt}"):
                gold_by[key]["gold"] += 1
            pi_opt = match.get(gi)
            if pi_opt is None:
                if errors:
                    err.append({"error": "missed", "article": row["id"], "kind": gk, "speaker": g.get("speaker"),
                                "reference": g.get("reference"), "context": _context(text, *g["quote_span"])})
                continue
            p = pred[pi_opt]
            got = names.get(p["speaker"]) if p["speaker"] else None
            ok = names_match(got, g.get("reference"))
            n_speaker += ok
            for key in (f"kind:{gk}", f"mention:{mt}"):
                gold_by[key]["found"] += 1
                gold_by[key]["speaker"] += ok
            if errors and not ok:
                sm = p.get("speaker_mention") or {}
                err.append({"error": "speaker", "article": row["id"], "kind": gk, "gold_mention": g.get("speaker"),
                            "reference": g.get("reference"), "predicted": got, "predicted_mention": sm.get("text"),
                            "provenance": p.get("provenance"), "context": _context(text, p["start"], p["end"])})
        if errors:
            for pi, p in enumerate(pred):
                if pi not in matched_pred:
                    err.append({"error": "false_alarm", "article": row["id"], "kind": p["kind"],
                                "predicted": names.get(p["speaker"]) if p["speaker"] else None,
                                "provenance": p.get("provenance"), "context": _context(text, p["start"], p["end"])})
    elapsed = time.perf_counter() - started
    result: dict[str, Any] = {
        "task": "quotes-ggt",
        "articles": len(rows),
        "gold_quotes": n_gold,
        "predicted_quotes": n_pred,
        "found": n_found,
        "quote": _prf(n_found, n_pred, n_gold),
        "speaker_accuracy": round(n_speaker / n_found, 4) if n_found else 0.0,
        "speaker_recall": round(n_speaker / n_gold, 4) if n_gold else 0.0,
        "by_predicted_kind": {
            k: {"predicted": by_kind_pred[k], "precision": round(by_kind_tp[k] / by_kind_pred[k], 4)}
            for k in sorted(by_kind_pred)
        },
        "by_gold": {
            k: {
                "gold": c["gold"],
                "recall": round(c["found"] / c["gold"], 4) if c["gold"] else 0.0,
                "speaker_accuracy": round(c["speaker"] / c["found"], 4) if c["found"] else 0.0,
            }
            for k, c in sorted(gold_by.items())
        },
        "seconds": round(elapsed, 2),
        "failed_articles": failures,
    }
    if errors:
        result["errors"] = err
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


def run_polnear(data_dir: Path, *, errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """PolNeAR dev set: exact and soft P/R/F1 for content, source and cue."""
    rows = _read_jsonl(Path(data_dir) / POLNEAR_FILE, limit)
    articles = [
        Article(id=r["id"], text=r["text"], title=r.get("title"), published=(r.get("published") or None),
                outlet=r.get("publisher"))
        for r in rows
    ]
    counts: dict[str, Counter[str]] = {f: Counter() for f, _ in _FIELDS}
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    by_mention: dict[str, Counter[str]] = defaultdict(Counter)
    err: list[dict[str, Any]] = []
    started = time.perf_counter()
    failures: list[str] = []
    for row, out in zip(rows, _analyses(articles, failures), strict=True):
        text = row["text"]
        pred = out["quotes"]
        attrs = row["attributions"]
        for field, _ in _FIELDS:
            gold = [
                (a[field]["start"], a[field]["end"])
                for a in attrs
                if a.get(field) and a[field]["end"] > a[field]["start"]
            ]
            ps = [s for s in (_spans_pred(q, field) for q in pred) if s is not None]
            counts[field]["gold"] += len(gold)
            counts[field]["pred"] += len(ps)
            counts[field]["exact"] += _match_spans(gold, ps, soft=False)
            counts[field]["soft"] += _match_spans(gold, ps, soft=True)
        # content recall by gold kind and by source mention type; content precision by predicted kind
        pc = [(q["start"], q["end"]) for q in pred]
        for a in attrs:
            c = a.get("content")
            if not c or c["end"] <= c["start"]:
                continue
            src = a.get("source")
            found = _match_spans([(c["start"], c["end"])], pc, soft=True) > 0
            for bucket, key in ((by_kind, gold_kind(c["text"])), (by_mention, mention_type(src["text"] if src else None))):
                bucket[key]["gold"] += 1
                bucket[key]["found"] += found
            if errors and not found:
                err.append({"error": "missed", "article": row["id"], "source": src["text"] if src else None,
                            "cue": a["cue"]["text"] if a.get("cue") else None, "context": _context(text, c["start"], c["end"])})
        gold_c = [(a["content"]["start"], a["content"]["end"]) for a in attrs if a.get("content") and a["content"]["end"] > a["content"]["start"]]
        for q in pred:
            hit = _match_spans(gold_c, [(q["start"], q["end"])], soft=True) > 0
            by_kind[f"predicted:{q['kind']}"]["pred"] += 1
            by_kind[f"predicted:{q['kind']}"]["hit"] += hit
            if errors and not hit:
                sm = q.get("speaker_mention") or {}
                err.append({"error": "false_alarm", "article": row["id"], "kind": q["kind"], "source": sm.get("text"),
                            "provenance": q.get("provenance"), "context": _context(text, q["start"], q["end"])})
    elapsed = time.perf_counter() - started
    result: dict[str, Any] = {"task": "quotes-polnear", "articles": len(rows)}
    for field, _ in _FIELDS:
        c = counts[field]
        result[field] = {
            "gold": c["gold"],
            "predicted": c["pred"],
            "exact": _prf(c["exact"], c["pred"], c["gold"]),
            "soft": _prf(c["soft"], c["pred"], c["gold"]),
        }
    result["content_by_kind"] = {
        k: ({"gold": c["gold"], "soft_recall": round(c["found"] / c["gold"], 4)} if c["gold"]
            else {"predicted": c["pred"], "soft_precision": round(c["hit"] / c["pred"], 4) if c["pred"] else 0.0})
        for k, c in sorted(by_kind.items())
    }
    result["content_by_source_mention"] = {
        k: {"gold": c["gold"], "soft_recall": round(c["found"] / c["gold"], 4)} for k, c in sorted(by_mention.items())
    }
    result["seconds"] = round(elapsed, 2)
    result["failed_articles"] = failures
    if errors:
        result["errors"] = err
    return result
