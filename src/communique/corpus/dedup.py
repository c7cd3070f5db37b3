"""Duplicate stories: MinHash signatures over word shingles, banded LSH buckets kept in SQLite.

Construction: an article's text is lower-cased into word tokens; its shingles are the runs of
``SHINGLE`` consecutive words (a text shorter than that is one shingle). A ``datasketch.MinHash`` of
``NUM_PERM`` permutations (fixed seed) estimates the Jaccard similarity of two shingle sets; the
article's signature is cut into ``b`` bands of ``r`` rows, ``(b, r)`` chosen by ``datasketch.MinHashLSH``
for the threshold, and each band's hash is one row of ``story_bands``. Adding an article looks up only
the articles sharing a band (no rescan), keeps those whose estimated similarity reaches the threshold
as ``story_pairs``, and a story is a connected group of pairs. Its representative is the earliest
published article, then the longest, then the smallest id -- the same in any ingest order.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
SEED = 1
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash values of the text's word shingles (``NUM_PERM`` unsigned 64-bit integers)."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch(list(shingles(text)))
    return np.asarray(m.hashvalues, dtype=np.uint64)


def lsh_params(threshold: float) -> tuple[int, int]:
    """(bands, rows) that datasketch's LSH picks for ``threshold`` with ``NUM_PERM`` permutations."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def bands(sig: np.ndarray, params: tuple[int, int]) -> list[str]:
    b, r = params
    return [f"{i}:{hashlib.sha1(sig[i * r:(i + 1) * r].tobytes()).hexdigest()[:16]}" for i in range(b)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint64)


def add_signature(conn: sqlite3.Connection, article_id: str, text: str, threshold: float) -> list[tuple[str, float]]:
    """Store the article's signature and bands; return the stored articles it duplicates, with similarity."""
    sig = signature(text)
    keys = bands(sig, lsh_params(threshold))
    conn.execute("INSERT OR REPLACE INTO story_signatures (article_id, minhash) VALUES (?, ?)",
                 (article_id, sig.tobytes()))
    conn.execute("DELETE FROM story_bands WHERE article_id=?", (article_id,))
    found = _candidates(conn, keys, article_id)
    conn.executemany("INSERT OR IGNORE INTO story_bands (band, article_id) VALUES (?, ?)", [(k, article_id) for k in keys])
    pairs: list[tuple[str, float]] = []
    for other in sorted(found):
        row = conn.execute("SELECT minhash FROM story_signatures WHERE article_id=?", (other,)).fetchone()
        if row is None:
            continue
        sim = similarity(sig, from_blob(row[0]))
        if sim >= threshold:
            pairs.append((other, sim))
            a, b = sorted((article_id, other))
            conn.execute("INSERT OR REPLACE INTO story_pairs (a, b, similarity) VALUES (?, ?, ?)", (a, b, sim))
    return pairs


def _candidates(conn: sqlite3.Connection, keys: Iterable[str], article_id: str) -> set[str]:
    found: set[str] = set()
    for key in keys:
        found.update(r[0] for r in conn.execute("SELECT article_id FROM story_bands WHERE band=?", (key,)))
    found.discard(article_id)
    return found


def component(conn: sqlite3.Connection, start: Iterable[str], without: str | None = None) -> set[str]:
    """The articles linked to ``start`` by duplicate pairs (``without``: as if that article were gone)."""
    seen = {s for s in start if s != without}
    todo = list(seen)
    while todo:
        x = todo.pop()
        for (y,) in conn.execute("SELECT b FROM story_pairs WHERE a=? UNION SELECT a FROM story_pairs WHERE b=?", (x, x)):
            if y != without and y not in seen:
                seen.add(y)
                todo.append(y)
    return seen


def representative(conn: sqlite3.Connection, members: Iterable[str]) -> str:
    """The earliest published member (undated ones last), then the longest text, then the smallest id."""
    ids = sorted(members)
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, published, length(text) FROM articles WHERE id IN ({marks})", ids).fetchall()
    best = min(rows, key=lambda r: (r[1] is None, r[1] or "", -int(r[2]), r[0]))
    return str(best[0])


def write_cluster(conn: sqlite3.Connection, members: set[str]) -> tuple[str | None, set[str]]:
    """Record one story (a single article is no story); return its representative and its duplicates."""
    marks = ",".join("?" * len(members))
    conn.execute(f"DELETE FROM story_members WHERE article_id IN ({marks})", sorted(members))
    if len(members) < 2:
        return (next(iter(members)) if members else None), set()
    rep = representative(conn, members)
    conn.executemany("INSERT INTO story_members (article_id, cluster, representative) VALUES (?, ?, ?)",
                     [(m, rep, int(m == rep)) for m in sorted(members)])
    return rep, members - {rep}


def is_duplicate(conn: sqlite3.Connection, article_id: str) -> bool:
    row = conn.execute("SELECT representative FROM story_members WHERE article_id=?", (article_id,)).fetchone()
    return row is not None and not row[0]
