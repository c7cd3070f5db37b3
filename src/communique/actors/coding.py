"""Actor coding: type, country, sector and role, as of the article's date.

Public helpers (other stages call them):

- ``role_sector(noun) -> str | None``: the PLOVER/CAMEO sector of a role or agent noun, singular or plural:
  ``role_sector("troops") == "MIL"``, ``role_sector("spokesman") == "GOV"``, ``role_sector("rebels") == "REB"``.
- ``code_phrase(text, *, published=None) -> (country, sector, role)``: codes an arbitrary noun phrase, e.g.
  ``"Ukrainian forces"`` -> ``("UKR", "MIL", None)``, ``"the U.N. envoy"`` -> ``("IGO", "GOV", "Envoy of the
  United Nations")``, ``"Chinese Foreign Minister Wang Yi"`` -> ``("CHN", "GOV", "Foreign Minister of China")``,
  ``"Hamas"`` -> ``("PSE", "REB", None)``. ``published`` (an ISO date) picks the office-holder's term and a
  group's standing at that date. Any element may be None.
- ``code_actors(doc, actors, *, published)``: every actor coded from the gazetteers and the article's own
  words (see below).
- ``code_actor_at(actor, date) -> Actor``: an actor re-coded as of another date (an event's date): a named
  office-holder's term and a group's standing then; other actors unchanged.

How a phrase is coded. Its words are matched, longest first, against office-holders, bodies and groups,
country names, demonyms, capitals and seats of power, other places, and role nouns (``roles.tsv``).

- Country: the first country cue, except one governed by "to", "against", "with", "at", "on" ...
  ("the ambassador to Russia" says nothing of the ambassador's own country). Cues after "in"/"from"/"near"
  count only when nothing else does ("rebels in Darfur" -> SDN); a city counts only when no country does.
- Sector: the cue of the highest weight (``roles.tsv``: 3 rebel/opposition words, 2 institutions and
  groups such as army, police, parliament, ministry, Hamas, NATO, 1 person roles such as minister or
  soldier, 0 generic roles such as spokesman, official, leader); a tie goes to the head noun. A named
  office-holder's own term decides over both. A country alone is GOV; a plural demonym alone is CVL.
- Role: the office-holder's role, else the person-role noun with its institution and country
  ("Member of the Parliament of Kenya", "Spokesperson of the Foreign Ministry of Russia").

How an actor is coded. Office-holders, bodies and countries found by ``group_entities`` keep their coding.
The others -- unknown people, organisations, and the role and group actors that coreference adds -- are
coded from their own name or mention words and from the words around their mentions in the parse:
pre-modifiers ("Chinese Foreign Minister Wang Yi"), possessors ("Turkey's Defence Ministry"),
appositives ("Jane Mwangi, a member of Kenya's parliament"), and prepositional phrases ("a spokesman for
the U.N. secretary-general"). Roles are given to people and groups only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from communique import data
from communique.actors.gazetteer import INTERNATIONAL, Gazetteer, as_date, gazetteer
from communique.actors.names import alternation, lexicon
from communique.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

BLOCKING = data.words("actors.blocking_preps")
WEAK = data.words("actors.weak_preps")
PREPOSITIONS = data.words("actors.blocking_preps", "actors.weak_preps", "actors.other_preps")
SKIP_BACK = data.words("actors.skip_back")
AFFIX = re.compile(rf"^(.+?)-({alternation(data.words('actors.affix_participles'))})$", re.I)
TOKEN = re.compile(r"\w+(?:[.&/\-]\w+|['\u2019](?!s\b)\w+)*\.?|['\u2019]s\b|[^\w\s]")
MAX_NGRAM = 8
NAME_HEADS = data.words("actors.name_heads")
SPONSOR = frozenset(f"-{w}" for w in data.words("actors.sponsor_participles"))
ARTICLE = re.compile(rf"^(?:{alternation(data.words('actors.arabic_articles'))})-[A-Z]")  # "al-Qaeda", "al-Shabaab"
CALENDAR = frozenset(w.capitalize() for w in data.words("actors.calendar"))  # as written: "Monday", "May"
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "parataxis", "dep"})
CAPITAL_ROLES = data.words("actors.capital_roles")  # role abbreviations written in capitals: "MP", "MLA"
PERSONLIKE = frozenset({"person", "group", "unknown"})
UNCODED_PROVENANCE = (
    "actors.officeholder", "actors.gazetteer_body", "actors.gazetteer_country", "actors.gazetteer_metonym",
    "actors.gazetteer_place", "actors.demonym_group",
)


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: str  # person / body / place / demonym / city / role
    pos: int  # index of the first token
    end: int  # index past the last token
    country: str | None
    sector: str | None
    weight: float
    block: str  # "" / "weak" / "block"
    label: str | None = None  # role label (roles) or role (persons) or body name
    head: bool = False  # inside the head noun phrase (before the first preposition)


@dataclass(frozen=True, slots=True)
class Coded:
    """The coding of one phrase, with the weight of the cue that gave the sector."""

    country: str | None = None
    sector: str | None = None
    role: str | None = None
    weight: float = -9.0
    person: bool = False  # a named office-holder decided it


def role_sector(noun: str) -> str | None:
    """The PLOVER/CAMEO sector of a role or agent noun (``"troops"`` -> ``"MIL"``), or None."""
    info = gazetteer().role(noun.strip())
    return info.sector if info is not None else None


def code_phrase(text: str, *, published: str | None = None) -> tuple[str | None, str | None, str | None]:
    """Country, sector and role of an arbitrary noun phrase (see the module docstring)."""
    c = code_text(text, published=published)
    return c.country, c.sector, c.role


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in TOKEN.finditer(text):
        word = m.group(0)
        affix = AFFIX.match(word)
        if affix:  # "Hamas-run", "Russian-backed": the actor is the first part
            out.append(_Tok(affix.group(1), m.start(), m.start() + len(affix.group(1))))
            out.append(_Tok(f"-{affix.group(2)}", m.start() + len(affix.group(1)), m.end()))
            continue
        out.append(_Tok(word, m.start(), m.end()))
    return out


def _block_of(toks: list[_Tok], i: int) -> str:
    k = i - 1
    while k >= 0 and (toks[k].text.lower() in SKIP_BACK or toks[k].text[:1].isupper() or toks[k].text in ("'s", "\u2019s")):
        k -= 1
    if k < 0:
        return ""
    word = toks[k].text.lower()
    if word in BLOCKING:
        return "block"
    if word in WEAK:
        return "weak"
    return ""


def _cues(text: str, published: str | None, gaz: Gazetteer) -> tuple[list[_Cue], list[_Tok]]:
    toks = _tokens(text)
    cues: list[_Cue] = []
    first_prep = next((k for k, t in enumerate(toks) if t.text.lower() in PREPOSITIONS or t.text in (",", ";", "(")), len(toks))
    i = 0
    while i < len(toks):
        found: _Cue | None = None
        for j in range(min(len(toks), i + MAX_NGRAM), i, -1):
            if toks[j - 1].text in ("'s", "\u2019s", ",", ";") or toks[i].text in ("'s", "\u2019s"):
                continue
            span = text[toks[i].start : toks[j - 1].end]
            found = _match(span, i, j, published, gaz, name_before=j - i == 1 and _name_before(toks, i, cues))
            if found is not None:
                break
        if found is not None:
            block = _block_of(toks, i)
            if found.end < len(toks) and toks[found.end].text.lower() in SPONSOR:
                block = block or "weak"  # "Iranian-backed Houthis": the sponsor is not the actor
            found = replace(found, block=block, head=found.pos < first_prep)
            cues.append(found)
            i = found.end
        else:
            i += 1
    return cues, toks


def _name_before(toks: list[_Tok], i: int, cues: list[_Cue]) -> bool:
    """Whether token ``i`` stands inside a longer capitalised name: a capitalised word that was no cue
    before it ("Oleksiy [Kuleba]"), or a capitalised word after it ("[Massad] Boulos")."""
    if i + 1 < len(toks) and toks[i + 1].text[:1].isupper() and toks[i + 1].text.isalpha() and toks[i + 1].text not in CALENDAR:
        return True
    if i == 0 or not toks[i - 1].text[:1].isupper():
        return False
    return not any(c.end == i for c in cues)


def _match(span: str, i: int, j: int, published: str | None, gaz: Gazetteer, name_before: bool = False) -> _Cue | None:
    """The cue ``span`` (tokens ``i:j``) gives; ``name_before``: an unknown capitalised word precedes it, so a
    surname alone is someone else's ("Oleksiy Kuleba" is not Dmytro Kuleba)."""
    capital = span[:1].isupper()
    person = _person_cue(span, i, j, published, gaz) if capital and j - i > 1 else None
    if person is not None:
        return person
    body = gaz.body(span, published) if capital or span.isupper() or ARTICLE.match(span) else None
    if body is not None:
        return _Cue("body", i, j, body.country, body.sector, 2.0, "", body.name)
    place = gaz.lookup(span) if capital else None
    if place is not None:
        if place.kind == "demonym":
            plural = span.lower().endswith("s") and not span.lower().endswith("ss") and place.name.lower() != span.lower()
            return _Cue("demonym", i, j, place.code, "CVL" if plural else None, -1.0, "")
        sector = place.sector or "GOV"
        return _Cue("place", i, j, place.code, sector, 2.0 if place.sector else -1.0, "")
    person = _person_cue(span, i, j, published, gaz) if capital and not name_before else None
    if person is not None:  # a surname alone, after the other tables ("Georgia" is a country first)
        return person
    city = gaz.city(span) if capital else None
    if city is not None:
        return _Cue("city", i, j, city.code, None, -2.0, "")
    role = gaz.role(span)
    if role is not None and name_before and span[:1].isupper() and span.lower() in lexicon().forenames:
        role = None  # "Christian Ferrante", "Dean Okonjo": a given name, not a role
    if role is not None and (not span.isupper() or span.lower() in CAPITAL_ROLES):  # "MP", not "US"
        return _Cue("role", i, j, None, role.sector, float(role.weight), "", role.label)
    return None


