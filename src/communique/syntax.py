"""Small named questions about a spaCy dependency parse, asked the same way by every stage.

In the style of textacy's ``get_subjects_of_verb``: each helper answers one question about tokens of
the English ClearNLP-style labels that ``en_core_web_sm`` produces, and nothing else. Stage code asks
"the agent of this passive" or "the possessor of this noun" here instead of re-walking the tree inline,
so that a parser quirk is handled once.

Examples (``en_core_web_sm``):
- ``subjects(said)`` in "The minister said ..." -> [minister]
- ``passive_agents(rejected)`` in "The plan was rejected by the council" -> [council]
- ``prep_objects(talks, ("with",))`` in "talks with Iran" -> [Iran]
- ``possessors(offer)`` in "Qatar's offer" -> [Qatar]
- ``clause_head(tok)``: the verb of the clause that holds ``tok``
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})


def children(tok: Token, deps: Iterable[str]) -> list[Token]:
    """The children of ``tok`` whose dependency label is one of ``deps``, in text order."""
    wanted = frozenset(deps)
    return [c for c in tok.children if c.dep_ in wanted]


def first_child(tok: Token, deps: Iterable[str]) -> Token | None:
    """The first child of ``tok`` whose dependency label is one of ``deps``, or None."""
    wanted = frozenset(deps)
    return next((c for c in tok.children if c.dep_ in wanted), None)


def subjects(verb: Token, deps: Iterable[str] = SUBJECT_DEPS) -> list[Token]:
    """The subject heads of ``verb`` ("Kyiv and Warsaw said": Kyiv only; see ``conjuncts``)."""
    return children(verb, deps)


def nearest_subject(verb: Token, deps: Iterable[str] = SUBJECT_DEPS) -> Token | None:
    """The subject of ``verb`` nearest before it, else the first after it.

    A dateline parsed as a second subject ("ADEN, June 12 (Wire) - The council said") stands further
    from the verb than the real subject, so the nearest one before the verb wins.
    """
    subs = children(verb, deps)
    if not subs:
        return None
    before = [c for c in subs if c.i < verb.i]
    return before[-1] if before else subs[0]


def is_passive(verb: Token) -> bool:
    """``verb`` is passive: a passive subject or auxiliary, or a reduced relative with a by-agent
    ("people evacuated by the army")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def passive_agents(verb: Token) -> list[Token]:
    """The heads of the by-phrase of a passive ``verb`` ("was rejected by the council": council)."""
    return [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]


def direct_objects(verb: Token, deps: Iterable[str] = ("dobj",)) -> list[Token]:
    """The direct objects of ``verb``."""
    return children(verb, deps)


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` hung on ``tok`` ("talks with Iran": Iran for "with").

    A dative ("gave Kyiv aid") counts for "to", and a passive by-agent for "by".
    """
    wanted = frozenset(preps)
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in wanted:
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(c)
        elif c.dep_ == "agent" and "by" in wanted:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def possessors(noun: Token, *, pronouns: bool = False) -> list[Token]:
    """The possessors of ``noun`` ("Qatar's offer": Qatar); possessive pronouns only when asked."""
    return [c for c in noun.children if c.dep_ == "poss" and (pronouns or c.pos_ != "PRON")]


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and every token coordinated with it ("Kyiv, Warsaw and Vilnius": all three)."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(g for g in c.children if g.dep_ == "conj")
    return out


def clause_head(tok: Token) -> Token | None:
    """The verb heading ``tok``'s clause: ``tok`` itself when it is a verb, else its nearest verb ancestor."""
    cur = tok
    for _ in range(40):
        if cur.pos_ in ("VERB", "AUX") or cur.tag_.startswith("VB"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb strictly above ``tok`` in the tree, or None."""
    cur = tok
    for _ in range(40):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def has_infinitive_marker(verb: Token) -> bool:
    """``verb`` is a to-infinitive ("vowed to retaliate": retaliate)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_negated(tok: Token) -> bool:
    """``tok`` has a negation child ("did not attack", "never met")."""
    return any(c.dep_ == "neg" for c in tok.children)


def nominal_agents(noun: Token) -> list[Token]:
    """The doer named inside a nominal event: its non-pronoun possessor, else its by-phrase.

    "Freedonia's withdrawal from the town" -> Freedonia; "the offensive by the army" -> army.
    """
    own = [c for c in possessors(noun) if c.pos_ in ("PROPN", "NOUN")]
    return own or prep_objects(noun, ("by",))


def nominal_targets(noun: Token, preps: Iterable[str] = ("against", "on", "upon")) -> list[Token]:
    """Whom a nominal event is aimed at: its against/on phrase, also when the parser hung that phrase
    on the by-agent ("the offensive by the army against the rebels": rebels, not the army's)."""
    out = prep_objects(noun, preps)
    for agent in prep_objects(noun, ("by",)):
        out += [g for g in prep_objects(agent, preps) if g.i > agent.i]
    return out


def is_condition_clause(verb: Token) -> bool:
    """``verb`` heads a condition: "if"/"unless", "as long as"/"so long as", "provided (that)",
    "providing", "on (the) condition that".

    "The militia will hold its fire as long as the army withdraws": withdraws.
    """
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if any(m.lower_ in ("if", "unless") for m in marks):
        return True
    doc = verb.doc
    if any(m.lower_ == "as" and m.i >= 1 and doc[m.i - 1].lower_ == "long" for m in marks):
        return True
    head = verb.head
    bare = not children(head, ("nsubj", "nsubjpass", "aux", "dobj"))  # "provided that", not "has provided aid"
    if verb.dep_ in ("ccomp", "advcl") and head.lower_ in ("provided", "providing") and head.i < verb.i and bare:
        return True
    return verb.dep_ in ("acl", "relcl") and head.lower_ == "condition"
