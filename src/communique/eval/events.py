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
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from communique.errors import EvalDataMissing
from communique.eval.protocol import bootstrap_report, f1, ratio, select, total
from communique.records import PLOVER_TYPES, Article

CLASS_OF_TYPE = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
    "ACCUSE": 3, "REQUEST": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "SANCTION": 4, "COERCE": 4, "ASSAULT": 4,
}
# the gold set writes every intergovernmental body as "IGO"; our coding names the body
IGO_CODES = frozenset({"NATO", "UNO", "EU", "AU", "OSCE", "ASEAN", "ARL", "NAT"})

Row = dict[str, Any]


def _read(path: Path, doc_id: Callable[[Row], str], split: str, limit: int | None) -> list[Row]:
    """One half of a JSONL gold file, ``doc_id`` naming each row's document."""
    if not path.is_file():
        raise EvalDataMissing(f"evaluation file {path} not found")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = select(rows, doc_id, split)
    return rows[:limit] if limit else rows


def _analyses(texts: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    from communique.pipeline import analyze_many
    from communique.progress import counted, expect

    arts = (Article(id=f"s{i}", text=t, published=p) for i, (t, p) in enumerate(texts))
    out: list[dict[str, Any]] = []
    expect(len(texts))
    for a in counted(analyze_many(arts)):
        to_dict = getattr(a, "to_dict", None)
        # a sentence the pipeline failed on counts as one with no events (scored, not skipped)
        out.append(to_dict() if to_dict else {"actors": [], "quotes": [], "events": [], "error": str(a)})
    return out


def _code_match(pred: str | None, gold: set[str]) -> bool:
    if not pred:
        return False
    if pred in gold:
        return True
    return "IGO" in gold and (pred.startswith("IGO") or pred in IGO_CODES)


def _codes(field: Any) -> set[str]:
    if not isinstance(field, list):
        return set()
    return {str(x.get("code")) for x in field if isinstance(x, dict) and x.get("code")}


# --------------------------------------------------------------------------------------------- PLOVER

PLOVER_METRICS = {
    "type_f1": lambda c: f1(ratio(c["right"], c["predicted"]), ratio(c["hit"], c["sentences"])),
    "actor_recall": lambda c: ratio(c["actor_hit"], c["actor_gold"]),
    "recipient_recall": lambda c: ratio(c["recipient_hit"], c["recipient_gold"]),
}
PLOVER_KEYS = ("predicted", "right", "hit", "actor_gold", "actor_hit", "recipient_gold", "recipient_hit")


def _plover_listing(row: Row, gold: str, src: set[str], tgt: set[str], out: dict[str, Any]) -> dict[str, Any]:
    countries = {a["id"]: a.get("country") for a in out["actors"]}
    return {
        "id": row.get("id"), "gold": gold, "text": row["text"],
        "gold_source": sorted(src), "gold_target": sorted(tgt),
        "predicted": [
            {"type": e["type"], "cameo": e["cameo"], "status": e["status"],
             "actors": [(a, countries.get(a)) for a in e["actors"]],
             "recipients": [(a, countries.get(a)) for a in e["recipients"]],
             "trigger": (e.get("trigger") or {}).get("text"), "rule": e.get("provenance")}
            for e in out["events"]
        ],
    }


def _plover_sentence(row: Row, out: dict[str, Any], confusion: dict[str, Counter[str]],
                     listing: list[dict[str, Any]] | None) -> dict[str, float]:
    """The counts of one gold sentence: type hit, right-typed events, actor and recipient matches."""
    gold = str(row.get("plover") or row.get("event"))
    countries = {a["id"]: a.get("country") for a in out["actors"]}
    events = out["events"]
    right = [e for e in events if e["type"] == gold]
    for t in [e["type"] for e in events] or ["NONE"]:
        confusion.setdefault(gold, Counter())[t] += 1
    src, tgt = _codes(row.get("source")), _codes(row.get("target"))
    a_ok = bool(src) and any(_code_match(countries.get(a), src) for e in right for a in e["actors"])
    r_ok = bool(tgt) and any(_code_match(countries.get(a), tgt) for e in right for a in e["recipients"])
    if listing is not None and (not right or len(right) < len(events) or (src and not a_ok)):
        listing.append(_plover_listing(row, gold, src, tgt, out))
    return {"sentences": 1, "predicted": len(events), "right": len(right), "hit": bool(right),
            "actor_gold": bool(src), "actor_hit": a_ok, "recipient_gold": bool(tgt), "recipient_hit": r_ok}


def run_plover(data_dir: Path, *, split: str = "all", errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """PLOVER type P/R/F1, actor and recipient recall, confusion matrix, events per sentence."""
    rows = _read(data_dir / "events" / "plover-gsr-dev.jsonl", lambda r: str(r["id"]), split, limit)
    outs = _analyses([(r["text"], r.get("date")) for r in rows])
    confusion: dict[str, Counter[str]] = {t: Counter() for t in PLOVER_TYPES}
    listing: list[dict[str, Any]] | None = [] if errors else None
    per_doc = [_plover_sentence(row, out, confusion, listing) for row, out in zip(rows, outs, strict=True)]
    c = {k: sum(d[k] for d in per_doc) for k in PLOVER_KEYS}
    n = len(rows)
    precision, recall = ratio(c["right"], c["predicted"]), ratio(c["hit"], n)
    result: dict[str, Any] = {
        "task": "events-plover",
        "sentences": n,
        "type_precision": round(precision, 4),
        "type_recall": round(recall, 4),
        "type_f1": round(f1(precision, recall), 4),
        "actor_recall": round(c["actor_hit"] / c["actor_gold"], 4) if c["actor_gold"] else None,
        "recipient_recall": round(c["recipient_hit"] / c["recipient_gold"], 4) if c["recipient_gold"] else None,
        "events": c["predicted"],
        "events_per_sentence": round(c["predicted"] / n, 3) if n else 0.0,
        "confusion": {g: dict(cm.most_common()) for g, cm in confusion.items() if cm},
        **bootstrap_report(per_doc, PLOVER_METRICS),
    }
    if listing is not None:
        result["errors"] = listing
    return result


# --------------------------------------------------------------------------------------------- classes


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


def _class_counts(gold: int | str, pred: int | str, classes: range | list[str]) -> dict[str, float]:
    """One labelled item as counts: right, and true/false positives and false negatives per class."""
    counts: dict[str, float] = {"items": 1, "right": gold == pred}
    for c in classes:
        counts[f"tp.{c}"] = gold == c and pred == c
        counts[f"fp.{c}"] = gold != c and pred == c
        counts[f"fn.{c}"] = gold == c and pred != c
    return counts


def _per_class(counts: Mapping[str, float], classes: range | list[str]) -> dict[Any, dict[str, float]]:
    per: dict[Any, dict[str, float]] = {}
    for c in classes:
        tp, fp, fn = counts.get(f"tp.{c}", 0), counts.get(f"fp.{c}", 0), counts.get(f"fn.{c}", 0)
        p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
        per[c] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1(p, r), 4), "support": tp + fn}
    return per


