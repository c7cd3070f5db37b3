"""Build ``Article`` records from plain text or raw HTML, with clean-up and input checks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from communique.errors import InputError, NotEnglish
from communique.ingest.bounded import over_limit
from communique.ingest.cleanup import Cleaned, authors_from_byline, clean_text
from communique.ingest.html import decode_page, extract_page
from communique.ingest.language import other_language
from communique.records import Article, Removal
from communique.settings import Settings
from communique.times.dateline import publication_date

_CONTROL = re.compile(r"[\x00-\x08\x0B\x0E-\x1F\x7F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(value: str) -> tuple[str, int]:
    """``value`` with every lone surrogate (``"\\ud800"`` from a JSON escape) replaced by U+FFFD,
    and how many there were: such text cannot be hashed, printed or stored as UTF-8."""
    return _SURROGATE.subn("\ufffd", value)


def _scrub_fields(fields: dict[str, str | None]) -> tuple[dict[str, str | None], tuple[Removal, ...]]:
    """Every field scrubbed, and one clean-up note per field that held lone surrogates (offsets of
    the first one; the text is kept one character for one, so offsets stay true)."""
    out: dict[str, str | None] = {}
    notes: list[Removal] = []
    for name, value in fields.items():
        if value is None:
            out[name] = None
            continue
        out[name], n = scrub(value)
        if n:
            first = _SURROGATE.search(value)
            start = first.start() if first and name == "text" else 0
            notes.append(Removal(start, start + 1, f"{name}: {n} lone surrogate(s) replaced by U+FFFD",
                                 "lone surrogate"))
    return out, tuple(notes)


Scrubbed = tuple[str, str, str | None, str | None, str | None, tuple[Removal, ...]]


def _scrubbed(text: str, id: str, title: str | None, url: str | None, outlet: str | None) -> Scrubbed:
    f, notes = _scrub_fields({"text": text, "id": id, "title": title, "url": url, "outlet": outlet})
    return f["text"] or "", f["id"] or "", f["title"], f["url"], f["outlet"], notes


def html_too_large(settings: Settings) -> str:
    """The reason a page over ``max_html_bytes`` is refused."""
    return f"HTML page too large: more than {settings.max_html_bytes:,} bytes (setting max_html_bytes)"


def normalize_published(value: object, source: str) -> str | None:
    """An ISO date or datetime (``2025-03-03``, ``2025-03-03T10:00:00Z``) -> ``YYYY-MM-DD``."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(source, f"published must be an ISO date string, not {type(value).__name__}")
    s = value.strip()
    try:
        if len(s) == 10:
            return date.fromisoformat(s).isoformat()
        return datetime.fromisoformat(s.replace("z", "Z")).date().isoformat()
    except ValueError as e:
        raise InputError(source, f"published {value!r} is not an ISO date or datetime") from e


def _authors(authors: Iterable[str] | str | None) -> tuple[str, ...]:
    if not authors:
        return ()
    if isinstance(authors, str):
        authors = [authors]
    return tuple(scrub(a.strip())[0] for a in authors if isinstance(a, str) and a.strip())


def _merge_authors(first: tuple[str, ...], cleaned: Cleaned) -> tuple[str, ...]:
    """Authors given or found in the page, then the people of any removed byline, without repeats."""
    out = list(first)
    for r in cleaned.removed:
        if r.reason != "byline":
            continue
        for name in authors_from_byline(r.text):
            if not any(name.lower() in a.lower() or a.lower() in name.lower() for a in out):
                out.append(name)
    return tuple(out)


def _stated_date(raw: str, cleaned: Cleaned) -> tuple[str | None, str | None]:
    """The publication date the raw text's head states, read before clean-up drops its date lines
    ("Updated: 4 March 2025", a date under a byline), and the kind of line that gave it."""
    bylines = [(r.start, r.end) for r in cleaned.removed if r.reason == "byline"]
    found = publication_date(raw, bylines=bylines)
    return (found.date, found.source) if found else (None, None)


