"""The coreference stage: name rules, then introductions, then one pass over the parse in text order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique.actors.coref.introductions import introduce
from communique.actors.coref.names import (
    bare_surnames,
    merge_clitic_names,
    merge_split_names,
    split_relatives,
    split_shared_surnames,
)
from communique.actors.coref.nominals import nominal
from communique.actors.coref.pronouns import resolve_pronoun
from communique.actors.coref.state import Resolver, text_of
from communique.syntax import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.document import Document
    from communique.records import Actor

ARG_DEPS = frozenset({"nsubj", "nsubjpass", "appos"})


def resolve_coreference(document: Document, actors: list[Actor]) -> list[Actor]:
    """Add pronoun, role-noun, organisation and group mentions to ``actors`` (new actors where none fits).

    Name mentions split across entity types are merged first; ids are renumbered ``A1..An`` in the
    original order, new actors last.
    """
    doc = document.doc
    if not len(doc):
        return list(actors)
    actors = split_shared_surnames(merge_split_names(split_relatives(doc, merge_clitic_names(actors))))
    r = Resolver(document, actors)
    bare_surnames(r)
    introduce(r)
    in_text_order(r)
    return r.table.freeze(renumber=True)


def in_text_order(r: Resolver) -> None:
    """Every token in text order: a name mention is pushed, a free token goes to its rule."""
    for t in r.doc:
        wi = r.table.roots.get(t.i)
        if wi is not None:
            r.push(t, wi)
            continue
        if t.i in r.owner:
            continue
        if t.pos_ == "PRON":
            resolve_pronoun(r, t)
        elif t.pos_ == "PROPN" and t.dep_ in SUBJECT_DEPS and r.is_cue(t.head):
            unlisted_name(r, t)
        elif t.pos_ in ("NOUN", "PROPN") and is_argument(t):
            nominal(r, t)


def is_argument(t: Token) -> bool:
    """``t`` stands where speakers and event actors stand: a subject, an appositive, a passive agent, the
    object of "according to", or a conjunct of a subject."""
    if t.dep_ in ARG_DEPS:
        return True
    if t.dep_ == "pobj":
        prep = t.head
        if prep.lower_ == "by" and prep.dep_ == "agent":
            return True
        if prep.lower_ == "to" and prep.head.lower_ == "according":
            return True
    return t.dep_ == "conj" and t.head.dep_ in SUBJECT_DEPS


def unlisted_name(r: Resolver, t: Token) -> None:
    """A proper-name speaker the entity recogniser missed is a person (or the known actor it names).

    "Okwuosa said the clinic was full": a new person "Okwuosa"; not a stray mark or an acronym (an
    organisation, left alone). "Keeper of the Archive, Ilse Brandauer, said": the named person speaks.
    """
    toks = [c for c in t.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i not in r.owner]
    toks = [x for x in toks if x.i >= t.i - 3] + [t]
    if not t.text[:1].isalpha() or (t.text.isupper() and len(t.text) > 1):
        return
    named = _appositive_person(r, t)
    if named is not None:
        r.push(t, named)
        return
    words = {x.lower_ for x in toks}
    for wi, w in enumerate(r.table):
        if w.type in ("person", "unknown", "organization") and words <= {x.lower() for x in w.name.split()}:
            r.link(wi, t, toks, "name")
            return
    wi = r.new(text_of(toks), "person", "coref.unlisted_name")
    r.link(wi, t, toks, "name")


def _appositive_person(r: Resolver, t: Token) -> int | None:
    """The person named in apposition to ``t`` (or to the object of its preposition), else None."""
    for c in t.subtree:
        if c.dep_ == "appos" and c.i > t.i and c.i in r.owner and r.table[r.owner[c.i]].type == "person" \
                and (c.head.i == t.i or (c.head.dep_ == "pobj" and c.head.head.head.i == t.i)):
            return r.owner[c.i]
    return None
