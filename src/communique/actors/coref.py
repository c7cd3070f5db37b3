"""Our own rule-based coreference: pronouns, titles, role nouns, organisations, unnamed groups.

One pass over the parse in text order keeps a list of recent mentions and resolves, conservatively:

- **titles and roles introduced with a name**: "Mr./Ms." and given names set a person's gender;
  pre-modifiers ("Chinese Foreign Minister Wang Yi") and appositives ("Maria Zakharova, the ministry's
  spokeswoman") record the role the person was introduced with, and the appositive becomes a mention;
- **role nouns** ("the spokesman", "the minister") link to the latest actor introduced with that role;
  an indefinite one ("A spokesman for the U.N. said") or one with no such actor is a new person;
- **organisation nouns** ("the ministry", "the government") link to the latest organisation whose name
  holds that noun, else become a new organisation;
- **unnamed groups** ("Israeli officials" -> group with country ISR; "sources close to the talks" ->
  unknown) become group actors, merged by name and linked by a later bare "the officials";
- **pronouns**: he/she to the nearest salient person of a compatible gender (title, given name, role noun
  or earlier pronouns), preferring subjects; mentions inside quotation marks are no antecedents for a
  pronoun outside them; they/them to groups and organisations; "it" (subject or possessive) to an
  organisation or country of the last two sentences. I/we/you are never resolved here.

Only noun phrases in argument positions (subjects, agents, "according to" objects, appositives) are
considered, which is where speakers and event actors stand. New actors get ids after the existing ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from communique import data
from communique.actors.gazetteer import gazetteer
from communique.actors.names import (
    FEMALE,
    GROUP_WORDS,
    MALE,
    NEUTER,
    PLURAL,
    TITLE_GENDER,
    TITLES,
    UNKNOWN_SOURCES,
    Gender,
    lexicon,
)
from communique.document import Document
from communique.records import Actor, ActorType, Mention, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "appos"})
INDEFINITE = data.words("actors.indefinite")
NON_ACTION_IT = data.words("actors.non_action_it")
WINDOW_SENTENCES = 10
# "the mayor was bending the facts when he said ...": a clause these open is no parenthetical report
SUBORDINATORS = data.words("actors.subordinators")
GENERIC_ORG_NOUNS = data.words("actors.generic_org_nouns")
NOT_EPITHETS = data.words("actors.not_epithets")
STATEMENT_NOUNS = data.words("actors.statement_nouns")
GENERIC_MODIFIERS = data.words("actors.generic_modifiers")


@dataclass
class _Work:
    """A mutable working copy of an actor while mentions are added."""

    id: str
    name: str
    type: ActorType
    mentions: list[Mention]
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    provenance: str = ""
    gender: Gender | None = None
    roles: set[str] = field(default_factory=set)
    spans: set[tuple[int, int]] = field(default_factory=set)

    def add(self, start: int, end: int, text: str, kind: MentionKind) -> None:
        if (start, end) not in self.spans:
            self.spans.add((start, end))
            self.mentions.append(Mention(start, end, text, kind))

    def freeze(self) -> Actor:
        return Actor(
            id=self.id, name=self.name, type=self.type, mentions=tuple(self.mentions), country=self.country,
            sector=self.sector, role=self.role, provenance=self.provenance,
        )


@dataclass
class _Recent:
    token: int
    sent: int
    work: int
    subject: bool
    quoted: bool
    speaker: bool = False
    latest_subject: bool = False  # the latest mention itself is a subject (not any mention gathered)


class _Resolver:
    def __init__(self, document: Document, actors: list[Actor]) -> None:
        doc = document.doc
        self.doc = doc
        self.lex = lexicon()
        self.works: list[_Work] = []
        self.owner: dict[int, int] = {}  # token index -> work index, for tokens inside a mention
        self.mention_root: dict[int, int] = {}  # root token of a mention -> work index
        self.mention_start: dict[int, int] = {}  # root token of a mention -> its first token
        for a in actors:
            w = _Work(a.id, a.name, a.type, list(a.mentions), a.country, a.sector, a.role, a.provenance)
            w.spans = {(m.start, m.end) for m in a.mentions}
            self.works.append(w)
            idx = len(self.works) - 1
            for m in a.mentions:
                self._index_mention(m.start, m.end, idx)
        self.sent_of = document.sent_of
        self.quoted = document.quoted
        self.noise = document.noise
        self.recent: list[_Recent] = []
        self._placelike: dict[int, bool] = {}
        self.counts: dict[int, int] = {}
        self.next_id = _next_id(actors)
        cues = document.cues
        self.cue_verbs = frozenset(cues.verbs)
        self.cue_nouns = frozenset(cues.nouns)
        self._surnames()

    def _surnames(self) -> None:
        """Bare surnames the entity recogniser missed ("Stubbs said") become mentions of the person."""
        last: dict[str, int] = {}
        for wi, w in enumerate(self.works):
            words = [x for x in w.name.split() if x.lower().rstrip(".") not in TITLES]
            if w.type == "person" and len(words) >= 2:
                last.setdefault(words[-1].lower(), wi)
        single = {w.name.lower(): wi for wi, w in enumerate(self.works) if w.type == "person" and len(w.name.split()) == 1}
        for t in self.doc:
            # "Moyra Baxter" the recogniser missed while it found "Baxter" later: the fuller name
            if t.pos_ == "PROPN" and t.lower_ in single and t.i not in self.owner:
                first = t.i
                while first > 0 and self.doc[first - 1].pos_ == "PROPN" and self.doc[first - 1].head.i == t.i \
                        and self.doc[first - 1].i not in self.owner and self.doc[first - 1].text[:1].isupper():
                    first -= 1
                if first < t.i:
                    wi = single[t.lower_]
                    start, end = self.doc[first].idx, t.idx + len(t.text)
                    self.works[wi].add(start, end, self.doc.text[start:end], "name")
                    self._index_mention(start, end, wi)
                    self.works[wi].name = self.doc.text[start:end]
                    if self.works[wi].gender is None:
                        self.works[wi].gender = self.lex.gender_of_name(self.works[wi].name)
                    last.setdefault(t.lower_, wi)
        if not last:
            return
        for t in self.doc:
            if t.pos_ == "PROPN" and t.i not in self.owner and t.lower_ in last:
                nb = [self.doc[j] for j in (t.i - 1, t.i + 1) if 0 <= j < len(self.doc)]
                if any(x.pos_ == "PROPN" and x.i not in self.owner for x in nb):
                    continue  # part of another, longer name
                prev = self.doc[t.i - 1] if t.i > 0 else None
                if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() \
                        and prev.lower_.rstrip(".") not in TITLES and prev.head.i == t.i:
                    continue  # "her husband Michael Greenspan": a relative with the same surname
                wi = last[t.lower_]
                self.works[wi].add(t.idx, t.idx + len(t.text), t.text, "name")
                self._index_mention(t.idx, t.idx + len(t.text), wi)

    # ---------------------------------------------------------------- helpers

    def _index_mention(self, start: int, end: int, work: int) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        for t in span:
            self.owner.setdefault(t.i, work)
        if span.root.i not in self.mention_root:
            self.mention_root[span.root.i] = work
            self.mention_start[span.root.i] = span.start

    def _new(self, name: str, type_: ActorType, provenance: str, country: str | None = None) -> int:
        w = _Work(f"A{self.next_id}", name, type_, [], country=country, provenance=provenance)
        self.next_id += 1
        self.works.append(w)
        return len(self.works) - 1

    def _mention(self, work: int, tokens: list[Token], kind: MentionKind) -> None:
        start = tokens[0].idx
        last = tokens[-1]
        end = last.idx + len(last.text)
        self.works[work].add(start, end, self.doc.text[start:end], kind)
        for t in tokens:
            self.owner.setdefault(t.i, work)

    def _core(self, head: Token) -> list[Token]:
        """Determiner, pre-modifiers and the head noun: "the Russian foreign ministry's spokeswoman"."""
        left = [t for t in head.lefts if t.dep_ not in ("punct", "cc", "preconj")]
        start = min([t.left_edge.i for t in left], default=head.i)
        toks = [t for t in self.doc[start : head.i + 1]]
        while toks and (toks[0].is_punct or toks[0].is_space):
            toks = toks[1:]
        return toks or [head]

    def _name_tokens(self, head: Token) -> list[Token]:
        """The words that name an unnamed actor: pre-modifiers and head, plus a short "for/of/at" phrase."""
        toks = [t for t in self._core(head) if t.dep_ not in ("det", "predet") and t.lower_ not in INDEFINITE]
        toks = [t for t in toks if not (t.dep_ == "poss" and t.pos_ == "PRON")]
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from", "with", "close", "familiar"):
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

    def _push(self, token: Token, work: int) -> None:
        if self.noise[token.i]:
            return  # captions, credits and link lines name people who are not in the story's thread
        subject = token.dep_ in SUBJECT_DEPS or (token.dep_ in ("compound", "flat") and token.head.dep_ in SUBJECT_DEPS)
        head = token.head if token.dep_ in SUBJECT_DEPS else token.head.head
        speaker = subject and head.lemma_.lower() in self.cue_verbs
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            speaker = True
        self.recent.append(_Recent(token.i, self.sent_of[token.i], work, subject, self.quoted[token.i], speaker))
        self.counts[work] = self.counts.get(work, 0) + 1

    # ---------------------------------------------------------------- pass 1: what names come with

    def introduce(self) -> None:
        doc = self.doc
        for w in self.works:
            if w.type != "person":
                continue
            for m in w.mentions:  # "Mr. Erdogan" with the title inside the entity
                first = m.text.split()[0].lower() if m.text.split() else ""
                if first in TITLE_GENDER:
                    w.gender = TITLE_GENDER[first]
                    break
            if w.gender is None:
                w.gender = self.lex.gender_of_name(w.name)
        for root_i, wi in list(self.mention_root.items()):
            w = self.works[wi]
            if w.type != "person":
                continue
            root = doc[root_i]
            span_start = self.mention_start[root_i]
            prev = doc[span_start - 1] if span_start > 0 else None
            if prev is not None and prev.lower_ in TITLE_GENDER and w.gender is None:
                w.gender = TITLE_GENDER[prev.lower_]
            # pre-modifying role: "Chinese Foreign Ministry spokesperson Lu Kang", "U.S. President Donald Trump"
            pre = [t for t in root.lefts if t.i < span_start and t.dep_ in ("compound", "amod", "nmod", "poss", "det")]
            if pre:
                start = min(t.left_edge.i for t in pre)
                phrase = [t for t in doc[start:span_start] if t.dep_ not in ("det", "punct", "case")]
                nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN") and self.lex.noun(t.lemma_)]
                if nouns:
                    for t in nouns:
                        w.roles.add(t.lemma_.lower())
                        g = self.lex.noun(t.lemma_)
                        if g and g[1] and w.gender is None:
                            w.gender = g[1]
                    if w.role is None:
                        w.role = _text(phrase) or None
            # appositive role: "Maria Zakharova, the Russian foreign ministry's spokeswoman"
            for child in root.children:
                if child.dep_ == "appos" and child.i not in self.owner and child.pos_ == "NOUN":
                    self._role_apposition(child, wi)
        # "the spokesman, Lu Kang," : role noun head with a name in apposition
        for t in doc:
            if t.dep_ == "appos" and t.i in self.mention_root and t.head.i not in self.owner and t.head.pos_ == "NOUN":
                wi = self.mention_root[t.i]
                if self.works[wi].type == "person":
                    self._role_apposition(t.head, wi)

    def _role_apposition(self, noun: Token, wi: int) -> None:
        info = self.lex.noun(noun.lemma_)
        if info is None or info[0] != "person":
            return
        w = self.works[wi]
        w.roles.add(noun.lemma_.lower())
        if info[1] and w.gender is None:
            w.gender = info[1]
        core = self._core(noun)
        if w.role is None:
            w.role = _text([t for t in core if t.dep_ != "det"]) or None
        self._mention(wi, core, "role")

    # ---------------------------------------------------------------- pass 2: in text order

    def run(self) -> None:
        doc = self.doc
        for t in doc:
            wi = self.mention_root.get(t.i)
            if wi is not None:
                self._push(t, wi)
                continue
            if t.i in self.owner:
                continue
            low = t.lower_
            if t.pos_ == "PRON":
                if low in MALE or low in FEMALE:
                    self._person_pronoun(t, "m" if low in MALE else "f")
                elif low in PLURAL:
                    self._plural_pronoun(t)
                elif low in NEUTER:
                    self._neuter_pronoun(t)
                continue
            if t.pos_ == "PROPN" and t.dep_ in SUBJECT_DEPS and self._is_cue(t.head):
                self._unlisted_name(t)
            elif t.pos_ in ("NOUN", "PROPN") and self._argument(t):
                self._nominal(t)

    def _unlisted_name(self, t: Token) -> None:
        """A proper-name speaker the entity recogniser missed ("Na'moks said"): a person."""
        toks = [c for c in t.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i not in self.owner]
        toks = [x for x in toks if x.i >= t.i - 3] + [t]
        if not t.text[:1].isalpha():
            return  # a stray mark the tagger took for a name
        if t.text.isupper() and len(t.text) > 1:
            return  # an acronym: an organisation the recogniser missed, left alone
        for c in t.subtree:  # "Keeper of the Ruler's Seal, Syed Danial Syed Ahmad, said": the named person
            if c.dep_ == "appos" and c.i > t.i and c.i in self.owner and self.works[self.owner[c.i]].type == "person" \
                    and (c.head.i == t.i or (c.head.dep_ == "pobj" and c.head.head.head.i == t.i)):
                self._push(t, self.owner[c.i])
                return
        words = {x.lower_ for x in toks}
        for wi, w in enumerate(self.works):
            if w.type in ("person", "unknown", "organization") and words <= {x.lower() for x in w.name.split()}:
                self._mention(wi, toks, "name")
                self._push(t, wi)
                return
        wi = self._new(_text(toks), "person", "coref.unlisted_name")
        self._mention(wi, toks, "name")
        self._push(t, wi)

    def _argument(self, t: Token) -> bool:
        if t.dep_ in ARG_DEPS:
            return True
        if t.dep_ == "pobj":
            prep = t.head
            if prep.lower_ == "by" and prep.dep_ == "agent":
                return True
            if prep.lower_ == "to" and prep.head.lower_ == "according":
                return True
        if t.dep_ == "conj" and t.head.dep_ in SUBJECT_DEPS:
            return True
        return False

    def _candidates(self, t: Token, accept: tuple[str, ...], window: int, limit: int = 3) -> list[_Recent]:
        """Distinct actors mentioned in the last ``window`` sentences, most recent first; the subject and
        speaker flags gather every mention of the actor within two sentences of its latest one."""
        si = self.sent_of[t.i]
        quoted = self.quoted[t.i]
        found: dict[int, _Recent] = {}
        order: list[int] = []
        excluded = self._content_spans(t)
        for r in reversed(self.recent):
            if si - r.sent > window:
                break
            if r.quoted and not quoted:
                continue
            if any(a <= r.token <= b for a, b in excluded):
                continue
            if self.works[r.work].type not in accept or self.works[r.work].provenance == "actors.gazetteer_place":
                continue  # a town ("Avdiivka", "Surrey") is no antecedent for they/it
            first = found.get(r.work)
            if first is None:
                if len(order) >= limit:
                    continue
                found[r.work] = _Recent(r.token, r.sent, r.work, r.subject, r.quoted, r.speaker, r.subject)
                order.append(r.work)
            elif first.sent - r.sent <= 2:
                first.subject = first.subject or r.subject
                first.speaker = first.speaker or r.speaker
        return [found[w] for w in order]

    def _not_a_person(self, wi: int) -> bool:
        """A "person" the recogniser made of a place or a product: its name is a known place, or it only
        ever stands where places and brands stand ("in Mississauga, Ont.", "the Kinder Morgan pipeline")."""
        cached = self._placelike.get(wi)
        if cached is not None:
            return cached
        w = self.works[wi]
        gaz = gazetteer()
        found = gaz.lookup(w.name) is not None or gaz.city(w.name) is not None
        if not found:
            roots = []
            for m in w.mentions:
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and m.kind == "name":
                    roots.append(span.root)
            found = bool(roots) and all(_place_slot(r) for r in roots)
        self._placelike[wi] = found
        return found

    def _person_pronoun(self, t: Token, gender: Gender) -> None:
        cands = [
            r for r in self._candidates(t, ("person",), WINDOW_SENTENCES, limit=5)
            if self.works[r.work].gender in (None, gender) and not self._not_a_person(r.work)
        ][:4]
        if t.dep_ in ("dobj", "dative", "pobj") and t.lower_ not in ("himself", "herself"):
            verb = t.head if t.dep_ != "pobj" else t.head.head
            cands = [r for r in cands if not (r.subject and self.doc[r.token].head.i == verb.i)]
        if not cands:
            return
        governor = self._governing_subject(t)
        counts = self.counts
        subject_sents = {r.sent for r in cands if r.latest_subject and self.sent_of[t.i] - r.sent <= 1}
        best = max(
            enumerate(cands),
            key=lambda ir: (
                (3.0 if ir[1].work == governor else 0.0)
                + (0.3 if self.works[ir[1].work].gender == gender else 0.0)
                + (1.0 if ir[1].subject else 0.0)
                + (0.8 if ir[1].speaker else 0.0)
                # "Lu Kang gave no details about Kim's schedule. But he said": the subject of the previous
                # sentence beats a name standing in it as object or possessor
                + (1.0 if ir[1].latest_subject and self.sent_of[t.i] - ir[1].sent <= 1 else 0.0)
                - (1.0 if not ir[1].latest_subject and ir[1].sent in subject_sents else 0.0)
                + 0.06 * min(counts.get(ir[1].work, 0), 10)
                - 0.9 * ir[0]
                - 0.15 * (self.sent_of[t.i] - ir[1].sent)
            ),
        )[1]
        w = self.works[best.work]
        if w.gender is None:
            w.gender = gender
        self._mention(best.work, [t], "pronoun")
        self._push(t, best.work)

    def _governing_subject(self, t: Token) -> int | None:
        """"Baxter said she understands": the subject of the verb whose complement holds the pronoun."""
        if t.dep_ not in SUBJECT_DEPS or self.quoted[t.i]:
            return None
        h = t.head
        for c in h.children:  # "Even though Greenspan has written books, she maintains ...": the same person
            if c.dep_ == "advcl" and c.i < t.i:
                subj = next((x for x in c.children if x.dep_ in SUBJECT_DEPS), None)
                owner = self.owner.get(subj.i) if subj is not None else None
                if owner is not None and self.works[owner].type == "person":
                    return owner
        for _ in range(3):
            if h.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or h.head.i == h.i:
                return None
            h = h.head
            subj = next((c for c in h.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                owner = self.owner.get(subj.i)
                if owner is not None and self.works[owner].type == "person":
                    return owner
                return None
        return None

    def _pick(self, t: Token, cands: list[_Recent], prefer: str) -> _Recent:
        return max(
            enumerate(cands),
            key=lambda ir: (
                (1.2 if ir[1].subject else 0.0)
                + (0.6 if self.works[ir[1].work].type == prefer else 0.0)
                - 0.7 * ir[0]
                - 0.1 * (self.sent_of[t.i] - ir[1].sent)
            ),
        )[1]

    def _plural_pronoun(self, t: Token) -> None:
        if t.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return
        cands = self._candidates(t, ("group", "organization", "unknown"), 4, limit=3)
        if not cands:
            return
        best = self._pick(t, cands, "group")
        self._mention(best.work, [t], "pronoun")
        self._push(t, best.work)

    def _neuter_pronoun(self, t: Token) -> None:
        if t.dep_ == "expl" or (t.dep_ in SUBJECT_DEPS and t.head.lemma_ in NON_ACTION_IT):
            return
        if t.dep_ not in ("nsubj", "poss"):
            return
        window = 6 if t.dep_ == "nsubj" and self._is_cue(t.head) else 2
        cands = self._candidates(t, ("organization", "country"), window, limit=3)
        # "it" is singular: "warships and coast guard vessels" are no antecedent
        cands = [c for c in cands if self.doc[c.token].tag_ not in ("NNS", "NNPS")]
        if not cands:
            return
        best = self._pick(t, cands, "organization")
        self._mention(best.work, [t], "pronoun")
        self._push(t, best.work)

    def _is_cue(self, verb: Token) -> bool:
        return verb.lemma_.lower() in self.cue_verbs

    def _content_spans(self, t: Token) -> list[tuple[int, int]]:
        """Token ranges the pronoun's own cue reports ("Macharia hid, he said"): no antecedents there."""
        if t.dep_ not in SUBJECT_DEPS or not self._is_cue(t.head):
            return []
        verb = t.head
        spans: list[tuple[int, int]] = []
        for c in verb.children:
            if c.dep_ == "ccomp" and c.i < t.i:
                spans.append((c.left_edge.i, c.right_edge.i))
        reported = verb.dep_ == "ccomp" and verb.head.i < verb.i and self._is_cue(verb.head)
        subordinate = any(c.dep_ in ("mark", "advmod") and c.i < t.i and c.lower_ in SUBORDINATORS for c in verb.children)
        if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i != verb.i and not reported and not subordinate:
            # "Macharia hid, he said": not "Na'moks said he didn't consider ...", where the pronoun's verb
            # is itself the report of the cue before it
            spans.append((verb.head.left_edge.i, verb.left_edge.i - 1))
        return spans

    def _epithet(self, t: Token, dets: set[str]) -> bool:
        """"The bow-tied maverick said": a definite description speaking right after a named person
        spoke is that person, unless the text introduced someone with that role."""
        if "the" not in dets or t.dep_ not in SUBJECT_DEPS or not self._is_cue(t.head):
            return False
        lemma = t.lemma_.lower()
        if lemma in NOT_EPITHETS or any(lemma in w.roles for w in self.works):
            return False
        cands = [
            r for r in self._candidates(t, ("person",), 4, limit=3)
            if self.works[r.work].provenance.startswith("actors.") and len(self.works[r.work].name.split()) >= 2
        ]
        if not cands:
            return False
        best = max(
            enumerate(cands),
            key=lambda ir: (
                (1.0 if ir[1].subject else 0.0) + (0.8 if ir[1].speaker else 0.0)
                + 0.1 * min(self.counts.get(ir[1].work, 0), 10) - 0.9 * ir[0]
            ),
        )[1]
        w = self.works[best.work]
        self._mention(best.work, self._core(t), "role")
        w.roles.add(lemma)
        self._push(t, best.work)
        return True

    def _statement(self, t: Token) -> None:
        """"A statement said ...": the statement speaks for whoever issued it (its owner, else the
        latest subject of the last three sentences)."""
        for c in t.subtree:
            if c.i != t.i and c.i in self.owner and (c.dep_ in ("poss", "compound") or c.head.lower_ in ("from", "by")):
                self._mention(self.owner[c.i], self._core(t), "other")
                return
        si = self.sent_of[t.i]
        for r in reversed(self.recent):
            if si - r.sent > 3:
                break
            if r.speaker and not r.quoted and self.works[r.work].type in ("organization", "person", "group", "country"):
                self._mention(r.work, self._core(t), "other")
                return

    def _org_antecedent(self, t: Token, lemma: str) -> int | None:
        """The organisation a definite "the ministry" / "the company" stands for, if one is near."""
        mods = [
            c.lower_ for c in t.lefts
            if c.dep_ in ("amod", "compound", "nmod") and c.lower_ not in GENERIC_MODIFIERS
        ]
        si = self.sent_of[t.i]
        generic = lemma in GENERIC_ORG_NOUNS
        best: int | None = None
        best_score = -1e9
        seen: set[int] = set()
        for r in reversed(self.recent):
            if si - r.sent > 12:
                break
            w = self.works[r.work]
            if w.type != "organization" or (r.quoted and not self.quoted[t.i]) or r.work in seen:
                continue
            seen.add(r.work)
            words = {x.strip(".,'") for x in w.name.lower().replace("-", " ").split()}
            if any(m not in words for m in mods):
                continue
            if lemma in words:
                return r.work
            last = w.name.lower().split()[-1] if w.name.split() else ""
            info = self.lex.noun(last)
            if info is not None and info[0] == "org" and last != lemma:
                continue  # "the union" is not "the Nova Scotia Health Authority"
            if generic:
                score = 2.0 * r.speaker + 1.0 * r.subject - 0.5 * len(seen) - 0.1 * (si - r.sent)
                if score > best_score:
                    best, best_score = r.work, score
        return best

    def _affiliation(self, head: Token) -> set[str]:
        """Whom a role noun's modifiers tie it to: countries and named bodies ("Israeli", "Hamas")."""
        gaz = gazetteer()
        out: set[str] = set()
        for child in head.lefts:
            if child.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            place = gaz.lookup(child.text)
            if place is not None:
                out.add(place.code)
            elif child.i in self.owner:
                w = self.works[self.owner[child.i]]
                out.add(w.country or w.id)
        return out

    def _other_affiliation(self, t: Token, holder: _Work) -> bool:
        """"An Israeli official ... Basem Naim, a senior Hamas official": the lead's role belongs to
        someone else when both role phrases name an affiliation and the two have nothing in common."""
        mine = self._affiliation(t)
        if not mine:
            return False
        theirs: set[str] = set()
        for m in holder.mentions:
            span = self.doc.char_span(m.start, m.end) if m.kind == "role" else None
            if span is not None:
                theirs |= self._affiliation(span.root)
        return bool(theirs) and not (mine & theirs)

    def _country_of(self, head: Token) -> str | None:
        gaz = gazetteer()
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                place = gaz.lookup(child.text)
                if place is None and child.i in self.owner:
                    w = self.works[self.owner[child.i]]
                    if w.type == "country" and w.country:
                        return w.country
                if place is not None:
                    return place.code
        return None

    def _nominal(self, t: Token) -> None:
        info = self.lex.noun(t.lemma_)
        low = t.lower_
        if t.lemma_.lower() in STATEMENT_NOUNS and t.dep_ in SUBJECT_DEPS:
            self._statement(t)
            return
        for c in t.children:  # "the British aid group Gatsby", "the group, Gatsby,"
            if c.dep_ in ("appos", "compound", "npadvmod") and c.i > t.i and c.i in self.owner:
                if any(x.pos_ in ("VERB", "AUX") for x in self.doc[t.i : c.i]):
                    continue
                wi = self.owner[c.i]
                w = self.works[wi]
                if info is not None and info[0] == "org" and w.type == "person" and w.gender is None \
                        and len(w.name.split()) == 1 and self.lex.gender_of_name(w.name) is None:
                    w.type = "organization"  # "the British aid group Gatsby": a one-word "person" named as a group
                if (w.type == "person") != (info is not None and info[0] == "person"):
                    continue  # "the business, ... Martin Legere": a person is no business
                self._mention(wi, self._core(t), "role" if self.works[wi].type == "person" else "other")
                self._push(t, wi)
                return
        plural = t.tag_ in ("NNS", "NNPS") or low in GROUP_WORDS
        if info is None and low not in GROUP_WORDS:
            if t.pos_ == "NOUN" and not plural and t.lemma_.lower() not in self.cue_nouns:
                self._epithet(t, {c.lower_ for c in t.lefts if c.dep_ in ("det", "predet")})
            return
        kind = info[0] if info else "group"
        dets = {c.lower_ for c in t.lefts if c.dep_ in ("det", "predet", "nummod")}
        if kind == "person" and not plural and self._epithet(t, dets):
            return
        indefinite = bool(dets & INDEFINITE) or (not dets and plural)
        core = self._core(t)
        if kind == "person" and plural:
            kind = "group"
        if kind == "person":
            lemma = t.lemma_.lower()
            if not indefinite:
                for r in reversed(self.recent):
                    if lemma in self.works[r.work].roles and self.works[r.work].type == "person":
                        self._mention(r.work, core, "role")
                        self._push(t, r.work)
                        return
                for wi, w in enumerate(self.works):
                    if lemma in w.roles and w.type == "person":
                        self._mention(wi, core, "role")
                        self._push(t, wi)
                        return
            elif not plural:
                # "A Vancouver hockey coach says ... Coach Stephen Gillis said": the lead's unnamed role
                # is the one person the article names with that role later, and no one before it
                holders = [wi for wi, w in enumerate(self.works) if w.type == "person" and lemma in w.roles]
                if len(holders) == 1 and not self._other_affiliation(t, self.works[holders[0]]):
                    first = min((m.start for m in self.works[holders[0]].mentions), default=-1)
                    if first > t.idx:
                        self._mention(holders[0], core, "role")
                        self._push(t, holders[0])
                        return
            name = _text(self._name_tokens(t))
            wi = self._new(name, "person", "coref.role_noun", country=self._country_of(t))
            w = self.works[wi]
            w.roles.add(lemma)
            w.gender = info[1] if info else None
            w.role = _text([x for x in core if x.dep_ != "det"]) or None
            self._mention(wi, core, "role")
            self._push(t, wi)
            return
        if kind == "group":
            lemma = t.lemma_.lower()
            country = self._country_of(t)
            name = _text(self._name_tokens(t))
            if not indefinite and not country:
                for r in reversed(self.recent):
                    w = self.works[r.work]
                    if w.type in ("group", "unknown") and lemma in w.roles:
                        self._mention(r.work, core, "group")
                        self._push(t, r.work)
                        return
            for wi, w in enumerate(self.works):
                if w.type in ("group", "unknown") and w.name.lower() == name.lower():
                    self._mention(wi, core, "group")
                    self._push(t, wi)
                    return
            type_: ActorType = "unknown" if lemma in UNKNOWN_SOURCES or low in UNKNOWN_SOURCES else "group"
            wi = self._new(name, type_, "coref.group", country=country)
            self.works[wi].roles.add(lemma)
            self._mention(wi, core, "group")
            self._push(t, wi)
            return
        # organisation noun: "the ministry", "Turkey's defence ministry", "the company"
        lemma = t.lemma_.lower()
        if t.pos_ == "PROPN":
            return  # a proper name NER missed is left to the stages that need it
        if not indefinite:
            found = self._org_antecedent(t, lemma)
            if found is not None:
                self._mention(found, core, "other")
                self._push(t, found)
                return
        name = _text(self._name_tokens(t))
        for wi, w in enumerate(self.works):
            if w.type == "organization" and w.name.lower() == name.lower():
                self._mention(wi, core, "other")
                self._push(t, wi)
                return
        wi = self._new(name, "organization", "coref.org_noun", country=self._country_of(t))
        self._mention(wi, core, "other")
        self._push(t, wi)


