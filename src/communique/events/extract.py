"""Event triggers on the dependency parse: verbs, frame verbs, light verbs with event nouns, and
nominal events with their own actor ("Ethiopia's offensive in Tigray").

``find_events`` returns ``Found`` records (tokens, not yet actor ids); ``events/__init__`` resolves
their arguments, status and date. One trigger gives at most one event; a frame verb ("agreed to
withdraw", "refused any truce", "threatened to cut off electricity") absorbs the event it embeds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from communique import data
from communique.actors.gazetteer import gazetteer
from communique.claims import cues
from communique.events.patterns import (
    Code,
    Pattern,
    code_of,
    frame_code,
    is_light,
    match,
    objects,
    participant_sectors,
    through,
    weapons,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _RECIPIENT_OF_IN() -> frozenset[str]:
    return data.words("events.recipient_preps") | {"of", "in"}


def _RECIPIENT_IN() -> frozenset[str]:
    return data.words("events.recipient_preps") | {"in"}


FRAME_PREPS = ("to", "on", "upon", "for", "in")
OWNER_PREPS = ("by", "from", "of")
MUST = frozenset({"must", "should"})
LIGHT_EMBED_SKIP = frozenset({"plan", "initiative", "peacekeeper", "formula", "proposal"})


@dataclass
class Found:
    """One event found in a sentence, with its argument phrases as tokens."""

    anchor: Token  # the word the event's status is read from (verb, frame verb, light verb, noun)
    trigger: Token  # the word that names the event
    code: Code
    rule: str
    actor_heads: list[Token] = field(default_factory=list)
    recipient_heads: list[Token] = field(default_factory=list)
    frame: str | None = None
    embedded: Token | None = None
    nominal: bool = False
    confidence: float = 0.7


def _pattern_code(pat: Pattern) -> Code | None:
    return code_of(pat.cameo, pat.type)


def _subject(v: Token, seen: int = 0) -> list[Token]:
    """The subject phrase heads of verb (or predicate adjective) ``v``; passive: the agent."""
    if seen > 4:
        return []
    if _passive(v):
        for c in v.children:
            if c.dep_ == "agent":
                return [g for g in c.children if g.dep_ == "pobj"]
        for c in v.children:  # "was accused of misusing funds by officials": a by-phrase hung lower
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    for b in g.children:
                        if b.dep_ in ("prep", "agent") and b.lower_ == "by":
                            return [x for x in b.children if x.dep_ == "pobj"]
        if v.lemma_.lower() in data.words("events.expel_verbs"):
            return _prep_objects(v, ("from",))  # "inspectors were expelled from North Korea": the expeller
        return []
    subs = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    if subs:
        # "KINSHASA, May 3 (Wire) - Congo accused ...": the dateline is no subject; take the nearest
        before = [c for c in subs if c.i < v.i]
        subj = before[-1] if before else subs[0]
        if subj.pos_ == "VERB":  # "The Red Cross operating in Iraq said": a misparsed participle
            subj = next((c for c in subj.children if c.dep_ == "nsubj"), subj)
        if subj.lemma_.lower() in data.words("events.meeting_nouns"):  # "the summit between the EU and Turkey failed to ...": its parties
            parties = _prep_objects(subj, ("between", "among"))
            if parties:
                return parties
        if subj.lemma_.lower() in weapons("munition", "attack", "emplaced"):  # "missiles fired by the Israeli military struck ..."
            for acl in subj.children:
                if acl.dep_ == "acl":
                    agents = [g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
                    if agents:
                        return agents
        return [subj]
    for a in v.children:  # "X however have opposed": the parser hung the subject on the auxiliary
        if a.dep_ == "aux":
            for c in a.children:
                if c.dep_ == "nsubj":
                    return [c]
    if v.dep_ in ("acomp", "xcomp") and v.head.pos_ == "AUX":
        return _subject(v.head, seen + 1)
    if v.dep_ == "xcomp" and _passive(v.head) and not any(c.dep_ == "agent" for c in v.head.children):
        raised = [c for c in v.head.children if c.dep_ == "nsubjpass"]
        if raised:
            return raised  # "Washington is expected to announce ...", "Kyiv was forced to withdraw"
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in data.words("events.compel_verbs"):
        return _subject(v.head, seen + 1)  # "ordered the paper to suspend publication": the orderer acts
    if v.dep_ == "xcomp":
        objs = [c for c in v.head.children if c.dep_ in ("dobj",)]
        if objs and v.head.lemma_.lower() in data.words("events.persuade_verbs"):
            return objs
        return _subject(v.head, seen + 1)
    if v.dep_ == "conj" and v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN"):
        # "The government rejects and condemns ...": the parser took the first verb for a noun
        subs = [c for c in v.head.children if c.dep_ == "nsubj" and c.i < v.head.i]
        if subs:
            return subs[-1:]
    if v.dep_ in ("conj", "advcl") and v.head.pos_ in ("VERB", "AUX", "ADJ"):
        infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)
        if v.dep_ == "advcl" and not v.tag_ == "VBG" and not infinitive:
            return []  # "converged to protest": the purpose shares the subject; other clauses do not
        return _subject(v.head, seen + 1)
    acronym = [c for c in v.lefts if c.dep_ in ("advmod", "npadvmod") and c.text.isupper() and c.is_alpha and len(c.text) > 2]
    if acronym and v.dep_ == "ROOT":
        return acronym[:1]  # "USAID had announced ...": an acronym the tagger took for an adverb
    if misparsed_main(v):
        return [v.sent.root]  # "The government, parties and the Taliban condemned ...": a verbless root
    if v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN") and not _passive(v) and any(c.dep_ in ("dobj", "prt") for c in v.children):
        return [v.head]  # a misparse of "The Iraqi air force carried out strikes" as a reduced relative
    if v.dep_ == "pcomp" and v.head.lower_ == "by" and v.head.head.pos_ in ("VERB", "AUX"):
        return _subject(v.head.head, seen + 1)  # "China continues ... by donating supplies"
    if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ == "ADJ":
        return _subject(v.head.head, seen + 1)  # "X was guilty of violating ..."
    if v.dep_ == "acl" and v.tag_ == "VBG":
        # "a declaration demanding ...": the noun, or whoever issued it
        head = v.head
        if head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB" and head.ent_type_ == "" and head.pos_ == "NOUN" and match(head) is None:
            return _subject(head.head, seen + 1) or [head]
        return [head]
    return []


def misparsed_main(v: Token) -> bool:
    """A finite verb the parser hung under a noun as a relative clause in a sentence whose root is
    that noun phrase ("A U.S. report called for sanctions", "The government, a number of parties
    and the Taliban on Thursday condemned ..."): the verb is the main clause, the root its subject."""
    if v.dep_ not in ("relcl", "acl") or v.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in v.children):
        return False
    root = v.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or v.i < root.i:
        return False
    cur = v.head
    for _ in range(6):
        if cur.i == root.i:
            return True
        if cur.dep_ not in ("appos", "conj", "pobj", "prep", "compound") or cur.pos_ in ("VERB", "AUX"):
            return False
        cur = cur.head
    return False


