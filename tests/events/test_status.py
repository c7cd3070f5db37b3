"""Event status in context: reported, quoted, alleged, negated, hypothetical, future."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.records import Quote, Span

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Run = Callable[..., Any]


def test_status_event_in_attribution_is_reported_with_its_source(run: Run) -> None:
    r = run("Congolese police said the rebels attacked a convoy near Goma.")
    ev = next(e for e in r.events if e.type == "ASSAULT")
    assert ev.status == "reported"
    src = r.actor(ev.source)
    assert src.sector == "COP"


def test_status_event_inside_a_quote_is_reported_by_the_speaker(run: Run) -> None:
    text = 'Maria Zakharova said: "Ukrainian forces shelled Donetsk overnight."'
    start = text.index("Ukrainian")
    end = text.index('."') + 1
    first = run(text)
    speaker = next(a for a in first.actors if "Zakharova" in a.name)
    quote = Quote("Q1", "direct", start, end, text[start:end], speaker.id, None, Span.of(text, 13, 17))
    r = run(text, quotes=[quote])
    ev = next(e for e in r.events if e.type == "ASSAULT")
    assert ev.status == "reported" and ev.quote == "Q1" and ev.source == speaker.id


def test_status_allegedly_is_alleged(run: Run) -> None:
    r = run("The army allegedly shelled the village of Kfar Kila.")
    assert [e.status for e in r.events] == ["alleged"]


def test_status_did_not_is_negated(run: Run) -> None:
    r = run("Israeli troops did not attack the camp.")
    assert [e.status for e in r.events] == ["negated"]


def test_status_condition_is_hypothetical(run: Run) -> None:
    r = run("If the talks fail, Russia could attack Ukraine.")
    assert "hypothetical" in [e.status for e in r.events]
    assert all(e.status != "asserted" for e in r.events)


def test_status_plain_past_is_asserted_without_source(run: Run) -> None:
    r = run("Sudanese rebels shelled the city of El Fasher on Sunday.")
    assert [(e.status, e.source) for e in r.events] == [("asserted", None)]


def test_status_quoted_must_is_the_speakers_request(run: Run) -> None:
    text = 'Patrick Muyaya said: "Rwanda must withdraw its soldiers from Goma."'
    start = text.index("Rwanda")
    end = text.index('."') + 1
    first = run(text)
    speaker = next(a for a in first.actors if "Muyaya" in a.name)
    quote = Quote("Q1", "direct", start, end, text[start:end], speaker.id, None, Span.of(text, 15, 19))
    r = run(text, quotes=[quote])
    ev = r.events[0]
    assert ev.type == "REQUEST" and ev.actors == (speaker.id,)
    assert r.countries(ev.recipients) == {"RWA"}
    assert ev.status == "reported" and ev.quote == "Q1"


def test_status_we_in_a_quote_is_the_speaker(run: Run) -> None:
    text = 'Sergei Lavrov said: "We will never withdraw our troops from Crimea."'
    start = text.index("We")
    end = text.index('."') + 1
    first = run(text)
    speaker = next(a for a in first.actors if "Lavrov" in a.name)
    quote = Quote("Q1", "direct", start, end, text[start:end], speaker.id, None, Span.of(text, 14, 18))
    r = run(text, quotes=[quote])
    assert r.events and r.events[0].actors == (speaker.id,)
    assert r.events[0].quote == "Q1"