LOCATIVE_PREPS = data.words("actors.locative_preps")


def _place_slot(root: Token) -> bool:
    """Whether a name stands where places and brands stand: object of a locative preposition, the
    region after a city ("Mississauga, Ont."), or a modifier of a common noun ("the Kinder Morgan pipeline")."""
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return True
    t = root
    if t.dep_ in ("appos", "npadvmod", "conj") and t.i > 0 and t.doc[t.i - 1].text == ",":
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS


def _text(tokens: list[Token]) -> str:
    """The words of ``tokens`` as written, with a single space wherever the text had any gap."""
    out = ""
    for i, t in enumerate(tokens):
        out += t.text
        if i + 1 < len(tokens):
            nxt = tokens[i + 1]
            out += "" if (nxt.i == t.i + 1 and not t.whitespace_) else " "
    return out.strip()


def _next_id(actors: list[Actor]) -> int:
    best = 0
    for a in actors:
        if a.id.startswith("A") and a.id[1:].isdigit():
            best = max(best, int(a.id[1:]))
    return best + 1


def _name_words(text: str) -> set[str]:
    words = [w.strip(".,'\u2019").lower() for w in text.replace("\u2019s", "").replace("'s", "").split()]
    return {w for w in words if w and w not in TITLES and w != "the"}


