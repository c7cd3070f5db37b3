"""User text reaches the terminal as text, never as Rich markup, and hostile input never stops a
run: the CLI run for real in a subprocess on files in tmp_path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from communique.schema import validate

ARTICLE = """Qatar urges patience in Gaza talks

DOHA, March 3 (Communique Wire) - Qatar's prime minister said on Monday that negotiators needed more time to close a deal on a pause in the fighting in Gaza.

"We told [the Israelis] to wait for the answer from Hamas," Prime Minister Mohammed bin Abdulrahman Al Thani told reporters in Doha.

"The text [/] is not final yet," Egyptian Foreign Minister Badr Abdelatty said in Cairo.
"""
DEEP = "[" * 100_000 + "]" * 100_000


def run(*args: str, cwd: Path | None = None, color: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "400", **({"FORCE_COLOR": "1"} if color else {})}
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd, env=env)


def _batch(tmp_path: Path) -> Path:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "good", "text": ARTICLE, "published": "2025-03-03"}),
        '{"id": "deep", "text": ' + DEEP + "}",
        json.dumps({"id": "sur\ud800", "title": "Talks\udc00 in Doha", "published": "2025-03-03",
                    "text": ARTICLE.replace("Monday", "Monday \ud800")}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_nested_line_is_one_error_and_surrogates_come_out_as_valid_json(tmp_path: Path) -> None:
    r = run("analyze", str(_batch(tmp_path)), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row.get("article", {}).get("id") or row["id"] for row in rows] == ["good", f"{tmp_path}/batch.jsonl:2", "sur\ufffd"]
    assert "nested too deeply" in rows[1]["error"]
    assert validate(rows[0]) == [] and validate(rows[2]) == []
    assert rows[2]["article"]["title"] == "Talks\ufffd in Doha"
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1 and "batch.jsonl:2" in errors[0]


def test_a_path_with_markup_in_its_name_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "odd["
    folder.mkdir()
    (folder / "]name.txt").write_text("too short", encoding="utf-8")
    r = run("analyze", str(folder / "]name.txt"), "--format", "json")
    assert r.returncode == 1
    assert f"error: {folder}/]name.txt: empty text" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_analyze_table_shows_editorial_brackets(tmp_path: Path) -> None:
    path = tmp_path / "doha.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    r = run("analyze", str(path), "--format", "table")
    assert r.returncode == 0, r.stderr
    assert "We told [the Israelis] to wait" in r.stdout
    assert "The text [/] is not final yet" in r.stdout


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("markup")
    db = tmp / "c.db"
    r = run("ingest", str(_batch(tmp)), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "2 added" in r.stderr and "1 failed" in r.stderr
    return db


def test_search_shows_the_matched_word(store: Path) -> None:
    r = run("search", "wait", "--db", str(store), "--what", "quotes")
    assert r.returncode == 0, r.stderr
    assert "We told [the Israelis] to wait for the answer" in r.stdout, r.stdout
    r = run("search", "wait", "--db", str(store), "--what", "quotes", color=True)
    assert "\x1b[1;7mwait\x1b[0m" in r.stdout, r.stdout  # the hit is styled (bold, reversed)


def test_search_and_summary_survive_markup_in_a_stored_quote(store: Path) -> None:
    r = run("search", "final", "--db", str(store), "--what", "quotes")
    assert r.returncode == 0, r.stderr
    assert "[/]" in r.stdout and "final" in r.stdout
    r = run("summary", "--db", str(store))
    assert r.returncode == 0, r.stderr
    assert "The text [/] is not final yet" in r.stdout
    assert "Talks\ufffd in Doha" not in r.stderr


def test_search_hit_inside_editorial_brackets_is_styled_and_the_brackets_stay(store: Path) -> None:
    r = run("search", "Israelis", "--db", str(store), "--what", "quotes", color=True)
    assert r.returncode == 0, r.stderr
    assert "[the \x1b[1;7mIsraelis\x1b[0m] to wait" in r.stdout, r.stdout
    r = run("search", "Israelis", "--db", str(store), "--what", "quotes", "--format", "jsonl")
    assert "[the \x02Israelis\x03] to wait" in json.loads(r.stdout.splitlines()[0])["snippet"]
