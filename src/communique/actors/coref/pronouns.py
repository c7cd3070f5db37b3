"""Pronoun rules: he/she to a person, they to a group or organisation, it to an organisation or country.

I/we/you are never resolved here. Mentions inside quotation marks are no antecedents for a pronoun
outside them, nor are mentions inside what the pronoun's own cue reports (``Resolver.content_spans``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique import data
from communique.actors.coref.state import Recent, Resolver
from communique.actors.gazetteer import gazetteer
from communique.actors.names import FEMALE, MALE, NEUTER, PLURAL, Gender
from communique.syntax import SUBJECT_DEPS, first_child

if TYPE_CHECKING:
    from spacy.tokens import Token

NON_ACTION_IT = data.words("actors.non_action_it")
LOCATIVE_PREPS = data.words("actors.locative_preps")
WINDOW_SENTENCES = 10


def resolve_pronoun(r: Resolver, t: Token) -> None:
    """Send a third-person pronoun to the rule of its number and gender."""
    low = t.lower_
    if low in MALE or low in FEMALE:
        person_pronoun(r, t, "m" if low in MALE else "f")
    elif low in PLURAL:
        plural_pronoun(r, t)
    elif low in NEUTER:
        neuter_pronoun(r, t)


def person_pronoun(r: Resolver, t: Token, gender: Gender) -> None:
    """He/she is the nearest salient person of a compatible gender, preferring subjects and speakers.

    "Halima Osei met the mayor's aides. She said the talks went well.": "She" is Halima Osei. An object
    pronoun is not the subject of its own verb ("Osei thanked her").
    """
    cands = [
        c for c in r.candidates(t, ("person",), WINDOW_SENTENCES, limit=5)
        if r.table[c.work].gender in (None, gender) and not not_a_person(r, c.work)
    ][:4]
    if t.dep_ in ("dobj", "dative", "pobj") and t.lower_ not in ("himself", "herself"):
        verb = t.head if t.dep_ != "pobj" else t.head.head
        cands = [c for c in cands if not (c.subject and r.doc[c.token].head.i == verb.i)]
    if not cands:
        return
    governor = governing_subject(r, t)
    subject_sents = {c.sent for c in cands if c.latest_subject and r.sent_of[t.i] - c.sent <= 1}
    best = max(enumerate(cands), key=lambda ic: _person_score(r, t, ic[0], ic[1], gender, governor, subject_sents))[1]
    w = r.table[best.work]
    if w.gender is None:
        w.gender = gender
    r.link(best.work, t, [t], "pronoun")


def _person_score(r: Resolver, t: Token, rank: int, c: Recent, gender: Gender, governor: int | None,
                  subject_sents: set[int]) -> float:
    """How likely candidate ``c`` (the ``rank``-th most recent) is the person pronoun ``t`` stands for.

    "Tomas Berg gave no details about Osei's plans. But he said ...": the subject of the previous
    sentence beats a name standing in it as object or possessor.
    """
    distance = r.sent_of[t.i] - c.sent
    return (
        (3.0 if c.work == governor else 0.0)
        + (0.3 if r.table[c.work].gender == gender else 0.0)
        + (1.0 if c.subject else 0.0)
        + (0.8 if c.speaker else 0.0)
        + (1.0 if c.latest_subject and distance <= 1 else 0.0)
        - (1.0 if not c.latest_subject and c.sent in subject_sents else 0.0)
        + 0.06 * min(r.counts.get(c.work, 0), 10)
        - 0.9 * rank
        - 0.15 * distance
    )


def _person_subject(r: Resolver, verb: Token) -> int | None:
    """The person whose mention is the subject of ``verb``, else None."""
    subj = first_child(verb, SUBJECT_DEPS)
    owner = r.owner.get(subj.i) if subj is not None else None
    if owner is not None and r.table[owner].type == "person":
        return owner
    return None


def governing_subject(r: Resolver, t: Token) -> int | None:
    """The person a subject pronoun's clause reports or continues: the subject of the governing verb.

    "Osei said she understands": "she" is Osei; "Although Osei has written books, she maintains ...": an
    adverbial clause before the pronoun with a person subject gives the same person.
    """
    if t.dep_ not in SUBJECT_DEPS or r.quoted[t.i]:
        return None
    h = t.head
    for c in h.children:
        if c.dep_ == "advcl" and c.i < t.i:
            owner = _person_subject(r, c)
            if owner is not None:
                return owner
    for _ in range(3):
        if h.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or h.head.i == h.i:
            return None
        h = h.head
        if first_child(h, SUBJECT_DEPS) is not None:
            return _person_subject(r, h)
    return None


def pick(r: Resolver, t: Token, cands: list[Recent], prefer: str) -> Recent:
    """The candidate for they/it: subjects first, then the ``prefer`` type, then the most recent."""
    return max(
        enumerate(cands),
        key=lambda ic: (
            (1.2 if ic[1].subject else 0.0)
            + (0.6 if r.table[ic[1].work].type == prefer else 0.0)
            - 0.7 * ic[0]
            - 0.1 * (r.sent_of[t.i] - ic[1].sent)
        ),
    )[1]


def plural_pronoun(r: Resolver, t: Token) -> None:
    """A subject or possessive "they/their" is a group or organisation of the last four sentences.

    "Aid workers reached the camp on Monday. They said food was short.": "They" is the aid workers.
    """
    if t.dep_ not in ("nsubj", "nsubjpass", "poss"):
        return
    cands = r.candidates(t, ("group", "organization", "unknown"), 4, limit=3)
    if not cands:
        return
    best = pick(r, t, cands, "group")
    r.link(best.work, t, [t], "pronoun")


def neuter_pronoun(r: Resolver, t: Token) -> None:
    """A subject or possessive "it/its" is a singular organisation or country of the last two sentences
    (six when "it" speaks); not the "it" of "it seems", "it takes", or an expletive.

    "The port authority closed the dock. It said repairs would take a week.": "It" is the port authority.
    """
    if t.dep_ == "expl" or (t.dep_ in SUBJECT_DEPS and t.head.lemma_ in NON_ACTION_IT):
        return
    if t.dep_ not in ("nsubj", "poss"):
        return
    window = 6 if t.dep_ == "nsubj" and r.is_cue(t.head) else 2
    cands = r.candidates(t, ("organization", "country"), window, limit=3)
    # "it" is singular: "frigates and patrol boats" are no antecedent
    cands = [c for c in cands if r.doc[c.token].tag_ not in ("NNS", "NNPS")]
    if not cands:
        return
    best = pick(r, t, cands, "organization")
    r.link(best.work, t, [t], "pronoun")


def not_a_person(r: Resolver, wi: int) -> bool:
    """A "person" the recogniser made of a place or a product: its name is a known place, or it only
    ever stands where places and brands stand ("in Brampton, Ont.", "the Harlow Ridge pipeline")."""
    cached = r.placelike.get(wi)
    if cached is not None:
        return cached
    w = r.table[wi]
    gaz = gazetteer()
    found = gaz.lookup(w.name) is not None or gaz.city(w.name) is not None
    if not found:
        roots = []
        for m in w.mentions:
            span = r.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and m.kind == "name":
                roots.append(span.root)
        found = bool(roots) and all(place_slot(x) for x in roots)
    r.placelike[wi] = found
    return found


def place_slot(root: Token) -> bool:
    """Whether a name stands where places and brands stand: object of a locative preposition, the
    region after a city ("Brampton, Ont."), or a modifier of a common noun ("the Harlow Ridge pipeline")."""
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return True
    t = root
    if t.dep_ in ("appos", "npadvmod", "conj") and t.i > 0 and t.doc[t.i - 1].text == ",":
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS
