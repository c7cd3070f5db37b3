"""Nominal events: an event noun with its own doer ("Freedonia's offensive", "air strikes by the
coalition"), and violence named as the cause of a death ("died after torture in police custody")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from communique import syntax
from communique.actors.gazetteer import gazetteer
from communique.events.found import Found, Scan, pattern_code, recipient_preps
from communique.events.patterns import Pattern, match, participant_sectors
from communique.events.subjects import subject

if TYPE_CHECKING:
    from spacy.tokens import Token

DEATH_VERBS = frozenset({"die", "succumb", "perish"})
CAUSE_PREPS = frozenset({"after", "from", "of", "following", "under", "during"})
DOER_SECTORS = ("GOV", "MIL", "REB", "COP")


def is_country(t: Token) -> bool:
    """``t`` names a country or its people, not a town ("the Sirte attacks" name a place)."""
    place = gazetteer().lookup(t.text)
    return place is not None and place.kind in ("country", "demonym")


def possessor_doer(n: Token) -> list[Token]:
    """"Freedonia's offensive": the possessor does it."""
    return [c for c in syntax.possessors(n) if c.pos_ in ("PROPN", "NOUN")]


def agent_doer(n: Token) -> list[Token]:
    """"an attack by the militia": the by-phrase does it."""
    return syntax.prep_objects(n, ("by",))


def nationality_doer(n: Token) -> list[Token]:
    """"Ruritanian strikes", "coalition air strikes": a name or nationality as modifier does it
    (a town as modifier names the place)."""
    mods = [c for c in n.children if c.dep_ in ("amod", "compound")]
    mods += [g for c in mods for g in c.children if g.dep_ in ("amod", "compound")]
    return [c for c in mods if c.ent_type_ in ("NORP", "GPE", "ORG") and (c.ent_type_ != "GPE" or is_country(c))]


def bomber_doer(n: Token) -> list[Token]:
    """"two suicide bombers attacked ...": the bombers are the doers."""
    return [c for c in n.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in ("bomber", "gunman")]


def sector_doer(n: Token) -> list[Token]:
    """"a regime offensive", "an army raid": an armed or governing noun as modifier of force (not
    "a cabinet meeting")."""
    own = pattern_code(match(n))
    if own is None or own.type not in ("ASSAULT", "COERCE", "MOBILIZE"):
        return []
    return [c for c in n.children if c.dep_ == "compound" and participant_sectors().get(c.lemma_.lower()) in DOER_SECTORS]


def copula_doer(n: Token) -> list[Token]:
    """"Norway remains the largest donor": the subject of the copula."""
    if n.dep_ == "attr" and n.head.lemma_.lower() in ("be", "remain", "become"):
        return subject(n.head)
    return []


def one_of_doer(n: Token) -> list[Token]:
    """"Norway is one of the largest donors": the subject of the copula."""
    if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ == "of" and n.head.head.dep_ == "attr":
        return subject(n.head.head.head)
    return []


def responsible_doer(n: Token) -> list[Token]:
    """"The colonel is responsible for the killings": whoever is held responsible."""
    if n.dep_ == "pobj" and n.head.head.pos_ == "ADJ" and n.head.head.lemma_.lower() in ("responsible", "guilty", "liable"):
        return subject(n.head.head)
    return []


# in order: the first rule that finds someone decides
NOUN_DOER_RULES: tuple[Callable[[Token], list[Token]], ...] = (
    possessor_doer, agent_doer, nationality_doer, bomber_doer, sector_doer, copula_doer, one_of_doer,
    responsible_doer,
)


def noun_actor(n: Token) -> list[Token]:
    """The doer inside a nominal event, by the first rule of ``NOUN_DOER_RULES`` that finds one."""
    for rule in NOUN_DOER_RULES:
        out = rule(n)
        if out:
            return out
    return []


def death_of(n: Token) -> Token | None:
    """The death verb whose cause is the event noun ``n``: "died after torture", "died as a result
    of torture", "died due to torture", "succumbed to beatings"."""
    cur = n
    for _ in range(4):
        if cur.dep_ != "pobj":
            return None
        prep = cur.head
        gov = prep.head
        if prep.lower_ in CAUSE_PREPS | {"to"} and gov.lemma_.lower() in DEATH_VERBS:
            return gov
        if prep.lower_ in ("to", "of") and gov.lower_ in ("due", "result", "owing", "because", "consequence"):
            cur = gov  # "due to torture", "as a result of torture", "because of torture"
            while cur.dep_ in ("amod", "advmod", "acomp", "pcomp", "pobj", "prep") and cur.head.pos_ not in ("VERB", "AUX"):
                cur = cur.head
            if cur.head.lemma_.lower() in DEATH_VERBS:
                return cur.head
            return None
        return None
    return None


def custodians(death: Token) -> list[Token]:
    """Who held the dead in custody is the doer of the violence that killed them.

    "died after beatings in Ruritanian police custody", "in the custody of the army".
    """
    for x in death.subtree:
        if x.lemma_.lower() == "custody" and x.pos_ == "NOUN":
            heads = [c for c in x.children if c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")]
            heads = heads or [c for c in x.children if c.dep_ == "compound" and participant_sectors().get(c.lemma_.lower())]
            heads = heads or [c for c in syntax.possessors(x) if c.pos_ in ("PROPN", "NOUN")]
            return heads or syntax.prep_objects(x, ("of",))
    return []


def nominal_pass(scan: Scan) -> None:
    """Every event noun not yet consumed that has its own doer, or that caused a death."""
    for t in scan.toks:
        p = scan.pats.get(t.i)
        if p is None or t.i in scan.consumed or p.pos != "N" or p.frame == "embed" or t.dep_ in ("compound", "amod"):
            continue
        doers = noun_actor(t)
        if doers:
            nominal_event(scan, t, p, doers)
        else:
            death_cause_event(scan, t, p)


def death_cause_event(scan: Scan, t: Token, p: Pattern) -> None:
    """The violence that caused a death happened; whoever held the dead in custody did it.

    "The prisoner died after torture in army custody": ASSAULT by the army on the prisoner.
    """
    death = death_of(t)
    code = pattern_code(p)
    if death is None or code is None or code.type not in ("ASSAULT", "COERCE"):
        return
    f = Found(death, t, code, "events.nominal_cause", confidence=0.6)
    f.actor_heads = custodians(death)
    f.recipient_heads = subject(death)
    scan.add(f, t.i)


def nominal_event(scan: Scan, t: Token, p: Pattern, doers: list[Token]) -> None:
    """An event noun with its own doer is an event; an event noun in its of-phrase is the same event.

    "Ruritania's shelling of the border villages", "Norway, a donor of assistance in the region".
    """
    code = pattern_code(p)
    if code is None:
        return
    f = Found(t, t, code, "events.nominal", nominal=True, confidence=0.6)
    f.actor_heads = doers
    heads = syntax.prep_objects(t, recipient_preps("of", "in")) + syntax.nominal_targets(t)
    f.recipient_heads = [r for r in dict.fromkeys(heads) if r not in doers]
    scan.add(f, t.i)
    for o in syntax.prep_objects(t, ("of",)):
        if o.i in scan.pats:
            scan.consumed.add(o.i)
            f.recipient_heads += syntax.prep_objects(o, recipient_preps("in"))
