"""The one data loader: rows of data files, word lists, and refusal of bad or duplicated lists."""

from __future__ import annotations

from importlib import resources

import pytest

from communique import data


def test_data_rows_skip_comments_and_keep_columns():
    assert data.parse("# source: us\n# columns: a | b\nx\ty\n\nz\t\n") == (("x", "y"), ("z", ""))


def test_data_rows_read_language_file_then_shared_file():
    assert any(row[0] == "say" for row in data.rows("cues.tsv"))  # data/en/cues.tsv
    assert any(row[1] == "AGREE" for row in data.rows("cameo2plover.tsv"))  # data/cameo2plover.tsv


def test_data_missing_file_names_both_places():
    with pytest.raises(FileNotFoundError, match="data/en/"):
        data.rows("no-such-file.tsv")


def test_data_words_union_of_lists_lower_case():
    male = data.words("pronouns.male")
    assert "he" in male and "she" not in male
    assert data.words("pronouns.male", "pronouns.female") >= male | {"she", "her"}


def test_data_unknown_word_list_is_a_clear_error():
    with pytest.raises(KeyError, match="no word list 'pronouns.martian'"):
        data.words("pronouns.martian")


def test_data_every_word_file_has_a_source_header_and_unique_list_names():
    names = data.list_names()
    assert "pronouns.plural" in names
    for name in names:
        assert data.words(name), name
    folder = resources.files("communique.data").joinpath("en").joinpath("words")
    files = [f for f in folder.iterdir() if f.name.endswith(".tsv")]
    assert len(files) >= 6
    for f in files:
        head = [line for line in f.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        assert head and any("columns:" in line for line in head), f.name
        assert any(w in " ".join(head).lower() for w in ("source", "written for", "from")), f.name
