"""Read functions over a store's corpus tables: what the CLI and the web show (one query path).

Pure reads over an open ``sqlite3.Connection`` of a Communique store; every function returns plain
JSON-able dicts and lists. Filters are optional keyword arguments (None: no filter); dates are ISO
strings and ``since``/``until`` compare on the date prefix ("2025-03" keeps all of March). Duplicate
stories (the members of a story other than its representative) are left out unless
``with_duplicates=True``. Actors local to one article (``local:`` keys) are not listed by
``list_actors`` but have pages. The interface is fixed by the web (issue 12): fields may be added,
never renamed or dropped.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from communique import data
from communique.corpus.common import links, named, names
from communique.corpus.positions import contradictions, counterparts, positions, statements

NOT_DUPLICATE = "{col} NOT IN (SELECT article_id FROM story_members WHERE representative=0)"
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def quad_of_type() -> dict[str, str]:
    """PLOVER type -> quad class (``plover_quad.tsv``)."""
    return {r[0]: r[1] for r in data.rows("plover_quad.tsv")}


def _like(text: str) -> str:
    return "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _when(col: str, since: str | None, until: str | None, where: list[str], args: list[Any]) -> None:
    """Date-prefix filters on ``col``: since <= prefix of the date <= until."""
    if since:
        where.append(f"substr({col}, 1, {len(since)}) >= ?")
        args.append(since)
    if until:
        where.append(f"substr({col}, 1, {len(until)}) <= ?")
        args.append(until)


def _aliases(conn: sqlite3.Connection, keys: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {k: [] for k in keys}
    if keys:
        marks = ",".join("?" * len(keys))
        for k, alias in conn.execute(f"SELECT DISTINCT key, alias FROM actor_aliases WHERE key IN ({marks})"
                                     " ORDER BY key, alias", keys):
            out[k].append(alias)
    return out


# -- actors -----------------------------------------------------------------------------------------

_ACTOR_COUNTS = """SELECT c.key, c.name, c.type, c.country, c.sector, count(DISTINCT l.article_id) AS articles,
    sum(l.quotes) AS quotes, sum(l.events) AS events FROM corpus_actors c JOIN actor_links l ON l.key = c.key"""


def list_actors(conn: sqlite3.Connection, *, q: str | None = None, country: str | None = None,
                type: str | None = None, limit: int = 50, offset: int = 0,
                with_duplicates: bool = False) -> tuple[list[dict[str, Any]], int]:
    """Global actors with their aliases and article, quote and event counts; most active first."""
    where, args = ["c.kind <> 'local'"], []
    if not with_duplicates:
        where.append(NOT_DUPLICATE.format(col="l.article_id"))
    if country:
        where.append("c.country = ?")
        args.append(country)
    if type:
        where.append("c.type = ?")
        args.append(type)
    if q:
        where.append("(lower(c.name) LIKE ? ESCAPE '\\' OR lower(c.key) LIKE ? ESCAPE '\\' OR c.key IN"
                     " (SELECT key FROM actor_aliases WHERE lower(alias) LIKE ? ESCAPE '\\'))")
        args += [_like(q)] * 3
    sql = f"{_ACTOR_COUNTS} WHERE {' AND '.join(where)} GROUP BY c.key"
    total = int(conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0])
    rows = conn.execute(f"{sql} ORDER BY sum(l.quotes) + sum(l.events) DESC, c.key LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    aliases = _aliases(conn, [r[0] for r in rows])
    return [_actor_row(r, aliases[r[0]]) for r in rows], total


def _actor_row(r: Any, aliases: list[str]) -> dict[str, Any]:
    return {"key": r[0], "name": r[1], "type": r[2], "country": r[3], "sector": r[4], "aliases": aliases,
            "articles": int(r[5] or 0), "quotes": int(r[6] or 0), "events": int(r[7] or 0)}


def find_actor(conn: sqlite3.Connection, key_or_name: str) -> str | None:
    """The key given, or the most active actor whose name or an alias is exactly (then partly) the text."""
    if conn.execute("SELECT 1 FROM corpus_actors WHERE key=?", (key_or_name,)).fetchone():
        return key_or_name
    for op, pattern in (("=", key_or_name.lower()), ("LIKE", _like(key_or_name))):
        escape = " ESCAPE '\\'" if op == "LIKE" else ""
        row = conn.execute(
            f"SELECT c.key FROM corpus_actors c JOIN actor_links l ON l.key = c.key WHERE lower(c.name) {op} ?{escape}"
            f" OR c.key IN (SELECT key FROM actor_aliases WHERE lower(alias) {op} ?{escape})"
            " GROUP BY c.key ORDER BY c.kind = 'local', sum(l.quotes) + sum(l.events) DESC, c.key LIMIT 1",
            (pattern, pattern)).fetchone()
        if row:
            return str(row[0])
    return None


def actor_page(conn: sqlite3.Connection, key: str, *, since: str | None = None,
               until: str | None = None) -> dict[str, Any] | None:
    """One actor: codes, aliases, quotes over time, events as actor and as recipient, counterparts,
    contradictions, and its positions (statements with their quotes)."""
    row = conn.execute(f"{_ACTOR_COUNTS} WHERE c.key=? AND {NOT_DUPLICATE.format(col='l.article_id')} GROUP BY c.key",
                       (key,)).fetchone()
    if row is None:
        base = conn.execute("SELECT key, name, type, country, sector, 0, 0, 0 FROM corpus_actors WHERE key=?",
                            (key,)).fetchone()
        if base is None:
            return None
        row = base
    page = _actor_row(row, _aliases(conn, [key])[key])
    page["quote_count"] = page["quotes"]  # the page's "quotes" is the list itself
    page["quotes"] = actor_quotes(conn, key, since=since, until=until)
    page["as_actor"] = actor_events(conn, key, "actors", since=since, until=until)
    page["as_recipient"] = actor_events(conn, key, "recipients", since=since, until=until)
    page["positions"] = positions(page["as_actor"], page["as_recipient"], key)
    page["counterparts"] = counterparts(page["as_actor"], page["as_recipient"], key, quad_of_type())
    page["contradictions"] = contradictions(conn, key, since=since, until=until)
    page["statements"] = statements(page["as_actor"], page["quotes"])
    return page


def actor_quotes(conn: sqlite3.Connection, key: str, *, since: str | None = None,
                 until: str | None = None) -> list[dict[str, Any]]:
    where, args = ["l.key = ?", NOT_DUPLICATE.format(col="l.article_id")], [key]
    _when("coalesce(q.date, a.published)", since, until, where, args)
    sql = ("SELECT q.article_id, q.quote_id, q.text, q.date, q.cue, a.published, a.outlet, a.title FROM actor_links l"
           " JOIN quotes q ON q.article_id = l.article_id AND q.speaker_id = l.actor_id"
           " JOIN articles a ON a.id = q.article_id"
           f" WHERE {' AND '.join(where)} ORDER BY coalesce(q.date, a.published), q.article_id, q.start")
    return [{"article_id": r[0], "quote_id": r[1], "text": r[2], "date": r[3], "cue": r[4], "published": r[5],
             "outlet": r[6], "title": r[7]} for r in conn.execute(sql, args)]


def actor_events(conn: sqlite3.Connection, key: str, side: str, *, since: str | None = None,
                 until: str | None = None) -> list[dict[str, Any]]:
    """Events of counted articles where the actor is among ``side`` ("actors" or "recipients")."""
    where, args = ["l.key = ?", NOT_DUPLICATE.format(col="l.article_id"),
                   f"EXISTS (SELECT 1 FROM json_each(e.{side}) j WHERE j.value = l.actor_id)"], [key]
    _when("coalesce(e.date, a.published)", since, until, where, args)
    sql = ("SELECT DISTINCT e.article_id, e.event_id, e.type, e.mode, e.cameo, e.date, e.status, e.evidence, e.actors,"
           " e.recipients, a.published, a.outlet, a.title, e.source_id, e.quote_id FROM actor_links l"
           " JOIN events e ON e.article_id = l.article_id JOIN articles a ON a.id = e.article_id"
           f" WHERE {' AND '.join(where)} ORDER BY coalesce(e.date, a.published), e.article_id, e.rowid")
    return event_rows(conn, conn.execute(sql, args).fetchall())


def event_rows(conn: sqlite3.Connection, rows: list[Any]) -> list[dict[str, Any]]:
    """Event rows with their actors and recipients as global keys and names."""
    linked = links(conn, {r[0] for r in rows})
    keys = {k for m in linked.values() for k in m.values()}
    known = names(conn, keys)
    out = []
    for r in rows:
        m = linked.get(r[0], {})
        out.append({
            "article_id": r[0], "event_id": r[1], "type": r[2], "mode": r[3], "cameo": r[4], "date": r[5],
            "status": r[6], "evidence": r[7],
            "actors": named([m[x] for x in json.loads(r[8]) if x in m], known),
            "recipients": named([m[x] for x in json.loads(r[9]) if x in m], known),
            "published": r[10], "outlet": r[11], "title": r[12],
            "source": named([m[r[13]]], known)[0] if r[13] in m else None, "quote_id": r[14],
        })
    return out


def article_actor_keys(conn: sqlite3.Connection, article_id: str) -> dict[str, str]:
    """Article actor id -> global key."""
    return {r[0]: r[1] for r in conn.execute("SELECT actor_id, key FROM actor_links WHERE article_id=?", (article_id,))}


# -- incidents --------------------------------------------------------------------------------------

INCIDENT_WHEN = "nullif(i.lo, '')"  # the first day of the incident's best date (or of its reports' windows)


def list_incidents(conn: sqlite3.Connection, *, type: str | None = None, actor: str | None = None,
                   recipient: str | None = None, status: str | None = None, country: str | None = None,
                   outlet: str | None = None, since: str | None = None, until: str | None = None,
                   contested: bool | None = None, limit: int = 50, offset: int = 0,
                   min_articles: int = 1) -> tuple[list[dict[str, Any]], int]:
    """Incidents, latest first (date desc: the first day of the best date, then id), with the filters given
    (``min_articles``: reported by at least that many counted articles)."""
    where, args = _incident_filters(type, actor, recipient, status, country, outlet, since, until, contested)
    if min_articles > 1:
        where.append("i.articles >= ?")
        args.append(min_articles)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    total = int(conn.execute(f"SELECT count(*) FROM incidents i{clause}", args).fetchone()[0])
    rows = [json.loads(r[0]) for r in conn.execute(
        f"SELECT i.row FROM incidents i{clause} ORDER BY i.lo DESC, i.id LIMIT ? OFFSET ?", [*args, limit, offset])]
    return with_names(conn, rows), total


def _incident_filters(type: str | None, actor: str | None, recipient: str | None, status: str | None,
                      country: str | None, outlet: str | None, since: str | None, until: str | None,
                      contested: bool | None) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if type:
        where.append("i.type = ?")
        args.append(type)
    for key, role in ((actor, "actor"), (recipient, "recipient")):
        if key:
            where.append("i.id IN (SELECT incident_id FROM incident_keys WHERE key=? AND role=?)")
            args += [key, role]
    if status:
        where.append("i.id IN (SELECT x.incident_id FROM incident_events x JOIN events e"
                     " ON e.article_id = x.article_id AND e.event_id = x.event_id WHERE e.status=?)")
        args.append(status)
    if country:
        where.append("i.id IN (SELECT k.incident_id FROM incident_keys k JOIN corpus_actors c ON c.key = k.key"
                     " WHERE c.country=? AND k.role IN ('actor', 'recipient'))")
        args.append(country)
    if outlet:
        where.append("i.id IN (SELECT x.incident_id FROM incident_events x JOIN articles a ON a.id = x.article_id"
                     " WHERE lower(a.outlet)=lower(?))")
        args.append(outlet)
    if contested is not None:
        where.append("i.contested = ?")
        args.append(int(contested))
    _when(INCIDENT_WHEN, since, until, where, args)
    return where, args


def with_names(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Incident rows as stored (keys) with ``actors``/``recipients`` as ``{"key","name"}``."""
    known = names(conn, {k for r in rows for k in r["actors"] + r["recipients"]})
    for r in rows:
        r["actors"] = named(r["actors"], known)
        r["recipients"] = named(r["recipients"], known)
        r["date_range"] = list(r["date_range"])
    return rows


