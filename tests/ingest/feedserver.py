"""A real HTTP server on localhost serving feeds we wrote and their article pages, answering
conditional GETs (``If-None-Match`` / ``If-Modified-Since``) with 304 and logging every request."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body><article>
<h1>{title}</h1>
<p>{city}, May {day} (Communique Wire) - The foreign ministers of {a} and {b} agreed on Tuesday to reopen their embassies after a year without diplomatic ties, officials from both sides said.</p>
<p>"This is a first step, and we intend to keep walking," the foreign minister of {a} told reporters after the meeting, adding that trade talks would follow.</p>
<p>Diplomats said the two governments would exchange ambassadors within three months and set up a joint commission on border crossings.</p>
</article></body></html>
"""

STORIES = [("Embassies to reopen after year-long rift", "ASTANA", 6, "Kazakhstan", "Kyrgyzstan"),
           ("Neighbours restore ties in lakeside talks", "GENEVA", 7, "Armenia", "Georgia"),
           ("Ministers agree to exchange ambassadors", "ACCRA", 8, "Ghana", "Togo")]


def page(i: int) -> bytes:
    title, city, day, a, b = STORIES[i]
    return PAGE.format(title=title, city=city, day=day, a=a, b=b).encode("utf-8")


def rss(base: str, items: list[int]) -> bytes:
    entries = "".join(
        f"<item><title>{STORIES[i][0]}</title><link>{base}/news/{i}</link><guid>story-{i}</guid>"
        f"<pubDate>Tue, 0{STORIES[i][2]} May 2025 08:00:00 GMT</pubDate></item>" for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Communique Wire</title>'
            f"<link>{base}/</link><description>test feed</description>{entries}</channel></rss>").encode()


def atom(base: str, items: list[int]) -> bytes:
    entries = "".join(
        f'<entry><title>{STORIES[i][0]}</title><link href="{base}/news/{i}"/><id>urn:story:{i}</id>'
        f"<updated>2025-05-0{STORIES[i][2]}T08:00:00Z</updated></entry>" for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Communique Wire</title><id>urn:wire</id><updated>2025-05-08T08:00:00Z</updated>{entries}</feed>"
            ).encode()


@dataclass
class FeedServer:
    base: str
    routes: dict[str, tuple[str, bytes, str]] = field(default_factory=dict)  # path -> (type, body, etag)
    log: list[tuple[str, float, dict[str, str]]] = field(default_factory=list)  # path, time, headers

    def url(self, path: str) -> str:
        return self.base + path

    def requests(self, path: str) -> list[dict[str, str]]:
        return [h for p, _, h in self.log if p == path]


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer("")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            state.log.append((self.path, time.monotonic(), dict(self.headers.items())))
            if self.path not in state.routes:
                self.send_response(404)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                return
            ctype, body, etag = state.routes[self.path]
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", "Thu, 08 May 2025 08:00:00 GMT")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def serve_wire(server: FeedServer, items: list[int], *, etag: str = '"v1"') -> None:
    """The RSS feed at /rss.xml, the Atom feed at /atom.xml and every story page."""
    server.routes["/rss.xml"] = ("application/rss+xml; charset=utf-8", rss(server.base, items), etag)
    server.routes["/atom.xml"] = ("application/atom+xml", atom(server.base, items), etag)
    for i in range(len(STORIES)):
        server.routes[f"/news/{i}"] = ("text/html; charset=utf-8", page(i), "")
