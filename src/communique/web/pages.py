"""The HTML pages: server-rendered with Jinja2, styled and scripted by small files served from /static.

Every page works without JavaScript except the network drawing (which has a table beside it); the
script adds tooltips for marks in article text and draws the network. Nothing is loaded from
another host, so the UI works offline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from communique.api import queries
from communique.api.limits import MAX_OFFSET
from communique.corpus.views import article_actor_keys, quad_of_type
from communique.web import markup

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals["quad_names"] = {
    "verbal_cooperation": "verbal cooperation", "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict", "material_conflict": "material conflict"}
templates.env.globals["QUAD"] = quad_of_type()
templates.env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False)
router = APIRouter(include_in_schema=False)
SEARCH_PAGE = 20


def install(app: FastAPI) -> None:
    """Add the pages and their static files to ``app``."""
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
    from communique.web import corpus_pages  # it builds on this module's helpers

    corpus_pages.install(app)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, message: str) -> Response:
    return page(request, "error.html", status, status=status, message=message, title=f"Error {status}")


def pool(request: Request) -> Any:
    return request.app.state.pool


def _text(value: str | None, limit: int = 500) -> str | None:
    value = (value or "").strip()
    return value[:limit] or None


def _date(value: str | None) -> str | None:
    value = _text(value, 10)
    if value is None:
        return None
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise HTTPException(400, f"not an ISO date or prefix (2025, 2025-03, 2025-03-04): {value!r}")
    return value


def _offset(value: str | None) -> int:
    try:
        return min(max(int(value or 0), 0), MAX_OFFSET)
    except ValueError:
        return 0


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str | None = None, since: str | None = None, until: str | None = None,
           outlet: str | None = None, actor: str | None = None, offset: str | None = None) -> HTMLResponse:
    form = {"q": _text(q) or "", "since": _date(since) or "", "until": _date(until) or "",
            "outlet": _text(outlet) or "", "actor": _text(actor) or ""}
    start = _offset(offset)
    result: dict[str, Any] = {"items": [], "total": 0}
    problem = None
    with pool(request).reading() as conn:
        all_outlets = queries.outlets(conn)
        if form["q"]:
            try:
                result = queries.search(conn, form["q"], since=form["since"] or None, until=form["until"] or None,
                                        outlet=form["outlet"] or None, actor=form["actor"] or None,
                                        limit=SEARCH_PAGE, offset=start, memo=pool(request).memo)
            except queries.QueryError as e:
                problem = str(e)
    kept = {k: v for k, v in form.items() if v}
    more = {"prev": urlencode({**kept, "offset": max(start - SEARCH_PAGE, 0)}) if start else None,
            "next": urlencode({**kept, "offset": start + SEARCH_PAGE}) if start + SEARCH_PAGE < result["total"] else None}
    return page(request, "search.html", 400 if problem else 200, form=form, outlets=all_outlets, result=result,
                problem=problem, start=start, more=more, title=f"Search: {form['q']}" if form["q"] else "Search")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    with pool(request).reading() as conn:
        stored = queries.article_analysis(conn, article_id)
        meta = queries.article_meta(conn, article_id)
        keys = article_actor_keys(conn, article_id)
    if stored is None or meta is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    analysis = json.loads(stored)
    text = analysis["article"]["text"]
    names = {a["id"]: a["name"] for a in analysis["actors"]}
    return page(request, "article.html", title=meta["title"] or article_id, meta=meta, analysis=analysis,
                body=markup.render(text, analysis), names=names, colours=markup.speaker_colours(analysis),
                keys=keys, json_url=f"/api/articles/{article_id}")


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference, read from the app's OpenAPI document (no external Swagger UI)."""
    spec = request.app.openapi()
    endpoints = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or "", "schema": _schema_text(p.get("schema", {}), spec)}
                      for p in op.get("parameters", [])]
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "params": params,
                              "tag": (op.get("tags") or ["other"])[0], "body": "requestBody" in op})
    return page(request, "docs.html", title="API", spec=spec, endpoints=endpoints)


def _schema_text(schema: dict[str, Any], spec: dict[str, Any]) -> str:
    """A parameter's type in a few words: ``integer (1 to 500)``, ``one of AGREE, CONSULT ...``."""
    options = schema.get("anyOf") or [schema]
    words = []
    for s in options:
        if "$ref" in s:  # an enum defined once under components/schemas
            s = spec.get("components", {}).get("schemas", {}).get(s["$ref"].rsplit("/", 1)[-1], {})
        if s.get("type") == "null":
            continue
        if "enum" in s:
            words.append("one of " + ", ".join(map(str, s["enum"])))
        else:
            bounds = [f"{k} {s[k]}" for k in ("minimum", "maximum", "maxLength", "pattern") if k in s]
            words.append(s.get("type", "value") + (f" ({'; '.join(bounds)})" if bounds else ""))
    default = schema.get("default")
    return " or ".join(words) + (f", default {default}" if default is not None else "")
