"""Ingestion fixtures: sample texts we wrote, and a real HTTP server on localhost."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ARTICLE = """Ceasefire talks resume in Doha

DOHA, March 3 (Communique Wire) - Negotiators for Israel and Hamas returned to Doha on Monday for a new round of talks on a six-week pause in the fighting, Qatari officials said.

"We are closer than we have been in months," Majed al-Ansari, a spokesman for Qatar's foreign ministry, told reporters. "But closer is not there."

Egyptian Foreign Minister Badr Abdelatty said Cairo was ready to host the next round and urged both sides to show flexibility.
"""

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ceasefire talks resume in Doha | Communique Wire</title>
<meta property="og:title" content="Ceasefire talks resume in Doha">
<meta property="og:site_name" content="Communique Wire">
<meta property="article:published_time" content="2025-03-03T09:15:00Z">
<meta property="article:modified_time" content="2025-03-05T18:00:00Z">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://wire.example.org/world/doha-talks">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ceasefire talks resume in Doha",
 "datePublished": "2025-03-03T09:15:00Z", "dateModified": "2025-03-05T18:00:00Z",
 "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Ali Hassan"}],
 "publisher": {"@type": "Organization", "name": "Communique Wire"}}
</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article>
<h1>Ceasefire talks resume in Doha</h1>
<p class="byline">By Jane Doe and Ali Hassan</p>
<p>DOHA, March 3 (Communique Wire) - Negotiators for Israel and Hamas returned to Doha on Monday for a new round of talks on a six-week pause in the fighting, Qatari officials said.</p>
<figure><img src="a.jpg"><figcaption>Smoke rises over Khan Younis on Sunday. (AFP via Getty Images)</figcaption></figure>
<p>"We are closer than we have been in months," Majed al-Ansari, a spokesman for Qatar's foreign ministry, told reporters. "But closer is not there."</p>
<p>Egyptian Foreign Minister Badr Abdelatty said Cairo was ready to host the next round of negotiations and urged both sides to show flexibility in the coming days.</p>
<p>Israeli officials rejected the latest proposal on Sunday, saying it did not guarantee the release of all the hostages held in Gaza since the war began.</p>
<p>A senior Hamas official said the group would study any new offer but would not give up its demand for a permanent end to the war.</p>
</article></main>
<footer><p>Copyright 2025 Communique Wire. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""


@dataclass
class Server:
    """A localhost HTTP server whose routes a test fills in: path -> (status, headers, body).

    Paths starting with ``/unsized`` are served without a Content-Length header.
    """

    base: str
    routes: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def server() -> Iterator[Server]:
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            status, headers, body = routes.get(self.path, (404, {"Content-Type": "text/html"}, b"<p>nope</p>"))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            # HTTP/1.0: without a Content-Length the body simply ends when the connection closes,
            # which is how a test serves a page that does not announce its size.
            if "Content-Length" not in headers and not self.path.startswith("/unsized"):
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet test output
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    srv = Server(base=f"http://127.0.0.1:{httpd.server_address[1]}")
    srv.routes = routes
    try:
        yield srv
    finally:
        httpd.shutdown()
        httpd.server_close()
