"""The web application: the JSON API and the HTML pages over one store, in one FastAPI app.

``create_app(db_path, settings)`` opens nothing but the store (read-only connections; one writer at a
time for ``POST /api/articles``). Errors are ``{"error": "..."}`` with their status code on API paths,
and an HTML page on the others.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique import __version__
from communique.api.db import Pool
from communique.api.limits import MAX_BODY_BYTES, BodyLimit, ServerTiming
from communique.api.queries import QueryError
from communique.errors import StoreError
from communique.settings import Settings

log = logging.getLogger("communique.api")
JSON_PREFIXES = ("/api/", "/healthz", "/openapi.json", "/docs")


def create_app(db_path: str | Path, settings: Settings | None = None) -> FastAPI:
    """The app serving the store at ``db_path``; a missing or foreign store is a StoreError now."""
    from communique.api import corpus, export, routes, write
    from communique.web import pages

    settings = settings or Settings()
    # /docs is our own page (web.pages), so it works offline; FastAPI's loads Swagger UI from a CDN
    app = FastAPI(docs_url=None, redoc_url=None, title="Communique", version=__version__, description="Quotes, events, actors and dates "
                  "from conflict and diplomacy news: the API of one Communique store. Errors are "
                  '`{"error": "..."}`.')
    app.state.pool = Pool(db_path)
    app.state.settings = settings
    for router in (routes.router, corpus.router, export.router, write.router):
        app.include_router(router)
    pages.install(app)
    _handlers(app)
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    app.add_middleware(ServerTiming)
    app.router.add_event_handler("startup", lambda: _warm_in_background(app.state.pool))
    app.router.add_event_handler("shutdown", app.state.pool.close)
    return app


def _warm_in_background(pool: Pool) -> None:
    """Fill the pool's memo in a thread while the server starts answering (see ``corpus.warm``)."""
    import threading

    from communique.api.corpus import warm

    def run() -> None:
        try:
            warm(pool)
        except Exception:  # a damaged store: the requests will report it
            log.exception("warming the caches failed")

    threading.Thread(target=run, name="communique-warm", daemon=True).start()


def wants_json(request: Request) -> bool:
    return request.url.path.startswith(JSON_PREFIXES) or request.method != "GET"


def error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The error answer of one request: JSON on API paths, an HTML page elsewhere."""
    if wants_json(request):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    from communique.web.pages import error_page

    return error_page(request, status, message)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors()[:3]:
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body")]
        where = ".".join(loc) or "request"
        parts.append(f"{where}: {e.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"not found: {request.url.path}"
        return error(request, exc.status_code, message, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error(request, 400, _validation_message(exc))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return error(request, 500, "internal server error")

