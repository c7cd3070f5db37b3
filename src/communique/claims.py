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

from communique import data, syntax
from communique.records import EventStatus

if TYPE_CHECKING:
    from spacy.tokens import Token

# the order in which one status overrides another when several cues apply
PRIORITY: tuple[EventStatus, ...] = ("negated", "hypothetical", "future", "alleged", "reported", "asserted")
# the dependencies through which a governing word's cue reaches the trigger below it
GOVERNED_DEPS = frozenset({
    "xcomp", "ccomp", "pcomp", "advcl", "acl", "conj", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "relcl",
    "attr", "oprd", "acomp", "csubj", "parataxis", "compound", "amod", "appos",
})
MAX_STEPS = 8


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
    """Whom a reporting or hedging verb rests on: its nearest subject (a dateline before it is none:
    "OSLO, June 12 (Wire) - The ministry said"), a passive's agent, else the subject of the verb it
    is coordinated with or governed by."""
    subj = syntax.nearest_subject(verb)
    if subj is not None:
        return subj
    agents = syntax.passive_agents(verb)
    if agents:
        return agents[0]
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
    if found is not None and found[0] == "future" and any(g.dep_ == "advcl" and syntax.is_condition_clause(g) for g in tok.children):
        return ("hypothetical", found[1])  # "Israel will strike if Iran enriches ...": a conditional threat
    if (would is not None or (found is not None and found[0] == "future")) and _consequence(tok):
        return ("hypothetical", would or (found[1] if found else tok))  # "the cut would prompt a strike"
    if would is not None:
        # "would" under an if-clause is counterfactual; in reported speech it is a future
        counterfactual = has_if or any(g.dep_ == "advcl" and syntax.is_condition_clause(g) for g in tok.children)
        if counterfactual or any(c.lower_ == "have" and c.dep_ == "aux" for c in tok.children):
            return ("hypothetical", would)
        found = found or ("future", would)
    if syntax.is_condition_clause(tok):
        return ("hypothetical", tok)  # "if the rebels attack", "as long as the army withdraws", "provided that ..."
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


INDEFINITE = frozenset({"a", "an", "any", "another", "such"})


def _conditional_subject(tok: Token) -> Claim | None:
    """An indefinite event noun that is the subject of a prediction is a condition, not a fact: "a
    strike on the dam would provoke retaliation", "any incursion will trigger a response", "an
    attack on the convoy could start a war", "strikes on the port might push prices up". With
    "will" only a verb of causing predicts ("an attack will be investigated" stays as it is)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss", "nummod")]
    if dets and dets[0] not in INDEFINITE or (not dets and tok.tag_ != "NNS"):
        return None
    for c in syntax.children(tok.head, ("aux",)):
        if c.lower_ in ("would", "'d", "could", "might") or (c.lower_ in ("will", "'ll") and _consequence(tok.head)):
            return Claim("hypothetical", cue=c, rule="claims.conditional_subject")
    return None


def _consequence(tok: Token) -> bool:
    """A predicted consequence ("would/will" with a verb of causing) is a conditional, not an
    announced act: "the wage cut would prompt workers to strike", "any incursion will trigger a
    response", "a collapse of the talks would lead the rebels to attack"."""
    return tok.lemma_.lower() in data.words("claims.consequence_verbs")


