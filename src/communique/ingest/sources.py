"""Where articles come from: files, folders, JSONL batches, stdin and URLs.

Every reader yields ``Article`` or ``InputError`` and never raises for bad input, so one bad
article is reported and the rest go on.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from communique.errors import InputError, NotEnglish
from communique.ingest.articles import article_from_html, article_from_text, html_too_large, noted, scrub
from communique.ingest.bounded import TooLarge, capped_lines, kind_of, over_limit, read_capped
from communique.ingest.feeds import is_opml, read_opml, read_web
from communique.ingest.html import decode_page, looks_like_html
from communique.ingest.language import bom_encoding, decode_bytes
from communique.ingest.warc import is_container, read_container
from communique.records import Article
from communique.settings import Settings

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FOLDER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

Item = Article | InputError
# What reading one input may raise besides InputError: JSON nested past the recursion limit, a
# document too big for memory, text that is not valid Unicode, a value no parser accepts.
INPUT_FAILURES = (RecursionError, MemoryError, UnicodeError, ValueError)


def failure_reason(e: BaseException) -> str:
    """The one-line reason for an ``INPUT_FAILURES`` error of one input."""
    if isinstance(e, RecursionError):
        return "nested too deeply to read (JSON or markup past the recursion limit)"
    if isinstance(e, MemoryError):
        return "too large to read (out of memory)"
    if isinstance(e, UnicodeError):
        return f"not valid Unicode ({e.reason if hasattr(e, 'reason') else e})"
    return f"unreadable ({e})"


class LineError(InputError):
    """A bad line of a JSONL batch: ``source`` is ``FILE.jsonl:LINE``; ``article_id`` the line's id if any."""

    def __init__(self, source: str, reason: str, article_id: str | None = None) -> None:
        super().__init__(source, reason, article_id=article_id)


class LineNotEnglish(NotEnglish, LineError):
    """A JSONL line whose article is in another language: a ``LineError`` that keeps the article."""


@dataclass
class Run:
    """What one run of several inputs shares so its article ids stay unique.

    ``file_ids``: the id of each file (by resolved path) whose plain id another file of the run
    also has; ``jsonl_ids``: each JSONL id already read, with the ``FILE:LINE`` it was first seen
    at and a hash of that line.
    """

    file_ids: dict[Path, str] = field(default_factory=dict)
    jsonl_ids: dict[str, tuple[str, str]] = field(default_factory=dict)
    feeds: Any = None  # feeds.FeedSession: the per-host rate limit shared by the run's feeds


def read_run(sources: Sequence[str], settings: Settings | None = None) -> Iterator[Item]:
    """Articles from every input of one run, in order, with ids unique across the run.

    A file's plain id is its stem (``story`` for ``dirX/story.txt``), or for a file found in a
    folder its path below the folder without suffix (``sub/story``). When two different files of
    the run (after resolving links) have the same plain id, each of them instead gets its path
    with the fewest parent folders that tells them apart (``dirX/story`` and ``dirY/story``);
    files that differ only in suffix keep it (``story.txt``, ``story.html``); if that still
    matches another id of the run, ``~`` and 8 hex digits of a hash of its absolute path are
    added. So ids depend only on the set of inputs, not on their order, and a file that collides
    with none keeps its plain id. A JSONL line whose id an earlier, different line of the run
    already had is a ``LineError`` (the first line's article is kept).
    """
    settings = settings or Settings()
    run = Run(file_ids=_colliding_file_ids(sources))
    for source in sources:
        yield from read_inputs(source, settings, run=run)


def _plain_file_ids(sources: Sequence[str]) -> dict[Path, str]:
    """Each article file of the run (by resolved path) and its plain id; JSONL batches have none."""
    ids: dict[Path, str] = {}
    for source in sources:
        path = Path(source)
        try:
            if source == "-" or source.lower().startswith(("http://", "https://")):
                continue
            if path.is_dir():
                for p in _folder_files(path):
                    if p.suffix.lower() not in JSONL_SUFFIXES and not is_container(p):
                        ids.setdefault(p.resolve(), p.relative_to(path).with_suffix("").as_posix())
            elif path.is_file() and path.suffix.lower() not in JSONL_SUFFIXES and not is_container(path):
                ids.setdefault(path.resolve(), path.stem)
        except (OSError, RuntimeError):
            continue  # reading the input reports it
    return ids


