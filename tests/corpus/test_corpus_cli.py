"""The corpus commands run for real: ingest of the fixture set, duplicates reported, listings in every
format, the actor page, the timeline, export with filters and Parquet lists, re-analysis."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests.corpus.conftest import FIXTURE

INCIDENT_KEYS = {"id", "type", "mode", "cameo", "actors", "recipients", "date", "date_range", "articles", "outlets",
                 "first_reported", "statuses", "contested", "sources"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True, timeout=600)


def fixture_jsonl(path: Path, ids: list[str] | None = None, rename: dict[str, str] | None = None) -> Path:
    gold = json.loads((FIXTURE / "gold.json").read_text(encoding="utf-8"))
    with path.open("w", encoding="utf-8") as f:
        for article_id in ids or sorted(gold["articles"]):
            title, _, text = (FIXTURE / f"{article_id}.txt").read_text(encoding="utf-8").partition("\n")
            row = {"id": (rename or {}).get(article_id, article_id), "title": title, "text": text.strip(),
                   **gold["articles"][article_id]}
            f.write(json.dumps(row) + "\n")
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus-cli")
    store = folder / "c.db"
    r = run("ingest", str(fixture_jsonl(folder / "fixture.jsonl")), "--db", str(store))
    assert r.returncode == 0 and "13 added" in r.stderr, r.stderr
    return store


def jsonl(r: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


def test_cli_incidents_rows_have_the_contract_shape_and_filters_work(db: Path) -> None:
    rows = jsonl(run("incidents", "--db", str(db), "--format", "jsonl", "--limit", "1000"))
    assert rows and all(set(r) == INCIDENT_KEYS for r in rows)
    talks = [r for r in rows if r["type"] == "CONSULT" and len(r["articles"]) == 3]
    assert talks and talks[0]["date"] == "2026-04-14" and len(talks[0]["outlets"]) == 3
    contested = jsonl(run("incidents", "--db", str(db), "--format", "jsonl", "--contested"))
    assert [r["type"] for r in contested] == ["ASSAULT"] and contested[0]["contested"] is True
    march = jsonl(run("incidents", "--db", str(db), "--format", "jsonl", "--since", "2026-03", "--until", "2026-03",
                      "--actor", "Russia"))
    assert march and all(r["date"] is None or r["date"].startswith("2026-03") for r in march)
    assert all("country:RUS" in [a["key"] for a in r["actors"]] for r in march)
    table = run("incidents", "--db", str(db), "--min-articles", "3")
    assert table.returncode == 0 and "ASSAULT" in table.stdout and "CONSULT" in table.stdout


def test_cli_actors_stories_and_the_actor_page(db: Path) -> None:
    actors = json.loads(run("actors", "--db", str(db), "--format", "json", "--q", "mirzoyan").stdout)
    assert [a["key"] for a in actors] == ["person:ararat-mirzoyan"]
    assert set(actors[0]) >= {"key", "name", "type", "country", "sector", "aliases", "articles", "quotes", "events"}
    assert actors[0]["articles"] == 3 and "Mirzoyan" in actors[0]["aliases"]
    stories = json.loads(run("stories", "--db", str(db), "--format", "json").stdout)
    assert [(s["representative"], s["articles"]) for s in stories] == [
        ("a1-wire-vovchansk", ["a1-wire-vovchansk", "a2-dup-vovchansk"])]
    page = json.loads(run("actor", "Peskov", "--db", str(db), "--format", "json").stdout)
    assert page["key"] == "person:dmitry-peskov" and page["quotes"] and page["contradictions"]
    shown = run("actor", "Jeyhun Bayramov", "--db", str(db))
    assert shown.returncode == 0 and "Counterparts" in shown.stdout and "Ararat Mirzoyan" in shown.stdout
    assert run("actor", "Nobody Atall", "--db", str(db)).returncode == 2
    summary = run("summary", "--db", str(db))
    assert "12 articles" in summary.stdout and "1 duplicate stories not counted" in summary.stdout
    assert "13 articles" in run("summary", "--db", str(db), "--with-duplicates").stdout


def test_cli_timeline_orders_incidents_and_quotes(db: Path) -> None:
    items = jsonl(run("timeline", "--db", str(db), "--format", "jsonl", "--actor", "Bayramov"))
    kinds = {i["kind"] for i in items}
    assert kinds == {"incident", "quote"}
    dates = [i["date"] for i in items if i["date"]]
    assert dates == sorted(dates)


def test_cli_exact_copy_under_a_new_id_is_reported_as_a_duplicate(db: Path, tmp_path: Path) -> None:
    copy = fixture_jsonl(tmp_path / "copy.jsonl", ["b1-wire-geneva-talks"], {"b1-wire-geneva-talks": "b1-copy"})
    r = run("ingest", str(copy), "--db", str(db))
    assert r.returncode == 0 and "b1-copy: duplicate of b1-wire-geneva-talks" in r.stderr, r.stderr
    assert "1 duplicate" in r.stderr and "0 unchanged" in r.stderr
    again = run("ingest", str(fixture_jsonl(tmp_path / "same.jsonl", ["b1-wire-geneva-talks"])), "--db", str(db))
    assert "1 unchanged" in again.stderr and "0 duplicate" in again.stderr


def test_cli_export_carries_keys_and_filters_and_parquet_has_list_columns(db: Path, tmp_path: Path) -> None:
    events = jsonl(run("export", "--what", "events", "--db", str(db), "--type", "ASSAULT", "--country", "RUS"))
    assert events and all(e["type"] == "ASSAULT" and "RUS" in e["actor_countries"] + e["recipient_countries"]
                          for e in events)
    assert all(e["outlet"] and e["url"] and e["published"] and e["incident"] for e in events)
    assert not [e for e in events if e["article_id"] == "a2-dup-vovchansk"]
    with_dups = jsonl(run("export", "--what", "events", "--db", str(db), "--type", "ASSAULT", "--country", "RUS",
                          "--with-duplicates"))
    assert any(e["article_id"] == "a2-dup-vovchansk" for e in with_dups)
    talks = jsonl(run("export", "--what", "events", "--db", str(db), "--actor", "Ararat Mirzoyan", "--type", "CONSULT"))
    assert talks and all("person:ararat-mirzoyan" in e["actor_keys"] + e["recipient_keys"] for e in talks)
    quotes = jsonl(run("export", "--what", "quotes", "--db", str(db), "--outlet", "Northern Courier"))
    assert quotes and all(q["outlet"] == "Northern Courier" for q in quotes)
    assert any(q["speaker_key"] == "person:dmitry-peskov" and q["speaker_country"] == "RUS" for q in quotes)
    for what in ("events", "incidents", "actors"):
        out = tmp_path / f"{what}.parquet"
        assert run("export", "--what", what, "--format", "parquet", "--out", str(out), "--db", str(db)).returncode == 0
        schema = pq.read_table(out).schema
        column = {"events": "actor_keys", "incidents": "articles", "actors": "aliases"}[what]
        assert pa.types.is_list(schema.field(column).type), schema
    incidents = jsonl(run("export", "--what", "incidents", "--db", str(db), "--type", "AGREE"))
    assert incidents and set(incidents[0]) == INCIDENT_KEYS


def test_cli_reanalyse_runs_stale_articles_again_and_keeps_the_incidents(db: Path) -> None:
    before = jsonl(run("incidents", "--db", str(db), "--format", "jsonl", "--limit", "1000"))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE analysis_versions SET analyser='communique 0.0.1' WHERE article_id='c2-herald-sudan-truce'")
    r = run("reanalyse", "--db", str(db))
    assert r.returncode == 0 and "1 re-analysed, 0 failed" in r.stderr, r.stderr
    assert re.search(r"reanalyse: 1 articles, \d+ quotes, \d+ events, 0 errors in [\d.]+ s", r.stderr), r.stderr
    assert jsonl(run("incidents", "--db", str(db), "--format", "jsonl", "--limit", "1000")) == before
    r = run("reanalyse", "--db", str(db), "--rebuild")
    assert r.returncode == 0 and "0 re-analysed" in r.stderr
    assert jsonl(run("incidents", "--db", str(db), "--format", "jsonl", "--limit", "1000")) == before