def _retype_titled(a: Actor) -> Actor:
    """An "organisation" whose name ends in a title and a name ("Hereditary Chief Na'moks") is a person."""
    if a.type not in ("organization", "unknown"):
        return a
    words = a.name.split()
    lex = lexicon()
    for k in range(len(words) - 2, -1, -1):
        w = words[k].lower().rstrip(".")
        info = lex.noun(w)
        if w in TITLES or (info is not None and info[0] == "person"):
            rest = words[k + 1 :]
            if rest and all(x[:1].isupper() for x in rest) and not any(lex.noun(x.lower()) for x in rest):
                return replace(a, type="person", name=" ".join(rest), role=a.role or " ".join(words[: k + 1]))
            break
    return a


def split_shared_surnames(actors: list[Actor]) -> list[Actor]:
    """A bare surname two people share ("Greenspan" for Dorie and Michael Greenspan) belongs to the one
    last named in full before it (else the first named in full)."""
    persons = [a for a in actors if a.type == "person" and len(_name_words(a.name)) >= 2]
    by_surname: dict[str, list[Actor]] = {}
    for a in persons:
        by_surname.setdefault(a.name.split()[-1].lower(), []).append(a)
    shared = {k: v for k, v in by_surname.items() if len(v) >= 2}
    if not shared:
        return actors
    moves: dict[str, list[Mention]] = {}
    drop: set[tuple[str, int]] = set()
    for surname, people in shared.items():
        full = sorted(
            (m.start, p.id) for p in people for m in p.mentions if len(_name_words(m.text)) >= 2
        )
        if not full:
            continue
        for p in people:
            for m in p.mentions:
                if _name_words(m.text) != {surname}:
                    continue
                before = [pid for start, pid in full if start < m.start]
                target = before[-1] if before else full[0][1]
                if target != p.id:
                    moves.setdefault(target, []).append(m)
                    drop.add((p.id, m.start))
    if not moves:
        return actors
    return [
        replace(a, mentions=tuple(m for m in a.mentions if (a.id, m.start) not in drop) + tuple(moves.get(a.id, [])))
        for a in actors
    ]


