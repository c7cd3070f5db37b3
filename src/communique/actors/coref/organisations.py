"""Organisation rules: "the ministry" / "the company" to a named organisation, statements to their issuer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique import data
from communique.actors.coref.state import Resolver, text_of
from communique.actors.gazetteer import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Token

GENERIC_ORG_NOUNS = data.words("actors.generic_org_nouns")
GENERIC_MODIFIERS = data.words("actors.generic_modifiers")
MODIFIER_DEPS = ("amod", "compound", "poss", "nmod")


def country_of(r: Resolver, head: Token) -> str | None:
    """The country a noun's modifier or possessor names: "Turkey's defence ministry", "Kenyan officials"."""
    gaz = gazetteer()
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS:
            place = gaz.lookup(child.text)
            if place is None and child.i in r.owner:
                w = r.table[r.owner[child.i]]
                if w.type == "country" and w.country:
                    return w.country
            if place is not None:
                return place.code
    return None


def org_noun(r: Resolver, t: Token, indefinite: bool, core: list[Token]) -> None:
    """An organisation noun is the organisation it stands for, else a new organisation.

    "Harbour Power said crews were out. The utility said power would return.": "The utility" is Harbour
    Power; "a charity" with none of that name near is a new organisation named "charity". Proper names
    the recogniser missed are left to the stages that need them.
    """
    lemma = t.lemma_.lower()
    if t.pos_ == "PROPN":
        return
    if not indefinite:
        found = org_antecedent(r, t, lemma)
        if found is not None:
            r.link(found, t, core, "other")
            return
    name = text_of(r.name_tokens(t))
    for wi, w in enumerate(r.table):
        if w.type == "organization" and w.name.lower() == name.lower():
            r.link(wi, t, core, "other")
            return
    wi = r.new(name, "organization", "coref.org_noun", country=country_of(r, t))
    r.link(wi, t, core, "other")


def org_antecedent(r: Resolver, t: Token, lemma: str) -> int | None:
    """The organisation a definite "the ministry" / "the company" stands for, if one is near.

    Its name must hold every restricting modifier ("the health ministry"); a name holding the noun itself
    wins at once; a generic noun ("the company") takes the best-placed organisation of the last twelve
    sentences whose head noun is no other organisation noun ("the union" is not "the Harbour Health
    Authority").
    """
    mods = [c.lower_ for c in t.lefts if c.dep_ in ("amod", "compound", "nmod") and c.lower_ not in GENERIC_MODIFIERS]
    si = r.sent_of[t.i]
    generic = lemma in GENERIC_ORG_NOUNS
    best: int | None = None
    best_score = -1e9
    seen: set[int] = set()
    for c in reversed(r.recent):
        if si - c.sent > 12:
            break
        w = r.table[c.work]
        if w.type != "organization" or (c.quoted and not r.quoted[t.i]) or c.work in seen:
            continue
        seen.add(c.work)
        words = {x.strip(".,'") for x in w.name.lower().replace("-", " ").split()}
        if any(m not in words for m in mods):
            continue
        if lemma in words:
            return c.work
        last = w.name.lower().split()[-1] if w.name.split() else ""
        info = r.lex.noun(last)
        if info is not None and info[0] == "org" and last != lemma:
            continue
        if generic:
            score = 2.0 * c.speaker + 1.0 * c.subject - 0.5 * len(seen) - 0.1 * (si - c.sent)
            if score > best_score:
                best, best_score = c.work, score
    return best


def statement(r: Resolver, t: Token) -> None:
    """A statement speaks for whoever issued it: its owner, else the latest speaker of three sentences.

    "The council's statement said ..." is the council's; "Kenya's foreign ministry spoke on Monday. A
    statement said ..." is the ministry's.
    """
    for c in t.subtree:
        if c.i != t.i and c.i in r.owner and (c.dep_ in ("poss", "compound") or c.head.lower_ in ("from", "by")):
            r.mention(r.owner[c.i], r.core(t), "other")
            return
    si = r.sent_of[t.i]
    for rec in reversed(r.recent):
        if si - rec.sent > 3:
            break
        if rec.speaker and not rec.quoted and r.table[rec.work].type in ("organization", "person", "group", "country"):
            r.mention(rec.work, r.core(t), "other")
            return
