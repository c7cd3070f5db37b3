"""Event triggers of a sentence, in passes: frame verbs, light verbs, plain verbs, nominal events.

``find_events`` returns ``Found`` records (tokens, not yet actor ids); ``events.build`` resolves
their arguments, status and date. One trigger gives at most one event; frame verbs go first,
outermost first, so that a frame ("agreed to withdraw", "refused any truce", "threatened to cut off
power") absorbs the event it embeds. Each pass is a module: ``frames``, ``lights``, ``verbs``,
``nominal``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from communique import data, syntax
from communique.events.found import Found, Scan
from communique.events.frames import (
    absorb_appeal,
    appeal_event,
    ceasefire_inner,
    frame_event,
    hostile_inner,
    must_request,
)
from communique.events.lights import light_pass
from communique.events.nominal import nominal_pass
from communique.events.patterns import Pattern, match
from communique.events.retribution import retribution_pass
from communique.events.verbs import purpose_of_event, verb_pass

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FRAMES = ("intent", "refuse", "threat", "demand")
RESPONSIBILITY_VERBS = ("claim", "deny", "acknowledge", "admit", "accept", "take", "bear")


def find_events(sent: Span) -> list[Found]:
    """Every event stated in sentence ``sent``, pass by pass (see ``EVENT_PASSES``)."""
    toks = list(sent)
    pats: dict[int, Pattern] = {}
    for t in toks:
        p = match(t)
        if p is not None:
            pats[t.i] = p
    scan = Scan(toks, pats, unasserted(sent))
    for step in EVENT_PASSES:
        step(scan)
    return scan.found


def frame_pass(scan: Scan) -> None:
    """Frame verbs, appeals and "X said Y must ...", outermost first, each by the first of
    ``FRAME_RULES`` that takes it."""
    for t in sorted(scan.toks, key=lambda t: (len(list(t.ancestors)), t.i)):
        if t.i in scan.consumed:
            continue
        p = scan.pats.get(t.i)
        for rule in FRAME_RULES:
            if rule(scan, t, p):
                break


def demand_as_purpose(scan: Scan, t: Token, p: Pattern | None) -> bool:
    """A demand that states a protest's aim is part of the protest; what it asks has not happened.

    "Workers protested outside the ministry, demanding that it sign the wage deal".
    """
    if p is None or p.frame not in ("demand", "appeal") or not purpose_of_event(t, scan.pats, scan.consumed):
        return False
    absorb_appeal(t, scan.consumed)
    return True


def hostile_appeal(scan: Scan, t: Token, p: Pattern | None) -> bool:
    """CAMEO 02 appeals are for cooperation; a call for hostile action is a demand (10).

    "The party called for sanctions against Freedonia", "urged workers to mobilise against the war".
    """
    if p is None or p.frame != "appeal" or p.pos != "V" or hostile_inner(t) is None:
        return False
    f = frame_event(t, replace(p, cameo="100", frame="demand"), scan.consumed)
    if f is None:
        return False
    scan.add(f, t.i)
    return True


def truce_appeal(scan: Scan, t: Token, p: Pattern | None) -> bool:
    """A party to a conflict calling for its end expresses intent (AGREE, PLOVER manual 3.8.2);
    ``events.build`` makes it an appeal to yield (REQUEST) when the caller is no armed party.

    "The rebels called for a ceasefire"; not "The rebels urged other factions to respect the truce".
    """
    if p is None or p.frame != "appeal" or p.pos != "V" or ceasefire_inner(t) is None:
        return False
    if syntax.prep_objects(t, ("on", "upon")) or [o for o in syntax.direct_objects(t) if match(o) is None]:
        return False  # "called on other groups to observe the truce": an appeal to others (REQUEST)
    f = frame_event(t, replace(p, cameo="030", frame="intent"), scan.consumed)
    if f is None:
        return False
    f.rule = "events.appeal_truce"
    scan.add(f, t.i)
    return True


def plain_appeal(scan: Scan, t: Token, p: Pattern | None) -> bool:
    """Any other appeal verb is a REQUEST (CAMEO 02) whose content is absorbed.

    "Norway urged both sides to return to talks".
    """
    if p is None or p.frame != "appeal" or p.pos != "V":
        return False
    f = appeal_event(t, p, scan.consumed)
    if f is not None:
        scan.found.append(f)
    absorb_appeal(t, scan.consumed)
    return True


def frame_verb(scan: Scan, t: Token, p: Pattern | None) -> bool:
    """An intent, refusal, threat or demand verb with the event it embeds (``frames.frame_event``).

    "Freedonia threatened to close the border".
    """
    if p is None or p.pos != "V" or p.frame not in FRAMES:
        return False
    f = frame_event(t, p, scan.consumed)
    if f is not None:
        scan.add(f, t.i)
    return True


def said_must(scan: Scan, t: Token, p: Pattern | None) -> bool:
    """A reporting verb with no pattern of its own may request what its clause says someone must do
    (``frames.must_request``)."""
    if p is not None or t.pos_ not in ("VERB", "AUX"):
        return False
    f = must_request(t, scan.consumed)
    if f is not None:
        scan.found.append(f)
    return True


# the subject pronouns by which a claimant speaks of its own deed
CLAIMANT_PRONOUNS = frozenset({"they", "we", "it", "he", "she", "i"})


def unasserted(sent: Span) -> set[int]:
    """Tokens whose events the sentence does not assert, by ``UNASSERTED_RULES``."""
    out: set[int] = set()
    for v in sent:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        for rule in UNASSERTED_RULES:
            for t in rule(v):
                out.update(x.i for x in t.subtree)
    return out


def denied_charge(v: Token) -> list[Token]:
    """The content of a charge someone denies is a statement about the charge, no event.

    "The ministry denied charges that it tortured two reporters". A denied clause ("The army denied
    that its troops had fired") is no charge: its event stands, alleged, on the denier's word
    (``communique.claims``: "deny" is a disputing cue).
    """
    if v.lemma_.lower() not in data.words("events.deny_verbs"):
        return []
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in data.words("events.charge_nouns"):
            out += syntax.children(c, ("acl", "relcl", "ccomp", "prep"))
    return out


def claimed_responsibility(v: Token) -> list[Token]:
    """An attack someone claims or denies responsibility for is a statement (CAMEO 015), no new event.

    "A rebel spokesman claimed responsibility for the ambush".
    """
    if v.lemma_.lower() not in RESPONSIBILITY_VERBS:
        return []
    return [c for c in syntax.direct_objects(v) if c.lemma_.lower() == "responsibility"]


def claimed_own_deed(v: Token) -> list[Token]:
    """A claimant's own deed under "claim" is a claim of responsibility, a statement.

    "The insurgents claimed that they had attacked the convoy".
    """
    if v.lemma_.lower() != "claim":
        return []
    return [c for c in syntax.children(v, ("ccomp",)) if any(g.lower_ in CLAIMANT_PRONOUNS for g in syntax.subjects(c, ("nsubj",)))]


UNASSERTED_RULES: tuple[Callable[[Token], list[Token]], ...] = (denied_charge, claimed_responsibility, claimed_own_deed)

FrameRule = Callable[[Scan, "Token", "Pattern | None"], bool]

# in order: the first rule that takes a token decides
FRAME_RULES: tuple[FrameRule, ...] = (
    demand_as_purpose, hostile_appeal, truce_appeal, plain_appeal, frame_verb, said_must,
)

# the passes of ``find_events``, in order
EVENT_PASSES: tuple[Callable[[Scan], None], ...] = (frame_pass, retribution_pass, light_pass, verb_pass, nominal_pass)