def incident_page(conn: sqlite3.Connection, incident_id: str) -> dict[str, Any] | None:
    """One incident and each report of it: article, status, evidence, the source and its quote."""
    row = conn.execute("SELECT row FROM incidents WHERE id=?", (incident_id,)).fetchone()
    if row is None:
        return None
    page = with_names(conn, [json.loads(row[0])])[0]
    reports = conn.execute(
        "SELECT a.id, a.title, a.outlet, a.published, a.url, e.event_id, e.status, e.evidence, e.source_id, q.text"
        " FROM incident_events x JOIN events e ON e.article_id = x.article_id AND e.event_id = x.event_id"
        " JOIN articles a ON a.id = x.article_id"
        " LEFT JOIN quotes q ON q.article_id = e.article_id AND q.quote_id = e.quote_id"
        " WHERE x.incident_id=? ORDER BY a.published, a.id, e.rowid", (incident_id,)).fetchall()
    linked = links(conn, {r[0] for r in reports})
    known = names(conn, {k for m in linked.values() for k in m.values()})
    page["reports"] = [{
        "article_id": r[0], "title": r[1], "outlet": r[2], "published": r[3], "url": r[4], "event_id": r[5],
        "status": r[6], "evidence": r[7],
        "source": named([linked[r[0]][r[8]]], known)[0] if r[8] and r[8] in linked.get(r[0], {}) else None,
        "quote": r[9],
    } for r in reports]
    return page


