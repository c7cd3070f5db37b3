"""Events: PLOVER/CAMEO coding on the dependency parse, with actors, recipients, date and status.

Per sentence: ``extract.find_events`` finds triggers (verbs, frame verbs, light verbs with event
nouns, nominal events); ``arguments.Participants`` resolves actor and recipient phrases to actor ids
(adding participants such as "Israeli troops"); ``claims.assess`` gives the status; the PLOVER
future rule turns announced cooperation into AGREE and announced force into THREATEN. An event
whose actor cannot be resolved is dropped unless its type may stand without one (ASSAULT, PROTEST,
COERCE, RETREAT: "a roadside bomb killed ...", "three hostages were freed").

Appeals ("urged", "called on/for", "appealed") are REQUESTs, as PLOVER's REQUEST takes "all requests,
demands, and orders" (manual 3.8), coded with CAMEO's appeal root 02 (a demand keeps root 10); what
they ask for has not happened and is no event. An appeal for hostile action is a demand (10); an
armed party calling for a truce expresses intent (AGREE, manual 3.8.2). Not events: what a denied
charge says happened; an attack someone claims responsibility for.
Ranking: the first of coordinated clauses, the main clause, then background clauses.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from communique import data
from communique.actors.coding import code_actor_at
from communique.claims import Claim, assess
from communique.document import Document
from communique.events.arguments import Participants
from communique.events.extract import Found, embedded_code, find_events, misparsed_main
from communique.events.patterns import COOPERATIVE, Code, code_of, frame_code, match
from communique.records import Actor, Event, EventStatus, Quote, Span, Timex
from communique.times import governing_time

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


ACTORLESS_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "RETREAT"})
MAX_PER_SENTENCE = 3
ARMED_SECTORS = frozenset({"REB", "MIL", "INS", "SEP", "PMF"})


def extract_events(
    document: Document,
    actors: list[Actor],
    quotes: list[Quote],
    times: list[Timex],
    *,
    published: str | None = None,
) -> tuple[list[Event], list[Actor]]:
    """Events found in the document; returns them with the actor list, extended with any new participants."""
    doc = document.doc
    parts = Participants(doc, actors, published)
    events: list[Event] = []
    for sent in doc.sents:
        kept: list[Event] = []
        for found in find_events(sent):
            ev = _build(doc, sent, found, parts, quotes, times, published)
            if ev is not None:
                kept.append(ev)
        kept = _dedupe(kept)
        kept.sort(key=lambda e: -e.confidence)
        events.extend(sorted(kept[:MAX_PER_SENTENCE], key=lambda e: e.evidence.start if e.trigger is None else e.trigger.start))
    events = [replace(e, id=f"E{i}") for i, e in enumerate(events, 1)]
    return events, _coded_at_event_dates(parts.actors, events, published)


def _coded_at_event_dates(actors: list[Actor], events: list[Event], published: str | None) -> list[Actor]:
    """Code each actor as of the date of the events it takes part in, when those are all dated in
    one other year than the article ("In 2010, Prime Minister Erdogan visited Damascus" keeps him
    Prime Minister in a 2025 story). An actor whose events disagree, or are undated, keeps the
    coding as of publication: one actor record has one coding."""
    years: dict[str, set[str]] = {}
    dates: dict[str, str] = {}
    for e in events:
        for aid in (*e.actors, *e.recipients):
            year = e.date[:4] if e.date and e.date[:4].isdigit() else "?"
            years.setdefault(aid, set()).add(year)
            if e.date and year != "?":
                dates.setdefault(aid, e.date)
    pub_year = (published or "")[:4]
    out: list[Actor] = []
    for a in actors:
        ys = years.get(a.id, set())
        if len(ys) == 1 and "?" not in ys and pub_year and next(iter(ys)) != pub_year:
            a = code_actor_at(a, dates[a.id])
        out.append(a)
    return out


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per (type, actors, recipients) in a sentence: the most confident."""
    best: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Event] = {}
    for e in events:
        key = (e.type, e.actors, e.recipients)
        if key not in best or e.confidence > best[key].confidence:
            best[key] = e
    return [e for e in events if best[(e.type, e.actors, e.recipients)] is e]


def _violent_cause(h: Token) -> bool:
    """A subject that can kill without being a participant: a weapon or an attack."""
    return h.lemma_.lower() in data.words("events.violent_causes") or h.pos_ == "PRON" or match(h) is not None


def _subordinate(tok: Token) -> bool:
    if misparsed_main(tok):
        return False
    cur = tok
    for _ in range(10):
        if cur.head is cur:
            return False
        if cur.dep_ in ("relcl", "acl", "advcl", "pcomp") and cur.pos_ in ("VERB", "AUX"):
            return True
        cur = cur.head
    return False


