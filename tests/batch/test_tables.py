"""The dataset's tables and files without a cluster: rows and back, months, partition keys, commits."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.dataset as pads
import pytest

from communique.batch.cluster import partitions
from communique.batch.dataset import MANIFEST, Dataset
from communique.batch.tables import ErrorRow, analysis_from_rows, build_tables, month_of, rows_of
from communique.errors import InputError, OutputError
from communique.records import Analysis, Article

WHO = {"version": "test", "schema": "communique.analysis/1", "model": "test-model"}


def test_rows_of_an_analysis_give_back_the_same_analysis(story_analysis: Analysis) -> None:
    rows = rows_of(story_analysis)
    assert len(rows["articles"]) == 1 and len(rows["quotes"]) == len(story_analysis.quotes) > 0
    assert analysis_from_rows(rows).to_dict() == story_analysis.to_dict()


def test_rows_survive_a_parquet_round_trip(story_analysis: Analysis, tmp_path: Path) -> None:
    with Dataset.open(tmp_path / "ds", analyser=WHO, partition_size=10) as ds:
        ds.commit("k1", build_tables([story_analysis]), {"articles": 1, "errors": 0})
    back: dict[str, list[dict[str, object]]] = {}
    for table in ("articles", "actors", "quotes", "events", "times"):
        t = pads.dataset(tmp_path / "ds" / table, format="parquet", partitioning="hive").to_table()
        back[table] = t.drop_columns(["month"]).to_pylist()
    assert analysis_from_rows(back).to_dict() == story_analysis.to_dict()


@pytest.mark.parametrize(("published", "month"), [
    ("2025-03-04", "2025-03"), ("1999-12-31", "1999-12"), ("2025-03", "2025-03"), (None, "unknown"), ("", "unknown"),
])
def test_month_of_a_publication_date(published: str | None, month: str) -> None:
    assert month_of(published) == month


def _items(texts: list[str]) -> list[Article | InputError]:
    items: list[Article | InputError] = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    items.insert(1, InputError("wire.jsonl:2", "malformed JSON"))
    return items


def test_partition_keys_follow_content_not_run() -> None:
    texts = ["The envoy met the minister.", "Troops withdrew from the town.", "Talks resume on Monday."]
    first = list(partitions(_items(texts), 2, "salt"))
    again = list(partitions(_items(texts), 2, "salt"))
    assert [p.key for p in first] == [p.key for p in again] and len(first) == 2
    assert isinstance(first[0].items[1], ErrorRow) and first[0].items[1].id == "wire.jsonl:2"
    changed = list(partitions(_items([texts[0], texts[1], "Talks resume on Tuesday."]), 2, "salt"))
    assert changed[0].key == first[0].key and changed[1].key != first[1].key
    assert [p.key for p in partitions(_items(texts), 2, "another analyser")] != [p.key for p in first]


def test_files_of_an_unfinished_partition_are_swept_on_open(story_analysis: Analysis, tmp_path: Path) -> None:
    root = tmp_path / "ds"
    with Dataset.open(root, analyser=WHO, partition_size=10) as ds:
        ds.commit("done", build_tables([story_analysis]), {"articles": 1, "errors": 0})
    stray = [root / "quotes" / "month=2025-03" / "part-killed.parquet",
             root / "articles" / "month=unknown" / ".part-killed.parquet.tmp", root / f".{MANIFEST}.123.tmp"]
    for p in stray:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"half a file")
    (root / "quotes" / "month=2025-03" / "notes.txt").write_text("not ours")
    with Dataset.open(root, analyser=WHO, partition_size=10) as ds:
        assert ds.done("done") and ds.committed_keys() == {story_analysis.article.id}
    assert not any(p.exists() for p in stray)
    assert (root / "quotes" / "month=2025-03" / "notes.txt").exists()
    assert json.loads((root / MANIFEST).read_text())["partitions"]["done"]["files"]


def test_dataset_refuses_another_analyser_and_a_second_writer(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    with Dataset.open(root, analyser=WHO, partition_size=10) as ds:
        ds.commit("p", build_tables([]), {"articles": 0, "errors": 0})
        with pytest.raises(OutputError, match="another batch run"):
            Dataset.open(root, analyser=WHO, partition_size=10)
    with pytest.raises(OutputError, match="written by analyser"):
        Dataset.open(root, analyser={**WHO, "version": "other"}, partition_size=10)


def test_an_error_repeating_an_article_id_is_kept_and_a_repeated_input_is_not(tmp_path: Path) -> None:
    from communique.batch.run import BatchTotals, _to_do

    article = Article(id="doha", text="Talks resumed in Doha on Monday.", source="wire.jsonl:1")
    items: list[Article | InputError] = [
        article,
        InputError("wire.jsonl:2", "duplicate id doha, first seen at wire.jsonl:1", article_id="doha"),
        article,  # the very same line again: the same input, once in the dataset
    ]
    totals = BatchTotals()
    with Dataset.open(tmp_path / "ds", analyser=WHO, partition_size=2) as ds:
        parts = list(_to_do(partitions(items, 2), ds, set(), totals, None))
    kept = [i for p in parts for i in p.items]
    assert [(type(i).__name__, i.id) for i in kept] == [("Article", "doha"), ("ErrorRow", "doha")]
    assert totals.duplicates == 1
