"""RSS/Atom feeds and OPML files against a real HTTP server on localhost (feedserver.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.errors import InputError
from communique.ingest import read_inputs
from communique.ingest.feeds import FeedSession, FeedState, HostLimiter, feed_items
from communique.ingest.sources import read_run
from communique.records import Article
from communique.settings import Settings

from .feedserver import FeedServer, feed_server, serve_wire

LOCAL = Settings(allow_private_fetch=True, fetch_host_interval=0)  # the test server is on 127.0.0.1


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as s:
        yield s


@pytest.mark.parametrize("feed", ["/rss.xml", "/atom.xml"])
def test_feed_url_gives_one_article_per_entry_linked_page(server: FeedServer, feed: str) -> None:
    serve_wire(server, [0, 1])
    items = list(read_inputs(server.url(feed), LOCAL))
    assert all(isinstance(i, Article) for i in items), items
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.id for a in articles] == [server.url("/news/0"), server.url("/news/1")]
    assert articles[0].title == "Embassies to reopen after year-long rift"
    # the pages give no year: the feed's date fills in
    assert articles[0].published == "2025-05-06" and articles[0].published_from == "feed"
    assert "reopen their embassies" in articles[1].text


def test_feed_is_fetched_conditionally_and_304_gives_nothing_new(server: FeedServer) -> None:
    serve_wire(server, [0, 1], etag='"v1"')
    session = FeedSession.create(LOCAL)
    assert len(list(feed_items(server.url("/rss.xml"), session))) == 2
    assert list(feed_items(server.url("/rss.xml"), session)) == []
    second = server.requests("/rss.xml")[1]
    assert second.get("If-None-Match") == '"v1"'
    assert second.get("If-Modified-Since") == "Thu, 08 May 2025 08:00:00 GMT"
    assert len(server.requests("/news/0")) == 1  # a 304 fetches no page again


def test_feed_state_remembered_in_a_file_skips_handled_entries(server: FeedServer, tmp_path: Path) -> None:
    serve_wire(server, [0, 1], etag='"v1"')
    state_file = tmp_path / "feeds.json"
    session = FeedSession.create(LOCAL, state_file)
    url = server.url("/rss.xml")
    for key, _ in feed_items(url, session):
        assert key is not None
        session.state.feed(url)["seen"][key] = "done"
    session.state.save()
    serve_wire(server, [0, 1, 2], etag='"v2"')
    again = FeedSession.create(LOCAL, state_file)
    seen = again.state.feed(url)["seen"]
    new = list(feed_items(url, again, skip=lambda key: key in seen))
    assert [item.id for _, item in new if isinstance(item, Article)] == [server.url("/news/2")]
    assert server.requests("/rss.xml")[-1].get("If-None-Match") == '"v1"'


def test_opml_file_lists_the_feeds_to_read(server: FeedServer, tmp_path: Path) -> None:
    serve_wire(server, [0])
    server.routes["/atom.xml"] = ("application/atom+xml", server.routes["/atom.xml"][1].replace(b"/news/0", b"/news/2"),
                                  "")
    opml = tmp_path / "wires.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>wires</title></head><body>'
        f'<outline text="news"><outline type="rss" text="rss" xmlUrl="{server.url("/rss.xml")}"/>'
        f'<outline type="rss" text="atom" xmlUrl="{server.url("/atom.xml")}"/></outline></body></opml>',
        encoding="utf-8")
    ids = [i.id for i in read_run([str(opml)], LOCAL) if isinstance(i, Article)]
    assert ids == [server.url("/news/0"), server.url("/news/2")]


def test_opml_without_feeds_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "empty.opml").write_text('<opml version="2.0"><body><outline text="x"/></body></opml>')
    items = list(read_inputs(str(tmp_path / "empty.opml"), LOCAL))
    assert len(items) == 1 and isinstance(items[0], InputError) and "no feeds" in items[0].reason


def test_feed_entry_whose_page_is_missing_is_an_error_naming_the_link(server: FeedServer) -> None:
    serve_wire(server, [0, 1])
    del server.routes["/news/1"]
    items = list(read_inputs(server.url("/rss.xml"), LOCAL))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputError) and items[1].source == server.url("/news/1")
    assert "HTTP 404" in items[1].reason


def test_xml_that_is_no_feed_is_refused(server: FeedServer) -> None:
    server.routes["/data.xml"] = ("application/xml", b'<?xml version="1.0"?><rows><row>1</row></rows>', "")
    items = list(read_inputs(server.url("/data.xml"), LOCAL))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "not an HTML page or a feed" in items[0].reason


def test_feed_fetches_wait_for_the_per_host_interval(server: FeedServer) -> None:
    serve_wire(server, [0, 1, 2])
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    session = FeedSession(LOCAL, HostLimiter(5.0, clock=lambda: now[0], sleep=sleep), FeedState())
    assert len(list(feed_items(server.url("/rss.xml"), session))) == 3
    assert slept == [5.0, 5.0, 5.0]  # the feed, then three pages of the same host, 5 s apart


def test_host_limiter_spaces_one_host_and_lets_others_go() -> None:
    now = [100.0]
    slept: list[float] = []
    limiter = HostLimiter(2.0, clock=lambda: now[0], sleep=lambda s: (slept.append(s), now.__setitem__(0, now[0] + s)))
    limiter.wait("https://a.example.org/1")
    now[0] += 0.5
    limiter.wait("https://b.example.org/1")  # another host: no wait
    limiter.wait("https://A.example.org/2")  # the same host (case-insensitive): waits the rest of 2 s
    now[0] += 3.0
    limiter.wait("https://a.example.org/3")  # the interval has passed: no wait
    assert slept == [1.5]
