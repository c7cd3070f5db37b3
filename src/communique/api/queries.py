"""Read queries of the web API over a store connection: filtered, paginated lists, full-text search with
highlighted snippets, and row streams for exports.

Only reads, always with bound parameters. Filters are optional (None: no filter). Dates compare on
their ISO prefix, as the corpus layer does: ``since="2025-03"`` keeps every date whose first seven
characters are ``>= "2025-03"``. A list returns ``(items, total)``, total counting every match.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from communique.store import HIT_END, HIT_START, fts_words

# what makes a search query "advanced" (FTS5 syntax passed through): quotes, grouping, prefix, column
# filters, and the operators written in capitals
_ADVANCED = re.compile(r'["()*:^]|\b(AND|OR|NOT|NEAR)\b')


#: ``memo(key, compute)``: ``compute()``'s value, remembered under ``key`` while the store is unchanged
Memo = Callable[[tuple[Any, ...], Callable[[], Any]], Any]


def no_memo(key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    return compute()


class QueryError(ValueError):
    """A request the store cannot answer as asked (a malformed search query): the API's 400."""


@dataclass
class Where:
    """A WHERE clause built one condition at a time, with its parameters."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def since_until(self, column: str, since: str | None, until: str | None) -> None:
        if since:
            self.add(f"substr({column}, 1, ?) >= ?", len(since), since)
        if until:
            self.add(f"substr({column}, 1, ?) <= ?", len(until), until)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def fts_match(query: str) -> str:
    """User text as an FTS5 query. Plain words are each quoted and ANDed (so ``U.S.-backed`` is no syntax
    error), each once and at most ``MAX_QUERY_TERMS`` index terms in all, as ``communique search`` does
    (``store.fts_words``); a query using FTS5 syntax (``"a phrase"``, ``OR``, ``NEAR``, ``prefix*``,
    parentheses) is passed through as written, and a malformed one is a QueryError when it runs."""
    query = query.replace("\x00", " ")
    if _ADVANCED.search(query):
        return query.strip()
    return fts_words(query)


def _run(conn: sqlite3.Connection, sql: str, params: list[Any] | tuple[Any, ...]) -> list[sqlite3.Row]:
    """Execute a query that may hold a user's FTS5 expression: its syntax errors become QueryError."""
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as e:
        message = str(e)
        if "fts5" in message or "syntax error" in message or "no such column" in message or "unterminated" in message:
            raise QueryError(f"malformed search query: {message.removeprefix('fts5: ')}") from e
        raise


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _page(conn: sqlite3.Connection, alias: str, tables: str, select: str, where: Where, order: str, limit: int,
          offset: int, memo: Memo) -> tuple[list[sqlite3.Row], int]:
    """One page of a filtered, ordered table, in two steps: the ordered rowids of every match (a lean sort,
    remembered by ``memo`` while the store is unchanged, so later pages and the total cost nothing), then
    the full rows of the page only. ``select`` names the row columns, ``{alias}.rowid AS _rid`` among them."""
    sql = f"SELECT {alias}.rowid FROM {tables}{where.sql()} ORDER BY {order}"
    keys = memo(("keys", sql, tuple(where.params)), lambda: array("q", (r[0] for r in _run(conn, sql, where.params))))
    chosen = list(keys[offset:offset + limit])
    if not chosen:
        return [], len(keys)
    rows = conn.execute(f"{select} FROM {tables} WHERE {alias}.rowid IN ({','.join('?' * len(chosen))})",
                        chosen).fetchall()
    found = {r["_rid"]: r for r in rows}
    return [found[k] for k in chosen if k in found], len(keys)


def _plain(row: sqlite3.Row) -> dict[str, Any]:
    return {k: row[k] for k in row.keys() if k != "_rid"}


# -- articles ---------------------------------------------------------------------------------------
ARTICLE_SELECT = (
    "SELECT a.rowid AS _rid, a.id, a.title, a.published, a.outlet, a.url, a.authors, a.ingested_at,"
    " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,"
    " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,"
    " (SELECT count(*) FROM actors x WHERE x.article_id = a.id) AS actors"
)


def article_filter(*, q: str | None = None, since: str | None = None, until: str | None = None,
                   outlet: str | None = None, actor: str | None = None, alias: str = "a") -> Where:
    """Conditions on articles (table alias ``alias``): full text, publication date, outlet, an actor named."""
    w = Where()
    if q and fts_match(q):
        w.add(f"{alias}.id IN (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?)", fts_match(q))
    w.since_until(f"{alias}.published", since, until)
    if outlet:
        w.add(f"{alias}.outlet = ? COLLATE NOCASE", outlet)
    if actor:
        w.add(f"EXISTS (SELECT 1 FROM actors x WHERE x.article_id = {alias}.id AND x.name LIKE ? ESCAPE '\\')",
              _like(actor))
    return w


