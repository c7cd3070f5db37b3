"""Light verbs with an event noun ("launched an offensive", "held talks", "sent aid"): the light
verb pass of ``find_events``.

The noun names the event; the light verb gives its doer and status. An operation named by its
purpose is that purpose's event; a request noun is a demand; an appeal noun is no event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique import data, syntax
from communique.events.found import Found, Scan, pattern_code, recipient_preps
from communique.events.frames import absorb_appeal, noun_frame
from communique.events.nominal import noun_actor
from communique.events.patterns import Pattern, is_light, objects, through
from communique.events.recipients import purpose_recipients, recipients
from communique.events.subjects import doer

if TYPE_CHECKING:
    from spacy.tokens import Token

OPERATION_HEADS = frozenset({"operation", "campaign", "drive", "mission", "effort"})
LIGHT_EMBED_SKIP = frozenset({"plan", "initiative", "peacekeeper", "formula", "proposal"})
GROUP_HEADS = ("delegation", "team", "mission", "group")
CHANGE_HEADS = ("increase", "boost", "rise", "hike", "expansion")
ACTIVITY_DEPS = ("csubj", "nsubj", "nsubjpass", "dobj", "pobj", "pcomp")


def light_pass(scan: Scan) -> None:
    """Every light verb not yet consumed, with the first of its event nouns that gives an event."""
    for t in scan.toks:
        if t.i in scan.consumed or not is_light(t) or t.i in scan.pats:
            continue
        purpose = operation_purpose(t, scan.pats, scan.consumed)
        if purpose is not None:
            scan.found.append(purpose)
            continue
        for o in light_candidates(t, scan.pats):
            if light_appeal(scan, t, o) or light_request(scan, t, o) or light_event(scan, t, o):
                break


def consult_noun(n: Token, pats: dict[int, Pattern]) -> bool:
    """A meeting or protest noun after "for": "joined the president for talks", "gathered for a rally"."""
    code = pattern_code(pats.get(n.i))
    return code is not None and code.type in ("CONSULT", "PROTEST")


def light_candidates(t: Token, pats: dict[int, Pattern]) -> list[Token]:
    """Where a light verb's event noun sits: its object, an in/on/into phrase, a meeting after "for"
    (through a quantity: "gathered for the third day of negotiations");
    inside a generic head ("a mediation effort"), a delegation's visit, an increase in something.

    "led a delegation on a visit to the capital" -> delegation, visit.
    """
    cands: list[Token] = []
    for o in objects(t) + syntax.prep_objects(t, ("in", "on", "into")) + [n for n in map(through, syntax.prep_objects(t, ("for",))) if consult_noun(n, pats)]:
        cands.append(o)
        lemma = o.lemma_.lower()
        if lemma in data.words("events.generic_heads"):
            cands.extend(syntax.children(o, ("compound",)))
        if lemma in GROUP_HEADS:
            cands.extend(syntax.prep_objects(o, ("on",)))
        if lemma in CHANGE_HEADS:
            cands.extend(syntax.prep_objects(o, ("in", "of")))
    return cands


def light_appeal(scan: Scan, t: Token, o: Token) -> bool:
    """An appeal noun under a light verb is no PLOVER event, and what it asks for has not happened.

    "The agency launched an appeal for emergency funds".
    """
    p = scan.pats.get(o.i)
    if p is None or p.frame != "appeal" or o.i in scan.consumed:
        return False
    scan.consumed.add(t.i)
    absorb_appeal(o, scan.consumed)
    return True


def light_request(scan: Scan, t: Token, o: Token) -> bool:
    """A request noun under a light verb is a demand (see ``frames.noun_frame``)."""
    p = scan.pats.get(o.i)
    pc = pattern_code(p)
    if p is None or p.frame != "embed" or pc is None or pc.type != "REQUEST":
        return False
    f = noun_frame(t, o, p, scan.consumed)
    if f is None:
        return False
    scan.add(f, t.i, o.i)
    return True


def light_event(scan: Scan, t: Token, o: Token) -> bool:
    """A light verb with an event noun is that event, done by the verb's subject (else the noun's
    own doer), to the noun's and the verb's argument phrases.

    "Ruritania launched an offensive against the rebels"; "The mediators made a new effort at talks".
    """
    p = scan.pats.get(o.i)
    if p is None or o.i in scan.consumed or (p.frame == "embed" and o.lemma_.lower() in LIGHT_EMBED_SKIP):
        return False
    code = pattern_code(p)
    if code is None:
        return False
    f = Found(t, o, code, "events.light_verb_noun", confidence=0.75)
    f.actor_heads = doer(t) or noun_actor(o)
    if not f.actor_heads and t.tag_ == "VBG" and t.dep_ in ACTIVITY_DEPS:
        return False  # "implementing a ceasefire would not be difficult": an activity named, no event
    f.recipient_heads = syntax.prep_objects(o, recipient_preps("of", "in")) + syntax.prep_objects(t, recipient_preps("in"))
    if o.dep_ == "compound" and o.head.lemma_.lower() in data.words("events.generic_heads"):  # "a mediation effort between X and Y"
        f.recipient_heads += syntax.prep_objects(o.head, recipient_preps("of", "in"))
    f.recipient_heads += purpose_recipients(t)
    scan.add(f, t.i, o.i)
    return True


def operation_purpose(t: Token, pats: dict[int, Pattern], consumed: set[int]) -> Found | None:
    """An operation named by its purpose is that event: the purpose clause is what the operation
    does, not a mere aim.

    "Police launched an operation to detain the smugglers" -> COERCE.
    """
    ops = [o for o in objects(t) if o.lemma_.lower() in OPERATION_HEADS and o.i not in pats]
    if not ops:
        return None
    clauses = [c for o in ops for c in syntax.children(o, ("acl", "relcl"))]
    clauses += syntax.children(t, ("advcl", "xcomp"))
    for c in clauses:
        if c.i in consumed or not syntax.has_infinitive_marker(c):
            continue
        p = pats.get(c.i)
        code = pattern_code(p) if p is not None and p.pos == "V" and p.frame is None else None
        if code is None or code.type not in ("COERCE", "ASSAULT", "AID", "MOBILIZE"):
            continue
        f = Found(t, c, code, "events.operation_purpose", confidence=0.75)
        f.actor_heads = doer(t)
        f.recipient_heads = recipients(c, set())
        consumed.update((t.i, c.i))
        consumed.update(o.i for o in ops)
        return f
    return None
