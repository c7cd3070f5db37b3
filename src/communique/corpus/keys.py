"""Global actor keys: one stable, URL-safe key per real-world actor across every article of a store.

Construction (first rule that applies; the key is a pure function of the article actor, its mentions
and the article's publication date, so it does not depend on what else is stored or in what order):

1. A country (type ``country`` with an ISO code) keys by its code: ``country:RUS``.
2. A person the office-holder tables know (by full name or, near the term, by surname) keys by the
   table's canonical name: ``person:vladimir-putin`` ("Putin", "Vladimir Putin", and every role form the
   article resolved to him, such as "the Russian president", are aliases of it).
3. A body or group of ``igos.tsv``/``groups.tsv`` keys by its canonical name: ``org:hamas``.
4. Another *named* person keys by the normalised full name (titles dropped, at least two words) plus
   the country when one is coded: ``person:oleksiy-marchenko.ukr``; a named organisation or place
   keys by its normalised name plus country (``org:interior-ministry.ukr``); one without a country
   never merges across articles (a country-less "Interior Ministry" stays the article's own).
5. A generic actor (no proper name: "officials", "police", "a spokesperson") merges across articles
   only when coded to the same country *and* sector and named the same way:
   ``generic:officials.rus-gov``, shown as "officials (RUS GOV)". Without both codes, or a surname
   alone that no table knows, the actor stays local to its article: ``local:<article hash>:<actor id>``.

Two people never share a key: a person key is either one office-holder's table entry or one full name
(with its country).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

INTERNATIONAL = frozenset({"IGO", "NGO", "IMG"})
NAMED_KINDS = frozenset({"name", "country", "demonym", "metonym"})
ALIAS_SKIP_KINDS = frozenset({"pronoun"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_.:\-]+$")


@dataclass(frozen=True, slots=True)
class GlobalKey:
    """What an article actor links to: the key, a display name, and whether the key is generic or local."""

    key: str
    name: str
    kind: str  # "country", "officeholder", "body", "named", "generic" or "local"


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits joined by ``-``: ``Zelenskyy's office`` -> ``zelenskyy-s-office``."""
    from communique.actors.gazetteer import fold  # the actor package loads lazily: readers never need it

    return _NOT_SLUG.sub("-", fold(text).lower()).strip("-") or "x"


def local_key(article_id: str, actor_id: str) -> str:
    digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:10]
    return f"local:{digest}:{slug(actor_id)}"


def _named(actor: dict[str, Any]) -> bool:
    kinds = {m.get("kind") for m in actor.get("mentions", ())}
    return bool(kinds & NAMED_KINDS)


def _full_name(name: str) -> str | None:
    """The name without leading titles, when it has at least two words that start with a capital."""
    from communique.actors.gazetteer import TITLES

    bare = TITLES.sub("", name.strip()).strip()
    words = bare.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words if w.lower() not in {"al", "bin", "de", "van", "von"}):
        return None
    return bare


def generic_name(name: str, country: str | None, sector: str | None) -> str:
    """``officials (RUS GOV)``: a generic actor's name with the codes that keep it apart."""
    codes = " ".join(c for c in (country, sector) if c)
    return f"{name} ({codes})" if codes else name


def actor_key(actor: dict[str, Any], article_id: str, published: str | None) -> GlobalKey:
    """The global key of one article actor (a row of the output contract's ``actors``)."""
    from communique.actors.gazetteer import gazetteer, normalise, person_key

    name = str(actor.get("name") or "")
    typ = actor.get("type") or "unknown"
    country, sector = actor.get("country"), actor.get("sector")
    gaz = gazetteer()
    if typ == "country" and country and country not in INTERNATIONAL:
        return GlobalKey(f"country:{country}", gaz.country_name(country) or name, "country")
    named = _named(actor)
    if typ == "person":
        holder = gaz.person_at(name, published, single=len(name.split()) == 1) if named else None
        if holder:
            return GlobalKey(f"person:{slug(holder)}", holder, "officeholder")
        full = _full_name(name) if named else None
        if full:
            tail = f".{country.lower()}" if country else ""
            return GlobalKey(f"person:{slug(person_key(full))}{tail}", full, "named")
    elif named:
        body = gaz.body(name, published)
        if body is not None:
            return GlobalKey(f"org:{slug(body.name)}", body.name, "body")
        if country:
            prefix = "place" if typ == "unknown" else "org"
            return GlobalKey(f"{prefix}:{slug(normalise(name))}.{country.lower()}", name, "named")
    if not named and country and sector:
        key = f"generic:{slug(normalise(name))}.{country.lower()}-{sector.lower()}"
        return GlobalKey(key, generic_name(name, country, sector), "generic")
    return GlobalKey(local_key(article_id, str(actor.get("id") or name)), generic_name(name, country, sector), "local")


def aliases(actor: dict[str, Any]) -> list[str]:
    """Every surface form of the actor in its article but pronouns: its name and its mentions' texts."""
    forms = [str(actor.get("name") or "")]
    forms += [" ".join(str(m.get("text") or "").split()) for m in actor.get("mentions", ())
              if m.get("kind") not in ALIAS_SKIP_KINDS]
    return sorted({f for f in forms if f})
