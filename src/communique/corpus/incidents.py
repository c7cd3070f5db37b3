"""Incidents: the events of different articles that report one happening, merged incrementally.

Construction. Every event of a counted article (not a duplicate story) gets facts: its PLOVER type, a
date window and, for each side (actors, recipients), a set of tokens -- the global keys of its actors
that are not local to the article, plus the countries those actors are coded to (international codes
aside), so "Russia", "Russian forces" and "the Kremlin" agree. Two events are *compatible* when

- their types are the same;
- their windows overlap: a day-precision date stated in the text (explicit or relative) is that day; a
  coarser date is its whole week, month, year or decade; an event dated only by its report or the
  publication, or undated, spans ``incident_window_days`` before the publication date up to it;
- no side conflicts (both known and sharing no token) and at least one side agrees (shares a token):
  "one side unknown and the rest agrees". For the symmetric types (CONSULT, COOPERATE: "A met B" is
  "B met A") the parties of both sides together, places aside, must share a token.

An incident is a connected group of compatible events (single link). Adding an article unites its
events with the incidents they are compatible with; removing one recomputes the groups of the
incidents it was in. Both give exactly the connected groups of the whole corpus, so the same corpus
gives the same incidents in any ingest order; an incident's id is a hash of its smallest member.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from typing import Any

from communique.corpus.keys import INTERNATIONAL
from communique.records import date_precision

EXACT_BASES = frozenset({"explicit", "relative"})
# types whose actors and recipients are interchangeable parties ("A met B", "A and B cooperated")
SYMMETRIC = frozenset({"CONSULT", "COOPERATE"})
# the status an article reported an incident under, when it holds several of its events: the firmest first
STATUS_ORDER = ("asserted", "reported", "alleged", "negated", "hypothetical", "future")
AFFIRMING = frozenset({"asserted", "reported", "alleged"})
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4, "none": 5}
Member = tuple[str, str]  # (article id, event id)


@dataclass(frozen=True, slots=True)
class Facts:
    article_id: str
    event_id: str
    type: str
    lo: str
    hi: str
    actors: frozenset[str]
    recipients: frozenset[str]

    @property
    def member(self) -> Member:
        return (self.article_id, self.event_id)


def window(value: str | None, basis: str | None, published: str | None, days: int) -> tuple[str, str]:
    """The date window of an event (ISO days, inclusive); ``("", "")`` when nothing dates it."""
    precision = date_precision(value)
    if value and precision == "day" and (basis in EXACT_BASES or basis is None and value != (published or "")[:10]):
        return value[:10], value[:10]
    if value and precision not in ("day", "none"):
        return _coarse(value, precision)
    anchor = (value if value and precision == "day" else published or "")[:10]
    if date_precision(anchor) != "day":
        return "", ""
    end = date.fromisoformat(anchor)
    return (end - timedelta(days=days)).isoformat(), anchor


def _coarse(value: str, precision: str) -> tuple[str, str]:
    if precision == "week":
        year, week = int(value[:4]), int(value[6:8])
        start = date.fromisocalendar(year, week, 1)
        return start.isoformat(), (start + timedelta(days=6)).isoformat()
    if precision == "month":
        y, m = int(value[:4]), int(value[5:7])
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return f"{value[:7]}-01", (nxt - timedelta(days=1)).isoformat()
    if precision == "year":
        return f"{value[:4]}-01-01", f"{value[:4]}-12-31"
    return f"{value[:3]}0-01-01", f"{value[:3]}9-12-31"


def tokens(keys: list[tuple[str, str | None]]) -> frozenset[str]:
    """A side's tokens: its non-local keys, and ``@CC`` for each country they are coded to (not for a
    place: a town attacked names the town, a venue of talks is no party to them)."""
    out: set[str] = set()
    for key, country in keys:
        if key.startswith("local:"):
            continue
        out.add(key)
        if country and country not in INTERNATIONAL and not key.startswith("place:"):
            out.add(f"@{country}")
    return frozenset(out)


def _side(a: frozenset[str], b: frozenset[str]) -> int:
    """1 agree, 0 unknown, -1 conflict."""
    if not a or not b:
        return 0
    return 1 if a & b else -1


def compatible(x: Facts, y: Facts) -> bool:
    if x.type != y.type or not x.lo or not y.lo or x.lo > y.hi or y.lo > x.hi:
        return False
    if x.type in SYMMETRIC:  # "A met B" and "B met A": the parties on either side, places aside
        return _side(_parties(x), _parties(y)) == 1
    sides = (_side(x.actors, y.actors), _side(x.recipients, y.recipients))
    return -1 not in sides and 1 in sides


def _parties(f: Facts) -> frozenset[str]:
    return frozenset(t for t in f.actors | f.recipients if not t.startswith("place:"))


def article_facts(conn: sqlite3.Connection, article_id: str, days: int) -> list[Facts]:
    """The incident facts of every event of one stored, actor-linked article."""
    art = conn.execute("SELECT published FROM articles WHERE id=?", (article_id,)).fetchone()
    if art is None:
        return []
    coded = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT l.actor_id, l.key, a.country FROM actor_links l JOIN actors a"
        " ON a.article_id = l.article_id AND a.actor_id = l.actor_id WHERE l.article_id=?", (article_id,))}
    out = []
    for r in conn.execute("SELECT event_id, type, date, date_basis, actors, recipients FROM events WHERE article_id=?"
                          " ORDER BY rowid", (article_id,)):
        lo, hi = window(r[2], r[3], art[0], days)
        sides = [tokens([coded[i] for i in json.loads(r[k]) if i in coded]) for k in (4, 5)]
        out.append(Facts(article_id, r[0], r[1], lo, hi, sides[0], sides[1]))
    return out


def _stored(row: Any) -> Facts:
    return Facts(row[0], row[1], row[2], row[3], row[4], frozenset(json.loads(row[5])), frozenset(json.loads(row[6])))


_FACTS = "SELECT article_id, event_id, type, lo, hi, actors, recipients, incident_id FROM incident_events"


def _wide(lo: str, hi: str, days: int) -> bool:
    """A window longer than an undated event's (a week, month, year or decade)."""
    return bool(lo) and (date.fromisoformat(hi) - date.fromisoformat(lo)).days > days