def _colliding_file_ids(sources: Sequence[str]) -> dict[Path, str]:
    """The path-based ids of the run's files whose plain ids collide (see ``read_run``)."""
    plain = _plain_file_ids(sources)
    groups: dict[str, list[Path]] = {}
    for path, aid in plain.items():
        groups.setdefault(aid, []).append(path)
    chosen: dict[Path, str] = {}
    for paths in groups.values():
        if len(paths) > 1:
            chosen.update(_distinguishing_ids(paths))
    taken = {aid for p, aid in plain.items() if p not in chosen}
    counts: dict[str, int] = {}
    for aid in chosen.values():
        counts[aid] = counts.get(aid, 0) + 1
    for path, aid in chosen.items():
        if aid in taken or counts[aid] > 1:
            chosen[path] = f"{aid}~{hashlib.sha1(str(path).encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
    return chosen


def _distinguishing_ids(paths: list[Path]) -> dict[Path, str]:
    """The shortest trailing parts of each path (suffix dropped unless it alone differs) that differ."""
    for parts in ([p.with_suffix("").parts for p in paths], [p.parts for p in paths]):
        for k in range(1, max(len(x) for x in parts) + 1):
            ids = ["/".join(x[-k:]) for x in parts]
            if len(set(ids)) == len(ids):
                return dict(zip(paths, ids, strict=True))
    return {p: p.as_posix() for p in paths}


def read_inputs(source: str, settings: Settings | None = None, *, run: Run | None = None) -> Iterator[Item]:
    """Articles from one input: a path (.txt, .html/.htm, .jsonl, or a folder of them), ``-`` or a URL.

    Never raises for bad input: each bad article is yielded as an ``InputError`` naming it (path,
    URL, ``-`` or ``FILE.jsonl:LINE``) and the reason, and the others go on. Lines of a JSONL batch
    fail as ``LineError`` (an ``InputError``) with ``article_id`` set to the line's id when it has one;
    a line repeating an earlier line's id fails. Ids are unique within the input (see ``read_run``);
    ``run`` is shared by the inputs of one run (``read_run``) so ids stay unique across them.
    """
    settings = settings or Settings()
    run = run or Run(file_ids=_colliding_file_ids([source]))
    if source == "-":
        yield from read_stream(sys.stdin, settings=settings)
        return
    if source.lower().startswith(("http://", "https://")):
        yield from read_web(source, settings=settings, run=run)  # a page, or a feed's articles
        return
    path = Path(source)
    if path.is_dir():
        yield from read_folder(path, settings=settings, run=run)
    elif not path.exists():
        yield InputError(source, "no such file or folder")
    else:
        yield from read_file(path, settings=settings, run=run)


def _folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if (p.suffix.lower() in FOLDER_SUFFIXES or is_container(p)) and p.is_file())


def read_folder(folder: Path, *, settings: Settings, run: Run | None = None) -> Iterator[Item]:
    """Every .txt/.html/.htm/.jsonl file under ``folder``, recursively, in sorted path order.

    Article ids are the file's path below the folder without its suffix (``sub/name``), unless
    ``run`` gives the file another (see ``read_run``).
    """
    try:
        files = _folder_files(folder)
    except OSError as e:
        yield InputError(str(folder), f"cannot read folder ({e.strerror or e})")
        return
    if not files:
        yield InputError(str(folder), "no .txt, .html, .htm or .jsonl files in folder")
        return
    for p in files:
        article_id = p.relative_to(folder).with_suffix("").as_posix()
        yield from read_file(p, settings=settings, article_id=article_id, run=run)


def read_file(
    path: Path, *, settings: Settings, article_id: str | None = None, run: Run | None = None
) -> Iterator[Item]:
    """One file: plain text, raw HTML or a JSONL batch, by suffix (other suffixes are sniffed).

    The id is ``article_id`` or the file's stem, unless ``run`` gives the file another."""
    name = str(path)
    suffix = path.suffix.lower()
    run = run or Run()
    if is_container(path) or is_opml(path):  # WARC, .jsonl.gz, OPML: new readers of their own
        yield from (read_opml(path, settings=settings, run=run) if is_opml(path)
                    else read_container(path, settings=settings, run=run, read_lines=read_jsonl_lines))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, settings=settings, run=run)
        return
    try:
        with path.open("rb") as fh:
            data = read_capped(fh, settings.max_input_bytes)
    except OSError as e:
        yield InputError(name, f"unreadable ({e.strerror or e})")
        return
    except MemoryError as e:
        yield InputError(name, failure_reason(e))
        return
    if isinstance(data, TooLarge):
        yield InputError(name, _too_large(kind_of(path), settings.max_input_bytes, "max_input_bytes"))
        return
    aid = _run_id(run, path) or article_id or path.stem
    kind = "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else None
    yield from _read_bytes(data, source=name, article_id=aid, kind=kind, settings=settings, run=run)


