"""Versioned data files (lexicons, gazetteers) and the one loader that reads them.

Layout:
- ``data/<lang>/*.tsv``: language data (cue verbs, role nouns, event verb patterns, time words, word
  lists). A second language is a new folder with the same file names, not a fork of the code.
- ``data/*.tsv``: language-independent tables (the CAMEO -> PLOVER crosswalk) and gazetteers whose
  rows are facts about the world.
- ``data/<lang>/words/*.tsv``: small named word lists, one ``list<TAB>entry[<TAB>value]`` row per
  entry, grouped in files by the stage that mainly reads them. A list name is unique across files.

Every file starts with ``#`` comment lines saying where its facts come from; a ``# columns:`` line names
the columns. Blank lines and ``#`` lines are skipped; every other line is one tab-separated row.

Usage::

    from communique import data
    data.rows("cues.tsv")                 # tuple of rows, each a tuple of stripped fields
    data.words("pronouns.personal")       # frozenset of lower-case entries of one word list
    data.word_map("titles.gender")        # {entry: value} of a two-column word list
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.abc import Traversable

LANG = "en"

Row = tuple[str, ...]


def _file(name: str, lang: str) -> Traversable:
    root = resources.files("communique.data")
    local = root.joinpath(lang).joinpath(name)
    if local.is_file():
        return local
    shared = root.joinpath(name)
    if shared.is_file():
        return shared
    raise FileNotFoundError(f"no data file {name!r} in communique/data/{lang}/ or communique/data/")


def parse(text: str) -> tuple[Row, ...]:
    """Rows of a data file's text: ``#`` lines and blank lines skipped, fields tab-separated and stripped.

    Trailing empty fields are kept so that a row's column count is what the file says.
    """
    return tuple(
        tuple(field.strip() for field in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@functools.cache
def text(name: str, lang: str = LANG) -> str:
    """The whole text of the data file ``name``, for parsers that check it line by line."""
    return _file(name, lang).read_text(encoding="utf-8")


@functools.cache
def rows(name: str, lang: str = LANG) -> tuple[Row, ...]:
    """Every row of the data file ``name`` (e.g. ``"cues.tsv"``), read once per process."""
    return parse(text(name, lang))


@functools.cache
def _word_lists(lang: str) -> dict[str, dict[str, str]]:
    lists: dict[str, dict[str, str]] = {}
    owner: dict[str, str] = {}
    folder = resources.files("communique.data").joinpath(lang).joinpath("words")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".tsv")), key=lambda f: f.name) if folder.is_dir() else []
    for f in files:
        for row in parse(f.read_text(encoding="utf-8")):
            if len(row) < 2 or not row[0] or not row[1]:
                raise ValueError(f"words/{f.name}: a row needs a list name and an entry: {row!r}")
            name = row[0]
            if owner.setdefault(name, f.name) != f.name:
                raise ValueError(f"word list {name!r} is defined in both words/{owner[name]} and words/{f.name}")
            lists.setdefault(name, {})[row[1].lower()] = row[2] if len(row) > 2 else ""
    return lists


def list_names(lang: str = LANG) -> frozenset[str]:
    """The names of every word list of a language."""
    return frozenset(_word_lists(lang))


def _list(name: str, lang: str) -> dict[str, str]:
    try:
        return _word_lists(lang)[name]
    except KeyError:
        raise KeyError(f"no word list {name!r} in communique/data/{lang}/words/") from None


@functools.cache
def words(*names: str, lang: str = LANG) -> frozenset[str]:
    """The lower-case entries of one or more word lists, as one set (``words("a", "b")`` is their union)."""
    out: set[str] = set()
    for name in names:
        out.update(_list(name, lang))
    return frozenset(out)


@functools.cache
def word_map(name: str, lang: str = LANG) -> dict[str, str]:
    """A two-column word list as ``{entry: value}`` (callers must not mutate it: it is cached)."""
    return dict(_list(name, lang))
