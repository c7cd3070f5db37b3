"""Nominal events: an event noun with its own doer ("Freedonia's offensive", "air strikes by the
coalition"), violence named as the cause of a death ("died after torture in police custody") or
as the subject of harm ("the offensive has displaced thousands")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from communique import data, syntax
from communique.actors import coding
from communique.actors.gazetteer import gazetteer
from communique.events.found import Found, Scan, pattern_code, recipient_preps
from communique.events.patterns import Pattern, match, participant_sectors, through
from communique.events.readings import claimed_subject, location_modifier, site_of
from communique.events.subjects import subject

if TYPE_CHECKING:
    from spacy.tokens import Token

DEATH_VERBS = frozenset({"die", "succumb", "perish"})
CAUSE_PREPS = frozenset({"after", "from", "of", "following", "under", "during"})
DOER_SECTORS = ("GOV", "MIL", "REB", "COP")
SETTING_NOUNS = frozenset({"call", "conversation", "meeting", "warning"})
QUANTITIES = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores", "number", "wave", "series", "spate"})


def is_country(t: Token) -> bool:
    """``t`` names a country or its people, not a town ("the Sirte attacks" name a place)."""
    place = gazetteer().lookup(t.text)
    return place is not None and place.kind in ("country", "demonym")


def possessor_doer(n: Token) -> list[Token]:
    """"Freedonia's offensive": the possessor does it (not of an undergoer noun: ``undergoers``)."""
    if undergoers(n):
        return []
    return [c for c in syntax.possessors(n) if c.pos_ in ("PROPN", "NOUN") and not location_modifier(c, n)]


def undergoers(n: Token) -> list[Token]:
    """The possessor of an undergoer noun without an of-phrase is whom the event is done to.

    "the cartel leader's arrest", "the journalist's detention", "the hostages' release": the possessor is the recipient, the doer unknown or in a by-phrase ("the
    journalist's arrest by security forces"). With an of-phrase the possessor does it ("Hamas's release
    of the hostages", "the army's capture of the town"); agentive nouns ("Russia's attack", "the
    army's withdrawal") are not undergoer nouns (``events.undergoer_nouns``).
    """
    if n.lemma_.lower() not in data.words("events.undergoer_nouns") or syntax.prep_objects(n, ("of",)):
        return []
    return [c for c in syntax.possessors(n) if c.pos_ in ("PROPN", "NOUN")]


def agent_doer(n: Token) -> list[Token]:
    """"an attack by the militia": the by-phrase does it."""
    return syntax.prep_objects(n, ("by",))


def nationality_doer(n: Token) -> list[Token]:
    """"Ruritanian strikes", "coalition air strikes": a name or nationality as modifier does it
    (a town as modifier names the place)."""
    mods = [c for c in n.children if c.dep_ in ("amod", "compound")]
    mods += [g for c in mods for g in c.children if g.dep_ in ("amod", "compound")]
    named = [c for c in mods if c.ent_type_ in ("NORP", "GPE", "ORG") and (c.ent_type_ != "GPE" or is_country(c))]
    return [c for c in named if not location_modifier(c, n)]  # "the Libya fighting": where, not who


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
    if n.dep_ == "attr" and n.head.lemma_.lower() in ("be", "remain", "become") and not claimed_subject(n.head):
        return subject(n.head)  # not "what activists claim was a massacre" (``readings.claimed_subject``)
    return []


def one_of_doer(n: Token) -> list[Token]:
    """"Norway is one of the largest donors": the subject of the copula."""
    if site_of(n):
        return []  # "Jaffna was the site of fighting": the subject is the place (``readings.site_of``)
    if n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ == "of" and n.head.head.dep_ == "attr":
        return subject(n.head.head.head)
    return []


def responsible_doer(n: Token) -> list[Token]:
    """"The colonel is responsible for the killings": whoever is held responsible."""
    if n.dep_ == "pobj" and n.head.head.pos_ == "ADJ" and n.head.head.lemma_.lower() in ("responsible", "guilty", "liable"):
        return subject(n.head.head)
    return []


def joint_doers(n: Token) -> list[Token]:
    """"Cooperation between Kenya and Somalia", "clashes between the army and the rebels": the
    parties of a joint event are its between/among phrase (conjuncts are resolved with it)."""
    return syntax.prep_objects(n, ("between", "among"))


def setting_doer(n: Token) -> list[Token]:
    """"In a phone call with Macron, Zelensky thanked ...": a consultation a clause is set in is held
    by the clause's subject (with the with-phrase); also "during talks with", "in a meeting with",
    and a warning so set ("In a warning to Seoul, Pyongyang fired two missiles": a THREATEN too)."""
    code = pattern_code(match(n))
    preps = {"CONSULT": ("with",), "THREATEN": ("to", "against")}.get(code.type if code else "", ())
    if not preps or n.dep_ != "pobj" or n.head.lower_ not in ("in", "during", "at", "as"):
        return []
    verb = n.head.head
    if verb.pos_ not in ("VERB", "AUX") or not syntax.prep_objects(n, preps):
        return []
    subj = [s for s in subject(verb) if s.pos_ != "PRON"]
    fronted = bool(subj) and n.head.i < min(s.i for s in subj)  # "In a call with X, Y ..."
    if not fronted and n.lemma_.lower() not in SETTING_NOUNS:
        return []  # "agreed to US mediation in the talks with the Palestinians": the talks are no setting
    return subj


# in order: the first rule that finds someone decides
NOUN_DOER_RULES: tuple[Callable[[Token], list[Token]], ...] = (
    possessor_doer, agent_doer, nationality_doer, bomber_doer, sector_doer, copula_doer, one_of_doer,
    responsible_doer, joint_doers, setting_doer,  # joint_doers: also a consultation's between-phrase
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
        if p is None or t.i in scan.consumed or p.pos != "N" or t.dep_ in ("compound", "amod"):
            continue
        if p.frame == "embed" and not (t.dep_ in ("nsubj", "nsubjpass") and joint_doers(t)):
            continue  # "sought cooperation" is an argument; "cooperation between A and B grew" is an event
        patients = undergoers(t)
        if patients:
            undergone_event(scan, t, p, patients)
            continue
        if restated_event(scan, t, p):
            continue
        doers = noun_actor(t)
        if doers:
            nominal_event(scan, t, p, doers)
        elif not harm_cause_event(scan, t, p):
            death_cause_event(scan, t, p)
            unattributed_coercion(scan, t, p)


def harm_cause_event(scan: Scan, t: Token, p: Pattern) -> bool:
    """Violence named by a noun that is the subject of a verb of harm that names no event itself
    happened, whoever did it; its against/on phrase is the target, else the harmed.

    "An offensive on the rebel stronghold has displaced 90,000 people"; "Weeks of shelling have
    uprooted whole villages"; "The bombardment left the hospital in ruins".
    """
    code = pattern_code(p)
    verb = t.head
    if code is None or code.type not in ("ASSAULT", "FIGHT") or t.dep_ != "nsubj":
        return False
    if verb.lemma_.lower() not in data.words("events.harm_verbs") or match(verb) is not None:
        return False
    f = Found(verb, t, code, "events.nominal_harm", confidence=0.55)  # the harm verb asserts it
    f.recipient_heads = syntax.nominal_targets(t) or syntax.direct_objects(verb)
    scan.add(f, t.i)
    return True


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


def undergone_event(scan: Scan, t: Token, p: Pattern, patients: list[Token]) -> None:
    """An undergoer noun whose possessor it was done to (``undergoers``) is an event done to the
    possessor, by its by-phrase (or a nationality or armed noun as modifier), else by someone unnamed
    when the noun is an argument of a main clause (``happened_slot``).

    "The activist's abduction by gunmen shocked the town": COERCE by the gunmen on the activist; "The
    minister's assassination plunged the country into crisis": ASSAULT on the minister, doer unnamed.
    """
    code = pattern_code(p)
    if code is None:
        return
    doers = agent_doer(t) or nationality_doer(t) or sector_doer(t)
    if not doers and not happened_slot(t):
        return
    f = Found(t, t, code, "events.nominal_undergoer", nominal=bool(doers), confidence=0.6 if doers else 0.55)
    f.actor_heads = doers
    f.recipient_heads = patients
    scan.add(f, t.i)


def restated_event(scan: Scan, t: Token, p: Pattern) -> bool:
    """An event noun as the attribute of a copula whose subject is an event noun of the same type
    names that same event, which happened, done by the subject's own doer (if it names one).

    "The Manchester bombing was the deadliest attack in years", "Tuesday's raid on the camp was the
    third assault this month", "The shelling of the port has been the heaviest bombardment since
    spring": one ASSAULT each, not the place as its doer.
    """
    code = pattern_code(p)
    if code is None or t.dep_ != "attr" or t.head.lemma_.lower() not in ("be", "remain", "become") or claimed_subject(t.head):
        return False
    subj = next((s for s in syntax.subjects(t.head, ("nsubj",)) if s.i in scan.pats and s.i not in scan.consumed), None)
    scode = pattern_code(scan.pats[subj.i]) if subj is not None else None
    if subj is None or scode is None or scode.type != code.type:
        return False
    f = Found(t.head, subj, scode, "events.nominal_restated", confidence=0.6)
    f.actor_heads = noun_actor(subj)
    heads = syntax.prep_objects(subj, recipient_preps("of")) + syntax.nominal_targets(subj)
    f.recipient_heads = [r for r in dict.fromkeys(heads) if r not in f.actor_heads]
    scan.add(f, t.i, subj.i)
    return True


def happened_slot(t: Token) -> bool:
    """A noun whose event the clause takes as having happened: the subject of a verb with no modal,
    or the object of "after", "since", "following", "over" or "despite" ("protests over the envoy's
    expulsion"); not an object ("sought the journalist's release"), nor "any arrest", "no release"."""
    if any(c.lower_ in ("any", "no", "every") for c in t.children):
        return False
    if t.dep_ == "pobj" and t.head.lower_ in ("after", "since", "following", "over", "despite"):
        return True
    if t.dep_ not in ("nsubj", "nsubjpass") or t.head.pos_ not in ("VERB", "AUX"):
        return False
    return not any(a.tag_ == "MD" for a in syntax.children(t.head, ("aux",)))


def unattributed_coercion(scan: Scan, t: Token, p: Pattern) -> None:
    """Coercion named by a noun, as subject or object of a main clause, happened even when its doer
    goes unnamed: its of-phrase people (or its count) are its recipients.

    "The arrest of three activists sparked protests", "Rights groups documented dozens of arbitrary
    detentions", "The deportation of the two reporters drew criticism": COERCE, no actor named.
    """
    code = pattern_code(p)
    if t.i in scan.consumed or code is None or code.type != "COERCE" or not code.cameo.startswith(("173", "174")):
        return
    slot = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in QUANTITIES else t
    if slot.dep_ not in ("nsubj", "nsubjpass", "dobj") or slot.head.pos_ not in ("VERB", "AUX"):
        return
    modal = any(a.tag_ == "MD" for a in syntax.children(slot.head, ("aux",)))
    if modal or any(c.lower_ in ("any", "no", "every") for c in t.children):
        return  # "any arrest of the leader would be illegal": none has happened
    people = [o for o in syntax.prep_objects(t, ("of",)) if through(o).ent_type_ in ("PERSON", "NORP") or person_noun(through(o))]
    if not people and slot is t:
        return  # "the arrest was legal": whose arrest is not said
    f = Found(t, t, code, "events.nominal_unattributed", confidence=0.55)
    f.recipient_heads = people
    scan.add(f, t.i)


def person_noun(o: Token) -> bool:
    """A noun naming people or a party: "activists", "the journalist", "two opposition leaders"."""
    lemma = o.lemma_.lower()
    return bool(participant_sectors().get(lemma) or coding.role_sector(lemma))
