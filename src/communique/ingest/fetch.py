"""Fetch one web page over HTTP(S) with httpx: bounded in time and size, HTML only."""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from communique.errors import FetchError
from communique.settings import Settings

MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "communique/0.1 (+https://github.com/communique; news analysis)"
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: its bytes, the URL it ended at, and the charset the server declared."""

    url: str
    final_url: str
    content: bytes
    charset: str | None


def fetch_page(url: str, settings: Settings | None = None) -> Page:
    """GET ``url`` following up to 5 redirects; raise ``FetchError`` with a clear reason otherwise.

    The body is streamed and reading stops as soon as it passes ``settings.fetch_max_bytes``.
    """
    settings = settings or Settings()
    cap = settings.fetch_max_bytes
    try:
        with httpx.Client(
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            timeout=settings.fetch_timeout,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"},
        ) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            ctype = response.headers.get("content-type", "")
            mime = ctype.split(";")[0].strip().lower()
            if mime and mime not in HTML_TYPES:
                raise FetchError(url, f"not an HTML page (content type {mime})")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise FetchError(url, f"page too large ({int(declared)} bytes > limit {cap})")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise FetchError(url, f"page too large (more than {cap} bytes)")
                chunks.append(chunk)
            m = _CHARSET.search(ctype)
            return Page(url, str(response.url), b"".join(chunks), m.group(1) if m else None)
    except FetchError:
        raise
    except (httpx.HTTPError, httpx.InvalidURL) as e:
        raise FetchError(url, _failure(e, settings)) from e


def _failure(e: Exception, settings: Settings) -> str:
    """Why a fetch failed, in words a user can act on (most specific httpx error first)."""
    if isinstance(e, httpx.TooManyRedirects):
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(e, httpx.TimeoutException):
        return f"timed out after {settings.fetch_timeout:g} s"
    if isinstance(e, httpx.ConnectError):
        return f"unreachable ({_first_line(e) or 'connection failed'})"
    if isinstance(e, httpx.UnsupportedProtocol):
        return f"unsupported URL ({_first_line(e)})"
    if isinstance(e, httpx.InvalidURL):
        return f"invalid URL ({_first_line(e)})"
    return f"fetch failed ({type(e).__name__}: {_first_line(e)})"


def _first_line(e: Exception) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else ""
