"""From a found trigger to an ``Event``: status, actor ids, attribution, confidence, date and spans.

``build_event`` runs the rules below in order on a ``Draft``; a gate returns False to drop the event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique import data, syntax
from communique.actors.gazetteer import normalise
from communique.actors.names import lexicon
from communique.claims import Claim, assess
from communique.events.arguments import Participants
from communique.events.found import Found
from communique.events.frames import embedded_code
from communique.events.nominal import person_noun
from communique.events.patterns import COOPERATIVE, Code, code_of, frame_code, match, through, weapons
from communique.events.readings import (
    headline_predicate,
    named_place,
    outside_attribution,
    owned_place,
    party,
    place_of,
    pronoun_fits,
)
from communique.events.recipients import is_thing, through_thing
from communique.events.retribution import SPEAKER_RULE
from communique.events.senses import sense_of, targets
from communique.events.subjects import misparsed_main
from communique.records import Event, EventStatus, Quote, Span, Timex
from communique.times.dating import date_event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ACTORLESS_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "RETREAT"})
ARMED_SECTORS = frozenset({"REB", "MIL", "INS", "SEP", "PMF"})
CONDITIONAL_AUXILIARIES = ("would", "'d", "will", "'ll", "shall")
OWN_POSSESSIVES = ("its", "their", "his", "her", "our")
PLACE_PREPS = ("in", "at", "inside", "throughout", "near")
# a place, a topic or a share is no new participant: "in Ruritania", "over the border", "of the two"
NO_NEW_PARTICIPANT_PREPS = ("in", "at", "over", "of", "between")
# events whose in/at place is their venue, never a party: "met in Geneva", "signed the accord in Doha"
VENUE_TYPES = ("AGREE", "CONSULT", "SUPPORT", "REJECT", "COOPERATE")
DOMESTIC_TARGET_SECTORS = ("CVL", "OPP", "REB", "MED", "EDU", "LAB")


@dataclass
class Draft:
    """An event being built: what the rules have decided so far."""

    found: Found
    claim: Claim
    code: Code
    status: EventStatus
    rule: str
    quote: Quote | None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    source: str | None = None


def build_event(
    doc: Doc,
    found: Found,
    parts: Participants,
    quotes: list[Quote],
    times: list[Timex],
    published: str | None,
) -> Event | None:
    """The event of ``found``, or None when a gate drops it."""
    claim = assess(found.anchor)
    if not stated(found, claim):
        return None
    code, status, rule = retype(found, claim, found.anchor)
    if found.status is not None:
        status = found.status  # type: ignore[assignment]
    d = Draft(found, claim, code, status, rule, quote_at(quotes, found.trigger.idx))
    if d.quote is not None and outside_attribution(d.quote, found.trigger):
        d.quote = None
    if not in_sense(d):
        return None
    d.actors = actor_ids(d, parts)
    recipients = recipient_ids(d, parts)  # first: it may add the participants the places resolve to
    named = named_place_ids(d, parts)
    d.recipients = [r for r in recipients if r not in named]
    place_participants(found, parts, d.actors, claim, venue=d.code.type in ("CONSULT", "AGREE"))
    place_domestic_targets(d.code, parts, d.actors, d.recipients)
    if not has_doer(d) and not told_by_pronoun(d, parts):
        return None
    appeal_to_yield(d, parts)
    if not asks_someone(d) or not foreground_or_done(d):
        return None
    attribute(d, parts)
    quoted_must(d)
    if d.status not in ("reported", "alleged"):
        d.source = None
    return to_event(doc, d, times, published, parts.text)


def stated(found: Found, claim: Claim) -> bool:
    """An option under consideration is a statement (CAMEO 014), and an aim or a condition in a
    subordinate clause is none either.

    "The cabinet is considering sanctions"; "a resolution that aims to tighten sanctions".
    """
    if claim.rule == "claims.considered":
        return False
    return not (found.frame is None and claim.status in ("future", "hypothetical") and subordinate(found.anchor))


def in_sense(d: Draft) -> bool:
    """The event fits its type's sense constraints (``events.senses``), or is re-coded by them; an
    event the table drops is none ("fired up the crowd", "an attack on his record" as ASSAULT)."""
    action = sense_of(d.code.type, d.found.trigger, d.found.actor_heads)
    if action is None:
        return True
    if action == "drop":
        return False
    new = code_of(action)
    if new is None:
        return False
    d.code, d.rule = new, d.rule + "+sense"
    # whom a criticism of a thing concerns: "attacked the government's record" -> the government
    d.found.recipient_heads += [w for t in targets(d.found.trigger) if is_thing(t) for w in through_thing(t)]
    return True


def subordinate(tok: Token) -> bool:
    """``tok`` sits in a relative, adverbial or prepositional clause (a misparsed main clause does not)."""
    if misparsed_main(tok) or headline_predicate(tok):
        return False
    cur = tok
    for _ in range(10):
        if cur.head is cur:
            return False
        if cur.dep_ in ("relcl", "acl", "advcl", "pcomp") and cur.pos_ in ("VERB", "AUX"):
            return True
        cur = cur.head
    return False


def quote_at(quotes: list[Quote], start: int) -> Quote | None:
    """The quote whose span holds character ``start``."""
    for q in quotes:
        if q.start <= start < q.end:
            return q
    return None


def retype(found: Found, claim: Claim, tok: Token) -> tuple[Code, EventStatus, str]:
    """Apply PLOVER's rules for intentions: future cooperation -> AGREE, future force -> THREATEN,
    refusals ("will not lift", "did not agree to") -> REJECT, a failure to agree -> REJECT."""
    code, status, rule = found.code, claim.status, found.rule
    for recode in (refusal, failed_agreement, continued_cooperation, announced_future):
        got = recode(found, claim, tok)
        if got is not None:
            return got[0], got[1], rule + got[2]
    return code, status, rule


def _frame_as(frame: str, code: Code | None) -> Code | None:
    got = frame_code(frame, code)
    return code_of(*got) if got else None


def refusal(found: Found, claim: Claim, tok: Token) -> tuple[Code, EventStatus, str] | None:
    """A negated intention or promise of cooperation is a refusal.

    "Freedonia will not lift the blockade" -> REJECT.
    """
    will = any(c.lower_ in data.words("events.intent_auxiliaries") for c in syntax.children(tok, ("aux",)))
    code = found.code
    if claim.status != "negated" or not (found.frame == "intent" or (will and code.type in COOPERATIVE)):
        return None
    inner = code if found.frame != "intent" or found.embedded is None else embedded_of(found)
    new = _frame_as("refuse", inner)
    return (new, "asserted", "+refusal") if new is not None else None


def failed_agreement(found: Found, claim: Claim, tok: Token) -> tuple[Code, EventStatus, str] | None:
    """Talks that failed to reach a deal ended in rejection, not in a deal.

    "The two sides failed to reach agreement on the border" -> REJECT.
    """
    if claim.status != "negated" or claim.rule != "claims.failed_to" or found.code.type not in ("AGREE", "CONSULT", "SUPPORT") or found.frame is not None:
        return None
    new = _frame_as("refuse", found.code)
    return (new, "asserted", "+failed") if new is not None else None


CONTINUING = frozenset({"continue", "keep"})
GOING_ON = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})  # cooperation that can go on


def continued_cooperation(found: Found, claim: Claim, tok: Token) -> tuple[Code, EventStatus, str] | None:
    """Cooperation said to go on is the cooperation itself, no new promise: its own type, and the status
    of the clause without the future ("reported" under a reporting verb).

    "Britain will continue to support the mission, the minister said" -> SUPPORT; "the two sides will
    keep talking" -> CONSULT; "we will continue to provide aid" -> AID.
    """
    if claim.status != "future" or found.frame is not None or found.code.type not in GOING_ON:
        return None
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in CONTINUING):
        return None
    return found.code, "reported" if claim.reporter is not None else "asserted", "+continued"


def announced_future(found: Found, claim: Claim, tok: Token) -> tuple[Code, EventStatus, str] | None:
    """Announced cooperation is an agreement, announced force a threat; a conditional offer too.

    "Norway will send aid" -> AGREE; "We would meet the mediator if ..." -> AGREE.
    """
    would = any(c.lower_ in CONDITIONAL_AUXILIARIES for c in syntax.children(tok, ("aux",)))
    if not (claim.status == "future" or (claim.status == "hypothetical" and would)) or found.frame is not None:
        return None
    new = _frame_as("future", found.code)
    return (new, claim.status, "+future") if new is not None else None


def embedded_of(found: Found) -> Code | None:
    """The code of the event a frame embeds, if any."""
    return embedded_code(found.embedded) if found.embedded is not None else None


def actor_ids(d: Draft, parts: Participants) -> list[str]:
    """The actor ids of the doer phrases; an unresolved pronoun is the reporting subject ("Ruritania
    says it is willing ..."), a first person in a quote its speaker ('"We will not withdraw," the
    minister said')."""
    found = d.found
    if found.rule == SPEAKER_RULE and not found.actor_heads:
        return [d.quote.speaker] if d.quote is not None and d.quote.speaker else []  # '"You will regret it."'
    own = reporter_speaks_of_itself(d, parts)
    if own:
        return own
    actors: list[str] = []
    for h in found.actor_heads:
        for aid in doer_ids(d, parts, h):
            if aid not in actors:
                actors.append(aid)
    actors = [a for a in actors if not victim_antecedent(d, parts, a)]
    if not actors and found.actor_heads and any(h.pos_ == "PRON" for h in found.actor_heads) and d.claim.reporter is not None:
        actors = [a for a in parts.resolve(d.claim.reporter) if fits(found.actor_heads, parts, a, d.claim.reporter)]
    if not actors and d.quote is not None and d.quote.speaker and any(h.lower_ in ("i", "we") for h in found.actor_heads):
        actors = [d.quote.speaker]
    return actors


def doer_ids(d: Draft, parts: Participants, h: Token) -> list[str]:
    """The actors of doer phrase ``h``. A common-noun phrase that a coreference link made a mention
    of another party of the event is the phrase itself: a descriptive subject keeps the doer slot
    ("The veteran smuggler has accused Ortega of betrayal", the smuggler linked to Ortega: the
    smuggler). A thing linked to the reporting party is no doer (``reporter_thing``)."""
    ids = parts.resolve(h)
    if h.pos_ != "NOUN" or not ids:
        return ids
    if reporter_thing(d, parts, h, ids):
        return []
    others = {a for r in d.found.recipient_heads if r.i != h.i for a in parts.resolve(r, create=False, recipient=True)}
    return parts.resolve(h, fresh=True) if others & set(ids) else ids


def reporter_thing(d: Draft, parts: Participants, h: Token, ids: list[str]) -> bool:
    """A reporting source is not the doer of the act it reports: a doer noun that names no party
    (a blast, a strike, a weapon) but resolved to the reporter through a coreference link stands for
    no one ("The monitor said the blast had killed four", "The ministry reported that the explosion
    wounded six"); the reporter's own "it"/"they" is the reporter (``reporter_speaks_of_itself``)."""
    reporter = d.claim.reporter
    if reporter is None or person_noun(h) or h.lemma_.lower() in data.words("events.group_nouns", "events.institution_nouns"):
        return False
    return set(ids) <= set(parts.resolve(reporter, create=False))


def reporter_speaks_of_itself(d: Draft, parts: Participants) -> list[str]:
    """A non-person pronoun subject of a clause reported by a named party is that party, whatever an
    earlier sentence's antecedent: "A faction of the group announced they had killed 23 soldiers",
    "The ministry said it had expelled two diplomats", "Police say they arrested the suspects"."""
    heads, anchor, reporter = d.found.actor_heads, d.found.anchor, d.claim.reporter
    if reporter is None or reporter.pos_ == "PRON" or not heads:
        return []
    if not all(h.lower_ in ("they", "it", "we") for h in heads):
        return []
    if anchor.dep_ not in ("ccomp", "parataxis") or anchor.head.i not in (reporter.head.i,):
        return []
    return [a for a in parts.resolve(reporter) if fits(heads, parts, a, reporter)]


def told_by_pronoun(d: Draft, parts: Participants) -> bool:
    """A reported deed whose pronoun doer cannot be the reporter (``fits``) still happened: its
    doer is someone the text names elsewhere, not known here ("The governor said they had shelled
    the market": an ASSAULT, actor unknown)."""
    heads, reporter = d.found.actor_heads, d.claim.reporter
    return bool(heads) and reporter is not None and all(h.pos_ == "PRON" for h in heads) and bool(parts.resolve(reporter))


def fits(heads: list[Token], parts: Participants, actor_id: str, reporter: Token) -> bool:
    """A pronoun doer may stand for the reporting party only if it can refer to it
    (``readings.pronoun_fits``): "The minister said they had shelled the market" names no doer."""
    a = parts.by_id[actor_id]
    official = a.sector in ("GOV", "MIL", "COP") and a.country is not None
    said_by = a.type
    noun = lexicon().noun(reporter.lemma_) if reporter.pos_ == "NOUN" else None
    collective = reporter.pos_ == "NOUN" and reporter.ent_type_ != "PERSON" and (noun is None or noun[0] != "person")
    if collective and all(h.lower_ in ("it", "they") for h in heads):
        said_by = "organization"  # "the Clinton camp announced that it ...": the camp, not the person it is named for
    return pronoun_fits(heads, said_by, plural=reporter.tag_ in ("NNS", "NNPS"), official=official)


def named_place_ids(d: Draft, parts: Participants) -> set[str]:
    """The actors of places that only name or locate a thing ("the violence in Haiti", "its Beirut
    strike", ``readings.named_place``) or the event (``event_place``): no recipients of the event."""
    named = [h for h in d.found.recipient_heads if named_place(h) or event_place(h, d, parts)]
    others = {a for h in d.found.recipient_heads if h not in named for a in parts.resolve(h, create=False, recipient=True)}
    return {a for h in named for a in parts.resolve(h, create=False, recipient=True)} - others


def event_place(h: Token, d: Draft, parts: Participants) -> bool:
    """A place in the in/at-phrase of the event itself is where it happened, no recipient: always
    the venue of talks, a meeting, a deal or a rejection ("held talks in Doha with the rebels", "the
    negotiations in Mexico City resumed", "signed the accord in Cairo"); of any other event when it
    is done to a party named beside ("Ortega was arrested in Texas", "Police detained 20 activists
    in the capital's main square"), also where the place is hung on a held military place that names
    its party ("struck militant positions in northern Iraq", "hit Hezbollah targets in Lebanon"). A
    place alone stays the target's place ("shelling in Kharkiv")."""
    if not place_of(h, {d.found.trigger.i, d.found.anchor.i}):
        return held_place_site(h, d, parts)
    if d.code.type in VENUE_TYPES:
        return True
    return any(party(through(r)) or named_person(r, parts) for r in d.found.recipient_heads if r is not h)


def held_place_site(h: Token, d: Draft, parts: Participants) -> bool:
    """A place hung on a held military place whose holder is named or has a country is where it is
    ("hit Hezbollah targets in southern Lebanon", "pounded Islamic State positions in eastern Syria");
    beside a holder of no country ("an army base in northern Afghanistan") the place still says whose."""
    places = data.words("events.held_places")
    for r in d.found.recipient_heads:
        site = r if r.lemma_.lower() in places else r.head if r.dep_ == "compound" and r.head.lemma_.lower() in places else None
        if r is h or site is None or not place_of(h, {site.i}):
            continue
        holders = [parts.by_id[a] for a in parts.resolve(r, create=False, recipient=True)]
        if any(a.country or (a.type == "organization" and not a.provenance.startswith("events.participant")) for a in holders):
            return True
    return False


def named_person(r: Token, parts: Participants) -> bool:
    """A recipient phrase the actor table knows as a person, a group or a name of no known kind, whatever the entity
    recogniser called the name ("Zambada" taken for a place)."""
    ids = parts.resolve(r, create=False, recipient=True) or [a for a in [parts.by_name.get(normalise(r.text))] if a]
    return any(parts.by_id[a].type in ("person", "group", "organization", "unknown") for a in ids)


def victim_antecedent(d: Draft, parts: Participants, actor_id: str) -> bool:
    """A pronoun doer is not resolved to the kind of people the event is done to: "Two soldiers were
    seized on Friday. A faction announced they had killed 23 kidnapped soldiers" -> not the soldiers."""
    if not all(h.pos_ == "PRON" for h in d.found.actor_heads):
        return False
    name = parts.by_id[actor_id].name.lower().split()
    victims = {r.lemma_.lower() for r in d.found.recipient_heads} | {r.lower_ for r in d.found.recipient_heads}
    return bool(name) and (name[-1] in victims or name[-1].rstrip("s") in victims)


def recipient_ids(d: Draft, parts: Participants) -> list[str]:
    """The actor ids of the recipient phrases that are no actor; a place or a topic adds no new
    participant ("fighting in the north")."""
    recipients: list[str] = []
    for h in d.found.recipient_heads:
        create = h.dep_ != "pobj" or h.head.lower_ not in NO_NEW_PARTICIPANT_PREPS or done_to(h)
        for aid in parts.resolve(h, create=create, recipient=True):
            if aid not in recipients and aid not in d.actors:
                recipients.append(aid)
    return recipients


def done_to(h: Token) -> bool:
    """The of-phrase of an event noun names whom it is done to, a new participant if need be: "the
    arrest of three activists", "the shelling of villagers", "the expulsion of two diplomats"."""
    p = through(h)  # "the detention of hundreds of protesters"
    people = p.ent_type_ in ("PERSON", "NORP") or person_noun(p)  # not "criticism of Clinton's use"
    return h.dep_ == "pobj" and h.head.lower_ == "of" and match(h.head.head) is not None and people


def place_participants(found: Found, parts: Participants, actors: list[str], claim: Claim, *, venue: bool = False) -> None:
    """Code an uncoded participant ("their forces", "prisoners", "students") from its event: the
    reporting subject for "their/its", else the one country of the event's place (most such events
    are domestic: "prisoners rioted at a jail in Dili"); the ``venue`` of talks or a deal says nothing
    of its parties ("the government and the rebels resumed talks in Oslo")."""
    uncoded = [a for a in actors if parts.country_of(a) is None]
    if not uncoded:
        return
    heads = found.actor_heads
    own = any(c.lower_ in OWN_POSSESSIVES for h in heads for c in syntax.possessors(h, pronouns=True))
    if own and claim.reporter is not None and place_by_reporter(parts, actors, uncoded, claim.reporter):
        return
    places: set[str] = set()
    for h in found.recipient_heads if not venue else []:
        if not (h.dep_ == "pobj" and h.head.lower_ in PLACE_PREPS) or owned_place(h):
            continue  # only where it happened: "the juntas expelled French troops" says nothing of the juntas
        for aid in parts.resolve(h, create=False, recipient=True):
            c = parts.country_of(aid)
            if c:
                places.add(c)
    if len(places) == 1:
        for a in uncoded:
            parts.locate(a, next(iter(places)), "place")


def place_by_reporter(parts: Participants, actors: list[str], uncoded: list[str], reporter: Token) -> bool:
    """"Ruritania says its forces ...": the participants are the reporter's country's; "his
    country" is that country itself. False when the reporter has no country."""
    for aid in parts.resolve(reporter, create=False):
        country = parts.country_of(aid)
        if country:
            for a in uncoded:
                parts.locate(a, country, "reporter")
            for i, a in enumerate(actors):
                if a in uncoded and parts.by_id[a].name.lower() in ("country", "nation"):
                    actors[i] = parts.fold_into_country(a, country)
            return True
    return False


def place_domestic_targets(code: Code, parts: Participants, actors: list[str], recipients: list[str]) -> None:
    """Police act at home: the uncoded protesters a country's police arrest or fire on are its own."""
    police = [a for a in actors if parts.by_id[a].sector == "COP" and parts.country_of(a)]
    if not police or code.type not in ("COERCE", "ASSAULT"):
        return
    country = parts.country_of(police[0])
    for r in recipients:
        if parts.country_of(r) is None and parts.by_id[r].sector in DOMESTIC_TARGET_SECTORS:
            parts.locate(r, country or "", "police")


def has_doer(d: Draft) -> bool:
    """An event needs a resolved actor unless its type may stand without one; violence needs a
    subject that can kill: a weapon, an attack, a pronoun, not "heavy rains killed 20 people"."""
    if d.actors:
        return True
    if d.code.type not in ACTORLESS_TYPES:
        return False
    heads = d.found.actor_heads
    return not (d.code.type in ("ASSAULT", "COERCE") and heads and not any(violent_cause(h) for h in heads))


def violent_cause(h: Token) -> bool:
    """A subject that can kill without being a participant: a weapon, a war machine or an attack."""
    lemma = h.lemma_.lower()
    return lemma in data.words("events.violent_causes") or lemma in weapons("munition", "vehicle", "emplaced", "attack") or h.pos_ == "PRON" or match(h) is not None


def appeal_to_yield(d: Draft, parts: Participants) -> None:
    """A call for a truce by no armed party is no intent but an appeal to yield (CAMEO 025).

    "The UN called for a ceasefire".
    """
    if d.found.rule == "events.appeal_truce" and not any(parts.by_id[a].sector in ARMED_SECTORS for a in d.actors):
        d.code = Code("025", "REQUEST", "yield", d.code.context)
        d.found.confidence = min(d.found.confidence, 0.6)


def asks_someone(d: Draft) -> bool:
    """"X must ..." asks something of someone: a recipient, or whoever would do a passive.

    "The sea must not become a graveyard": no one is asked; "The prisoners must be freed": it is
    asked of whoever holds them.
    """
    emb = d.found.embedded
    passive_demand = emb is not None and bool(syntax.children(emb, ("nsubjpass", "auxpass")))
    return not (d.found.rule == "events.must_request" and not d.recipients and not passive_demand)


def foreground_or_done(d: Draft) -> bool:
    """An event without a doer stands only as an asserted main-clause verb: "a soldier killed in the
    north" is background."""
    if d.actors:
        return True
    return not (d.found.nominal or d.status not in ("asserted", "reported") or subordinate(d.found.anchor))


def attribute(d: Draft, parts: Participants) -> None:
    """Who a reported or alleged event rests on: the rule's own source (an accuser), the attributed
    source, a quote's speaker."""
    if d.found.status is not None:  # the rule named the source itself (or found none: "X is accused of ...")
        ids = [a for h in d.found.source_heads for a in parts.resolve(h)]
        d.source = ids[0] if ids else None
    elif d.status in ("reported", "alleged") and d.claim.source is not None:
        ids = parts.resolve(d.claim.source)
        d.source = ids[0] if ids else None
    if d.quote is None:
        return
    if d.status in ("asserted", "reported"):
        d.status = "reported"
        d.source = d.quote.speaker
    elif d.status == "alleged":
        d.source = d.source or d.quote.speaker


def quoted_must(d: Draft) -> None:
    """A speaker saying someone must act requests it of them.

    '"Ruritania must withdraw its soldiers," the minister said': the minister requests it of Ruritania.
    """
    anchor, quote = d.found.anchor, d.quote
    must = any(c.lower_ in ("must", "should") for c in syntax.children(anchor, ("aux",)))
    if not must or d.found.frame is not None or quote is None or not quote.speaker or d.code.type == "REQUEST":
        return
    new = _frame_as("demand", d.code)
    if new is None:
        return
    d.recipients = [a for a in d.actors if a != quote.speaker]
    d.actors = [quote.speaker]
    d.code, d.status, d.source, d.rule = new, "reported", quote.speaker, d.rule + "+quoted_must"


def confidence(d: Draft) -> float:
    """The found trigger's confidence, lowered for a missing doer or recipient, an unreal status and
    background clauses ("declared a truce and promised to ...": the first clause leads)."""
    anchor = d.found.anchor
    value = d.found.confidence
    if not d.actors:
        value -= 0.25
    if not d.recipients:
        value -= 0.05
    if d.status in ("hypothetical", "negated"):
        value -= 0.1
    if subordinate(anchor):
        value -= 0.1
    if anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX") and anchor.head.i < anchor.i:
        value -= 0.1
    return round(max(0.05, min(0.99, value)), 3)


def trigger_bounds(found: Found, rule: str) -> tuple[int, int]:
    """The trigger's characters: a whole hyphenated word ("build-up", "test-fired"); a light verb
    with its noun ("launched ... offensive")."""
    trig, doc = found.trigger, found.trigger.doc
    start, end = trig.idx, trig.idx + len(trig.text)
    if trig.i >= 2 and doc[trig.i - 1].text == "-" and not doc[trig.i - 1].whitespace_ and not doc[trig.i - 2].whitespace_:
        start = doc[trig.i - 2].idx
    anchor = found.anchor
    if anchor is not trig and anchor.sent == trig.sent and rule.startswith("events.light"):
        start, end = min(start, anchor.idx), max(end, anchor.idx + len(anchor.text))
    return start, end


def to_event(doc: Doc, d: Draft, times: list[Timex], published: str | None, text: str) -> Event:
    """The ``Event`` record of a finished draft (``text``: the article text), dated by the time
    expression that governs it."""
    found = d.found
    dating = date_event(doc, found.trigger.i, times, published)
    s = found.anchor.sent
    start, end = s.start_char, s.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    t_start, t_end = trigger_bounds(found, d.rule)
    code = d.code
    return Event(
        id="E0",
        type=code.type,
        evidence=Span.of(text, start, end),
        actors=tuple(d.actors),
        recipients=tuple(d.recipients),
        mode=code.mode,
        context=code.context,
        cameo=code.cameo,
        date=dating.value,
        date_text=dating.text,  # None for the publication date, which has no expression
        date_basis=dating.basis,
        date_precision=dating.precision,
        status=d.status,
        source=d.source,
        quote=d.quote.id if d.quote else None,
        confidence=confidence(d),
        trigger=Span.of(text, t_start, t_end),
        provenance=d.rule + "|" + d.claim.rule,
    )
