"""Ingestion of the shared fixtures under tests/fixtures/articles, against their expectation files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.errors import InputError
from communique.ingest import LineError, read_inputs
from communique.records import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _expected(name: str) -> dict[str, Any]:
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"{path} not written yet")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_boilerplate_fixture_removes_exactly_the_listed_lines_with_their_reasons() -> None:
    expected = _expected("boilerplate.expected.json")
    source = FIXTURES / expected["file"]
    raw = source.read_text(encoding="utf-8")
    [article] = list(read_inputs(str(source)))
    assert isinstance(article, Article), article
    assert article.title == expected["title"]
    got = [(raw[: r.start].count("\n") + 1, r.text, r.reason) for r in article.removed]
    want = [(r["line"], r["text"], r["reason"]) for r in expected["removed"]]
    assert got == want
    for sentence in expected["must_survive"]:
        assert sentence in article.text


def test_page_fixture_gives_expected_metadata_and_main_text() -> None:
    expected = _expected("page.expected.json")
    [article] = list(read_inputs(str(FIXTURES / expected["file"])))
    assert isinstance(article, Article), article
    for key in ("title", "published", "url", "outlet"):
        assert getattr(article, key) == expected[key], key
    assert list(article.authors) == expected["authors"]
    body = article.text
    if article.title and body.startswith(article.title):
        body = body[len(article.title):].lstrip()
    assert body.startswith(expected["text_starts_with"])
    assert body.endswith(expected["text_ends_with"])
    for junk in expected["must_not_contain"]:
        assert junk not in body, junk


def test_batch_fixture_yields_one_item_per_line_in_order() -> None:
    expected = _expected("batch.expected.json")
    source = FIXTURES / expected["file"]
    items = list(read_inputs(str(source)))
    assert len(items) == len(expected["lines"])
    words = {"malformed_json": "malformed json", "empty_text": "empty text", "not_english": "not english"}
    for item, want in zip(items, expected["lines"], strict=True):
        if want["expect"] == "analysis":
            assert isinstance(item, Article), (want, item)
            assert item.id == want["id"]
            for key in ("title", "published"):
                if key in want:
                    assert getattr(item, key) == want[key]
            if "authors" in want:
                assert list(item.authors) == want["authors"]
            if "text_must_contain" in want:
                assert want["text_must_contain"] in item.text
            for junk in want.get("text_must_not_contain", []):
                assert junk not in item.text.split("\n\n")
        else:
            assert isinstance(item, LineError) and isinstance(item, InputError), (want, item)
            assert item.source == f"{source}:{want['line']}"
            assert item.article_id == want["id"]
            assert words[want["reason"]] in item.reason.lower()
