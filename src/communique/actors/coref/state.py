"""The state of one coreference pass: the actor table, the recent mentions, and the document layer.

A ``Resolver`` is built once per article from the actors found so far. The rules of the other modules
read and extend it: ``push`` records a mention in text order, ``mention`` adds one to an actor,
``candidates`` lists the recent actors a pronoun or a noun may stand for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique import data
from communique.actors.names import lexicon
from communique.actors.table import ActorEntry, ActorTable
from communique.records import Actor, ActorType, MentionKind
from communique.syntax import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from communique.document import Document

INDEFINITE = data.words("actors.indefinite")
# "the mayor was bending the facts when he said ...": a clause these open is no parenthetical report
SUBORDINATORS = data.words("actors.subordinators")
NAME_PREPS = ("for", "of", "at", "from", "with", "close", "familiar")


@dataclass
class Recent:
    """One mention pushed in text order: its root token, sentence, actor, and where it stood."""

    token: int
    sent: int
    work: int
    subject: bool
    quoted: bool
    speaker: bool = False
    latest_subject: bool = False  # the latest mention itself is a subject (not any mention gathered)


class Resolver:
    """What a coreference pass knows about one article while its rules run in text order."""

    def __init__(self, document: Document, actors: list[Actor]) -> None:
        self.doc = document.doc
        self.text = document.text  # cached by the document layer: ``Doc.text`` joins every token on each call
        self.lex = lexicon()
        self.table = ActorTable(actors, self.doc)
        self.sent_of = document.sent_of
        self.quoted = document.quoted
        self.noise = document.noise
        self.recent: list[Recent] = []
        self.placelike: dict[int, bool] = {}
        self.counts: dict[int, int] = {}
        self.cue_verbs = frozenset(document.cues.verbs)
        self.cue_nouns = frozenset(document.cues.nouns)

    @property
    def owner(self) -> dict[int, int]:
        """Token index -> actor index, for tokens inside a mention."""
        return self.table.owner

    def work(self, index: int) -> ActorEntry:
        return self.table[index]

    def new(self, name: str, type_: ActorType, provenance: str, country: str | None = None) -> int:
        return self.table.new(name, type_, provenance, country)

    def mention(self, work: int, tokens: list[Token], kind: MentionKind) -> None:
        self.table.add_tokens(work, tokens, kind)

    def link(self, work: int, t: Token, tokens: list[Token], kind: MentionKind) -> None:
        """``tokens`` (headed by ``t``) are a mention of actor ``work``, pushed as its latest mention."""
        self.table.add_tokens(work, tokens, kind)
        self.push(t, work)

    def is_cue(self, verb: Token) -> bool:
        return verb.lemma_.lower() in self.cue_verbs

    def push(self, token: Token, work: int) -> None:
        """Record a mention of actor ``work`` at ``token`` in text order, with where it stands."""
        if self.noise[token.i]:
            return  # captions, credits and link lines name people who are not in the story's thread
        subject = token.dep_ in SUBJECT_DEPS or (token.dep_ in ("compound", "flat") and token.head.dep_ in SUBJECT_DEPS)
        head = token.head if token.dep_ in SUBJECT_DEPS else token.head.head
        speaker = subject and head.lemma_.lower() in self.cue_verbs
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            speaker = True
        self.recent.append(Recent(token.i, self.sent_of[token.i], work, subject, self.quoted[token.i], speaker))
        self.counts[work] = self.counts.get(work, 0) + 1

    def core(self, head: Token) -> list[Token]:
        """Determiner, pre-modifiers and the head noun: "the Russian foreign ministry's spokeswoman"."""
        left = [t for t in head.lefts if t.dep_ not in ("punct", "cc", "preconj")]
        start = min([t.left_edge.i for t in left], default=head.i)
        toks = list(self.doc[start : head.i + 1])
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        return toks or [head]

    def name_tokens(self, head: Token) -> list[Token]:
        """The words that name an unnamed actor: pre-modifiers and head, plus a short "for/of/at" phrase."""
        toks = [t for t in self.core(head) if t.dep_ not in ("det", "predet") and t.lower_ not in INDEFINITE]
        toks = [t for t in toks if not (t.dep_ == "poss" and t.pos_ == "PRON")]
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in NAME_PREPS:
                sub = list(child.subtree)
                if len(sub) <= 7:
                    toks += sub
                break
            if child.dep_ == "amod" and child.lower_ in ("close", "familiar"):
                sub = list(child.subtree)
                if len(sub) <= 8:
                    toks += sub
                break
        return toks or [head]

    def candidates(self, t: Token, accept: tuple[str, ...], window: int, limit: int = 3) -> list[Recent]:
        """Distinct actors mentioned in the last ``window`` sentences, most recent first; the subject and
        speaker flags gather every mention of the actor within two sentences of its latest one.

        Mentions quoted when ``t`` is not, inside what ``t``'s own cue reports, of another type, or of a town
        ("Avdiivka", "Surrey": no antecedent for they/it) are passed over.
        """
        si = self.sent_of[t.i]
        quoted = self.quoted[t.i]
        found: dict[int, Recent] = {}
        order: list[int] = []
        excluded = self.content_spans(t)
        for r in reversed(self.recent):
            if si - r.sent > window:
                break
            if (r.quoted and not quoted) or any(a <= r.token <= b for a, b in excluded):
                continue
            w = self.table[r.work]
            if w.type not in accept or w.provenance == "actors.gazetteer_place":
                continue
            first = found.get(r.work)
            if first is None:
                if len(order) >= limit:
                    continue
                found[r.work] = Recent(r.token, r.sent, r.work, r.subject, r.quoted, r.speaker, r.subject)
                order.append(r.work)
            elif first.sent - r.sent <= 2:
                first.subject = first.subject or r.subject
                first.speaker = first.speaker or r.speaker
        return [found[w] for w in order]

    def content_spans(self, t: Token) -> list[tuple[int, int]]:
        """Token ranges the own cue of ``t`` reports, where no antecedent of ``t`` stands.

        A subject of a cue verb placed after a report ("The crews left at dawn, she said") has no antecedent
        in that report; unless its verb is itself the report of an earlier cue ("Tamsin Oduya said she did
        not expect delays") or opens a subordinate clause ("... when he said").
        """
        if t.dep_ not in SUBJECT_DEPS or not self.is_cue(t.head):
            return []
        verb = t.head
        spans = [(c.left_edge.i, c.right_edge.i) for c in verb.children if c.dep_ == "ccomp" and c.i < t.i]
        reported = verb.dep_ == "ccomp" and verb.head.i < verb.i and self.is_cue(verb.head)
        subordinate = any(c.dep_ in ("mark", "advmod") and c.i < t.i and c.lower_ in SUBORDINATORS for c in verb.children)
        if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i != verb.i and not reported and not subordinate:
            spans.append((verb.head.left_edge.i, verb.left_edge.i - 1))
        return spans


def text_of(tokens: list[Token]) -> str:
    """The words of ``tokens`` as written, with a single space wherever the text had any gap."""
    out = ""
    for i, t in enumerate(tokens):
        out += t.text
        if i + 1 < len(tokens):
            nxt = tokens[i + 1]
            out += "" if (nxt.i == t.i + 1 and not t.whitespace_) else " "
    return out.strip()
