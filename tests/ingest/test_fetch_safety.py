"""The URL fetcher's guards, against real servers on 127.0.0.1: which addresses it may reach, checked
redirects, one total deadline, and a cap on decoded bytes however the body is encoded."""

from __future__ import annotations

import gzip
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from communique.errors import FetchError
from communique.ingest.fetch import decode_body, fetch_page
from communique.settings import Settings

from .conftest import PAGE

HOME = [ipaddress.ip_network("127.0.0.1/32")]  # lets the test's own server through, nothing else
Send = Callable[[BaseHTTPRequestHandler], None]


class Site:
    """A local server: path -> a function that writes the response; ``hits`` counts requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Send] = {}
        self.hits: list[str] = []
        self.port = 0

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


def _reply(status: int, headers: dict[str, str], body: bytes = b"") -> Send:
    def send(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        for k, v in {**headers, "Content-Length": str(len(body))}.items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)

    return send


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            s.hits.append(self.path)
            send = s.routes.get(self.path, _reply(404, {"Content-Type": "text/html"}, b"nope"))
            try:
                send(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet test output
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    s.port = httpd.server_address[1]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    s.routes["/page"] = _reply(200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode())
    try:
        yield s
    finally:
        httpd.shutdown()
        httpd.server_close()


def _refused(url: str, settings: Settings | None = None, **kw: object) -> str:
    with pytest.raises(FetchError) as info:
        fetch_page(url, settings, **kw)  # type: ignore[arg-type]
    assert "\n" not in str(info.value)
    return info.value.reason


def test_loopback_is_refused_by_default_and_fetched_with_the_setting(site: Site) -> None:
    reason = _refused(site.url("/page"))
    assert "127.0.0.1" in reason and "loopback" in reason and "allow_private_fetch" in reason
    assert site.hits == []
    page = fetch_page(site.url("/page"), Settings(allow_private_fetch=True))
    assert page.content == PAGE.encode() and site.hits == ["/page"]


@pytest.mark.parametrize("host", ["2130706433", "0x7f000001", "017700000001", "127.1", "localhost", "LOCALHOST."])
def test_other_spellings_of_loopback_are_refused(site: Site, host: str) -> None:
    reason = _refused(site.url("/page", host))
    assert "loopback" in reason
    assert site.hits == []


def test_decimal_spelling_reaches_the_server_when_allowed(site: Site) -> None:
    page = fetch_page(site.url("/page", "2130706433"), Settings(allow_private_fetch=True))
    assert page.content == PAGE.encode()  # so the refusal above is about the address, not the spelling


@pytest.mark.parametrize("host", ["[::1]", "[::ffff:127.0.0.1]", "0.0.0.0", "[::]"])
def test_ipv6_and_unspecified_literals_are_refused(host: str) -> None:
    reason = _refused(f"http://{host}:9/x")
    assert "loopback" in reason or "unspecified" in reason


@pytest.mark.parametrize(
    ("target", "kind"),
    [("http://10.0.0.1/admin", "private"), ("http://169.254.169.254/latest/meta-data/", "link-local"),
     ("http://[fe80::1]/", "link-local"), ("http://[fd00::1]/", "private"), ("http://224.0.0.1/", "multicast"),
     ("http://240.0.0.1/", "reserved")],
)
def test_redirect_to_an_internal_address_is_refused_before_any_connect(site: Site, target: str, kind: str) -> None:
    site.routes["/go"] = _reply(302, {"Location": target})
    start = time.monotonic()
    reason = _refused(site.url("/go"), Settings(fetch_timeout=5), allowed=HOME)
    assert kind in reason and "refused" in reason
    assert time.monotonic() - start < 1.0  # no connect attempt to an unroutable address
    assert site.hits == ["/go"]


def test_metadata_address_stays_refused_with_the_setting(site: Site) -> None:
    site.routes["/go"] = _reply(302, {"Location": "http://169.254.169.254/latest/meta-data/"})
    reason = _refused(site.url("/go"), Settings(allow_private_fetch=True, fetch_timeout=5))
    assert "169.254.169.254" in reason and "link-local" in reason


def test_redirect_to_another_scheme_is_refused(site: Site) -> None:
    site.routes["/go"] = _reply(301, {"Location": "file:///etc/passwd"})
    assert "scheme" in _refused(site.url("/go"), allowed=HOME)


def test_checked_redirects_are_followed_up_to_five(site: Site) -> None:
    for i in range(5):
        site.routes[f"/r{i}"] = _reply(302, {"Location": f"/r{i + 1}" if i < 4 else "/page"})
    assert fetch_page(site.url("/r0"), allowed=HOME).final_url == site.url("/page")
    site.routes["/r4"] = _reply(302, {"Location": "/r5"})
    site.routes["/r5"] = _reply(302, {"Location": "/page"})
    assert "too many redirects" in _refused(site.url("/r0"), allowed=HOME)


def _drip(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100")
    h.end_headers()
    for _ in range(20):  # one byte every 0.5 s: no single read ever waits long
        h.wfile.write(b"x")
        h.wfile.flush()
        time.sleep(0.5)


def test_a_dripping_server_is_cut_at_the_total_deadline(site: Site) -> None:
    site.routes["/drip"] = _drip
    start = time.monotonic()
    reason = _refused(site.url("/drip"), Settings(fetch_timeout=2), allowed=HOME)
    elapsed = time.monotonic() - start
    assert "timed out after 2 s" in reason
    assert 1.8 < elapsed < 3.0


BOMB = gzip.compress(gzip.compress(b"\0" * 50_000_000, 9), 9)  # a few KB that decode to 50 MB


def test_stacked_gzip_bomb_is_refused_quickly_with_little_memory(site: Site) -> None:
    assert len(BOMB) < 100_000
    site.routes["/bomb"] = _reply(200, {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"}, BOMB)
    tracemalloc.start()
    start = time.monotonic()
    try:
        reason = _refused(site.url("/bomb"), Settings(fetch_max_bytes=1_000_000), allowed=HOME)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "too large" in reason
    assert peak < 8_000_000, peak
    assert time.monotonic() - start < 2.0


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("gzip, gzip", lambda b: gzip.compress(gzip.compress(b))),
     ("deflate, gzip", lambda b: gzip.compress(zlib.compress(b))), ("identity", lambda b: b)],
)
def test_encoded_pages_are_decoded(site: Site, encoding: str, encode: Callable[[bytes], bytes]) -> None:
    site.routes["/enc"] = _reply(200, {"Content-Type": "text/html", "Content-Encoding": encoding}, encode(PAGE.encode()))
    assert fetch_page(site.url("/enc"), allowed=HOME).content == PAGE.encode()


def test_unknown_content_encoding_is_one_clear_error(site: Site) -> None:
    site.routes["/br"] = _reply(200, {"Content-Type": "text/html", "Content-Encoding": "br"}, b"\x0b\x02\x80")
    assert "content encoding 'br'" in _refused(site.url("/br"), allowed=HOME)


def test_decode_body_yields_bounded_pieces() -> None:
    raw = zlib.compress(b"a" * 3_000_000)
    pieces = decode_body(iter([raw]), ["deflate"])
    assert max(len(p) for p in pieces) <= 64 * 1024


def _self_signed(tmp: Path, name: str) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp / f"{name}.pem", tmp / f"{name}.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={name}",
         "-addext", f"subjectAltName=DNS:{name}", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


@pytest.fixture
def tls_site(site: Site, tmp_path: Path) -> Iterator[tuple[Site, list[str | None]]]:
    """The same site behind TLS with a certificate for 'localhost'; the list collects the SNI names seen."""
    cert, key = _self_signed(tmp_path, "localhost")
    seen: list[str | None] = []
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    ctx.sni_callback = lambda _sock, name, _ctx: seen.append(name)  # type: ignore[assignment,func-returns-value]
    listener = socket.create_server(("127.0.0.1", 0))
    tls_port, plain = listener.getsockname()[1], site.port

    def relay() -> None:  # TLS in front of the plain site, one connection at a time
        while True:
            try:
                raw, _ = listener.accept()
            except OSError:
                return
            try:
                with ctx.wrap_socket(raw, server_side=True) as conn, socket.create_connection(
                    ("127.0.0.1", plain)
                ) as back:
                    back.sendall(conn.recv(65536))
                    while chunk := back.recv(65536):
                        conn.sendall(chunk)
            except (OSError, ssl.SSLError):
                pass

    threading.Thread(target=relay, daemon=True).start()
    site.port = tls_port
    try:
        yield site, seen
    finally:
        site.port = plain
        listener.close()


def test_https_sends_the_host_name_as_sni_and_checks_the_certificate_against_it(
    tls_site: tuple[Site, list[str | None]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, seen = tls_site
    url = site.url("/page", "localhost").replace("http://", "https://")
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "localhost.pem"))
    page = fetch_page(url, Settings(allow_private_fetch=True))
    assert page.content == PAGE.encode()
    assert seen == ["localhost"]  # the name, not the pinned address 127.0.0.1
    other, _ = _self_signed(tmp_path, "example.org")
    monkeypatch.setenv("SSL_CERT_FILE", str(other))
    assert "certificate" in _refused(url, Settings(allow_private_fetch=True)).lower()


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("true", True), ("0", False), ("no", False)])
def test_the_setting_reads_yes_and_no_from_the_environment(
    value: str, expected: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from communique.settings import load_settings

    monkeypatch.setenv("COMMUNIQUE_ALLOW_PRIVATE_FETCH", value)
    monkeypatch.chdir(tmp_path)  # no communique.toml here: defaults and the environment only
    assert load_settings().allow_private_fetch is expected
    assert Settings().allow_private_fetch is False
