"""The SQLite store: idempotent writes, one transaction per article, FTS search, export round trips."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from communique.corpus.export import Filters, export
from communique.errors import StoreError
from communique.records import Analysis, Quote, Span
from communique.store import SCHEMA_VERSION, open_store


def test_store_creates_a_versioned_wal_database(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with open_store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_store_refuses_a_database_from_a_newer_version(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db)


def test_store_same_article_twice_adds_nothing(tmp_path: Path, story_analysis: Analysis) -> None:
    with open_store(tmp_path / "s.db") as store:
        assert store.add(story_analysis).outcome == "added"
        before = {t: store.count(t) for t in ("articles", "actors", "quotes", "events")}
        assert store.add(story_analysis).outcome == "unchanged"
        renamed = replace(story_analysis, article=replace(story_analysis.article, id="copy-of-story"))
        dup = store.add(renamed)  # same content under another id is a duplicate of the stored one
        assert (dup.outcome, dup.article_id, dup.duplicate_of) == ("duplicate", "copy-of-story", story_analysis.article.id)
        assert {t: store.count(t) for t in before} == before


def test_store_same_id_new_content_replaces_the_article(tmp_path: Path, story_analysis: Analysis) -> None:
    with open_store(tmp_path / "s.db") as store:
        store.add(story_analysis)
        updated = replace(story_analysis, article=replace(story_analysis.article, text=story_analysis.article.text + " "))
        assert store.add(updated).outcome == "replaced"
        assert store.count("articles") == 1
        stored = store.analysis(story_analysis.article.id)
        assert stored is not None and stored["article"]["text"].endswith(" ")


def test_store_failed_write_leaves_nothing_half_written(tmp_path: Path, story_analysis: Analysis) -> None:
    q = Quote("Q1", "direct", 0, 4, story_analysis.article.text[0:4], None, None, None)
    broken = replace(story_analysis, quotes=(q, q))  # duplicate quote ids violate the primary key mid-write
    with open_store(tmp_path / "s.db") as store:
        with pytest.raises(StoreError, match="doha-talks"):
            store.add(broken)
        assert store.count("articles") == 0 and store.count("actors") == 0
        assert store.search("Doha") == []
        assert store.add(story_analysis).outcome == "added"


def test_store_search_finds_article_text_and_quotes_with_snippets(tmp_path: Path, story_analysis: Analysis) -> None:
    extra = Quote("Q99", "direct", 0, 10, story_analysis.article.text[:10], None, None, Span(0, 1, "Q"))
    with open_store(tmp_path / "s.db") as store:
        store.add(replace(story_analysis, quotes=(*story_analysis.quotes, extra)))
        hits = store.search("negotiators")
        assert [h.kind for h in hits] == ["article"]
        assert "\x02negotiators\x03" in hits[0].snippet
        assert "Q99" in [h.quote_id for h in store.search("Qatar", what="quotes")]
        assert all(h.kind == "quote" for h in store.search("Qatar", what="quotes"))
        assert store.search('U.S.-backed "unbalanced') == []  # odd user syntax is not an FTS error
        assert store.search("   ") == []


def test_store_export_round_trips_jsonl_csv_and_parquet(tmp_path: Path, story_analysis: Analysis) -> None:
    """Every stored column of every table comes out of ``export`` (the one the CLI and the API use), in
    each format, one row per stored row."""
    with open_store(tmp_path / "s.db") as store:
        store.add(story_analysis)
        for what, kind in (("articles", "articles"), ("actors", "article-actors"), ("quotes", "quotes"),
                           ("events", "events")):
            rows = list(store.rows(what))  # type: ignore[arg-type]
            text = export(store, kind, "jsonl", None, Filters())
            assert text is not None
            back = [json.loads(line) for line in text.splitlines()]
            assert [{k: r[k] for k in rows[0]} for r in back] == rows
            table = export(store, kind, "csv", None, Filters())
            assert table is not None
            assert len(list(csv.DictReader(io.StringIO(table)))) == len(rows)
            out = tmp_path / f"{what}.parquet"
            export(store, kind, "parquet", out, Filters())
            assert pq.read_table(out).num_rows == len(rows)
        actors = list(store.rows("actors"))
        assert actors and actors[0]["article_id"] == "doha-talks"