def _passive(v: Token) -> bool:
    if v.dep_ == "acl" and v.tag_ == "VBN" and any(c.dep_ == "agent" for c in v.children):
        return True  # "people evacuated by the U.S."
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)


def _prep_objects(t: Token, preps: tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for c in t.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(c)
        elif c.dep_ == "agent" and "by" in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _owners(n: Token) -> list[Token]:
    """Whose proposal, appeal, plan: the possessor, a nationality adjective, a by/from phrase."""
    out = [c for c in n.children if c.dep_ in ("poss",) and c.pos_ != "PRON"]
    out += [c for c in n.children if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))]
    # "an Afghan government offer": a participant noun as modifier
    out += [c for c in n.children if c.dep_ == "compound" and participant_sectors().get(c.lemma_.lower()) == "GOV"]
    out += _prep_objects(n, OWNER_PREPS)
    out += _acl_objects(n)
    return out


def _acl_objects(n: Token) -> list[Token]:
    """"a ban imposed on Chadian citizens", "a proposal submitted by X": the participle's on/by phrase."""
    return [g for a in n.children if a.dep_ == "acl" and a.tag_ == "VBN" for g in _prep_objects(a, ("on", "by", "against", "to"))]


def _own(n: Token) -> bool:
    """"its troops", "their arms": the actor's own forces are no recipient."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in n.children)


def _thing(n: Token) -> bool:
    """A common noun that names no participant ("the ban", "relations", "a village")."""
    return n.pos_ == "NOUN" and n.ent_type_ == "" and participant_sectors().get(n.lemma_.lower()) is None


def _through_thing(n: Token) -> list[Token]:
    """Whom a thing concerns: "the ban on X", "relations with X", "X's decision", "a village in X"."""
    out = [c for c in n.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
    out += _prep_objects(n, data.words("events.noun_preps"))
    out += _acl_objects(n)
    out += [c for c in n.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
    return out


def _recipients(v: Token, exclude: set[int]) -> list[Token]:
    out: list[Token] = []
    if _passive(v):
        out += [c for c in v.children if c.dep_ == "nsubjpass"]
    else:
        out += [c for c in objects(v) if c.i not in exclude and c.dep_ != "nsubjpass" and not _own(c)]
    out += [t for t in _prep_objects(v, data.words("events.recipient_preps")) if t.i not in exclude]
    for c in v.children:
        if c.dep_ == "prt":
            out += [g for g in _prep_objects(c, data.words("events.recipient_preps"))]
    vpat = match(v)
    vcode = _pattern_code(vpat) if vpat is not None else None
    topical = vcode is not None and vcode.type == "CONSULT"
    for n in [c for c in objects(v) if c.dep_ != "nsubjpass"] + list(out):
        if _thing(n) and not topical:  # "discussed the war in Ukraine": a topic, no recipient
            out += _through_thing(n)
        if _own(n):  # "recalled its ambassador from Buenos Aires", "withdrew its troops from Lebanon"
            out += _prep_objects(n, ("from", "to", "in"))
    if not out:  # "opened fire to disperse demonstrators": the purpose clause's object
        for c in v.children:
            if c.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in c.children):
                out += [o for o in objects(c) if not _own(o)]
                out += [t for o in objects(c) if _thing(o) for t in _through_thing(o)]
                out += _prep_objects(c, ("against", "on", "from"))
    return out


def _event_code(t: Token) -> tuple[Code, Token] | None:
    """The code of an embedded event at ``t``: its own pattern, or a light verb's event object."""
    pat = match(t)
    if pat is not None and not (pat.frame and pat.frame not in ("embed",) and pat.pos == "V" and _frame_inner(t)):
        code = _pattern_code(pat)
        if code is not None:
            return code, t
    if pat is not None and pat.frame in ("intent", "refuse", "threat", "demand"):
        inner = _frame_inner(t)
        if inner is not None:
            return inner
    if is_light(t):
        for o in objects(t):
            p = match(o)
            if p is not None:
                code = _pattern_code(p)
                if code is not None:
                    return code, o
    return None


