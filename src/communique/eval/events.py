"""Event evaluations, scored through the public output exactly as ``../shared/eval/README.md`` says.

- ``run_plover``: PLOVER gold-standard records (``events/plover-gsr-dev.jsonl``), each sentence
  analysed alone with ``published`` = its date. Type recall (some predicted event has the gold type),
  type precision (predicted events of the gold type / all predicted events), F1; actor recall (a
  right-typed event whose actor's country code matches a gold source code) and recipient recall.
- ``run_pentaclass``: Multi-CoPED pentaclass (``events/cameo-pentaclass-train.jsonl``): the
  sentence's class is that of its most confident event's CAMEO root (01->0, 02-05->1, 06-08->2,
  09-13->3, 14-20->4), else of its PLOVER type; no event -> 0. Macro-F1 over the 5 classes.
- ``run_claims``: event status against UW factuality (``claims/uw-factuality-dev.jsonl``), a
  calibration aid: each target token's status from ``claims.assess`` bucketed as committed
  (asserted/reported/future: UW scores the author's commitment, and rates "will X" as high as
  "did X"), not happened (negated) or uncertain (alleged/hypothetical), against the gold score
  (> 1 committed, < -1 not happened, else uncertain).

Every task also reports events per sentence and a confusion matrix; ``errors=True`` adds a listing.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from communique.errors import EvalDataMissing
from communique.records import PLOVER_TYPES, Article

CLASS_OF_TYPE = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
    "ACCUSE": 3, "REQUEST": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "SANCTION": 4, "COERCE": 4, "ASSAULT": 4,
}


def _read(path: Path, limit: int | None) -> list[dict[str, Any]]:
    if not path.is_file():
        raise EvalDataMissing(f"evaluation file {path} not found")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def _analyses(texts: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    from communique.pipeline import analyze_many

    arts = (Article(id=f"s{i}", text=t, published=p) for i, (t, p) in enumerate(texts))
    out: list[dict[str, Any]] = []
    for a in analyze_many(arts):
        to_dict = getattr(a, "to_dict", None)
        # a sentence the pipeline failed on counts as one with no events (scored, not skipped)
        out.append(to_dict() if to_dict else {"actors": [], "quotes": [], "events": [], "error": str(a)})
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _code_match(pred: str | None, gold: set[str]) -> bool:
    if not pred:
        return False
    if pred in gold:
        return True
    # IGO-style codes: the gold set writes every intergovernmental body as "IGO"
    return "IGO" in gold and (pred.startswith("IGO") or pred in {"NATO", "UNO", "EU", "AU", "OSCE", "ASEAN", "ARL", "NAT"})


def _codes(field: Any) -> set[str]:
    if not isinstance(field, list):
        return set()
    return {str(x.get("code")) for x in field if isinstance(x, dict) and x.get("code")}


def run_plover(data_dir: Path, *, errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """PLOVER type P/R/F1, actor and recipient recall, confusion matrix, events per sentence."""
    rows = _read(data_dir / "events" / "plover-gsr-dev.jsonl", limit)
    outs = _analyses([(r["text"], r.get("date")) for r in rows])
    hit = n_pred = n_right = 0
    actor_hit = actor_den = recip_hit = recip_den = 0
    confusion: dict[str, Counter[str]] = {t: Counter() for t in PLOVER_TYPES}
    listing: list[dict[str, Any]] = []
    for row, out in zip(rows, outs, strict=True):
        gold = str(row.get("plover") or row.get("event"))
        countries = {a["id"]: a.get("country") for a in out["actors"]}
        events = out["events"]
        types = [e["type"] for e in events]
        n_pred += len(types)
        right = [e for e in events if e["type"] == gold]
        n_right += len(right)
        hit += bool(right)
        for t in types or ["NONE"]:
            confusion.setdefault(gold, Counter())[t] += 1
        src, tgt = _codes(row.get("source")), _codes(row.get("target"))
        a_ok = r_ok = False
        if src:
            actor_den += 1
            a_ok = any(_code_match(countries.get(a), src) for e in right for a in e["actors"])
            actor_hit += a_ok
        if tgt:
            recip_den += 1
            r_ok = any(_code_match(countries.get(a), tgt) for e in right for a in e["recipients"])
            recip_hit += r_ok
        if errors and (not right or len(right) < len(events) or (src and not a_ok)):
            listing.append({
                "id": row.get("id"), "gold": gold, "text": row["text"],
                "gold_source": sorted(src), "gold_target": sorted(tgt),
                "predicted": [
                    {"type": e["type"], "cameo": e["cameo"], "status": e["status"],
                     "actors": [(a, countries.get(a)) for a in e["actors"]],
                     "recipients": [(a, countries.get(a)) for a in e["recipients"]],
                     "trigger": (e.get("trigger") or {}).get("text"), "rule": e.get("provenance")}
                    for e in events
                ],
            })
    n = len(rows)
    recall = hit / n if n else 0.0
    precision = n_right / n_pred if n_pred else 0.0
    result: dict[str, Any] = {
        "task": "events-plover",
        "sentences": n,
        "type_precision": round(precision, 4),
        "type_recall": round(recall, 4),
        "type_f1": round(_f1(precision, recall), 4),
        "actor_recall": round(actor_hit / actor_den, 4) if actor_den else None,
        "recipient_recall": round(recip_hit / recip_den, 4) if recip_den else None,
        "events": n_pred,
        "events_per_sentence": round(n_pred / n, 3) if n else 0.0,
        "confusion": {g: dict(c.most_common()) for g, c in confusion.items() if c},
    }
    if errors:
        result["errors"] = listing
    return result


def sentence_class(events: list[dict[str, Any]]) -> int:
    """The pentaclass of a sentence from its public events (README protocol)."""
    if not events:
        return 0
    best = max(events, key=lambda e: e.get("confidence") or 0.0)
    cameo = best.get("cameo") or ""
    if len(cameo) >= 2 and cameo[:2].isdigit():
        root = int(cameo[:2])
        if root == 1:
            return 0
        if 2 <= root <= 5:
            return 1
        if 6 <= root <= 8:
            return 2
        if 9 <= root <= 13:
            return 3
        if 14 <= root <= 20:
            return 4
    return CLASS_OF_TYPE.get(best.get("type", ""), 0)


def _macro_f1(gold: list[int], pred: list[int], classes: range) -> tuple[float, dict[int, dict[str, float]]]:
    per: dict[int, dict[str, float]] = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        p_ = tp / (tp + fp) if tp + fp else 0.0
        r_ = tp / (tp + fn) if tp + fn else 0.0
        per[c] = {"precision": round(p_, 4), "recall": round(r_, 4), "f1": round(_f1(p_, r_), 4), "support": tp + fn}
    return sum(v["f1"] for v in per.values()) / len(per), per


def run_pentaclass(data_dir: Path, *, errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Pentaclass macro-F1 from the most confident event of each sentence."""
    rows = _read(data_dir / "events" / "cameo-pentaclass-train.jsonl", limit)
    outs = _analyses([(r["text"], None) for r in rows])
    gold = [int(r["pentaclass"]) for r in rows]
    pred = [sentence_class(o["events"]) for o in outs]
    macro, per = _macro_f1(gold, pred, range(5))
    confusion = [[sum(1 for g, p in zip(gold, pred, strict=True) if g == i and p == j) for j in range(5)] for i in range(5)]
    n_events = sum(len(o["events"]) for o in outs)
    result: dict[str, Any] = {
        "task": "events-pentaclass",
        "sentences": len(rows),
        "macro_f1": round(macro, 4),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(rows), 4) if rows else 0.0,
        "per_class": per,
        "confusion_gold_rows_pred_cols": confusion,
        "events": n_events,
        "events_per_sentence": round(n_events / len(rows), 3) if rows else 0.0,
    }
    if errors:
        listing = []
        for r, o, g, p in zip(rows, outs, gold, pred, strict=True):
            if g != p:
                listing.append({
                    "text": r["text"], "gold": g, "predicted": p,
                    "events": [(e["type"], e["cameo"], e["confidence"], (e.get("trigger") or {}).get("text"), e.get("provenance")) for e in o["events"]],
                })
        result["errors"] = listing
    return result


