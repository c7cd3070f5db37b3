"""Store migrations: a store written by an older Communique opens with its rows kept and the new columns added."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq

from communique.corpus.export import Filters, export
from communique.records import Analysis
from communique.store import MIGRATIONS, SCHEMA_VERSION, open_store


def _version_one_store(db: Path) -> None:
    """A store as schema 1 left it: one article with a dated quote and two events, one of them undated."""
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0])
    conn.execute(
        "INSERT INTO articles (id, content_hash, text, analysis) VALUES ('old', 'h1', 'Old text.', '{}')"
    )
    conn.execute(
        "INSERT INTO quotes VALUES ('old', 'Q1', 'indirect', 'talks would resume', 0, 18, NULL, NULL, NULL, 'said', '2019-05')"
    )
    for eid, date in (("E1", "2019-05-04"), ("E2", None)):
        conn.execute(
            "INSERT INTO events VALUES ('old', ?, 'CONSULT', NULL, '[]', '040', '[]', '[]', '[]', '[]', ?, NULL,"
            " 'asserted', NULL, NULL, NULL, 'Old text.', 0, 9, 0.5)", (eid, date),
        )
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()


def test_store_migration_keeps_old_rows_and_adds_the_date_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _version_one_store(db)
    with open_store(db) as store:
        assert store.schema_version == SCHEMA_VERSION >= 2
        quotes = list(store.rows("quotes"))
        events = {e["event_id"]: e for e in store.rows("events")}
    assert [q["text"] for q in quotes] == ["talks would resume"]
    assert quotes[0]["date_basis"] is None and quotes[0]["date_precision"] == "month"
    assert events["E1"]["date_precision"] == "day" and events["E1"]["date_basis"] is None
    assert events["E2"]["date_precision"] == "none"


def test_store_migrated_store_takes_new_articles_with_a_date_basis(tmp_path: Path, story_analysis: Analysis) -> None:
    db = tmp_path / "old.db"
    _version_one_store(db)
    with open_store(db) as store:
        assert store.add(story_analysis).outcome == "added"
        events = [e for e in store.rows("events") if e["article_id"] == story_analysis.article.id]
        quotes = [q for q in store.rows("quotes") if q["article_id"] == story_analysis.article.id]
        assert events and quotes
        assert [e["date_basis"] for e in events] == [e.date_basis for e in story_analysis.events]
        assert [q["date_precision"] for q in quotes] == [q.date_precision for q in story_analysis.quotes]
        assert store.count("articles") == 2


def test_store_exports_carry_the_date_basis_and_precision(tmp_path: Path, story_analysis: Analysis) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.add(story_analysis)
        for what in ("quotes", "events"):
            lines = (export(store, what, "jsonl", None, Filters()) or "").splitlines()
            assert lines and all({"date_basis", "date_precision"} <= json.loads(line).keys() for line in lines)
            header = next(csv.reader(io.StringIO(export(store, what, "csv", None, Filters()) or "")))
            assert header.index("date_basis") == header.index("date") + (2 if what == "events" else 1)
            out = tmp_path / f"{what}.parquet"
            export(store, what, "parquet", out, Filters())
            assert {"date_basis", "date_precision"} <= set(pq.read_table(out).column_names)
