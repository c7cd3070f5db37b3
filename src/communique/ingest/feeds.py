"""RSS and Atom feeds (feedparser), given as URLs or in an OPML file, and URL input that may be either.

A feed is fetched through the same safe fetcher as a page (``fetch.fetch_page``: address checks, one
deadline, a size cap), with a conditional GET: the ``ETag`` and ``Last-Modified`` of its last answer
are sent back, and a 304 answer means nothing new. Each entry's link is then fetched as a page, at
most one fetch per ``fetch_host_interval`` seconds to one host (``HostLimiter``); the article's id
is the link. An entry without a link is read from its own content when it has some. What a watcher
remembers between polls (validators, entries already handled) is a ``FeedState`` in a JSON file.
"""

from __future__ import annotations

import json
import os
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from communique.errors import FetchError, InputError
from communique.ingest.articles import article_from_html, article_from_page
from communique.ingest.fetch import HTML_TYPES, Page, fetch_page
from communique.records import Article
from communique.settings import Settings

if TYPE_CHECKING:
    from communique.ingest.sources import Run

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/x-rss+xml")
ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
          "text/html;q=0.8, */*;q=0.1")
Item = Article | InputError


class HostLimiter:
    """At most one fetch per ``interval`` seconds to each host: ``wait(url)`` sleeps until it may go."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        last = self._last.get(host)
        if last is not None:
            delay = last + self.interval - self._clock()
            if delay > 0:
                self._sleep(delay)
        self._last[host] = self._clock()


@dataclass
class FeedState:
    """Per feed URL: ``etag`` and ``last_modified`` of its last answer, and ``seen``: each entry key
    handled (``"done"``) or the number of polls its page could not be fetched on."""

    path: Path | None = None
    feeds: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> FeedState:
        if path is None or not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)  # a damaged state only costs a full poll
        return cls(path, data.get("feeds", {}) if isinstance(data, dict) else {})

    def feed(self, url: str) -> dict[str, Any]:
        return self.feeds.setdefault(url, {"etag": None, "last_modified": None, "seen": {}})

    def save(self) -> None:
        """Write the state whole (a temporary file renamed over it)."""
        if self.path is None:
            return
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"feeds": self.feeds}, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)


@dataclass
class FeedSession:
    """What the feeds of one run share: the settings, the per-host limiter and the remembered state."""

    settings: Settings
    limiter: HostLimiter
    state: FeedState

    @classmethod
    def create(cls, settings: Settings, state_path: Path | None = None) -> FeedSession:
        return cls(settings, HostLimiter(settings.fetch_host_interval), FeedState.load(state_path))

    def fetch(self, url: str, *, types: tuple[str, ...] = HTML_TYPES, headers: dict[str, str] | None = None) -> Page:
        self.limiter.wait(url)
        return fetch_page(url, self.settings, types=types, headers=headers)


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed entry: its key (guid, else link), link, title, date and any content of its own."""

    key: str
    link: str | None
    title: str | None
    published: str | None
    content: str | None


def parse_feed(content: bytes) -> list[Entry] | None:
    """The entries of an RSS/Atom document, or None when ``content`` is not a feed."""
    import feedparser

    parsed = feedparser.parse(content)
    if not parsed.get("version"):
        return None
    out = []
    for e in parsed.entries:
        link = e.get("link") or None
        when = e.get("published_parsed") or e.get("updated_parsed")
        body = (e.get("content") or [{}])[0].get("value") or e.get("summary") or None
        key = e.get("id") or link or e.get("title")
        if key:
            out.append(Entry(str(key), link, e.get("title") or None,
                             date(*when[:3]).isoformat() if when else None, body))
    return out


