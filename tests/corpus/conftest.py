"""The corpus fixture (tests/fixtures/corpus): its articles analysed once per session, stored on demand."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from communique.corpus.index import hook
from communique.ingest.sources import read_run
from communique.pipeline import analyze_many
from communique.records import Analysis
from communique.settings import Settings
from communique.store import Store, open_store

FIXTURE = Path(__file__).parent.parent / "fixtures" / "corpus"


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return json.loads((FIXTURE / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def analyses(gold: dict[str, Any]) -> dict[str, Analysis]:
    """Every fixture article analysed, with the outlet, url and date the gold gives it."""
    settings = Settings()
    paths = [str(FIXTURE / f"{name}.txt") for name in sorted(gold["articles"])]
    articles = []
    for item in read_run(paths, settings):
        assert not isinstance(item, Exception), item
        meta = gold["articles"][item.id]
        articles.append(replace(item, outlet=meta["outlet"], url=meta["url"], published=meta["published"],
                                published_from="input"))
    out = {}
    for result in analyze_many(articles):
        assert isinstance(result, Analysis), result
        out[result.article.id] = result
    assert sorted(out) == sorted(gold["articles"])
    return out


StoreMaker = Callable[[Path, Iterable[str]], Store]


@pytest.fixture()
def corpus_store(analyses: dict[str, Analysis]) -> StoreMaker:
    """A store at ``path`` holding the fixture articles added in ``order`` (ids), through the ingest hook."""

    def make(path: Path, order: Iterable[str] = ()) -> Store:
        store = open_store(path)
        on_write = hook(Settings())
        for article_id in list(order) or sorted(analyses):
            store.add(analyses[article_id], hook=on_write)
        return store

    return make
