"""Who does what a verb says: the doer of an event verb, rule by rule.

``subject(v)`` asks the rules of ``SUBJECT_RULES`` in order; the first that applies answers. The
plain questions ("the nearest subject", "the agent of this passive") go to ``communique.syntax``;
the rules here add what an event needs on top: a meeting's parties, a weapon's firer, the subject a
clause shares with the clause it hangs on, and the parser's usual slips.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from communique import data, syntax
from communique.events.found import pattern_code
from communique.events.patterns import match, weapons
from communique.events.readings import headline_place, returned_from

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_HOPS = 4


def subject(v: Token, seen: int = 0) -> list[Token]:
    """The subject phrase heads of verb (or predicate adjective) ``v``; for a passive, the agent."""
    if seen > MAX_HOPS:
        return []
    for rule in SUBJECT_RULES:
        got = rule(v, seen)
        if got is not None:
            return got
    return []


def passive_doer(v: Token, seen: int) -> list[Token] | None:
    """A passive's doer is its by-agent, also when the by-phrase hangs one phrase lower; an
    expulsion's doer is where the expelled were sent from; a return's, the party they were returned
    from (``readings.returned_from``).

    "The aid convoy was stopped by militia fighters" -> fighters; "The envoy was accused of lying by
    the press" -> press; "The monitors were expelled from Ruritania" -> Ruritania.
    """
    if not syntax.is_passive(v):
        return None
    if syntax.children(v, ("agent",)):
        return syntax.passive_agents(v)
    for of in syntax.children(v, ("prep",)):
        if of.lower_ != "of":
            continue
        for g in of.children:
            by = next((b for b in g.children if b.dep_ in ("prep", "agent") and b.lower_ == "by"), None)
            if by is not None:
                return syntax.children(by, ("pobj",))
    if v.lemma_.lower() in data.words("events.expel_verbs"):
        return syntax.prep_objects(v, ("from",))
    return protesters_of_ended(v) or attackers_of_targets(v) or returned_from(v)


def attackers_of_targets(v: Token) -> list[Token]:
    """The targets of an attack that were hit were hit by the attack's doers: its possessor,
    by-phrase or named modifiers.

    "All 13 targets of the US-UK strikes had been hit" -> US, UK; "The targets of Russia's raids
    were destroyed" -> Russia; "Two targets of the coalition's air strikes were struck" -> coalition.
    """
    for atk in attacks_on_targets(v):
        mods = [c for c in atk.children if c.dep_ in ("compound", "amod")]
        mods += [g for c in mods for g in c.children if g.dep_ in ("compound", "amod")]  # "US-UK strikes"
        return syntax.nominal_agents(atk) or [c for c in mods if c.ent_type_ in ("GPE", "NORP", "ORG")]
    return []


def attacks_on_targets(v: Token) -> list[Token]:
    """The attack nouns in the of-phrase of a passive's target subject ("the targets *of the strikes*")."""
    out: list[Token] = []
    for subj in syntax.children(v, ("nsubjpass",)):
        if subj.lemma_.lower() not in ("target", "objective"):
            continue
        for atk in syntax.prep_objects(subj, ("of",)):
            code = pattern_code(match(atk))
            if (code is not None and code.type == "ASSAULT") or atk.lemma_.lower() in weapons("attack"):
                out.append(atk)
    return out


def protesters_of_ended(v: Token) -> list[Token]:
    """A protest ended with no agent named was ended by those who held it: its own doer (by-phrase,
    possessor).

    "The strike by dock workers was called off" -> workers; "The farmers' blockade of the highway was
    lifted on Friday" -> farmers; "A hunger strike by the detainees has been suspended" -> detainees.
    """
    for subj in syntax.children(v, ("nsubjpass",)):
        code = pattern_code(match(subj))
        if code is not None and code.type == "PROTEST":
            return syntax.nominal_agents(subj)
    return []


