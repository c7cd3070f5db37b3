"""What names come with: the gender and the roles a person is introduced with (the first pass).

Rules, in order: ``title_gender`` for every person, then for each name mention ``courtesy_title_before``,
``pre_modifier_role`` and ``appositive_role``, then ``role_head_apposition`` over the whole parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.actors.coref.state import Resolver, text_of
from communique.actors.names import TITLE_GENDER
from communique.actors.table import ActorEntry

if TYPE_CHECKING:
    from spacy.tokens import Token


def introduce(r: Resolver) -> None:
    """Run the rules of this module over every person of the table (see the module docstring)."""
    for w in r.table:
        if w.type == "person":
            title_gender(r, w)
    for root_i, wi in list(r.table.roots.items()):
        if r.table[wi].type != "person":
            continue
        root = r.doc[root_i]
        span_start = r.table.root_start[root_i]
        courtesy_title_before(r, span_start, wi)
        pre_modifier_role(r, root, span_start, wi)
        appositive_role(r, root, wi)
    role_head_apposition(r)


def title_gender(r: Resolver, w: ActorEntry) -> None:
    """A courtesy title inside a name mention gives the gender, else the first given name does.

    "Mr. Okafor arrived late": male; "Halima Osei said": female by the given name.
    """
    for m in w.mentions:
        first = m.text.split()[0].lower() if m.text.split() else ""
        if first in TITLE_GENDER:
            w.gender = TITLE_GENDER[first]
            break
    if w.gender is None:
        w.gender = r.lex.gender_of_name(w.name)


def courtesy_title_before(r: Resolver, span_start: int, wi: int) -> None:
    """A courtesy title right before a name mention gives the gender: "Ms. [Nakamura] spoke"."""
    prev = r.doc[span_start - 1] if span_start > 0 else None
    w = r.table[wi]
    if prev is not None and prev.lower_ in TITLE_GENDER and w.gender is None:
        w.gender = TITLE_GENDER[prev.lower_]


def pre_modifier_role(r: Resolver, root: Token, span_start: int, wi: int) -> None:
    """Role nouns among a name's pre-modifiers are the person's roles, the phrase their role.

    "Chilean Health Minister Ana Rojas said": roles {minister}, role "Chilean Health Minister"; a role
    noun with a gender ("spokeswoman") gives it.
    """
    doc = r.doc
    w = r.table[wi]
    pre = [t for t in root.lefts if t.i < span_start and t.dep_ in ("compound", "amod", "nmod", "poss", "det")]
    if not pre:
        return
    start = min(t.left_edge.i for t in pre)
    phrase = [t for t in doc[start:span_start] if t.dep_ not in ("det", "punct", "case")]
    nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN") and r.lex.noun(t.lemma_)]
    if not nouns:
        return
    for t in nouns:
        w.roles.add(t.lemma_.lower())
        g = r.lex.noun(t.lemma_)
        if g and g[1] and w.gender is None:
            w.gender = g[1]
    if w.role is None:
        w.update(role=text_of(phrase) or None)


def appositive_role(r: Resolver, root: Token, wi: int) -> None:
    """A role noun in apposition to a name is a role mention of the person.

    "Halima Osei, the agency's spokeswoman, said": "the agency's spokeswoman" is Halima Osei.
    """
    for child in root.children:
        if child.dep_ == "appos" and child.i not in r.owner and child.pos_ == "NOUN":
            role_apposition(r, child, wi)


def role_head_apposition(r: Resolver) -> None:
    """A role noun with a name in apposition to it is a role mention of that person.

    "The spokesman, Tomas Berg, said": "The spokesman" is Tomas Berg.
    """
    for t in r.doc:
        if t.dep_ == "appos" and t.i in r.table.roots and t.head.i not in r.owner and t.head.pos_ == "NOUN":
            wi = r.table.roots[t.i]
            if r.table[wi].type == "person":
                role_apposition(r, t.head, wi)


def role_apposition(r: Resolver, noun: Token, wi: int) -> None:
    """Person role ``noun`` (in apposition with a name of actor ``wi``) becomes a role and a mention of it."""
    info = r.lex.noun(noun.lemma_)
    if info is None or info[0] != "person":
        return
    w = r.table[wi]
    w.roles.add(noun.lemma_.lower())
    if info[1] and w.gender is None:
        w.gender = info[1]
    core = r.core(noun)
    if w.role is None:
        w.update(role=text_of([t for t in core if t.dep_ != "det"]) or None)
    r.mention(wi, core, "role")
