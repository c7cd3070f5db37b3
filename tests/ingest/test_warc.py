"""WARC / WARC.gz archives (written here with warcio) and gzipped JSONL batches as inputs."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.errors import InputError
from communique.ingest import read_inputs
from communique.ingest.sources import read_run
from communique.records import Article

from .conftest import ARTICLE, PAGE

SECOND_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Border crossing reopens for aid convoys</title>
<meta property="article:published_time" content="2025-04-10T07:00:00Z"></head><body><article>
<h1>Border crossing reopens for aid convoys</h1>
<p>AMMAN, April 10 (Communique Wire) - Jordan reopened the main border crossing for aid convoys on Thursday after a two-week closure, the interior ministry said in a statement.</p>
<p>"Trucks carrying food and medicine will move first," a ministry spokesman told reporters at the crossing, adding that fuel deliveries would follow next week.</p>
<p>United Nations officials welcomed the decision and urged the authorities to keep the crossing open around the clock.</p>
</article></body></html>
"""


def _response(w: WARCWriter, uri: str, body: bytes, ctype: str = "text/html; charset=utf-8",
              status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))


def write_warc(path: Path, *, gz: bool = True) -> None:
    """Two HTML pages, a request, an image, a 404 page and a second capture of the first page."""
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warc_record("https://wire.example.org/world/doha-talks", "request",
                                            payload=io.BytesIO(b"GET /world/doha-talks HTTP/1.1\r\n\r\n")))
        _response(w, "https://wire.example.org/world/doha-talks", PAGE.encode())
        _response(w, "https://wire.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        _response(w, "https://wire.example.org/missing", b"<p>gone</p>", status="404 Not Found")
        _response(w, "https://wire.example.org/world/aid-crossing", SECOND_PAGE.encode())
        _response(w, "https://wire.example.org/world/doha-talks", PAGE.encode())


def test_warc_gz_html_responses_become_articles_by_target_uri(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc.gz")
    items = list(read_inputs(str(tmp_path / "crawl.warc.gz")))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in articles] == ["https://wire.example.org/world/doha-talks",
                                        "https://wire.example.org/world/aid-crossing"]
    assert articles[0].published == "2025-03-03" and "Majed al-Ansari" in articles[0].text
    assert articles[1].title == "Border crossing reopens for aid convoys"
    assert articles[1].source == f"{tmp_path / 'crawl.warc.gz'}#5"


def test_warc_second_capture_of_a_page_is_an_error_naming_the_first(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc.gz")
    errors = [i for i in read_inputs(str(tmp_path / "crawl.warc.gz")) if isinstance(i, InputError)]
    assert len(errors) == 1
    assert errors[0].source.endswith("#6") and "record 2, is kept" in errors[0].reason


def test_plain_warc_reads_like_warc_gz(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl.warc", gz=False)
    items = list(read_inputs(str(tmp_path / "crawl.warc")))
    assert sum(isinstance(i, Article) for i in items) == 2


def test_damaged_warc_keeps_the_articles_before_the_damage(tmp_path: Path) -> None:
    before, after = io.BytesIO(), io.BytesIO()
    _response(WARCWriter(before, gzip=True), "https://wire.example.org/world/doha-talks", PAGE.encode())
    _response(WARCWriter(after, gzip=True), "https://wire.example.org/world/aid-crossing", SECOND_PAGE.encode())
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(before.getvalue() + b"this line is no WARC record\r\n" + after.getvalue())
    items = list(read_inputs(str(damaged)))
    assert len(items) == 2
    assert isinstance(items[0], Article) and items[0].id == "https://wire.example.org/world/doha-talks"
    assert isinstance(items[1], InputError) and items[1].source == str(damaged)
    assert "damaged or unreadable WARC archive" in items[1].reason


def test_jsonl_gz_reads_line_by_line_like_jsonl(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "doha", "text": ARTICLE, "published": "2025-03-03"}), "{not json"]
    with gzip.open(tmp_path / "wire.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    items = list(read_inputs(str(tmp_path / "wire.jsonl.gz")))
    assert isinstance(items[0], Article) and items[0].id == "doha" and items[0].published == "2025-03-03"
    assert isinstance(items[1], InputError) and items[1].source == f"{tmp_path / 'wire.jsonl.gz'}:2"


def test_folder_reads_warc_and_jsonl_gz_next_to_text_files(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz")
    with gzip.open(folder / "wire.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "doha-jsonl", "text": ARTICLE}) + "\n")
    (folder / "story.txt").write_text(ARTICLE, encoding="utf-8")
    ids = {i.id for i in read_run([str(folder)]) if isinstance(i, Article)}
    assert ids == {"https://wire.example.org/world/doha-talks", "https://wire.example.org/world/aid-crossing",
                   "doha-jsonl", "story"}


def test_gzip_that_is_not_gzip_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "fake.jsonl.gz").write_bytes(b"plain text, not gzip")
    items = list(read_inputs(str(tmp_path / "fake.jsonl.gz")))
    assert len(items) == 1 and isinstance(items[0], InputError) and "gzip" in items[0].reason
