"""``GET /api/export/{what}.{format}``: a table of the store as CSV, JSONL or Parquet, filtered, streamed.

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
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from communique.api import queries
from communique.api.routes import ERRORS, Search, Since, Text, Until, pool
from communique.store import EXPORT_COLUMNS, _arrow_schema, _flat

router = APIRouter(responses=ERRORS)
BATCH = 2000
CHUNK = 1 << 16


class What(StrEnum):
    articles = "articles"
    quotes = "quotes"
    events = "events"
    actors = "actors"


class Fmt(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


MEDIA = {Fmt.csv: "text/csv; charset=utf-8", Fmt.jsonl: "application/x-ndjson", Fmt.parquet: "application/vnd.apache.parquet"}


@router.get("/api/export/{what}.{fmt}", tags=["export"], summary="Export a table, filtered, streamed",
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}, "application/vnd.apache.parquet": {}}}})
def export(request: Request, what: What, fmt: Fmt, q: Search = None, since: Since = None, until: Until = None,
           outlet: Text = None, actor: Text = None, recipient: Text = None, speaker: Text = None,
           type: Text = None, status: Text = None, article: Text = None) -> StreamingResponse:
    """The columns of ``communique export``. Filters apply where the table has them: articles take
    q/since/until/outlet/actor; quotes speaker/q/since/until/article; events
    type/actor/recipient/status/since/until/article; actors q (name)/since/until/outlet/article."""
    given = {"q": q, "since": since, "until": until, "outlet": outlet, "actor": actor, "recipient": recipient,
             "speaker": speaker, "type": type, "status": status, "article": article}
    filters = {k: v for k, v in given.items() if k in queries.EXPORT_FILTERS[what.value]}
    conn = pool(request).fresh()
    try:
        rows = queries.export_rows(conn, what.value, filters)
        first = next(rows, None)  # a malformed query fails here, before the response starts, as a 400
    except BaseException:
        conn.close()
        raise
    body = _encode(what.value, fmt, _chain(first, rows), conn)
    headers = {"Content-Disposition": f'attachment; filename="{what.value}.{fmt.value}"'}
    return StreamingResponse(body, media_type=MEDIA[fmt], headers=headers)


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
    writer = csv.DictWriter(buf, fieldnames=EXPORT_COLUMNS[what], lineterminator="\n")
    writer.writeheader()
    for n, row in enumerate(rows, 1):
        writer.writerow(_flat(row))
        if n % 200 == 0:
            yield buf.getvalue().encode()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode()


def _parquet(what: str, rows: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(what)
    with tempfile.SpooledTemporaryFile(max_size=32 << 20) as spool:
        with pq.ParquetWriter(spool, schema) as writer:
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(_flat(row))
                if len(batch) >= BATCH:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch = []
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        spool.seek(0)
        while chunk := spool.read(CHUNK):
            yield chunk