def candidates(conn: sqlite3.Connection, f: Facts, days: int) -> list[Any]:
    """Stored events of other articles whose window may overlap ``f``'s: narrow windows (at most ``days``
    long) starting from ``days`` before ``f`` to its end, through the index; wide ones by overlap."""
    if not f.lo:
        return []
    start = (date.fromisoformat(f.lo) - timedelta(days=days)).isoformat()
    narrow = conn.execute(_FACTS + " WHERE type=? AND wide=0 AND lo BETWEEN ? AND ? AND hi>=? AND article_id<>?",
                          (f.type, start, f.hi, f.lo, f.article_id)).fetchall()
    wide = conn.execute(_FACTS + " WHERE type=? AND wide=1 AND lo<=? AND hi>=? AND article_id<>?",
                        (f.type, f.hi, f.lo, f.article_id)).fetchall()
    return narrow + wide


def attach(conn: sqlite3.Connection, article_id: str, days: int) -> None:
    """Add a counted article's events to the incidents: each joins (and unites) the incidents it is
    compatible with, or starts its own."""
    new = article_facts(conn, article_id, days)
    if not new:
        return
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for f in new:
        find(f"e\t{f.article_id}\t{f.event_id}")
        node = f"e\t{f.article_id}\t{f.event_id}"
        for row in candidates(conn, f, days):
            joined = f"i\t{row[7]}" in parent and find(f"i\t{row[7]}") == find(node)
            if not joined and compatible(f, _stored(row)):
                union(node, f"i\t{row[7]}")
    for x, y in combinations(new, 2):
        if compatible(x, y):
            union(f"e\t{x.article_id}\t{x.event_id}", f"e\t{y.article_id}\t{y.event_id}")
    conn.executemany(
        "INSERT OR REPLACE INTO incident_events (article_id, event_id, incident_id, type, lo, hi, wide, actors,"
        " recipients) VALUES (?,?,'',?,?,?,?,?,?)",
        [(f.article_id, f.event_id, f.type, f.lo, f.hi, int(_wide(f.lo, f.hi, days)), json.dumps(sorted(f.actors)),
          json.dumps(sorted(f.recipients))) for f in new])
    groups: dict[str, list[str]] = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    for nodes in groups.values():
        members = [(n.split("\t")[1], n.split("\t")[2]) for n in nodes if n.startswith("e\t")]
        old = [n.split("\t")[1] for n in nodes if n.startswith("i\t")]
        for inc in old:
            members += [(r[0], r[1]) for r in conn.execute(
                "SELECT article_id, event_id FROM incident_events WHERE incident_id=?", (inc,))]
        _drop(conn, old)
        write_incident(conn, members)