def _quote_at(quotes: list[Quote], start: int) -> Quote | None:
    for q in quotes:
        if q.start <= start < q.end:
            return q
    return None


def _retype(found: Found, claim: Claim, tok: Token) -> tuple[Code, EventStatus, str]:
    """Apply PLOVER's rules for intentions: future cooperation -> AGREE, future force -> THREATEN,
    refusals ("will not lift", "did not agree to") -> REJECT."""
    code, status, rule = found.code, claim.status, found.rule
    will = any(c.dep_ == "aux" and c.lower_ in data.words("events.intent_auxiliaries") for c in tok.children)
    if status == "negated" and (found.frame == "intent" or (will and code.type in COOPERATIVE)):
        got = frame_code("refuse", code if found.frame != "intent" or found.embedded is None else _embedded_code(found))
        new = code_of(*got) if got else None
        if new is not None:
            return new, "asserted", rule + "+refusal"
    if status == "negated" and claim.rule == "claims.failed_to" and code.type in ("AGREE", "CONSULT", "SUPPORT") and found.frame is None:
        # "the two sides failed to reach agreement": the talks ended in rejection, not in a deal
        got = frame_code("refuse", code)
        new = code_of(*got) if got else None
        if new is not None:
            return new, "asserted", rule + "+failed"
    would = any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "will", "'ll", "shall") for c in tok.children)
    if (status == "future" or (status == "hypothetical" and would)) and found.frame is None:
        # "will send aid" -> AGREE; "would meet the mediator if ..." is a conditional offer -> AGREE
        got = frame_code("future", code)
        new = code_of(*got) if got else None
        if new is not None:
            return new, status, rule + "+future"
    return code, status, rule


def _place_participants(found: Found, parts: Participants, actors: list[str], recipients: list[str], claim: Claim) -> None:
    """Code an uncoded participant ("their forces", "prisoners", "students") from its event:
    the reporting subject for "their/its", else the one country of the event's place and recipients
    (most such events are domestic: "prisoners rioted at a jail in Dili")."""
    uncoded = [a for a in actors if parts.country_of(a) is None]
    if not uncoded:
        return
    heads = {h.i: h for h in found.actor_heads}
    if claim.reporter is not None and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for h in heads.values() for c in h.children
    ):
        for aid in parts.resolve(claim.reporter, create=False):
            country = parts.country_of(aid)
            if country:
                for a in uncoded:
                    parts.locate(a, country, "reporter")
                for i, a in enumerate(actors):  # "his country" is the country itself
                    if a in uncoded and parts.by_id[a].name.lower() in ("country", "nation"):
                        actors[i] = parts.fold_into_country(a, country)
                return
    places: set[str] = set()
    for h in found.recipient_heads:
        if not (h.dep_ == "pobj" and h.head.lower_ in ("in", "at", "inside", "throughout", "near")):
            continue  # only where it happened: "the juntas expelled French troops" says nothing of the juntas
        for aid in parts.resolve(h, create=False, recipient=True):
            c = parts.country_of(aid)
            if c:
                places.add(c)
    if len(places) == 1:
        for a in uncoded:
            parts.locate(a, next(iter(places)), "place")


def _place_domestic_targets(code: Code, parts: Participants, actors: list[str], recipients: list[str]) -> None:
    """Police act at home: the uncoded protesters a country's police arrest or fire on are its own."""
    police = [a for a in actors if parts.by_id[a].sector == "COP" and parts.country_of(a)]
    if not police or code.type not in ("COERCE", "ASSAULT"):
        return
    country = parts.country_of(police[0])
    for r in recipients:
        if parts.country_of(r) is None and parts.by_id[r].sector in ("CVL", "OPP", "REB", "MED", "EDU", "LAB"):
            parts.locate(r, country or "", "police")


def _embedded_code(found: Found) -> Code | None:
    return embedded_code(found.embedded) if found.embedded is not None else None