def embedded_code(t: Token) -> Code | None:
    """The event code of an embedded action at ``t`` ("refused to *release* them"), or None."""
    got = _event_code(t)
    return got[0] if got else None


def _frame_inner(v: Token) -> tuple[Code, Token] | None:
    for e in _embedded_candidates(v):
        got = _event_code(e)
        if got is not None:
            return got
    return None


def _embedded_candidates(v: Token) -> list[Token]:
    """Where a frame verb's embedded action sits: to-infinitive, that-clause, object, to/on-phrase."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)):
            out.append(c)
    for c in v.children:
        if c.dep_ in ("dobj", "obj", "nsubjpass"):
            c = through(c)
            out.append(c)
            out.extend(g for g in c.children if g.dep_ in ("acl", "relcl") and g.pos_ == "VERB")
            out.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in ("for", "to", "of", "on")
                       for g in p.children if g.dep_ in ("pobj", "pcomp"))
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in FRAME_PREPS:
            out.extend(g for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def _mark_subtree_events(e: Token, consumed: set[int], depth: int = 0) -> None:
    """Mark the embedded event and what it embeds in turn as consumed by a frame."""
    if depth > 3:
        return
    consumed.add(e.i)
    for c in e.children:
        if c.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "conj", "pcomp", "nsubjpass", "compound", "dative", "acomp"):
            if match(c) is not None or is_light(c) or c.dep_ in ("prep", "xcomp", "dobj", "pcomp"):
                _mark_subtree_events(c, consumed, depth + 1)


def _frame_event(v: Token, pat: Pattern, consumed: set[int]) -> Found | None:
    frame = pat.frame or ""
    inner = _frame_inner(v)
    base = _pattern_code(pat)
    if base is None:
        return None
    lemma = v.lemma_.lower()
    if inner is None:
        if frame == "intent" and lemma not in data.words("events.standalone_intent"):
            return None
        if frame == "intent" and any(c.dep_ == "ccomp" for c in v.children):
            return None  # "analysts agreed that ...", "both accepted that ...": an opinion
        if frame == "threat" and lemma == "warn" and not any(c.dep_ in ("dobj",) for c in v.children):
            return None
        if frame == "refuse" and lemma == "decline" and not any(c.dep_ in ("xcomp", "dobj") for c in v.children):
            return None
        if frame == "demand" and lemma in ("ask", "request", "seek") and not any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in v.children):
            return None
        code = base
        embedded = None
    else:
        icode, embedded = inner
        got = frame_code(frame, icode)
        cameo, typ = got if got else (base.cameo, None)
        code = code_of(cameo, typ) or base
        _mark_subtree_events(embedded, consumed)
        for c in v.children:
            if c.dep_ in ("xcomp", "ccomp") and c.i in consumed:
                _mark_subtree_events(c, consumed)
    found = Found(v, v, code, f"events.frame_{frame}", frame=frame, embedded=embedded, confidence=0.8 if embedded is not None else 0.7)
    found.actor_heads = _subject(v)
    found.recipient_heads = _frame_recipients(v, frame, embedded, consumed)
    return found


def _frame_recipients(v: Token, frame: str, embedded: Token | None, consumed: set[int]) -> list[Token]:
    out: list[Token] = []
    emb_i = embedded.i if embedded is not None else -1
    if frame == "demand":
        out += [c for c in v.children if c.dep_ in ("dobj", "dative") and c.i != emb_i and c.i not in consumed]
        out += _prep_objects(v, ("on", "from", "of", "to"))
        for c in v.children:
            if c.dep_ == "ccomp" and (c.i == emb_i or c.i in consumed or any(a.lower_ in MUST or a.lower_ == "that" for a in c.children)):
                out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            if c.dep_ == "xcomp":
                out += [g for g in c.children if g.dep_ == "nsubj"]
    else:
        if frame in ("refuse", "intent", "threat"):  # "Beijing warned Manila against ..."
            out += [c for c in v.children if c.dep_ in ("dobj",) and c.i != emb_i and match(c) is None and c.pos_ in ("PROPN",)]
        out += [t for t in _prep_objects(v, ("to", "with", "against")) if t.i != emb_i and match(t) is None]
    if embedded is not None and not out:
        if embedded.pos_ in ("NOUN", "PROPN"):
            out += _owners(embedded)
            out += _prep_objects(embedded, _RECIPIENT_IN())
            if embedded.head.pos_ in ("VERB",) and embedded.head is not v:
                out += [t for t in _recipients(embedded.head, {embedded.i}) if match(t) is None]
        else:
            out += [t for t in _recipients(embedded, set()) if match(t) is None]
            for o in objects(embedded):
                if match(o) is not None:
                    out += _owners(o) + _prep_objects(o, _RECIPIENT_IN())
            out += _prep_objects(embedded, ("in",))
    for c in v.children:  # "rejected an Indian proposal": the proposal's owner
        if c.dep_ in ("dobj",) and frame == "refuse" and not out:
            out += _owners(c)
    if not out and embedded is None:  # "offered to hand over to Great Britain ..."
        for c in v.children:
            if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB":
                out += [t for t in _recipients(c, set()) if match(t) is None]
    if frame in ("refuse", "intent", "threat") and not out:
        for c in v.children:
            if c.dep_ == "dobj" and _thing(c):
                out += _through_thing(c)
    out += [t for r in list(out) if _thing(r) for t in _through_thing(r)]  # "support for X's efforts"
    if frame == "threat":
        out += _condition_subjects(v, embedded)
    return out


def _condition_subjects(v: Token, embedded: Token | None) -> list[Token]:
    """"threatened to stop talks if the United States goes ahead": whom a conditional threat targets."""
    out: list[Token] = []
    heads = [v] + ([embedded] if embedded is not None else []) + [c for c in v.children if c.dep_ in ("xcomp", "ccomp")]
    for head in heads:
        for c in head.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                out += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.pos_ != "PRON"]
    return out


def _must_request(v: Token, consumed: set[int]) -> Found | None:
    """"X said Y must do Z": X requests Z of Y."""
    kind = cues().get(v.lemma_.lower())
    if kind != "report" and v.lemma_.lower() not in ("conclude", "declare", "reiterate", "insist", "stress"):
        return None
    for c in v.children:
        if c.dep_ != "ccomp":
            continue
        if not any(a.dep_ == "aux" and a.lower_ in MUST for a in c.children):
            continue
        subj = [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].pos_ == "PRON":
            continue
        inner = _event_code(c)
        got = frame_code("demand", inner[0] if inner else None)
        if got is None:
            continue
        code = code_of(*got)
        if code is None:
            continue
        _mark_subtree_events(c, consumed)
        found = Found(v, c, code, "events.must_request", frame="demand", embedded=c, confidence=0.7)
        found.actor_heads = _subject(v)
        found.recipient_heads = subj
        return found
    return None


def _head_type(t: Token, pats: dict[int, Pattern]) -> str | None:
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


def _noun_frame(light: Token, n: Token, pat: Pattern, consumed: set[int]) -> Found | None:
    """"reiterated its demand that Israel ease restrictions": a request noun under a light verb."""
    base = _pattern_code(pat)
    if base is None:
        return None
    inner = None
    for c in n.children:
        if c.dep_ in ("acl", "ccomp", "relcl") or (c.dep_ == "prep" and c.lower_ in ("for", "to")):
            e = c if c.dep_ != "prep" else next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if e is not None and e.i not in consumed:
                inner = _event_code(e)
                if inner is not None:
                    break
    code = base
    if inner is not None:
        got = frame_code("demand", inner[0])
        if got is not None:
            code = code_of(*got) or base
        _mark_subtree_events(inner[1], consumed)
    f = Found(light, n, code, "events.light_verb_request", frame="demand", embedded=inner[1] if inner else None, confidence=0.75)
    f.actor_heads = _subject(light)
    recips: list[Token] = []
    for c in n.children:
        if c.dep_ in ("acl", "ccomp"):
            recips += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    for c in light.children:  # "reiterated its demand today that Israel ease ..."
        if c.dep_ == "ccomp" and not recips:
            recips += [g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    f.recipient_heads = recips or _prep_objects(n, ("on", "to", "from")) + _prep_objects(light, ("on", "to"))
    return f


def _purpose_recipients(v: Token) -> list[Token]:
    """"staged a hunger strike to protest against Sweden's decision": whom the protest targets."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in data.words("events.protest_purpose_verbs"):
            for t in objects(c) + _prep_objects(c, ("against", "from", "on", "for")):
                out += _through_thing(t) if _thing(t) else [t]
    return out


