"""Plain event verbs ("shelled", "expelled", "praised"): the verb pass of ``find_events``.

A verb with a trigger pattern and no frame is one event. Its doer is its subject (an event noun as
subject lends its own doer); its recipients are its objects and argument phrases. Event nouns among
its objects ("killed in a bomb attack", "rejected the offer") are this same event and are consumed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique import data, syntax
from communique.events.found import Found, Scan, pattern_code, recipient_preps
from communique.events.frames import mark_subtree_events
from communique.events.nominal import noun_actor, setting_doer
from communique.events.patterns import Code, Pattern, code_of, is_light, match, objects, participant_sectors
from communique.events.readings import PLACE_ENTS, combat_opponents, headline_patient
from communique.events.recipients import object_predicates, owners, purpose_recipients, recipients
from communique.events.subjects import subject

if TYPE_CHECKING:
    from spacy.tokens import Token

# the types whose objects' owners are recipients, and whose of/for/over phrase is a charge, no event
JUDGING_TYPES = ("REJECT", "ACCUSE", "SUPPORT")
# types whose in-phrase place is a venue, never a party ("signed the accord in Doha")
VENUE_TYPES = ("AGREE", "CONSULT", "SUPPORT", "REJECT", "COOPERATE")


def head_type(t: Token, pats: dict[int, Pattern]) -> str | None:
    """The PLOVER type of the event word ``t`` hangs on (a verb, or a light verb's event object)."""
    head = t.head
    hp = pats.get(head.i)
    code = code_of(hp.cameo, hp.type) if hp is not None else None
    if code is None and is_light(head):
        for o in objects(head):
            op = pats.get(o.i)
            oc = code_of(op.cameo, op.type) if op is not None else None
            if oc is not None:
                return oc.type
    return code.type if code else None


def purpose_of_event(t: Token, pats: dict[int, Pattern], consumed: set[int]) -> bool:
    """``t`` states the aim of a protest, not an event of its own.

    "Farmers staged a sit-in to protest the new tax", "Crowds marched, demanding the minister's
    resignation".
    """
    if t.dep_ not in ("advcl", "xcomp", "acl", "conj") or t.head is t:
        return False
    head = t.head
    own = pattern_code(pats.get(head.i))
    head_type = own.type if own is not None else None
    if head_type is None and is_light(head):
        for o in objects(head):
            op = pats.get(o.i)
            oc = code_of(op.cameo, op.type) if op is not None else None
            head_type = oc.type if oc else head_type
    if head_type is None and (head.i in consumed or head.dep_ == "acl"):
        hp2 = pats.get(head.head.i) if head.dep_ == "acl" else None
        oc = code_of(hp2.cameo, hp2.type) if hp2 is not None else None
        head_type = oc.type if oc else None
    return head_type in ("PROTEST",) and t.dep_ != "conj"


def verb_pass(scan: Scan) -> None:
    """Every plain event verb not yet consumed."""
    for t in scan.toks:
        p = scan.pats.get(t.i)
        if p is None or t.i in scan.consumed or p.pos != "V" or p.frame is not None:
            continue
        code = pattern_code(p)
        if code is None or not verb_stands(scan, t, code):
            continue
        f = Found(t, t, code, "events.verb", confidence=0.75)
        f.actor_heads = verb_doers(scan, t, f)
        f.recipient_heads = verb_recipients(scan, t, p, code) + subject_noun_targets(t, f)
        received_from(t, f)
        if headline_patient(t):  # "34 soldiers killed in an attack": the subject is the victim
            victims = f.actor_heads + ([t.head] if t.dep_ == "acl" else [])
            f.recipient_heads, f.actor_heads = victims + f.recipient_heads, shared_agent(t)
        opponents = [] if f.actor_heads else combat_opponents(t)  # "killed in a shootout with troops"
        if opponents:
            f.actor_heads, f.recipient_heads = opponents, [r for r in f.recipient_heads if r not in opponents]
        if not f.actor_heads and (syntax.is_passive(t) or headline_patient(t)):
            f.actor_heads = cause_doers(scan, t, code)
        absorb_event_objects(scan, t, code, f)
        absorb_charges(scan, t, code)
        scan.add(f, t.i)


def shared_agent(t: Token) -> list[Token]:
    """The by-phrase of a participle, or of the participle coordinated with it ("soldiers killed and
    detained by the border guards": the guards did both)."""
    return syntax.prep_objects(t, ("by",)) or [a for c in syntax.children(t, ("conj",)) for a in syntax.prep_objects(c, ("by",))]


def cause_doers(scan: Scan, t: Token, code: Code) -> list[Token]:
    """Done to someone in another's attack, by that attack's doer; the attack noun is this event.

    "Three people were killed in an Israeli strike on Gaza City" -> Israel; "two medics were wounded
    during shelling by government forces" -> government forces; "12 civilians killed in Russia's
    bombardment of the city" -> Russia.
    """
    gerunds = [g for p in syntax.children(t, ("prep",)) if p.lower_ in ("in", "during") for g in syntax.children(p, ("pcomp",))]
    for n in syntax.prep_objects(t, ("in", "during", "by")) + gerunds:
        p = scan.pats.get(n.i)
        ncode = pattern_code(p)
        if ncode is None or ncode.type != code.type:
            continue
        doers = noun_actor(n) if p is not None and p.pos == "N" else syntax.prep_objects(n, ("by",))
        if doers:
            scan.consumed.add(n.i)
            return doers
    return []


def received_from(t: Token, f: Found) -> None:
    """Aid received is given by whom it came from: the giver is the actor, the receiver the recipient.

    "Refugees received food thanks to a local charity" -> AID by the charity to the refugees;
    "Ukraine has received air defence systems from Germany" -> AID by Germany; "The town got
    medicine from the Red Cross".
    """
    if f.code.type != "AID" or t.lemma_.lower() not in data.words("events.receive_verbs"):
        return
    givers = syntax.prep_objects(t, ("from",))
    givers += [g for c in t.children if c.lower_ == "thanks" for g in syntax.prep_objects(c, ("to",))]
    f.recipient_heads, f.actor_heads = f.actor_heads, givers


def people_participle(t: Token) -> bool:
    """A participle used as a noun names people, no event: "doctors treated the wounded", "the
    injured were taken to hospital", "the dead and wounded" (also when the parser hangs the second
    participle on the verb)."""
    if t.tag_ not in ("VBN", "VBD") or syntax.children(t, ("nsubj", "nsubjpass", "dobj", "agent")):
        return False
    if t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and syntax.children(t, ("det",)):
        return True
    if t.dep_ != "conj" or t.i < 2:
        return False
    before = t.doc[t.i - 2]  # "the dead and wounded": the adjective before the conjunction
    return t.doc[t.i - 1].dep_ == "cc" and before.pos_ == "ADJ" and any(c.lower_ == "the" for c in syntax.children(before, ("det",)))


def verb_stands(scan: Scan, t: Token, code: Code) -> bool:
    """A protest verb that states another protest's aim is none of its own; a gerund of result is
    the event it follows.

    "The navy shelled the port, killing six sailors": one ASSAULT.
    """
    if code.type == "PROTEST" and purpose_of_event(t, scan.pats, scan.consumed):
        return False
    if people_participle(t):
        return False
    return not (t.dep_ in ("advcl", "conj") and t.tag_ == "VBG" and t.head is not t and head_type(t, scan.pats) == code.type)


def verb_doers(scan: Scan, t: Token, f: Found) -> list[Token]:
    """The doers of an event verb: its subject; an event noun as subject lends its own doer (and
    its more specific code); passive peacekeepers provide themselves, and passive troops deploy
    themselves ("troops were deployed to the border": the troops' side mobilises); a programme stands
    for its owner.

    "Ruritania's offensive killed hundreds" -> Ruritania; "2,000 soldiers were deployed as
    peacekeepers" -> soldiers; "A Norwegian aid package reached the town" -> Norwegian.
    """
    code = f.code
    subj = [event_antecedent(scan, t, s) for s in subject(t)]
    for s in list(subj):
        sp = scan.pats.get(s.i)
        if sp is not None and sp.pos == "N" and sp.frame != "embed":
            subj = noun_actor(s)
            scode = pattern_code(sp)
            if scode is not None and scode.type == code.type and len(scode.cameo) >= len(code.cameo):
                f.code = scode
            scan.consumed.add(s.i)
    if not subj and syntax.is_passive(t) and f.code.cameo.startswith(("074", "15")):
        subj = syntax.subjects(t, ("nsubjpass",))
    if any(h.lemma_.lower() in data.words("events.programme_nouns") for h in subj):
        subj = [w for h in subj for w in (owners(h) or [h])]
    return subj


def subject_noun_targets(t: Token, f: Found) -> list[Token]:
    """An event noun as subject lends its target too: its against/on/upon phrase.

    "The offensive by the president's forces against the rebels killed dozens" -> rebels; "Freedonia's
    strikes on the port have destroyed two ships" -> port; "A raid against the militia's base left
    six dead" -> base.
    """
    out: list[Token] = []
    for s in syntax.subjects(t):
        if match(s) is not None and s.pos_ == "NOUN":
            out += syntax.nominal_targets(s)
    return [r for r in out if r not in f.actor_heads]


def event_antecedent(scan: Scan, t: Token, s: Token) -> Token:
    """A relative pronoun's antecedent is the event noun, not a place the parser hung the clause on.

    "the attack on policemen in Karachi, which killed 13 people" -> attack (not Karachi); "the
    shelling of the market in the old town that wounded six" -> shelling; "a bombing near the
    stadium which killed four" -> bombing.
    """
    if s.lower_ not in ("which", "that") or t.dep_ != "relcl":
        return s
    cur = t.head
    for _ in range(4):
        p = scan.pats.get(cur.i)
        if p is not None and p.pos == "N":
            return cur
        place = cur.ent_type_ in ("GPE", "LOC", "FAC") or cur.lemma_.lower() in data.words("events.place_nouns")
        if not place or cur.dep_ != "pobj" or cur.head.dep_ != "prep":
            return s
        cur = cur.head.head
    return s


def verb_recipients(scan: Scan, t: Token, p: Pattern, code: Code) -> list[Token]:
    """The recipients of an event verb: whom it is ordered upon, the owners of the thing it names
    ("summoned Ruritania's ambassador"), its other objects and argument phrases, a protest's target.

    "The court ordered the paper to close" -> paper; "Freedonia deployed troops to the border" -> the
    troops are its own, no recipient.
    """
    repelled = repelled_attackers(t)
    if repelled is not None:
        return repelled
    excl = {o.i for o in objects(t) if scan.pats.get(o.i) is not None}
    out: list[Token] = []
    if t.dep_ == "xcomp" and t.head.lemma_.lower() in data.words("events.compel_verbs"):
        out = syntax.direct_objects(t.head)
    themes = {v for key, vals in p.conditions if key == "obj" for v in vals}
    # "shared intelligence"; an object predicate is no theme: "called the raid a violation of the Minsk accords"
    said = {o.i for o in object_predicates(t)}
    excl |= said
    theme_objs = [o for o in objects(t) if o.i not in said and (o.lemma_.lower() in themes or o.lower_ in themes)]
    if code.type == "MOBILIZE":
        theme_objs += [o for o in objects(t) if participant_sectors().get(o.lemma_.lower()) == "MIL"]
    excl |= {o.i for o in theme_objs}
    out += [w for o in theme_objs for w in owners(o)]
    out = out + recipients(t, excl) + venue_free(code, syntax.prep_objects(t, ("in",)))
    if code.type == "PROTEST":
        out += purpose_recipients(t)
    return out


def repelled_attackers(t: Token) -> list[Token] | None:
    """Repelling an attack is done to the attackers (the attack's by-phrase, possessor or named
    modifier), never to the attack's target, which is the repeller's own side; None when ``t`` is
    no repelling verb.

    "The army repelled an attack by the rebels on the town" -> rebels; "Troops repulsed an assault
    on the airport" -> no recipient; "Police foiled a plot against the embassy" -> none; "repelled
    the attackers" -> the attackers.
    """
    attacks = [o for o in objects(t) if match(o) is not None]
    if t.lemma_.lower() not in data.words("events.repel_verbs") or not attacks:
        return None  # "repelled the attackers": the object is the recipient
    return [a for o in attacks for a in syntax.nominal_agents(o)]


def venue_free(code: Code, places: list[Token]) -> list[Token]:
    """Where talks are held or a deal is signed is no party to them: the in-phrase of an agreement,
    a meeting or a rejection is its venue ("signed the accord in Doha", "talks in Geneva", "met in
    Riyadh"); of other events ("shelling in Gaza") it may be the target's place."""
    if code.type in VENUE_TYPES:
        return [p for p in places if p.ent_type_ not in PLACE_ENTS]
    return places


def absorb_event_objects(scan: Scan, t: Token, code: Code, f: Found) -> None:
    """An event noun as object or in/with/during phrase is this same event.

    "Two guards were killed in a bomb attack", "Freedonia rejected the Ruritanian offer" (whose owner
    is the recipient).
    """
    for o in objects(t):
        if o.i in scan.pats:
            mark_subtree_events(o, scan.consumed)
            if code.type in JUDGING_TYPES:
                f.recipient_heads += owners(o)
    for pobj in syntax.prep_objects(t, ("in", "with", "during")):
        if code.type != "CONSULT" and setting_doer(pobj):
            continue  # "in a phone call with Macron, Zelensky thanked ...": the call is an event of its own
        if pobj.i in scan.pats and scan.pats[pobj.i].frame != "embed":
            scan.consumed.add(pobj.i)


def absorb_charges(scan: Scan, t: Token, code: Code) -> None:
    """What someone is praised or condemned for is no event of its own; what someone is accused of
    is an alleged event of the accused (``charged_deed``), on the accuser's word.

    "The envoy praised the rebels for releasing the hostages": one SUPPORT.
    """
    if code.type not in JUDGING_TYPES:
        return
    if code.type == "ACCUSE":
        blamed_on(scan, t)
    for c in syntax.children(t, ("prep",)):
        if c.lower_ in ("of", "for", "over"):
            for g in syntax.children(c, ("pcomp", "pobj")):
                if code.type == "ACCUSE":
                    charged_deed(scan, t, g)
                mark_subtree_events(g, scan.consumed)


def charged_deed(scan: Scan, t: Token, g: Token) -> None:
    """The deed a charge names is an alleged event done by the accused (the object, or the passive
    subject), resting on the accuser: the accuser is never its actor.

    "Rebels accused the army of shelling markets" -> ASSAULT by the army, alleged, source the rebels
    (besides the ACCUSE); "The police were blamed by the opposition for killing two protesters";
    "The army is accused of torturing detainees" (alleged, no named source); "Kinshasa accuses
    Kigali of backing the rebels" -> SUPPORT by Kigali, alleged.
    """
    p = scan.pats.get(g.i)
    code = pattern_code(p) if p is not None and p.frame is None and g.i not in scan.consumed else None
    if code is None or code.type in ("REJECT", "ACCUSE") or (g.pos_ != "VERB" and code.type not in ("ASSAULT", "COERCE")):
        return
    accused = syntax.subjects(t, ("nsubjpass",)) if syntax.is_passive(t) else syntax.direct_objects(t)
    if not accused:
        return
    f = Found(g, g, code, "events.charged_deed", confidence=0.5, status="alleged")
    f.actor_heads = accused
    f.recipient_heads = recipients(g, set()) if g.pos_ == "VERB" else syntax.nominal_targets(g, recipient_preps())
    f.source_heads = subject(t)
    scan.add(f, g.i)


def blamed_on(scan: Scan, t: Token) -> None:
    """A deed blamed on someone is an alleged event of theirs, on the blamer's word: the object (or
    passive subject) is the deed, the on-phrase the accused.

    "The government blamed the attack on the rebels" -> ASSAULT by the rebels, alleged, source the
    government; "The bombing was blamed on separatists"; "Officials blame the killings on a militia".
    """
    if t.lemma_.lower() != "blame":
        return
    accused = syntax.prep_objects(t, ("on", "upon"))
    deeds = syntax.subjects(t, ("nsubjpass",)) if syntax.is_passive(t) else syntax.direct_objects(t)
    for g in deeds:
        p = scan.pats.get(g.i)
        code = pattern_code(p) if p is not None and p.frame is None else None  # consumed as the blame's object
        # "blamed the attack | on the rebels" parsed as "the attack on the rebels": blame's on-phrase
        own = [] if accused else syntax.prep_objects(g, ("on", "upon"))
        if code is None or code.type not in ("ASSAULT", "COERCE") or not (accused or own):
            continue
        f = Found(g, g, code, "events.charged_deed", confidence=0.5, status="alleged")
        f.actor_heads = accused or own
        f.recipient_heads = [r for r in syntax.nominal_targets(g, recipient_preps()) if r not in own]
        f.source_heads = [] if syntax.is_passive(t) else subject(t)
        scan.add(f, g.i)
