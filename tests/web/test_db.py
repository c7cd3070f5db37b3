"""The server's pool: read-only connections, and values remembered until the store changes."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from communique.api.db import Pool


def test_memo_computes_once_for_requests_asking_at_the_same_time(demo_db: Path) -> None:
    pool = Pool(demo_db)
    calls: list[int] = []
    gate = threading.Event()

    def compute() -> int:
        calls.append(1)
        gate.wait(5)  # hold the computation until every thread has asked
        return 42

    threads = [threading.Thread(target=pool.memo, args=(("same",), compute)) for _ in range(8)]
    for t in threads:
        t.start()
    gate.set()
    for t in threads:
        t.join()
    assert calls == [1] and pool.memo(("same",), compute) == 42 and calls == [1]
    pool.close()


def test_memo_forgets_when_another_connection_writes(writable_db: Path) -> None:
    pool = Pool(writable_db)
    seen = []
    assert pool.memo(("n",), lambda: seen.append(1) or len(seen)) == 1
    assert pool.memo(("n",), lambda: seen.append(1) or len(seen)) == 1  # remembered
    with sqlite3.connect(writable_db) as other:
        other.execute("UPDATE articles SET title = title || '!' WHERE rowid = 1")
    assert pool.memo(("n",), lambda: seen.append(1) or len(seen)) == 2  # the store changed
    pool.close()


def test_reading_connections_cannot_write(demo_db: Path) -> None:
    pool = Pool(demo_db)
    with pool.reading() as conn, pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")
    pool.close()
