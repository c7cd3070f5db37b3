"""Read endpoints of the web API: health, articles, quotes, events and full-text search."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from communique.api import queries
from communique.api.limits import DEFAULT_PAGE, MAX_OFFSET, MAX_PAGE
from communique.corpus.views import quad_of_type


class Error(BaseModel):
    """Every error of the API: one readable sentence."""

    error: str


class Page(BaseModel):
    """One page of a list: its items and how many match in all."""

    items: list[dict[str, Any]]
    total: int


ERRORS: dict[int | str, dict[str, Any]] = {400: {"model": Error, "description": "bad request (a readable message)"}}
router = APIRouter(responses=ERRORS)

DATE = r"^\d{4}(-(\d{2}|W\d{2})(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Since = Annotated[str | None, Query(pattern=DATE, description="ISO date or prefix (2025, 2025-03, 2025-03-04): "
                                                                "on or after, compared on the prefix")]
Until = Annotated[str | None, Query(pattern=DATE, description="ISO date or prefix: on or before")]
Text = Annotated[str | None, Query(max_length=500)]
Search = Annotated[str | None, Query(max_length=500, description="full-text query: words (all must match), or FTS5 "
                                                                  'syntax ("a phrase", OR, NEAR, prefix*)')]


def pool(request: Request) -> Any:
    return request.app.state.pool


@router.get("/healthz", tags=["meta"], summary="Liveness and the number of stored articles")
def healthz(request: Request) -> dict[str, Any]:
    with pool(request).reading() as conn:
        n = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    return {"status": "ok", "articles": n}


@router.get("/api/articles", tags=["articles"], response_model=Page, summary="Stored articles, newest first")
def articles(request: Request, q: Search = None, since: Since = None, until: Until = None,
             outlet: Text = None, actor: Annotated[str | None, Query(max_length=500, description="an actor's name "
                                                                     "(case-insensitive substring)")] = None,
             limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
    with pool(request).reading() as conn:
        items, total = queries.list_articles(conn, q=q, since=since, until=until, outlet=outlet, actor=actor,
                                             limit=limit, offset=offset, memo=pool(request).memo)
    return {"items": items, "total": total}


@router.get("/api/articles/{article_id:path}", tags=["articles"], summary="One article's analysis (the output "
            "contract object, communique.analysis/1)", responses={404: {"model": Error}, 200: {
                "content": {"application/json": {"schema": {"type": "object"}}}}})
def article(request: Request, article_id: str) -> Response:
    with pool(request).reading() as conn:
        stored = queries.article_analysis(conn, article_id)
    if stored is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return Response(stored, media_type="application/json")


@router.get("/api/quotes", tags=["quotes"], response_model=Page, summary="Quotes, most recent first")
def quotes(request: Request, speaker: Annotated[str | None, Query(max_length=500, description="speaker name "
                                                                   "(case-insensitive substring)")] = None,
           q: Search = None, since: Since = None, until: Until = None, article: Text = None,
           limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
    with pool(request).reading() as conn:
        items, total = queries.list_quotes(conn, speaker=speaker, q=q, since=since, until=until, article=article,
                                           limit=limit, offset=offset, memo=pool(request).memo)
    return {"items": items, "total": total}


# the 16 PLOVER types, from the data file the corpus layer reads (an enum, so OpenAPI lists them)
EventType = StrEnum("EventType", {t: t for t in quad_of_type()})  # type: ignore[misc]
Status = Literal["asserted", "reported", "alleged", "negated", "hypothetical", "future"]


@router.get("/api/events", tags=["events"], response_model=Page, summary="Events, most recent first")
def events(request: Request, type: Annotated[EventType | None, Query(description="PLOVER type")] = None,
           actor: Annotated[str | None, Query(max_length=500, description="an actor's name (substring)")] = None,
           recipient: Annotated[str | None, Query(max_length=500, description="a recipient's name (substring)")] = None,
           status: Status | None = None, since: Since = None, until: Until = None, article: Text = None,
           limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
    with pool(request).reading() as conn:
        items, total = queries.list_events(conn, type=type, actor=actor, recipient=recipient, status=status,
                                           since=since, until=until, article=article, limit=limit, offset=offset,
                                           memo=pool(request).memo)
    return {"items": items, "total": total}


@router.get("/api/search", tags=["search"], summary="Full-text search with highlighted snippets")
def search(request: Request, q: Annotated[str, Query(max_length=500, description="words, or FTS5 syntax")],
           what: Literal["all", "articles", "quotes"] = "all", since: Since = None, until: Until = None,
           outlet: Text = None, actor: Text = None, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
           offset: Offset = 0) -> dict[str, Any]:
    """Hits in quote text and article text, best first. ``snippet_html`` is HTML-escaped text with
    ``<mark>`` around the matched words; ``snippet`` is the same as plain text. A malformed FTS5 query
    is a 400 naming the problem."""
    with pool(request).reading() as conn:
        return queries.search(conn, q, what=what, since=since, until=until, outlet=outlet, actor=actor,
                              limit=limit, offset=offset, memo=pool(request).memo)
