"""Crash safety: an ingest killed with SIGKILL at random moments, three times, leaves a store that passes
SQLite's integrity check and holds no partial article; a re-run stores each article exactly once."""

from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "demo" / "corpus"


def _ingest(folder: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "communique", "ingest", str(folder), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _stored(db: Path) -> int:
    """How many articles the store holds now (0 while it does not exist or a writer holds the lock)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=0.1)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # no table yet, or locked for a moment
        return 0


def _killed_after(folder: Path, db: Path, new_articles: int, delay: float) -> bool:
    """Start an ingest and SIGKILL it ``delay`` seconds after it has stored ``new_articles`` more
    articles, so the kill lands while it is writing however fast the machine is; False when it had
    already finished."""
    before = _stored(db)
    proc = _ingest(folder, db)
    try:
        while proc.poll() is None and _stored(db) < before + new_articles:
            time.sleep(0.02)
        time.sleep(delay)
        if proc.poll() is not None:
            return False
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True
    finally:
        if proc.stderr is not None:
            proc.stderr.close()


def _check_whole(db: Path) -> int:
    """Assert the store is consistent article by article; return how many articles it holds."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = conn.execute("SELECT id, analysis FROM articles").fetchall()
        for article_id, analysis in articles:
            data = json.loads(analysis)
            for table, key in (("actors", "actors"), ("quotes", "quotes"), ("events", "events"), ("times", "times")):
                n = conn.execute(f"SELECT count(*) FROM {table} WHERE article_id=?", (article_id,)).fetchone()[0]
                assert n == len(data[key]), (article_id, table)
            assert conn.execute("SELECT count(*) FROM articles_fts WHERE article_id=?", (article_id,)).fetchone()[0] == 1
            assert conn.execute("SELECT count(*) FROM quotes_fts WHERE article_id=?",
                                (article_id,)).fetchone()[0] == len(data["quotes"])
        ids = {a for a, _ in articles}
        for table in ("actors", "quotes", "events", "times", "articles_fts", "quotes_fts"):
            orphans = {r[0] for r in conn.execute(f"SELECT DISTINCT article_id FROM {table}")} - ids
            assert not orphans, (table, orphans)
        return len(articles)
    finally:
        conn.close()


def test_kill_9_three_times_loses_and_splits_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("*.md"))
    # enough work that each of the three runs is still writing when it is killed (a run after a kill
    # skips what is stored): ten reissues of every story, each with its own closing line
    for story in sorted(CORPUS.glob("*.txt")):
        for k in range(1, 11):
            (folder / f"{story.stem}-reissue{k}.txt").write_text(
                story.read_text(encoding="utf-8") + f"\n\nReissued by the desk ({k}) with no change to the story.\n",
                encoding="utf-8")
    db = tmp_path / "c.db"
    rng = random.Random(14)
    kills = 0
    start = time.monotonic()
    while kills < 3 and time.monotonic() - start < 600:
        # killed a random moment after one to five more articles are stored, one transaction each
        if _killed_after(folder, db, rng.randint(1, 5), rng.uniform(0.0, 0.3)):
            kills += 1
        if db.exists():
            _check_whole(db)
    assert kills == 3
    final = _ingest(folder, db)
    _, stderr = final.communicate(timeout=900)
    assert final.returncode == 0, stderr
    stored = _check_whole(db)
    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    hashes = [r[0] for r in conn.execute("SELECT content_hash FROM articles")]
    conn.close()
    assert len(set(ids)) == len(ids) == stored and len(set(hashes)) == len(hashes)
    again = subprocess.run([sys.executable, "-m", "communique", "ingest", str(folder), "--db", str(db)],
                           capture_output=True, text=True, timeout=900)
    assert f"0 added, 0 replaced, {stored} unchanged, 0 duplicate, 0 failed" in again.stderr, again.stderr
    clean = tmp_path / "clean.db"
    subprocess.run([sys.executable, "-m", "communique", "ingest", str(folder), "--db", str(clean)],
                   capture_output=True, text=True, timeout=900, check=True)
    assert _check_whole(clean) == stored
    assert _analyses(clean) == _analyses(db)  # the killed and resumed store holds what a clean run does


def _analyses(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("SELECT id, analysis FROM articles").fetchall())
    finally:
        conn.close()