def detach(conn: sqlite3.Connection, article_id: str) -> None:
    """Take an article's events out of the incidents and split what no longer holds together."""
    touched = [r[0] for r in conn.execute(
        "SELECT DISTINCT incident_id FROM incident_events WHERE article_id=?", (article_id,))]
    conn.execute("DELETE FROM incident_events WHERE article_id=?", (article_id,))
    for inc in touched:
        rest = [_stored(r) for r in conn.execute(_FACTS + " WHERE incident_id=?", (inc,))]
        _drop(conn, [inc])
        for group in _components(rest):
            write_incident(conn, group)


def _components(facts: list[Facts]) -> list[list[Member]]:
    parent = {f.member: f.member for f in facts}

    def find(x: Member) -> Member:
        while parent[x] != x:
            x = parent[x]
        return x

    for x, y in combinations(facts, 2):
        if compatible(x, y):
            rx, ry = find(x.member), find(y.member)
            if rx != ry:
                parent[max(rx, ry)] = min(rx, ry)
    groups: dict[Member, list[Member]] = {}
    for f in facts:
        groups.setdefault(find(f.member), []).append(f.member)
    return list(groups.values())


def _drop(conn: sqlite3.Connection, ids: list[str]) -> None:
    for inc in ids:
        conn.execute("DELETE FROM incidents WHERE id=?", (inc,))
        conn.execute("DELETE FROM incident_keys WHERE incident_id=?", (inc,))


def incident_id(members: list[Member]) -> str:
    first = min(members)
    return "inc-" + hashlib.sha1(f"{first[0]}\t{first[1]}".encode()).hexdigest()[:12]


def write_incident(conn: sqlite3.Connection, members: list[Member]) -> str:
    """Store one incident made of ``members`` (already in ``incident_events``): its row and its keys."""
    inc = incident_id(members)
    conn.executemany("UPDATE incident_events SET incident_id=? WHERE article_id=? AND event_id=?",
                     [(inc, a, e) for a, e in members])
    row = summarise(conn, inc)
    conn.execute(
        "INSERT OR REPLACE INTO incidents (id, type, date, lo, hi, first_reported, contested, articles, row)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        (inc, row["type"], row["date"], *_span(conn, inc, row["date"]), row["first_reported"],
         int(row["contested"]), len(row["articles"]), json.dumps(row, ensure_ascii=False)))
    keys = {(k, "actor") for k in row["actors"]} | {(k, "recipient") for k in row["recipients"]}
    keys |= {(k, "source") for k in row["sources"]}
    conn.executemany("INSERT OR IGNORE INTO incident_keys (incident_id, key, role) VALUES (?,?,?)",
                     [(inc, k, role) for k, role in sorted(keys)])
    return inc


_MEMBERS = """SELECT e.article_id, e.event_id, e.type, e.mode, e.cameo, e.date, e.date_precision, e.status,
    e.source_id, e.actors, e.recipients, a.published, a.outlet, i.lo, i.hi
    FROM incident_events i JOIN events e ON e.article_id = i.article_id AND e.event_id = i.event_id
    JOIN articles a ON a.id = e.article_id WHERE i.incident_id = ? ORDER BY e.article_id, e.event_id"""


