"""The read API over the demo store, in process: every endpoint, its filters, pagination and errors."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from communique.schema import validate


def _ok(client: TestClient, url: str) -> Any:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text)
    return r.json()


def _error(client: TestClient, url: str, status: int) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text)
    body = r.json()
    assert set(body) == {"error"} and isinstance(body["error"], str) and body["error"]
    return str(body["error"])


def test_healthz_counts_the_stored_articles(client: TestClient, demo_db: Path) -> None:
    with sqlite3.connect(demo_db) as conn:
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n >= 19
    assert _ok(client, "/healthz") == {"status": "ok", "articles": n}


def test_articles_list_newest_first_with_counts(client: TestClient) -> None:
    page = _ok(client, "/api/articles?limit=500")
    items = page["items"]
    assert page["total"] == len(items) >= 19
    dated = [a["published"] for a in items if a["published"]]
    assert dated == sorted(dated, reverse=True)
    assert all(a["published"] is None for a in items[len(dated):])  # undated last
    gaza = next(a for a in items if a["id"] == "gaza-truce-doha")
    assert gaza["quotes"] > 10 and gaza["events"] > 5 and gaza["actors"] > 5


def test_articles_pagination_pages_are_disjoint_and_keep_the_total(client: TestClient) -> None:
    first = _ok(client, "/api/articles?limit=5&offset=0")
    second = _ok(client, "/api/articles?limit=5&offset=5")
    everything = _ok(client, "/api/articles?limit=500")
    assert first["total"] == second["total"] == everything["total"]
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert len(set(ids)) == 10 and ids == [a["id"] for a in everything["items"][:10]]
    assert _ok(client, f"/api/articles?offset={everything['total']}")["items"] == []


def test_articles_filters_by_date_outlet_actor_and_text(client: TestClient) -> None:
    in_2025 = _ok(client, "/api/articles?since=2025&until=2025&limit=500")
    assert in_2025["total"] >= 4 and all(a["published"].startswith("2025") for a in in_2025["items"])
    march = _ok(client, "/api/articles?since=2025-03&until=2025-03-31")
    assert [a["id"] for a in march["items"]] == ["gaza-truce-doha"]
    wire = _ok(client, "/api/articles?outlet=communique%20wire&limit=500")
    assert wire["total"] >= 2 and all(a["outlet"] == "Communique Wire" for a in wire["items"])
    netanyahu = _ok(client, "/api/articles?actor=netanyahu")
    assert "gaza-truce-doha" in {a["id"] for a in netanyahu["items"]}
    grain = _ok(client, "/api/articles?q=grain%20corridor")
    assert {a["id"] for a in grain["items"]} >= {"black-sea-grain-corridor"}
    assert _ok(client, "/api/articles?q=zzyzx")["total"] == 0


def test_article_is_exactly_the_stored_contract_object(client: TestClient, demo_db: Path) -> None:
    got = _ok(client, "/api/articles/gaza-truce-doha")
    with sqlite3.connect(demo_db) as conn:
        stored = json.loads(conn.execute("SELECT analysis FROM articles WHERE id='gaza-truce-doha'").fetchone()[0])
    assert got == stored
    assert got["schema"] == "communique.analysis/1" and validate(got) == []


def test_article_unknown_id_is_404(client: TestClient) -> None:
    assert "no-such-story" in _error(client, "/api/articles/no-such-story", 404)


def test_quotes_filter_by_speaker_text_date_and_article(client: TestClient) -> None:
    page = _ok(client, "/api/quotes?speaker=netanyahu&limit=500")
    assert page["total"] >= 3 and all("Netanyahu" in q["speaker"] for q in page["items"])
    assert any(q["text"] == "Hamas knows what it has to do," for q in page["items"])
    hostages = _ok(client, "/api/quotes?q=hostage")
    assert hostages["total"] >= 1 and all("hostage" in q["text"].lower() for q in hostages["items"])
    one = _ok(client, "/api/quotes?article=gaza-truce-doha&limit=500")
    assert one["total"] == len(one["items"]) >= 20 and {q["article_id"] for q in one["items"]} == {"gaza-truce-doha"}
    dated = _ok(client, "/api/quotes?since=2026-10&until=2026-10&limit=500")
    assert dated["total"] >= 1
    assert all((q["date"] or q["published"])[:7] == "2026-10" for q in dated["items"])


def test_quotes_pagination(client: TestClient) -> None:
    whole = _ok(client, "/api/quotes?limit=30")
    a, b = _ok(client, "/api/quotes?limit=15"), _ok(client, "/api/quotes?limit=15&offset=15")
    assert [(q["article_id"], q["quote_id"]) for q in a["items"] + b["items"]] == \
        [(q["article_id"], q["quote_id"]) for q in whole["items"]]


def test_events_filter_by_type_status_actor_recipient_and_date(client: TestClient) -> None:
    assault = _ok(client, "/api/events?type=ASSAULT&limit=500")
    assert assault["total"] >= 3 and {e["type"] for e in assault["items"]} == {"ASSAULT"}
    reported = _ok(client, "/api/events?status=reported&limit=500")
    assert reported["total"] >= 3 and {e["status"] for e in reported["items"]} == {"reported"}
    hamas = _ok(client, "/api/events?actor=hamas&limit=500")
    assert hamas["total"] >= 1 and all(any("Hamas" in a["name"] for a in e["actors"]) for e in hamas["items"])
    to_israel = _ok(client, "/api/events?recipient=israel&limit=500")
    assert to_israel["total"] >= 1
    assert all(any("Israel" in a["name"] for a in e["recipients"]) for e in to_israel["items"])
    dated = _ok(client, "/api/events?since=2025-03-01&until=2025-03-31&limit=500")
    assert dated["total"] >= 1 and all("2025-03" <= (e["date"] or e["published"])[:10] <= "2025-03-31"
                                       for e in dated["items"])
    e = assault["items"][0]
    assert set(e) >= {"article_id", "event_id", "type", "actors", "recipients", "status", "evidence", "date"}


def test_events_reject_an_unknown_type_or_status(client: TestClient) -> None:
    assert "type" in _error(client, "/api/events?type=DANCE", 400)
    assert "status" in _error(client, "/api/events?status=maybe", 400)


def test_search_highlights_matched_words_in_quotes_and_articles(client: TestClient) -> None:
    result = _ok(client, "/api/search?q=hostages")
    kinds = {h["kind"] for h in result["items"]}
    assert result["total"] >= 2 and kinds == {"quote", "article"}
    for h in result["items"]:
        assert "<mark>" in h["snippet_html"] and "<mark>" not in h["snippet"]
        assert "hostage" in h["snippet"].lower()
    quotes_only = _ok(client, "/api/search?q=hostages&what=quotes")
    assert {h["kind"] for h in quotes_only["items"]} == {"quote"} and all(h["speaker"] for h in quotes_only["items"]
                                                                          if h["article_id"] == "gaza-truce-doha")


def test_search_escapes_article_text_in_snippets(client: TestClient) -> None:
    for h in _ok(client, "/api/search?q=said&limit=50")["items"]:
        stripped = h["snippet_html"].replace("<mark>", "").replace("</mark>", "")
        assert "<" not in stripped and ">" not in stripped


def test_search_phrase_prefix_and_filters(client: TestClient) -> None:
    phrase = _ok(client, '/api/search?q="prisoners of war"&what=articles')
    assert [h["article_id"] for h in phrase["items"]] == ["ukraine-prisoner-exchange"]
    prefix = _ok(client, "/api/search?q=mediat*&what=articles&limit=100")
    assert prefix["total"] >= 3
    wire = _ok(client, "/api/search?q=talks&outlet=Communique%20Wire&limit=100")
    assert wire["total"] >= 1 and {h["outlet"] for h in wire["items"]} == {"Communique Wire"}
    early = _ok(client, "/api/search?q=talks&until=2025-06&limit=100")
    assert all(h["published"] <= "2025-06-31" for h in early["items"])
    paged = _ok(client, "/api/search?q=talks&limit=3&offset=3")
    assert len(paged["items"]) == 3


def test_search_plain_words_count_once_and_are_capped_as_in_the_cli(client: TestClient) -> None:
    """Plain words pasted into the box (up to the 500 characters the API takes) become the same bounded
    query ``communique search`` runs."""
    from communique.store import MAX_QUERY_TERMS, fts_words

    repeated = _ok(client, "/api/search?q=" + "+".join(["Hostages", "hostages"] * 25))
    assert repeated["match"] == '"Hostages"' and repeated["total"] >= 2
    pasted = " ".join(f"w{i}" for i in range(80))
    result = _ok(client, "/api/search?q=" + pasted.replace(" ", "+"))
    assert result["match"] == fts_words(pasted) and result["match"].count('"') == 2 * MAX_QUERY_TERMS


@pytest.mark.parametrize("query", ['"unterminated', "talks AND", "NEAR(", "nosuchcolumn:talks", "(ceasefire"])
def test_search_malformed_query_is_a_readable_400(client: TestClient, query: str) -> None:
    message = _error(client, "/api/search?q=" + query.replace('"', "%22"), 400)
    assert message.startswith("malformed search query")


def test_search_punctuation_in_plain_words_is_not_an_error(client: TestClient) -> None:
    assert _ok(client, "/api/search?q=U.S.-brokered")["total"] >= 0
    assert _ok(client, "/api/search?q=%20%20")["total"] == 0


def test_page_size_and_offset_limits_are_400(client: TestClient) -> None:
    assert "500" in _error(client, "/api/articles?limit=501", 400)
    _error(client, "/api/quotes?limit=0", 400)
    _error(client, "/api/events?offset=-1", 400)
    _error(client, "/api/articles?offset=99999999999999999999999", 400)
    _error(client, "/api/search?q=talks&limit=100000", 400)
    assert len(_ok(client, "/api/quotes?limit=500")["items"]) <= 500


def test_malformed_dates_are_400(client: TestClient) -> None:
    assert "since" in _error(client, "/api/articles?since=yesterday", 400)
    _error(client, "/api/events?until=2025-13-99x", 400)


def test_unknown_api_path_is_a_json_404(client: TestClient) -> None:
    assert "/api/nothing" in _error(client, "/api/nothing", 404)


# -- export ------------------------------------------------------------------------------------------
def test_export_jsonl_is_filtered_by_actor_with_the_corpus_context(client: TestClient) -> None:
    r = client.get("/api/export/quotes.jsonl?actor=Benjamin%20Netanyahu")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    assert 'filename="quotes.jsonl"' in r.headers["content-disposition"]
    rows = [json.loads(line) for line in r.text.splitlines()]
    assert len(rows) >= 3 and {row["speaker_key"] for row in rows} == {"person:benjamin-netanyahu"}
    assert any(row["text"] == "Hamas knows what it has to do," for row in rows)
    assert {"published", "outlet", "url", "speaker_country"} <= set(rows[0])


def test_export_csv_of_every_table_has_the_cli_columns(client: TestClient) -> None:
    import csv

    from communique.corpus.export import COLUMNS

    for what, columns in COLUMNS.items():
        r = client.get(f"/api/export/{what}.csv")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), what
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert rows and list(rows[0]) == list(columns), what


def test_export_events_filtered_and_as_parquet(client: TestClient) -> None:
    import pyarrow.parquet as pq

    r = client.get("/api/export/events.parquet?type=ASSAULT")
    assert r.status_code == 200
    table = pq.read_table(io.BytesIO(r.content))
    assert table.num_rows == _ok(client, "/api/events?type=ASSAULT&limit=500")["total"]
    assert set(table.column("type").to_pylist()) == {"ASSAULT"}
    incidents = pq.read_table(io.BytesIO(client.get("/api/export/incidents.parquet?type=ASSAULT").content))
    assert incidents.num_rows == _ok(client, "/api/incidents?type=ASSAULT&limit=500")["total"]
    articles = client.get("/api/export/articles.jsonl?since=2026-10")
    ids = {json.loads(x)["id"] for x in articles.text.splitlines()}
    assert "kashmir-loc-shelling" in ids and "gaza-truce-doha" not in ids


def test_export_unknown_table_format_or_actor_is_an_error(client: TestClient) -> None:
    _error(client, "/api/export/people.csv", 400)
    _error(client, "/api/export/quotes.xlsx", 400)
    assert "zzqqxx" in _error(client, "/api/export/quotes.csv?actor=zzqqxx", 404)
    _error(client, "/api/export/quotes.csv?since=soon", 400)


# -- CORS and the docs ---------------------------------------------------------------------------------
def test_cors_is_off_by_default(client: TestClient) -> None:
    r = client.get("/healthz", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers


def test_cors_answers_only_configured_origins(demo_db: Path) -> None:
    from communique.api import create_app
    from communique.settings import Settings

    app = create_app(demo_db, Settings(db=str(demo_db), cors_origins="https://lab.example, https://b.example"))
    with TestClient(app) as c:
        ok = c.get("/healthz", headers={"Origin": "https://lab.example"})
        assert ok.headers["access-control-allow-origin"] == "https://lab.example"
        other = c.get("/healthz", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_openapi_lists_every_endpoint_and_docs_work_offline(client: TestClient) -> None:
    spec = _ok(client, "/openapi.json")
    assert {"/healthz", "/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/events",
            "/api/search", "/api/export/{what}.{fmt}", "/api/incidents", "/api/incidents/{incident_id}",
            "/api/actors", "/api/actors/{key}", "/api/network", "/api/overview"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text
    assert "https://" not in docs.text and "http://" not in docs.text  # nothing from a CDN


def test_missing_store_is_refused_when_the_app_is_made(tmp_path: Path) -> None:
    from communique.api import create_app
    from communique.errors import StoreError

    with pytest.raises(StoreError, match="does not exist"):
        create_app(tmp_path / "none.db")


# -- the corpus layer's records --------------------------------------------------------------------------
INCIDENT_FIELDS = {"id", "type", "mode", "cameo", "actors", "recipients", "date", "date_range", "articles", "outlets",
                   "first_reported", "statuses", "contested", "sources"}


def test_incidents_list_filters_and_pages(client: TestClient) -> None:
    everything = _ok(client, "/api/incidents?limit=500")
    assert everything["total"] == len(everything["items"]) >= 50
    assert INCIDENT_FIELDS <= set(everything["items"][0])
    first, second = _ok(client, "/api/incidents?limit=10"), _ok(client, "/api/incidents?limit=10&offset=10")
    assert [i["id"] for i in first["items"] + second["items"]] == [i["id"] for i in everything["items"][:20]]
    assault = _ok(client, "/api/incidents?type=ASSAULT&limit=500")
    assert assault["total"] >= 3 and {i["type"] for i in assault["items"]} == {"ASSAULT"}
    china = _ok(client, "/api/incidents?actor=country:CHN&limit=500")
    assert china["total"] >= 1
    assert all("country:CHN" in {a["key"] for a in i["actors"]} for i in china["items"])
    late = _ok(client, "/api/incidents?since=2026-10&limit=500")
    assert 1 <= late["total"] < everything["total"]
    assert all(i["date"] >= "2026-10" for i in late["items"] if i["date"])
    assert "type" in _error(client, "/api/incidents?type=PICNIC", 400)


def test_incident_page_lists_every_report(client: TestClient) -> None:
    some = _ok(client, "/api/incidents?limit=1")["items"][0]
    page = _ok(client, f"/api/incidents/{some['id']}")
    assert page["id"] == some["id"] and len(page["reports"]) >= len(page["articles"]) >= 1
    assert {"article_id", "outlet", "published", "status", "evidence", "source", "quote"} <= set(page["reports"][0])
    assert "inc-nothing" in _error(client, "/api/incidents/inc-nothing", 404)


def test_actors_list_and_page(client: TestClient) -> None:
    found = _ok(client, "/api/actors?q=hamas")
    assert "org:hamas" in {a["key"] for a in found["items"]}
    assert _ok(client, "/api/actors?country=PAK")["total"] >= 1
    top = _ok(client, "/api/actors?limit=5")["items"]
    assert [a["quotes"] + a["events"] for a in top] == sorted((a["quotes"] + a["events"] for a in top), reverse=True)
    hamas = _ok(client, "/api/actors/org:hamas")
    assert hamas["name"] == "Hamas" and hamas["country"] == "PSE"
    assert {"aliases", "quotes", "as_actor", "as_recipient", "counterparts", "contradictions"} <= set(hamas)
    assert hamas["as_actor"] or hamas["as_recipient"]
    assert "person:nobody" in _error(client, "/api/actors/person:nobody", 404)


def test_network_nodes_edges_and_filters(client: TestClient) -> None:
    net = _ok(client, "/api/network")
    keys = {n["key"] for n in net["nodes"]}
    assert len(keys) >= 10 and all(e["source"] in keys and e["target"] in keys for e in net["edges"])
    assert all(e["count"] >= e["cooperation"] + e["conflict"] - e["count"] for e in net["edges"])
    only = _ok(client, "/api/network?type=ASSAULT")
    assert 0 < len(only["edges"]) < len(net["edges"]) and all(e["conflict"] == e["count"] for e in only["edges"])
    assert all(e["count"] >= 2 for e in _ok(client, "/api/network?min_events=2")["edges"])
    assert len(_ok(client, "/api/network?limit=3")["edges"]) == 3


def test_overview_counts_and_chart_data(client: TestClient) -> None:
    o = _ok(client, "/api/overview")
    assert o["articles"] >= 19 and o["incidents"] >= 50 and o["first_date"] <= o["last_date"]
    assert o["per_day"] and set(o["per_day"][0]) == {"date", "verbal_cooperation", "material_cooperation",
                                                     "verbal_conflict", "material_conflict"}
    assert [d["date"] for d in o["per_day"]] == sorted(d["date"] for d in o["per_day"])
    assert len(o["latest_incidents"]) == 10 and o["most_quoted"][0]["quotes"] >= o["most_quoted"][-1]["quotes"]
