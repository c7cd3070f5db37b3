"""Frame verbs and nouns that embed another event, and appeals.

A frame verb ("agreed to withdraw", "refused any truce", "threatened to cut off power", "demanded
that the army withdraw") absorbs the event it embeds: one event is coded from the frame and the
embedded code through ``event_frames.tsv``. An appeal ("urged", "called for") is a REQUEST whose
content has not happened; a call for hostile action is a demand, a party's call for a truce its
intent. Each rule consumes the tokens whose events it has absorbed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from communique import data, syntax
from communique.claims import cues
from communique.events.found import FRAME_PREPS, Found, pattern_code, recipient_preps
from communique.events.patterns import Code, Pattern, code_of, frame_code, is_light, match, objects, through
from communique.events.readings import own_warning
from communique.events.recipients import (
    condition_subjects,
    demanded_patients,
    is_thing,
    owners,
    recipients,
    through_thing,
)
from communique.events.subjects import subject

if TYPE_CHECKING:
    from spacy.tokens import Token

MUST = frozenset({"must", "should"})
HOSTILE_TYPES = frozenset({"SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "THREATEN"})
RALLY_VERBS = frozenset({"join", "stage", "hold", "attend", "participate", "take"})
APPEAL_CONTENT_DEPS = ("xcomp", "ccomp", "dobj", "dative", "prep", "acl", "relcl", "oprd")


def event_code(t: Token) -> tuple[Code, Token] | None:
    """The code of an embedded event at ``t``: its own pattern, or a light verb's event object."""
    pat = match(t)
    if pat is not None and not (pat.frame and pat.frame not in ("embed",) and pat.pos == "V" and frame_inner(t)):
        code = pattern_code(pat)
        if code is not None:
            return code, t
    if pat is not None and pat.frame in ("intent", "refuse", "threat", "demand"):
        inner = frame_inner(t)
        if inner is not None:
            return inner
    if is_light(t):
        for o in objects(t):
            p = match(o)
            if p is not None:
                code = pattern_code(p)
                if code is not None:
                    return code, o
    return None


def embedded_code(t: Token) -> Code | None:
    """The event code of an embedded action at ``t`` ("refused to *release* them"), or None."""
    got = event_code(t)
    return got[0] if got else None


def frame_inner(v: Token) -> tuple[Code, Token] | None:
    """The first event embedded under frame word ``v``, with its code ("agreed to *withdraw*")."""
    for e in embedded_candidates(v):
        got = event_code(e)
        if got is not None:
            return got
    return None


def embedded_candidates(v: Token) -> list[Token]:
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