CLITIC = re.compile(r"^[\u2019']s\s+")


def merge_clitic_names(actors: list[Actor]) -> list[Actor]:
    """"’s Trudeau" (a possessive the recogniser took into the name) is "Trudeau"; a bare surname person
    whose surname is that of exactly one person named in full is that person."""
    cleaned: list[Actor] = []
    for a in actors:
        m0 = CLITIC.match(a.name)
        if m0 is None:
            cleaned.append(a)
            continue
        mentions = []
        for m in a.mentions:
            cut = CLITIC.match(m.text)
            mentions.append(Mention(m.start + cut.end(), m.end, m.text[cut.end():], m.kind) if cut else m)
        cleaned.append(replace(a, name=a.name[m0.end():], mentions=tuple(mentions)))
    full: dict[str, list[int]] = {}
    for i, a in enumerate(cleaned):
        words = a.name.split()
        if a.type == "person" and len(words) >= 2:
            full.setdefault(words[-1].lower(), []).append(i)
    into: dict[int, list[Mention]] = {}
    gone: set[int] = set()
    for i, a in enumerate(cleaned):
        if a.type != "person" or len(a.name.split()) != 1 or not CLITIC.match(actors[i].name):
            continue
        targets = full.get(a.name.lower(), [])
        if len(targets) == 1:
            into.setdefault(targets[0], []).extend(a.mentions)
            gone.add(i)
    return [
        replace(a, mentions=a.mentions + tuple(into.get(i, []))) for i, a in enumerate(cleaned) if i not in gone
    ]


