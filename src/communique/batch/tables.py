"""The Parquet tables of a batch dataset: analyses to Arrow rows, and the rows back to analyses.

One table per record kind (``articles``, ``actors``, ``quotes``, ``events``, ``times``, ``errors``),
each row keyed by ``article_id``. Lists stay Parquet lists (``authors``, ``context``, ``actors`` ...),
spans are structs ``{start, end, text}``, so DuckDB, pandas, polars and Spark read them as they are.
``analysis_from_rows`` rebuilds the ``Analysis`` whose ``to_dict()`` equals the one analysed, which is
how ``communique ingest DIR`` loads a dataset into the SQLite store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from communique.records import Actor, Analysis, Article, Event, Mention, Quote, Removal, Span, Timex

TABLES = ("articles", "actors", "quotes", "events", "times", "errors")
UNKNOWN_MONTH = "unknown"
_MONTH = re.compile(r"\d{4}-\d{2}")

_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
_STRINGS = pa.list_(pa.string())
S, INT, F = pa.string(), pa.int64(), pa.float64()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", S), ("title", S), ("published", S), ("published_from", S), ("url", S), ("outlet", S),
        ("authors", _STRINGS), ("language", S), ("source", S), ("text", S),
        ("cleanup", pa.list_(pa.struct([("start", INT), ("end", INT), ("text", S), ("reason", S)]))),
        ("warnings", _STRINGS), ("actor_count", INT), ("quote_count", INT), ("event_count", INT), ("time_count", INT),
    ]),
    "actors": pa.schema([
        ("article_id", S), ("actor_id", S), ("name", S), ("type", S), ("country", S), ("sector", S), ("role", S),
        ("mentions", pa.list_(pa.struct([("start", INT), ("end", INT), ("text", S), ("kind", S)]))),
    ]),
    "quotes": pa.schema([
        ("article_id", S), ("quote_id", S), ("kind", S), ("text", S), ("start", INT), ("end", INT),
        ("speaker_id", S), ("speaker_name", S), ("speaker_mention", _SPAN), ("cue", _SPAN),
        ("date", S), ("date_basis", S), ("date_precision", S), ("provenance", S),
    ]),
    "events": pa.schema([
        ("article_id", S), ("event_id", S), ("type", S), ("mode", S), ("context", _STRINGS), ("cameo", S),
        ("actors", _STRINGS), ("actor_names", _STRINGS), ("recipients", _STRINGS), ("recipient_names", _STRINGS),
        ("date", S), ("date_text", S), ("date_basis", S), ("date_precision", S), ("status", S),
        ("source_id", S), ("source_name", S), ("quote_id", S), ("evidence", _SPAN), ("confidence", F),
        ("trigger", _SPAN), ("provenance", S),
    ]),
    "times": pa.schema([
        ("article_id", S), ("idx", INT), ("start", INT), ("end", INT), ("text", S), ("type", S), ("value", S),
        ("anchor", S),
    ]),
    "errors": pa.schema([("id", S), ("input", S), ("reason", S)]),
}


@dataclass(frozen=True, slots=True)
class ErrorRow:
    """A bad input or a failed article: its id (the article's, else the input's name), the input, why."""

    id: str
    input: str
    reason: str


def month_of(published: str | None) -> str:
    """The hive partition of a publication date: ``2025-03`` for 2025-03-04, ``unknown`` without one."""
    return published[:7] if published and _MONTH.match(published) else UNKNOWN_MONTH


def _span(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def rows_of(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """The rows one analysis adds to each table (``errors`` excluded)."""
    art = analysis.article
    aid = art.id
    names = {a.id: a.name for a in analysis.actors}
    d = analysis.to_dict()
    articles = [{
        "article_id": aid, "title": art.title, "published": art.published, "published_from": art.published_from,
        "url": art.url, "outlet": art.outlet, "authors": list(art.authors), "language": art.language,
        "source": art.source, "text": art.text, "cleanup": [r.to_dict() for r in art.removed],
        "warnings": list(analysis.warnings), "actor_count": len(analysis.actors),
        "quote_count": len(analysis.quotes), "event_count": len(analysis.events), "time_count": len(analysis.times),
    }]
    actors = [{"article_id": aid, "actor_id": a["id"], **{k: a[k] for k in ("name", "type", "country", "sector", "role",
                                                                         "mentions")}} for a in d["actors"]]
    quotes = [{
        "article_id": aid, "quote_id": q.id, "kind": q.kind, "text": q.text, "start": q.start, "end": q.end,
        "speaker_id": q.speaker, "speaker_name": names.get(q.speaker or ""), "speaker_mention": _span(q.speaker_mention),
        "cue": _span(q.cue), "date": q.date, "date_basis": q.date_basis, "date_precision": q.date_precision,
        "provenance": q.provenance,
    } for q in analysis.quotes]
    events = [_event_row(aid, e, names) for e in analysis.events]
    times = [{"article_id": aid, "idx": i, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
              "value": t.value, "anchor": t.anchor} for i, t in enumerate(analysis.times)]
    return {"articles": articles, "actors": actors, "quotes": quotes, "events": events, "times": times}


def _event_row(aid: str, e: Event, names: dict[str, str]) -> dict[str, Any]:
    return {
        "article_id": aid, "event_id": e.id, "type": e.type, "mode": e.mode, "context": list(e.context),
        "cameo": e.cameo, "actors": list(e.actors), "actor_names": [names.get(x, x) for x in e.actors],
        "recipients": list(e.recipients), "recipient_names": [names.get(x, x) for x in e.recipients],
        "date": e.date, "date_text": e.date_text, "date_basis": e.date_basis, "date_precision": e.date_precision,
        "status": e.status, "source_id": e.source, "source_name": names.get(e.source or ""), "quote_id": e.quote,
        "evidence": _span(e.evidence), "confidence": round(float(e.confidence), 3), "trigger": _span(e.trigger),
        "provenance": e.provenance,
    }


def build_tables(results: Iterable[Analysis | ErrorRow]) -> dict[str, pa.Table]:
    """Every table of a set of results, each with an extra ``month`` column (the article's partition)."""
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    months: dict[str, list[str]] = {t: [] for t in TABLES}
    for r in results:
        if isinstance(r, ErrorRow):
            rows["errors"].append({"id": r.id, "input": r.input, "reason": r.reason})
            months["errors"].append(UNKNOWN_MONTH)
            continue
        month = month_of(r.article.published)
        for table, new in rows_of(r).items():
            rows[table].extend(new)
            months[table].extend([month] * len(new))
    out = {}
    for t in TABLES:
        table = pa.Table.from_pylist(rows[t], schema=SCHEMAS[t])
        out[t] = table.append_column("month", pa.array(months[t], pa.string()))
    return out


def _to_span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(d["start"], d["end"], d["text"])


def analysis_from_rows(rows: dict[str, list[dict[str, Any]]]) -> Analysis:
    """The analysis of one article from its rows in each table (``rows["articles"]`` holds exactly one)."""
    a = rows["articles"][0]
    article = Article(
        id=a["article_id"], text=a["text"], title=a["title"], published=a["published"], url=a["url"],
        outlet=a["outlet"], authors=tuple(a["authors"] or ()), language=a["language"] or "en", source=a["source"],
        removed=tuple(Removal(r["start"], r["end"], r["text"], r["reason"]) for r in a["cleanup"] or ()),
        published_from=a["published_from"],
    )
    actors = tuple(Actor(
        id=x["actor_id"], name=x["name"], type=x["type"], country=x["country"], sector=x["sector"], role=x["role"],
        mentions=tuple(Mention(m["start"], m["end"], m["text"], m["kind"]) for m in x["mentions"] or ()),
    ) for x in rows.get("actors", ()))
    quotes = tuple(Quote(
        id=q["quote_id"], kind=q["kind"], start=q["start"], end=q["end"], text=q["text"], speaker=q["speaker_id"],
        speaker_mention=_to_span(q["speaker_mention"]), cue=_to_span(q["cue"]), date=q["date"],
        provenance=q["provenance"] or "", date_basis=q["date_basis"], date_precision=q["date_precision"],
    ) for q in rows.get("quotes", ()))
    events = tuple(_event(e) for e in rows.get("events", ()))
    times = tuple(Timex(t["start"], t["end"], t["text"], t["type"], t["value"], anchor=t["anchor"])
                  for t in sorted(rows.get("times", ()), key=lambda t: t["idx"]))
    return Analysis(article=article, actors=actors, quotes=quotes, events=events, times=times,
                    warnings=tuple(a["warnings"] or ()))


def _event(e: dict[str, Any]) -> Event:
    evidence = _to_span(e["evidence"])
    assert evidence is not None
    return Event(
        id=e["event_id"], type=e["type"], evidence=evidence, actors=tuple(e["actors"] or ()),
        recipients=tuple(e["recipients"] or ()), mode=e["mode"], context=tuple(e["context"] or ()), cameo=e["cameo"],
        date=e["date"], date_text=e["date_text"], status=e["status"], source=e["source_id"], quote=e["quote_id"],
        confidence=e["confidence"], trigger=_to_span(e["trigger"]), provenance=e["provenance"] or "",
        date_basis=e["date_basis"], date_precision=e["date_precision"],
    )
