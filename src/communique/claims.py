"""Event status: asserted / reported / alleged / negated / hypothetical / future.

The status of an event trigger comes from the dependency parse around it: negation and modal
auxiliaries on the trigger, the clause it sits in (``if``/``unless``), the verbs that embed it
("plans to", "failed to", "claimed that", "X said that ..."), hedging adverbs ("reportedly") and
"according to X". The cue words are data (``data/status_cues.tsv``). ``assess`` only reads the
``Doc``; the events stage maps the source token to an actor and handles quotes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique import data
from communique.records import EventStatus

if TYPE_CHECKING:
    from spacy.tokens import Token

# the order in which one status overrides another when several cues apply
PRIORITY: tuple[EventStatus, ...] = ("negated", "hypothetical", "future", "alleged", "reported", "asserted")
CLAUSE_UP = ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "pobj", "prep", "csubj", "parataxis")


@functools.cache
def cues() -> dict[str, str]:
    """Cue lemma -> kind (report, allege, neg, hypo, future, fail)."""
    return {row[0]: row[1] if len(row) > 1 else "" for row in data.rows("status_cues.tsv")}


@dataclass(frozen=True, slots=True)
class Claim:
    """The status of one trigger, and the token of whoever it rests on (reported/alleged)."""

    status: EventStatus
    source: Token | None = None  # head of the attributing phrase ("police" in "police said")
    cue: Token | None = None  # the word that decided it
    rule: str = "claims.default"
    reporter: Token | None = None  # subject of the nearest reporting verb, whatever the status


def _kind(tok: Token) -> str | None:
    table = cues()
    if tok.lemma_.lower() == "make" and any(c.lower_ == "clear" for c in tok.children):
        return "report"  # "X made it clear (that) ..."
    return table.get(tok.lower_) or table.get(tok.lemma_.lower())


def _subject(verb: Token) -> Token | None:
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subs:  # the nearest before the verb: a dateline ("ADEN, June 12 (Wire) - X said") is none
        before = [c for c in subs if c.i < verb.i]
        return before[-1] if before else subs[0]
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _local(tok: Token) -> tuple[str, Token] | None:
    """Cues attached to the trigger itself: negation, modal auxiliaries, hedges, condition marks."""
    found: tuple[str, Token] | None = None
    has_if = False
    would: Token | None = None
    for c in tok.children:
        kind = _kind(c)
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ == "advmod" and c.lower_ == "never"):
            return ("negated", c)
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in ("nobody", "none", "nothing", "neither")
            or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            or (c.lower_ == "one" and any(d.lower_ == "no" for d in c.children))
        ):
            return ("negated", c)  # "No weapon was recovered", "Nobody hurried"
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            has_if = True
            found = found or ("hypothetical", c)
        elif c.dep_ in ("aux", "auxpass") and kind in ("future", "hypo"):
            if c.lower_ in ("would", "'d"):
                would = c
            elif kind == "hypo":
                found = ("hypothetical", c)
            elif found is None:
                found = ("future", c)
        elif c.dep_ in ("advmod", "amod") and kind == "allege" and found is None:
            found = ("alleged", c)  # "reportedly attacked", "the alleged police firing"
    if found is not None and found[0] == "future" and any(
        g.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in g.children) for g in tok.children
    ):
        return ("hypothetical", found[1])  # "Israel will strike if Iran enriches ...": a conditional threat
    if would is not None:
        # "would" under an if-clause is counterfactual; in reported speech it is a future
        counterfactual = has_if or any(
            g.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in g.children) for g in tok.children
        )
        if counterfactual or any(c.lower_ == "have" and c.dep_ == "aux" for c in tok.children):
            return ("hypothetical", would)
        found = found or ("future", would)
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children):
        return ("hypothetical", tok)
    if tok.dep_ in ("acl", "advcl") and tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # "a decision to expel", "opened fire to disperse": an aim, not (yet) a fact
        found = found or ("hypothetical", tok)
    if tok.head is not tok and tok.head.lower_ in ("going",) and tok.dep_ == "xcomp":
        found = found or ("future", tok.head)
    if tok.dep_ == "advcl" and tok.tag_ in ("VBP", "VBZ", "VB") and any(
        c.dep_ == "mark" and c.lower_ in ("before", "until", "till", "once") for c in tok.children
    ):
        found = found or ("future", tok)  # "before they demobilize": not yet done
    return found


def _according(tok: Token) -> Token | None:
    """The source of an "according to X" attached to the trigger's clause."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            for to in c.children:
                for g in to.children:
                    if g.dep_ == "pobj":
                        return g
    return None