def _macro_f1(counts: Mapping[str, float], classes: range | list[str]) -> float:
    """The mean of the per-class F1 (each rounded to 4 places, as reported per class)."""
    per = _per_class(counts, classes)
    return sum(v["f1"] for v in per.values()) / len(per)


PENTACLASSES = range(5)
PENTACLASS_METRICS = {"macro_f1": lambda c: _macro_f1(c, PENTACLASSES)}


def run_pentaclass(data_dir: Path, *, split: str = "all", errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Pentaclass macro-F1 from the most confident event of each sentence."""
    rows = _read(data_dir / "events" / "cameo-pentaclass-train.jsonl", lambda r: str(r["text"]), split, limit)
    outs = _analyses([(r["text"], None) for r in rows])
    gold = [int(r["pentaclass"]) for r in rows]
    pred = [sentence_class(o["events"]) for o in outs]
    per_doc = [_class_counts(g, p, PENTACLASSES) for g, p in zip(gold, pred, strict=True)]
    counts = total(per_doc)
    confusion = [[sum(1 for g, p in zip(gold, pred, strict=True) if g == i and p == j) for j in range(5)] for i in range(5)]
    n_events = sum(len(o["events"]) for o in outs)
    result: dict[str, Any] = {
        "task": "events-pentaclass",
        "sentences": len(rows),
        "macro_f1": round(_macro_f1(counts, PENTACLASSES), 4),
        "accuracy": round(ratio(counts.get("right", 0), len(rows)), 4),
        "per_class": _per_class(counts, PENTACLASSES),
        "confusion_gold_rows_pred_cols": confusion,
        "events": n_events,
        "events_per_sentence": round(n_events / len(rows), 3) if rows else 0.0,
        **bootstrap_report(per_doc, PENTACLASS_METRICS),
    }
    if errors:
        result["errors"] = [
            {"text": r["text"], "gold": g, "predicted": p,
             "events": [(e["type"], e["cameo"], e["confidence"], (e.get("trigger") or {}).get("text"), e.get("provenance"))
                        for e in o["events"]]}
            for r, o, g, p in zip(rows, outs, gold, pred, strict=True) if g != p
        ]
    return result


# --------------------------------------------------------------------------------------------- claims

CLAIM_CLASSES = ["happened", "not", "uncertain"]
CLAIM_METRICS = {"accuracy": lambda c: ratio(c.get("right", 0), c.get("items", 0)), "macro_f1": lambda c: _macro_f1(c, CLAIM_CLASSES)}
STATUS_BUCKET = {"asserted": "happened", "reported": "happened", "future": "happened", "negated": "not"}


def _bucket(label: float) -> str:
    return "happened" if label > 1 else ("not" if label < -1 else "uncertain")


def _claim_labels(row: Row, doc: Any, listing: list[dict[str, Any]] | None) -> list[tuple[str, str]]:
    """(gold bucket, predicted bucket) of each target of one sentence, status read by ``claims.assess``."""
    from communique.claims import assess

    words = row["text"].split(" ")
    offsets, pos = [], 0
    for w in words:
        offsets.append(pos)
        pos += len(w) + 1
    labels: list[tuple[str, str]] = []
    for tgt in row.get("targets", []):
        i = tgt["span1"][0]
        if i >= len(offsets):
            continue
        span = doc.char_span(offsets[i], offsets[i] + len(words[i]), alignment_mode="expand")
        if span is None or not len(span):
            continue
        claim = assess(span.root)
        g, p = _bucket(float(tgt["label"])), STATUS_BUCKET.get(claim.status, "uncertain")
        labels.append((g, p))
        if listing is not None and g != p:
            listing.append({"text": row["text"], "target": tgt["span_text"], "gold": tgt["label"], "status": claim.status, "rule": claim.rule})
    return labels


def _claims_result(labels: list[list[tuple[str, str]]], outs: list[dict[str, Any]]) -> dict[str, Any]:
    per_doc = [total([_class_counts(g, p, CLAIM_CLASSES) for g, p in doc]) for doc in labels]
    counts = total(per_doc)
    pairs = [pair for doc in labels for pair in doc]
    n_events = sum(len(o["events"]) for o in outs)
    return {
        "task": "events-claims",
        "targets": len(pairs),
        "accuracy": round(ratio(counts.get("right", 0), len(pairs)), 4),
        "macro_f1": round(_macro_f1(counts, CLAIM_CLASSES), 4),
        "per_class": _per_class(counts, CLAIM_CLASSES),
        "confusion_gold_rows_pred_cols": {g: dict(Counter(p for gg, p in pairs if gg == g)) for g in CLAIM_CLASSES},
        "sentences": len(outs),
        "events": n_events,
        "events_per_sentence": round(n_events / len(outs), 3) if outs else 0.0,
        "event_status": dict(Counter(e["status"] for o in outs for e in o["events"])),
        **bootstrap_report(per_doc, CLAIM_METRICS),
    }


def run_claims(data_dir: Path, *, split: str = "all", errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Status of UW factuality targets (calibration aid; the status rules alone, on every target)."""
    from communique import nlp

    rows = _read(data_dir / "claims" / "uw-factuality-dev.jsonl", lambda r: str(r["text"]), split, limit)
    listing: list[dict[str, Any]] | None = [] if errors else None
    docs = nlp.load().pipe(r["text"] for r in rows)
    labels = [_claim_labels(row, doc, listing) for row, doc in zip(rows, docs, strict=True)]
    # over-generation on plain news sentences: events per sentence through the public output
    result = _claims_result(labels, _analyses([(r["text"], None) for r in rows]))
    if listing is not None:
        result["errors"] = listing
    return result