# -- network, overview, stories -----------------------------------------------------------------------

def network(conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
            type: str | None = None, min_events: int = 1, limit: int = 200) -> dict[str, Any]:
    """Who acts on whom: one edge per (actor, recipient) pair of global actors, counting incidents."""
    where, args = ["a.role = 'actor'", "a.key NOT LIKE 'local:%'", "r.key NOT LIKE 'local:%'", "a.key <> r.key"], []
    if type:
        where.append("i.type = ?")
        args.append(type)
    _when(INCIDENT_WHEN, since, until, where, args)
    rows = conn.execute(
        "SELECT a.key, r.key, i.type, count(*) FROM incident_keys a"
        " JOIN incident_keys r ON r.incident_id = a.incident_id AND r.role = 'recipient'"
        f" JOIN incidents i ON i.id = a.incident_id WHERE {' AND '.join(where)} GROUP BY 1, 2, 3", args).fetchall()
    quads = quad_of_type()
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for src, dst, typ, n in rows:
        e = edges.setdefault((src, dst), {"source": src, "target": dst, "count": 0, "cooperation": 0, "conflict": 0,
                                          "verbal": 0, "material": 0})
        quad = quads.get(typ, "")
        e["count"] += n
        for part in ("cooperation", "conflict", "verbal", "material"):
            if part in quad:
                e[part] += n
    kept = sorted((e for e in edges.values() if e["count"] >= min_events),
                  key=lambda e: (-e["count"], e["source"], e["target"]))[:limit]
    weight: dict[str, int] = {}
    for e in kept:
        for k in (e["source"], e["target"]):
            weight[k] = weight.get(k, 0) + e["count"]
    info = {r[0]: r for r in conn.execute(
        f"SELECT key, name, country, sector FROM corpus_actors WHERE key IN ({','.join('?' * len(weight))})",
        sorted(weight))} if weight else {}
    nodes = [{"key": k, "name": info[k][1] if k in info else k, "country": info[k][2] if k in info else None,
              "sector": info[k][3] if k in info else None, "events": weight[k]} for k in sorted(weight)]
    return {"nodes": nodes, "edges": kept}


