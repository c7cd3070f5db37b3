"""Encodings: text that is not UTF-8 is decoded by the encoding charset-normalizer guesses, with a warning
naming it; UTF-16 pages with a byte order mark are pages, not binary data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.ingest import read_inputs
from communique.ingest.language import decode_bytes
from communique.records import Article
from communique.settings import Settings

from .conftest import ARTICLE, PAGE, Server

# our own sentences, each with letters and marks Windows-1252 encodes in one byte
LEGACY = [
    "Talks in Genève resumed on Monday. \u201cWe are not there yet,\u201d the envoy said \u2013 "
    "and the café owner near the Palais des Nations agreed.",
    "The mediator, José Muñoz, said on Tuesday that the ceasefire would hold \u2018for now\u2019 "
    "and that both sides had accepted the plan\u2026",
    "Négociations: the minister told reporters in Zürich that a deal was \u201cclose\u201d, "
    "adding that the façade of unity would not last.",
]


@pytest.mark.parametrize("text", LEGACY)
def test_cp1252_text_is_decoded_right_and_the_guess_reported(text: str) -> None:
    body = (ARTICLE + "\n" + text + "\n").encode("cp1252")
    decoded = decode_bytes(body)
    assert decoded.text == ARTICLE + "\n" + text + "\n"
    assert decoded.note == "not UTF-8: decoded as cp1252 (guessed by charset-normalizer)"


def test_utf8_is_decoded_without_a_note() -> None:
    decoded = decode_bytes((ARTICLE + LEGACY[0]).encode("utf-8"))
    assert decoded.text == ARTICLE + LEGACY[0] and decoded.note is None


def test_damaged_utf8_stays_utf8_with_replacement_characters() -> None:
    data = (ARTICLE + LEGACY[0] + LEGACY[1]).encode("utf-8")
    data = data[:200] + b"\xff" + data[200:]
    decoded = decode_bytes(data)
    assert decoded.text is not None and decoded.note is None
    assert "\ufffd" in decoded.text and "Genève" in decoded.text and "Muñoz" in decoded.text


def test_cp1252_file_is_read_with_a_warning_naming_the_guess(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes((ARTICLE + "\n" + LEGACY[1] + "\n").encode("cp1252"))
    [item] = list(read_inputs(str(path)))
    assert isinstance(item, Article) and "José Muñoz" in item.text and "\u2018for now\u2019" in item.text
    assert item.notes == ("not UTF-8: decoded as cp1252 (guessed by charset-normalizer)",)
    r = subprocess.run([sys.executable, "-m", "communique", "analyze", str(path), "--format", "json"],
                       capture_output=True, text=True, timeout=300, env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    assert "warning: legacy: not UTF-8: decoded as cp1252 (guessed by charset-normalizer)" in r.stderr
    assert "José Muñoz" in r.stdout


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_pages_with_a_bom_are_pages(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "page.html"
    bom = {"utf-16": b"", "utf-16-be": b"\xfe\xff", "utf-32": b""}[encoding]
    path.write_bytes(bom + PAGE.replace('charset="utf-8"', "").encode(encoding))
    [item] = list(read_inputs(str(path)))
    assert isinstance(item, Article), item
    assert item.title == "Ceasefire talks resume in Doha" and "Doha" in item.text and not item.notes


def test_cp1252_page_without_a_declared_charset_is_guessed(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', "").replace(
        "<p>A senior Hamas official", "<p>" + LEGACY[2] + "</p>\n<p>A senior Hamas official")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    [item] = list(read_inputs(str(path)))
    assert isinstance(item, Article) and "Zürich" in item.text and "façade" in item.text
    assert item.notes and "decoded as cp1252" in item.notes[0]


def test_binary_data_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(1, 256)) * 40)
    [item] = list(read_inputs(str(path)))
    assert isinstance(item, InputError) and "binary" in item.reason


def test_cp1252_page_fetched_by_url_names_the_guess(server: Server) -> None:
    """A fetched page with no charset anywhere (no header parameter, no meta) is decoded as the file is,
    with the same warning, on URL input, a feed entry's page and a WARC record alike (one decoder)."""
    page = PAGE.replace('<meta charset="utf-8">', "").replace(
        "<p>A senior Hamas official", "<p>" + LEGACY[0] + "</p>\n<p>A senior Hamas official")
    server.routes["/legacy"] = (200, {"Content-Type": "text/html"}, page.encode("cp1252"))
    [item] = list(read_inputs(server.url("/legacy"), Settings(allow_private_fetch=True, fetch_host_interval=0)))
    assert isinstance(item, Article), item
    assert "Genève" in item.text and "café" in item.text
    assert item.notes == ("not UTF-8 and no charset declared: decoded as cp1252 (guessed by charset-normalizer)",)