def _person_cue(span: str, i: int, j: int, published: str | None, gaz: Gazetteer) -> _Cue | None:
    name = gaz.person_at(span, published, single=j - i == 1)
    term = gaz.term_at(name, published) if name else None
    if term is None:
        return None
    return _Cue("person", i, j, term.country, term.sector or None, 5.0, "", term.role or None)


def code_text(text: str, *, published: str | None = None) -> Coded:
    """The coding of ``text`` with the weight behind its sector (``code_phrase`` without the weight)."""
    gaz = gazetteer()
    cues, toks = _cues(text, published, gaz)
    if not cues:
        return Coded()
    live = [c for c in cues if c.block != "block"]
    country = _country(live)
    person = next((c for c in live if c.kind == "person"), None)
    if person is not None and _modifier(toks, person):
        # "the Trump administration", "Erdogan's government": the person only gives the country
        live = [replace(c, sector=None, weight=-1.0, label=None) if c is person else c for c in live]
        person = None
    sector, weight = _sector(live)
    if person is not None and person.sector:
        sector, weight = person.sector, person.weight
    # a country known only from a city ("Surrey's mayor") codes the actor but does not name the office
    named = country if any(c.country == country and c.kind != "city" for c in live) else None
    role = person.label if person is not None else _role(live, named, gaz)
    return Coded(country, sector, role, weight, person is not None)