def _check(text: str, source: str, settings: Settings) -> tuple[str, str] | None:
    """Raise ``InputError`` for an empty or binary text; (language, reason) when it is not English."""
    body = text.strip()
    if len(body) < settings.min_chars:
        raise InputError(
            source,
            f"empty text ({len(body)} characters after clean-up; at least {settings.min_chars} needed)",
        )
    if _CONTROL.search(body[:100_000]) and len(_CONTROL.findall(body)) / len(body) > 0.01:
        raise InputError(source, "binary data (control characters)")
    return other_language(body[:20_000], settings.min_english_ratio)


def _english(article: Article, source: str, language: tuple[str, str] | None) -> Article:
    """``article``, or ``NotEnglish`` carrying it (with its language) when ``language`` names another."""
    if language is None:
        return article
    code, reason = language
    raise NotEnglish(source, reason, language=code, article=replace(article, language=code), article_id=article.id)


def article_from_text(
    text: str,
    *,
    id: str,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    authors: Iterable[str] | str = (),
    source: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """A cleaned article from plain text; raise ``InputError`` when it is empty or not English.

    Without ``title``, the first line becomes the title when it looks like one.
    """
    settings = settings or Settings()
    text, id, title, url, outlet, notes = _scrubbed(text, id, title, url, outlet)
    where = source or id
    when = normalize_published(published, where)
    cleaned = clean_text(text, title=title, take_title=title is None, max_chars=settings.max_chars)
    language = _check(cleaned.text, where, settings)
    stated, stated_from = (when, "input") if when else _stated_date(text, cleaned)
    return _english(Article(
        id=id,
        text=cleaned.text,
        title=cleaned.title,
        published=stated,
        url=url,
        outlet=outlet,
        authors=_authors(authors) or _merge_authors((), cleaned),
        source=source,
        removed=cleaned.removed + notes,
        published_from=stated_from,
    ), where, language)


def article_from_html(
    html: str,
    *,
    id: str,
    authors: Iterable[str] | str = (),
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    source: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """A cleaned article from a raw page (trafilatura text, htmldate date, page metadata).

    Fields given here win over what the page says, except ``url``: the page's canonical URL wins.
    ``removed`` offsets point into the extractor's plain text (one paragraph per line), not the HTML. Raise ``InputError`` when the page has no
    article text, or it is empty or not English after clean-up.
    """
    settings = settings or Settings()
    html, id, title, url, outlet, notes = _scrubbed(html, id, title, url, outlet)
    where = source or url or id
    if over_limit(html, settings.max_html_bytes):
        raise InputError(where, html_too_large(settings))
    when = normalize_published(published, where)
    page = extract_page(html, url=url)
    if not page.text.strip():
        raise InputError(where, "no article text found in the HTML")
    head = title or page.title
    cleaned = clean_text(page.text, title=head, join_wrapped=False, max_chars=settings.max_chars)
    language = _check(cleaned.text, where, settings)
    stated: str | None
    published_from: str | None
    if when or page.published:
        stated, published_from = (when, "input") if when else (page.published, "html")
    else:
        stated, published_from = _stated_date(page.text, cleaned)
    return _english(Article(
        id=id,
        text=cleaned.text,
        title=head,
        published=stated,
        url=page.url or url,
        outlet=outlet or page.outlet,
        authors=_authors(authors) or _merge_authors(page.authors, cleaned),
        source=source,
        removed=cleaned.removed + notes,
        published_from=published_from,
    ), where, language)


def article_from_page(data: bytes, charset: str | None = None, *, id: str, url: str | None = None,
                      source: str | None = None, settings: Settings | None = None) -> Article:
    """A cleaned article from a page's bytes (a fetched URL, a feed entry's page, a WARC record), decoded by
    ``html.decode_page``; an encoding it had to guess is among the article's notes, so the reader warns."""
    text, note = decode_page(data, charset)
    return noted(article_from_html(text, id=id, url=url, source=source, settings=settings), note)


def noted(article: Article, note: str | None) -> Article:
    """``article`` with the reading ``note`` (a guessed encoding) among its warnings."""
    return replace(article, notes=(*article.notes, note)) if note else article