def _too_large(what: str, limit: int, setting: str) -> str:
    return f"{what} too large: more than {limit:,} bytes (setting {setting})"


def _run_id(run: Run, path: Path) -> str | None:
    if not run.file_ids:
        return None
    try:
        return run.file_ids.get(path.resolve())
    except (OSError, RuntimeError):
        return None


def read_stream(stream: IO[str] | IO[bytes], *, settings: Settings | None = None, source: str = "-") -> Iterator[Item]:
    """Standard input (or any stream): plain text, HTML when it looks like HTML, or JSONL when
    every non-empty line is a JSON object. The id is ``stdin-`` plus a hash of the content. At most
    ``max_input_bytes`` are read: more is one error, however much the stream would give."""
    settings = settings or Settings()
    limit = settings.max_input_bytes
    try:
        buffer = getattr(stream, "buffer", None)
        raw: Any = read_capped(buffer, limit) if buffer is not None else stream.read(limit + 1)
    except (OSError, ValueError) as e:
        yield InputError(source, f"unreadable ({e})")
        return
    except MemoryError as e:
        yield InputError(source, failure_reason(e))
        return
    if isinstance(raw, TooLarge) or (isinstance(raw, str) and over_limit(raw, limit)):
        yield InputError(source, _too_large("standard input", limit, "max_input_bytes"))
        return
    data = scrub(raw)[0].encode("utf-8") if isinstance(raw, str) else bytes(raw)
    aid = "stdin-" + hashlib.sha1(data).hexdigest()[:10]
    yield from _read_bytes(data, source=source, article_id=aid, kind=None, settings=settings)


def _read_bytes(
    data: bytes, *, source: str, article_id: str, kind: str | None, settings: Settings, run: Run | None = None
) -> Iterator[Item]:
    note: str | None
    if kind == "html":
        if len(data) > settings.max_html_bytes:
            yield InputError(source, html_too_large(settings))
            return
        if _has_nul(data):
            yield InputError(source, "binary data (contains NUL bytes)")
            return
        text, note = decode_page(data)
    else:
        decoded = decode_bytes(data)
        if decoded.text is None:
            yield InputError(source, decoded.reason or "binary data")
            return
        text, note = decoded.text, decoded.note
    if kind is None:
        if _looks_like_jsonl(text):
            yield from read_jsonl_lines(text.splitlines(), name=source, settings=settings, run=run)
            return
        kind = "html" if looks_like_html(text) else "text"
    try:
        if kind == "html":
            yield noted(article_from_html(text, id=article_id, source=source, settings=settings), note)
        else:
            yield noted(article_from_text(text, id=article_id, source=source, settings=settings), note)
    except InputError as e:
        yield e
    except INPUT_FAILURES as e:
        yield InputError(source, failure_reason(e))


def _has_nul(data: bytes) -> bool:
    """NUL bytes outside UTF-16/32 text (announced by its byte order mark): binary data."""
    return b"\x00" in data and bom_encoding(data) not in ("utf-16", "utf-32")


def _looks_like_jsonl(text: str) -> bool:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines or not all(ln.startswith("{") for ln in lines):
        return False
    for ln in lines:
        try:
            if isinstance(json.loads(ln), dict):
                return True
        except (RecursionError, ValueError):
            continue
    return False


def _read_jsonl_file(path: Path, *, settings: Settings, run: Run) -> Iterator[Item]:
    try:
        fh = path.open("rb")
    except OSError as e:
        yield InputError(str(path), f"unreadable ({e.strerror or e})")
        return
    with fh:
        try:
            lines = capped_lines(fh, settings.max_line_bytes, settings.max_input_bytes)
            yield from read_jsonl_lines(lines, name=str(path), settings=settings, run=run)
        except OSError as e:
            yield InputError(str(path), f"unreadable ({e.strerror or e})")
        except INPUT_FAILURES as e:  # reading the file itself failed (a line too long for memory)
            yield InputError(str(path), failure_reason(e))


