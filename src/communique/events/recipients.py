"""To whom an event is done, and whose thing it concerns: the recipient rules of event triggers.

The phrases are found on the parse through ``communique.syntax``; the rules here say which of them
count for an event: objects that are no one's own forces, the owners of the things acted on
("summoned Freedonia's envoy"), and the purpose clause of an act ("fired to disperse the crowd").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique import data, syntax
from communique.events.found import OWNER_PREPS, pattern_code, recipient_preps
from communique.events.patterns import match, objects, participant_sectors
from communique.events.subjects import attacks_on_targets

if TYPE_CHECKING:
    from spacy.tokens import Token

# the possessive pronouns that make a phrase the doer's own ("its troops", "our arms")
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
# nouns of giving back whose of-phrase is what is given back ("the return of the children")
RETURN_NOUNS = frozenset({"return", "handover", "freeing", "repatriation", "transfer"})


def owners(n: Token) -> list[Token]:
    """Whose proposal, appeal or plan: the possessor, a name as modifier, a by/from/of phrase.

    "the Ruritanian government's offer", "an army proposal", "a plan by Freedonia".
    """
    out = syntax.possessors(n)
    out += [c for c in n.children if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))]
    # "a cabinet offer": a participant noun as modifier
    out += [c for c in n.children if c.dep_ == "compound" and participant_sectors().get(c.lemma_.lower()) == "GOV"]
    out += syntax.prep_objects(n, OWNER_PREPS)
    out += acl_objects(n)
    return out


def acl_objects(n: Token) -> list[Token]:
    """The on/by/against/to phrase of a participle after the noun.

    "a ban imposed on Freedonian traders", "a proposal submitted by Ruritania".
    """
    return [g for a in syntax.children(n, ("acl",)) if a.tag_ == "VBN" for g in syntax.prep_objects(a, ("on", "by", "against", "to"))]


def is_own(n: Token) -> bool:
    """The actor's own forces or things are no recipient: "withdrew its troops", "laid down their arms"."""
    return any(c.lower_ in OWN_POSSESSIVES for c in syntax.possessors(n, pronouns=True))


def is_thing(n: Token) -> bool:
    """A common noun that names no participant ("the ban", "relations", "a village")."""
    return n.pos_ == "NOUN" and n.ent_type_ == "" and participant_sectors().get(n.lemma_.lower()) is None


