"""Look-ups over the actor data files: countries, bodies, armed groups, office-holders and role nouns.

The facts live in ``communique/data/*.tsv`` (each with a header naming its sources); this module only
loads and indexes them. ``gazetteer()`` is cached per process because the files are read-only.

- ``lookup(text)``: a name that stands for a country -- its name, demonym, capital or a seat-of-power
  metonym ("Kremlin" -> RUS, "Pentagon" -> USA with sector MIL). Other cities are not states:
  ``city(text)`` finds them ("Kharkiv" -> UKR) in the places column of ``countries.tsv`` and in
  ``places.tsv`` (cities, regions, state and province abbreviations: "Calif." -> USA, alias "California").
- ``body(text, date)``: an international body (``igos.tsv``: "NATO" -> IGO MIL) or a named non-state or
  national organisation (``groups.tsv``: "Hamas" -> PSE REB), coded as of ``date``.
- ``person(text, date)``: an office-holder by full name or alias, with the term covering ``date``.
- ``role(noun)``: a role or agent noun ("spokesman", "troops") with its sector and weight.

Matching is case-insensitive, with diacritics folded, a leading "the" and a possessive "'s" dropped;
acronyms ("US", "WHO", "IS", "AA") match only in capitals, so "us" and "who" never do. The name keys
(``normalise``, ``person_key``) are pure functions of the text and memoised.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from communique import data
from communique.actors.names import alternation

PlaceKind = Literal["country", "demonym", "capital", "metonym", "place"]
BodyType = Literal["organization", "group"]

ISO_EXTRA = frozenset({"XKX"})  # user-assigned ISO code we use (Kosovo)
RECENT_YEARS = 4  # a surname alone names an office-holder this long after the term ended
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG"})  # CAMEO codes for bodies without one country
TITLES = re.compile(rf"^(?:(?:{alternation(data.words('actors.office_titles'))})\.?\s+)+", re.I)
_ACRONYM = re.compile(r"^(?=.*[A-Z])[A-Z0-9.&+\-/]{2,}$")


@dataclass(frozen=True, slots=True)
class Place:
    """A name that stands for a country: ``Beijing`` -> CHN (capital); ``Pentagon`` -> USA, sector MIL."""

    code: str
    name: str  # the country's canonical name
    kind: PlaceKind
    sector: str | None = None  # for metonyms of one branch (Pentagon: MIL, Knesset: LEG); None = government
    alias: str = ""  # the alias as written in the data file


@dataclass(frozen=True, slots=True)
class Body:
    """An international body or a named organisation, group or party, coded for one period."""

    name: str  # canonical name
    country: str  # ISO3, or IGO / NGO / IMG
    sector: str
    type: BodyType
    start: str = ""
    end: str = ""
    cameo: str = ""
    source: str = ""  # "igos" or "groups"


@dataclass(frozen=True, slots=True)
class Term:
    """One office-holder's term: who held which office for which country, from when to when."""

    name: str
    country: str
    sector: str
    role: str
    start: str = ""
    end: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class RoleNoun:
    """A role or agent noun: its PLOVER/CAMEO sector, full agent code, weight and display label."""

    noun: str
    sector: str
    code: str
    weight: int
    label: str


def _aliases(field: str) -> list[str]:
    """The ``|``-separated aliases of a field, without notes in parentheses."""
    return [a.strip() for a in field.split("|") if a.strip() and "(" not in a]


