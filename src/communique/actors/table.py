"""The one owner of actor ids while actors are built: ``ActorTable``.

An ``ActorTable`` holds the actors of one article as mutable entries while a stage adds mentions to them,
allocates the ids of new actors, indexes mentions by character span (and, given the parse, by token), and
freezes to the list of ``Actor`` records the next stage reads.

API::

    table = ActorTable(actors, doc)        # existing actors (their ids kept); doc optional (token index)
    i = table.new("the spokesman", "person", "coref.role_noun", country="RUS")   # id after the largest
    table.add(i, start, end, text, "role") # one mention by characters (a repeated span is ignored)
    table.add_tokens(i, tokens, "pronoun") # one mention by tokens; the tokens become owned by actor i
    table.index_span(start, end, i)        # tokens of a span owned by i, its root a mention root
    table.at(start, end)                   # the actor with a mention exactly there, or None
    table.owner.get(token_i)               # the actor owning a token (first come)
    table.roots.get(token_i)               # the actor whose mention has its root at a token
    table[i].update(type="organization")   # re-code one actor (name, type, country, sector, role, ...)
    table.merge(src, dst)                  # every mention of src to dst; src left out when frozen
    table.freeze()                         # list[Actor], in table order, merged actors left out
    table.freeze(renumber=True)            # ... with ids renumbered A1..An in that order

Actors are addressed by their index in the table (``table[i]``), which never changes; ids are strings
``A<n>``. Entries carry what coreference learns about an actor beyond its record: a gender and the role
nouns it was introduced with.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from communique.doctext import text_of
from communique.records import Actor, ActorType, Mention, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.actors.names import Gender


@dataclass
class ActorEntry:
    """One actor being built: its record (mentions aside), its mentions, and what coreference learns."""

    record: Actor
    mentions: list[Mention]
    gender: Gender | None = None
    roles: set[str] = field(default_factory=set)
    merged_into: int | None = None

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def name(self) -> str:
        return self.record.name

    @property
    def type(self) -> ActorType:
        return self.record.type

    @property
    def country(self) -> str | None:
        return self.record.country

    @property
    def sector(self) -> str | None:
        return self.record.sector

    @property
    def role(self) -> str | None:
        return self.record.role

    @property
    def provenance(self) -> str:
        return self.record.provenance

    def update(self, **changes: Any) -> None:
        """Re-code the actor: new values for fields of its record (``name``, ``type``, ``role`` ...)."""
        self.record = replace(self.record, **changes)

    def freeze(self) -> Actor:
        return replace(self.record, mentions=tuple(self.mentions))


def next_number(actors: Iterable[Actor]) -> int:
    """One more than the largest ``A<n>`` id of ``actors`` (1 when there is none)."""
    best = 0
    for a in actors:
        if a.id.startswith("A") and a.id[1:].isdigit():
            best = max(best, int(a.id[1:]))
    return best + 1


class ActorTable:
    """The actors of one article while a stage builds them (see the module docstring for the API)."""

    def __init__(self, actors: Iterable[Actor] = (), doc: Doc | None = None) -> None:
        self.doc = doc
        self.text = text_of(doc) if doc is not None else None
        self.entries: list[ActorEntry] = []
        self.owner: dict[int, int] = {}  # token index -> actor, for tokens inside a mention
        self.roots: dict[int, int] = {}  # root token of a mention -> actor
        self.root_start: dict[int, int] = {}  # root token of a mention -> the mention's first token
        self._spans: dict[tuple[int, int], int] = {}
        actors = list(actors)
        self._next = next_number(actors)
        for a in actors:
            self.entries.append(ActorEntry(replace(a, mentions=()), list(a.mentions)))
            idx = len(self.entries) - 1
            for m in a.mentions:
                self._spans.setdefault((m.start, m.end), idx)
            for m in a.mentions:
                self.index_span(m.start, m.end, idx)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index: int) -> ActorEntry:
        return self.entries[index]

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self.entries)

    def new(self, name: str, type_: ActorType, provenance: str, country: str | None = None) -> int:
        """A new actor with no mention yet, id after every id so far; returns its index."""
        record = Actor(id=f"A{self._next}", name=name, type=type_, mentions=(), country=country, provenance=provenance)
        self._next += 1
        self.entries.append(ActorEntry(record, []))
        return len(self.entries) - 1

    def add(self, index: int, start: int, end: int, text: str, kind: MentionKind) -> bool:
        """Give actor ``index`` the mention ``start:end`` unless it already has one there; True if added."""
        entry = self.entries[index]
        if any(m.start == start and m.end == end for m in entry.mentions):
            return False
        entry.mentions.append(Mention(start, end, text, kind))
        self._spans.setdefault((start, end), index)
        return True

    def add_tokens(self, index: int, tokens: list[Token], kind: MentionKind) -> None:
        """Give actor ``index`` the mention covering ``tokens``; the tokens are owned by it (first come)."""
        text = self.text if self.text is not None else text_of(tokens[0].doc)
        start = tokens[0].idx
        end = tokens[-1].idx + len(tokens[-1].text)
        self.add(index, start, end, text[start:end], kind)
        for t in tokens:
            self.owner.setdefault(t.i, index)

    def index_span(self, start: int, end: int, index: int) -> None:
        """The tokens of characters ``start:end`` are owned by actor ``index`` and its root is a mention root."""
        if self.doc is None:
            return
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        for t in span:
            self.owner.setdefault(t.i, index)
        if span.root.i not in self.roots:
            self.roots[span.root.i] = index
            self.root_start[span.root.i] = span.start

    def at(self, start: int, end: int) -> int | None:
        """The actor with a mention exactly at characters ``start:end`` (the first given it), or None."""
        index = self._spans.get((start, end))
        while index is not None and self.entries[index].merged_into is not None:
            index = self.entries[index].merged_into
        return index

    def remove(self, index: int, keep: list[Mention]) -> None:
        """Actor ``index`` keeps only the mentions ``keep`` (the others move elsewhere or go)."""
        self.entries[index].mentions = list(keep)

    def merge(self, src: int, dst: int) -> None:
        """Every mention of actor ``src`` goes to ``dst`` (repeats ignored); ``src`` is left out when frozen."""
        for m in self.entries[src].mentions:
            self.add(dst, m.start, m.end, m.text, m.kind)
        self.entries[src].mentions = []
        self.entries[src].merged_into = dst
        for table in (self.owner, self.roots):
            for k, v in table.items():
                if v == src:
                    table[k] = dst

    def freeze(self, *, renumber: bool = False) -> list[Actor]:
        """The actors as records in table order, merged ones left out; ``renumber``: ids ``A1..An``."""
        live = [e.freeze() for e in self.entries if e.merged_into is None]
        if renumber:
            return [replace(a, id=f"A{i}") for i, a in enumerate(live, 1)]
        return live
