"""The temporal lexicon data file loads, and its tables say what the grammar relies on."""

from __future__ import annotations

import pytest

from communique.times.lexicon import CATEGORIES, load, number_value, parse_lexicon


def test_lexicon_loads_every_category_with_entries():
    lex = load()
    for category in CATEGORIES:
        assert lex.table(category), category


def test_lexicon_calendar_names_have_their_numbers():
    lex = load()
    assert lex.table("month")["march"] == "3"
    assert lex.table("month_abbr")["sept"] == "9"
    assert lex.table("weekday")["sunday"] == "7"
    assert lex.table("season")["fall"] == "FA"
    assert lex.table("part_of_day")["night"] == "NI"
    assert lex.table("vague")["recently"] == "PAST_REF"
    assert lex.table("holiday")["christmas"] == "12-25"


def test_lexicon_rejects_a_malformed_row():
    with pytest.raises(ValueError):
        parse_lexicon("month\tmarch\n")
    with pytest.raises(ValueError):
        parse_lexicon("planet\tmars\t4\n")


@pytest.mark.parametrize(("words", "value"), [
    ("three", "3"), ("twenty-five", "25"), ("18", "18"), ("a few", "X"), ("several", "X"),
    ("an", "1"), ("two hundred", "200"), ("1,000", "1000"),
])
def test_number_value_reads_digits_words_and_vague_counts(words, value):
    assert number_value(words) == value


def test_number_value_is_none_for_a_non_number():
    assert number_value("table") is None


def test_lexicon_time_word_lists_load_from_data() -> None:
    from communique import data

    names = sorted(n for n in data.list_names() if n.startswith("times."))
    assert len(names) >= 15
    assert all(data.words(n) for n in names)
    assert {"in", "since", "for"} <= data.words("times.time_preps")
    assert set(data.word_map("times.season_direction").values()) == {"last", "next", "this"}
