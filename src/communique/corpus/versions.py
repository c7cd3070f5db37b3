"""What made an article's stored analysis: the analyser version and a hash of the rule data.

``ANALYSER`` is Communique's version; ``rules_hash()`` is the SHA-256 (first 16 hex digits) of every data
file the analysis reads (``communique/data/**/*.tsv``, by path and content, in path order). An article
whose recorded pair differs from the running one, or that has none (stored before migration 3), is
stale: ``communique reanalyse`` runs it again from its stored text.
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
from importlib import resources
from importlib.abc import Traversable

from communique import __version__

ANALYSER = f"communique {__version__}"


def _files(root: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    out: list[tuple[str, Traversable]] = []
    for child in root.iterdir():
        path = f"{prefix}{child.name}"
        if child.is_dir():
            out += _files(child, path + "/")
        elif child.name.endswith(".tsv"):
            out.append((path, child))
    return out


@functools.cache
def rules_hash() -> str:
    digest = hashlib.sha256()
    for path, f in sorted(_files(resources.files("communique.data")), key=lambda x: x[0]):
        digest.update(path.encode("utf-8") + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def stale_ids(conn: sqlite3.Connection) -> list[str]:
    """Ids of the stored articles analysed by another analyser version or other rule data, or unrecorded."""
    rows = conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN analysis_versions v ON v.article_id = a.id"
        " WHERE v.article_id IS NULL OR v.analyser <> ? OR v.rules_hash <> ? ORDER BY a.id",
        (ANALYSER, rules_hash()))
    return [str(r[0]) for r in rows]