def _purpose_of_event(t: Token, pats: dict[int, Pattern], consumed: set[int]) -> bool:
    """"staged a hunger strike to protest ...", "demonstrated calling for ...": the protest's aim."""
    if t.dep_ not in ("advcl", "xcomp", "acl", "conj") or t.head is t:
        return False
    head = t.head
    hp = pats.get(head.i)
    own = _pattern_code(hp) if hp is not None else None
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


def _is_country(t: Token) -> bool:
    place = gazetteer().lookup(t.text)
    return place is not None and place.kind in ("country", "demonym")


def _noun_actor(n: Token) -> list[Token]:
    """The doer inside a nominal event: "Ethiopia's offensive", "Israeli strikes", "attack by X"."""
    out = [c for c in n.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
    if not out:
        out = _prep_objects(n, ("by",))
    if not out:  # "Israeli strikes", "U.S. military airstrikes" -- but "the Ghazni attacks" names a place
        mods = [c for c in n.children if c.dep_ in ("amod", "compound")]
        mods += [g for c in mods for g in c.children if g.dep_ in ("amod", "compound")]
        out = [c for c in mods if c.ent_type_ in ("NORP", "GPE", "ORG") and (c.ent_type_ != "GPE" or _is_country(c))]
    if not out:  # "Two Palestinian suicide bombers": the bombers are the doers
        out = [c for c in n.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() in ("bomber", "gunman")]
    pat = match(n)
    own = _pattern_code(pat) if pat is not None else None
    if not out and own is not None and own.type in ("ASSAULT", "COERCE", "MOBILIZE"):
        # "a regime offensive", "an army raid" (not "a cabinet meeting")
        out = [c for c in n.children if c.dep_ == "compound" and participant_sectors().get(c.lemma_.lower()) in ("GOV", "MIL", "REB", "COP")]
    if not out and n.dep_ == "attr" and n.head.lemma_.lower() in ("be", "remain", "become"):
        out = _subject(n.head)  # "Germany remains the largest donor": the subject of the copula
    if not out and n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.lower_ == "of" and n.head.head.dep_ == "attr":
        out = _subject(n.head.head.head)  # "Germany is one of the largest donors"
    if not out and n.dep_ == "pobj" and n.head.head.pos_ == "ADJ" and n.head.head.lemma_.lower() in ("responsible", "guilty", "liable"):
        out = _subject(n.head.head)  # "X is responsible for mass killings"
    return out


CLAIMANT_PRONOUNS = frozenset({"they", "we", "it", "he", "she", "i"})


def _unasserted(sent: Span) -> set[int]:
    """Tokens whose events the sentence does not assert: the content of a charge someone denies
    ("denied charges that it tortured a priest", "rejected an allegation that he raped ..."), an
    attack someone claims or denies responsibility for ("claimed responsibility for the attacks"),
    and a claimant's own deed under "claim" ("the rebels claimed that they had attacked the base":
    a claim of responsibility, CAMEO 015, a statement)."""
    out: set[int] = set()

    def take(t: Token) -> None:
        out.update(x.i for x in t.subtree)

    for v in sent:
        lemma = v.lemma_.lower()
        if v.pos_ not in ("VERB", "AUX"):
            continue
        if lemma in data.words("events.deny_verbs"):
            for c in v.children:
                if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in data.words("events.charge_nouns"):
                    for g in c.children:
                        if g.dep_ in ("acl", "relcl", "ccomp", "prep"):
                            take(g)
                if c.dep_ == "ccomp" and lemma == "deny":
                    take(c)  # "denied that its troops had fired": the denier's word against it
        if lemma in ("claim", "deny", "acknowledge", "admit", "accept", "take", "bear"):
            for c in v.children:
                if c.dep_ == "dobj" and c.lemma_.lower() == "responsibility":
                    take(c)
        if lemma == "claim":
            for c in v.children:
                if c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.lower_ in CLAIMANT_PRONOUNS for g in c.children):
                    take(c)
    return out


