"""Corpus endpoints of the web API: incidents, global actors, the network and the overview, as the corpus
layer (``communique.corpus.views``) gives them: the same fields as its JSON output."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from communique.api.limits import DEFAULT_PAGE, MAX_PAGE
from communique.api.routes import (
    ERRORS,
    Error,
    EventType,
    Limit,
    Offset,
    Page,
    Since,
    Status,
    Text,
    Until,
    pool,
)
from communique.corpus import views

router = APIRouter(responses=ERRORS)
ALL = 10**9  # "every row" for the corpus views' limit


def corpus_read(request: Request, name: str, *args: Any, **kwargs: Any) -> Any:
    """``views.<name>(conn, *args, **kwargs)``, remembered while the store is unchanged (the corpus
    aggregates only change when articles are stored). The value is shared: do not change it."""
    return pool_read(pool(request), name, *args, **kwargs)


def actors_page(request: Request, *, q: str | None = None, country: str | None = None, type: str | None = None,
                limit: int = DEFAULT_PAGE, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One page of ``views.list_actors``: the whole ordered list is computed once per filter and
    remembered, so every page of it costs a slice."""
    everyone, total = corpus_read(request, "list_actors", q=q, country=country, type=type, limit=ALL, offset=0)
    return everyone[offset:offset + limit], total


def pool_read(p: Any, name: str, *args: Any, **kwargs: Any) -> Any:
    key = ("views", name, args, tuple(sorted(kwargs.items(), key=lambda kv: kv[0])))
    with p.reading() as conn:
        return p.memo(key, lambda: getattr(views, name)(conn, *args, **kwargs))


def warm(p: Any) -> None:
    """Compute what the first pages ask for (the overview, the network, the first actors and incidents,
    the ordering of every article, quote and event), so the first visitors do not wait for it."""
    from communique.api import queries

    pool_read(p, "overview")
    pool_read(p, "network", since=None, until=None, type=None, min_events=1, limit=200)
    pool_read(p, "list_actors", q=None, country=None, type=None, limit=ALL, offset=0)
    with p.reading() as conn:
        for listing in (queries.list_articles, queries.list_quotes, queries.list_events):
            listing(conn, memo=p.memo)
Key = Annotated[str | None, Query(max_length=300, description="a global actor key (as /api/actors gives)")]


@router.get("/api/incidents", tags=["incidents"], response_model=Page, summary="Incidents, latest first")
def incidents(request: Request, type: Annotated[EventType | None, Query(description="PLOVER type")] = None,
              actor: Key = None, recipient: Key = None, status: Status | None = None,
              country: Annotated[str | None, Query(max_length=10, description="ISO alpha-3 or IGO code")] = None,
              outlet: Text = None, since: Since = None, until: Until = None,
              contested: Annotated[bool | None, Query(description="only incidents some report denies (or not)")] = None,
              limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
    items, total = corpus_read(request, "list_incidents", type=type, actor=actor, recipient=recipient, status=status,
                               country=country, outlet=outlet, since=since, until=until,
                               contested=contested, limit=limit, offset=offset)
    return {"items": items, "total": total}


@router.get("/api/incidents/{incident_id}", tags=["incidents"], summary="One incident and every report of it",
            responses={404: {"model": Error}})
def incident(request: Request, incident_id: str) -> dict[str, Any]:
    found = corpus_read(request, "incident_page", incident_id)
    if found is None:
        raise HTTPException(404, f"no incident with id {incident_id!r}")
    return found


@router.get("/api/actors", tags=["actors"], response_model=Page, summary="Global actors, most active first")
def actors(request: Request, q: Annotated[str | None, Query(max_length=500, description="name or alias "
                                                              "(case-insensitive substring)")] = None,
           country: Annotated[str | None, Query(max_length=10)] = None,
           type: Annotated[str | None, Query(max_length=20, description="person, organization, country, group")] = None,
           limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict[str, Any]:
    items, total = actors_page(request, q=q, country=country, type=type, limit=limit, offset=offset)
    return {"items": items, "total": total}


@router.get("/api/actors/{key}", tags=["actors"], summary="One actor: codes, aliases, quotes, events, "
            "counterparts, contradictions", responses={404: {"model": Error}})
def actor(request: Request, key: str, since: Since = None, until: Until = None) -> dict[str, Any]:
    found = corpus_read(request, "actor_page", key, since=since, until=until)
    if found is None:
        raise HTTPException(404, f"no actor with key {key!r}")
    return found


@router.get("/api/network", tags=["actors"], summary="Who acts on whom: actors as nodes, incident counts as edges")
def network(request: Request, since: Since = None, until: Until = None,
            type: Annotated[EventType | None, Query(description="PLOVER type")] = None,
            min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
            limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="most edges")] = 200) -> dict[str, Any]:
    return dict(corpus_read(request, "network", since=since, until=until, type=type, min_events=min_events,
                            limit=limit))


@router.get("/api/overview", tags=["meta"], summary="Corpus counts, date range, incidents per day by quad class, "
            "latest incidents, most quoted actors")
def overview(request: Request) -> dict[str, Any]:
    return dict(corpus_read(request, "overview"))
