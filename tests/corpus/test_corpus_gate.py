"""Gate on the corpus fixture: incidents (pairwise precision >= 0.90, recall >= 0.80), duplicate stories
(all found, no false pair), global actors (>= 0.90 of alias forms on one actor, no two people merged),
and the same incidents in any ingest order."""

from __future__ import annotations

import random
from itertools import combinations
from pathlib import Path
from typing import Any

from communique.corpus import views
from communique.store import Store
from tests.corpus.conftest import StoreMaker


def _units(store: Store, gold: dict[str, Any]) -> dict[tuple[str, str], set[str]]:
    """Report units (article, PLOVER type) of the gold incidents' types, each with the incidents holding it."""
    types = {g["type"] for g in gold["incidents"].values()}
    rows, _ = views.list_incidents(store.conn, limit=10_000)
    units: dict[tuple[str, str], set[str]] = {}
    for article_id in gold["articles"]:
        for t in types:
            units[(article_id, t)] = set()
    for r in rows:
        for article_id in r["articles"]:
            if (article_id, r["type"]) in units:
                units[(article_id, r["type"])].add(r["id"])
    dups = {a for group in gold["duplicates"] for a in sorted(group)[1:]}
    return {u: incs for u, incs in units.items() if u[0] not in dups and incs}


def incident_scores(store: Store, gold: dict[str, Any]) -> tuple[float, float]:
    """Pairwise precision and recall over report units of different articles."""
    label = {(a, g["type"]): name for name, g in gold["incidents"].items() for a in g["articles"]}
    units = _units(store, gold)
    found = {(u, v) for u, v in combinations(sorted(units), 2) if u[0] != v[0] and units[u] & units[v]}
    truth = {(u, v) for u, v in combinations(sorted(label), 2) if u[0] != v[0] and label[u] == label[v]}
    hit = len(found & truth)
    return (hit / len(found) if found else 0.0), (hit / len(truth) if truth else 0.0)


def test_corpus_incidents_merge_reports_of_one_happening(tmp_path: Path, corpus_store: StoreMaker,
                                                         gold: dict[str, Any]) -> None:
    with corpus_store(tmp_path / "c.db", ()) as store:
        precision, recall = incident_scores(store, gold)
        assert precision >= 0.90 and recall >= 0.80, (precision, recall)
        rows, _ = views.list_incidents(store.conn, limit=10_000)
        for name, g in gold["incidents"].items():
            best = max((r for r in rows if r["type"] == g["type"]),
                       key=lambda r: len(set(r["articles"]) & set(g["articles"])))
            assert set(g["articles"]) <= set(best["articles"]), name
            assert best["date"] == g["date"], (name, best["date"])
            assert best["contested"] is g.get("contested", False), name
            assert len(best["outlets"]) >= 3 and best["first_reported"] == min(
                gold["articles"][a]["published"] for a in g["articles"])


def test_corpus_duplicate_stories_found_without_false_pairs(tmp_path: Path, corpus_store: StoreMaker,
                                                            gold: dict[str, Any]) -> None:
    with corpus_store(tmp_path / "c.db", ()) as store:
        stories, total = views.list_stories(store.conn)
        found = sorted(sorted(s["articles"]) for s in stories)
        assert found == sorted(sorted(g) for g in gold["duplicates"]) and total == len(found)
        for s in stories:  # the representative is the earliest, and only it is counted
            assert s["representative"] == min(s["articles"], key=lambda a: gold["articles"][a]["published"])
        counted = {a for r in views.list_incidents(store.conn, limit=10_000)[0] for a in r["articles"]}
        assert not counted & {a for s in stories for a in s["articles"] if a != s["representative"]}
        assert views.overview(store.conn)["articles"] == len(gold["articles"]) - 1
        assert views.overview(store.conn, with_duplicates=True)["articles"] == len(gold["articles"])


def _key_of(store: Store, form: str) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT key FROM actor_aliases WHERE alias = ? GROUP BY key ORDER BY count(*) DESC, key", (form,))]


def test_corpus_alias_forms_are_one_actor_and_no_two_people_merge(tmp_path: Path, corpus_store: StoreMaker,
                                                                  gold: dict[str, Any]) -> None:
    with corpus_store(tmp_path / "c.db", ()) as store:
        forms = total = 0
        owner: dict[str, str] = {}
        for name, group in gold["aliases"].items():
            keys = [_key_of(store, form) for form in group]
            counts: dict[str, int] = {}
            for ks in keys:
                for k in ks:
                    counts[k] = counts.get(k, 0) + 1
            main = max(sorted(counts), key=lambda k: counts[k])
            owner[name] = main
            forms += sum(ks == [main] for ks in keys)
            total += len(group)
        assert forms / total >= 0.90, (forms, total, owner)
        people = [owner[p] for p in gold["people"]]
        assert len(set(people)) == len(people), people
        assert all(k.startswith("person:") for k in people), people


def test_corpus_incidents_do_not_depend_on_ingest_order(tmp_path: Path, corpus_store: StoreMaker,
                                                        gold: dict[str, Any]) -> None:
    ids = sorted(gold["articles"])
    shuffled = ids[:]
    random.Random(7).shuffle(shuffled)
    results = []
    for n, order in enumerate((ids, list(reversed(ids)), shuffled)):
        with corpus_store(tmp_path / f"o{n}.db", order) as store:
            rows, _ = views.list_incidents(store.conn, limit=10_000)
            results.append((rows, views.list_stories(store.conn)[0], views.list_actors(store.conn, limit=10_000)[0]))
    assert results[0] == results[1] == results[2]
