"""--published on analyze and ingest (an ISO date or date-time), the JSONL "published" field, and the
warning for an article whose publication date nobody gave and the text does not state."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.schema import validate

# A wire dateline without a year: the article states no full publication date.
UNDATED = """Harbour pilots return to work after strike

VALLETTA, May 2 (Communique Wire) - Harbour pilots returned to work on Friday after a two-day strike that had kept tankers waiting offshore, port officials said.

"The backlog will be cleared by Sunday," the harbour master told reporters.
"""
# The same story with an "Updated:" stamp in its header block: the dateline takes that stamp's year.
DATED = UNDATED.replace("strike\n\n", "strike\nUpdated: 3 May 2025 08:15 GMT\n\n", 1)
WARNING = "no publication date found; relative dates stay unresolved (give --published)"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("value", ["2025-05-02", "2025-05-02T14:05:00Z", "2025-05-02 14:05"])
def test_analyze_published_accepts_a_date_or_an_iso_date_time(tmp_path: Path, value: str) -> None:
    r = run("analyze", str(_write(tmp_path, "pilots.txt", UNDATED)), "--format", "json", "--published", value)
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert validate(obj) == []
    assert obj["article"]["published"] == "2025-05-02"
    assert WARNING not in r.stderr and WARNING not in obj["warnings"]
    assert "2025-05-03" in {t["value"] for t in obj["times"]} or "2025-05-04" in {t["value"] for t in obj["times"]}


@pytest.mark.parametrize("value", ["02/05/2025", "May 2", "2025-13-02"])
def test_analyze_bad_published_is_one_usage_error_naming_the_article(tmp_path: Path, value: str) -> None:
    r = run("analyze", str(_write(tmp_path, "pilots.txt", UNDATED)), "--format", "json", "--published", value)
    assert r.returncode == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "pilots.txt" in lines[0] and "--published" in lines[0] and repr(value) in lines[0]
    assert r.stdout == ""


def test_ingest_published_accepts_a_date_time_and_refuses_a_bad_value(tmp_path: Path) -> None:
    article, db = _write(tmp_path, "pilots.txt", UNDATED), tmp_path / "c.db"
    bad = run("ingest", str(article), "--db", str(db), "--published", "yesterday")
    assert bad.returncode == 2 and "pilots.txt" in bad.stderr and not db.exists()
    good = run("ingest", str(article), "--db", str(db), "--published", "2025-05-02T09:30:00+02:00")
    assert good.returncode == 0, good.stderr
    assert WARNING not in good.stderr
    rows = [json.loads(line) for line in run("export", "--what", "articles", "--db", str(db)).stdout.splitlines()]
    assert [r["published"] for r in rows] == ["2025-05-02"]


def test_jsonl_published_date_time_and_a_bad_value_naming_the_article(tmp_path: Path) -> None:
    lines = [{"id": "p-1", "text": UNDATED, "published": "2025-05-02 14:05"},
             {"id": "p-2", "text": UNDATED, "published": "next Friday"},
             {"id": "p-3", "text": UNDATED, "published": "2025-05-02T14:05:00Z"}]
    batch = _write(tmp_path, "b.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    r = run("analyze", str(batch), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o.get("article", {}).get("published") for o in out] == ["2025-05-02", None, "2025-05-02"]
    assert out[1] == {"id": "p-2", "error": "published 'next Friday' is not an ISO date or datetime"}
    errors = [ln for ln in r.stderr.splitlines() if "error" in ln]
    assert len(errors) == 1 and "p-2" in errors[0] and "b.jsonl:2" in errors[0]


def test_no_publication_date_warns_once_per_article_on_stderr(tmp_path: Path) -> None:
    lines = [{"id": "u-1", "text": UNDATED}, {"id": "d-1", "text": DATED}, {"id": "u-2", "text": UNDATED + "\nMore later."}]
    batch = _write(tmp_path, "b.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    r = run("analyze", str(batch), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    warned = [ln for ln in r.stderr.splitlines() if WARNING in ln]
    assert warned == [f"warning: u-1: {WARNING}", f"warning: u-2: {WARNING}"]
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["article"]["published"] for o in out] == [None, "2025-05-02", None]
    assert [WARNING in o["warnings"] for o in out] == [True, False, True]
    assert all(validate(o) == [] for o in out)


def test_no_publication_date_warning_on_single_analyze_and_on_ingest(tmp_path: Path) -> None:
    article = _write(tmp_path, "pilots.txt", UNDATED)
    single = run("analyze", str(article), "--format", "json")
    assert single.returncode == 0, single.stderr
    assert [ln for ln in single.stderr.splitlines() if ln.strip()] == [f"warning: pilots: {WARNING}"]
    assert json.loads(single.stdout)["article"]["published"] is None
    stored = run("ingest", str(article), "--db", str(tmp_path / "c.db"))
    assert stored.returncode == 0 and f"warning: pilots: {WARNING}" in stored.stderr
    dated = run("analyze", str(_write(tmp_path, "dated.txt", DATED)), "--format", "json")
    assert dated.returncode == 0 and WARNING not in dated.stderr
    assert json.loads(dated.stdout)["article"]["published"] == "2025-05-02"
