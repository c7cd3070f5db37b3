"""Articles in other languages are stored, not lost: with their language, analysis_status 'skipped' and the
reason, searchable and counted in the summary; analysing them later (another setting) replaces them."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from communique.errors import NotEnglish
from communique.ingest import read_inputs
from communique.records import Analysis, Article
from communique.store import MIGRATIONS, SCHEMA_VERSION, open_store

FRENCH = ("Le ministre des Affaires étrangères a déclaré mardi que les négociations avec la Russie devaient "
          "reprendre dans les prochains jours, selon des diplomates présents à Genève.\n\nLes pourparlers "
          "porteront sur un échange de prisonniers et sur la sécurité de la centrale nucléaire.")
GERMAN = ("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland angekündigt, teilte das Auswärtige "
          "Amt in Berlin mit, nachdem die Gespräche in Genf gescheitert waren.")
ENGLISH = ("Russia and Ukraine agreed on Monday to exchange prisoners, officials in Kyiv said.\n\n"
           '"The exchange will take place this week," a Ukrainian negotiator told reporters in Istanbul.')


def _skipped(tmp_path: Path, name: str, text: str) -> NotEnglish:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    [item] = list(read_inputs(str(path)))
    assert isinstance(item, NotEnglish), item
    return item


def test_reader_keeps_the_article_of_another_language(tmp_path: Path) -> None:
    item = _skipped(tmp_path, "fr", FRENCH)
    assert item.language == "fr" and item.article.language == "fr" and item.article.id == "fr"
    assert item.reason.startswith("not English (identified as 'fr'") and item.source == str(tmp_path / "fr.txt")
    assert "Genève" in item.article.text
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "en", "text": ENGLISH}) + "\n" + json.dumps({"id": "de", "text": GERMAN}) + "\n",
                     encoding="utf-8")
    items = list(read_inputs(str(batch)))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], NotEnglish) and items[1].source == f"{batch}:2" and items[1].article.id == "de"


def test_store_keeps_skipped_articles_searchable_and_counted(tmp_path: Path, story_analysis: Analysis) -> None:
    fr = _skipped(tmp_path, "fr", FRENCH)
    with open_store(tmp_path / "s.db") as store:
        assert store.add(story_analysis).outcome == "added"
        assert store.add_skipped(fr.article, fr.reason).outcome == "added"
        assert store.add_skipped(fr.article, fr.reason).outcome == "unchanged"
        assert not store.has_content(fr.article.text)  # not analysed: a later run may analyse it
        [row] = [r for r in store.rows("articles") if r["id"] == "fr"]
        assert (row["language"], row["analysis_status"], row["status_reason"]) == ("fr", "skipped", fr.reason)
        assert [r["language"] for r in store.rows("articles") if r["id"] != "fr"] == ["en"]
        assert store.analysis("fr") is None
        assert [h.article_id for h in store.search("négociations")] == ["fr"]
        s = store.summary()
        assert s["articles"] == 2 and s["skipped_by_language"] == [("fr", 1)]


def test_store_replaces_a_skipped_article_when_it_is_analysed_later(tmp_path: Path, story_analysis: Analysis) -> None:
    art = story_analysis.article
    with open_store(tmp_path / "s.db") as store:
        store.add_skipped(Article(id="other-id", text=art.text, language="xx"), "not English (test)")
        assert store.add(story_analysis).outcome == "replaced"
        rows = list(store.rows("articles"))
        assert [(r["id"], r["analysis_status"], r["language"]) for r in rows] == [(art.id, "analyzed", "en")]


def test_store_migration_marks_old_articles_analysed_english(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for script in MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("INSERT INTO articles (id, content_hash, text, analysis) VALUES ('old', 'h1', 'Old text.', '{}')")
    conn.execute("PRAGMA user_version=2")
    conn.commit()
    conn.close()
    with open_store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        [row] = list(store.rows("articles"))
        assert (row["language"], row["analysis_status"], row["status_reason"]) == ("en", "analyzed", None)
        assert store.summary()["skipped_by_language"] == []


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("mixed")
    for name, text in (("en", ENGLISH), ("fr", FRENCH), ("de", GERMAN)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    db = folder / "c.db"
    r = subprocess.run([sys.executable, "-m", "communique", "ingest", str(folder), "--db", str(db),
                        "--published", "2025-03-04"], capture_output=True, text=True, timeout=600)
    return folder, db, r


def test_ingest_of_a_mixed_folder_stores_every_article(mixed: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    folder, db, r = mixed
    assert r.returncode == 0, r.stderr
    assert "1 added, 0 replaced, 0 unchanged, 0 duplicate, 0 failed, 2 stored unanalysed (not English)" in r.stderr
    warnings = [ln for ln in r.stderr.splitlines() if "stored without analysis" in ln]
    assert [w.split(": ")[1] for w in warnings] == [f"{folder}/de.txt", f"{folder}/fr.txt"]
    again = subprocess.run([sys.executable, "-m", "communique", "ingest", str(folder), "--db", str(db)],
                           capture_output=True, text=True, timeout=600)
    assert "0 added, 0 replaced, 3 unchanged, 0 duplicate, 0 failed" in again.stderr, again.stderr


def test_summary_and_search_show_the_unanalysed_articles(mixed: tuple[Path, Path, subprocess.CompletedProcess[str]]) -> None:
    _, db, _ = mixed
    r = subprocess.run([sys.executable, "-m", "communique", "summary", "--db", str(db)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and "3 articles (2 in other languages, not analysed: de 1, fr 1)" in r.stdout, r.stdout
    r = subprocess.run([sys.executable, "-m", "communique", "search", "Sanktionen", "--db", str(db), "--format", "jsonl"],
                       capture_output=True, text=True, timeout=300)
    assert [json.loads(line)["article_id"] for line in r.stdout.splitlines()] == ["de"]