def _is_feed(page: Page) -> bool:
    head = page.content[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return page.content_type in FEED_TYPES or head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


def feed_items(url: str, session: FeedSession, *, page: Page | None = None,
               skip: Callable[[str], bool] = lambda key: False) -> Iterator[tuple[str | None, Item]]:
    """The articles of the feed at ``url`` (fetched conditionally unless ``page`` is given), each with
    its entry key; entries ``skip`` says were handled already are passed over. A 304 yields nothing."""
    memory = session.state.feed(url)
    if page is None:
        headers = {"Accept": ACCEPT}
        if memory["etag"]:
            headers["If-None-Match"] = memory["etag"]
        if memory["last_modified"]:
            headers["If-Modified-Since"] = memory["last_modified"]
        try:
            page = session.fetch(url, types=FEED_TYPES + HTML_TYPES, headers=headers)
        except InputError as e:
            yield None, e
            return
    if page.status == 304:
        return
    entries = parse_feed(page.content)
    if entries is None:
        yield None, InputError(url, "not an RSS or Atom feed")
        return
    memory.update(etag=page.etag, last_modified=page.last_modified)
    keep = {e.key for e in entries}
    for gone in [k for k in memory["seen"] if k not in keep]:  # in place: callers hold this dict
        del memory["seen"][gone]
    for entry in entries:
        if not skip(entry.key):
            yield entry.key, entry_article(entry, url, session)


def entry_article(entry: Entry, feed: str, session: FeedSession) -> Item:
    """The article of one entry: its linked page, else its own content; the feed's date and title
    fill in what the page does not say."""
    where = entry.link or f"{feed}#{entry.key}"
    try:
        if entry.link:
            page = session.fetch(entry.link)
            article = article_from_page(page.content, page.charset, id=entry.link, url=page.final_url,
                                        source=entry.link, settings=session.settings)
        elif entry.content:
            article = article_from_html(entry.content, id=entry.key, source=where, settings=session.settings)
        else:
            return InputError(where, "feed entry has neither a link nor content")
    except InputError as e:
        return e if isinstance(e, FetchError) else InputError(where, e.reason, article_id=entry.link or entry.key)
    except (RecursionError, MemoryError, UnicodeError, ValueError) as e:
        return InputError(where, f"unreadable ({type(e).__name__}: {e})")
    if article.published is None and entry.published:
        article = replace(article, published=entry.published, published_from="feed")
    return replace(article, title=article.title or entry.title)


def opml_feeds(path: Path) -> list[str]:
    """The feed URLs (``xmlUrl`` of each outline) of an OPML file; raise InputError when unreadable."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise InputError(str(path), f"unreadable OPML file ({e})") from e
    urls = [o.get("xmlUrl") or "" for o in root.iter("outline")]
    found = list(dict.fromkeys(u.strip() for u in urls if u.strip()))
    if not found:
        raise InputError(str(path), "no feeds in the OPML file (no outline with an xmlUrl)")
    return found


def is_opml(path: Path) -> bool:
    return path.suffix.lower() == ".opml"


def _session(settings: Settings, run: Run | None) -> FeedSession:
    if run is None:
        return FeedSession.create(settings)
    if run.feeds is None:
        run.feeds = FeedSession.create(settings)
    session: FeedSession = run.feeds
    return session


def read_opml(path: Path, *, settings: Settings, run: Run | None = None) -> Iterator[Item]:
    """The articles of every feed an OPML file lists."""
    try:
        feeds = opml_feeds(path)
    except InputError as e:
        yield e
        return
    session = _session(settings, run)
    for url in feeds:
        yield from (item for _, item in feed_items(url, session))


def read_web(url: str, *, settings: Settings, run: Run | None = None) -> Iterator[Item]:
    """URL input: a feed's articles when the URL answers with a feed, else the page as one article."""
    session = _session(settings, run)
    try:
        page = session.fetch(url, types=FEED_TYPES + HTML_TYPES, headers={"Accept": ACCEPT})
        if _is_feed(page) and parse_feed(page.content) is not None:
            yield from (item for _, item in feed_items(url, session, page=page))
            return
        if page.content_type not in ("", *HTML_TYPES):
            raise FetchError(url, f"not an HTML page or a feed (content type {page.content_type})")
        if b"\x00" in page.content[:65536]:
            raise InputError(url, "binary data (contains NUL bytes)")
        yield article_from_page(page.content, page.charset, id=url, url=page.final_url, source=url, settings=settings)
    except InputError as e:
        yield e
    except (RecursionError, MemoryError, UnicodeError, ValueError) as e:
        yield InputError(url, f"unreadable ({type(e).__name__}: {e})")
