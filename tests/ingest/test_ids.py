"""Article ids of one run are unique: same-named files get path-based ids, duplicate JSONL ids fail."""

from __future__ import annotations

import json
from pathlib import Path

from communique.errors import InputError
from communique.ingest.sources import LineError, read_inputs, read_run
from communique.records import Article

from .conftest import ARTICLE


def _ids(items: list[Article | InputError]) -> list[str]:
    assert all(isinstance(i, Article) for i in items), items
    return [i.id for i in items if isinstance(i, Article)]


def _two_stories(tmp_path: Path) -> tuple[Path, Path]:
    x, y = tmp_path / "dirX" / "story.txt", tmp_path / "dirY" / "story.txt"
    for p, who in ((x, "X"), (y, "Y")):
        p.parent.mkdir()
        p.write_text(ARTICLE.replace("Doha", f"Doha {who}"), encoding="utf-8")
    return x, y


def test_same_named_files_in_two_folders_get_distinct_stable_ids(tmp_path: Path) -> None:
    x, y = _two_stories(tmp_path)
    first = list(read_run([str(x), str(y)]))
    assert _ids(first) == ["dirX/story", "dirY/story"]
    assert _ids(list(read_run([str(x), str(y)]))) == ["dirX/story", "dirY/story"]
    assert _ids(list(read_run([str(y), str(x)]))) == ["dirY/story", "dirX/story"]
    assert {a.source for a in first if isinstance(a, Article)} == {str(x), str(y)}


def test_two_folders_with_the_same_relative_file_get_distinct_ids(tmp_path: Path) -> None:
    x, y = _two_stories(tmp_path)
    ids = _ids(list(read_run([str(x.parent.parent / "dirY"), str(x.parent)])))
    assert ids == ["dirY/story", "dirX/story"]


def test_files_differing_only_in_suffix_keep_the_suffix_in_their_ids(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "story.text").write_text(ARTICLE.replace("Doha", "Cairo"), encoding="utf-8")
    assert _ids(list(read_run([str(tmp_path)]))) == ["story.text", "story.txt"]


def test_a_file_without_collision_keeps_its_simple_id(tmp_path: Path) -> None:
    x, _ = _two_stories(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE, encoding="utf-8")
    assert _ids(list(read_run([str(x), str(other)]))) == ["story", "other"]
    assert _ids(list(read_inputs(str(x)))) == ["story"]
    assert _ids(list(read_run([str(x), str(x)]))) == ["story", "story"]  # the same file twice


def _jsonl(path: Path, ids: list[str]) -> None:
    lines = [json.dumps({"id": i, "text": ARTICLE.replace("Doha", f"Doha {n}")}) for n, i in enumerate(ids)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_duplicate_jsonl_id_is_an_error_for_the_second_line_and_the_first_is_kept(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    _jsonl(batch, ["a", "b", "a"])
    items = list(read_inputs(str(batch)))
    assert [type(i) for i in items] == [Article, Article, LineError]
    first, err = items[0], items[2]
    assert isinstance(first, Article) and first.id == "a" and "Doha 0" in first.text
    assert isinstance(err, LineError)
    assert err.source == f"{batch}:3" and err.article_id == "a"
    assert err.reason == f"duplicate id a, first seen at {batch}:1"


def test_duplicate_jsonl_id_across_the_batches_of_one_run(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    _jsonl(one, ["a"])
    _jsonl(two, ["b", "a"])
    items = list(read_run([str(one), str(two)]))
    assert [type(i) for i in items] == [Article, Article, LineError]
    assert items[2].reason == f"duplicate id a, first seen at {one}:1"
    assert [type(i) for i in read_inputs(str(two))] == [Article, Article]  # separate runs: no error


def test_the_very_same_jsonl_line_repeated_is_not_a_duplicate_error(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    line = json.dumps({"id": "a", "text": ARTICLE})
    batch.write_text(f"{line}\n{line}\n", encoding="utf-8")
    assert _ids(list(read_inputs(str(batch)))) == ["a", "a"]


def test_one_folder_read_alone_gives_suffix_only_twins_distinct_ids(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "story.text").write_text(ARTICLE.replace("Doha", "Cairo"), encoding="utf-8")
    (tmp_path / "solo.txt").write_text(ARTICLE, encoding="utf-8")
    assert _ids(list(read_inputs(str(tmp_path)))) == ["solo", "story.text", "story.txt"]
