"""Size caps: no input is read past its limit. A huge file, endless standard input, ``/dev/zero``, a FIFO
that never ends and one endless JSONL line each end as one error naming the input and the setting."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.ingest import read_inputs
from communique.ingest.sources import LineError, read_stream
from communique.records import Article
from communique.settings import Settings

from .conftest import ARTICLE, PAGE

SMALL = Settings(max_input_bytes=100_000, max_line_bytes=10_000, max_html_bytes=20_000)


def _errors(items: list[Article | InputError]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def test_dev_zero_is_one_error_naming_the_device_and_the_setting() -> None:
    items = list(read_inputs("/dev/zero", SMALL))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].source == "/dev/zero"
    assert items[0].reason == "character device too large: more than 100,000 bytes (setting max_input_bytes)"


def test_dev_zero_through_the_cli_ends_with_one_error_line() -> None:
    env = {**os.environ, "COMMUNIQUE_MAX_INPUT_BYTES": "200000"}
    r = subprocess.run([sys.executable, "-m", "communique", "analyze", "/dev/zero", "--format", "json"],
                       capture_output=True, text=True, timeout=300, env=env)
    assert r.returncode == 1 and r.stdout == ""
    assert r.stderr.strip().splitlines() == [
        "error: /dev/zero: character device too large: more than 200,000 bytes (setting max_input_bytes)"]


@pytest.fixture
def endless_fifo(tmp_path: Path) -> Iterator[tuple[Path, threading.Event]]:
    """A FIFO whose writer (a thread) sends an article head and then never stops, until the reader goes."""
    path = tmp_path / "endless.jsonl"
    os.mkfifo(path)
    done = threading.Event()

    def write() -> None:
        try:
            with path.open("wb") as fh:
                fh.write((json.dumps({"id": "first", "text": ARTICLE}) + "\n").encode())
                fh.write(b'{"id": "endless", "text": "')
                while not done.is_set():
                    fh.write(b"x" * 65536)
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    yield path, done
    done.set()
    writer.join(timeout=10)


def test_fifo_with_an_endless_jsonl_line_keeps_the_first_article_and_stops(
        endless_fifo: tuple[Path, threading.Event]) -> None:
    path, _ = endless_fifo
    items = list(read_inputs(str(path), SMALL))
    assert [i.id for i in items if isinstance(i, Article)] == ["first"]
    [error] = _errors(items)
    assert isinstance(error, LineError) and error.source == f"{path}:2"
    assert "line too large: more than 10,000 bytes (setting max_line_bytes)" in error.reason
    assert "the rest of" in error.reason


def test_fifo_as_a_text_input_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)

    def write() -> None:
        try:
            with path.open("wb") as fh:
                for _ in range(1000):
                    fh.write(ARTICLE.encode() * 10)
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    items = list(read_inputs(str(path), SMALL))
    writer.join(timeout=10)
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert items[0].reason.startswith("FIFO too large: more than 100,000 bytes")


def test_small_fifo_is_read_as_an_article(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    os.mkfifo(path)
    writer = threading.Thread(target=lambda: path.write_text(ARTICLE, encoding="utf-8"), daemon=True)
    writer.start()
    items = list(read_inputs(str(path), SMALL))
    writer.join(timeout=10)
    assert len(items) == 1 and isinstance(items[0], Article) and "Doha" in items[0].text


def test_large_file_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 300, encoding="utf-8")
    [error] = list(read_inputs(str(path), SMALL))
    assert isinstance(error, InputError) and error.source == str(path)
    assert error.reason == "file too large: more than 100,000 bytes (setting max_input_bytes)"


def test_stdin_over_the_cap_is_one_error() -> None:
    class Stdin:
        buffer = io.BytesIO(ARTICLE.encode() * 300)

    [error] = list(read_stream(Stdin(), settings=SMALL))  # type: ignore[arg-type]
    assert isinstance(error, InputError) and error.source == "-"
    assert error.reason == "standard input too large: more than 100,000 bytes (setting max_input_bytes)"
    [error] = list(read_stream(io.StringIO("é" * 60_000), settings=SMALL))  # 120,000 bytes of UTF-8
    assert isinstance(error, InputError) and "standard input too large" in error.reason


def test_stdin_over_the_cap_through_the_cli() -> None:
    env = {**os.environ, "COMMUNIQUE_MAX_INPUT_BYTES": "100000"}
    r = subprocess.run([sys.executable, "-m", "communique", "analyze", "-", "--format", "json"],
                       input=ARTICLE * 300, capture_output=True, text=True, timeout=300, env=env)
    assert r.returncode == 1
    assert "error: -: standard input too large: more than 100,000 bytes (setting max_input_bytes)" in r.stderr


def test_long_jsonl_line_is_that_lines_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [{"id": "a", "text": ARTICLE}, {"id": "long", "text": ARTICLE * 30}, {"id": "b", "text": ARTICLE}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = list(read_inputs(str(path), SMALL))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b"]
    [error] = _errors(items)
    assert error.source == f"{path}:2"
    assert error.reason == "line too large: more than 10,000 bytes (setting max_line_bytes)"


def test_long_jsonl_line_on_stdin_is_that_lines_error() -> None:
    text = json.dumps({"id": "a", "text": ARTICLE}) + "\n" + json.dumps({"id": "long", "text": ARTICLE * 30}) + "\n"
    items = list(read_stream(io.StringIO(text), settings=SMALL))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], LineError) and "setting max_line_bytes" in items[1].reason


def test_html_over_its_cap_is_refused_from_a_file_and_from_a_jsonl_field(tmp_path: Path) -> None:
    page = PAGE.replace("</body>", "<!-- " + "padding " * 3000 + "-->\n</body>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [error] = list(read_inputs(str(path), SMALL))
    assert isinstance(error, InputError)
    assert error.reason == "HTML page too large: more than 20,000 bytes (setting max_html_bytes)"
    batch = tmp_path / "pages.jsonl"
    batch.write_text(json.dumps({"id": "p", "html": page}) + "\n" + json.dumps({"id": "ok", "html": PAGE}) + "\n",
                     encoding="utf-8")
    items = list(read_inputs(str(batch), Settings(max_html_bytes=20_000)))
    assert isinstance(items[0], LineError) and "setting max_html_bytes" in items[0].reason
    assert isinstance(items[1], Article) and items[1].id == "ok"
