"""Common-noun rules: role nouns, unnamed groups, epithets, and nouns with a name in apposition.

``nominal`` sends a noun in an argument position to the first rule that fits: a statement noun,
a noun with a name after it, an epithet, a role noun (a person), a group noun, an organisation noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique import data
from communique.actors.coref.organisations import MODIFIER_DEPS, country_of, org_noun, statement
from communique.actors.coref.state import INDEFINITE, Resolver, text_of
from communique.actors.gazetteer import gazetteer
from communique.actors.names import GROUP_WORDS, UNKNOWN_SOURCES, Gender, NounKind
from communique.actors.table import ActorEntry
from communique.records import ActorType
from communique.syntax import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token


NOT_EPITHETS = data.words("actors.not_epithets")
STATEMENT_NOUNS = data.words("actors.statement_nouns")
NounInfo = tuple[NounKind, Gender | None]


def nominal(r: Resolver, t: Token) -> None:
    """Resolve the common noun ``t`` by the first rule of this module that fits it."""
    info = r.lex.noun(t.lemma_)
    low = t.lower_
    if t.lemma_.lower() in STATEMENT_NOUNS and t.dep_ in SUBJECT_DEPS:
        statement(r, t)
        return
    if named_apposition(r, t, info):
        return
    plural = t.tag_ in ("NNS", "NNPS") or low in GROUP_WORDS
    if info is None and low not in GROUP_WORDS:
        if t.pos_ == "NOUN" and not plural and t.lemma_.lower() not in r.cue_nouns:
            epithet(r, t, {c.lower_ for c in t.lefts if c.dep_ in ("det", "predet")})
        return
    kind = info[0] if info else "group"
    dets = {c.lower_ for c in t.lefts if c.dep_ in ("det", "predet", "nummod")}
    if kind == "person" and not plural and epithet(r, t, dets):
        return
    indefinite = bool(dets & INDEFINITE) or (not dets and plural)
    core = r.core(t)
    if kind == "person" and not plural:
        role_noun(r, t, info, indefinite, core)
    elif kind in ("person", "group"):
        group_noun(r, t, indefinite, core)
    else:
        org_noun(r, t, indefinite, core)


def named_apposition(r: Resolver, t: Token, info: NounInfo | None) -> bool:
    """A noun with a known name in apposition or as a modifier after it is a mention of that name.

    "the Danish relief group Nordhjelp said", "the group, Nordhjelp, said": a one-word "person" named as a
    group becomes an organisation; a person noun takes only a person and an organisation noun only a
    non-person ("the bakery, ... Dario Ferris": a person is no bakery). True when it applied.
    """
    for c in t.children:
        if c.dep_ not in ("appos", "compound", "npadvmod") or c.i <= t.i or c.i not in r.owner:
            continue
        if any(x.pos_ in ("VERB", "AUX") for x in r.doc[t.i : c.i]):
            continue
        wi = r.owner[c.i]
        w = r.table[wi]
        if info is not None and info[0] == "org" and w.type == "person" and w.gender is None \
                and len(w.name.split()) == 1 and r.lex.gender_of_name(w.name) is None:
            w.update(type="organization")
        if (w.type == "person") != (info is not None and info[0] == "person"):
            continue
        r.link(wi, t, r.core(t), "role" if w.type == "person" else "other")
        return True
    return False


def epithet(r: Resolver, t: Token, dets: set[str]) -> bool:
    """A definite description speaking right after a named person spoke is that person, unless the
    text introduced someone with that role.

    "Senator Elowen Marsh took the floor. The veteran lawmaker said ...": "The veteran lawmaker" is Marsh.
    True when it applied.
    """
    if "the" not in dets or t.dep_ not in SUBJECT_DEPS or not r.is_cue(t.head):
        return False
    lemma = t.lemma_.lower()
    if lemma in NOT_EPITHETS or any(lemma in w.roles for w in r.table):
        return False
    cands = [
        c for c in r.candidates(t, ("person",), 4, limit=3)
        if r.table[c.work].provenance.startswith("actors.") and len(r.table[c.work].name.split()) >= 2
    ]
    if not cands:
        return False
    best = max(
        enumerate(cands),
        key=lambda ic: (
            (1.0 if ic[1].subject else 0.0) + (0.8 if ic[1].speaker else 0.0)
            + 0.1 * min(r.counts.get(ic[1].work, 0), 10) - 0.9 * ic[0]
        ),
    )[1]
    r.mention(best.work, r.core(t), "role")
    r.table[best.work].roles.add(lemma)
    r.push(t, best.work)
    return True


def role_noun(r: Resolver, t: Token, info: NounInfo | None, indefinite: bool, core: list[Token]) -> None:
    """A singular person role noun is the latest person introduced with that role, else someone new.

    "Foreign Minister Ana Rojas arrived. The minister said ...": "The minister" is Ana Rojas. "A
    spokesman for the port said ..." with no such person is a new person named "spokesman for the port".
    """
    lemma = t.lemma_.lower()
    found = lead_role_holder(r, t, lemma) if indefinite else definite_role_holder(r, lemma)
    if found is not None:
        r.link(found, t, core, "role")
        return
    wi = r.new(text_of(r.name_tokens(t)), "person", "coref.role_noun", country=country_of(r, t))
    w = r.table[wi]
    w.roles.add(lemma)
    w.gender = info[1] if info else None
    w.update(role=text_of([x for x in core if x.dep_ != "det"]) or None)
    r.link(wi, t, core, "role")


def definite_role_holder(r: Resolver, lemma: str) -> int | None:
    """The person a definite role noun stands for: the latest mentioned with that role, else the first
    introduced with it."""
    for c in reversed(r.recent):
        if lemma in r.table[c.work].roles and r.table[c.work].type == "person":
            return c.work
    for wi, w in enumerate(r.table):
        if lemma in w.roles and w.type == "person":
            return wi
    return None


def lead_role_holder(r: Resolver, t: Token, lemma: str) -> int | None:
    """An indefinite role noun in the lead is the one person the article names with that role later,
    and no one before it, unless the two role phrases name different sides.

    "A ferry captain says the crossing is safe ... Captain Lars Okonkwo said": one person.
    """
    holders = [wi for wi, w in enumerate(r.table) if w.type == "person" and lemma in w.roles]
    if len(holders) != 1 or other_affiliation(r, t, r.table[holders[0]]):
        return None
    first = min((m.start for m in r.table[holders[0]].mentions), default=-1)
    return holders[0] if first > t.idx else None


def group_noun(r: Resolver, t: Token, indefinite: bool, core: list[Token]) -> None:
    """A plural person noun or group word is an unnamed group: the latest group of that noun (when
    definite and of no country), else the group of the same name, else a new group.

    "Kenyan officials said ... The officials added": one group, country KEN; "sources close to the
    talks" is a group of type unknown.
    """
    lemma = t.lemma_.lower()
    country = country_of(r, t)
    name = text_of(r.name_tokens(t))
    if not indefinite and not country:
        for c in reversed(r.recent):
            w = r.table[c.work]
            if w.type in ("group", "unknown") and lemma in w.roles:
                r.link(c.work, t, core, "group")
                return
    for wi, w in enumerate(r.table):
        if w.type in ("group", "unknown") and w.name.lower() == name.lower():
            r.link(wi, t, core, "group")
            return
    type_: ActorType = "unknown" if lemma in UNKNOWN_SOURCES or t.lower_ in UNKNOWN_SOURCES else "group"
    wi = r.new(name, type_, "coref.group", country=country)
    r.table[wi].roles.add(lemma)
    r.link(wi, t, core, "group")


def affiliation(r: Resolver, head: Token) -> set[str]:
    """Whom a role noun's modifiers tie it to: countries and named bodies ("Israeli", "Hamas")."""
    gaz = gazetteer()
    out: set[str] = set()
    for child in head.lefts:
        if child.dep_ not in MODIFIER_DEPS:
            continue
        place = gaz.lookup(child.text)
        if place is not None:
            out.add(place.code)
        elif child.i in r.owner:
            w = r.table[r.owner[child.i]]
            out.add(w.country or w.id)
    return out


def other_affiliation(r: Resolver, t: Token, holder: ActorEntry) -> bool:
    """The lead's role belongs to someone else when both role phrases name an affiliation and the two
    have nothing in common ("A Chilean official ... Marta Quispe, a senior Peruvian official")."""
    mine = affiliation(r, t)
    if not mine:
        return False
    theirs: set[str] = set()
    for m in holder.mentions:
        span = r.doc.char_span(m.start, m.end) if m.kind == "role" else None
        if span is not None:
            theirs |= affiliation(r, span.root)
    return bool(theirs) and not (mine & theirs)
