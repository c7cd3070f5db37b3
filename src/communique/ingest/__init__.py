"""Ingestion: text, raw HTML, JSONL, stdin and URLs become cleaned ``Article`` records."""

from __future__ import annotations

from collections.abc import Iterator

from communique.errors import InputError
from communique.records import Article
from communique.settings import Settings


def read_inputs(source: str, settings: Settings | None = None) -> Iterator[Article | InputError]:
    """Articles from one input: a path (.txt, .html/.htm, .jsonl, or a folder of them), ``-`` or a URL.

    Never raises for bad input: each bad article is yielded as an ``InputError`` naming it and the
    reason, and the others go on. Placeholder: plain-text files only.
    """
    from pathlib import Path

    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        yield InputError(source, f"cannot read: {e}")
        return
    yield Article(id=path.stem, text=text, source=source)