def split_relatives(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """"her husband Michael Greenspan" grouped by surname with Dorie Greenspan: a bare surname right after
    another given name is that other person, a new actor named in full (merged by name when repeated)."""
    out = list(actors)
    made: dict[str, int] = {}
    next_id = _next_id(actors)
    for ai, a in enumerate(list(out)):
        words = a.name.split()
        if a.type != "person" or len(words) < 2:
            continue
        keep: list[Mention] = []
        for m in a.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            prev = doc[span.start - 1] if span is not None and span.start > 0 else None
            if (
                span is not None and len(span) == 1 and m.text.lower() == words[-1].lower() and prev is not None
                and prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON" and prev.text[:1].isupper()
                and prev.lower_.rstrip(".") not in TITLES and prev.lower_ != words[0].lower()
                and doc.text[prev.idx + len(prev.text) : m.start] == " "
            ):
                name = doc.text[prev.idx : m.end]
                if name not in made:
                    out.append(Actor(id=f"A{next_id}", name=name, type="person", mentions=(), provenance="coref.relative"))
                    made[name] = len(out) - 1
                    next_id += 1
                k = made[name]
                out[k] = replace(out[k], mentions=out[k].mentions + (Mention(prev.idx, m.end, name, "name"),))
            else:
                keep.append(m)
        if len(keep) != len(a.mentions):
            out[ai] = replace(a, mentions=tuple(keep))
    return out


def merge_split_names(actors: list[Actor]) -> list[Actor]:
    """Move name mentions that the entity recogniser typed as organisations ("Lonechild" as ORG) to
    the person whose name holds them; actors left with no mention are dropped."""
    actors = [_retype_titled(a) for a in actors]
    persons = [(a, _name_words(a.name)) for a in actors if a.type == "person"]
    if not persons:
        return list(actors)
    extra: dict[str, list[Mention]] = {}
    kept: dict[str, list[Mention]] = {}
    for a in actors:
        keep: list[Mention] = []
        for m in a.mentions:
            words = _name_words(m.text)
            target = None
            if a.type in ("organization", "unknown") and words and len(words) <= 3:
                target = next((p for p, pw in persons if words <= pw and p.id != a.id), None)
            if target is not None:
                extra.setdefault(target.id, []).append(Mention(m.start, m.end, m.text, "name"))
            else:
                keep.append(m)
        kept[a.id] = keep
    if not extra:
        return list(actors)
    out: list[Actor] = []
    for a in actors:
        mentions = kept[a.id] + extra.get(a.id, [])
        if mentions:
            out.append(replace(a, mentions=tuple(mentions)))
    return out


def resolve_coreference(document: Document, actors: list[Actor]) -> list[Actor]:
    """Add pronoun, role-noun, organisation and group mentions to ``actors`` (new actors where none fits).

    Name mentions split across entity types are merged first; ids are renumbered ``A1..An`` in the
    original order, new actors last.
    """
    doc = document.doc
    if not len(doc):
        return list(actors)
    r = _Resolver(document, split_shared_surnames(merge_split_names(split_relatives(doc, merge_clitic_names(actors)))))
    r.introduce()
    r.run()
    return [replace(w.freeze(), id=f"A{i}") for i, w in enumerate(r.works, 1)]
