"""URL input against a real HTTP server on localhost."""

from __future__ import annotations

import socket

from communique.errors import FetchError, InputError
from communique.ingest import read_inputs
from communique.records import Article
from communique.settings import Settings

from .conftest import PAGE, Server

HTML = {"Content-Type": "text/html; charset=utf-8"}
LOCAL = Settings(allow_private_fetch=True)  # the test server is on 127.0.0.1


def _one(source: str, settings: Settings | None = None) -> Article | InputError:
    items = list(read_inputs(source, settings or LOCAL))
    assert len(items) == 1
    return items[0]


def test_url_good_page_becomes_article_with_page_metadata(server: Server) -> None:
    server.routes["/world/doha-talks"] = (200, HTML, PAGE.encode())
    item = _one(server.url("/world/doha-talks"))
    assert isinstance(item, Article), item
    assert item.id == server.url("/world/doha-talks")
    assert item.source == server.url("/world/doha-talks")
    assert item.url == "https://wire.example.org/world/doha-talks"  # canonical
    assert item.title == "Ceasefire talks resume in Doha"
    assert item.outlet == "Communique Wire"
    assert item.published == "2025-03-03"
    assert "Majed al-Ansari" in item.text


def test_url_follows_redirects_to_the_page(server: Server) -> None:
    server.routes["/old"] = (301, {"Location": "/new"}, b"")
    server.routes["/new"] = (200, HTML, PAGE.encode())
    item = _one(server.url("/old"))
    assert isinstance(item, Article), item
    assert "Negotiators for Israel and Hamas" in item.text


def test_url_redirect_loop_is_a_fetch_error(server: Server) -> None:
    for i in range(8):
        server.routes[f"/hop{i}"] = (302, {"Location": f"/hop{i + 1}"}, b"")
    item = _one(server.url("/hop0"))
    assert isinstance(item, FetchError)
    assert "too many redirects" in item.reason


def test_url_http_404_is_a_fetch_error_naming_the_status(server: Server) -> None:
    item = _one(server.url("/missing"))
    assert isinstance(item, FetchError)
    assert item.source == server.url("/missing")
    assert "HTTP 404" in item.reason


def test_url_non_html_content_type_is_rejected(server: Server) -> None:
    server.routes["/report.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7 ...")
    item = _one(server.url("/report.pdf"))
    assert isinstance(item, FetchError)
    assert "not an HTML page" in item.reason and "application/pdf" in item.reason


def test_url_page_announcing_too_many_bytes_is_rejected(server: Server) -> None:
    server.routes["/big"] = (200, HTML, PAGE.encode() * 20)
    item = _one(server.url("/big"), Settings(fetch_max_bytes=len(PAGE) * 5, allow_private_fetch=True))
    assert isinstance(item, FetchError)
    assert "too large" in item.reason


def test_url_unannounced_oversize_body_stops_at_the_cap(server: Server) -> None:
    server.routes["/unsized"] = (200, HTML, PAGE.encode() * 20)
    item = _one(server.url("/unsized"), Settings(fetch_max_bytes=len(PAGE) * 5, allow_private_fetch=True))
    assert isinstance(item, FetchError)
    assert "too large" in item.reason


def test_url_page_under_the_cap_without_length_is_read(server: Server) -> None:
    server.routes["/unsized-ok"] = (200, HTML, PAGE.encode())
    item = _one(server.url("/unsized-ok"), Settings(fetch_max_bytes=len(PAGE) * 5, allow_private_fetch=True))
    assert isinstance(item, Article), item


def test_url_unreachable_port_is_a_fetch_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    item = _one(f"http://127.0.0.1:{port}/story")
    assert isinstance(item, FetchError)
    assert item.source == f"http://127.0.0.1:{port}/story"
    assert "unreachable" in item.reason


def test_url_page_without_article_text_is_an_input_error(server: Server) -> None:
    server.routes["/empty"] = (200, HTML, b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    item = _one(server.url("/empty"))
    assert isinstance(item, InputError)
    assert "no article text" in item.reason or "empty" in item.reason
