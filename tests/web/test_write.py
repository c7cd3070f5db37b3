"""POST /api/articles: read-only by default, a bearer token to write, a 5 MB body limit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.settings import Settings

TOKEN = "s3cret-token-for-tests"
STORY = {
    "id": "harbour-talks",
    "title": "Port authorities agree to reopen harbour after week of talks",
    "published": "2026-02-03",
    "outlet": "Communique Wire",
    "text": (
        "ODESA, February 3, 2026 (Communique Wire) - Ukrainian and Turkish port officials agreed on Tuesday "
        "to reopen the harbour to grain ships next week, after five days of talks in Istanbul.\n\n"
        '"The corridor will be open by Monday," Turkish Defence Minister Yasar Guler told reporters. '
        "Ukraine's foreign ministry welcomed the agreement and urged Russia to respect it."
    ),
}


@pytest.fixture
def writer(writable_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(writable_db, Settings(db=str(writable_db), api_token=TOKEN))) as c:
        yield c


def _auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_post_is_refused_when_the_server_has_no_token(client: TestClient) -> None:
    r = client.post("/api/articles", json=STORY, headers=_auth())
    assert r.status_code == 401 and "read-only" in r.json()["error"]
    assert r.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/articles/harbour-talks").status_code == 404


def test_post_without_or_with_a_wrong_token_is_401(writer: TestClient) -> None:
    for headers in ({}, _auth("wrong"), {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"}):
        r = writer.post("/api/articles", json=STORY, headers=headers)
        assert r.status_code == 401 and "bearer token" in r.json()["error"]


def test_post_with_the_token_analyses_stores_and_serves_the_article(writer: TestClient) -> None:
    before = writer.get("/healthz").json()["articles"]
    listed = writer.get("/api/articles?limit=1").json()["total"]  # remembered by the server ...
    overview = writer.get("/api/overview").json()["articles"]
    r = writer.post("/api/articles", json=STORY, headers=_auth())
    assert r.status_code == 201, r.text
    assert r.json()["id"] == "harbour-talks" and r.json()["outcome"] == "added"
    assert writer.get("/healthz").json()["articles"] == before + 1
    assert writer.get("/api/articles?limit=1").json()["total"] == listed + 1  # ... and forgotten on a write
    assert writer.get("/api/overview").json()["articles"] == overview + 1
    stored = writer.get("/api/articles/harbour-talks").json()
    assert stored["article"]["title"] == STORY["title"] and stored["article"]["published"] == "2026-02-03"
    assert any("corridor will be open" in q["text"] for q in stored["quotes"])
    again = writer.post("/api/articles", json=STORY, headers=_auth())
    assert again.status_code == 200 and again.json()["outcome"] == "unchanged"


@pytest.mark.parametrize(("body", "words"), [
    ({"id": "empty", "text": "   "}, "empty"),
    ({"id": "no-text"}, '"text" or an "html"'),
    ({"text": STORY["text"]}, '"id"'),
    ({"id": "bad-date", "text": STORY["text"], "published": "next Tuesday"}, "published"),
])
def test_post_bad_article_is_a_readable_400(writer: TestClient, body: dict[str, str], words: str) -> None:
    r = writer.post("/api/articles", json=body, headers=_auth())
    assert r.status_code == 400 and words in r.json()["error"], r.text


def test_post_body_that_is_not_json_is_400(writer: TestClient) -> None:
    r = writer.post("/api/articles", content=b"{not json", headers={**_auth(), "Content-Type": "application/json"})
    assert r.status_code == 400 and "error" in r.json()


def test_body_over_5_mb_is_413_declared_or_streamed(writer: TestClient) -> None:
    big = b'{"id": "big", "text": "' + b"a" * 5_100_000 + b'"}'
    r = writer.post("/api/articles", content=big, headers={**_auth(), "Content-Type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(60):
            yield b"a" * 100_000

    r = writer.post("/api/articles", content=chunks(), headers={**_auth(), "Content-Type": "application/json"})
    assert r.status_code == 413
    assert writer.get("/api/articles/big").status_code == 404