def mark_subtree_events(e: Token, consumed: set[int], depth: int = 0) -> None:
    """Mark the embedded event and what it embeds in turn as consumed by a frame."""
    if depth > 3:
        return
    consumed.add(e.i)
    for c in e.children:
        if c.dep_ in ("xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "conj", "pcomp", "nsubjpass", "compound", "dative", "acomp"):
            if match(c) is not None or is_light(c) or c.dep_ in ("prep", "xcomp", "dobj", "pcomp"):
                mark_subtree_events(c, consumed, depth + 1)


def bare_frame_stands(v: Token, frame: str) -> bool:
    """A frame word that embeds no event is an event of its own only in some uses: an offer or a
    promise of something ("Ruritania offered its troops"), a warning to someone, a refusal or a
    request of something; not an opinion ("analysts agreed that the plan was weak").
    """
    lemma = v.lemma_.lower()
    if frame == "intent":
        return lemma in data.words("events.standalone_intent") and not syntax.children(v, ("ccomp",))
    if frame == "threat" and lemma == "warn":
        return bool(syntax.children(v, ("dobj",))) or own_warning(v)
    if frame == "refuse" and lemma == "decline":
        return bool(syntax.children(v, ("xcomp", "dobj")))
    if frame == "demand" and lemma in ("ask", "request", "seek"):
        return bool(syntax.children(v, ("xcomp", "dobj", "ccomp")))
    return True


def frame_event(v: Token, pat: Pattern, consumed: set[int]) -> Found | None:
    """A frame verb with the event it embeds, coded from both through ``event_frames.tsv``; the
    embedded event and what it embeds in turn are consumed.

    "Ruritania agreed to withdraw its troops": one AGREE (CAMEO 0356-like retreat intent), no RETREAT.
    """
    frame = pat.frame or ""
    inner = frame_inner(v)
    base = pattern_code(pat)
    if base is None:
        return None
    if inner is None:
        if not bare_frame_stands(v, frame):
            return None
        code = base
        embedded = None
    else:
        icode, embedded = inner
        got = frame_code(frame, icode)
        cameo, typ = got if got else (base.cameo, None)
        code = code_of(cameo, typ) or base
        mark_subtree_events(embedded, consumed)
        if embedded.head is not v and is_light(embedded.head):  # "agreed to respect a pause in the fighting"
            mark_subtree_events(embedded.head, consumed)
        for c in syntax.children(v, ("xcomp", "ccomp")):
            if c.i in consumed:
                mark_subtree_events(c, consumed)
    found = Found(v, v, code, f"events.frame_{frame}", frame=frame, embedded=embedded, confidence=0.8 if embedded is not None else 0.7)
    found.actor_heads = subject(v)
    found.recipient_heads = frame_recipients(v, frame, embedded, consumed)
    return found


def frame_recipients(v: Token, frame: str, embedded: Token | None, consumed: set[int]) -> list[Token]:
    """The recipients of a frame event: whom the frame word addresses, else whom the embedded event
    acts on, else whom the thing refused or threatened concerns.

    "Ruritania warned Freedonia against new strikes" -> Freedonia; "Freedonia refused to release the
    Ruritanian sailors" -> sailors.
    """
    emb_i = embedded.i if embedded is not None else -1
    if frame == "demand":
        out = demand_addressees(v, emb_i, consumed)
    else:
        out = []
        if frame in ("refuse", "intent", "threat"):  # "the ministry warned Freedonia against ..."
            out += [c for c in syntax.direct_objects(v) if c.i != emb_i and match(c) is None and c.pos_ in ("PROPN",)]
        out += [t for t in syntax.prep_objects(v, ("to", "with", "against")) if t.i != emb_i and match(t) is None]
    if embedded is not None and not out:
        patients = demanded_patients(embedded) if frame == "demand" else []
        out += [t for t in embedded_recipients(v, embedded) if t not in patients]
    for c in syntax.direct_objects(v):  # "rejected a Ruritanian proposal": the proposal's owner
        if frame == "refuse" and not out:
            out += owners(c)
    if not out and embedded is None:  # "offered to hand over the files to the tribunal"
        for c in syntax.children(v, ("xcomp", "advcl")):
            if c.pos_ == "VERB":
                out += [t for t in recipients(c, set()) if match(t) is None]
    if frame in ("refuse", "intent", "threat") and not out:
        for c in syntax.direct_objects(v):
            if is_thing(c):
                out += through_thing(c)
    out += [t for r in list(out) if is_thing(r) for t in through_thing(r)]  # "support for Freedonia's efforts"
    if frame == "threat":
        out += condition_subjects(v, embedded)
    return out


def demand_addressees(v: Token, emb_i: int, consumed: set[int]) -> list[Token]:
    """Of whom a demand asks: its object, its on/from/of/to phrase, the subject of what is demanded.

    "The union demanded of the ministry that it reopen the plant"; "urged Ruritania to withdraw".
    """
    out = [c for c in syntax.children(v, ("dobj", "dative")) if c.i != emb_i and c.i not in consumed]
    out += syntax.prep_objects(v, ("on", "from", "of", "to"))
    for c in v.children:
        if c.dep_ == "ccomp" and (c.i == emb_i or c.i in consumed or any(a.lower_ in MUST or a.lower_ == "that" for a in c.children)):
            out += [s for s in syntax.subjects(c) if s not in demanded_patients(c)]  # not "that the sailors be freed"
        if c.dep_ == "xcomp":
            out += syntax.subjects(c, ("nsubj",))
    return out


def embedded_recipients(v: Token, embedded: Token) -> list[Token]:
    """Whom the event a frame embeds acts on: a noun's owners and argument phrases, a verb's
    recipients and the owners of its event objects.

    "Freedonia threatened new sanctions on Ruritania" -> Ruritania.
    """
    out: list[Token] = []
    if embedded.pos_ in ("NOUN", "PROPN"):
        out += owners(embedded)
        out += syntax.prep_objects(embedded, recipient_preps("in"))
        if embedded.head.pos_ in ("VERB",) and embedded.head is not v:
            out += [t for t in recipients(embedded.head, {embedded.i}) if match(t) is None]
        return out
    out += [t for t in recipients(embedded, set()) if match(t) is None]
    for o in objects(embedded):
        if match(o) is not None:
            out += owners(o) + syntax.prep_objects(o, recipient_preps("in"))
    out += syntax.prep_objects(embedded, ("in",))
    return out


def must_request(v: Token, consumed: set[int]) -> Found | None:
    """Saying that someone must act is requesting it of them.

    "The envoy said Freedonia must release the sailors" -> the envoy requests it of Freedonia.
    """
    kind = cues().get(v.lemma_.lower())
    if kind != "report" and v.lemma_.lower() not in ("conclude", "declare", "reiterate", "insist", "stress"):
        return None
    for c in v.children:
        if c.dep_ != "ccomp":
            continue
        if not any(a.dep_ == "aux" and a.lower_ in MUST for a in c.children):
            continue
        subj = syntax.subjects(c)
        if not subj or subj[0].pos_ == "PRON":
            continue
        inner = event_code(c)
        got = frame_code("demand", inner[0] if inner else None)
        if got is None:
            continue
        code = code_of(*got)
        if code is None:
            continue
        mark_subtree_events(c, consumed)
        found = Found(v, c, code, "events.must_request", frame="demand", embedded=c, confidence=0.7)
        found.actor_heads = subject(v)
        found.recipient_heads = subj
        return found
    return None


def noun_frame(light: Token, n: Token, pat: Pattern, consumed: set[int]) -> Found | None:
    """A request noun under a light verb is a demand, coded with what it asks for.

    "The union renewed its demand that the ministry reopen the plant" -> a demand of the ministry.
    """
    base = pattern_code(pat)
    if base is None:
        return None
    inner = None
    for c in n.children:
        if c.dep_ in ("acl", "ccomp", "relcl") or (c.dep_ == "prep" and c.lower_ in ("for", "to")):
            e = c if c.dep_ != "prep" else next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if e is not None and e.i not in consumed:
                inner = event_code(e)
                if inner is not None:
                    break
    code = base
    if inner is not None:
        got = frame_code("demand", inner[0])
        if got is not None:
            code = code_of(*got) or base
        mark_subtree_events(inner[1], consumed)
    f = Found(light, n, code, "events.light_verb_request", frame="demand", embedded=inner[1] if inner else None, confidence=0.75)
    f.actor_heads = subject(light)
    recips: list[Token] = []
    for c in n.children:
        if c.dep_ in ("acl", "ccomp"):
            recips += syntax.subjects(c)
    for c in light.children:  # "reiterated its demand today that Freedonia lift ..."
        if c.dep_ == "ccomp" and not recips:
            recips += syntax.subjects(c)
    f.recipient_heads = recips or syntax.prep_objects(n, ("on", "to", "from")) + syntax.prep_objects(light, ("on", "to"))
    return f


def hostile_inner(t: Token) -> tuple[Code, Token] | None:
    """The hostile action an appeal asks for, if any (a conjoined infinitive counts).

    "The party called for sanctions", "The cleric urged the villagers to unite and mobilise against
    the garrison".
    """
    cands = embedded_candidates(t)
    cands += [c for e in list(cands) for c in e.children if c.dep_ == "conj"]
    for e in cands:
        got = event_code(e)
        if got is not None and got[0].type in HOSTILE_TYPES:
            if got[0].type == "MOBILIZE" and not syntax.prep_objects(got[1], ("against",)):
                continue  # "asked NATO to deploy more troops": an appeal for military cooperation
            return got
    for e in cands:  # "called on followers to join thousands at a rally against the rules"
        for x in e.subtree:
            p = match(x) if x.pos_ == "NOUN" else None
            code = pattern_code(p) if p is not None and p.frame is None else None
            if code is None or code.type not in ("PROTEST", "MOBILIZE"):
                continue
            gov = x.head.head if x.dep_ == "pobj" else x.head
            if gov.lemma_.lower() in RALLY_VERBS and (code.type == "PROTEST" or syntax.prep_objects(x, ("against",))):
                return code, x
    return None


def ceasefire_inner(t: Token) -> tuple[Code, Token] | None:
    """What an appeal asks for, when it is a truce (CAMEO 0871).

    "The rebels called for a ceasefire".
    """
    for e in embedded_candidates(t):
        got = event_code(e)
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


def appeal_event(t: Token, p: Pattern, consumed: set[int]) -> Found | None:
    """An appeal is a REQUEST with the CAMEO appeal code, whose content (not yet happened) is
    absorbed; it ranks below concrete events of the same sentence.

    "Norway urged both parties to accept a pause in the fighting".
    """
    if p.pos != "V":
        return None
    f = frame_event(t, replace(p, cameo="100", frame="demand"), set(consumed))
    if f is None:
        return None
    f.code = as_appeal(f.code)
    f.rule = "events.appeal"
    f.confidence = min(f.confidence, 0.6)
    return f


def absorb_appeal(t: Token, consumed: set[int]) -> None:
    """An appeal (CAMEO 02: "urged Iran to release the crew", "an appeal for aid") is no PLOVER
    event, and what it asks for has not happened: both are consumed. Its subject and a coordinate
    clause ("condemned the attack and called for calm") keep their own events."""
    consumed.add(t.i)
    for c in t.children:
        infinitive = c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        if c.dep_ in APPEAL_CONTENT_DEPS or infinitive:
            consumed.update(x.i for x in c.subtree)

