"""Actors are coded as of the date of the events they take part in.

All sentences are our own."""

from __future__ import annotations


def test_events_an_actor_is_coded_as_of_the_events_date() -> None:
    from communique.pipeline import analyze
    from communique.records import Article

    text = "In March 2010, Recep Tayyip Erdogan visited Damascus for talks with Bashar al-Assad."
    a = analyze(Article(id="t", text=text, published="2025-03-04"))
    ev = [e for e in a.events if e.type == "CONSULT"]
    assert ev and (ev[0].date or "").startswith("2010")
    erdogan = next(x for x in a.actors if x.name == "Recep Tayyip Erdogan")
    assert erdogan.role is not None and "Prime Minister" in erdogan.role
