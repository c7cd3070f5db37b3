"""The events stage: every sentence's triggers built into events, ranked, numbered; actors coded as
of their events' dates.

Per sentence: ``triggers.find_events`` finds the triggers, ``build.build_event`` resolves each to an
event or drops it; one event per (type, actors, recipients) is kept, the learned ``second_opinion`` re-scores or
rejects it, and the most confident
``MAX_PER_SENTENCE`` of them, in text order.
"""

from __future__ import annotations

from dataclasses import replace

from communique.actors.coding import code_actor_at
from communique.actors.table import ActorTable
from communique.document import Document
from communique.events import second_opinion
from communique.events.arguments import Participants
from communique.events.build import build_event
from communique.events.triggers import find_events
from communique.records import Event, Quote, Timex

MAX_PER_SENTENCE = 3


def extract_events(
    document: Document,
    actors: ActorTable,
    quotes: list[Quote],
    times: list[Timex],
    *,
    published: str | None = None,
) -> list[Event]:
    """Events found in the document; new participants go into ``actors``, and actors whose events all
    lie in another year are re-coded as of that date there."""
    doc = document.doc
    parts = Participants(doc, actors, published, text=document.text)
    events: list[Event] = []
    for sent in doc.sents:
        kept: list[Event] = []
        for found in find_events(sent):
            ev = build_event(doc, found, parts, quotes, times, published)
            if ev is not None:
                kept.append(ev)
        kept = second_opinion.review(sent, dedupe(kept))
        kept.sort(key=lambda e: -e.confidence)
        events.extend(sorted(kept[:MAX_PER_SENTENCE], key=lambda e: e.evidence.start if e.trigger is None else e.trigger.start))
    events = [replace(e, id=f"E{i}") for i, e in enumerate(events, 1)]
    coded_at_event_dates(actors, events, published)
    return events


def coded_at_event_dates(actors: ActorTable, events: list[Event], published: str | None) -> None:
    """Code each actor as of the date of the events it takes part in, when those are all dated in
    one other year than the article ("In 2010, Prime Minister Erdogan visited Damascus" keeps him
    Prime Minister in a 2025 story). An actor whose events disagree, or are undated, keeps the
    coding as of publication: one actor record has one coding."""
    years: dict[str, set[str]] = {}
    dates: dict[str, str] = {}
    for e in events:
        for aid in (*e.actors, *e.recipients):
            # only the event's own date counts: a reporting clause's date says when it was told
            own = e.date if e.date_basis in ("explicit", "relative") else None
            year = own[:4] if own and own[:4].isdigit() else "?"
            years.setdefault(aid, set()).add(year)
            if own and year != "?":
                dates.setdefault(aid, own)
    pub_year = (published or "")[:4]
    for a in actors:
        ys = years.get(a.id, set())
        if a.merged_into is None and len(ys) == 1 and "?" not in ys and pub_year and next(iter(ys)) != pub_year:
            coded = code_actor_at(a.freeze(), dates[a.id])
            a.update(**{f: getattr(coded, f) for f in ("name", "type", "country", "sector", "role", "provenance")})


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, actors, recipients) in a sentence: the most confident."""
    best: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Event] = {}
    for e in events:
        key = (e.type, e.actors, e.recipients)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    return [e for e in events if best[(e.type, e.actors, e.recipients)] is e]