def _bucket(label: float) -> str:
    return "happened" if label > 1 else ("not" if label < -1 else "uncertain")


STATUS_BUCKET = {"asserted": "happened", "reported": "happened", "future": "happened", "negated": "not"}


def run_claims(data_dir: Path, *, errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Status of UW factuality targets (calibration aid; the status rules alone, on every target)."""
    from communique import nlp
    from communique.claims import assess

    rows = _read(data_dir / "claims" / "uw-factuality-dev.jsonl", limit)
    model = nlp.load()
    gold: list[str] = []
    pred: list[str] = []
    listing: list[dict[str, Any]] = []
    docs = model.pipe(r["text"] for r in rows)
    for row, doc in zip(rows, docs, strict=True):
        words = row["text"].split(" ")
        offsets, pos = [], 0
        for w in words:
            offsets.append(pos)
            pos += len(w) + 1
        for tgt in row.get("targets", []):
            i = tgt["span1"][0]
            if i >= len(offsets):
                continue
            span = doc.char_span(offsets[i], offsets[i] + len(words[i]), alignment_mode="expand")
            if span is None or not len(span):
                continue
            claim = assess(span.root)
            g, p = _bucket(float(tgt["label"])), STATUS_BUCKET.get(claim.status, "uncertain")
            gold.append(g)
            pred.append(p)
            if errors and g != p:
                listing.append({"text": row["text"], "target": tgt["span_text"], "gold": tgt["label"], "status": claim.status, "rule": claim.rule})
    # over-generation on plain news sentences: events per sentence through the public output
    outs = _analyses([(r["text"], None) for r in rows])
    n_events = sum(len(o["events"]) for o in outs)
    names = ["happened", "not", "uncertain"]
    gi = [names.index(g) for g in gold]
    pi = [names.index(p) for p in pred]
    macro, per = _macro_f1(gi, pi, range(3))
    result: dict[str, Any] = {
        "task": "events-claims",
        "targets": len(gold),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4) if gold else 0.0,
        "macro_f1": round(macro, 4),
        "per_class": {names[k]: v for k, v in per.items()},
        "confusion_gold_rows_pred_cols": {g: dict(Counter(p for gg, p in zip(gold, pred, strict=True) if gg == g)) for g in names},
        "sentences": len(rows),
        "events": n_events,
        "events_per_sentence": round(n_events / len(rows), 3) if rows else 0.0,
        "event_status": dict(Counter(e["status"] for o in outs for e in o["events"])),
    }
    if errors:
        result["errors"] = listing
    return result
