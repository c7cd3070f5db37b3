"""Re-analysis: stale articles run again from their stored text, and the corpus tables rebuilt.

An article is stale when the analyser version or the rule-data hash recorded with it differs from the
running ones, or none is recorded (``versions``). Each re-run replaces the article's analysis in one
transaction (the store's ``add(force=True)``), so an article whose re-run fails keeps its stored
analysis; the failure is reported and the others go on. The corpus tables follow each write through
the ingest hook; they are rebuilt whole (``index.rebuild``) when asked, when articles remain outside
them (a store migrated from schema 2 whose re-runs failed), or when their settings changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from communique.corpus.index import hook, rebuild, stale_params, unindexed
from communique.corpus.versions import stale_ids
from communique.errors import InputError
from communique.progress import counted, expect
from communique.records import Article
from communique.settings import Settings
from communique.store import Store


def stored_articles(store: Store, ids: list[str]) -> Iterator[Article]:
    """The stored articles ``ids`` as the analysis reads them: text, title, date, url, outlet, authors."""
    for article_id in ids:
        r = store.conn.execute("SELECT id, text, title, published, url, outlet, authors, source FROM articles WHERE id=?",
                               (article_id,)).fetchone()
        if r is not None:
            yield Article(id=r[0], text=r[1], title=r[2], published=r[3], url=r[4], outlet=r[5],
                          authors=tuple(json.loads(r[6] or "[]")), source=r[7] or r[0],
                          published_from="input" if r[3] else None)


def run(store: Store, settings: Settings, *, rebuild_only: bool = False, everything: bool = False,
        on_error: Callable[[str, str], None] = lambda _id, _reason: None) -> dict[str, int]:
    """Re-analyse the stale (or, with ``everything``, all) articles; rebuild the corpus tables when needed.
    Each re-analysed article is counted on the progress the command reports to (``progress.reporting``)."""
    from communique.pipeline import analyze_many

    conn = store.conn
    total = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    counts = {"reanalysed": 0, "failed": 0, "current": total, "indexed": 0}
    if not rebuild_only:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")] if everything else stale_ids(conn)
        counts["current"] = total - len(ids)
        expect(len(ids))
        on_write = hook(settings)
        for result in counted(analyze_many(stored_articles(store, ids), model=settings.model)):
            if isinstance(result, InputError):
                counts["failed"] += 1
                on_error(result.article_id or result.source, result.reason)
                continue
            store.add(result, hook=on_write, force=True)
            counts["reanalysed"] += 1
            for article_id, reason in on_write.errors:  # re-analysed, but left outside the corpus tables
                on_error(article_id, reason)
            on_write.errors.clear()
    if rebuild_only or unindexed(conn) or stale_params(conn, settings):
        conn.execute("BEGIN IMMEDIATE")
        try:
            counts["indexed"] = rebuild(conn, settings, on_error)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    else:
        counts["indexed"] = total - unindexed(conn)
    return counts