def _modifier(toks: list[_Tok], cue: _Cue) -> bool:
    """Whether a name modifies a following noun ("Trump administration", "Putin's government")."""
    k = cue.end
    if k < len(toks) and toks[k].text in ("'s", "\u2019s"):
        k += 1
    if k >= len(toks) or not toks[k].text[:1].islower():
        return False
    word = toks[k].text
    return word in NAME_HEADS or gazetteer().role(word) is not None


def _country(cues: list[_Cue]) -> str | None:
    for group in (
        [c for c in cues if c.block == "" and c.kind != "city" and c.country],
        [c for c in cues if c.kind != "city" and c.country],
        [c for c in cues if c.country],
    ):
        if group:
            return group[0].country
    return None


def _sector(cues: list[_Cue]) -> tuple[str | None, float]:
    scored = [c for c in cues if c.sector]
    if not scored:
        return None, -9.0
    top = max(c.weight for c in scored)
    best = [c for c in scored if c.weight == top]
    head = [c for c in best if c.head]
    pick = head[-1] if head else best[0]
    return pick.sector, pick.weight


def _role(cues: list[_Cue], country: str | None, gaz: Gazetteer) -> str | None:
    people = [c for c in cues if c.kind == "role" and c.weight <= 1 and c.label]
    if not people:
        return None
    head = [c for c in people if c.head]
    pick = head[-1] if head else people[0]
    role = pick.label or ""
    inst = [c for c in cues if c.kind == "role" and c.weight >= 2 and c.label and c.pos != pick.pos]
    if inst:
        role += f" of the {inst[0].label}"
    if country and country not in INTERNATIONAL:
        name = gaz.country_name(country)
        if name and not role.endswith(name):
            role += f" of {_with_article(name)}"
    elif country in INTERNATIONAL:
        body = next((c for c in cues if c.kind == "body"), None)
        if body is not None and body.label:
            role += f" of the {body.label}"
    return role


