"""Duplicate stories: MinHash signatures over word shingles, banded LSH buckets kept in SQLite.

Construction: an article's text is lower-cased into word tokens; its shingles are the runs of
``SHINGLE`` consecutive words (a text shorter than that is one shingle). A ``datasketch.MinHash`` of
``NUM_PERM`` permutations (fixed seed) estimates the Jaccard similarity J of two shingle sets, and with
the two set sizes the *containment* of the shorter article in the longer one:
``J * (|A| + |B|) / ((1 + J) * min(|A|, |B|))``. Two articles are one story when that containment
reaches the threshold (setting ``duplicate_threshold``): a republished wire story with a new headline
and a cut paragraph is contained in the original even when J is lower. Candidates come from banded
LSH on J at half the threshold (the J of a story cut to half its length), ``(b, r)`` chosen by
``datasketch.MinHashLSH``; each band's hash is one row of ``story_bands``. Adding an article looks up
only the articles sharing a band (no rescan) and keeps the pairs that pass as ``story_pairs``; a
story is a connected group of pairs. Its representative is the earliest published article, then the
longest, then the smallest id -- the same in any ingest order.
"""

from __future__ import annotations

import functools
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


@functools.cache
def lsh_params(threshold: float) -> tuple[int, int]:
    """(bands, rows) that datasketch's LSH picks for a Jaccard of half ``threshold`` with ``NUM_PERM``
    permutations (candidates for a containment of ``threshold``)."""
    lsh = MinHashLSH(threshold=threshold / 2, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def bands(sig: np.ndarray, params: tuple[int, int]) -> list[str]:
    b, r = params
    return [f"{i}:{hashlib.sha1(sig[i * r:(i + 1) * r].tobytes()).hexdigest()[:16]}" for i in range(b)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Estimated share of the smaller shingle set found in the larger, from J and the two sizes."""
    if jaccard <= 0 or min(size_a, size_b) <= 0:
        return 0.0
    return min(1.0, jaccard * (size_a + size_b) / ((1 + jaccard) * min(size_a, size_b)))


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.uint64)


def add_signature(conn: sqlite3.Connection, article_id: str, text: str, threshold: float) -> list[tuple[str, float]]:
    """Store the article's signature and bands; return the stored articles it duplicates, with the
    estimated containment."""
    size = len(shingles(text))
    sig = signature(text)
    keys = bands(sig, lsh_params(threshold))
    conn.execute("INSERT OR REPLACE INTO story_signatures (article_id, minhash, shingles) VALUES (?, ?, ?)",
                 (article_id, sig.tobytes(), size))
    conn.execute("DELETE FROM story_bands WHERE article_id=?", (article_id,))
    found = _candidates(conn, keys, article_id)
    conn.executemany("INSERT OR IGNORE INTO story_bands (band, article_id) VALUES (?, ?)", [(k, article_id) for k in keys])
    pairs: list[tuple[str, float]] = []
    for other in sorted(found):
        row = conn.execute("SELECT minhash, shingles FROM story_signatures WHERE article_id=?", (other,)).fetchone()
        if row is None:
            continue
        share = containment(similarity(sig, from_blob(row[0])), size, int(row[1]))
        if share >= threshold:
            pairs.append((other, share))
            a, b = sorted((article_id, other))
            conn.execute("INSERT OR REPLACE INTO story_pairs (a, b, similarity) VALUES (?, ?, ?)", (a, b, share))
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
