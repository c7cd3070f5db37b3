"""``GET /api/export/{what}.{format}``: what ``communique export`` writes (the corpus context: global keys,
outlet, incident ...), with the same filters, as CSV, JSONL or Parquet, streamed.

CSV and JSONL are written row by row as the client reads them. Parquet cannot be written as a
stream of rows, so it is written in row groups to a spooled temporary file and then sent in chunks.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from communique.api.routes import ERRORS, Since, Text, Until, pool
from communique.corpus import export as corpus_export
from communique.corpus.export import ExportWhat as What
from communique.corpus.views import find_actor

router = APIRouter(responses=ERRORS)
BATCH = 2000
CHUNK = 1 << 16


class Fmt(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


MEDIA = {Fmt.csv: "text/csv; charset=utf-8", Fmt.jsonl: "application/x-ndjson", Fmt.parquet: "application/vnd.apache.parquet"}


@router.get("/api/export/{what}.{fmt}", tags=["export"], summary="Export records with their corpus context, streamed",
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}, "application/vnd.apache.parquet": {}}},
                       404: {"description": "no actor matches the actor filter"}})
def export(request: Request, what: What, fmt: Fmt, since: Since = None, until: Until = None,
           actor: Annotated[str | None, Query(max_length=300, description="a global actor key or name")] = None,
           country: Annotated[str | None, Query(max_length=10, description="ISO alpha-3 code of an actor")] = None,
           type: Annotated[str | None, Query(max_length=20, description="PLOVER type (events, incidents) or actor "
                                                                         "type (actors)")] = None,
           status: Annotated[str | None, Query(max_length=20, description="event status (events, incidents)")] = None,
           outlet: Text = None, with_duplicates: bool = False) -> StreamingResponse:
    """The rows and columns of ``communique export --what WHAT`` (see docs/web.md), filtered as it
    filters: dates on the record's date (else its article's), an actor among the row's actors, a
    country, a type, a status, an outlet; duplicate stories left out unless ``with_duplicates``."""
    conn = pool(request).fresh()
    try:
        key = find_actor(conn, actor) if actor else None
        if actor and key is None:
            raise HTTPException(404, f"no actor matches {actor!r}")
        filters = corpus_export.Filters(since=since, until=until, actor=key, country=country,
                                        type=type.upper() if type and what in ("events", "incidents") else type,
                                        status=status, outlet=outlet, with_duplicates=with_duplicates)
        rows = corpus_export.rows(conn, what.value, filters)
        first = next(rows, None)
    except BaseException:
        conn.close()
        raise
    body = _encode(what.value, fmt, _keys_only(what.value, fmt, _chain(first, rows)), conn)
    headers = {"Content-Disposition": f'attachment; filename="{what.value}.{fmt.value}"'}
    return StreamingResponse(body, media_type=MEDIA[fmt], headers=headers)


def _keys_only(what: str, fmt: Fmt, rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Incidents in flat formats name their actors by key, as ``communique export`` writes them."""
    for r in rows:
        if what == "incidents" and fmt is not Fmt.jsonl:
            r = {**r, "actors": [a["key"] for a in r["actors"]], "recipients": [a["key"] for a in r["recipients"]]}
        yield r


def _chain(first: dict[str, Any] | None, rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    if first is not None:
        yield first
        yield from rest


def _encode(what: str, fmt: Fmt, rows: Iterator[dict[str, Any]], conn: Any) -> Iterator[bytes]:
    try:
        if fmt is Fmt.jsonl:
            for row in rows:
                yield (json.dumps(row, ensure_ascii=False) + "\n").encode()
        elif fmt is Fmt.csv:
            yield from _csv(what, rows)
        else:
            yield from _parquet(what, rows)
    finally:
        conn.close()


def _csv(what: str, rows: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(corpus_export.COLUMNS[what]), lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    for n, row in enumerate(rows, 1):
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                         for k, v in row.items()})
        if n % 200 == 0:
            yield buf.getvalue().encode()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode()


def _parquet(what: str, rows: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    import pyarrow.parquet as pq

    schema = corpus_export._arrow(what, []).schema
    with tempfile.SpooledTemporaryFile(max_size=32 << 20) as spool:
        with pq.ParquetWriter(spool, schema) as writer:
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= BATCH:
                    writer.write_table(corpus_export._arrow(what, batch))
                    batch = []
            writer.write_table(corpus_export._arrow(what, batch))
        spool.seek(0)
        while chunk := spool.read(CHUNK):
            yield chunk