# the global keys of the actors, recipients and sources of an incident's member events (only those)
_KEYED = """SELECT l.article_id, l.actor_id, l.key FROM incident_events i
    JOIN events e ON e.article_id = i.article_id AND e.event_id = i.event_id
    JOIN actor_links l ON l.article_id = e.article_id
    WHERE i.incident_id = ? AND (l.actor_id = e.source_id
        OR l.actor_id IN (SELECT value FROM json_each(e.actors)) OR l.actor_id IN (SELECT value FROM json_each(e.recipients)))"""


def summarise(conn: sqlite3.Connection, inc: str) -> dict[str, Any]:
    """The incident's row (keys only; names are added when it is read)."""
    rows = conn.execute(_MEMBERS, (inc,)).fetchall()
    arts = sorted({r[0] for r in rows})
    keyed = {(r[0], r[1]): r[2] for r in conn.execute(_KEYED, (inc,))}
    actors: Counter[str] = Counter()
    recipients: Counter[str] = Counter()
    statuses: dict[str, str] = {}
    affirm: set[str] = set()
    deny: set[str] = set()
    sources: set[str] = set()
    for r in rows:
        actors.update({keyed[(r[0], x)] for x in json.loads(r[9]) if (r[0], x) in keyed})
        recipients.update({keyed[(r[0], x)] for x in json.loads(r[10]) if (r[0], x) in keyed})
        old = statuses.get(r[0])
        if old is None or STATUS_ORDER.index(r[7]) < STATUS_ORDER.index(old):
            statuses[r[0]] = r[7]
        src = keyed.get((r[0], r[8])) if r[8] else None
        if src:
            sources.add(src)
        (deny if r[7] == "negated" else affirm if r[7] in AFFIRMING else set()).add(src or f"article:{r[0]}")
    published = sorted(r[11] for r in rows if r[11])
    return {
        "id": inc, "type": rows[0][2], "mode": _most([r[3] for r in rows]), "cameo": _most([r[4] for r in rows]),
        "actors": _ranked(actors), "recipients": _ranked(recipients),
        "date": best_date([(r[5], r[6]) for r in rows]),
        "date_range": _range(rows),
        "articles": arts, "outlets": sorted({r[12] for r in rows if r[12]}),
        "first_reported": published[0] if published else None,
        "statuses": {a: statuses[a] for a in arts},
        "contested": bool(affirm and deny and (affirm - deny or deny - affirm)),
        "sources": sorted(sources),
    }


def _span(conn: sqlite3.Connection, inc: str, best: str | None) -> tuple[str, str]:
    """The incident's sort date (the first day of its best date, else of its members' windows) and the
    last day its members' windows reach; ISO days, so they order and filter as text."""
    lo, hi = conn.execute("SELECT min(nullif(lo, '')), max(nullif(hi, '')) FROM incident_events WHERE incident_id=?",
                          (inc,)).fetchone()
    precision = date_precision(best)
    if best and precision == "day":
        lo = best[:10]
    elif best and precision != "none":
        lo = _coarse(best, precision)[0]
    return lo or "", hi or ""


def _most(values: list[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return min(counted, key=lambda v: (-counted[v], v)) if counted else None


def _ranked(counts: Counter[str]) -> list[str]:
    return sorted(counts, key=lambda k: (-counts[k], k))


def best_date(dates: list[tuple[str | None, str | None]]) -> str | None:
    """The best-supported date: among the finest precision stated, the most frequent, then the earliest."""
    known = [(d, p or date_precision(d)) for d, p in dates if d]
    if not known:
        return None
    finest = min(PRECISION_RANK.get(p, 5) for _, p in known)
    counted = Counter(d for d, p in known if PRECISION_RANK.get(p, 5) == finest)
    return min(counted, key=lambda d: (-counted[d], d))


def _range(rows: list[Any]) -> list[str | None]:
    """The earliest and latest dates the reports give (as stated, any precision); None when none does."""
    dated = sorted(r[5] for r in rows if r[5])
    return [dated[0], dated[-1]] if dated else [None, None]