def _with_article(name: str) -> str:
    """"the United States", "the Netherlands", "the Gambia"; "Kenya"."""
    if name.startswith(("United ", "Democratic ", "Central African", "Republic ", "Holy ", "Gambia")) or (
        name.endswith("s") and not name.endswith(("Cyprus", "Mauritius", "Belarus", "Laos", "Honduras"))
    ):
        return f"the {name}"
    return name


# -- actors ----------------------------------------------------------------------------------------------


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def context_phrases(doc: Doc, start: int, end: int) -> list[str]:
    """The words that describe a mention in the parse: its noun phrase with pre-modifiers, possessor,
    appositive and prepositional phrases (clauses and conjuncts left out), and the noun phrase it is the
    appositive of ("the spokesman, John Smith" -> "the spokesman")."""
    root = _span_root(doc, start, end)
    if root is None:
        return []
    out: list[str] = []
    own = _np_text(root)
    if own:
        out.append(own)
    if root.dep_ == "compound" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i == root.i + 1:
        host = _np_text(root.head)  # "[Turkey's Defence Ministry] officials": the possessor sits on the head
        if host:
            out.append(host)
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN"):
        host = _np_text(root.head, skip=root)
        if host:
            out.append(host)
    return out


def _np_text(root: Token, skip: Token | None = None) -> str:
    """The noun phrase of ``root`` without clauses, conjuncts, or the ``skip`` subtree; at most 30 tokens."""
    keep: list[Token] = []

    def walk(t: Token) -> None:
        if skip is not None and t.i == skip.i:
            return
        keep.append(t)
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS and c.dep_ != "punct":
                continue
            if c.dep_ == "punct" and c.text not in ("'", "-"):
                continue
            walk(c)

    walk(root)
    keep.sort(key=lambda t: t.i)
    keep = keep[:30]
    parts: list[str] = []
    for k, t in enumerate(keep):
        parts.append(t.text)
        if k + 1 < len(keep):
            parts.append(t.whitespace_ if keep[k + 1].i == t.i + 1 else " ")
    return "".join(parts).strip()


def _merge(codes: list[Coded]) -> Coded:
    country = next((c.country for c in codes if c.country), None)
    scored = [c for c in codes if c.sector]
    best = max(scored, key=lambda c: (c.person, c.weight)) if scored else None
    role = next((c.role for c in codes if c.role), None)
    if best is None:
        return Coded(country, None, role)
    return Coded(country, best.sector, role, best.weight, best.person)


def code_actor(doc: Doc, actor: Actor, *, published: str | None = None) -> Actor:
    """One actor coded from its name, its mention words and their context (see the module docstring)."""
    if actor.type == "country" and actor.country:
        return actor if actor.sector else replace(actor, sector="GOV")
    trusted = actor.provenance.startswith(UNCODED_PROVENANCE)
    if trusted and actor.country and actor.sector and (actor.role or actor.type != "person"):
        return actor
    codes: list[Coded] = []
    texts: list[str] = [actor.name]
    for m in sorted(actor.mentions, key=lambda m: (m.start, m.end)):
        if m.kind == "pronoun":
            continue
        texts.append(m.text)
        texts.extend(context_phrases(doc, m.start, m.end))
    seen: set[str] = set()
    for t in texts:
        if t and t not in seen:
            seen.add(t)
            codes.append(code_text(t, published=published))
    got = _merge(codes)
    owner = owner_country(doc, actor)
    if owner is not None and actor.type in ("organization", "unknown") and not trusted:
        got = Coded(owner, got.sector or "GOV", got.role, got.weight, got.person)
    if trusted:  # the gazetteer's coding stands; the context only fills what it lacks
        country = actor.country or got.country
        sector = actor.sector or got.sector
    else:
        country = got.country or actor.country
        sector = got.sector or actor.sector
    if actor.type == "country" and sector is None:
        sector = "GOV"
    if sector == "PTY" and any(side_party(root) for m in actor.mentions if (root := _span_root(doc, m.start, m.end)) is not None):
        sector = None  # "the warring parties", "the negotiating parties": the sides of a conflict or of talks
    role = (got.role or actor.role) if actor.type in PERSONLIKE else actor.role
    if (country, sector, role) == (actor.country, actor.sector, actor.role):
        return actor
    tag = actor.provenance + "+coding.context" if actor.provenance else "coding.context"
    return replace(actor, country=country, sector=sector, role=role, provenance=tag)