def active_subject(v: Token, seen: int) -> list[Token] | None:
    """The subject nearest before the verb (a dateline before it is none), looking through a
    misparsed participle, a meeting noun and a fired weapon.

    "OSLO, May 3 (Wire) - Norway accused ..." -> Norway.
    """
    subj = syntax.nearest_subject(v, syntax.ACTIVE_SUBJECT_DEPS)
    if subj is None:
        return None
    if subj.pos_ == "VERB":  # "The relief agency working in the region said": a misparsed participle
        subj = syntax.first_child(subj, ("nsubj",)) or subj
    if headline_place(v, subj):
        return []  # "Khartoum fighting halts": a place, not a doer
    return meeting_parties(subj) or weapon_firers(subj) or [subj]


def meeting_parties(subj: Token) -> list[Token]:
    """A meeting that does something stands for its parties.

    "The talks between Ruritania and Freedonia failed to ..." -> Ruritania, Freedonia.
    """
    if subj.lemma_.lower() not in data.words("events.meeting_nouns"):
        return []
    return syntax.prep_objects(subj, ("between", "among"))


def weapon_firers(subj: Token) -> list[Token]:
    """A weapon or a strike that hits stands for whoever fired it: the participle's by-agent, the
    possessor, the by-phrase.

    "Shells fired by the rebels hit a school" -> rebels; "Russia's strikes on the port destroyed two
    ships" -> Russia; "Missiles launched by the militia have killed four" -> militia.
    """
    if subj.lemma_.lower() not in weapons("munition", "attack", "emplaced"):
        return []
    for acl in syntax.children(subj, ("acl",)):
        agents = syntax.passive_agents(acl)
        if agents:
            return agents
    return syntax.nominal_agents(subj)


def auxiliary_subject(v: Token, seen: int) -> list[Token] | None:
    """A subject the parser hung on the auxiliary instead of the verb.

    "The opposition however have opposed the bill" -> opposition.
    """
    for a in syntax.children(v, ("aux",)):
        c = syntax.first_child(a, ("nsubj",))
        if c is not None:
            return [c]
    return None


def copula_subject(v: Token, seen: int) -> list[Token] | None:
    """A predicate adjective or complement of a copula shares the copula's subject.

    "The government is ready to talk" -> government (for "ready").
    """
    if v.dep_ in ("acomp", "xcomp") and v.head.pos_ == "AUX":
        return subject(v.head, seen + 1)
    return None


def raised_subject(v: Token, seen: int) -> list[Token] | None:
    """An infinitive under an agentless passive is done by the passive's subject.

    "Freedonia is expected to announce new sanctions", "The garrison was forced to withdraw".
    """
    if v.dep_ != "xcomp" or not syntax.is_passive(v.head) or syntax.children(v.head, ("agent",)):
        return None
    return syntax.subjects(v.head, ("nsubjpass",)) or None


def compelled_subject(v: Token, seen: int) -> list[Token] | None:
    """What someone is ordered or forced to do is the orderer's act.

    "The court ordered the newspaper to suspend publication" -> court.
    """
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in data.words("events.compel_verbs"):
        return subject(v.head, seen + 1)
    return None


def persuaded_subject(v: Token, seen: int) -> list[Token] | None:
    """An infinitive under "urge", "ask", "allow" ... is done by the object; under any other verb,
    by that verb's subject.

    "The council asked Ruritania to withdraw" -> Ruritania; "The army began to withdraw" -> army.
    """
    if v.dep_ != "xcomp":
        return None
    objs = syntax.direct_objects(v.head)
    if objs and v.head.lemma_.lower() in data.words("events.persuade_verbs"):
        return objs
    return subject(v.head, seen + 1)


def nominal_root_subject(v: Token, seen: int) -> list[Token] | None:
    """A second verb coordinated with a first verb the parser took for a noun.

    "The ministry rejects and condemns the raid": "rejects" parsed as the root noun.
    """
    if v.dep_ != "conj" or v.head.dep_ != "ROOT" or v.head.pos_ not in ("NOUN", "PROPN"):
        return None
    before = [c for c in syntax.subjects(v.head, ("nsubj",)) if c.i < v.head.i]
    return before[-1:] or None


def shared_clause_subject(v: Token, seen: int) -> list[Token] | None:
    """A coordinated clause, a gerund or a purpose clause shares the subject of the clause it hangs
    on; other adverbial clauses have their own.

    "Farmers marched to the capital to protest" -> farmers (for "protest").
    """
    if v.dep_ not in ("conj", "advcl") or v.head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if v.dep_ == "advcl" and v.tag_ != "VBG" and not syntax.has_infinitive_marker(v):
        return []
    return subject(v.head, seen + 1)


