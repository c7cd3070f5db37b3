"""Positions and contradictions of one global actor, from its events, quotes and incidents.

- ``counterparts``: every other global actor it acted on or that acted on it, with event counts and
  the cooperation/conflict split of their PLOVER quad classes;
- ``positions``: counts of its events by counterpart, type, status and month;
- ``statements``: its REQUEST, REJECT, AGREE, ACCUSE and THREATEN events, each with the quote that
  carries it when the analysis linked one (the evidence sentence otherwise);
- ``contradictions``: incidents where one actor asserts (as the source of an asserted, reported or
  alleged report) and another denies (as the source of a negated report, or, when the denial names
  no source, as the actor of the denied act), with the actor among the two sides.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from communique.corpus.common import links as links_of
from communique.corpus.common import names
from communique.corpus.incidents import AFFIRMING

STATEMENT_TYPES = frozenset({"REQUEST", "REJECT", "AGREE", "ACCUSE", "THREATEN"})


def counterparts(as_actor: list[dict[str, Any]], as_recipient: list[dict[str, Any]], key: str,
                 quads: dict[str, str]) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for events, side in ((as_actor, "recipients"), (as_recipient, "actors")):
        for e in events:
            quad = quads.get(e["type"], "")
            for other in e[side]:
                if other["key"] == key or other["key"].startswith("local:"):
                    continue
                c = found.setdefault(other["key"], {"key": other["key"], "name": other["name"], "events": 0,
                                                    "cooperation": 0, "conflict": 0})
                c["events"] += 1
                c["cooperation"] += "cooperation" in quad
                c["conflict"] += "conflict" in quad
    return sorted(found.values(), key=lambda c: (-c["events"], c["key"]))


def positions(as_actor: list[dict[str, Any]], as_recipient: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Counts of events by counterpart (None: none coded), role, type, status and month."""
    counted: Counter[tuple[str | None, str, str, str, str]] = Counter()
    for events, role, side in ((as_actor, "actor", "recipients"), (as_recipient, "recipient", "actors")):
        for e in events:
            month = (e["date"] or e["published"] or "")[:7]
            others = [o["key"] for o in e[side] if o["key"] != key] or [None]
            for other in others:
                counted[(other, role, e["type"], e["status"], month)] += 1
    return [{"counterpart": k[0], "role": k[1], "type": k[2], "status": k[3], "month": k[4], "events": n}
            for k, n in sorted(counted.items(), key=lambda kv: (kv[0][4], str(kv[0][0]), kv[0][1:4]))]


def statements(as_actor: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {(q["article_id"], q["quote_id"]): q["text"] for q in quotes}
    out = []
    for e in as_actor:
        if e["type"] in STATEMENT_TYPES:
            quote = by_id.get((e["article_id"], e.get("quote_id")))
            out.append({**{k: e[k] for k in ("article_id", "event_id", "type", "status", "date", "published",
                                               "outlet", "recipients")}, "quote": quote or e["evidence"]})
    return out


_SIDES = """SELECT x.incident_id, i.type, i.date, e.article_id, e.status, e.source_id, e.actors, q.text, e.evidence
    FROM incident_events x JOIN incidents i ON i.id = x.incident_id
    JOIN events e ON e.article_id = x.article_id AND e.event_id = x.event_id
    LEFT JOIN quotes q ON q.article_id = e.article_id AND q.quote_id = e.quote_id
    WHERE x.incident_id IN (SELECT incident_id FROM incident_keys WHERE key = ?) AND i.contested = 1
    ORDER BY i.date, x.incident_id, e.article_id, e.rowid"""


def contradictions(conn: sqlite3.Connection, key: str, *, since: str | None = None,
                   until: str | None = None) -> list[dict[str, Any]]:
    rows = conn.execute(_SIDES, (key,)).fetchall()
    links = links_of(conn, {r[3] for r in rows})
    known = names(conn, {k for m in links.values() for k in m.values()})
    found: dict[str, dict[str, Any]] = {}
    for inc, typ, when, art, status, source, actors, quote, evidence in rows:
        if (since and (when or "")[:len(since)] < since) or (until and (when or "9999")[:len(until)] > until):
            continue
        m = links.get(art, {})
        c = found.setdefault(inc, {"incident": inc, "type": typ, "date": when, "asserted_by": [], "denied_by": []})
        who = [m[source]] if source in m else []
        if status == "negated" and not who:
            who = [m[a] for a in json.loads(actors) if a in m]
        side = "denied_by" if status == "negated" else "asserted_by" if status in AFFIRMING else None
        for k in who:
            if side and not k.startswith("local:"):
                c[side].append({"key": k, "name": known.get(k, k), "article_id": art, "quote": quote or evidence})
    out = []
    for c in found.values():
        pro, con = {x["key"] for x in c["asserted_by"]}, {x["key"] for x in c["denied_by"]}
        if pro and con and pro != con and key in pro | con:
            out.append(c)
    return out
