"""`export --out` never destroys the store or an existing file, and the store commands turn every store
problem into one stderr line and exit 3 (the CLI run for real in a subprocess, on real SQLite files)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from communique.records import Analysis
from communique.store import SCHEMA_VERSION, open_store


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture()
def db(tmp_path: Path, story_analysis: Analysis) -> Path:
    path = tmp_path / "news.db"
    with open_store(path) as store:
        store.add(story_analysis)
    return path


def _articles(db: Path) -> int:
    with open_store(db, create=False) as store:
        return store.count("articles")


def _one_error_line(r: subprocess.CompletedProcess[str]) -> str:
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), r.stderr
    assert "Traceback" not in r.stderr
    return lines[0]


@pytest.mark.parametrize("force", [False, True])
def test_export_onto_the_store_itself_is_refused_and_the_store_is_intact(db: Path, force: bool) -> None:
    before = db.read_bytes()
    flags = ["--force"] if force else []
    r = run("export", "--what", "quotes", "--out", str(db), "--db", str(db), *flags)
    assert r.returncode == 2
    assert "the store itself" in _one_error_line(r)
    assert db.read_bytes() == before and _articles(db) == 1
    sidecar = Path(str(db) + "-wal")
    r = run("export", "--out", str(sidecar), "--db", str(db), *flags)
    assert r.returncode == 2 and _articles(db) == 1


def test_export_onto_the_store_by_another_path_is_refused(db: Path) -> None:
    other = db.parent / "sub"
    other.mkdir()
    r = run("export", "--out", str(other / ".." / db.name), "--db", str(db), "--force")
    assert r.returncode == 2 and "the store itself" in _one_error_line(r)
    assert _articles(db) == 1


def test_export_an_existing_file_needs_force(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "quotes.jsonl"
    target.write_text("keep me\n", encoding="utf-8")
    r = run("export", "--what", "quotes", "--out", str(target), "--db", str(db))
    assert r.returncode == 2 and "--force" in _one_error_line(r)
    assert target.read_text(encoding="utf-8") == "keep me\n"
    r = run("export", "--what", "quotes", "--out", str(target), "--db", str(db), "--force")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert rows and all(row["article_id"] == "doha-talks" for row in rows)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db", "quotes.jsonl"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_to_a_new_file_writes_it_and_leaves_no_temporary_file(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    r = run("export", "--what", "events", "--format", fmt, "--out", str(out / f"e.{fmt}"), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert [p.name for p in out.iterdir()] == [f"e.{fmt}"]


def test_export_to_a_folder_or_a_missing_folder_is_a_usage_error(db: Path, tmp_path: Path) -> None:
    r = run("export", "--out", str(tmp_path), "--db", str(db))
    assert r.returncode == 2 and "is a folder" in _one_error_line(r)
    missing = tmp_path / "no" / "such" / "q.jsonl"
    r = run("export", "--out", str(missing), "--db", str(db))
    assert r.returncode == 2 and "does not exist" in _one_error_line(r)
    assert not (tmp_path / "no").exists()


def _unwritable_folder(tmp_path: Path) -> Path | None:
    """A folder this user cannot create files in: one made read-only, or, for root (who writes anywhere),
    sysfs, where no one can; None when neither is at hand."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        (locked / "probe").write_text("x")
    except PermissionError:
        return locked
    (locked / "probe").unlink()
    sysfs = Path("/sys/kernel")
    try:
        (sysfs / "communique-probe").write_text("x")
    except OSError:
        return sysfs if sysfs.is_dir() else None
    return None


def test_export_to_an_unwritable_folder_is_a_clear_error(db: Path, tmp_path: Path) -> None:
    folder = _unwritable_folder(tmp_path)
    try:
        if folder is None:
            pytest.skip("no folder this user cannot write in")
        before = sorted(p.name for p in folder.iterdir())
        r = run("export", "--out", str(folder / "q.jsonl"), "--db", str(db))
        assert r.returncode == 2 and "cannot write" in _one_error_line(r)
        assert sorted(p.name for p in folder.iterdir()) == before
    finally:
        (tmp_path / "locked").chmod(0o700)


def _other_app(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT)")
    conn.commit()
    conn.close()
    return _schema(path)


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        conn.close()


COMMANDS = [("summary",), ("search", "talks"), ("export", "--what", "quotes")]


@pytest.mark.parametrize("command", COMMANDS)
def test_store_commands_on_bad_stores_exit_3_with_one_line(tmp_path: Path, command: tuple[str, ...]) -> None:
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"\x00garbage, not a database\n" * 300)
    newer = tmp_path / "newer.db"
    with open_store(newer):
        pass
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 3}")
    conn.close()
    other = tmp_path / "other_app.sqlite"
    before = _other_app(other)
    cases = {corrupt: "not a SQLite database", tmp_path: "is a folder", newer: "newer", other: "not a Communique store"}
    for path, reason in cases.items():
        r = run(*command, "--db", str(path))
        assert r.returncode == 3, (path, r.stderr)
        assert reason in _one_error_line(r)
        assert r.stdout == ""
    assert _schema(other) == before


def test_ingest_refuses_another_programs_database(tmp_path: Path) -> None:
    other = tmp_path / "other_app.sqlite"
    before = _other_app(other)
    article = tmp_path / "a.txt"
    article.write_text("Officials said talks would resume on Monday in Geneva.\n", encoding="utf-8")
    for path, reason in ((other, "not a Communique store"), (tmp_path, "is a folder")):
        r = run("ingest", str(article), "--db", str(path))
        assert r.returncode == 3, r.stderr
        assert reason in _one_error_line(r)
    assert _schema(other) == before
