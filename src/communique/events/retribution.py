"""Warnings that someone will be made to suffer are threats by whoever utters them.

"They will pay a heavy price," the commander said; "this aggression will not go unanswered"; "the
attackers will face the consequences"; "any incursion will be met with force"; "you will regret it".
The clause's subject is the one warned (the recipient), not the doer: the doer is the speaker, the
subject of the verb of saying or warning above it, else (``SPEAKER_RULE``, in ``events.build``) the
speaker of the quote it is in. Only a future or
conditional clause that someone says threatens ("will", "shall", "would", "is going to"; under a
reporting verb or in a quote); "they paid a heavy price" is a report of losses, "consumers will pay
higher prices" a cost, "our people will pay the price" a lament, no event. A negation belongs to the wording ("will not go unpunished"), so the
threat stands with status future. The verbs and their words are ``events.retribution`` in
``words/events.tsv``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique import claims, data, syntax
from communique.events.found import Found, Scan
from communique.events.patterns import code_of

if TYPE_CHECKING:
    from spacy.tokens import Token

SPEAKER_RULE = "events.retribution"
FUTURE_AUX = frozenset({"will", "shall", "would", "'ll", "wo"})
QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")
UTTER_VERBS = frozenset({"warn", "vow", "threaten", "pledge", "promise", "caution", "declare", "announce"})
PRICE_WORDS = frozenset({"the", "heavy", "steep", "high", "terrible", "painful", "bitter", "dear", "huge", "hefty"})


def _words(t: Token) -> list[str]:
    """What a retribution verb says its subject gets: objects, adverbs, complements, with-phrases."""
    out = [c for c in t.children if c.dep_ in ("dobj", "advmod", "acomp", "oprd", "xcomp", "ccomp")]
    out += syntax.prep_objects(t, ("with", "by"))
    return [w for c in out for w in (c.lemma_.lower(), c.lower_)]


def utterer(t: Token) -> Token | None:
    """The nearest verb of saying or warning above ``t`` ("the minister said ...", "the general
    warned that ..."), or None."""
    cues = claims.cues()
    for a in t.ancestors:
        lemma = a.lemma_.lower()
        if cues.get(lemma) == "report" or lemma in UTTER_VERBS:
            return a
    return None


def _uttered(t: Token) -> bool:
    """The clause is someone's word: under a verb of saying or in a sentence with quotation marks."""
    return utterer(t) is not None or any(q in t.sent.text for q in QUOTE_MARKS)


def _price_threat(t: Token) -> bool:
    """"will pay a heavy price" or "the price" threatens; "will pay higher prices" is a cost."""
    for o in syntax.children(t, ("dobj",)):
        if o.lemma_.lower() == "price":
            mods = {c.lower_ for c in o.children if c.dep_ in ("amod", "det")}
            return bool(mods & PRICE_WORDS) and o.tag_ == "NN"
    return True


def _future(t: Token) -> bool:
    auxes = {c.lower_ for c in syntax.children(t, ("aux", "auxpass"))}
    going = t.dep_ == "xcomp" and t.head.lower_ == "going"
    return bool(auxes & FUTURE_AUX) or going


def retribution(t: Token, scan: Scan) -> Found | None:
    """The threat said by ``t`` when it is a retribution verb in a future clause with its words."""
    wanted = data.word_map("events.retribution").get(t.lemma_.lower())
    if wanted is None or t.pos_ not in ("VERB", "AUX") or t.i in scan.consumed or not _future(t):
        return None
    words = set(wanted.split("|"))
    if "*" not in words and not words & set(_words(t)):
        return None
    if not _uttered(t) or not _price_threat(t):
        return None
    code = code_of("130", None)
    if code is None:
        return None
    f = Found(t, t, code, SPEAKER_RULE, confidence=0.7)
    verb = utterer(t)
    f.actor_heads = syntax.children(verb, ("nsubj",)) if verb is not None else []
    warned = [s for s in syntax.children(t, ("nsubj", "nsubjpass")) if s.lower_ not in ("it", "this", "that")]
    if any(s.lower_ in ("we", "i") or syntax.possessors(s, pronouns=True) and any(p.lower_ in ("our", "my") for p in syntax.possessors(s, pronouns=True)) for s in warned):
        return None  # "our people will pay the price": a lament, no threat
    if verb is not None and any(s.lower_ == "you" for s in warned):  # '"You will regret it," he told the rebels'
        warned = syntax.children(verb, ("dobj", "dative"))
    f.recipient_heads = warned
    if syntax.children(t, ("neg",)):
        f.status = "future"  # "will not go unpunished": the negation is the wording's own
    return f


def retribution_pass(scan: Scan) -> None:
    """Every warning of retribution in the sentence not yet consumed."""
    for t in scan.toks:
        f = retribution(t, scan)
        if f is not None:
            scan.add(f, t.i)
