"""``communique export``: stored records with the corpus context, filtered, as JSONL, CSV or Parquet.

- ``articles``: the stored articles, with ``story`` (the duplicate story's representative, if any)
  and ``duplicate`` (whether the article is a non-representative member of one);
- ``quotes`` / ``events``: every stored column plus the article's ``published``, ``outlet`` and ``url``,
  the speaker's (or the actors' and recipients') global keys, countries and sectors, and for events
  the ``incident`` they belong to;
- ``article-actors``: the actors of each article with their global ``key``;
- ``actors``: the global actors (the rows of ``communique actors``);
- ``incidents``: the incidents (the rows of ``communique incidents``).

Duplicate stories are left out unless ``with_duplicates``. Filters (None: none): ``since``/``until``
(date prefix of the record's date, else its article's publication date), ``actor`` (a global key among
the row's keys), ``country``, ``type``, ``status``, ``outlet``. Parquet keeps lists as list columns and
the incident statuses as a map column; CSV writes lists as JSON.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from communique.corpus import views
from communique.outfile import check_output, write_whole
from communique.store import EXPORT_COLUMNS, Store


class ExportWhat(StrEnum):
    """What ``export`` (the CLI and the API's /api/export) can write."""

    articles = "articles"
    quotes = "quotes"
    events = "events"
    actors = "actors"
    article_actors = "article-actors"
    incidents = "incidents"

LIST = "list"
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {**{c: "str" for c in EXPORT_COLUMNS["articles"]}, "authors": LIST, "story": "str", "duplicate": "bool"},
    "article-actors": {**{c: "str" for c in EXPORT_COLUMNS["actors"]}, "mention_count": "int", "mentions": "json",
                       "key": "str"},
    "quotes": {**{c: "str" for c in EXPORT_COLUMNS["quotes"]}, "start": "int", "end": "int", "published": "str",
               "outlet": "str", "url": "str", "speaker_key": "str", "speaker_country": "str", "speaker_sector": "str"},
    "events": {**{c: "str" for c in EXPORT_COLUMNS["events"]}, "context": LIST, "actors": LIST, "actor_names": LIST,
               "recipients": LIST, "recipient_names": LIST, "evidence_start": "int", "evidence_end": "int",
               "confidence": "float", "published": "str", "outlet": "str", "url": "str", "actor_keys": LIST,
               "actor_countries": LIST, "actor_sectors": LIST, "recipient_keys": LIST, "recipient_countries": LIST,
               "recipient_sectors": LIST, "source_key": "str", "incident": "str"},
    "actors": {"key": "str", "name": "str", "type": "str", "country": "str", "sector": "str", "aliases": LIST,
               "articles": "int", "quotes": "int", "events": "int"},
    "incidents": {"id": "str", "type": "str", "mode": "str", "cameo": "str", "actors": "keys", "recipients": "keys",
                  "date": "str", "date_range": LIST, "articles": LIST, "outlets": LIST, "first_reported": "str",
                  "statuses": "map", "contested": "bool", "sources": LIST},
}


@dataclass(frozen=True, slots=True)
class Filters:
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    country: str | None = None
    type: str | None = None
    status: str | None = None
    outlet: str | None = None
    with_duplicates: bool = False


def rows(conn: sqlite3.Connection, what: str, f: Filters) -> Iterator[dict[str, Any]]:
    """The export rows of ``what``, filtered, in a stable order."""
    if what == "incidents":
        yield from views.list_incidents(conn, type=f.type, actor=f.actor, status=f.status, country=f.country,
                                        outlet=f.outlet, since=f.since, until=f.until, limit=10**9)[0]
        return
    if what == "actors":
        yield from views.list_actors(conn, country=f.country, type=f.type, limit=10**9,
                                     with_duplicates=f.with_duplicates)[0]
        return
    context = _Context(conn)
    table = {"article-actors": "actors"}.get(what, what)
    cols = [c for c in EXPORT_COLUMNS[table]]
    order = "id" if table == "articles" else "article_id, rowid"
    for r in conn.execute(f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)} FROM {table} ORDER BY {order}"):
        row = {c: (json.loads(r[i]) if COLUMNS[what].get(c) in (LIST, "json") and r[i] is not None else r[i])
               for i, c in enumerate(cols)}
        row = context.enrich(what, row)
        if (f.with_duplicates or not row.pop("_duplicate")) and _keep(row, what, f):
            yield row