def fold(text: str) -> str:
    """Diacritics removed: ``Erdoğan`` -> ``Erdogan``."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).replace("ı", "i")


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Case-folded, diacritics folded, ``the`` and possessive ``'s`` stripped, spaces collapsed."""
    t = " ".join(fold(text).replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").split()).lower()
    if t.startswith("the "):
        t = t[4:]
    if t.endswith("'s"):
        t = t[:-2]
    elif t.endswith("'"):
        t = t[:-1]
    return t.strip()


@functools.lru_cache(maxsize=65536)
def person_key(text: str) -> str:
    """A person-name key: normalised, periods and hyphens as spaces (``Joseph R. Biden`` = ``joseph r biden``)."""
    return " ".join(normalise(text).replace(".", " ").replace("-", " ").split())


def is_acronym(alias: str) -> bool:
    """``US``, ``U.N.``, ``WHO``, ``M23``: matched only when written in capitals."""
    return bool(_ACRONYM.match(alias.strip()))


def as_date(value: str | None) -> str | None:
    """``value`` as an ISO date prefix (``2025``, ``2025-03``, ``2025-03-04``), or None when it is none."""
    if not value:
        return None
    m = re.match(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?", value.strip())
    return m.group(0) if m else None


def covers(start: str, end: str, date: str | None) -> bool:
    """Whether the term ``[start, end]`` (ISO dates, empty = open) covers ``date`` (an ISO prefix)."""
    if not date:
        return not end
    d = date[:10]
    return (not start or start[: len(d)] <= d) and (not end or d <= end[: len(d)])


class _Index:
    """Alias -> values, with acronyms matched case-sensitively."""

    def __init__(self) -> None:
        self.plain: dict[str, list[object]] = {}
        self.exact: dict[str, list[object]] = {}

    def add(self, alias: str, value: object, keyf: object = normalise) -> None:
        if is_acronym(alias):
            bucket = self.exact.setdefault(alias.strip(), [])
        else:
            bucket = self.plain.setdefault(keyf(alias), [])  # type: ignore[operator]
        if value not in bucket:
            bucket.append(value)

    def get(self, text: str, keyf: object = normalise) -> list[object]:
        raw = text.strip().replace("\u2019", "'")
        raw = re.sub(r"^(?:[Tt]he)\s+", "", raw)
        raw = re.sub(r"'s?$", "", raw).strip()
        if raw in self.exact:
            return self.exact[raw]
        if is_acronym(raw) and (len(raw) <= 3 or "." in raw or not raw.isalpha()):
            return []  # "US", "WHO", "IS" only in capitals; "DOHA" or "KINSHASA" in a dateline is a name
        return self.plain.get(keyf(text), [])  # type: ignore[operator]

    def keys(self) -> list[str]:
        return list(self.plain) + list(self.exact)


class Gazetteer:
    """Countries, places, bodies, office-holders and role nouns, keyed by normalised text."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self._places = _Index()
        self._cities = _Index()
        self._bodies = _Index()
        self._persons = _Index()
        self.terms: dict[str, list[Term]] = {}
        self.roles: dict[str, RoleNoun] = {}
        self._firsts: frozenset[str] | None = None
        self._keysets: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = None
        self._load_countries()
        self._load_places()
        self._load_bodies()
        self._load_people()
        self._load_roles()

    # -- loading ---------------------------------------------------------------------------------------

    def _load_countries(self) -> None:
        for row in data.rows("countries.tsv"):
            row = row + ("",) * (6 - len(row))
            code, names, demonyms, capitals, metonyms, places = (c.strip() for c in row[:6])
            canonical = _aliases(names)[0]
            self.names[code] = canonical
            for kind, field in (("country", names), ("demonym", demonyms), ("capital", capitals)):
                for alias in _aliases(field):
                    self._places.add(alias, Place(code, canonical, kind, None, alias))  # type: ignore[arg-type]
            for item in _aliases(metonyms):
                alias, _, sector = item.partition(":")
                self._places.add(alias, Place(code, canonical, "metonym", sector or None, alias))
            for alias in _aliases(places):
                self._cities.add(alias, Place(code, canonical, "place", None, alias))

    def _load_places(self) -> None:
        """``places.tsv``: cities, regions and state abbreviations, after the countries file so that a
        country name, demonym, capital or metonym always wins."""
        for row in data.rows("places.tsv"):
            row = row + ("",) * (3 - len(row))
            code, kind, names = (c.strip() for c in row[:3])
            canonical = self.names.get(code, code)
            for item in _aliases(names):
                alias, _, full = item.partition("=") if kind == "abbreviation" else (item, "", "")
                if self._places.get(alias):
                    continue
                self._cities.add(alias, Place(code, canonical, "place", None, full or alias))

    def _load_bodies(self) -> None:
        for row in data.rows("igos.tsv"):
            row = row + ("",) * (4 - len(row))
            cameo, country, sector, names = (c.strip() for c in row[:4])
            aliases = _aliases(names)
            body = Body(aliases[0], country, sector, "organization", cameo=cameo, source="igos")
            for alias in aliases:
                self._bodies.add(alias, body)
        for row in data.rows("groups.tsv"):
            row = row + ("",) * (6 - len(row))
            names, country, sector, btype, start, end = (c.strip() for c in row[:6])
            aliases = _aliases(names)
            body = Body(aliases[0], country, sector, btype, start, end, source="groups")  # type: ignore[arg-type]
            for alias in aliases:
                self._bodies.add(alias, body)

    def _load_people(self) -> None:
        curated: set[str] = set()
        for row in data.rows("officeholders.tsv"):
            curated.add(row[0].strip())
        for row in data.rows("officeholders.tsv") + tuple(r for r in data.rows("officeholders_petrarch.tsv") if r[0] not in curated):
            row = row + ("",) * (8 - len(row))
            name, aliases, country, sector, role, start, end, note = (c.strip() for c in row[:8])
            self.terms.setdefault(name, []).append(Term(name, country, sector, role, start, end, note))
            for alias in [name, *_aliases(aliases)]:
                self._persons.add(alias, name, person_key)
        for terms in self.terms.values():
            terms.sort(key=lambda t: (t.start or "0000", t.end or "9999"))

    def _load_roles(self) -> None:
        for row in data.rows("roles.tsv"):
            row = row + ("",) * (5 - len(row))
            noun, sector, code, weight, label = (c.strip() for c in row[:5])
            self.roles.setdefault(noun, RoleNoun(noun, sector, code, int(weight or 1), label or noun.title()))

    # -- look-ups --------------------------------------------------------------------------------------

    def lookup(self, text: str) -> Place | None:
        """The country ``text`` names (name, demonym, capital or metonym), or None."""
        found = self._places.get(text)
        return found[0] if found else None  # type: ignore[return-value]

    def city(self, text: str) -> Place | None:
        """A city or region that is not a capital: ``Kharkiv`` -> UKR (kind "place"); a state abbreviation
        with its period (``Calif.``, ``Ont.``) -> its place, ``alias`` the full name."""
        found = self._cities.get(text)
        return found[0] if found else None  # type: ignore[return-value]

    def body(self, text: str, date: str | None = None) -> Body | None:
        """The body or group ``text`` names, in its standing on ``date`` (latest standing when None)."""
        date = as_date(date)
        found: list[Body] = self._bodies.get(text)  # type: ignore[assignment]
        if not found:
            return None
        names = {b.name for b in found}
        if len(names) > 1:  # one alias, several bodies: only an unambiguous one is taken
            return None
        dated = [b for b in found if covers(b.start, b.end, date)]
        if dated:
            return dated[-1]
        if date:
            before = [b for b in found if b.end and b.end[: len(date[:10])] < date[:10]]
            return before[-1] if before else found[0]
        return found[-1]

    def person_names(self, text: str, *, titles: bool = True) -> list[str]:
        """Canonical names of the office-holders ``text`` may name (several when an alias is shared);
        with ``titles``, a leading title is dropped first when the whole text matches nothing."""
        found = self._persons.get(text, person_key)
        if not found and titles:
            bare = TITLES.sub("", text.strip())
            if bare and bare != text.strip():
                found = self._persons.get(bare, person_key)
        return list(found)  # type: ignore[arg-type]

    def person(self, text: str, date: str | None = None) -> Term | None:
        """The office-holder ``text`` names and the term that applies on ``date`` (see ``term_at``)."""
        date = as_date(date)
        names = self.person_names(text)
        if len(names) > 1:
            active = [n for n in names if any(covers(t.start, t.end, date) for t in self.terms[n])]
            names = active if len(active) == 1 else []
        return self.term_at(names[0], date) if names else None

    def person_at(self, text: str, date: str | None, *, single: bool = False) -> str | None:
        """The office-holder ``text`` names on ``date``. A one-word name (a surname) must be in office then,
        or have left it at most ``RECENT_YEARS`` before, or start within a year; a full name always counts."""
        date = as_date(date)
        names = self.person_names(text)
        if not names:
            return None
        active = [n for n in names if any(covers(t.start, t.end, date) for t in self.terms[n])]
        if len(names) > 1:
            return active[0] if len(active) == 1 else None
        name = names[0]
        if not single or not date or active:
            return name
        year = int(date[:4])
        terms = self.terms[name]
        if all(t.end for t in terms) and max(int(t.end[:4]) for t in terms) + RECENT_YEARS < year:
            return None
        starts = [int(t.start[:4]) for t in terms if t.start]
        if starts and min(starts) > year + 1:
            return None
        return name

    def term_at(self, name: str, date: str | None) -> Term | None:
        """The term of ``name`` covering ``date``; after the last one, a "Former ..." term; before the first,
        the first term's country with no sector or role; with no date, the current (or latest) term."""
        date = as_date(date)
        terms = self.terms.get(name)
        if not terms:
            return None
        if not date:
            open_terms = [t for t in terms if not t.end]
            return (open_terms or terms)[-1]
        current = [t for t in terms if covers(t.start, t.end, date)]
        if current:
            return max(current, key=lambda t: t.start or "0000")
        d = date[:10]
        past = [t for t in terms if t.end and t.end[: len(d)] < d]
        if past:
            last = max(past, key=lambda t: t.end)
            sector = "ELI" if last.sector == "GOV" else last.sector
            role = last.role if not last.role or last.role.lower().startswith("former") else f"Former {last.role}"
            return Term(last.name, last.country, sector, role, last.start, last.end, "after the term")
        first = terms[0]
        return Term(first.name, first.country, "", "", first.start, first.end, "before the term")

    def role(self, noun: str) -> RoleNoun | None:
        """The role noun (singular or plural, any case): ``Spokesmen`` -> spokesman, GOV."""
        key = " ".join(fold(noun).lower().replace("\u2019", "'").split())
        if not key:
            return None
        found = self.roles.get(key)
        if found is not None:
            return found
        for singular in _singulars(key):
            found = self.roles.get(singular)
            if found is not None:
                return found
        return None

    def country_name(self, code: str) -> str | None:
        return self.names.get(code)

    def key_sets(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """Every normalised alias key (bodies, places, cities), every person key, every exact acronym: a
        quick membership test before a full look-up."""
        if self._keysets is None:
            plain = {k for idx in (self._bodies, self._places, self._cities) for k in idx.plain}
            exact = {k for idx in (self._bodies, self._places, self._cities, self._persons) for k in idx.exact}
            self._keysets = (frozenset(plain), frozenset(self._persons.plain), frozenset(exact))
        return self._keysets

    def first_words(self) -> frozenset[str]:
        """The first word of every person, body and place alias (normalised), to start a phrase match."""
        if self._firsts is None:
            words = {normalise(k.split()[0]) for idx in (self._bodies, self._places) for k in idx.keys() if k.strip()}
            words |= {normalise(k.split()[0]) for k in self._cities.keys() if k.strip()}
            words |= {normalise(k.split()[0]).rstrip(".") for k in self._cities.keys() if k.strip().endswith(".")}
            words |= {person_key(k.split()[0]) for k in self._persons.keys() if k.strip()}
            self._firsts = frozenset(words)
        return self._firsts


def _singulars(key: str) -> list[str]:
    """Candidate singular forms of the last word of ``key``."""
    head, _, last = key.rpartition(" ")
    pre = f"{head} " if head else ""
    out: list[str] = []
    if last.endswith("men"):
        out.append(pre + last[:-3] + "man")
    if last.endswith("people"):
        out.append(pre + last[:-6] + "person")
    if last.endswith("ies"):
        out.append(pre + last[:-3] + "y")
    if last.endswith("es"):
        out.append(pre + last[:-2])
    if last.endswith("s") and not last.endswith("ss"):
        out.append(pre + last[:-1])
    return out


@functools.cache
def gazetteer() -> Gazetteer:
    return Gazetteer()
