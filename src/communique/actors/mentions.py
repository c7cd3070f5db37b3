"""Named mentions from spaCy entities, grouped by alias within the article.

"Recep Tayyip Erdogan", "Mr. Erdogan" and "Erdogan" become one actor named by the fullest form;
country names and demonyms are coded with their ISO 3166-1 alpha-3 code through the gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique.actors.gazetteer import gazetteer
from communique.records import Actor, ActorType, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

TITLES = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|sir|gen|col|lt|sgt|rep|sen|gov|president|prime minister)\.?\s+", re.I)
LABEL_TYPE: dict[str, ActorType] = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


@dataclass
class _Group:
    type: ActorType
    name: str
    tokens: set[str]
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None


def _strip(text: str) -> str:
    text = text.replace("\u2019", "'")
    text = re.sub(r"'s?$", "", text).strip()
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return TITLES.sub("", text).strip()


def _entity_mention(ent: Span) -> tuple[int, int]:
    """Character bounds of the entity without a trailing possessive."""
    end = ent.end_char
    if ent[-1].text in ("'s", "'", "\u2019s", "\u2019"):
        end = ent[-1].idx
    return ent.start_char, end


def group_entities(doc: Doc, *, published: str | None = None) -> list[Actor]:
    """Actors from the PERSON/ORG/GPE/NORP entities of ``doc``, grouped by alias."""
    gaz = gazetteer()
    groups: list[_Group] = []
    for ent in doc.ents:
        kind = LABEL_TYPE.get(ent.label_)
        if kind is None:
            continue
        start, end = _entity_mention(ent)
        text = doc.text[start:end]
        core = _strip(text)
        if not core:
            continue
        place = gaz.lookup(core) if kind in ("country", "group", "organization") else None
        if place is not None:
            mkind = "country" if place.kind == "country" else place.kind
            key_type: ActorType = "group" if place.kind == "demonym" and kind == "group" else "country"
            if place.kind == "demonym":
                key_type = "country"  # a bare demonym as an actor stands for the state ("Russian officials" is handled later)
            target = next((g for g in groups if g.country == place.code and g.type == key_type), None)
            if target is None:
                target = _Group(key_type, place.name, {place.name.lower()}, country=place.code)
                groups.append(target)
            target.mentions.append(Mention(start, end, text, mkind))  # type: ignore[arg-type]
            continue
        if kind == "group":
            continue  # a NORP that is no demonym we know (religions, parties) is not an actor by itself
        toks = {t.lower() for t in core.split()}
        target = None
        for g in groups:
            if g.type != kind and not (kind == "person" and g.type == "person"):
                continue
            if toks <= g.tokens or g.tokens <= toks:
                target = g
                break
        if target is None:
            target = _Group(kind, core, set(toks))
            groups.append(target)
        elif len(toks) > len(target.tokens):
            target.name, target.tokens = core, set(toks)
        target.mentions.append(Mention(start, end, text, "name"))
    return [
        Actor(
            id=f"A{i}",
            name=g.name,
            type=g.type,
            mentions=tuple(g.mentions),
            country=g.country,
            sector="GOV" if g.type == "country" else None,
            provenance="actors.ner_alias_group",
        )
        for i, g in enumerate(groups, 1)
    ]
