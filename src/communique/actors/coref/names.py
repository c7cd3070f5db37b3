"""Name rules of coreference: surnames, possessive clitics, relatives, names split across entity types.

The list-level rules run before the pass in text order, on the actors the mention stage grouped; the
two surname rules (``fuller_names``, ``bare_surnames``) run when the pass starts, on the parse.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from communique.actors.names import TITLES, lexicon
from communique.actors.table import ActorTable
from communique.doctext import text_of
from communique.records import Actor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.actors.coref.state import Resolver

CLITIC = re.compile(r"^[\u2019']s\s+")


def name_words(text: str) -> set[str]:
    """The lower-case words of a name, possessive, titles and "the" left out."""
    words = [w.strip(".,'\u2019").lower() for w in text.replace("\u2019s", "").replace("'s", "").split()]
    return {w for w in words if w and w not in TITLES and w != "the"}


def _surname_index(r: Resolver) -> dict[str, int]:
    """The last word of every person named in two words or more -> that person (the first one)."""
    last: dict[str, int] = {}
    for wi, w in enumerate(r.table):
        words = [x for x in w.name.split() if x.lower().rstrip(".") not in TITLES]
        if w.type == "person" and len(words) >= 2:
            last.setdefault(words[-1].lower(), wi)
    return last


def fuller_names(r: Resolver, last: dict[str, int]) -> None:
    """A one-word person whose given name the recogniser left out of one mention takes the fuller name.

    "Oduya said ... Tamsin Oduya added": with only "Oduya" recognised, the proper nouns before a later
    "Oduya" that modify it make a mention "Tamsin Oduya", and the person is named by it.
    """
    doc = r.doc
    single = {w.name.lower(): wi for wi, w in enumerate(r.table) if w.type == "person" and len(w.name.split()) == 1}
    for t in doc:
        if t.pos_ != "PROPN" or t.lower_ not in single or t.i in r.owner:
            continue
        first = t.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i == t.i \
                and doc[first - 1].i not in r.owner and doc[first - 1].text[:1].isupper():
            first -= 1
        if first == t.i:
            continue
        wi = single[t.lower_]
        start, end = doc[first].idx, t.idx + len(t.text)
        r.table.add(wi, start, end, r.text[start:end], "name")
        r.table.index_span(start, end, wi)
        w = r.table[wi]
        w.update(name=r.text[start:end])
        if w.gender is None:
            w.gender = r.lex.gender_of_name(w.name)
        last.setdefault(t.lower_, wi)


def bare_surnames(r: Resolver) -> None:
    """A bare surname the entity recogniser missed is a mention of the person named in full with it.

    "Inspector Rafe Calloway spoke first. Calloway said the road was closed.": the second "Calloway" is
    his, unless it is part of a longer name or follows another given name ("her brother Ivo Calloway").
    """
    last = _surname_index(r)
    fuller_names(r, last)
    if not last:
        return
    doc = r.doc
    for t in doc:
        if t.pos_ != "PROPN" or t.i in r.owner or t.lower_ not in last:
            continue
        nb = [doc[j] for j in (t.i - 1, t.i + 1) if 0 <= j < len(doc)]
        if any(x.pos_ == "PROPN" and x.i not in r.owner for x in nb):
            continue  # part of another, longer name
        if _after_given_name(t):
            continue  # a relative with the same surname
        wi = last[t.lower_]
        r.table.add(wi, t.idx, t.idx + len(t.text), t.text, "name")
        r.table.index_span(t.idx, t.idx + len(t.text), wi)


def _after_given_name(t: Token) -> bool:
    """``t`` follows a capitalised proper noun that modifies it and is no title ("Ivo [Calloway]")."""
    prev = t.doc[t.i - 1] if t.i > 0 else None
    return prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() \
        and prev.lower_.rstrip(".") not in TITLES and prev.head.i == t.i


def _retype_titled(a: Actor) -> Actor:
    """An "organisation" whose name ends in a title and a name ("Hereditary Chief Tsakwa") is a person."""
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
    """A bare surname two people share belongs to the one last named in full before it (else the first).

    "Ilse Brandauer ... her husband Tomasz Brandauer ... Brandauer said": the last "Brandauer" is Tomasz's.
    """
    persons = [a for a in actors if a.type == "person" and len(name_words(a.name)) >= 2]
    by_surname: dict[str, list[Actor]] = {}
    for a in persons:
        by_surname.setdefault(a.name.split()[-1].lower(), []).append(a)
    moves: dict[str, list[Mention]] = {}
    drop: set[tuple[str, int]] = set()
    for surname, people in by_surname.items():
        if len(people) >= 2:
            _reassign_surname(surname, people, moves, drop)
    if not moves:
        return actors
    return [
        replace(a, mentions=tuple(m for m in a.mentions if (a.id, m.start) not in drop) + tuple(moves.get(a.id, [])))
        for a in actors
    ]


def _reassign_surname(surname: str, people: list[Actor], moves: dict[str, list[Mention]],
                      drop: set[tuple[str, int]]) -> None:
    """Each bare ``surname`` mention of ``people`` moves to the person last named in full before it."""
    full = sorted((m.start, p.id) for p in people for m in p.mentions if len(name_words(m.text)) >= 2)
    if not full:
        return
    for p in people:
        for m in p.mentions:
            if name_words(m.text) != {surname}:
                continue
            before = [pid for start, pid in full if start < m.start]
            target = before[-1] if before else full[0][1]
            if target != p.id:
                moves.setdefault(target, []).append(m)
                drop.add((p.id, m.start))


def _without_clitic(a: Actor) -> Actor:
    """The actor with a leading "'s " cut from its name and its mentions."""
    m0 = CLITIC.match(a.name)
    if m0 is None:
        return a
    mentions = []
    for m in a.mentions:
        cut = CLITIC.match(m.text)
        mentions.append(Mention(m.start + cut.end(), m.end, m.text[cut.end():], m.kind) if cut else m)
    return replace(a, name=a.name[m0.end():], mentions=tuple(mentions))


def merge_clitic_names(actors: list[Actor]) -> list[Actor]:
    """A possessive the recogniser took into a name goes, and a bare surname left joins the full name.

    "Canada’s Trudeau met Justin Trudeau": "’s Trudeau" is "Trudeau", a mention of Justin Trudeau when he
    is the one person named in full with that surname.
    """
    cleaned = [_without_clitic(a) for a in actors]
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


def _relative_name(doc: Doc, m: Mention, words: list[str]) -> str | None:
    """The full name when the bare surname ``m`` follows another given name ("her husband Tomasz
    [Brandauer]" of Ilse Brandauer): "Tomasz Brandauer"; else None."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    prev = doc[span.start - 1] if span is not None and span.start > 0 else None
    if (
        span is not None and len(span) == 1 and m.text.lower() == words[-1].lower() and prev is not None
        and prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON" and prev.text[:1].isupper()
        and prev.lower_.rstrip(".") not in TITLES and prev.lower_ != words[0].lower()
        and text_of(doc)[prev.idx + len(prev.text) : m.start] == " "
    ):
        return text_of(doc)[prev.idx : m.end]
    return None


def split_relatives(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """A relative grouped by surname with someone else is a person of their own, named in full.

    "Ilse Brandauer ... her husband Tomasz Brandauer": the recogniser's "Brandauer" after "Tomasz" goes to a
    new actor "Tomasz Brandauer" (merged by name when repeated).
    """
    table = ActorTable(actors)
    made: dict[str, int] = {}
    for ai, a in enumerate(actors):
        words = a.name.split()
        if a.type != "person" or len(words) < 2:
            continue
        keep: list[Mention] = []
        for m in a.mentions:
            name = _relative_name(doc, m, words)
            if name is None:
                keep.append(m)
                continue
            if name not in made:
                made[name] = table.new(name, "person", "coref.relative")
            table[made[name]].mentions.append(Mention(m.end - len(name), m.end, name, "name"))
        if len(keep) != len(a.mentions):
            table.remove(ai, keep)
    return table.freeze()


def merge_split_names(actors: list[Actor]) -> list[Actor]:
    """Name mentions the recogniser typed as organisations go to the person whose name holds them.

    "Darla Whitcombe ... Whitcombe (tagged ORG) said": the one-word organisation's mention is the
    person's; actors left with no mention are dropped.
    """
    actors = [_retype_titled(a) for a in actors]
    persons = [(a, name_words(a.name)) for a in actors if a.type == "person"]
    if not persons:
        return list(actors)
    extra: dict[str, list[Mention]] = {}
    kept: dict[str, list[Mention]] = {}
    for a in actors:
        keep: list[Mention] = []
        for m in a.mentions:
            words = name_words(m.text)
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
