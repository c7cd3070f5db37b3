"""Store edges on real SQLite files: a folder, a damaged file, another program's database, a newer
schema, and a full disk (SQLite's own SQLITE_FULL, forced with PRAGMA max_page_count)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from communique.errors import StoreError
from communique.records import Analysis
from communique.store import SCHEMA_VERSION, describe_sqlite_error, open_store


def _other_app(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (9.5)")
    conn.commit()
    conn.close()
    return _schema(db)


def _schema(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        return [*rows, ("journal_mode", mode)]
    finally:
        conn.close()


@pytest.mark.parametrize("create", [True, False])
def test_store_refuses_another_programs_database_and_leaves_it_unchanged(tmp_path: Path, create: bool) -> None:
    db = tmp_path / "other_app.sqlite"
    before = _other_app(db)
    with pytest.raises(StoreError, match="not a Communique store"):
        open_store(db, create=create)
    assert _schema(db) == before


def test_store_refuses_another_program_that_sets_a_user_version(tmp_path: Path) -> None:
    db = tmp_path / "other.sqlite"
    _other_app(db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version=1")
    conn.close()
    with pytest.raises(StoreError, match="not a Communique store"):
        open_store(db)


def test_store_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_store_refuses_a_damaged_file(tmp_path: Path) -> None:
    db = tmp_path / "junk.db"
    db.write_bytes(b"this is not sqlite at all\n" * 200)
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(db)
    assert db.read_bytes() == b"this is not sqlite at all\n" * 200


def test_store_newer_schema_is_refused_for_reading_too(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    with open_store(db):
        pass
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db, create=False)


def test_store_reading_never_creates_a_missing_or_empty_store(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="does not exist"):
        open_store(missing, create=False)
    assert not missing.exists()
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match="no Communique tables"):
        open_store(empty, create=False)
    assert empty.read_bytes() == b""


def test_store_a_new_empty_file_is_fine_for_writing(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with open_store(empty) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_describe_sqlite_error_names_a_full_disk() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x TEXT)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 50)
    assert "full" in str(caught.value)
    assert "disk is full" in describe_sqlite_error(caught.value)


def test_store_full_disk_is_reported_as_such_not_as_a_failed_rollback(
    tmp_path: Path, story_analysis: Analysis
) -> None:
    with open_store(tmp_path / "s.db") as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count={pages}")
        with pytest.raises(StoreError) as caught:
            store.add(story_analysis)
        assert "disk is full" in str(caught.value)
        assert "rollback" not in str(caught.value)
        store.conn.execute("PRAGMA max_page_count=1073741823")
        assert store.count("articles") == 0
        assert store.add(story_analysis).outcome == "added"