def list_articles(conn: sqlite3.Connection, *, q: str | None = None, since: str | None = None,
                  until: str | None = None, outlet: str | None = None, actor: str | None = None,
                  limit: int = 50, offset: int = 0, memo: Memo = no_memo) -> tuple[list[dict[str, Any]], int]:
    """Articles, newest first (undated last), with their numbers of quotes, events and actors."""
    where = article_filter(q=q, since=since, until=until, outlet=outlet, actor=actor)
    rows, total = _page(conn, "a", "articles a", ARTICLE_SELECT, where,
                        "a.published IS NULL, a.published DESC, a.id", limit, offset, memo)
    return [{**_plain(r), "authors": json.loads(r["authors"])} for r in rows], total


def article_meta(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute(ARTICLE_SELECT + " FROM articles a WHERE a.id = ?", (article_id,)).fetchone()
    return {**_plain(row), "authors": json.loads(row["authors"])} if row else None


def article_analysis(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The stored analysis object of one article, as the JSON text it was stored as."""
    row = conn.execute("SELECT analysis FROM articles WHERE id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else None


def outlets(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1")]


# -- quotes -----------------------------------------------------------------------------------------
QUOTE_TABLES = "quotes q JOIN articles a ON a.id = q.article_id"
QUOTE_SELECT = (
    "SELECT q.rowid AS _rid, q.article_id, q.quote_id, q.kind, q.text, q.start, q.\"end\", q.speaker_id,"
    " q.speaker_name AS speaker, q.speaker_mention, q.cue, q.date, q.date_basis, q.date_precision,"
    " a.title, a.published, a.outlet"
)


def list_quotes(conn: sqlite3.Connection, *, speaker: str | None = None, q: str | None = None,
                since: str | None = None, until: str | None = None, article: str | None = None,
                limit: int = 50, offset: int = 0, memo: Memo = no_memo) -> tuple[list[dict[str, Any]], int]:
    """Quotes, most recent first; dated by when they were said, else by the article's publication."""
    w = Where()
    if speaker:
        w.add("q.speaker_name LIKE ? ESCAPE '\\'", _like(speaker))
    if q and fts_match(q):
        w.add("(q.article_id, q.quote_id) IN (SELECT article_id, quote_id FROM quotes_fts WHERE quotes_fts MATCH ?)",
              fts_match(q))
    w.since_until("coalesce(q.date, a.published)", since, until)
    if article:
        w.add("q.article_id = ?", article)
    rows, total = _page(conn, "q", QUOTE_TABLES, QUOTE_SELECT, w, "coalesce(q.date, a.published) IS NULL, "
                        "coalesce(q.date, a.published) DESC, q.article_id, q.start", limit, offset, memo)
    return [_plain(r) for r in rows], total


# -- events -----------------------------------------------------------------------------------------
EVENT_TABLES = "events e JOIN articles a ON a.id = e.article_id"
EVENT_SELECT = (
    "SELECT e.rowid AS _rid, e.article_id, e.event_id, e.type, e.mode, e.context, e.cameo, e.actors, e.actor_names,"
    " e.recipients, e.recipient_names, e.date, e.date_text, e.date_precision, e.status, e.source_id,"
    " e.source_name, e.quote_id, e.evidence, e.evidence_start, e.evidence_end, e.confidence,"
    " a.title, a.published, a.outlet"
)


def list_events(conn: sqlite3.Connection, *, type: str | None = None, actor: str | None = None,
                recipient: str | None = None, status: str | None = None, since: str | None = None,
                until: str | None = None, article: str | None = None, limit: int = 50,
                offset: int = 0, memo: Memo = no_memo) -> tuple[list[dict[str, Any]], int]:
    """Events, most recent first; dated by when they happened, else by the article's publication.
    ``actor``/``recipient`` match a name (case-insensitive substring) among the event's actors/recipients."""
    w = Where()
    if type:
        w.add("e.type = ?", type.upper())
    if actor:
        w.add("e.actor_names LIKE ? ESCAPE '\\'", _like(actor))
    if recipient:
        w.add("e.recipient_names LIKE ? ESCAPE '\\'", _like(recipient))
    if status:
        w.add("e.status = ?", status.lower())
    w.since_until("coalesce(e.date, a.published)", since, until)
    if article:
        w.add("e.article_id = ?", article)
    rows, total = _page(conn, "e", EVENT_TABLES, EVENT_SELECT, w, "coalesce(e.date, a.published) IS NULL, "
                        "coalesce(e.date, a.published) DESC, e.article_id, e.evidence_start", limit, offset, memo)
    return [_event(r) for r in rows], total


def _event(r: sqlite3.Row) -> dict[str, Any]:
    actors = zip(json.loads(r["actors"]), json.loads(r["actor_names"]), strict=False)
    recipients = zip(json.loads(r["recipients"]), json.loads(r["recipient_names"]), strict=False)
    row = {k: r[k] for k in r.keys() if k not in ("_rid", "actors", "actor_names", "recipients", "recipient_names")}
    row["context"] = json.loads(r["context"])
    row["actors"] = [{"id": i, "name": n} for i, n in actors]
    row["recipients"] = [{"id": i, "name": n} for i, n in recipients]
    return row


# -- search -----------------------------------------------------------------------------------------
def marked(snippet: str) -> tuple[str, str]:
    """An FTS5 snippet with our markers as (plain text, HTML-escaped text with ``<mark>`` around hits)."""
    plain = snippet.replace(HIT_START, "").replace(HIT_END, "")
    shown = html.escape(snippet, quote=False).replace(HIT_START, "<mark>").replace(HIT_END, "</mark>")
    return plain, shown


# what each kind of hit is searched in: its FTS5 table, the column its snippet comes from, its own fields
SEARCH_KINDS = {
    "quote": ("quotes_fts", 3, "f.quote_id, f.speaker"),
    "article": ("articles_fts", 2, "NULL AS quote_id, NULL AS speaker"),
}


def search(conn: sqlite3.Connection, query: str, *, what: str = "all", since: str | None = None,
           until: str | None = None, outlet: str | None = None, actor: str | None = None,
           limit: int = 20, offset: int = 0, memo: Memo = no_memo) -> dict[str, Any]:
    """Full-text hits in quotes and article text, best first, each with a highlighted snippet.

    Returns ``{"query", "match", "items", "total"}``: ``match`` is the FTS5 expression run; ``total``
    counts the hits of every kind asked for. A malformed FTS5 expression is a QueryError. Hits are
    ranked first (bm25) and snippets made only for the page asked for."""
    match = fts_match(query)
    if not match:
        return {"query": query, "match": "", "items": [], "total": 0}
    w = article_filter(since=since, until=until, outlet=outlet, actor=actor)
    extra = "".join(f" AND {p}" for p in w.parts)
    kinds = [k for k in SEARCH_KINDS if what in ("all", k + "s")]
    union = " UNION ALL ".join(
        f"SELECT '{k}' AS kind, f.rowid AS rid, rank FROM {SEARCH_KINDS[k][0]} f JOIN articles a ON a.id = f.article_id"
        f" WHERE {SEARCH_KINDS[k][0]} MATCH ?{extra}" for k in kinds)
    params = [x for _ in kinds for x in (match, *w.params)]
    sql = f"SELECT kind, rid FROM ({union}) ORDER BY rank, kind, rid"
    ranked = memo(("search", sql, tuple(params)), lambda: [(r["kind"], r["rid"]) for r in _run(conn, sql, params)])
    page, total = ranked[offset:offset + limit], len(ranked)
    found: dict[tuple[str, int], sqlite3.Row] = {}
    for k in kinds:
        rids = [rid for kind, rid in page if kind == k]
        if rids:
            table, column, fields = SEARCH_KINDS[k]
            sql = (f"SELECT f.rowid AS rid, f.article_id, {fields}, a.title, a.published, a.outlet,"
                   f" snippet({table}, {column}, char(2), char(3), '…', 24) AS snip"
                   f" FROM {table} f JOIN articles a ON a.id = f.article_id WHERE {table} MATCH ?"
                   f" AND f.rowid IN ({','.join('?' * len(rids))})")
            found.update({(k, r["rid"]): r for r in _run(conn, sql, [match, *rids])})
    items = [_hit(kind, found[(kind, rid)]) for kind, rid in page if (kind, rid) in found]
    return {"query": query, "match": match, "items": items, "total": total}


def _hit(kind: str, r: sqlite3.Row) -> dict[str, Any]:
    plain, shown = marked(r["snip"])
    return {"kind": kind, "article_id": r["article_id"], "quote_id": r["quote_id"], "speaker": r["speaker"] or None,
            "title": r["title"], "published": r["published"], "outlet": r["outlet"], "snippet": plain,
            "snippet_html": shown}
