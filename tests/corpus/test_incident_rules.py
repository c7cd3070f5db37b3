"""Incident merging rules: date windows, side agreement, symmetric types; duplicate-story containment."""

from __future__ import annotations

import pytest

from communique.corpus import dedup
from communique.corpus.incidents import Facts, best_date, compatible, window


@pytest.mark.parametrize(("value", "basis", "published", "expected"), [
    ("2026-03-03", "relative", "2026-03-04", ("2026-03-03", "2026-03-03")),
    ("2026-03", "explicit", "2026-03-20", ("2026-03-01", "2026-03-31")),
    ("2026-W10", "explicit", "2026-03-20", ("2026-03-02", "2026-03-08")),
    ("2024", "explicit", "2026-03-20", ("2024-01-01", "2024-12-31")),
    (None, "none", "2026-03-04", ("2026-03-02", "2026-03-04")),
    ("2026-03-04", "publication", "2026-03-04", ("2026-03-02", "2026-03-04")),
    (None, "none", None, ("", "")),
])
def test_incidents_window_of_an_event(value: str | None, basis: str, published: str | None,
                                      expected: tuple[str, str]) -> None:
    assert window(value, basis, published, 2) == expected


def facts(typ: str, lo: str, actors: set[str], recipients: set[str], hi: str = "") -> Facts:
    return Facts("a", "E1", typ, lo, hi or lo, frozenset(actors), frozenset(recipients))


@pytest.mark.parametrize(("x", "y", "same"), [
    (facts("ASSAULT", "2026-03-03", {"country:RUS", "@RUS"}, {"country:UKR", "@UKR"}),
     facts("ASSAULT", "2026-03-03", {"generic:russian-forces.rus-mil", "@RUS"}, set()), True),
    (facts("ASSAULT", "2026-03-03", {"@RUS"}, {"@UKR"}), facts("ASSAULT", "2026-03-04", {"@RUS"}, {"@UKR"}), False),
    (facts("ASSAULT", "2026-03-03", {"@RUS"}, {"@UKR"}), facts("ASSAULT", "2026-03-02", {"@RUS"}, {"@UKR"},
                                                               hi="2026-03-04"), True),
    (facts("ASSAULT", "2026-03-03", {"@RUS"}, {"@UKR"}), facts("COERCE", "2026-03-03", {"@RUS"}, {"@UKR"}), False),
    (facts("ASSAULT", "2026-03-03", {"@RUS"}, {"@UKR"}), facts("ASSAULT", "2026-03-03", {"@UKR"}, {"@RUS"}), False),
    (facts("ASSAULT", "2026-03-03", set(), {"@UKR"}), facts("ASSAULT", "2026-03-03", set(), set()), False),
    (facts("CONSULT", "2026-04-14", {"person:a", "@ARM"}, {"person:b", "@AZE", "place:geneva.che"}),
     facts("CONSULT", "2026-04-14", {"person:b", "@AZE"}, {"place:geneva.che"}), True),
    (facts("CONSULT", "2026-04-14", {"@CHE"}, {"place:geneva.che"}),
     facts("CONSULT", "2026-04-14", {"person:b", "@AZE"}, {"place:geneva.che"}), False),
])
def test_incidents_compatible_events(x: Facts, y: Facts, same: bool) -> None:
    assert compatible(x, y) is same and compatible(y, x) is same


def test_incidents_best_date_is_the_finest_most_reported() -> None:
    assert best_date([("2026-03", "month"), ("2026-03-03", "day"), ("2026-03-03", "day"), ("2026-03-02", "day")]) == "2026-03-03"
    assert best_date([("2026-03", "month"), ("2026", "year")]) == "2026-03"
    assert best_date([(None, None)]) is None


WIRE = ("Negotiators from the two governments met for a third day in the capital on Thursday and said they had agreed "
        "on the order in which prisoners would be released, but not on the number of names on each list. ") * 3


def test_dedup_a_cut_republication_is_contained_and_an_unrelated_story_is_not() -> None:
    longer = WIRE + "A second paragraph says the talks will resume next week in the same hotel by the lake."
    cut = WIRE
    other = "Floods swept through three provinces after a week of monsoon rain, and the army sent boats to the villages."
    sig = {k: dedup.signature(v) for k, v in (("long", longer), ("cut", cut), ("other", other))}
    size = {k: len(dedup.shingles(v)) for k, v in (("long", longer), ("cut", cut), ("other", other))}
    assert dedup.containment(dedup.similarity(sig["long"], sig["cut"]), size["long"], size["cut"]) >= 0.8
    assert dedup.containment(dedup.similarity(sig["long"], sig["other"]), size["long"], size["other"]) < 0.3
    assert (dedup.signature(longer) == sig["long"]).all()  # fixed seed: the same text, the same signature