def through_thing(n: Token) -> list[Token]:
    """Whom a thing concerns: "the ban on Freedonia", "ties with Ruritania", "Freedonia's decision",
    "a village in Ruritania"."""
    out = [c for c in syntax.possessors(n) if c.pos_ in ("PROPN", "NOUN")]
    out += syntax.prep_objects(n, data.words("events.noun_preps"))
    out += acl_objects(n)
    out += [c for c in n.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")]
    return out


NAMING_VERBS = frozenset({"call", "brand", "label", "term", "dub", "name", "declare", "deem"})


def object_predicates(t: Token) -> list[Token]:
    """What a verb says its object is, which is no participant: the object predicate beside an object,
    or the second of two direct objects of a naming verb ("called the arrests *a provocation*",
    "labelled the launch *a violation of the Washington accord*", "named him *envoy*")."""
    dobjs = syntax.children(t, ("dobj",))
    if not dobjs and not syntax.children(t, ("nsubjpass",)):
        return []  # "called Britain's ambassador a fool" parsed with the ambassador as the only oprd: the object
    return syntax.children(t, ("oprd",)) + (dobjs[1:] if t.lemma_.lower() in NAMING_VERBS else [])  # not "met his counterpart X"


def recipients(v: Token, exclude: set[int]) -> list[Token]:
    """The recipients of event verb ``v``: its objects (a passive's subject), its argument phrases,
    whom the things acted on concern, and else whom its purpose clause acts on.

    "The navy seized a tanker bound for Freedonia" -> tanker (and Freedonia through the thing).
    """
    out: list[Token] = []
    if syntax.is_passive(v):
        out += syntax.subjects(v, ("nsubjpass",))
        exclude = exclude | {a.i for a in attacks_on_targets(v)}  # "the targets of the strikes were hit": the strikes' doers act
    else:
        said = {o.i for o in object_predicates(v)}
        out += [c for c in objects(v) if c.i not in exclude and c.i not in said and c.dep_ != "nsubjpass" and not is_own(c)]
    out += [t for t in syntax.prep_objects(v, recipient_preps()) if t.i not in exclude and not third_party_means(t)]
    for c in syntax.children(v, ("prt",)):
        out += syntax.prep_objects(c, recipient_preps())
    code = pattern_code(match(v))
    topical = code is not None and code.type == "CONSULT"
    for n in [c for c in objects(v) if c.dep_ != "nsubjpass" and c.i not in {o.i for o in object_predicates(v)}] + list(out):
        if is_thing(n) and not topical:  # "discussed the war in the north": a topic, no recipient
            out += through_thing(n)
        if is_own(n):  # "recalled its ambassador from the capital", "withdrew its troops from the valley"
            out += syntax.prep_objects(n, ("from", "to", "in"))
    return out or purpose_objects(v)


def demanded_patients(embedded: Token) -> list[Token]:
    """Whom the act a demand asks for would be done to is not the demand's addressee: the of-phrase
    (else the possessor) of an undergoer or return noun, the subject of a passive clause.

    "Moscow demanded the release of its diplomat", "They called for the return of the abducted
    children", "The union demanded the journalist's release", "The envoy demanded that the sailors be
    freed": the diplomat, the children, the journalist and the sailors are no recipients (the
    addressee is whoever is asked: "urged Kyiv to free ...", "demanded that Pristina release ...").
    """
    if embedded.pos_ in ("NOUN", "PROPN"):
        if embedded.lemma_.lower() not in data.words("events.undergoer_nouns") | RETURN_NOUNS:
            return []  # "demanded the withdrawal of Serbian forces": the forces are asked to withdraw
        return syntax.prep_objects(embedded, ("of",)) or syntax.possessors(embedded, pronouns=True)
    return syntax.subjects(embedded, ("nsubjpass",))


def third_party_means(t: Token) -> bool:
    """A with-phrase naming a third party's help is how it was done, not to whom: "signed the accord
    in Doha with Qatar's mediation", "reached a deal with the help of the UN", "retook the town with
    Russian backing"."""
    return t.dep_ == "pobj" and t.head.lower_ == "with" and t.lemma_.lower() in data.words("events.third_party_nouns")


def purpose_objects(v: Token) -> list[Token]:
    """Whom the purpose clause of an act acts on.

    "Police fired tear gas to disperse the marchers" -> marchers.
    """
    out: list[Token] = []
    for c in syntax.children(v, ("advcl", "xcomp")):
        if any(a.lower_ == "to" for a in c.children):
            out += [o for o in objects(c) if not is_own(o)]
            out += [t for o in objects(c) if is_thing(o) for t in through_thing(o)]
            out += syntax.prep_objects(c, ("against", "on", "from"))
    return out


def purpose_recipients(v: Token) -> list[Token]:
    """Whom a protest targets, from its purpose clause.

    "Students staged a sit-in to protest against the ministry's decision" -> ministry.
    """
    out: list[Token] = []
    for c in syntax.children(v, ("advcl", "xcomp", "acl")):
        if c.lemma_.lower() in data.words("events.protest_purpose_verbs"):
            for t in objects(c) + syntax.prep_objects(c, ("against", "from", "on", "for")):
                out += through_thing(t) if is_thing(t) else [t]
    return out


def condition_subjects(v: Token, embedded: Token | None) -> list[Token]:
    """Whom a conditional threat targets: the subject of its if/unless clause.

    "Ruritania threatened to halt talks if Freedonia goes ahead" -> Freedonia.
    """
    out: list[Token] = []
    heads = [v] + ([embedded] if embedded is not None else []) + syntax.children(v, ("xcomp", "ccomp"))
    for head in heads:
        for c in syntax.children(head, ("advcl",)):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                out += [g for g in syntax.subjects(c) if g.pos_ != "PRON"]
    return out
