"""Web archives and compressed batches: WARC / WARC.gz files (warcio) and ``.jsonl.gz`` files.

A WARC file's articles are its HTML ``response`` records with a 2xx status; other records (requests,
metadata, images, style sheets, redirects) are not articles and are passed over. Each article's id
is its target URI (as for URL input); a later capture of the same URI in the archive is an error
naming it, and the first capture is kept. Each record is named ``FILE#N`` (its number in the archive).
A damaged archive keeps every article read before the damage and ends with one error naming it.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.errors import InputError
from communique.ingest.articles import article_from_page
from communique.ingest.fetch import HTML_TYPES
from communique.records import Article
from communique.settings import Settings

if TYPE_CHECKING:
    from communique.ingest.sources import Run

WARC_ENDINGS = (".warc", ".warc.gz")
JSONL_GZ_ENDINGS = (".jsonl.gz", ".ndjson.gz")
Item = Article | InputError
LineReader = Callable[..., Iterator[Item]]
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


def is_container(path: Path) -> bool:
    """Whether ``path`` is a WARC archive or a gzipped JSONL batch (read by this module)."""
    return path.name.lower().endswith(WARC_ENDINGS + JSONL_GZ_ENDINGS)


def read_container(path: Path, *, settings: Settings, run: Run | None, read_lines: LineReader) -> Iterator[Item]:
    """Every article of a WARC archive or a ``.jsonl.gz`` batch (see ``is_container``); ``read_lines``
    reads JSONL lines (``sources.read_jsonl_lines``)."""
    if path.name.lower().endswith(WARC_ENDINGS):
        yield from read_warc(path, settings=settings)
    else:
        yield from read_jsonl_gz(path, settings=settings, run=run, read_lines=read_lines)


def read_jsonl_gz(path: Path, *, settings: Settings, run: Run | None, read_lines: LineReader) -> Iterator[Item]:
    """A gzipped JSONL batch, line by line, exactly as a ``.jsonl`` file (``FILE:LINE`` names each line)."""
    try:
        with gzip.open(path, "rb") as fh:
            yield from read_lines(fh, name=str(path), settings=settings, run=run)
    except (OSError, EOFError, zlib.error) as e:
        yield InputError(str(path), f"unreadable gzip file ({e})")


def read_warc(path: Path, *, settings: Settings) -> Iterator[Item]:
    """The HTML response records of a WARC or WARC.gz archive as articles."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    seen: dict[str, int] = {}
    try:
        with path.open("rb") as fh:
            for n, record in enumerate(ArchiveIterator(fh), 1):
                item = _record(record, f"{path}#{n}", n, seen, settings)
                if item is not None:
                    yield item
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as e:
        yield InputError(str(path), f"damaged or unreadable WARC archive ({type(e).__name__}: {e})")


def _record(record: Any, where: str, n: int, seen: dict[str, int], settings: Settings) -> Item | None:
    """One record as an article, an error, or None when it is not an HTML page."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    ctype = record.http_headers.get_header("Content-Type") or ""
    mime = ctype.split(";")[0].strip().lower()
    if not status.startswith("2") or mime not in HTML_TYPES:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or where
    if uri in seen:
        return InputError(where, f"another capture of {uri} (the first, record {seen[uri]}, is kept)", article_id=uri)
    seen[uri] = n
    body = record.content_stream().read(settings.fetch_max_bytes + 1)
    if len(body) > settings.fetch_max_bytes:
        return InputError(where, f"page too large (more than {settings.fetch_max_bytes} bytes)", article_id=uri)
    if b"\x00" in body[:65536]:
        return InputError(where, "binary data (contains NUL bytes)", article_id=uri)
    m = _CHARSET.search(ctype)
    charset = m.group(1) if m else None
    try:
        return article_from_page(body, charset, id=uri, url=uri, source=where, settings=settings)
    except InputError as e:
        return InputError(where, e.reason, article_id=uri)
    except (RecursionError, MemoryError, UnicodeError, ValueError) as e:
        return InputError(where, f"unreadable ({type(e).__name__}: {e})", article_id=uri)