def assess(tok: Token) -> Claim:
    """The status of the event whose trigger is ``tok`` (verb or event noun)."""
    best: Claim | None = None

    def offer(claim: Claim) -> None:
        nonlocal best
        if best is None or PRIORITY.index(claim.status) < PRIORITY.index(best.status):
            best = claim

    local = _local(tok)
    if local:
        offer(Claim(local[0], cue=local[1], rule="claims.local_" + local[0]))  # type: ignore[arg-type]
        if local[0] == "negated":
            return Claim("negated", cue=local[1], rule="claims.local_negated", reporter=_reporter(tok))
    cur = tok
    # a nominal trigger takes the status of the verb it hangs on ("launched an offensive")
    steps = 0
    reported = False
    while cur.head is not cur and steps < 8:
        steps += 1
        dep, head = cur.dep_, cur.head
        if dep == "conj" and cur.tag_ in ("VB", "VBP") and any(c.dep_ == "xcomp" and c.i < cur.i for c in head.children):
            dep = "xcomp"  # "are meant to release X, allow Y": a bare verb shares the first infinitive's governor
        src = _according(cur)
        if src is not None and not reported:
            offer(Claim("reported", src, cur, "claims.according_to"))
            reported = True
        kind = _kind(head)
        if dep in ("xcomp", "ccomp", "pcomp", "advcl", "acl", "conj", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "relcl", "attr", "oprd", "acomp", "csubj", "parataxis", "compound", "amod", "appos"):
            if kind == "report" and dep in ("ccomp", "xcomp", "parataxis", "dobj", "advcl") and not reported:
                offer(Claim("reported", _subject(head), head, "claims.reporting_verb"))
                reported = True
            elif kind == "allege" and dep in ("ccomp", "xcomp", "pcomp", "pobj", "prep", "dobj", "acl") and not reported:
                offer(Claim("alleged", _subject(head), head, "claims.hedging_verb"))
                reported = True
            elif kind == "fail" and dep == "xcomp":
                offer(Claim("negated", cue=head, rule="claims.failed_to"))
            elif kind == "future" and dep == "xcomp":
                offer(Claim("future", cue=head, rule="claims.intent_verb"))
            elif kind == "consider" and dep in ("xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep"):
                offer(Claim("hypothetical", cue=head, rule="claims.considered"))
            elif kind == "hypo" and dep in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
                offer(Claim("hypothetical", cue=head, rule="claims.modal_verb"))
            if dep in ("ccomp", "xcomp", "advcl", "conj") and head.pos_ in ("VERB", "AUX"):
                up = _local(head)
                if up and up[0] in ("negated",) and dep == "xcomp" and kind in ("future", "hypo"):
                    offer(Claim("negated", cue=up[1], rule="claims.negated_intent"))
                elif up and up[0] == "hypothetical" and dep in ("conj", "xcomp"):
                    offer(Claim("hypothetical", cue=up[1], rule="claims.inherited_condition"))
                elif up and up[0] == "future" and dep in ("conj", "xcomp"):
                    offer(Claim("future", cue=up[1], rule="claims.inherited_future"))
                elif up and up[0] == "alleged":
                    offer(Claim("alleged", cue=up[1], rule="claims.inherited_hedge"))
            if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children):
                offer(Claim("hypothetical", cue=cur, rule="claims.condition_clause"))
        if dep == "relcl":
            break  # a relative clause's own tense and polarity decide it, not the main clause's
        if dep in ("xcomp", "dobj") and head.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in head.children):
            offer(Claim("negated", cue=head, rule="claims.negated_governor"))
        cur = head
    src = _according(cur)
    if src is not None and not reported:
        offer(Claim("reported", src, cur, "claims.according_to"))
    final = best or Claim("asserted")
    return Claim(final.status, final.source, final.cue, final.rule, _reporter(tok))


def _reporter(tok: Token) -> Token | None:
    """The subject of the nearest reporting verb above ``tok`` ("Syria says it ..." -> Syria)."""
    cur = tok
    for _ in range(8):
        if cur.head is cur:
            return None
        if cur.dep_ in ("ccomp", "xcomp", "parataxis") and _kind(cur.head) in ("report", "allege"):
            return _subject(cur.head)
        cur = cur.head
    return None
