"""Fetch one web page over HTTP(S) with httpx, safely: HTML only, bounded in time, size and reach.

- The host is resolved once and every address is checked (``fetchnet``): loopback and private
  addresses are refused unless the setting ``allow_private_fetch`` is on; link-local (cloud metadata),
  multicast, unspecified and reserved ones always. The connection goes to the checked address.
- Redirects are followed here, at most 5, http/https only, each target checked before any connect.
- ``fetch_timeout`` is one total deadline for the whole fetch: lookups, connects, redirects and body.
- ``fetch_max_bytes`` caps the DECODED body: Content-Encodings (gzip, deflate, stacked in any number)
  are decoded incrementally here, a bounded piece at a time, and reading stops at the cap.
Proxies from the environment are not used (a proxy would make the address check meaningless).
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass

import httpx

from communique.errors import FetchError
from communique.ingest.fetchnet import Network, Refused, checked_addresses, pinned_transport
from communique.settings import Settings

MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "communique/0.1 (+https://github.com/communique; news analysis)"
HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "Accept-Encoding": "gzip, deflate",
}
_PIECE = 64 * 1024
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: its bytes, the URL it ended at, and the charset the server declared."""

    url: str
    final_url: str
    content: bytes
    charset: str | None
    status: int = 200  # 304: not modified since the conditional GET's ETag / Last-Modified (no content)
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


def fetch_page(url: str, settings: Settings | None = None, *, allowed: Collection[Network] = (),
               types: Collection[str] = HTML_TYPES, headers: Mapping[str, str] | None = None) -> Page:
    """GET ``url`` following up to 5 checked redirects; raise ``FetchError`` with a clear reason otherwise.

    ``allowed``: networks reachable whatever the address checks say (a test's own server on 127.0.0.1).
    ``types``: the content types accepted (HTML pages by default); ``headers``: extra request headers
    (a conditional GET's ``If-None-Match``: a 304 answer is a ``Page`` with ``status`` 304).
    """
    settings = settings or Settings()
    deadline = time.monotonic() + settings.fetch_timeout
    try:
        current = httpx.URL(url)
        for hop in range(MAX_REDIRECTS + 1):
            try:
                addresses = checked_addresses(
                    current, deadline, allow_private=settings.allow_private_fetch, allowed=allowed,
                )
            except Refused as e:
                raise Refused(f"redirect to {current}: {e}" if hop else str(e)) from e
            with httpx.Client(
                transport=pinned_transport(addresses, deadline), trust_env=False, follow_redirects=False,
                timeout=max(0.001, deadline - time.monotonic()), headers={**HEADERS, **(headers or {})},
            ) as client, client.stream("GET", current) as response:
                location = response.headers.get("location")
                if response.status_code in REDIRECTS and location:
                    current = current.join(location)
                    continue
                return _page(url, response, settings, deadline, types)
        raise FetchError(url, f"too many redirects (more than {MAX_REDIRECTS})")
    except FetchError:
        raise
    except Refused as e:
        raise FetchError(url, str(e)) from e
    except (httpx.HTTPError, httpx.InvalidURL, zlib.error) as e:
        raise FetchError(url, _failure(e, settings)) from e


def _page(url: str, response: httpx.Response, settings: Settings, deadline: float,
          types: Collection[str] = HTML_TYPES) -> Page:
    """Check the response and read its body, decoded, within the cap and the deadline."""
    cap = settings.fetch_max_bytes
    if response.status_code >= 400:
        raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    ctype = response.headers.get("content-type", "")
    mime = ctype.split(";")[0].strip().lower()
    validators = {"etag": response.headers.get("etag"), "last_modified": response.headers.get("last-modified")}
    if response.status_code == 304:
        return Page(url, str(response.url), b"", None, status=304, **validators)
    if mime and mime not in types:
        what = "an HTML page" if set(types) == set(HTML_TYPES) else "an HTML page or a feed"
        raise FetchError(url, f"not {what} (content type {mime})")
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        raise FetchError(url, f"page too large ({int(declared)} bytes > limit {cap})")
    encodings = [e.strip().lower() for e in response.headers.get("content-encoding", "").split(",") if e.strip()]
    chunks: list[bytes] = []
    size = 0
    for chunk in decode_body(_raw(response, url, cap, deadline, settings), encodings):
        size += len(chunk)
        if size > cap:
            raise FetchError(url, f"page too large (more than {cap} bytes)")
        chunks.append(chunk)
    m = _CHARSET.search(ctype)
    return Page(url, str(response.url), b"".join(chunks), m.group(1) if m else None, response.status_code, mime,
                **validators)


def _raw(response: httpx.Response, url: str, cap: int, deadline: float, settings: Settings) -> Iterator[bytes]:
    """The body as sent (still encoded), stopped at the deadline and at the cap plus some slack."""
    size = 0
    for chunk in response.iter_raw():
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("total fetch deadline passed")
        size += len(chunk)
        if size > cap + _PIECE:
            raise FetchError(url, f"page too large (more than {cap} bytes)")
        yield chunk


def decode_body(raw: Iterable[bytes], encodings: list[str]) -> Iterator[bytes]:
    """Undo ``encodings`` (in the order the server applied them) lazily, at most 64 KiB at a time per layer,
    so a small bomb never expands in memory beyond what the consumer asks for."""
    stream: Iterable[bytes] = raw
    for encoding in reversed(encodings):
        if encoding in ("gzip", "x-gzip"):
            stream = _inflate(stream, 16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            stream = _inflate(stream, None)
        elif encoding != "identity":
            raise httpx.DecodingError(f"unsupported content encoding {encoding!r}")
    yield from stream


def _inflate(chunks: Iterable[bytes], wbits: int | None) -> Iterator[bytes]:
    """Decompress a zlib/gzip/raw-deflate stream (wbits None: zlib or raw deflate, by its first byte)."""
    d = None
    for chunk in chunks:
        data = chunk
        while data:
            if d is None:
                if wbits is None:
                    wbits = zlib.MAX_WBITS if (data[0] & 0x0F) == 8 else -zlib.MAX_WBITS
                d = zlib.decompressobj(wbits)
            out = d.decompress(data, _PIECE)
            if out:
                yield out
            while d.unconsumed_tail == b"" and len(out) == _PIECE and not d.eof:
                out = d.decompress(b"", _PIECE)
                if out:
                    yield out
            data = d.unconsumed_tail
            if d.eof:  # another gzip member may follow
                data, d = d.unused_data, None
    if d is not None and not d.eof:
        raise zlib.error("compressed body ends early")


def _failure(e: Exception, settings: Settings) -> str:
    """Why a fetch failed, in words a user can act on (most specific httpx error first)."""
    if isinstance(e, httpx.TimeoutException):
        return f"timed out after {settings.fetch_timeout:g} s"
    if isinstance(e, httpx.ConnectError):
        return f"unreachable ({_first_line(e) or 'connection failed'})"
    if isinstance(e, httpx.UnsupportedProtocol):
        return f"unsupported URL ({_first_line(e)})"
    if isinstance(e, httpx.InvalidURL):
        return f"invalid URL ({_first_line(e)})"
    if isinstance(e, httpx.DecodingError | zlib.error):
        return f"undecodable body ({_first_line(e)})"
    return f"fetch failed ({type(e).__name__}: {_first_line(e)})"


def _first_line(e: Exception) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else ""
