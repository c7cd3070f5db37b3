"""The read interface the web relies on (CORPUS-VIEWS): names, signatures and row shapes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from communique.corpus import views
from tests.corpus.conftest import StoreMaker

ACTOR_ROW = {"key", "name", "type", "country", "sector", "aliases", "articles", "quotes", "events"}
EVENT_ROW = {"article_id", "event_id", "type", "mode", "cameo", "date", "status", "evidence", "actors", "recipients",
             "published", "outlet", "title"}
INCIDENT_ROW = {"id", "type", "mode", "cameo", "actors", "recipients", "date", "date_range", "articles", "outlets",
                "first_reported", "statuses", "contested", "sources"}


def test_views_shapes_on_the_fixture(tmp_path: Path, corpus_store: StoreMaker, gold: dict[str, Any]) -> None:
    with corpus_store(tmp_path / "c.db", ()) as store:
        c = store.conn
        actors, total = views.list_actors(c, limit=5)
        assert len(actors) == 5 and total >= 5 and all(ACTOR_ROW <= set(a) for a in actors)
        assert views.list_actors(c, q="RSF")[0][0]["key"] == "org:rapid-support-forces"  # an alias matches
        assert {a["country"] for a in views.list_actors(c, country="ARM", limit=100)[0]} == {"ARM"}
        page = views.actor_page(c, "person:jeyhun-bayramov")
        assert page is not None and ACTOR_ROW | {"quotes", "as_actor", "as_recipient", "counterparts",
                                                  "contradictions"} <= set(page)
        assert all(set(q) >= {"article_id", "quote_id", "text", "date", "cue", "published", "outlet", "title"}
                   for q in page["quotes"])
        assert all(EVENT_ROW <= set(e) for e in page["as_actor"] + page["as_recipient"])
        assert "person:ararat-mirzoyan" in {p["key"] for p in page["counterparts"]}
        assert views.actor_page(c, "person:nobody") is None
        rows, total = views.list_incidents(c, limit=3)
        assert len(rows) == 3 and total > 3 and all(set(r) == INCIDENT_ROW for r in rows)
        lows = [r["date_range"][0] or "" for r in rows]
        assert all(isinstance(r["date_range"], list) and len(r["date_range"]) == 2 for r in rows) and lows
        assert views.list_incidents(c, outlet="eastern herald", type="CONSULT")[1] >= 1
        assert views.list_incidents(c, status="negated")[1] >= 1
        contested = views.list_incidents(c, contested=True)[0]
        page_i = views.incident_page(c, contested[0]["id"])
        assert page_i is not None and {r["article_id"] for r in page_i["reports"]} == set(contested[0]["articles"])
        assert all(set(r) == {"article_id", "title", "outlet", "published", "url", "event_id", "status", "evidence",
                              "source", "quote"} for r in page_i["reports"])
        assert views.incident_page(c, "inc-000000000000") is None
        net = views.network(c)
        assert net["nodes"] and net["edges"]
        assert all(set(e) == {"source", "target", "count", "cooperation", "conflict", "verbal", "material"}
                   for e in net["edges"])
        assert {e["source"] for e in net["edges"]} | {e["target"] for e in net["edges"]} == {n["key"] for n in net["nodes"]}
        over = views.overview(c)
        assert over["articles"] == 12 and over["duplicates"] == 1 and len(over["latest_incidents"]) == 10
        assert over["first_date"] == "2026-03-03" and over["per_day"] and over["most_quoted"]
        keys = views.article_actor_keys(c, "b1-wire-geneva-talks")
        assert "person:ararat-mirzoyan" in keys.values()