def overview(conn: sqlite3.Connection, *, with_duplicates: bool = False) -> dict[str, Any]:
    """What the corpus holds: counts, dates, incidents per day by quad class, latest incidents, most quoted."""
    counted = "1=1" if with_duplicates else NOT_DUPLICATE.format(col="article_id")
    counted_articles = "1=1" if with_duplicates else NOT_DUPLICATE.format(col="id")
    one = lambda sql, *a: conn.execute(sql, a).fetchone()[0]  # noqa: E731
    dates = conn.execute(f"SELECT min(published), max(published) FROM articles WHERE {counted_articles}"
                         ).fetchone()
    per_day: dict[str, dict[str, Any]] = {}
    quads = quad_of_type()
    for day, typ, n in conn.execute("SELECT date, type, count(*) FROM incidents WHERE length(date) = 10 GROUP BY 1, 2"
                                    " ORDER BY 1"):
        d = per_day.setdefault(day, {"date": day, **{q: 0 for q in QUADS}})
        if quads.get(typ) in d:
            d[quads[typ]] += n
    most = conn.execute(
        f"SELECT c.key, c.name, sum(l.quotes) AS n FROM actor_links l JOIN corpus_actors c ON c.key = l.key"
        f" WHERE c.kind <> 'local' AND {NOT_DUPLICATE.format(col='l.article_id')} GROUP BY c.key HAVING n > 0"
        " ORDER BY n DESC, c.key LIMIT 10").fetchall()
    return {
        "articles": int(one(f"SELECT count(*) FROM articles WHERE {counted_articles}")),
        "quotes": int(one(f"SELECT count(*) FROM quotes WHERE {counted}")),
        "events": int(one(f"SELECT count(*) FROM events WHERE {counted}")),
        "incidents": int(one("SELECT count(*) FROM incidents")),
        "actors": int(one("SELECT count(*) FROM corpus_actors WHERE kind <> 'local'")),
        "duplicates": int(one("SELECT count(*) FROM story_members WHERE representative=0")),
        "first_date": dates[0], "last_date": dates[1],
        "per_day": list(per_day.values()),
        "latest_incidents": list_incidents(conn, limit=10)[0],
        "most_quoted": [{"key": r[0], "name": r[1], "quotes": int(r[2])} for r in most],
    }


