"""Keeps the corpus tables in step with the articles: one call when an article is written, one before
it is removed, and a full rebuild from the stored analyses.

On insert, in the article's own transaction: its actors are linked to global keys (``keys``), its
MinHash signature finds the stories it duplicates (``dedup``), the story's representative is chosen
again (an earlier article takes over, and the articles that stop or start being counted leave or join
the incidents), and, when it is counted, its events join the incidents (``incidents``). On removal
the same steps run backwards. Parameters the derived tables depend on (the duplicate threshold, the
incident window) are recorded; when the settings change them, the tables are rebuilt once.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from typing import Any, Literal

from communique.actors.gazetteer import gazetteer
from communique.corpus import dedup, incidents, keys
from communique.corpus.versions import ANALYSER, rules_hash
from communique.settings import Settings

DERIVED = ("actor_links", "actor_aliases", "corpus_actors", "story_signatures", "story_bands", "story_pairs",
           "story_members", "incident_events", "incidents", "incident_keys")


def params(settings: Settings) -> str:
    return json.dumps({"duplicate_threshold": settings.duplicate_threshold,
                       "incident_window_days": settings.incident_window_days,
                       "lsh": list(dedup.lsh_params(settings.duplicate_threshold))}, sort_keys=True)


class CorpusHook:
    """The store hook of an ingest or re-analysis run (see ``Store.add``). A failure of the corpus step
    (a bug, bad stored data) never costs the article: its corpus rows are rolled back to a savepoint,
    the article stays stored outside the corpus tables (``reanalyse --rebuild`` retries), and the
    failure is kept in ``errors`` as (article id, reason) for the caller to report."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.errors: list[tuple[str, str]] = []
        self._checked = False

    def __call__(self, conn: sqlite3.Connection, article_id: str, what: Literal["remove", "insert"]) -> None:
        conn.execute("SAVEPOINT corpus")
        try:
            if not self._checked:
                self._checked = True
                if stale_params(conn, self.settings):
                    rebuild(conn, self.settings)
            if what == "remove":
                remove_article(conn, article_id, self.settings)
            else:
                index_article(conn, article_id, self.settings, fresh=True)
        except Exception as e:  # the article is kept; only its corpus rows are dropped
            conn.execute("ROLLBACK TO SAVEPOINT corpus")
            self.errors.append((article_id, f"corpus indexing failed: {type(e).__name__}: {e}"))
        conn.execute("RELEASE SAVEPOINT corpus")


def hook(settings: Settings) -> CorpusHook:
    return CorpusHook(settings)


def stale_params(conn: sqlite3.Connection, settings: Settings) -> bool:
    row = conn.execute("SELECT value FROM corpus_meta WHERE name='params'").fetchone()
    indexed = conn.execute("SELECT 1 FROM actor_links LIMIT 1").fetchone() is not None
    return indexed and (row is None or row[0] != params(settings))


def index_article(conn: sqlite3.Connection, article_id: str, settings: Settings, *, fresh: bool) -> None:
    """Link, deduplicate and merge one stored article (``fresh``: its analysis was just made, so the
    analyser version and rule-data hash are recorded)."""
    link_actors(conn, article_id)
    text = conn.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()[0]
    dedup.add_signature(conn, article_id, text, settings.duplicate_threshold)
    _recluster(conn, dedup.component(conn, [article_id]), settings, new=article_id)
    conn.execute("INSERT OR REPLACE INTO corpus_meta (name, value) VALUES ('params', ?)", (params(settings),))
    if fresh:
        conn.execute("INSERT OR REPLACE INTO analysis_versions (article_id, analyser, rules_hash) VALUES (?,?,?)",
                     (article_id, ANALYSER, rules_hash()))


def _recluster(conn: sqlite3.Connection, members: set[str], settings: Settings, *, new: str | None) -> None:
    """Write one story and move the articles whose counted state changed in or out of the incidents."""
    before = {m: not dedup.is_duplicate(conn, m) for m in members if m != new}
    _, dups = dedup.write_cluster(conn, members)
    for m, was in sorted(before.items()):
        if was and m in dups:
            incidents.detach(conn, m)
    for m, was in sorted(before.items()):
        if not was and m not in dups:
            incidents.attach(conn, m, settings.incident_window_days)
    if new is not None and new not in dups:
        incidents.attach(conn, new, settings.incident_window_days)


def remove_article(conn: sqlite3.Connection, article_id: str, settings: Settings) -> None:
    """Take an article out of the corpus tables before its rows are deleted."""
    incidents.detach(conn, article_id)
    row = conn.execute("SELECT cluster FROM story_members WHERE article_id=?", (article_id,)).fetchone()
    rest: set[str] = set()
    if row is not None:
        rest = {r[0] for r in conn.execute("SELECT article_id FROM story_members WHERE cluster=?", (row[0],))}
        rest.discard(article_id)
    conn.execute("DELETE FROM story_members WHERE article_id=?", (article_id,))
    while rest:
        part = dedup.component(conn, [min(rest)], without=article_id)
        rest -= part
        _recluster(conn, part, settings, new=None)
    keys_of = [r[0] for r in conn.execute("SELECT DISTINCT key FROM actor_links WHERE article_id=?", (article_id,))]
    for table in ("actor_links", "actor_aliases", "story_signatures", "story_bands", "story_members"):
        conn.execute(f"DELETE FROM {table} WHERE article_id=?", (article_id,))
    conn.execute("DELETE FROM story_pairs WHERE a=? OR b=?", (article_id, article_id))
    for key in keys_of:
        _refresh_actor(conn, key, None)


