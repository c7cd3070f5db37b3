"""Pages over the corpus layer: the overview, incidents, actors and the network."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse

from communique.api.corpus import actors_page, corpus_read
from communique.corpus import views
from communique.web import charts
from communique.web.pages import _date, _offset, _text, page, pool

router = APIRouter(include_in_schema=False)
QUADS = views.QUADS
QUAD_NAMES = {q: q.replace("_", " ") for q in QUADS}
TYPES = tuple(views.quad_of_type())  # the 16 PLOVER types (data/plover_quad.tsv)
STATUSES = ("asserted", "reported", "alleged", "negated", "hypothetical", "future")
INCIDENTS_PAGE = 50


def install(app: FastAPI) -> None:
    app.include_router(router)


def _choice(value: str | None, options: tuple[str, ...], name: str) -> str | None:
    value = _text(value, 40)
    if value is None:
        return None
    if value.upper() in options:
        return value.upper()
    if value.lower() in options:
        return value.lower()
    raise HTTPException(400, f"{name}: choose one of {', '.join(options)}")


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    data = corpus_read(request, "overview")
    chart = charts.stacked(data["per_day"], QUADS, QUAD_NAMES)
    return page(request, "overview.html", title="Overview", data=data, chart=chart, quad_names=QUAD_NAMES)


@router.get("/incidents", response_class=HTMLResponse)
def incidents(request: Request, type: str | None = None, status: str | None = None, actor: str | None = None,
              outlet: str | None = None, since: str | None = None, until: str | None = None,
              contested: str | None = None, offset: str | None = None) -> HTMLResponse:
    form = {"type": _choice(type, TYPES, "type") or "", "status": _choice(status, STATUSES, "status") or "",
            "actor": _text(actor, 300) or "", "outlet": _text(outlet) or "", "since": _date(since) or "",
            "until": _date(until) or "", "contested": "1" if contested in ("1", "true", "on") else ""}
    start = _offset(offset)
    with pool(request).reading() as conn:
        key = views.find_actor(conn, form["actor"]) if form["actor"] else None
    items, total = corpus_read(
        request, "list_incidents", type=form["type"] or None, status=form["status"] or None, actor=key,
        outlet=form["outlet"] or None, since=form["since"] or None, until=form["until"] or None,
        contested=True if form["contested"] else None, limit=INCIDENTS_PAGE, offset=start,
    ) if key or not form["actor"] else ([], 0)
    kept = {k: v for k, v in form.items() if v}
    more = {"prev": urlencode({**kept, "offset": max(start - INCIDENTS_PAGE, 0)}) if start else None,
            "next": urlencode({**kept, "offset": start + INCIDENTS_PAGE}) if start + INCIDENTS_PAGE < total else None}
    return page(request, "incidents.html", title="Incidents", form=form, items=items, total=total, start=start,
                more=more, types=TYPES, statuses=STATUSES, actor_key=key)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident(request: Request, incident_id: str) -> HTMLResponse:
    found = corpus_read(request, "incident_page", incident_id)
    if found is None:
        raise HTTPException(404, f"no incident with id {incident_id!r}")
    return page(request, "incident.html", title=f"{found['type']} incident {found['date'] or ''}", inc=found)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: str | None = None, offset: str | None = None) -> HTMLResponse:
    query, start = _text(q) or "", _offset(offset)
    items, total = actors_page(request, q=query or None, limit=INCIDENTS_PAGE, offset=start)
    kept = {"q": query} if query else {}
    more = {"prev": urlencode({**kept, "offset": max(start - INCIDENTS_PAGE, 0)}) if start else None,
            "next": urlencode({**kept, "offset": start + INCIDENTS_PAGE}) if start + INCIDENTS_PAGE < total else None}
    return page(request, "actors.html", title="Actors", q=query, items=items, total=total, start=start, more=more)


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor(request: Request, key: str, since: str | None = None, until: str | None = None) -> HTMLResponse:
    form = {"since": _date(since) or "", "until": _date(until) or ""}
    found = corpus_read(request, "actor_page", key, since=form["since"] or None, until=form["until"] or None)
    if found is None:
        raise HTTPException(404, f"no actor with key {key!r}")
    months = charts.by_month([q["date"] or q["published"] for q in found["quotes"]])
    chart = charts.stacked(months, ("n",), {"n": "quotes"})
    return page(request, "actor.html", title=found["name"], actor=found, chart=chart, form=form)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, since: str | None = None, until: str | None = None, type: str | None = None,
            min_events: str | None = None) -> HTMLResponse:
    form: dict[str, Any] = {"since": _date(since) or "", "until": _date(until) or "",
                            "type": _choice(type, TYPES, "type") or "", "min_events": _offset(min_events) or 1}
    graph = corpus_read(request, "network", since=form["since"] or None, until=form["until"] or None,
                        type=form["type"] or None, min_events=form["min_events"], limit=200)
    names = {n["key"]: n["name"] for n in graph["nodes"]}
    return page(request, "network.html", title="Network", graph=graph, names=names, form=form, types=TYPES)
