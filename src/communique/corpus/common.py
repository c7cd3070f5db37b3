"""Small look-ups the corpus views share: display names of global keys and per-article key maps."""

from __future__ import annotations

import sqlite3


def names(conn: sqlite3.Connection, keys: list[str] | set[str]) -> dict[str, str]:
    """Display names of global keys."""
    keys = sorted(set(keys))
    out: dict[str, str] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out.update({r[0]: r[1] for r in conn.execute(f"SELECT key, name FROM corpus_actors WHERE key IN ({marks})", chunk)})
    return out


def named(keys: list[str], known: dict[str, str]) -> list[dict[str, str]]:
    return [{"key": k, "name": known.get(k, k)} for k in keys]


def links(conn: sqlite3.Connection, article_ids: set[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    ids = sorted(article_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for a, actor, key in conn.execute(
                f"SELECT article_id, actor_id, key FROM actor_links WHERE article_id IN ({marks})", chunk):
            out.setdefault(a, {})[actor] = key
    return out