def acronym_subject(v: Token, seen: int) -> list[Token] | None:
    """An acronym before a main verb that the tagger took for an adverb.

    "UNHCR had announced new funding" -> UNHCR.
    """
    if v.dep_ != "ROOT":
        return None
    acronym = [c for c in v.lefts if c.dep_ in ("advmod", "npadvmod") and c.text.isupper() and c.is_alpha and len(c.text) > 2]
    return acronym[:1] or None


def verbless_root_subject(v: Token, seen: int) -> list[Token] | None:
    """A main verb parsed as a relative clause of the sentence's noun root: the root is the subject.

    "The ministry, two unions and the bishops on Monday condemned the decree" -> ministry.
    """
    return [v.sent.root] if misparsed_main(v) else None


def reduced_relative_subject(v: Token, seen: int) -> list[Token] | None:
    """A finite main verb with an object, parsed as a participle of the noun root before it.

    "The navy carried out exercises" with "carried" as a reduced relative of "navy" -> navy.
    """
    if not (v.dep_ == "acl" and v.tag_ in ("VBD", "VBN") and v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN")):
        return None
    if syntax.is_passive(v) or not syntax.children(v, ("dobj", "prt")):
        return None
    return [v.head]


def by_gerund_subject(v: Token, seen: int) -> list[Token] | None:
    """A by-gerund is done by the subject of the verb it modifies.

    "Japan helps the island by sending engineers" -> Japan (for "sending").
    """
    if v.dep_ == "pcomp" and v.head.lower_ == "by" and v.head.head.pos_ in ("VERB", "AUX"):
        return subject(v.head.head, seen + 1)
    return None


def adjective_gerund_subject(v: Token, seen: int) -> list[Token] | None:
    """A gerund under a predicate adjective's preposition is done by the adjective's subject.

    "The colonel was guilty of torturing prisoners" -> colonel.
    """
    if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ == "ADJ":
        return subject(v.head.head, seen + 1)
    return None


def gerund_modifier_subject(v: Token, seen: int) -> list[Token] | None:
    """A gerund modifying a noun is done by that noun, or by whoever issued it when the noun is a
    plain thing (a text, a letter) under a verb.

    "a statement demanding the release" -> whoever issued the statement.
    """
    if v.dep_ != "acl" or v.tag_ != "VBG":
        return None
    head = v.head
    if headline_place(v, head):
        return []  # "Somalia fighting intensifies": a place, not a doer
    if head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB" and head.ent_type_ == "" and head.pos_ == "NOUN" and match(head) is None:
        return subject(head.head, seen + 1) or [head]
    return [head]


def misparsed_main(v: Token) -> bool:
    """A finite verb the parser hung under a noun as a relative clause in a sentence whose root is
    that noun phrase ("A UN report called for sanctions", "The ministry, two unions and the bishops
    on Monday condemned ..."): the verb is the main clause, the root its subject."""
    if v.dep_ not in ("relcl", "acl") or v.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    if syntax.children(v, ("nsubj", "nsubjpass", "mark")):
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


SubjectRule = Callable[["Token", int], "list[Token] | None"]

# in order: the first rule that answers (a list, possibly empty) decides
SUBJECT_RULES: tuple[SubjectRule, ...] = (
    passive_doer,
    active_subject,
    auxiliary_subject,
    copula_subject,
    raised_subject,
    compelled_subject,
    persuaded_subject,
    nominal_root_subject,
    shared_clause_subject,
    acronym_subject,
    verbless_root_subject,
    reduced_relative_subject,
    by_gerund_subject,
    adjective_gerund_subject,
    gerund_modifier_subject,
)


def doer(v: Token) -> list[Token]:
    """The subject of an active verb; the by-phrase of a passive one.

    "The army launched an offensive" -> army; "An offensive was launched by the army" -> army.
    """
    return subject(v) if not syntax.is_passive(v) else syntax.prep_objects(v, ("by",))