def link_actors(conn: sqlite3.Connection, article_id: str) -> None:
    """Give every actor of the article its global key; record counts and aliases."""
    published = conn.execute("SELECT published FROM articles WHERE id=?", (article_id,)).fetchone()[0]
    quotes = Counter(r[0] for r in conn.execute("SELECT speaker_id FROM quotes WHERE article_id=?", (article_id,)))
    events: Counter[str] = Counter()
    for a, r in conn.execute("SELECT actors, recipients FROM events WHERE article_id=?", (article_id,)):
        events.update(set(json.loads(a)) | set(json.loads(r)))
    conn.execute("DELETE FROM actor_links WHERE article_id=?", (article_id,))
    conn.execute("DELETE FROM actor_aliases WHERE article_id=?", (article_id,))
    touched: dict[str, keys.GlobalKey] = {}
    for r in conn.execute("SELECT actor_id, name, type, country, sector, role, mentions FROM actors WHERE article_id=?"
                          " ORDER BY rowid", (article_id,)).fetchall():
        actor = {"id": r[0], "name": r[1], "type": r[2], "country": r[3], "sector": r[4], "role": r[5],
                 "mentions": json.loads(r[6])}
        gk = keys.actor_key(actor, article_id, published)
        conn.execute("INSERT INTO actor_links (article_id, actor_id, key, name, type, country, sector, quotes, events)"
                     " VALUES (?,?,?,?,?,?,?,?,?)",
                     (article_id, r[0], gk.key, gk.name, r[2], r[3], r[4], quotes.get(r[0], 0), events.get(r[0], 0)))
        conn.executemany("INSERT OR IGNORE INTO actor_aliases (key, alias, article_id) VALUES (?,?,?)",
                         [(gk.key, alias, article_id) for alias in keys.aliases(actor)])
        touched[gk.key] = gk
    for key, gk in sorted(touched.items()):
        _refresh_actor(conn, key, gk)


def _refresh_actor(conn: sqlite3.Connection, key: str, gk: keys.GlobalKey | None) -> None:
    """The corpus actor's name and codes: a table entry's own; otherwise the most frequent of its links
    (ties: the longest name, then the first in order), so they do not depend on ingest order."""
    if gk is not None and gk.kind in ("country", "officeholder", "body"):
        if conn.execute("SELECT 1 FROM corpus_actors WHERE key=?", (key,)).fetchone() is None:
            typ, country, sector = _table_codes(gk)
            conn.execute("INSERT INTO corpus_actors (key, name, type, country, sector, kind) VALUES (?,?,?,?,?,?)",
                         (key, gk.name, typ, country, sector, gk.kind))
        return
    rows = conn.execute("SELECT name, type, country, sector, count(*) FROM actor_links WHERE key=? GROUP BY 1, 2, 3, 4",
                        (key,)).fetchall()
    if not rows:
        conn.execute("DELETE FROM corpus_actors WHERE key=?", (key,))
        return
    counted = Counter({(r[0], r[1], r[2], r[3]): int(r[4]) for r in rows})
    name, typ, country, sector = min(counted, key=lambda c: (-counted[c], -len(c[0]), tuple(str(x) for x in c)))
    kind = gk.kind if gk is not None else key.split(":", 1)[0]
    conn.execute("INSERT OR REPLACE INTO corpus_actors (key, name, type, country, sector, kind) VALUES (?,?,?,?,?,?)",
                 (key, name, typ, country, sector, kind))


def _table_codes(gk: keys.GlobalKey) -> tuple[str, str | None, str | None]:
    gaz = gazetteer()
    if gk.kind == "country":
        return "country", gk.key.split(":", 1)[1], "GOV"
    if gk.kind == "officeholder":
        term = gaz.term_at(gk.name, None)
        return "person", term.country if term else None, (term.sector or None) if term else None
    body = gaz.body(gk.name)
    return (body.type, body.country, body.sector) if body else ("organization", None, None)


def rebuild(conn: sqlite3.Connection, settings: Settings,
            on_error: Callable[[str, str], None] = lambda _id, _reason: None) -> int:
    """Recompute every corpus table from the stored analyses, article by article in id order; the
    recorded analyser versions stay as they are. An article whose stored analysis cannot be indexed is
    reported to ``on_error`` and left out. Returns the number of articles indexed."""
    for table in DERIVED:
        conn.execute(f"DELETE FROM {table}")
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    done = 0
    for article_id in ids:
        conn.execute("SAVEPOINT corpus_article")
        try:
            index_article(conn, article_id, settings, fresh=False)
            done += 1
        except Exception as e:  # one bad stored analysis must not stop the others
            conn.execute("ROLLBACK TO SAVEPOINT corpus_article")
            on_error(article_id, f"corpus indexing failed: {type(e).__name__}: {e}")
        conn.execute("RELEASE SAVEPOINT corpus_article")
    conn.execute("INSERT OR REPLACE INTO corpus_meta (name, value) VALUES ('params', ?)", (params(settings),))
    return done


def unindexed(conn: sqlite3.Connection) -> int:
    """How many stored articles the corpus tables do not cover yet (a store from before migration 3)."""
    return int(conn.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_signatures)")
               .fetchone()[0])


def record_copy(conn: sqlite3.Connection, article: Any, owner: str) -> None:
    """Note an article whose exact text is stored under another id (``owner``): it is reported as a
    duplicate of it, listed with its story, and not analysed or counted again."""
    conn.execute(
        "INSERT OR REPLACE INTO article_copies (id, of_id, title, published, url, outlet, source) VALUES (?,?,?,?,?,?,?)",
        (article.id, owner, article.title, article.published, article.url, article.outlet, article.source))
