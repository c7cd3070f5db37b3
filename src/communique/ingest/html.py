"""Raw HTML -> main text and metadata: trafilatura for the text, htmldate for the date.

trafilatura keeps one paragraph per line; the clean-up turns that into blank-line paragraphs.
Its author field keeps only what its first matching source gives, so authors are gathered here
from every source a page offers (JSON-LD, author meta tags, byline elements), then de-duplicated.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from lxml import html as lxml_html

from communique.ingest.language import bom_encoding, guess_encoding

# Measured on the article-extraction benchmark (communique.eval.ingest): favouring precision scores
# best, and comments are never article text.
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
}

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I | re.S)
_CLOSING_TAG = re.compile(r"</(?:p|div|html|body|article|span|h1|title)>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


@dataclass(frozen=True, slots=True)
class PageExtract:
    """What a page gives: main text (one paragraph per line) and metadata."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    url: str | None = None
    outlet: str | None = None


def looks_like_html(text: str) -> bool:
    """True when ``text`` is markup rather than plain prose."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) and bool(_CLOSING_TAG.search(text[:200_000]))


def decode_page(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Page bytes -> (text, note): a byte order mark (UTF-8, UTF-16, UTF-32), else the declared charset,
    else a ``<meta charset>``, else UTF-8, else the encoding charset-normalizer guesses (``note`` names it,
    for a warning), else cp1252."""
    bom = bom_encoding(data)
    candidates = [bom] if bom else []
    if declared:
        candidates.append(declared)
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "ignore"))
    for enc in [*candidates, "utf-8"]:
        try:
            return data.decode(enc or "utf-8"), None
        except (LookupError, UnicodeDecodeError):
            continue
    guess = guess_encoding(data)
    if guess:
        try:
            return data.decode(guess), f"not UTF-8 and no charset declared: decoded as {guess} (guessed by charset-normalizer)"
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("cp1252"), None
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), None


def extract_page(html: str, url: str | None = None) -> PageExtract:
    """Main text and metadata of one page; the text is empty when nothing article-like is found."""
    import trafilatura
    from htmldate import find_date

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, **TRAFILATURA_OPTIONS)
    text = ""
    title = author = page_url = sitename = None
    if doc is not None and not isinstance(doc, dict):
        text = doc.text or ""
        title, author, page_url, sitename = doc.title, doc.author, doc.url, doc.sitename
    try:
        published = find_date(html, original_date=True, extensive_search=True, url=url)
    except Exception:  # noqa: BLE001 - htmldate may fail on odd markup; a missing date is fine
        published = None
    tree = _parse(html)
    authors = _authors(tree, author)
    canonical = _canonical(tree) or page_url or url
    return PageExtract(
        text=text,
        title=_clean(title),
        authors=authors,
        published=published,
        url=canonical,
        outlet=_clean(sitename) or _meta(tree, "og:site_name", "application-name"),
    )


def _parse(html: str) -> Any:
    try:
        return lxml_html.fromstring(html.encode("utf-8", errors="replace"))
    except (ValueError, lxml_html.etree.ParserError):
        return None


def _clean(s: str | None) -> str | None:
    if not s:
        return None
    s = " ".join(s.split())
    return s or None


def _meta(tree: Any, *names: str) -> str | None:
    if tree is None:
        return None
    for name in names:
        for el in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]'):
            value = _clean(el.get("content"))
            if value:
                return value
    return None


def _canonical(tree: Any) -> str | None:
    if tree is None:
        return None
    for el in tree.xpath('//link[@rel="canonical"]'):
        href = (el.get("href") or "").strip()
        if href.startswith(("http://", "https://")):
            return href
    return _meta(tree, "og:url")


_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl")
_BYLINE_XPATH = (
    '//*[@rel="author"]|//*[@itemprop="author"]//*[@itemprop="name"]'
    '|//*[contains(concat(" ", normalize-space(@class), " "), " author-name ")]'
    '|//*[contains(concat(" ", normalize-space(@class), " "), " byline__name ")]'
)
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\d{3,}|\b(?:staff|editor|team|newsroom|admin)\b", re.I)


def _authors(tree: Any, trafilatura_author: str | None) -> tuple[str, ...]:
    found: list[str] = []
    if tree is not None:
        found += _jsonld_authors(tree)
        for name in _AUTHOR_META:
            for el in tree.xpath(f'//meta[@name="{name}" or @property="{name}"]'):
                found += _split_names(el.get("content") or "")
        for el in tree.xpath(_BYLINE_XPATH)[:10]:
            found += _split_names(el.text_content())
    if trafilatura_author:
        found += _split_names(trafilatura_author)
    out: list[str] = []
    seen: set[str] = set()
    for name in found:
        key = name.lower()
        if key not in seen and not any(key in s or s in key for s in seen):
            seen.add(key)
            out.append(name)
    return tuple(out[:12])


def _split_names(value: str) -> list[str]:
    value = re.sub(r"^\s*(?:by|written by)\s+", "", " ".join(value.split()), flags=re.I)
    if not value or _NOT_A_NAME.search(value):
        return []
    parts = re.split(r"\s*(?:;|\||\band\b|&)\s*", value)
    names: list[str] = []
    for part in parts:
        # "Doe, Jane" is one name; "Jane Doe, Ali Hassan" is two.
        sub = [p.strip() for p in part.split(",")]
        if len(sub) > 1 and all(len(p.split()) >= 2 for p in sub):
            names += sub
        elif part.strip():
            names.append(part.strip(" ,"))
    return [n for n in names if 1 <= len(n.split()) <= 5 and any(c.isupper() for c in n)]


def _jsonld_authors(tree: Any) -> list[str]:
    names: list[str] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except (RecursionError, ValueError, TypeError):  # malformed, or nested past the recursion limit
            continue
        for node in _walk(data):
            author = node.get("author")
            for a in author if isinstance(author, list) else [author]:
                if isinstance(a, dict) and isinstance(a.get("name"), str):
                    if a.get("@type") in (None, "Person") or isinstance(a.get("@type"), list):
                        names += _split_names(a["name"])
                elif isinstance(a, str):
                    names += _split_names(a)
    return names


def _walk(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > 6:
        return []
    if isinstance(data, list):
        return [n for item in data for n in _walk(item, depth + 1)]
    if isinstance(data, dict):
        nodes = [data] if "author" in data else []
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in data:
                nodes += _walk(data[key], depth + 1)
        return nodes
    return []
