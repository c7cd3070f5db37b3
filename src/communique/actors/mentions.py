"""Named mentions from spaCy entities and the gazetteers, grouped by alias within the article.

Candidates come from two sources: the entities of the parse (PERSON, ORG, GPE, NORP, LOC, FAC) and a
cheap phrase match of the gazetteer aliases over the doc's tokens (office-holders, international bodies,
armed groups, seats of power), which catches names the small model misses or cuts short ("Recep Tayyip
Erdogan" tagged as "Tayyip Erdogan", "Hamas" tagged as a person). Overlaps keep the longest span (a period
the phrase match took, "Brandauer.", does not count); on a tie the gazetteer wins.

Clean-up of the entities:

- titles: leading title and role words leave person names ("Councillor Aaron Fry", "Sen. Jon Tester",
  "Foreign Minister Wang Yi" -> the name alone; a "Coun." tagged as a person on its own is dropped); the
  title, inside the entity or right before it, becomes the person's role when it has none, with the
  sector of its role noun in ``roles.tsv`` (Senator LEG, Councillor GOV, Coach CVL);
- possessives: a possessor inside an entity is cut off ("Canada's [Justin Trudeau]"), a trailing
  "'s" or curly "’s" never belongs to the name;
- hyphenated pairs ("Okafor-Lindqvist", "Biden-Putin", "Russian-Ukrainian") split into one mention per
  part when each part is a known name (a surname of the article's people, an office-holder, a place or
  body), are dropped when a pair noun follows ("the Smith-Jones talks"), and stay whole as a
  double-barrelled surname of a person named in full ("Helen Ortega-Lind", "Ortega-Lind");
- a one-word organisation or place that is the surname of a person named in full ("Tester said") is
  that person.

Candidate spans are found in ``communique.actors.spans``. Grouping, in this order (one rule each):

- a known office-holder: every alias goes to one actor ("Recep Tayyip Erdogan", "Mr. Erdogan", "Erdogan");
- a known body or group ("U.N.", "United Nations"; "Hamas"), coded as of the article's date;
- a country name, demonym, capital or seat of power ("Kremlin") goes to the country actor (type country);
  a metonym of one branch ("Pentagon", "Knesset") is an organisation of that country; a plural demonym
  used as a noun ("Palestinians") is a group of civilians of that country;
- a city, region or state abbreviation that is not a capital ("Kharkiv", "Surrey", "Ont."; ``places.tsv`` and
  the places column of ``countries.tsv``) becomes a place actor (type unknown, sector CVL) named by its full
  name ("Ont." -> Ontario): event coding needs it as the target of attacks ("shelled Kharkiv" -> UKR CVL);
  a one-word "person" that is a given name or the surname of a person already named stays a person;
  unknown places are skipped;
- other people and organisations group by name tokens: "Jane Mwangi", "Ms. Mwangi" -> one actor named by
  the fullest form; when two people share a surname ("Ilse Brandauer", "her husband Tomasz Brandauer")
  both stay apart and a bare "Brandauer" goes to the more mentioned of them (the more recent on a tie); two ministries of different countries ("Russia's Defence Ministry", "Ukraine's Defence
  Ministry") stay apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique import data
from communique.actors.gazetteer import Gazetteer, gazetteer, normalise, person_key
from communique.actors.names import lexicon
from communique.actors.spans import HONORIFICS, POSSESSIVE, NameSpan, candidate_spans, trim_period
from communique.doctext import text_of
from communique.records import Actor, ActorType, Mention, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NOT_ORGS = data.words("actors.not_orgs")  # time zones, lower-case
GROUP_HEADS = frozenset({"MIL", "REB", "COP", "OPP", "PTY", "CRM"})


@dataclass
class _Group:
    """An actor being grouped: its alias key, coding, name tokens and mentions."""

    key: tuple[str, ...]
    type: ActorType
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    provenance: str = "actors.ner_alias_group"
    tokens: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    last: int = 0


@dataclass(frozen=True, slots=True)
class _Name:
    """One candidate span as the grouping rules read it: characters, label, and the name without title."""

    span: NameSpan
    start: int
    end: int
    text: str
    label: str
    core: str  # the name without title, article or possessive
    single: bool  # one word
    toks: set[str]  # person-key words of the core


class _Grouper:
    """The groups of one article while its name spans are grouped in text order."""

    def __init__(self, doc: Doc, published: str | None) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.published = published
        self.gaz = gazetteer()
        self.groups: list[_Group] = []
        self.by_key: dict[tuple[str, ...], _Group] = {}

    def get(self, key: tuple[str, ...], make: _Group) -> _Group:
        """The group of ``key``, made from ``make`` when there is none yet."""
        g = self.by_key.get(key)
        if g is None:
            g = make
            self.by_key[key] = g
            self.groups.append(g)
        return g

    def add(self, g: _Group, n: _Name, kind: MentionKind = "name", end: int | None = None) -> None:
        end = n.end if end is None else end
        _add(g, n.start, end, self.text[n.start : end], kind, n.core, n.span.i)


def group_entities(doc: Doc, *, published: str | None = None) -> list[Actor]:
    """Actors from the named mentions of ``doc``, grouped by alias (see the module docstring)."""
    grouper = _Grouper(doc, published)
    for s in candidate_spans(doc, grouper.gaz):
        n = _name(doc, grouper.text, s, grouper.gaz)
        any(rule(grouper, n) for rule in RULES)
    return [
        Actor(
            id=f"A{i}", name=g.name, type=g.type, mentions=tuple(sorted(g.mentions, key=lambda m: (m.start, m.end))),
            country=g.country, sector=g.sector, role=g.role, provenance=g.provenance,
        )
        for i, g in enumerate(grouper.groups, 1)
    ]


def _name(doc: Doc, full: str, s: NameSpan, gaz: Gazetteer) -> _Name:
    start, end = doc[s.i].idx, doc[s.j - 1].idx + len(doc[s.j - 1].text)
    end = start + len(trim_period(full[start:end]))
    text = full[start:end]
    label = s.label
    if label == "PERSON" and gaz.lookup(text) is not None and not gaz.person_names(text):
        label = "GPE"  # "Jordan said" tagged as a person: a country first
    personal = label == "PERSON" or s.table == "person"
    core = (strip_title(text) if personal else _strip_article(text)) or text
    return _Name(s, start, end, text, label, core, len(core.split()) == 1, {w for w in person_key(core).split() if w})


def place_rule(g: _Grouper, n: _Name) -> bool:
    """A city, region or state abbreviation that is not a capital is a place actor named in full.

    "shelling hit Kharkiv" -> a place (type unknown, sector CVL) in UKR; "Kelowna, B.C." keeps "B.C."
    whole, named British Columbia. A given name or a surname already named ("Lorna Surrey ... Surrey
    said") stays a person.
    """
    gaz, full, s = g.gaz, g.text, n.span
    city = None
    if n.label in ("GPE", "LOC", "FAC", "PERSON", "ORG") or s.table == "city":
        city = gaz.city(n.core) or (gaz.city(n.core + ".") if full[n.end : n.end + 1] == "." else None)
    if city is not None and (n.label == "PERSON" or g.doc[s.i].ent_type_ == "PERSON") and n.single and (
        n.core.lower() in lexicon().forenames or _unknown_person(g.groups, n.toks) is not None
    ):
        return False
    if city is None or gaz.person_names(n.core) or gaz.body(n.core) is not None or gaz.lookup(n.core) is not None:
        return False
    key = ("L", normalise(city.alias))
    name, end = n.core, n.end
    if normalise(n.core) != normalise(city.alias) and len(n.core) <= 6:  # "Ont." -> Ontario, period kept
        name = city.alias
        if full[end : end + 1] == ".":
            end += 1
    group = g.get(key, _Group(key, "unknown", name, city.code, "CVL", f"Place in {city.name}", "actors.gazetteer_place"))
    g.add(group, n, end=end)
    return True


def person_rule(g: _Grouper, n: _Name) -> bool:
    """A person name is a known office-holder (every alias one actor, coded by the term at the article's
    date), else a person grouped by name words with the people already named.

    "President Ruto ... William Ruto ... Ruto" -> one office-holder; "Halima Osei ... Ms. Osei" -> one
    person; a one-word name of a person already named is that person, not an office-holder.
    """
    s = n.span
    if not (n.label == "PERSON" or s.table == "person"):
        return False
    local = _unknown_person(g.groups, n.toks) if n.single else None
    canonical = None if local else g.gaz.person_at(n.core, g.published, single=n.single)
    if canonical is not None:
        _officeholder(g, n, canonical)
        return True
    if not (n.label == "PERSON" or local is not None or (n.single and _tagged_person(g.doc[s.i]))):
        return False
    found = local or _unknown_person(g.groups, n.toks)
    if found is None:
        found = g.get(("U", str(len(g.groups))), _Group(("U", str(len(g.groups))), "person", n.core))
    g.add(found, n)
    found.tokens |= n.toks
    _give_title(found, s.title, g.gaz)
    return True


def _officeholder(g: _Grouper, n: _Name, canonical: str) -> None:
    """``n`` is a mention of the office-holder ``canonical``, coded by the term at the article's date."""
    term = g.gaz.term_at(canonical, g.published)
    group = g.get(("P", canonical), _Group(("P", canonical), "person", n.core, provenance="actors.officeholder"))
    if term is not None and term.sector:
        group.country, group.sector, group.role = term.country, term.sector, term.role or None
    elif term is not None:
        group.country = term.country
    g.add(group, n)
    group.tokens |= n.toks
    _give_title(group, n.span.title, g.gaz)


def body_rule(g: _Grouper, n: _Name) -> bool:
    """A known body or group is one actor, coded as of the article's date; an armed-group noun after it
    belongs to the mention ("Houthi rebels", "Hamas militants")."""
    body = g.gaz.body(n.core, g.published)
    if body is None:
        return False
    key = ("B", body.name)
    group = g.get(key, _Group(key, body.type, n.core, body.country, body.sector, provenance="actors.gazetteer_body"))
    doc, s = g.doc, n.span
    end = n.end
    head = doc[s.j] if s.j < len(doc) else None
    if head is not None and _root(doc, s).head.i == head.i and head.pos_ == "NOUN":
        info = g.gaz.role(head.lower_)
        if info is not None and info.sector in GROUP_HEADS:
            end = head.idx + len(head.text)
    g.add(group, n, end=end)
    return True


def country_rule(g: _Grouper, n: _Name) -> bool:
    """A country name, demonym, capital or seat of power is the country actor; a metonym of one branch
    ("Pentagon", "Knesset") is an organisation of that country; a plural demonym used as a noun
    ("Kenyans queued") is a group of civilians of that country (of its modifier: "Kenyan Somalis")."""
    place = g.gaz.lookup(n.core) if n.label in ("GPE", "NORP", "ORG", "FAC", "LOC", "GAZ") else None
    if place is None:
        return False
    key: tuple[str, ...]
    if place.kind == "metonym" and place.sector and place.sector != "GOV":
        key = ("M", place.code, normalise(place.alias))
        group = g.get(key, _Group(key, "organization", n.core, place.code, place.sector, provenance="actors.gazetteer_metonym"))
        g.add(group, n, "metonym")
        return True
    if place.kind == "demonym" and _noun_use(_root(g.doc, n.span)):
        code = _context_country(g.doc, n.span, g.gaz) or place.code
        key = ("D", code, normalise(n.core))
        group = g.get(key, _Group(key, "group", n.core, code, "CVL", provenance="actors.demonym_group"))
        g.add(group, n, "group")
        return True
    key = ("C", place.code)
    group = g.get(key, _Group(key, "country", place.name, place.code, "GOV", provenance="actors.gazetteer_country"))
    kind: MentionKind = "country" if place.kind == "country" else ("demonym" if place.kind == "demonym" else "metonym")
    group.mentions.append(Mention(n.start, n.end, n.text, kind))
    group.last = n.span.i
    return True


def org_rule(g: _Grouper, n: _Name) -> bool:
    """An organisation entity groups by name and the country its possessor or modifier gives: "Russia's
    Defence Ministry" and "Ukraine's Defence Ministry" stay apart, a bare "Defence Ministry" goes to the
    latest of that name. Time zones and the tail of a title ("Secretary of [State]") are dropped."""
    if n.label != "ORG":
        return False
    if n.core.lower() in NOT_ORGS or _title_tail(g.doc, n.span, g.gaz):
        return True
    ctx = _context_country(g.doc, n.span, g.gaz)
    norm = normalise(n.core)
    key = ("O", norm, ctx or "")
    org = g.by_key.get(key) if ctx else (_latest_org(g.groups, norm) or g.by_key.get(key))
    if org is None:
        org = g.get(key, _Group(key, "organization", n.core))
    g.add(org, n)
    return True


def norp_group_rule(g: _Grouper, n: _Name) -> bool:
    """A nationality or religious group the recogniser found, used as a noun, is a group ("Druze fled")."""
    if n.label != "NORP" or not _noun_use(_root(g.doc, n.span)):
        return False
    key = ("N", normalise(n.core))
    group = g.get(key, _Group(key, "group", n.core, provenance="actors.ner_group"))
    g.add(group, n, "group")
    return True


RULES: tuple[Callable[[_Grouper, _Name], bool], ...] = (
    place_rule, person_rule, body_rule, country_rule, org_rule, norp_group_rule,
)


def strip_title(text: str) -> str:
    """``Mr. Erdogan`` -> ``Erdogan``; the article and a possessive go too."""
    text = POSSESSIVE.sub("", text).strip()
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return HONORIFICS.sub("", text).strip()


def _strip_article(text: str) -> str:
    text = POSSESSIVE.sub("", text).strip()
    return re.sub(r"^the\s+", "", text, flags=re.I).strip()


def title_label(title: str, gaz: Gazetteer | None = None) -> tuple[str, str | None] | None:
    """The role and sector that title words give: the longest role noun that ends them ("Chinese Foreign
    Minister" -> Foreign Minister, GOV; "Det. Sgt." -> Sergeant; "Coach" -> Coach, CVL), or None."""
    gaz = gaz or gazetteer()
    words = title.split()
    for k in range(len(words)):
        info = gaz.role(" ".join(words[k:]).lower())
        if info is not None and info.label and info.weight <= 2:  # a generic "Leader" gives no sector
            return info.label, (info.sector or None) if info.weight >= 1 else None
    return None


def _title_tail(doc: Doc, s: NameSpan, gaz: Gazetteer) -> bool:
    """A one-word "organisation" that is part of a title: "Secretary of [State]", "[Defense] Minister"."""
    if s.j - s.i != 1:
        return False
    tok = doc[s.i]
    if tok.dep_ == "compound" and tok.head.i == tok.i + 1:
        role = gaz.role(tok.head.lower_)
        if role is not None and role.weight <= 1:
            return True
    return s.i >= 2 and doc[s.i - 1].lower_ == "of" and gaz.role(doc[s.i - 2].lower_) is not None


def _root(doc: Doc, s: NameSpan) -> Token:
    toks = doc[s.i : s.j]
    for t in toks:
        if t.head.i < s.i or t.head.i >= s.j or t.head.i == t.i:
            return t
    return toks[-1]


def _noun_use(tok: Token) -> bool:
    """A demonym used as a noun for people ("Palestinians fled"), not as a modifier ("Palestinian police")."""
    return tok.tag_ in ("NNS", "NNPS") and tok.dep_ not in ("amod", "compound", "poss")


def _context_country(doc: Doc, s: NameSpan, gaz: Gazetteer) -> str | None:
    """The country a possessor or modifier gives a name: "Turkey's Defence Ministry" -> TUR."""
    root = _root(doc, s)
    for child in root.lefts:
        if child.i >= s.i:
            continue
        if child.dep_ in ("poss", "amod", "compound", "nmod"):
            place = gaz.lookup(child.text)
            if place is not None:
                return place.code
    return None


def _add(g: _Group, start: int, end: int, text: str, kind: MentionKind, core: str, at: int) -> None:
    if any(m.start == start and m.end == end for m in g.mentions):
        return
    g.mentions.append(Mention(start, end, text, kind))
    if len(core) > len(g.name) and g.type in ("person", "organization", "group"):
        g.name = core
    g.last = at


def _unknown_person(groups: list[_Group], toks: set[str]) -> _Group | None:
    """The person whose name tokens include (or are included in) ``toks``. When several share them (two
    relatives, "Ilse Brandauer" and "her husband Tomasz Brandauer"), a bare "Brandauer" goes to the most
    mentioned, the most recent on a tie: news refers to the secondary relative by the given name."""
    best: _Group | None = None
    for g in groups:
        if g.type != "person" or not toks or not g.tokens:
            continue
        if toks <= g.tokens or g.tokens <= toks:
            if best is None or (len(g.mentions), g.last) > (len(best.mentions), best.last):
                best = g
    return best


def _tagged_person(tok: Token) -> bool:
    """A word the tagger calls a person and the parse uses as a name: no article or adjective before it,
    no noun after it that it modifies ("the central [Sahel]", "[Sahel] juntas" are regions)."""
    if tok.ent_type_ != "PERSON" or any(c.dep_ in ("det", "amod") for c in tok.children):
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.i == tok.sent.start and not (nxt is not None and POSSESSIVE.fullmatch(nxt.text)):
        return False  # "Struck employee with a bat": a capitalised verb, not a name
    return not (tok.dep_ == "compound" and tok.head.pos_ == "NOUN")


def _give_title(g: _Group, title: str, gaz: Gazetteer) -> None:
    """Title words before a name ("Councillor Aaron Fry") become the person's role when it has none."""
    if not title or g.role is not None:
        return
    found = title_label(title, gaz)
    if found is not None:
        g.role = found[0]
        g.sector = g.sector or found[1]


def _latest_org(groups: list[_Group], norm: str) -> _Group | None:
    """A bare "Defence Ministry" goes to the latest organisation of that name, whatever its country."""
    best: _Group | None = None
    for g in groups:
        if g.key[0] == "O" and g.key[1] == norm and (best is None or g.last > best.last):
            best = g
    return best