def side_party(tok: Token) -> bool:
    """``tok`` is "party"/"parties" as a side of a conflict or of talks, not a political party: with a
    side modifier ("the warring parties", "the negotiating parties"; ``events.side_modifiers``) or a
    to-phrase ("the parties to the conflict"). "Both parties" stays ambiguous."""
    if tok.lemma_.lower() != "party":
        return False
    sides = data.words("events.side_modifiers")
    return any(c.lower_ in sides for c in tok.children if c.dep_ in ("amod", "nummod", "det", "compound", "predet")) or any(
        c.dep_ == "prep" and c.lower_ == "to" for c in tok.children
    )


def owner_country(doc: Doc, actor: Actor) -> str | None:
    """The country that owns a body by a possessive before its name, whatever place the name holds.

    "Pakistan's Kashmir Committee" -> PAK (not IND); "Serbia's Office for Kosovo" -> SRB; "Turkey's
    Directorate of Religious Affairs" -> TUR.
    """
    for m in actor.mentions:
        root = _span_root(doc, m.start, m.end)
        if root is None:
            continue
        owners = [c for c in root.children if c.dep_ == "poss" and c.pos_ == "PROPN" and c.idx < m.start]
        for c in owners:
            place = gazetteer().lookup(c.text)
            if place is not None and place.kind in ("country", "capital", "metonym"):
                return place.code
    return None


def code_actor_at(actor: Actor, date: str | None) -> Actor:
    """``actor`` coded as of ``date`` (an event's date, an ISO prefix such as ``2014-03`` or ``2014``) rather
    than the article's: a named office-holder takes the term that covers ``date`` ("Former President" after
    it, country only before it), a known body or group its standing then. Other actors, and any actor when
    ``date`` is None or the gazetteers know nothing of it, come back unchanged (the same object).

    For the events stage: ``[code_actor_at(a, event.date) for a in event_actors]``; no parse is needed.
    """
    date = as_date(date)
    if date is None:
        return actor
    gaz = gazetteer()
    base = actor.provenance.split("+", 1)[0]
    if base == "actors.officeholder" and actor.type == "person":
        name = _officeholder_name(actor, date, gaz)
        term = gaz.term_at(name, date) if name else None
        if term is None:
            return actor
        country = term.country or actor.country
        sector = term.sector or None
        role = term.role or None
    elif base == "actors.gazetteer_body":
        body = gaz.body(actor.name, date)
        if body is None:
            return actor
        country, sector, role = body.country, body.sector, actor.role
    else:
        return actor
    if (country, sector, role) == (actor.country, actor.sector, actor.role):
        return actor
    return replace(actor, country=country, sector=sector, role=role, provenance=f"{actor.provenance}+coding.dated")


def _officeholder_name(actor: Actor, date: str, gaz: Gazetteer) -> str | None:
    """The gazetteer's name for an office-holder actor: its name, else its longest name mention."""
    texts = [actor.name] + sorted((m.text for m in actor.mentions if m.kind == "name"), key=len, reverse=True)
    for text in texts:
        found = gaz.person_at(text, date)
        if found is not None:
            return found
    return None


def code_actors(doc: Doc, actors: list[Actor], *, published: str | None = None) -> list[Actor]:
    """Fill country, sector and role of every actor from the gazetteers and the article's own words."""
    return [code_actor(doc, a, published=published) for a in actors]
