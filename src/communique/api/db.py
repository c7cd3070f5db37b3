"""The web server's access to the store: a pool of read-only connections, and one writer at a time."""

from __future__ import annotations

import queue
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from communique.store import Store, open_store, read_connection

MEMO_SIZE = 256
_MISSING = object()


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
        self._watch = read_connection(self.path)  # only asks PRAGMA data_version, under _memo_lock
        self._memo_lock = threading.Lock()
        self._memo: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._version: int | None = None
        self._computing: dict[tuple[Any, ...], threading.Lock] = {}

    def memo(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """``compute()``, remembered under ``key`` until the store changes: any commit by another connection
        (an ingest, a POST) changes SQLite's ``data_version`` and forgets everything. At most ``MEMO_SIZE``
        values are kept, the least recently used dropped first. Values are shared: callers must not change them.
        Requests asking for the same missing value at once wait for one computation instead of repeating it."""
        found, version = self._remembered(key)
        if found is not _MISSING:
            return found
        with self._memo_lock:
            busy = self._computing.setdefault(key, threading.Lock())
        with busy:
            found, version = self._remembered(key)
            if found is not _MISSING:
                return found
            value = compute()
            with self._memo_lock:
                if self._version == version:
                    self._memo[key] = value
                    while len(self._memo) > MEMO_SIZE:
                        self._memo.popitem(last=False)
                self._computing.pop(key, None)
        return value

    def _remembered(self, key: tuple[Any, ...]) -> tuple[Any, int]:
        """The value remembered under ``key`` (or ``_MISSING``) and the store's version now."""
        with self._memo_lock:
            version = int(self._watch.execute("PRAGMA data_version").fetchone()[0])
            if version != self._version:
                self._memo.clear()
                self._version = version
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key], version
            return _MISSING, version

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
        with self._memo_lock:
            self._watch.close()
        while True:
            try:
                self._free.get_nowait().close()
            except queue.Empty:
                return
