"""Ingestion: text, raw HTML, JSONL, stdin and URLs become cleaned ``Article`` records.

- ``read_inputs(source, settings)``: every article of one input spec, bad ones as ``InputError``.
- ``article_from_text`` / ``article_from_html``: build one article directly (raise ``InputError``).
- ``clean_text``: the rule-based boilerplate clean-up, reported as ``Removal`` records.

Modules: ``sources`` (paths, folders, JSONL, stdin, URLs), ``articles`` (text/HTML -> Article),
``html`` (trafilatura + htmldate + metadata), ``fetch`` (httpx), ``cleanup`` (boilerplate rules),
``language`` (binary / empty / English checks).
"""

from __future__ import annotations

from communique.ingest.articles import article_from_html, article_from_text, normalize_published
from communique.ingest.cleanup import Cleaned, clean_text
from communique.ingest.sources import LineError, read_file, read_inputs, read_stream

__all__ = [
    "Cleaned",
    "LineError",
    "article_from_html",
    "article_from_text",
    "clean_text",
    "normalize_published",
    "read_file",
    "read_inputs",
    "read_stream",
]
