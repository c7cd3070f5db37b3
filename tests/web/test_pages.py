"""The HTML pages in process: content, filters and their errors (the browser tests cover behaviour)."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient


def _page(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code)
    assert r.headers["content-type"].startswith("text/html")
    assert "https://" not in re.sub(r'href="https?://[^"]*\.example[^"]*"', "", r.text)  # no CDN, only sources' links
    return r.text


def test_search_page_marks_hits_and_pages_through_them(client: TestClient) -> None:
    html = _page(client, "/search?q=talks")
    assert html.count("<mark>") >= 5 and 'rel="next"' in html
    second = _page(client, "/search?q=talks&offset=20")
    assert 'rel="prev"' in second and '<ol class="hits" start="21">' in second
    filtered = _page(client, "/search?q=talks&outlet=Levant+Report")
    assert "lebanon-naqoura-mechanism-2026-01-13" in filtered and "gaza-truce-doha" not in filtered


def test_search_page_without_query_shows_the_form_only(client: TestClient) -> None:
    html = _page(client, "/search")
    assert 'id="q"' in html and "hits for" not in html


def test_search_page_bad_input_is_a_400_page(client: TestClient) -> None:
    assert "malformed search query" in _page(client, "/search?q=%22open", 400)
    assert "not an ISO date" in _page(client, "/search?q=talks&since=last+week", 400)


def test_article_page_marks_quotes_events_and_times_and_links_actors(client: TestClient) -> None:
    html = _page(client, "/articles/gaza-truce-doha")
    assert re.search(r'data-speaker="Benjamin Netanyahu" data-cue="said"[^>]*>Hamas knows what it has to do,', html)
    assert html.count('class="event ') >= 5 and html.count("<time class=\"timex") >= 5
    assert 'href="/actors/person%3Abenjamin-netanyahu"' in html or 'href="/actors/person:benjamin-netanyahu"' in html
    assert 'href="/api/articles/gaza-truce-doha"' in html


def test_unknown_pages_are_html_404s(client: TestClient) -> None:
    assert "no article with id" in _page(client, "/articles/nothing-here", 404)
    assert "no actor with key" in _page(client, "/actors/person:nobody", 404)
    assert "no incident with id" in _page(client, "/incidents/inc-000", 404)
    assert "not found" in _page(client, "/no/such/page", 404)


def test_overview_page_has_counts_chart_incidents_and_most_quoted(client: TestClient) -> None:
    html = _page(client, "/")
    assert re.search(r'<span class="n">\d+</span>articles', html)
    assert html.count('<g class="bar">') >= 5 and 'class="q-material_conflict"' in html
    assert html.count('href="/incidents/') >= 5 and "Most quoted" in html
    assert 'action="/search"' in html


def test_incidents_page_filters_and_rejects_unknown_types(client: TestClient) -> None:
    html = _page(client, "/incidents?type=assault")
    types = set(re.findall(r'<span class="type [a-z_]*">([A-Z]+)</span>', html))
    assert types == {"ASSAULT"}
    assert "choose one of" in _page(client, "/incidents?type=PARTY", 400)
    assert "No actor matches" in _page(client, "/incidents?actor=zzqqxx")
    china = _page(client, "/incidents?actor=China")
    assert "China" in china and "No actor matches" not in china


def test_actor_and_network_pages(client: TestClient) -> None:
    hamas = _page(client, "/actors/org:hamas")
    for heading in ("Quotes over time", "Events as actor", "Events as recipient", "Counterparts", "Contradictions"):
        assert heading in hamas
    net = _page(client, "/network")
    data = json.loads(re.search(r'<script type="application/json" id="network-data">(.*?)</script>', net, re.S)[1])
    assert len(data["nodes"]) >= 10 and len(data["edges"]) >= 10
    assert {e["source"] for e in data["edges"]} <= {n["key"] for n in data["nodes"]}
    only = _page(client, "/network?type=ASSAULT")
    assert len(only) < len(net)
    assert "Hamas" in _page(client, "/actors?q=hamas")