class _Context:
    """Per-article look-ups (article fields, actor codes and keys, story, incident of each event), cached."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.articles = {r[0]: (r[1], r[2], r[3]) for r in conn.execute("SELECT id, published, outlet, url FROM articles")}
        self.story = {r[0]: (r[1], not r[2]) for r in conn.execute(
            "SELECT article_id, cluster, representative FROM story_members")}
        self.incident = {(r[0], r[1]): r[2] for r in conn.execute(
            "SELECT article_id, event_id, incident_id FROM incident_events")}
        self._actors: dict[str, dict[str, tuple[str | None, str | None, str | None]]] = {}

    def actors(self, article_id: str) -> dict[str, tuple[str | None, str | None, str | None]]:
        """actor id -> (global key, country, sector)."""
        if article_id not in self._actors:
            self._actors[article_id] = {r[0]: (r[1], r[2], r[3]) for r in self.conn.execute(
                "SELECT a.actor_id, l.key, a.country, a.sector FROM actors a LEFT JOIN actor_links l"
                " ON l.article_id = a.article_id AND l.actor_id = a.actor_id WHERE a.article_id=?", (article_id,))}
        return self._actors[article_id]

    def enrich(self, what: str, row: dict[str, Any]) -> dict[str, Any]:
        article_id = row["id"] if what == "articles" else row["article_id"]
        story, duplicate = self.story.get(article_id, (None, False))
        row["_duplicate"] = duplicate
        if what == "articles":
            return {**row, "story": story, "duplicate": duplicate}
        coded = self.actors(article_id)
        if what == "article-actors":
            return {**row, "key": coded.get(row["actor_id"], (None,))[0]}
        published, outlet, url = self.articles.get(article_id, (None, None, None))
        row.update(published=published, outlet=outlet, url=url)
        if what == "quotes":
            key, country, sector = coded.get(row["speaker_id"] or "", (None, None, None))
            return {**row, "speaker_key": key, "speaker_country": country, "speaker_sector": sector}
        for side, ids in (("actor", row["actors"]), ("recipient", row["recipients"])):
            codes = [coded.get(i, (None, None, None)) for i in ids]
            row[f"{side}_keys"] = [c[0] for c in codes]
            row[f"{side}_countries"] = [c[1] for c in codes]
            row[f"{side}_sectors"] = [c[2] for c in codes]
        row["source_key"] = coded.get(row["source_id"] or "", (None,))[0]
        row["incident"] = self.incident.get((article_id, row["event_id"]))
        return row


def _keep(row: dict[str, Any], what: str, f: Filters) -> bool:
    when = row.get("date") or row.get("published") or ""
    if (f.since and when[:len(f.since)] < f.since) or (f.until and (when or "9999")[:len(f.until)] > f.until):
        return False
    if f.outlet and (row.get("outlet") or "").lower() != f.outlet.lower():
        return False
    if what == "events" and ((f.type and row["type"] != f.type) or (f.status and row["status"] != f.status)):
        return False
    keys = {row.get("speaker_key"), row.get("key"), *row.get("actor_keys", ()), *row.get("recipient_keys", ())}
    countries = {row.get("speaker_country"), row.get("country"), *row.get("actor_countries", ()),
                 *row.get("recipient_countries", ())}
    if f.actor and f.actor not in keys:
        return False
    return not (f.country and f.country not in countries)


def export(store: Store, what: str, fmt: str, out: Path | None, f: Filters, *, force: bool = False) -> str | None:
    """Write the rows whole to ``out`` (or return JSONL/CSV text when ``out`` is None)."""
    if out is not None:
        check_output(out, store.path, force=force)
    data = list(rows(store.conn, what, f))
    if what == "incidents" and fmt != "jsonl":
        data = [{**r, "actors": [a["key"] for a in r["actors"]], "recipients": [a["key"] for a in r["recipients"]]}
                for r in data]
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = _arrow(what, data)
        assert out is not None
        write_whole(out, lambda tmp: pq.write_table(table, tmp))
        return None
    buf = io.StringIO()
    if fmt == "jsonl":
        for r in data:
            buf.write(json.dumps(r, ensure_ascii=False) + "\n")
    else:
        writer = csv.DictWriter(buf, fieldnames=list(COLUMNS[what]), lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for r in data:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in r.items()})
    if out is None:
        return buf.getvalue()
    text = buf.getvalue()
    write_whole(out, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return None


def _arrow(what: str, data: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "json": pa.string(),
             LIST: pa.list_(pa.string()), "keys": pa.list_(pa.string()), "map": pa.map_(pa.string(), pa.string())}
    schema = pa.schema([(c, kinds[k]) for c, k in COLUMNS[what].items()])
    flat = []
    for r in data:
        row: dict[str, Any] = {c: r.get(c) for c in COLUMNS[what]}
        for c, k in COLUMNS[what].items():
            value = row[c]
            if k == "json" and value is not None:
                row[c] = json.dumps(value, ensure_ascii=False)
            elif k == "map" and isinstance(value, dict):
                row[c] = list(value.items())
        flat.append(row)
    return pa.Table.from_pylist(flat, schema=schema)