def read_jsonl_lines(
    lines: Iterable[str | bytes | TooLarge], *, name: str, settings: Settings, run: Run | None = None
) -> Iterator[Item]:
    """A JSONL batch, one article per line; a bad line becomes a ``LineError`` naming ``NAME:LINE``.

    A line whose id an earlier, different line of this batch (or of ``run``) already had is a
    ``LineError`` "duplicate id X, first seen at FILE:LINE"; the earlier article is kept. The very
    same line repeated is the same article again, not an error. A line longer than ``max_line_bytes``
    is a ``LineError``. A batch without a single non-blank line is one ``InputError`` naming the batch.
    """
    run = run or Run()
    seen = False
    for lineno, raw in enumerate(lines, 1):
        where = f"{name}:{lineno}"
        if isinstance(raw, TooLarge) or (isinstance(raw, str) and over_limit(raw, settings.max_line_bytes)):
            seen = True
            yield LineError(where, _too_large("line", settings.max_line_bytes, "max_line_bytes")
                            + ("" if not isinstance(raw, TooLarge) or raw.ended else
                               f"; the rest of {name} is not read (no line end within max_input_bytes)"))
            continue
        if isinstance(raw, bytes):
            if b"\x00" in raw:
                seen = True
                yield LineError(where, "binary data (contains NUL bytes)")
                continue
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                seen = True
                yield LineError(where, "line is not valid UTF-8")
                continue
        else:
            line = raw
        if not line.strip():
            continue
        seen = True
        try:
            yield _unique(_jsonl_item(line, where, settings), where, line, run)
        except INPUT_FAILURES as e:
            yield LineError(where, failure_reason(e))
    if not seen:
        yield InputError(name, "empty JSONL batch (no article lines)")


def _unique(item: Item, where: str, line: str, run: Run) -> Item:
    """``item``, or a ``LineError`` when an earlier, different line of the run had its id."""
    if not isinstance(item, Article):
        return item
    digest = hashlib.sha1(line.strip().encode("utf-8", "surrogatepass")).hexdigest()
    first, first_digest = run.jsonl_ids.setdefault(item.id, (where, digest))
    if first != where and first_digest != digest:
        return LineError(where, f"duplicate id {item.id}, first seen at {first}", item.id)
    return item


def _jsonl_item(line: str, where: str, settings: Settings) -> Item:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return LineError(where, f"malformed JSON ({e.msg} at column {e.colno})")
    except RecursionError:
        return LineError(where, "JSON nested too deeply to read")
    if not isinstance(obj, dict):
        return LineError(where, f"a line must be a JSON object, not {type(obj).__name__}")
    raw_id = obj.get("id")
    if (raw_id is not None and not isinstance(raw_id, str | int)) or isinstance(raw_id, bool):
        return LineError(where, "id must be a string")
    article_id = scrub(str(raw_id))[0] if raw_id not in (None, "") else None
    text, html = obj.get("text"), obj.get("html")
    fail = _field_problem(obj)
    if fail:
        return LineError(where, fail, article_id)
    common: dict[str, Any] = {
        "id": article_id or where,
        "title": obj.get("title") or None,
        "published": obj.get("published"),
        "url": obj.get("url") or None,
        "outlet": obj.get("outlet") or None,
        "authors": obj.get("authors") or (),
        "source": where,
        "settings": settings,
    }
    try:
        if isinstance(text, str):
            return article_from_text(text, **common)
        assert isinstance(html, str)
        return article_from_html(html, **common)
    except NotEnglish as e:  # the article kept: ingest stores it unanalysed
        return LineNotEnglish(where, e.reason, language=e.language, article=e.article, article_id=article_id)
    except InputError as e:
        return LineError(where, e.reason, article_id)
    except INPUT_FAILURES as e:
        return LineError(where, failure_reason(e), article_id)


def _field_problem(obj: dict[str, Any]) -> str | None:
    text, html = obj.get("text"), obj.get("html")
    if text is None and html is None:
        return 'needs a "text" or an "html" field'
    if text is not None and not isinstance(text, str):
        return '"text" must be a string'
    if text is None and not isinstance(html, str):
        return '"html" must be a string'
    for key in ("title", "published", "url", "outlet"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return f'"{key}" must be a string'
    authors = obj.get("authors")
    if authors is not None and not (
        isinstance(authors, str) or (isinstance(authors, list) and all(isinstance(a, str) for a in authors))
    ):
        return '"authors" must be a list of strings'
    return None
