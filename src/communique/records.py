"""Typed records every stage reads and returns.

All offsets are ``[start, end)`` character offsets into ``Article.text``, the cleaned text the
analysis ran on. Records are frozen and slotted; each carries a ``provenance`` tag naming the rule
or model that produced it, so a wrong record can be traced back. ``to_dict`` renders the public
shape of ``../shared/docs/output-contract.md`` (schema ``communique.analysis/1``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "communique.analysis/1"

ActorType = Literal["person", "organization", "country", "group", "unknown"]
QuoteKind = Literal["direct", "indirect", "mixed"]
EventStatus = Literal["asserted", "reported", "alleged", "negated", "hypothetical", "future"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
MentionKind = Literal["name", "pronoun", "role", "title", "group", "country", "demonym", "metonym", "other"]
# what a quote's or event's date rests on, and how fine it is (README, "Dates of events and quotes")
DateBasis = Literal["explicit", "relative", "reporting", "publication", "none"]
DatePrecision = Literal["day", "week", "month", "year", "decade", "none"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
PRECISIONS: tuple[tuple[re.Pattern[str], DatePrecision], ...] = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "day"),
    (re.compile(r"\d{4}-W\d{2}(-WE)?"), "week"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}(-(Q[1-4]|H[12]|SP|SU|FA|WI))?"), "year"),
    (re.compile(r"\d{3}"), "decade"),
)


def date_precision(value: str | None) -> DatePrecision:
    """How fine a record's date is, read off its ISO value: ``2025-03-03`` day, ``2025-W10`` week,
    ``2025-03`` month, ``2025`` (or a quarter, half or season of it) year, ``202`` decade, else none."""
    for pattern, precision in PRECISIONS:
        if value is not None and pattern.fullmatch(value):
            return precision
    return "none"


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of scraped boilerplate the clean-up dropped, and why (offsets into the raw text)."""

    start: int
    end: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Article:
    """One input article after ingestion and clean-up."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    url: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    language: str = "en"
    source: str | None = None  # where it came from: a path, URL, "-", or "FILE.jsonl:LINE"
    removed: tuple[Removal, ...] = ()  # clean-up report
    published_from: str | None = None  # "input", "html", "dateline" or None
    notes: tuple[str, ...] = ()  # what reading it should warn about (a guessed encoding)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "outlet": self.outlet,
            "authors": list(self.authors),
            "language": self.language,
            "text": self.text,
            "cleanup": [r.to_dict() for r in self.removed],
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor: a name, pronoun, role noun, group, country or metonym."""

    start: int
    end: int
    text: str
    kind: MentionKind = "name"

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant of the article: every mention resolved to it, and its coding."""

    id: str
    name: str
    type: ActorType
    mentions: tuple[Mention, ...]
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    provenance: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "mentions": [
                {"start": m.start, "end": m.end, "text": m.text, "kind": m.kind}
                for m in sorted(self.mentions, key=lambda m: (m.start, m.end))
            ],
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: the content span, its cue and its speaker."""

    id: str
    kind: QuoteKind
    start: int
    end: int
    text: str
    speaker: str | None  # actor id
    speaker_mention: Span | None
    cue: Span | None
    date: str | None = None
    provenance: str = ""
    date_basis: DateBasis = "none"
    date_precision: DatePrecision = "none"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "date": self.date,
            "date_basis": self.date_basis,
            "date_precision": self.date_precision,
            "provenance": self.provenance,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: one PLOVER event."""

    id: str
    type: str
    evidence: Span
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    date: str | None = None
    date_text: str | None = None
    status: EventStatus = "asserted"
    source: str | None = None
    quote: str | None = None
    confidence: float = 0.5
    trigger: Span | None = None
    provenance: str = ""
    date_basis: DateBasis = "none"
    date_precision: DatePrecision = "none"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "date": self.date,
            "date_text": self.date_text,
            "date_basis": self.date_basis,
            "date_precision": self.date_precision,
            "status": self.status,
            "source": self.source,
            "quote": self.quote,
            "evidence": self.evidence.to_dict(),
            "confidence": round(float(self.confidence), 3),
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "provenance": self.provenance,
        }


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression, TimeML TIMEX3 style."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    provenance: str = ""
    anchor: str | None = None  # for event-anchored expressions: what it is relative to

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if self.anchor:
            d["anchor"] = self.anchor
        return d


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything ``communique analyze`` says about one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[Timex, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "times": [t.to_dict() for t in self.times],
            "warnings": list(self.warnings),
        }

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None
