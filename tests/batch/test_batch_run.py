"""``communique batch`` for real: a Dask LocalCluster of 2 worker processes, a Parquet dataset read back
with pyarrow.dataset, a resumed run, and the dataset loaded into the SQLite store by ``ingest``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest

from communique.batch.tables import TABLES

from .conftest import cli, write_corpus


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, set[str], str]:
    """One batch run over 10 stories, 2 malformed lines and an unreadable file; partitions of 4."""
    base = tmp_path_factory.mktemp("batch")
    inputs = base / "in"
    ids = write_corpus(inputs, 10, bad_lines=2)
    (inputs / "empty.txt").write_text("   \n", encoding="utf-8")
    ids.add(str(inputs / "empty.txt"))
    out = base / "out"
    r = cli("batch", str(inputs), "--out", str(out), "--workers", "2", "--partition-size", "4")
    assert r.returncode == 0, r.stderr
    return inputs, out, ids, r.stderr


def _table(out: Path, name: str) -> pa.Table:
    return pads.dataset(out / name, format="parquet", partitioning="hive").to_table()


def test_batch_writes_every_table_readable_by_pyarrow_dataset(run: tuple[Path, Path, set[str], str]) -> None:
    _, out, ids, _ = run
    tables = {name: _table(out, name) for name in TABLES}
    articles, errors = tables["articles"], tables["errors"]
    assert articles.num_rows == 10 and errors.num_rows == 3
    assert set(articles.column("article_id").to_pylist()) | set(errors.column("id").to_pylist()) == ids
    assert tables["quotes"].num_rows >= 10 and tables["events"].num_rows >= 1 and tables["times"].num_rows >= 10
    # list columns are Parquet lists, spans structs
    assert pa.types.is_list(tables["events"].schema.field("actors").type)
    assert pa.types.is_list(tables["actors"].schema.field("mentions").type)
    assert pa.types.is_struct(tables["quotes"].schema.field("cue").type)


def test_batch_partitions_hive_style_by_publication_month(run: tuple[Path, Path, set[str], str]) -> None:
    _, out, _, _ = run
    months = {p.name for p in (out / "articles").iterdir()}
    assert months == {"month=2025-01", "month=2025-02", "month=2025-03", "month=2025-04"}
    articles = _table(out, "articles")
    for row in articles.select(["published", "month"]).to_pylist():
        assert row["month"] == row["published"][:7]
    assert {p.name for p in (out / "errors").iterdir()} == {"month=unknown"}


def test_batch_errors_name_the_input_and_reason(run: tuple[Path, Path, set[str], str]) -> None:
    inputs, out, _, stderr = run
    rows = _table(out, "errors").to_pylist()
    malformed = [r for r in rows if r["input"].startswith(str(inputs / "wire.jsonl"))]
    assert len(malformed) == 2 and all("malformed JSON" in r["reason"] for r in malformed)
    assert any(r["input"] == str(inputs / "empty.txt") for r in rows)
    assert "10 articles" in stderr and "3 errors" in stderr and "quotes" in stderr
    assert f"error: {inputs / 'empty.txt'}: empty text" in stderr  # each bad input also named on stderr


def test_batch_files_carry_the_analyser_version(run: tuple[Path, Path, set[str], str]) -> None:
    from communique import __version__

    _, out, _, _ = run
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["analyser"]["version"] == __version__
    for files in (p["files"] for p in manifest["partitions"].values()):
        for f in files:
            meta = pq.read_schema(out / f).metadata
            assert meta[b"communique.version"] == __version__.encode()
            assert meta[b"communique.model"] == manifest["analyser"]["model"].encode()
    assert not list(out.rglob("*.tmp"))


def test_batch_rerun_skips_finished_partitions(run: tuple[Path, Path, set[str], str]) -> None:
    inputs, out, _, _ = run
    before = sorted(p.stat().st_mtime_ns for p in out.rglob("*.parquet"))
    r = cli("batch", str(inputs), "--out", str(out), "--workers", "1", "--partition-size", "4")
    assert r.returncode == 0, r.stderr
    assert "0 partitions written, 4 already finished" in r.stderr
    assert sorted(p.stat().st_mtime_ns for p in out.rglob("*.parquet")) == before


def test_batch_refuses_another_partition_size_on_the_same_dataset(run: tuple[Path, Path, set[str], str]) -> None:
    inputs, out, _, _ = run
    r = cli("batch", str(inputs), "--out", str(out), "--workers", "1", "--partition-size", "5")
    assert r.returncode == 2
    assert "--partition-size 4" in r.stderr


def test_ingest_loads_a_dataset_exactly_as_ingesting_the_inputs(
    run: tuple[Path, Path, set[str], str], tmp_path: Path
) -> None:
    inputs, out, _, _ = run
    r = cli("ingest", str(out), "--db", str(tmp_path / "from-dataset.db"))
    assert "10 added" in r.stderr and "3 failed" in r.stderr, r.stderr
    r = cli("ingest", str(inputs), "--db", str(tmp_path / "direct.db"), "--workers", "2")
    assert "10 added" in r.stderr and "3 failed" in r.stderr, r.stderr
    stored = []
    for name in ("from-dataset.db", "direct.db"):
        with sqlite3.connect(tmp_path / name) as db:
            stored.append(dict(db.execute("SELECT id, analysis FROM articles")))
    assert len(stored[0]) == 10
    assert stored[0] == stored[1]
    r = cli("ingest", str(out), "--db", str(tmp_path / "from-dataset.db"))
    assert "0 added" in r.stderr and "10 unchanged" in r.stderr, r.stderr


def test_batch_dataset_reads_as_is_in_duckdb(run: tuple[Path, Path, set[str], str]) -> None:
    """Another engine reads the dataset with no help: DuckDB over the hive folders, list columns as lists."""
    import duckdb

    _, out, _, _ = run
    con = duckdb.connect()
    n, months = con.execute(
        f"SELECT count(*), count(DISTINCT month) FROM read_parquet('{out}/articles/*/*.parquet', hive_partitioning=true)"
    ).fetchone()  # type: ignore[misc]
    assert (n, months) == (10, 4)
    arrow = _table(out, "events")
    rows = con.execute(
        f"SELECT article_id, event_id, len(actors) FROM read_parquet('{out}/events/*/*.parquet', "
        "hive_partitioning=true)").fetchall()
    assert len(rows) == arrow.num_rows > 0
    assert {(a, e): n for a, e, n in rows} == {
        (r["article_id"], r["event_id"]): len(r["actors"]) for r in arrow.select(["article_id", "event_id", "actors"]).to_pylist()}
    joined = con.execute(
        f"SELECT count(*) FROM read_parquet('{out}/quotes/*/*.parquet', hive_partitioning=true) q "
        f"JOIN read_parquet('{out}/articles/*/*.parquet', hive_partitioning=true) a USING (article_id)").fetchone()
    assert joined is not None and joined[0] == _table(out, "quotes").num_rows
