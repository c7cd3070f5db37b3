"""Limits of the web API: the largest request body, the largest page, and the error shape they answer with."""

from __future__ import annotations

import json
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 5_000_000
MAX_PAGE = 500
DEFAULT_PAGE = 50
# offsets past this are refused as input errors (SQLite integers are 64-bit; no store holds this many rows)
MAX_OFFSET = 1_000_000_000


class BodyTooLarge(Exception):
    """Raised inside ``receive`` when a streamed body passes the limit."""


class BodyLimit:
    """ASGI middleware: a request whose body is over ``limit`` bytes is answered 413 ``{"error": ...}``.

    A declared ``Content-Length`` over the limit is refused before anything is read; a body without
    one (chunked) is counted as it arrives and refused when it passes the limit."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > self.limit:
            await too_large(send, self.limit)
            return
        seen = 0
        over = started = False

        async def counted() -> Message:
            nonlocal seen, over
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    over = True
                    raise BodyTooLarge()
            return message

        async def tracked(message: Message) -> None:
            # the app may turn the failed read into its own error answer (FastAPI: a 400): the 413 wins
            nonlocal started
            if over:
                if message["type"] == "http.response.start":
                    started = True
                    await too_large(send, self.limit)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except BodyTooLarge:
            if not started:
                await too_large(send, self.limit)


async def too_large(send: Send, limit: int) -> None:
    await send_json(send, 413, {"error": f"request body too large: at most {limit:,} bytes"})


async def send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


class ServerTiming:
    """ASGI middleware: each response carries ``Server-Timing: app;dur=MS``, the time the server took until
    the response started (for a streamed export, until its first bytes). The benchmark reads it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()

        async def timed(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - start) * 1000
                message = {**message, "headers": [*message.get("headers", []),
                                                  (b"server-timing", f"app;dur={took:.1f}".encode())]}
            await send(message)

        await self.app(scope, receive, timed)
