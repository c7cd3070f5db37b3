"""TempEval-3 (``dates/te3-platinum``): TIMEX3 extraction and value F1, through the public output.

Protocol (``../shared/eval/README.md``): strip the tags of each ``.tml`` ``<TEXT>`` to plain text, analyse
it with ``published`` = the DCT; a gold TIMEX3 is found when a predicted ``times`` entry overlaps it
(relaxed match, one prediction per gold); value F1 counts found expressions whose value equals the gold
value exactly.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communique.errors import EvalDataMissing
from communique.eval.protocol import bootstrap_report, f1, ratio, select
from communique.records import Article

TAG = re.compile(r"<[^>]+>")
TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Te3Doc:
    """A TimeML document: the article to analyse (its DCT as ``published``) and its gold TIMEX3s."""

    article: Article
    timexes: tuple[GoldTimex, ...]

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def dct(self) -> str:
        return self.article.published or ""


def parse_tml(raw: str, doc_id: str) -> Te3Doc:
    """The plain text of ``<TEXT>``, its gold TIMEX3 spans (offsets into that text) and the DCT."""
    dct_m = re.search(r"<DCT>.*?value=\"([^\"]+)\".*?</DCT>", raw, re.S)
    if not dct_m:
        raise ValueError(f"{doc_id}: no DCT")
    body_m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not body_m:
        raise ValueError(f"{doc_id}: no TEXT")
    body = body_m.group(1)
    out: list[str] = []
    gold: list[GoldTimex] = []
    pos, length = 0, 0
    for m in TIMEX.finditer(body):
        before = html.unescape(TAG.sub("", body[pos:m.start()]))
        out.append(before)
        length += len(before)
        inner = html.unescape(TAG.sub("", m.group(2)))
        attrs = dict(ATTR.findall(m.group(1)))
        gold.append(GoldTimex(length, length + len(inner), inner, attrs.get("type", ""), attrs.get("value", "")))
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(html.unescape(TAG.sub("", body[pos:])))
    article = Article(id=doc_id, text="".join(out), published=dct_m.group(1)[:10], published_from="input")
    return Te3Doc(article, tuple(gold))


def load_te3(data_dir: Path, split: str = "all") -> list[Te3Doc]:
    """The documents of one half; a document's id is its file name without ``.tml``."""
    folder = data_dir / "dates" / "te3-platinum"
    if not folder.is_dir():
        raise EvalDataMissing(f"TempEval-3 folder {folder} not found")
    paths = select(sorted(folder.glob("*.tml")), lambda p: p.stem, split)
    return [parse_tml(p.read_text(encoding="utf-8"), p.stem) for p in paths]


def score_doc(doc: Te3Doc, predicted: list[dict[str, Any]]) -> tuple[int, int, int, list[dict[str, Any]]]:
    """(found, right value, predictions, error rows) for one document."""
    used: set[int] = set()
    found = right = 0
    errors: list[dict[str, Any]] = []
    for g in doc.timexes:
        match = None
        for i, p in enumerate(predicted):
            if i not in used and p["start"] < g.end and g.start < p["end"]:
                match = i
                break
        if match is None:
            errors.append({"doc": doc.id, "error": "missed", "gold": g.text, "gold_value": g.value,
                           "context": doc.text[max(0, g.start - 60):g.end + 60]})
            continue
        used.add(match)
        found += 1
        p = predicted[match]
        if p["value"] == g.value:
            right += 1
        else:
            errors.append({"doc": doc.id, "error": "value", "gold": g.text, "gold_value": g.value,
                           "predicted": p["text"], "value": p["value"],
                           "context": doc.text[max(0, g.start - 60):g.end + 60]})
    for i, p in enumerate(predicted):
        if i not in used and not any(p["start"] < g.end and g.start < p["end"] for g in doc.timexes):
            errors.append({"doc": doc.id, "error": "spurious", "predicted": p["text"], "value": p["value"],
                           "context": doc.text[max(0, p["start"] - 60):p["end"] + 60]})
    return found, right, len(predicted), errors


TE3_METRICS = {
    "value.f1": lambda c: f1(ratio(c["right"], c["predicted"]), ratio(c["right"], c["gold"])),
    "extraction.f1": lambda c: f1(ratio(c["predicted"] - c["spurious"], c["predicted"]), ratio(c["found"], c["gold"])),
}


def _te3_result(per_doc: list[dict[str, float]]) -> dict[str, Any]:
    c = {k: sum(d[k] for d in per_doc) for k in ("gold", "found", "right", "predicted", "spurious")}
    # a prediction counts as correct for extraction precision when it overlaps a gold expression
    ext_p, ext_r = ratio(c["predicted"] - c["spurious"], c["predicted"]), ratio(c["found"], c["gold"])
    val_p, val_r = ratio(c["right"], c["predicted"]), ratio(c["right"], c["gold"])
    return {
        "task": "times-te3",
        "documents": len(per_doc),
        "gold": c["gold"],
        "predicted": c["predicted"],
        "found": c["found"],
        "value_right": c["right"],
        "extraction": {"precision": round(ext_p, 4), "recall": round(ext_r, 4), "f1": round(f1(ext_p, ext_r), 4)},
        "value": {"precision": round(val_p, 4), "recall": round(val_r, 4), "f1": round(f1(val_p, val_r), 4)},
        "value_accuracy_on_found": round(ratio(c["right"], c["found"]), 4),
        **bootstrap_report(per_doc, TE3_METRICS),
    }


def run_te3(data_dir: Path, *, split: str = "all", errors: bool = False, limit: int | None = None) -> dict[str, Any]:
    """Relaxed extraction P/R/F1 and value P/R/F1 on the TempEval-3 platinum documents."""
    from communique.pipeline import analyze
    from communique.progress import expect, tick

    docs = load_te3(data_dir, split)[:limit] if limit else load_te3(data_dir, split)
    expect(len(docs))
    per_doc: list[dict[str, float]] = []
    rows: list[dict[str, Any]] = []
    for doc in docs:
        # the full pipeline, scored through the public output exactly as ``analyze`` emits it
        analysis = analyze(doc.article)
        tick(analysis)
        found, right, n, errs = score_doc(doc, analysis.to_dict()["times"])
        spurious = sum(1 for e in errs if e["error"] == "spurious")
        per_doc.append({"gold": len(doc.timexes), "found": found, "right": right, "predicted": n, "spurious": spurious})
        rows.extend(errs)
    result = _te3_result(per_doc)
    if errors:
        result["errors"] = rows
    return result
