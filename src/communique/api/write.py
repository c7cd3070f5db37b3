"""``POST /api/articles``: analyse one article and store it. Refused (401) unless the server was started with
a write token (setting ``api_token``) and the request carries it as ``Authorization: Bearer TOKEN``."""

from __future__ import annotations

import hmac
import json
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from communique.api.routes import ERRORS, Error, pool
from communique.errors import InputError, ModelNotFound

router = APIRouter(responses=ERRORS)


class ArticleIn(BaseModel):
    """An article as one line of a JSONL input: ``id`` and ``text`` (or ``html``), optionally ``title``,
    ``published`` (ISO date or date-time), ``url``, ``outlet``, ``authors``."""

    model_config = ConfigDict(extra="ignore")
    id: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] | str | None = None


def _authorised(request: Request) -> None:
    token = request.app.state.settings.api_token
    if not token:
        raise HTTPException(401, "this server is read-only: start it with the setting api_token "
                                 "(env COMMUNIQUE_API_TOKEN) to accept articles", {"WWW-Authenticate": "Bearer"})
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "missing or wrong bearer token (Authorization: Bearer TOKEN)",
                            {"WWW-Authenticate": "Bearer"})


@router.post("/api/articles", tags=["articles"], status_code=201, summary="Analyse and store one article",
             responses={401: {"model": Error}, 201: {"description": "stored (or 200: the same text was already stored)"}})
def add_article(request: Request, body: ArticleIn) -> JSONResponse:
    """Runs the whole analysis (seconds), then stores the article; the same text stored again is
    ``unchanged`` (200). Bad input (empty text, not English, a bad date) is a 400 naming the reason."""
    _authorised(request)
    if not (body.id or "").strip():
        raise HTTPException(400, 'the article needs an "id"')
    article = _article(body, request.app.state.settings)
    from communique.pipeline import analyze_many

    try:
        analysis = next(iter(analyze_many([article], model=request.app.state.settings.model)))
    except ModelNotFound as e:
        raise HTTPException(503, str(e)) from e
    if isinstance(analysis, InputError):
        raise HTTPException(400, analysis.reason)
    with pool(request).writing() as store:
        result = store.add(analysis)
    status = 200 if result.outcome == "unchanged" else 201
    payload = {"id": result.article_id, "outcome": result.outcome, "warnings": list(analysis.warnings),
               "url": f"/api/articles/{result.article_id}"}
    return JSONResponse(payload, status_code=status)


def _article(body: ArticleIn, settings: Any) -> Any:
    """The article the body describes, read exactly as a JSONL input line is."""
    from communique.ingest.sources import read_jsonl_lines
    from communique.records import Article

    line = json.dumps(body.model_dump(exclude_none=True), ensure_ascii=False)
    for item in read_jsonl_lines([line], name="POST /api/articles", settings=settings):
        if isinstance(item, Article):
            return item
        assert isinstance(item, InputError)
        raise HTTPException(400, item.reason)
    raise HTTPException(400, "empty article")
