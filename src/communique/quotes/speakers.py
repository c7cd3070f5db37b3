"""From a speaker's head token to its mention span and its actor.

The mention is the source noun phrase as written ("longtime party pollster Walt Ferris", "a source",
"who"); the actor is found through the mentions that actors and coreference resolved, looking past
relative pronouns to the noun they modify, into appositives ("the spokesman, Chen Liwei"), and past
statements to whoever made them ("the police statement said" -> police). A source no actor covers becomes a
new actor, typed from its words; an unresolved pronoun stays without an actor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from communique import data
from communique.actors.coding import code_text
from communique.actors.gazetteer import gazetteer
from communique.actors.names import UNKNOWN_SOURCES
from communique.actors.names import lexicon as name_lexicon
from communique.actors.table import ActorEntry, ActorTable
from communique.document import Document
from communique.records import ActorType, MentionKind
from communique.syntax import children, first_child

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


def _pronouns() -> frozenset[str]:
    """Words that never name a new speaker: every pronoun, and "one" ("one said")."""
    return data.words(
        "pronouns.male", "pronouns.female", "pronouns.plural", "pronouns.neuter", "pronouns.first_second",
        "pronouns.relative", "pronouns.demonstrative",
    ) | {"one"}


def mention_span(doc: Doc, head: Token) -> tuple[int, int]:
    """Character bounds of the source noun phrase headed by ``head``, edge punctuation trimmed."""
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and lo != head.i:
        lo += 1
    while hi - 1 > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and hi - 1 != head.i:
        if doc[hi - 1].text == ")" and _opens(doc, lo, hi - 1, "(", ")"):
            break  # "Sen. Margaret Ellison (D-Vt.)": the bracket closes what the mention opened
        hi -= 1
    inner = {doc[i].text for i in range(lo, hi) if doc[i].dep_ == "punct"}
    if hi < len(doc) and doc[hi].text in inner & APPOSITIVE_MARKS and hi - 1 > head.i:
        hi += 1  # "Tomas Ruiz, the campaign's press secretary,": the appositive's closing mark
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)


APPOSITIVE_MARKS = frozenset({",", "--", "\u2014"})


def _opens(doc: Doc, lo: int, hi: int, opening: str, closing: str) -> bool:
    """Whether tokens ``[lo, hi)`` leave an ``opening`` bracket unclosed."""
    depth = 0
    for i in range(lo, hi):
        if doc[i].text == opening:
            depth += 1
        elif doc[i].text == closing:
            depth -= 1
    return depth > 0


def _known_place(text: str) -> bool:
    gaz = gazetteer()
    return gaz.lookup(text) is not None or gaz.city(text) is not None


def _text(tokens: list[Token]) -> str:
    out = ""
    for i, t in enumerate(tokens):
        out += t.text
        if i + 1 < len(tokens):
            out += "" if (tokens[i + 1].i == t.i + 1 and not t.whitespace_) else " "
    return out.strip()


class SpeakerIndex:
    """Actors by the tokens of their mentions, and the new actors the quote stage creates."""

    def __init__(self, document: Document, actors: ActorTable) -> None:
        doc = document.doc
        self.doc = doc
        self.text = document.text
        self.actors = actors
        self.cue_nouns = document.cue_nouns
        self.owner: dict[int, int] = {}
        self._widths: dict[tuple[int, int], int] = {}
        for i, a in enumerate(self.actors):
            for m in a.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    # the narrowest mention wins: a role noun phrase must not swallow a nested name
                    prev = self.owner.get(t.i)
                    if prev is None or self._width(prev, t.i) > len(span):
                        self.owner[t.i] = i
                        self._widths[(i, t.i)] = len(span)

    def _width(self, actor: int, token: int) -> int:
        return self._widths.get((actor, token), 10**6)

    def is_first_person(self, head: Token) -> bool:
        return head.lower_ in FIRST_PERSON

    def resolve(self, head: Token, *, create: bool = True) -> str | None:
        """The actor id speaking through ``head`` (the head token of the source noun phrase).

        Walks from a relative pronoun to the noun it modifies ("the envoy, who said"), looks into
        appositives, and from a statement to whoever made it; what no actor covers becomes a new actor
        when ``create``.
        """
        seen: set[int] = set()
        tok: Token | None = head
        while tok is not None and tok.i not in seen:
            seen.add(tok.i)
            if tok.lower_ in RELATIVE and tok.head.dep_ in ("relcl", "acl") and tok.head.head.i != tok.head.i:
                tok = tok.head.head
                continue
            found = self._appositive_person(tok)
            if found is None and tok.pos_ == "NOUN" and create:
                found = self._named_relative(tok)
            found = found or self._covered(tok)
            if found is not None:
                return found
            for c in children(tok, ("appos",)):
                if c.i in self.owner:
                    return self.actors[self.owner[c.i]].id
            nxt = self._statement_maker(tok)
            if nxt is None:
                break
            tok = nxt
        if tok is None or not create:
            return None
        return self._create(tok)

    def _appositive_person(self, tok: Token) -> str | None:
        """A person named in apposition to a title phrase speaks for it ("Keeper of the Privy Seal, Hamid
        Rahimov": Hamid Rahimov), unless ``tok``'s own actor is already that kind of person."""
        own = self.owner.get(tok.i)
        for c in tok.subtree:
            if c.dep_ != "appos" or not (c.head.i == tok.i or (c.head.dep_ == "pobj" and c.head.head.head.i == tok.i)):
                continue
            if c.i in self.owner and self.owner[c.i] != own:
                other = self.actors[self.owner[c.i]]
                if other.type == "person" and (
                    own is None or self.actors[own].type != "person"
                    or (c.ent_type_ == "PERSON" and tok.ent_type_ != "PERSON")
                ):
                    return other.id
        return None

    def _named_relative(self, tok: Token) -> str | None:
        """"Okafor's mom, Adaeze": a name in apposition to a person noun that no actor holds yet is a new
        person, the speaker."""
        info = name_lexicon().noun(tok.lemma_)
        named = next((c for c in children(tok, ("appos",)) if c.pos_ == "PROPN" and c.i not in self.owner and c.text[:1].isupper()), None)
        if named is not None and info is not None and info[0] == "person" and not _known_place(named.text):
            return self._create(named, "person")
        return None

    def _statement_maker(self, tok: Token) -> Token | None:
        """Who made a statement ("the police statement", "a statement from the ministry"): the owner of
        a cue noun or of "campaign", "office", "spokesman"."""
        if tok.pos_ != "NOUN" or not (tok.i in self.cue_nouns or tok.lemma_.lower() in ("campaign", "office", "spokesman")):
            return None
        for c in tok.children:
            if c.dep_ in ("poss", "compound") and (c.i in self.owner or c.pos_ == "PROPN"):
                return c
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                maker = first_child(c, ("pobj",))
                if maker is not None:
                    return maker
        return None

    def _covered(self, tok: Token) -> str | None:
        if tok.i in self.owner:
            return self.actors[self.owner[tok.i]].id
        if tok.pos_ == "PROPN":
            for c in tok.children:
                if c.dep_ in ("compound", "flat") and c.i in self.owner and self.actors[self.owner[c.i]].type == "person":
                    return self.actors[self.owner[c.i]].id
        return None

    def _create(self, head: Token, person: str | None = None) -> str | None:
        low = head.lower_
        if head.pos_ == "PRON" or low in _pronouns() or low in FIRST_PERSON:
            return None
        if head.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ"):
            return None
        doc = self.doc
        if head.pos_ == "PROPN":
            toks = [t for t in doc[head.left_edge.i : head.i + 1] if t.pos_ == "PROPN" and t.dep_ in ("compound", "flat") or t.i == head.i]
            toks = [t for t in toks if t.i >= head.i - 4]
            name = _text(toks)
            words = {w.lower() for w in name.split()}
            for i, a in enumerate(self.actors):
                aw = {w.lower() for w in a.name.split()}
                if aw and (words <= aw or aw <= words) and a.type in ("person", "organization", "unknown"):
                    self._add(i, toks, "name")
                    return a.id
            type_: ActorType = "person" if person else "unknown"
            kind: MentionKind = "name"
        else:
            toks = [t for t in doc[head.left_edge.i : head.i + 1] if t.dep_ not in ("det", "predet", "punct", "case") and not (t.dep_ == "poss" and t.pos_ == "PRON")]
            toks = [t for t in toks if t.i > head.i - 6 and t.lower_ not in data.words("quotes.mention_determiners")] or [head]
            extra: list[Token] = []
            for c in head.rights:
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from", "with"):
                    sub = list(c.subtree)
                    if len(sub) <= 7:
                        extra = sub
                    break
                if c.dep_ == "amod" and c.lower_ in ("close", "familiar"):
                    sub = list(c.subtree)
                    if len(sub) <= 8:
                        extra = sub
                    break
            name = self.text[toks[0].idx : (extra[-1] if extra else toks[-1]).idx + len((extra[-1] if extra else toks[-1]).text)]
            name = " ".join(name.split())
            info = name_lexicon().noun(head.lemma_)
            plural = head.tag_ in ("NNS", "NNPS")
            if head.lemma_.lower() in UNKNOWN_SOURCES or low in UNKNOWN_SOURCES:
                type_ = "unknown"
            elif info is not None and info[0] == "person":
                type_ = "group" if plural else "person"
            elif info is not None and info[0] == "org":
                type_ = "organization"
            else:
                type_ = "group" if plural else "unknown"
            kind = "group" if type_ in ("group", "unknown") and plural else "role"
            for i, a in enumerate(self.actors):
                if a.name.lower() == name.lower() and a.provenance.startswith("quotes."):
                    self._add(i, toks, kind)
                    return a.id
        index = self.actors.new(name, type_, "quotes.speaker")
        _code_speaker(self.actors[index], name)
        self._add(index, toks, kind)
        return self.actors[index].id

    def _add(self, index: int, toks: list[Token], kind: MentionKind) -> None:
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if not self.actors.add(index, start, end, self.text[start:end], kind):
            return
        for t in toks:
            self.owner.setdefault(t.i, index)


def _code_speaker(entry: ActorEntry, name: str) -> None:
    """A speaker the actors stage did not know, coded from its own words: "a Labour MP" -> a person of
    sector LEG, role Member of Parliament; "a Kremlin aide" -> RUS. A name with no cue stays uncoded."""
    coded = code_text(name)
    country, role = coded.country, coded.role
    sector = coded.sector if coded.weight >= 0 else None  # "a London-based underwriter": a place is no government
    if not (country or sector):
        return
    person = entry.type == "unknown" and role is not None
    keep_role = entry.type in ("person", "group") or person
    entry.update(country=country, sector=sector, role=role if keep_role else None, provenance=entry.provenance + "+coding.context")
    if person:
        entry.update(type="person")