HOSTILE_TYPES = frozenset({"SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "THREATEN"})
RALLY_VERBS = frozenset({"join", "stage", "hold", "attend", "participate", "take"})
APPEAL_CONTENT_DEPS = ("xcomp", "ccomp", "dobj", "dative", "prep", "acl", "relcl", "oprd")


def _hostile_inner(t: Token) -> tuple[Code, Token] | None:
    """The hostile action an appeal asks for, if any: "called for sanctions", "urged Arabs to unite
    and mobilize against X" (a conjoined infinitive counts)."""
    cands = _embedded_candidates(t)
    cands += [c for e in list(cands) for c in e.children if c.dep_ == "conj"]
    for e in cands:
        got = _event_code(e)
        if got is not None and got[0].type in HOSTILE_TYPES:
            if got[0].type == "MOBILIZE" and not _prep_objects(got[1], ("against",)):
                continue  # "asked NATO to deploy more troops": an appeal for military cooperation
            return got
    for e in cands:  # "called on followers to join thousands at a rally against the rules"
        for x in e.subtree:
            p = match(x) if x.pos_ == "NOUN" else None
            code = _pattern_code(p) if p is not None and p.frame is None else None
            if code is None or code.type not in ("PROTEST", "MOBILIZE"):
                continue
            gov = x.head.head if x.dep_ == "pobj" else x.head
            if gov.lemma_.lower() in RALLY_VERBS and (code.type == "PROTEST" or _prep_objects(x, ("against",))):
                return code, x
    return None


def _ceasefire_inner(t: Token) -> tuple[Code, Token] | None:
    """"Hamas called for a ceasefire": what an appeal asks for, when it is a truce (CAMEO 0871)."""
    for e in _embedded_candidates(t):
        got = _event_code(e)
        if got is not None and got[0].cameo.startswith("0871"):
            return got
    return None


def as_appeal(code: Code) -> Code:
    """A demand's code as the parallel CAMEO appeal: 10x -> 02x (101 material cooperation -> 021 ...).

    PLOVER's REQUEST covers "all requests, demands, and orders" (manual 3.8), so an appeal ("urged",
    "called on") is a REQUEST too; CAMEO keeps it apart from a demand under root 02, which is what
    the ``cameo`` field says.
    """
    sub = code.cameo[2:] if code.cameo.startswith("10") else ""
    return Code("02" + (sub or "0"), "REQUEST", code.mode, code.context)


def _appeal_event(t: Token, p: Pattern, consumed: set[int]) -> Found | None:
    """"Qatar urged Israel and Hamas to accept a pause": a REQUEST with the CAMEO appeal code, whose
    content (not yet happened) is absorbed. Ranked below concrete events of the same sentence."""
    if p.pos != "V":
        return None
    f = _frame_event(t, replace(p, cameo="100", frame="demand"), set(consumed))
    if f is None:
        return None
    f.code = as_appeal(f.code)
    f.rule = "events.appeal"
    f.confidence = min(f.confidence, 0.6)
    return f


def _absorb_appeal(t: Token, consumed: set[int]) -> None:
    """An appeal (CAMEO 02: "urged Iran to release the crew", "an appeal for aid") is no PLOVER
    event, and what it asks for has not happened: both are consumed. Its subject and a coordinate
    clause ("condemned the attack and called for calm") keep their own events."""
    consumed.add(t.i)
    for c in t.children:
        infinitive = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        if c.dep_ in APPEAL_CONTENT_DEPS or infinitive:
            consumed.update(x.i for x in c.subtree)


DEATH_VERBS = frozenset({"die", "succumb", "perish"})
CAUSE_PREPS = frozenset({"after", "from", "of", "following", "under", "during"})


def _death_of(n: Token) -> Token | None:
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


OPERATION_HEADS = frozenset({"operation", "campaign", "drive", "mission", "effort"})


def _operation_purpose(t: Token, pats: dict[int, Pattern], consumed: set[int]) -> Found | None:
    """"launched operations to detain 110 suspects": an operation named by its purpose is that event
    (the purpose clause is what the operation does, not a mere aim)."""
    ops = [o for o in objects(t) if o.lemma_.lower() in OPERATION_HEADS and o.i not in pats]
    if not ops:
        return None
    clauses = [c for o in ops for c in o.children if c.dep_ in ("acl", "relcl")]
    clauses += [c for c in t.children if c.dep_ in ("advcl", "xcomp")]
    for c in clauses:
        if c.i in consumed or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        p = pats.get(c.i)
        code = _pattern_code(p) if p is not None and p.pos == "V" and p.frame is None else None
        if code is None or code.type not in ("COERCE", "ASSAULT", "AID", "MOBILIZE"):
            continue
        f = Found(t, c, code, "events.operation_purpose", confidence=0.75)
        f.actor_heads = _subject(t) if not _passive(t) else _prep_objects(t, ("by",))
        f.recipient_heads = _recipients(c, set())
        consumed.update((t.i, c.i))
        consumed.update(o.i for o in ops)
        return f
    return None


def _custodians(death: Token) -> list[Token]:
    """"died after torture in Israeli police custody", "in the custody of the army": the custodian
    is the doer."""
    for x in death.subtree:
        if x.lemma_.lower() == "custody" and x.pos_ == "NOUN":
            heads = [c for c in x.children if c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")]
            heads = heads or [c for c in x.children if c.dep_ == "compound" and participant_sectors().get(c.lemma_.lower())]
            heads = heads or [c for c in x.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
            return heads or _prep_objects(x, ("of",))
    return []


def _consult_noun(n: Token, pats: dict[int, Pattern]) -> bool:
    """"joined Trump for talks", "converged for a rally": a meeting or protest noun after "for"."""
    p = pats.get(n.i)
    code = _pattern_code(p) if p is not None else None
    return code is not None and code.type in ("CONSULT", "PROTEST")


def find_events(sent: Span) -> list[Found]:
    """Every event stated in sentence ``sent``."""
    consumed: set[int] = _unasserted(sent)
    found: list[Found] = []
    toks = list(sent)
    pats: dict[int, Pattern] = {}
    for t in toks:
        p = match(t)
        if p is not None:
            pats[t.i] = p
    # frame verbs first, outermost first, so they absorb what they embed
    order = sorted(toks, key=lambda t: (len(list(t.ancestors)), t.i))
    for t in order:
        if t.i in consumed:
            continue
        p = pats.get(t.i)
        if p is not None and p.frame in ("demand", "appeal") and _purpose_of_event(t, pats, consumed):
            # "protested ..., demanding that the government sign the deal": the demand is the
            # protest's purpose, and what it asks for has not happened
            _absorb_appeal(t, consumed)
            continue
        if p is not None and p.frame == "appeal" and p.pos == "V":
            inner = _hostile_inner(t)
            if inner is not None:
                # "called for sanctions against Turkey", "urged workers to mobilize against the war":
                # CAMEO 02 appeals are for cooperation; a call for hostile action is a demand (10)
                f = _frame_event(t, replace(p, cameo="100", frame="demand"), consumed)
                if f is not None:
                    found.append(f)
                    consumed.add(t.i)
                    continue
            truce = _ceasefire_inner(t)
            if truce is not None:
                # PLOVER manual 3.8.2: a party to a conflict calling for its end expresses intent
                # (AGREE); _build turns it into an appeal to yield (REQUEST) for anyone else
                f = _frame_event(t, replace(p, cameo="030", frame="intent"), consumed)
                if f is not None:
                    f.rule = "events.appeal_truce"
                    found.append(f)
                    consumed.add(t.i)
                    continue
            f = _appeal_event(t, p, consumed)
            if f is not None:
                found.append(f)
            _absorb_appeal(t, consumed)
            continue
        if p is not None and p.pos == "V" and p.frame in ("intent", "refuse", "threat", "demand"):
            f = _frame_event(t, p, consumed)
            if f is not None:
                found.append(f)
                consumed.add(t.i)
        elif p is None and t.pos_ in ("VERB", "AUX"):
            f = _must_request(t, consumed)
            if f is not None:
                found.append(f)
    # light verbs with an event noun object
    for t in toks:
        if t.i in consumed or not is_light(t) or t.i in pats:
            continue
        purpose = _operation_purpose(t, pats, consumed)
        if purpose is not None:
            found.append(purpose)
            continue
        cands: list[Token] = []
        for o in objects(t) + _prep_objects(t, ("in", "on", "into")) + [n for n in _prep_objects(t, ("for",)) if _consult_noun(n, pats)]:
            cands.append(o)
            if o.lemma_.lower() in data.words("events.generic_heads"):  # "a mediation effort", "aid deliveries"
                cands.extend(c for c in o.children if c.dep_ == "compound")
            if o.lemma_.lower() in ("delegation", "team", "mission", "group"):  # "led a delegation on a visit"
                cands.extend(_prep_objects(o, ("on",)))
            if o.lemma_.lower() in ("increase", "boost", "rise", "hike", "expansion"):  # "an increase in funding"
                cands.extend(_prep_objects(o, ("in", "of")))
        for o in cands:
            p = pats.get(o.i)
            if p is not None and p.frame == "appeal" and o.i not in consumed:
                consumed.add(t.i)  # "launched an appeal for $80 million": an appeal, no PLOVER event
                _absorb_appeal(o, consumed)
                break
            pc = _pattern_code(p) if p is not None else None
            if p is not None and p.frame == "embed" and pc is not None and pc.type == "REQUEST":
                f = _noun_frame(t, o, p, consumed)
                if f is not None:
                    found.append(f)
                    consumed.update((t.i, o.i))
                    break
            if p is None or o.i in consumed or (p.frame == "embed" and o.lemma_.lower() in LIGHT_EMBED_SKIP):
                continue
            code = _pattern_code(p)
            if code is None:
                continue
            f = Found(t, o, code, "events.light_verb_noun", confidence=0.75)
            f.actor_heads = _subject(t) if not _passive(t) else _prep_objects(t, ("by",))
            f.actor_heads = f.actor_heads or _noun_actor(o)
            f.recipient_heads = _prep_objects(o, _RECIPIENT_OF_IN()) + _prep_objects(t, _RECIPIENT_IN())
            if o.dep_ == "compound" and o.head.lemma_.lower() in data.words("events.generic_heads"):  # "a mediation effort between X and Y"
                f.recipient_heads += _prep_objects(o.head, _RECIPIENT_OF_IN())
            f.recipient_heads += _purpose_recipients(t)
            found.append(f)
            consumed.update((t.i, o.i))
            break
    # plain verbs
    for t in toks:
        p = pats.get(t.i)
        if p is None or t.i in consumed or p.pos != "V" or p.frame is not None:
            continue
        code = _pattern_code(p)
        if code is None:
            continue
        if code.type == "PROTEST" and _purpose_of_event(t, pats, consumed):
            continue
        if t.dep_ in ("advcl", "conj") and t.tag_ == "VBG" and t.head is not t and _head_type(t, pats) == code.type:
            continue  # "carried out air strikes, killing dozens": the result of the same event
        f = Found(t, t, code, "events.verb", confidence=0.75)
        subj = _subject(t)
        # "Ethiopia's offensive killed hundreds": the event noun subject lends its doer and code
        for s in list(subj):
            sp = pats.get(s.i)
            if sp is not None and sp.pos == "N" and sp.frame != "embed":
                subj = _noun_actor(s)
                scode = _pattern_code(sp)
                if scode is not None and scode.type == code.type and len(scode.cameo) >= len(code.cameo):
                    f.code = scode
                consumed.add(s.i)
        if not subj and _passive(t) and f.code.cameo.startswith("074"):
            # "2,000 Russian soldiers were deployed as peacekeepers": the peacekeepers are the providers
            subj = [c for c in t.children if c.dep_ == "nsubjpass"]
        subj = [w for h in subj for w in (_owners(h) or [h])] if any(h.lemma_.lower() in data.words("events.programme_nouns") for h in subj) else subj
        f.actor_heads = subj
        excl = {o.i for o in objects(t) if pats.get(o.i) is not None}
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in data.words("events.compel_verbs"):
            f.recipient_heads = [c for c in t.head.children if c.dep_ == "dobj"]
        themes = {v for key, vals in p.conditions if key == "obj" for v in vals}
        theme_objs = [o for o in objects(t) if o.lemma_.lower() in themes or o.lower_ in themes]  # "shared intelligence"
        if code.type == "MOBILIZE":  # "deployed 3,000 troops to Poland": the troops are the mover's own
            theme_objs += [o for o in objects(t) if participant_sectors().get(o.lemma_.lower()) == "MIL"]
        excl |= {o.i for o in theme_objs}
        f.recipient_heads += [w for o in theme_objs for w in _owners(o)]  # "summoned Israel's ambassador"
        f.recipient_heads = f.recipient_heads + _recipients(t, excl) + _prep_objects(t, ("in",))
        if code.type == "PROTEST":
            f.recipient_heads += _purpose_recipients(t)
        for o in objects(t):  # "killed in a bomb attack", "rejected an offer": the noun is this event
            if o.i in pats:
                _mark_subtree_events(o, consumed)
                f.recipient_heads += _owners(o) if code.type in ("REJECT", "ACCUSE", "SUPPORT") else []
        for pobj in _prep_objects(t, ("in", "with", "during")):
            if pobj.i in pats and pats[pobj.i].frame != "embed":
                consumed.add(pobj.i)
        if code.type in ("ACCUSE", "REJECT", "SUPPORT"):
            # "accused Ethiopia of massing troops", "praised X for releasing Y": the charge is no event
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "for", "over"):
                    for g in c.children:
                        if g.dep_ in ("pcomp", "pobj"):
                            _mark_subtree_events(g, consumed)
        found.append(f)
        consumed.add(t.i)
    # nominal events with their own doer
    for t in toks:
        p = pats.get(t.i)
        if p is None or t.i in consumed or p.pos != "N" or p.frame == "embed" or t.dep_ in ("compound", "amod"):
            continue
        doers = _noun_actor(t)
        death = _death_of(t)
        if not doers and death is None:
            continue
        code = _pattern_code(p)
        if code is None:
            continue
        if not doers and death is not None:
            if code.type not in ("ASSAULT", "COERCE"):
                continue
            # "the prisoner died after torture": the violence that caused a death happened
            f = Found(death, t, code, "events.nominal_cause", confidence=0.6)
            f.actor_heads = _custodians(death)
            f.recipient_heads = _subject(death)
            found.append(f)
            consumed.add(t.i)
            continue
        f = Found(t, t, code, "events.nominal", nominal=True, confidence=0.6)
        f.actor_heads = doers
        f.recipient_heads = [r for r in _prep_objects(t, _RECIPIENT_OF_IN()) if r not in doers]
        found.append(f)
        consumed.add(t.i)
        for o in _prep_objects(t, ("of",)):
            if o.i in pats:  # "donor of assistance in Iraq": one event, the inner noun's places too
                consumed.add(o.i)
                f.recipient_heads += _prep_objects(o, _RECIPIENT_IN())
    return found