def _build(
    doc: Doc,
    sent: object,
    found: Found,
    parts: Participants,
    quotes: list[Quote],
    times: list[Timex],
    published: str | None,
) -> Event | None:
    anchor = found.anchor
    claim = assess(anchor)
    if claim.rule == "claims.considered":
        return None  # an option under consideration is a statement (CAMEO 014), not an event
    if found.frame is None and claim.status in ("future", "hypothetical") and _subordinate(anchor):
        return None  # "a resolution that aims to tighten sanctions", "unless X arranged a ceasefire": no event
    code, status, rule = _retype(found, claim, anchor)
    actors: list[str] = []
    for h in found.actor_heads:
        for aid in parts.resolve(h):
            if aid not in actors:
                actors.append(aid)
    if not actors and found.actor_heads and any(h.pos_ == "PRON" for h in found.actor_heads) and claim.reporter is not None:
        # "Syria says it is willing ...": an unresolved pronoun subject is the reporting subject
        actors = parts.resolve(claim.reporter)
    quote = _quote_at(quotes, found.trigger.idx)
    if not actors and quote is not None and quote.speaker and any(h.lower_ in ("i", "we") for h in found.actor_heads):
        actors = [quote.speaker]  # '"We will not withdraw," the minister said': the speaker
    recipients: list[str] = []
    for h in found.recipient_heads:
        for aid in parts.resolve(h, create=h.dep_ != "pobj" or h.head.lower_ not in ("in", "at", "over", "of", "between"), recipient=True):
            if aid not in recipients and aid not in actors:
                recipients.append(aid)
    _place_participants(found, parts, actors, recipients, claim)
    _place_domestic_targets(code, parts, actors, recipients)
    if not actors and code.type not in ACTORLESS_TYPES:
        return None
    if not actors and code.type in ("ASSAULT", "COERCE") and found.actor_heads and not any(_violent_cause(h) for h in found.actor_heads):
        return None  # "heavy rains killed 20 people": a subject that is no participant and no weapon
    if found.rule == "events.appeal_truce" and not any(parts.by_id[a].sector in ARMED_SECTORS for a in actors):
        # "the UN called for a ceasefire": not a party's intent but an appeal to yield (CAMEO 025)
        code = Code("025", "REQUEST", "yield", code.context)
        found.confidence = min(found.confidence, 0.6)
    passive_demand = found.embedded is not None and any(c.dep_ in ("nsubjpass", "auxpass") for c in found.embedded.children)
    if found.rule == "events.must_request" and not recipients and not passive_demand:
        # "the Black Sea must not become a graveyard": no one is asked anything; but "military
        # intervention must be avoided", "the prisoners must be freed" demand it of whoever acts
        return None
    if not actors and (found.nominal or status not in ("asserted", "reported") or _subordinate(anchor)):
        return None  # "a soldier killed in Afghanistan": background, no doer
    source: str | None = None
    quote_id = quote.id if quote else None
    if status in ("reported", "alleged") and claim.source is not None:
        ids = parts.resolve(claim.source)
        source = ids[0] if ids else None
    if quote is not None:
        if status in ("asserted", "reported"):
            status = "reported"
            source = quote.speaker
        elif status == "alleged":
            source = source or quote.speaker
    must = any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in anchor.children)
    if must and found.frame is None and quote is not None and quote.speaker and code.type != "REQUEST":
        # '"Rwanda must withdraw its soldiers," the minister said': the speaker requests it of Rwanda
        got = frame_code("demand", code)
        new = code_of(*got) if got else None
        if new is not None:
            recipients = [a for a in actors if a != quote.speaker]
            actors = [quote.speaker]
            code, status, source, rule = new, "reported", quote.speaker, rule + "+quoted_must"
    if status not in ("reported", "alleged"):
        source = None
    confidence = found.confidence
    if not actors:
        confidence -= 0.25
    if not recipients:
        confidence -= 0.05
    if status in ("hypothetical", "negated"):
        confidence -= 0.1
    if _subordinate(anchor):
        confidence -= 0.1  # an event in a relative or adverbial clause is background
    if anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX") and anchor.head.i < anchor.i:
        confidence -= 0.1  # "declared a ceasefire and promised to ...": the first clause leads
    date = date_text = None
    tx = governing_time(doc, found.trigger.i, times, published)
    if tx is not None:
        date, date_text = tx.value, (tx.text or None)  # the publication date has no expression
    s = found.anchor.sent
    start, end = s.start_char, s.end_char
    text = doc.text
    while end > start and text[end - 1].isspace():
        end -= 1
    trig = found.trigger
    t_start, t_end = trig.idx, trig.idx + len(trig.text)
    if trig.i >= 2 and doc[trig.i - 1].text == "-" and not doc[trig.i - 1].whitespace_ and not doc[trig.i - 2].whitespace_:
        t_start = doc[trig.i - 2].idx  # "build-up", "test-fired": the whole hyphenated word
    if found.anchor is not trig and found.anchor.sent == trig.sent and rule.startswith("events.light"):
        t_start, t_end = min(t_start, found.anchor.idx), max(t_end, found.anchor.idx + len(found.anchor.text))
    return Event(
        id="E0",
        type=code.type,
        evidence=Span.of(text, start, end),
        actors=tuple(actors),
        recipients=tuple(recipients),
        mode=code.mode,
        context=code.context,
        cameo=code.cameo,
        date=date,
        date_text=date_text,
        status=status,
        source=source,
        quote=quote_id,
        confidence=round(max(0.05, min(0.99, confidence)), 3),
        trigger=Span.of(text, t_start, t_end),
        provenance=rule + "|" + claim.rule,
    )
