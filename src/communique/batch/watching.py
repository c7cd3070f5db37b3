"""``communique watch``: poll feeds and store their new articles, every so often, until stopped.

Each poll fetches every feed conditionally (``ingest.feeds``), fetches the pages of the entries not
handled before, analyses them and adds them to the store. What was handled is remembered next to the
store, in ``<db>.feeds.json`` (validators and entry keys per feed), so a restart does not fetch the
same pages again. An entry whose page could not be fetched is tried again on the next polls, at most
``RETRIES`` times; any other bad entry is reported once and not tried again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from communique.errors import FetchError, InputError
from communique.ingest.feeds import FeedSession, feed_items, is_opml, opml_feeds
from communique.records import Analysis, Article
from communique.settings import Settings
from communique.store import Store, open_store

RETRIES = 3
Say = Callable[[str], None]


@dataclass
class PollCounts:
    added: int = 0
    unchanged: int = 0
    failed: int = 0

    def line(self) -> str:
        return f"{self.added} added, {self.unchanged} unchanged, {self.failed} failed"


def state_path(db: str) -> Path:
    """Where a watcher remembers its feeds: next to the store (``news.db`` -> ``news.db.feeds.json``)."""
    path = Path(db)
    return path.with_name(path.name + ".feeds.json")


def feed_urls(sources: Sequence[str], say: Say) -> list[str]:
    """The feed URLs of the arguments: URLs as given, OPML files expanded; a bad OPML file is reported."""
    urls: list[str] = []
    for source in sources:
        if is_opml(Path(source)):
            try:
                urls.extend(opml_feeds(Path(source)))
            except InputError as e:
                say(f"error: {e.source}: {e.reason}")
        else:
            urls.append(source)
    return list(dict.fromkeys(urls))


def _handled(seen: dict[str, object], key: str) -> bool:
    mark = seen.get(key)
    return mark == "done" or (isinstance(mark, int) and mark >= RETRIES)


def poll_feed(url: str, store: Store, session: FeedSession, say: Say) -> PollCounts:
    """One poll of one feed: its new entries analysed and stored, each remembered once handled."""
    from communique.corpus.index import hook
    from communique.pipeline import analyze_many

    seen = session.state.feed(url)["seen"]
    counts = PollCounts()
    fresh: list[tuple[str, Article]] = []
    for key, item in feed_items(url, session, skip=lambda k: _handled(seen, k)):
        if isinstance(item, InputError):
            counts.failed += 1
            say(f"error: {item.source}: {item.reason}")
            if key is not None:
                tries = seen.get(key)
                seen[key] = (tries if isinstance(tries, int) else 0) + 1 if isinstance(item, FetchError) else "done"
        elif store.has_content(item.text):
            counts.unchanged += 1
            seen[key or item.id] = "done"
        else:
            fresh.append((key or item.id, item))
    on_write = hook(session.settings)  # the corpus layer (global actors, stories, incidents) in step
    analysed = analyze_many([a for _, a in fresh], model=session.settings.model,
                            time_limit=session.settings.article_timeout)
    for (key, _), result in zip(fresh, analysed, strict=True):
        if isinstance(result, Analysis):
            outcome = store.add(result, hook=on_write).outcome
            counts.added += outcome != "unchanged"
            counts.unchanged += outcome == "unchanged"
        else:
            counts.failed += 1
            say(f"error: {result.source}: {result.reason}")
        seen[key] = "done"
    session.state.save()
    return counts


def poll_forever(sources: Sequence[str], settings: Settings, *, interval: float, cycles: int | None,
                 say: Say) -> None:
    """Poll every feed, then wait ``interval`` seconds, ``cycles`` times (None: until interrupted)."""
    urls = feed_urls(sources, say)
    with open_store(settings.db) as store:
        session = FeedSession.create(settings, state_path(settings.db))
        done = 0
        while True:
            stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            for url in urls:
                say(f"{stamp} {url}: {poll_feed(url, store, session, say).line()}")
            done += 1
            if cycles is not None and done >= cycles:
                return
            time.sleep(interval)
