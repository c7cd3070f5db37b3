"""The web server's access to the store: a pool of read-only connections, and one writer at a time."""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from communique.store import Store, open_store, read_connection


class Pool:
    """Read-only connections to one store, each used by one request at a time.

    A request takes a free connection (opening one when none is free) and gives it back when it is
    done, so the number of connections follows the number of requests served at once. The store is
    opened once here first, so a missing or foreign file fails at start-up and an old schema is migrated.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        with open_store(self.path, create=False):
            pass
        self._free: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        self._write_lock = threading.Lock()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        try:
            conn = self._free.get_nowait()
        except queue.Empty:
            conn = read_connection(self.path)
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.rollback()
            self._free.put(conn)

    def fresh(self) -> sqlite3.Connection:
        """A connection of its own, for a streamed response read across several threads; close it after."""
        return read_connection(self.path)

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The store opened for writing, one writer at a time across the server's threads."""
        with self._write_lock, open_store(self.path, create=False) as store:
            yield store

    def close(self) -> None:
        while True:
            try:
                self._free.get_nowait().close()
            except queue.Empty:
                return
