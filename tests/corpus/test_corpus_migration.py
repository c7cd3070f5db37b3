"""A store of schema 2 (before the corpus layer) opens, keeps its rows, and its articles join the corpus
views after `reanalyse --rebuild` (no NLP) or `reanalyse` (re-run, as their analysis is unrecorded)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from communique.corpus import views
from communique.corpus.index import unindexed
from communique.corpus.reanalyse import run
from communique.corpus.versions import stale_ids
from communique.records import Analysis
from communique.settings import Settings
from communique.store import MIGRATIONS, SCHEMA_VERSION, open_store


def _schema_two_store(db: Path, analyses: list[Analysis]) -> None:
    """A store as schema 2 wrote it: its tables only, with the articles the old code stored."""
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0])
    conn.executescript(MIGRATIONS[1])
    conn.execute("PRAGMA user_version=2")
    conn.commit()
    conn.close()
    with open_store(db) as store:  # migrates to the current schema; rows are written as before (no hook)
        for a in analyses:
            store.add(a)
    conn = sqlite3.connect(db)  # back to schema 2: drop what migration 3 made
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall():
        if name in {"actor_links", "actor_aliases", "corpus_actors", "story_signatures", "story_bands", "story_pairs",
                    "story_members", "article_copies", "incident_events", "incidents", "incident_keys",
                    "analysis_versions", "corpus_meta"}:
            conn.execute(f"DROP TABLE {name}")
    conn.execute("PRAGMA user_version=2")
    conn.commit()
    conn.close()


def test_corpus_schema_two_store_migrates_and_joins_the_views(tmp_path: Path, analyses: dict[str, Analysis]) -> None:
    db = tmp_path / "old.db"
    ids = ["b1-wire-geneva-talks", "b2-herald-geneva-talks", "b3-courier-geneva-talks"]
    _schema_two_store(db, [analyses[i] for i in ids])
    with open_store(db, create=False) as store:
        assert store.schema_version == SCHEMA_VERSION >= 3
        assert store.count("articles") == 3 and store.count("events") > 0
        assert unindexed(store.conn) == 3 and stale_ids(store.conn) == ids
        assert views.list_incidents(store.conn)[1] == 0
        counts = run(store, Settings(), rebuild_only=True)
        assert counts["indexed"] == 3 and counts["reanalysed"] == 0
        talks = [r for r in views.list_incidents(store.conn, type="CONSULT")[0] if len(r["articles"]) == 3]
        assert talks and talks[0]["articles"] == ids
        assert stale_ids(store.conn) == ids  # rebuilt from the stored analyses, still unrecorded
        counts = run(store, Settings())
        assert counts["reanalysed"] == 3 and counts["failed"] == 0 and stale_ids(store.conn) == []
        again = [r for r in views.list_incidents(store.conn, type="CONSULT")[0] if len(r["articles"]) == 3]
        assert again == talks and store.count("articles") == 3


def test_corpus_a_failed_re_run_keeps_the_article_and_reports_it(tmp_path: Path, analyses: dict[str, Analysis]) -> None:
    db = tmp_path / "s.db"
    with open_store(db) as store:
        for i in ("c1-wire-sudan-truce", "c2-herald-sudan-truce"):
            store.add(analyses[i])
        # a stored text spaCy refuses (over its 1,000,000-character limit): its re-run must fail
        store.conn.execute("UPDATE articles SET text = ? WHERE id = 'c1-wire-sudan-truce'", ("word " * 210_000,))
        before = store.count("events")
        errors: list[tuple[str, str]] = []
        counts = run(store, Settings(), on_error=lambda i, reason: errors.append((i, reason)))
        assert counts["reanalysed"] == 1 and counts["failed"] == 1
        assert [e[0] for e in errors] == ["c1-wire-sudan-truce"] and "analysis failed" in errors[0][1]
        assert store.count("articles") == 2 and store.count("events") == before
        assert stale_ids(store.conn) == ["c1-wire-sudan-truce"]
        assert unindexed(store.conn) == 0  # rebuilt over both, the failed one from its stored analysis


def test_corpus_a_stored_analysis_that_cannot_be_indexed_costs_only_its_corpus_rows(
        tmp_path: Path, analyses: dict[str, Analysis]) -> None:
    from communique.corpus.index import hook

    with open_store(tmp_path / "s.db") as store:
        for i in ("b1-wire-geneva-talks", "b2-herald-geneva-talks"):
            store.add(analyses[i])
        store.conn.execute("UPDATE actors SET mentions = '{broken' WHERE article_id = 'b1-wire-geneva-talks'")
        on_write = hook(Settings())
        store.conn.execute("BEGIN IMMEDIATE")
        on_write(store.conn, "b1-wire-geneva-talks", "insert")
        on_write(store.conn, "b2-herald-geneva-talks", "insert")
        store.conn.execute("COMMIT")
        assert [e[0] for e in on_write.errors] == ["b1-wire-geneva-talks"] and "JSONDecodeError" in on_write.errors[0][1]
        assert store.count("articles") == 2 and unindexed(store.conn) == 1
        errors: list[tuple[str, str]] = []
        counts = run(store, Settings(), rebuild_only=True, on_error=lambda i, r: errors.append((i, r)))
        assert counts["indexed"] == 1 and [e[0] for e in errors] == ["b1-wire-geneva-talks"]
        assert views.list_actors(store.conn, q="Mirzoyan")[1] == 1