def _according(tok: Token) -> Token | None:
    """The source of an "according to X" attached to the trigger's clause."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            for to in c.children:
                for g in to.children:
                    if g.dep_ == "pobj":
                        return g
    return None


class _Best:
    """The strongest status offered so far (``PRIORITY``: negated beats hypothetical ... asserted)."""

    def __init__(self) -> None:
        self.claim: Claim | None = None

    def offer(self, claim: Claim | None) -> None:
        if claim is None:
            return
        if self.claim is None or PRIORITY.index(claim.status) < PRIORITY.index(self.claim.status):
            self.claim = claim


def assess(tok: Token) -> Claim:
    """The status of the event whose trigger is ``tok`` (verb or event noun): the cues on the
    trigger itself, then those of the words governing it, up to a relative clause."""
    best = _Best()
    local = _local(tok)
    if local:
        best.offer(Claim(local[0], cue=local[1], rule="claims.local_" + local[0]))  # type: ignore[arg-type]
        if local[0] == "negated":
            return Claim("negated", cue=local[1], rule="claims.local_negated", reporter=_reporter(tok))
    best.offer(_conditional_subject(tok))
    cur, reported = _walk_up(tok, best)
    best.offer(_gapped_cue(tok))
    src = _according(cur)
    if src is not None and not reported:
        best.offer(Claim("reported", src, cur, "claims.according_to"))
    trailing = _trailing_report(cur) if not reported else None
    if trailing is not None:
        best.offer(Claim("reported", _subject(trailing), trailing, "claims.trailing_attribution"))
    final = best.claim or Claim("asserted")
    return Claim(final.status, final.source, final.cue, final.rule, _reporter(tok))


def _walk_up(tok: Token, best: _Best) -> tuple[Token, bool]:
    """Offer the cues of each word above ``tok`` (a nominal trigger takes the status of the verb it
    hangs on: "launched an offensive"); returns where the walk stopped and whether a source was found."""
    cur = tok
    reported = False
    for _ in range(MAX_STEPS):
        if cur.head is cur:
            break
        dep, head = _step_dep(cur), cur.head
        src = _according(cur)
        if src is not None and not reported:
            best.offer(Claim("reported", src, cur, "claims.according_to"))
            reported = True
        if dep in GOVERNED_DEPS:
            kind = _kind(head)
            cue = _governor_cue(dep, head, kind, reported)
            best.offer(cue)
            reported = reported or (cue is not None and cue.status in ("reported", "alleged"))
            best.offer(_inherited(dep, head, kind))
            best.offer(_condition_clause(dep, cur))
        if dep == "relcl":
            break  # a relative clause's own tense and polarity decide it, not the main clause's
        best.offer(_negated_governor(dep, head))
        cur = head
    return cur, reported


def _gapped_cue(tok: Token) -> Claim | None:
    """A claim or report verb inside a relative clause, left without its complement by the parser,
    covers the subjectless verb right after it: what the relative pronoun is said to have done or
    undergone.

    "four men, who they allege were tortured by the police" (alleged, on their word); "two men who,
    witnesses claim, had beaten a guard"; "the convoy, which officials say was hit by a drone"
    (reported).
    """
    if tok.pos_ not in ("VERB", "AUX") or syntax.subjects(tok):
        return None
    before = [t for t in tok.sent if t.i < tok.i and t.dep_ == "relcl" and not _has_complement(t)]
    if not before:
        return None
    cue = before[-1]
    kind = _kind(cue)
    if kind not in ("report", "allege") or any(t.pos_ == "VERB" for t in cue.doc[cue.i + 1 : tok.i]):
        return None
    return Claim("alleged" if kind == "allege" else "reported", _subject(cue), cue, "claims.gapped_cue")


def _has_complement(verb: Token) -> bool:
    """A clause or an object other than the relative pronoun itself ("who, their families claim,")."""
    return any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.tag_ not in ("WP", "WDT")) for c in verb.children)


def _trailing_report(root: Token) -> Token | None:
    """A sentence-final attribution the parser coordinated with the clause it attributes.

    "The men were killed in separate attacks, a security official and the military said": "said" as
    a conjunct of "killed"; "Two shells hit the market, police said" parses as a plain report.
    """
    for c in root.children:
        if c.dep_ != "conj" or c.i < root.i or _kind(c) != "report" or not syntax.subjects(c, ("nsubj",)):
            continue
        if syntax.children(c, ("ccomp", "dobj", "xcomp")):
            continue
        if all(t.is_punct for t in c.sent if t.i > c.i):
            return c
    return None


def _step_dep(cur: Token) -> str:
    """The dependency of ``cur`` on its head; a bare verb coordinated with an infinitive shares the
    infinitive's governor ("are meant to release the prisoners, allow visits": "allow" is an xcomp)."""
    if cur.dep_ == "conj" and cur.tag_ in ("VB", "VBP") and any(c.dep_ == "xcomp" and c.i < cur.i for c in cur.head.children):
        return "xcomp"
    return cur.dep_


def _governor_cue(dep: str, head: Token, kind: str | None, reported: bool) -> Claim | None:
    """The status a governing word's own cue gives what it governs.

    "Police said the convoy was attacked" (reported), "Rebels allegedly ..." (alleged), "The talks
    failed to produce a deal" (negated), "Ruritania plans to hold a vote" (future), "The cabinet is
    considering sanctions" (considered), "Freedonia may have to withdraw" (hypothetical).
    """
    if kind == "report" and dep in ("ccomp", "xcomp", "parataxis", "dobj", "advcl") and not reported:
        return Claim("reported", _subject(head), head, "claims.reporting_verb")
    if kind == "allege" and dep in ("ccomp", "xcomp", "pcomp", "pobj", "prep", "dobj", "acl") and not reported:
        return Claim("alleged", _subject(head), head, "claims.hedging_verb")
    if kind == "fail" and dep == "xcomp":
        return Claim("negated", cue=head, rule="claims.failed_to")
    if kind == "future" and dep == "xcomp":
        return Claim("future", cue=head, rule="claims.intent_verb")
    if kind == "consider" and dep in ("xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep"):
        return Claim("hypothetical", cue=head, rule="claims.considered")
    if kind == "hypo" and dep in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        return Claim("hypothetical", cue=head, rule="claims.modal_verb")
    return None


def _inherited(dep: str, head: Token, kind: str | None) -> Claim | None:
    """A clause inherits the local status of the verb it is governed by or coordinated with.

    "Ruritania did not plan to attack" (negated intent), "If talks resume, both sides would meet and
    sign" (inherited condition), "The army will regroup and attack" (inherited future).
    """
    if dep not in ("ccomp", "xcomp", "advcl", "conj") or head.pos_ not in ("VERB", "AUX"):
        return None
    up = _local(head)
    if up is None:
        return None
    if up[0] == "negated" and dep == "xcomp" and kind in ("future", "hypo"):
        return Claim("negated", cue=up[1], rule="claims.negated_intent")
    if up[0] == "hypothetical" and dep in ("conj", "xcomp"):
        return Claim("hypothetical", cue=up[1], rule="claims.inherited_condition")
    if up[0] == "future" and dep in ("conj", "xcomp"):
        return Claim("future", cue=up[1], rule="claims.inherited_future")
    if up[0] == "alleged":
        return Claim("alleged", cue=up[1], rule="claims.inherited_hedge")
    return None


def _condition_clause(dep: str, cur: Token) -> Claim | None:
    """A condition clause is hypothetical: "if the rebels attack the town", "as long as the army
    withdraws", "provided that the government releases them", "on condition that Freedonia halts"."""
    if syntax.is_condition_clause(cur):
        return Claim("hypothetical", cue=cur, rule="claims.condition_clause")
    return None


def _negated_governor(dep: str, head: Token) -> Claim | None:
    """What a negated verb governs did not happen: "The army did not manage to enter the town"."""
    if dep in ("xcomp", "dobj") and head.pos_ in ("VERB", "AUX") and syntax.is_negated(head):
        return Claim("negated", cue=head, rule="claims.negated_governor")
    return None


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
