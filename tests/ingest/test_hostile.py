"""Hostile input never stops a run: deeply nested JSON and lone surrogates are one input's error
or a cleaned article, and everything else of the batch still comes out."""

from __future__ import annotations

import io
import json
from pathlib import Path

from communique.errors import InputError
from communique.ingest import read_inputs
from communique.ingest.sources import LineError, read_stream
from communique.records import Article

from .conftest import ARTICLE, PAGE

DEEP = "[" * 100_000 + "]" * 100_000


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_deeply_nested_jsonl_line_is_one_line_error_among_good_lines(tmp_path: Path) -> None:
    good = [json.dumps({"id": f"g{i}", "text": ARTICLE}) for i in range(2)]
    path = _jsonl(tmp_path, [good[0], DEEP, '{"id": "deep", "text": ' + DEEP + "}", good[1]])
    items = list(read_inputs(str(path)))
    assert [i.id for i in items if isinstance(i, Article)] == ["g0", "g1"]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]
    assert all(isinstance(e, LineError) and "nested too deeply" in e.reason for e in errors)


def test_deeply_nested_jsonl_on_stdin_is_an_error_not_a_crash() -> None:
    stream = io.StringIO(json.dumps({"id": "g", "text": ARTICLE}) + "\n" + '{"text": ' + DEEP + "}\n")
    items = list(read_stream(stream))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputError) and "nested too deeply" in items[1].reason


def test_page_with_deeply_nested_json_ld_still_gives_its_article(tmp_path: Path) -> None:
    deep_ld = '<script type="application/ld+json">' + DEEP + "</script>\n"
    path = tmp_path / "deep.html"
    path.write_text(PAGE.replace("</head>", deep_ld + "</head>", 1), encoding="utf-8")
    items = list(read_inputs(str(path)))
    assert len(items) == 1 and isinstance(items[0], Article), items
    assert "Doha" in items[0].text


def test_lone_surrogates_are_replaced_and_noted(tmp_path: Path) -> None:
    line = json.dumps({"id": "s\ud800", "title": "Talks\udc00 resume", "text": ARTICLE + " Tail \ud800 end."})
    items = list(read_inputs(str(_jsonl(tmp_path, [line]))))
    assert len(items) == 1 and isinstance(items[0], Article), items
    art = items[0]
    assert art.id == "s\ufffd" and art.title == "Talks\ufffd resume" and "Tail \ufffd end." in art.text
    for value in (art.id, art.title, art.text):
        value.encode("utf-8")  # would raise on a lone surrogate
    assert any(r.reason == "lone surrogate" for r in art.removed)


def test_surrogate_in_stdin_text_is_replaced() -> None:
    items = list(read_stream(io.StringIO(ARTICLE + " Tail \ud800 end.")))
    assert len(items) == 1 and isinstance(items[0], Article), items
    assert "Tail \ufffd end." in items[0].text
