"""``communique watch`` for real: poll cycles (``--once``) of a feed served on localhost into a SQLite store."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.ingest.feedserver import feed_server, serve_wire

# the feed server is on 127.0.0.1: the setting allow_private_fetch lets the safe fetcher reach it
ENV = {**os.environ, "COMMUNIQUE_ALLOW_PRIVATE_FETCH": "true", "COMMUNIQUE_FETCH_HOST_INTERVAL": "0"}


def watch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", "watch", *args], capture_output=True, text=True,
                          timeout=300, env=ENV)


def _ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT id FROM articles"))


def test_watch_polls_a_feed_into_the_store_and_then_only_what_is_new(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with feed_server() as server:
        serve_wire(server, [0, 1], etag='"v1"')
        feed = server.url("/rss.xml")
        r = watch(feed, "--once", "--every", "15m", "--db", str(db))
        assert r.returncode == 0, r.stderr
        assert f"{feed}: 2 added, 0 unchanged, 0 failed" in r.stderr
        assert _ids(db) == [server.url("/news/0"), server.url("/news/1")]
        assert (tmp_path / "news.db.feeds.json").exists()

        r = watch(feed, "--once", "--db", str(db))  # not modified: a 304, no page fetched again
        assert f"{feed}: 0 added, 0 unchanged, 0 failed" in r.stderr, r.stderr
        assert server.requests("/rss.xml")[-1].get("If-None-Match") == '"v1"'
        assert len(server.requests("/news/0")) == 1

        serve_wire(server, [0, 1, 2], etag='"v2"')
        r = watch(feed, "--once", "--db", str(db))
        assert f"{feed}: 1 added, 0 unchanged, 0 failed" in r.stderr, r.stderr
        assert len(server.requests("/news/0")) == 1 and len(server.requests("/news/2")) == 1
    assert len(_ids(db)) == 3


def test_watch_refuses_a_bad_interval(tmp_path: Path) -> None:
    r = watch("http://127.0.0.1:9/feed.xml", "--once", "--every", "soon", "--db", str(tmp_path / "x.db"))
    assert r.returncode == 2 and "--every 'soon'" in r.stderr