def list_stories(conn: sqlite3.Connection, *, limit: int = 1000, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Duplicate stories: the cluster id, its representative and its articles (the representative first),
    plus ``copies``: ids whose exact text was already stored under another id."""
    total = int(conn.execute("SELECT count(DISTINCT cluster) FROM story_members").fetchone()[0])
    clusters = [r[0] for r in conn.execute("SELECT DISTINCT cluster FROM story_members ORDER BY cluster LIMIT ? OFFSET ?",
                                           (limit, offset))]
    out = []
    for c in clusters:
        members = conn.execute("SELECT article_id, representative FROM story_members WHERE cluster=?"
                               " ORDER BY representative DESC, article_id", (c,)).fetchall()
        ids = [m[0] for m in members]
        marks = ",".join("?" * len(ids))
        copies = [r[0] for r in conn.execute(f"SELECT id FROM article_copies WHERE of_id IN ({marks}) ORDER BY id", ids)]
        out.append({"cluster": c, "representative": ids[0], "articles": ids, "copies": copies})
    return out, total


def timeline(conn: sqlite3.Connection, *, actor: str | None = None, type: str | None = None,
             status: str | None = None, country: str | None = None, outlet: str | None = None,
             since: str | None = None, until: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Incidents and the quotes of their sources (or of ``actor``), in date order."""
    common = {"type": type, "status": status, "country": country, "outlet": outlet, "since": since, "until": until,
              "limit": limit}
    rows, _ = list_incidents(conn, actor=actor, **common)  # type: ignore[arg-type]
    if actor:  # the actor's incidents as actor and as recipient
        seen = {r["id"] for r in rows}
        rows += [r for r in list_incidents(conn, recipient=actor, **common)[0]  # type: ignore[arg-type]
                 if r["id"] not in seen]
    items: list[dict[str, Any]] = [{"kind": "incident", "date": r["date"] or r["date_range"][0]
                                    or r["first_reported"], "incident": r} for r in rows]
    speakers = [actor] if actor else sorted({k for r in rows for k in r["sources"]})
    for key in speakers:
        for q in actor_quotes(conn, key, since=since, until=until):
            if outlet and (q["outlet"] or "").lower() != outlet.lower():
                continue
            items.append({"kind": "quote", "date": q["date"] or q["published"], "speaker": key, "quote": q})
    items.sort(key=lambda x: (x["date"] or "9999", x["kind"], json.dumps(x, sort_keys=True)[:200]))
    return items
