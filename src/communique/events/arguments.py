"""Event arguments: the actor and recipient phrases of a trigger, resolved to actor ids.

A phrase resolves to the actor one of whose mentions covers its head word; a participant noun
("Israeli troops", "the rebels", "Qatar's emir") that no actor covers becomes a new actor, coded from
its modifiers (country) and the noun (sector). ``Participants`` holds the growing actor list of one
article; it is local to one ``extract_events`` call, never shared.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from communique import data, syntax
from communique.actors import coding
from communique.actors.gazetteer import gazetteer, normalise
from communique.actors.table import ActorEntry, ActorTable
from communique.events.patterns import in_name, participant_sectors, patterns, through, title_case, weapons
from communique.events.readings import location_modifier
from communique.records import ActorType, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODIFIER_DEPS = ("amod", "compound", "poss", "nmod", "npadvmod")
OF_PREPS = ("of", "from", "in", "for", "throughout", "across", "at")
PRONOUN_LISTS = (
    "pronouns.male", "pronouns.female", "pronouns.plural", "pronouns.neuter", "pronouns.first_second",
    "pronouns.relative", "pronouns.demonstrative",
)


def _pronouns() -> frozenset[str]:
    """Every pronoun: a pronoun heads no actor phrase of its own."""
    return data.words(*PRONOUN_LISTS)


GROUP_SECTORS = frozenset({"MIL", "REB", "COP", "CVL", "OPP", "LAB", "EDU", "REF", "MED", "PTY", "LEG", "JUD"})


def _role_sector(noun: str) -> str | None:
    """The sector of a participant noun: the actor coder's role table, else the events table."""
    return coding.role_sector(noun) or participant_sectors().get(noun)


def armed_group(h: Token) -> bool:
    """A generic group noun made armed by its modifier is a rebel participant (never GOV).

    "the insurgent group", "other militant groups", "an armed faction", "jihadist networks".
    """
    if h.lemma_.lower() not in data.words("events.group_nouns"):
        return False
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in data.words("events.armed_modifiers") for c in h.children)


def side_noun(h: Token) -> bool:
    """A noun for the sides of a conflict or of talks: a participant of no sector (and never a political party).

    "the two sides agreed", "the factions signed", "both belligerents accepted", "the warring parties met",
    "the parties to the conflict" (``coding.side_party``); not "the ruling party" or "the Labour Party", and
    not an armed group ("an armed faction" is REB, ``armed_group``).
    """
    if h.pos_ != "NOUN" or armed_group(h):
        return False
    return h.lemma_.lower() in data.words("events.side_nouns") or coding.side_party(h)


def held_by(h: Token) -> Token | None:
    """The party noun that holds a military place: "rebel positions", "Kurdish militant hideouts", "an
    army base", "insurgent strongholds" -> the rebels, the militants, the army, the insurgents; the
    target of a strike on such a place (``events.held_places``). None for a place of no party noun, and
    for an adjective of kind ("military targets", "civilian sites": any side's)."""
    if h.lemma_.lower() not in data.words("events.held_places"):
        return None
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in h.children):
        return None  # "TTP terrorist camps": the named group holds them (the phrase's own modifier)
    kinds = data.words("events.place_kind_adjectives")  # "military targets": a kind of target, no holder
    return next(
        (c for c in h.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ") and c.lower_ not in kinds and _role_sector(c.lemma_.lower())),
        None,
    )


class Participants:
    """The article's actors, indexed by the tokens their mentions cover; grows with new participants."""

    def __init__(self, doc: Doc, table: ActorTable, published: str | None, *, text: str) -> None:
        self.doc = doc
        self.text = text  # the article text, read once by the document layer
        self.published = published
        self.table = table
        self.by_token: dict[int, list[str]] = {}
        self.by_id: dict[str, ActorEntry] = {}
        self.index_of: dict[str, int] = {}
        self.by_name: dict[str, str] = {}
        for i, a in enumerate(table):
            if a.merged_into is not None:
                continue
            self.by_id[a.id] = a
            self.index_of[a.id] = i
            self.by_name.setdefault(normalise(a.name), a.id)
            for m in a.mentions:
                self._index(m.start, m.end, a.id)

    @property
    def actors(self) -> list[ActorEntry]:
        """The live actors of the article, in table order."""
        return [a for a in self.table if a.merged_into is None]

    def _index(self, start: int, end: int, actor_id: str) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        for t in span:
            ids = self.by_token.setdefault(t.i, [])
            if actor_id not in ids:
                ids.append(actor_id)

    def covering(self, tok: Token) -> str | None:
        ids = self.by_token.get(tok.i)
        return ids[0] if ids else None

    def locate(self, actor_id: str, country: str, why: str) -> None:
        """Give a participant this stage created, and left uncoded, the country its event places it in."""
        a = self.by_id.get(actor_id)
        if a is None or a.country or not a.provenance.startswith("events.participant"):
            return
        a.update(country=country, provenance=f"{a.provenance}+{why}")

    def country_of(self, actor_id: str) -> str | None:
        a = self.by_id.get(actor_id)
        return a.country if a else None

    # -- resolution --------------------------------------------------------------------------
    def resolve(self, head: Token, *, create: bool = True, recipient: bool = False, fresh: bool = False) -> list[str]:
        """Actor ids for the phrase headed by ``head`` and its conjuncts ("the US and Jordan");
        ``fresh``: the phrase itself, not the actor a coreference link made it a mention of."""
        out: list[str] = []
        for h in _conjuncts(head):
            if recipient and h.lemma_.lower() in weapons("munition", "vehicle", "attack"):
                continue  # "launched artillery": a weapon is no recipient
            ids = self._coordinated(h) if create else None
            if ids is None:
                aid = self._resolve_one(h, create=create, recipient=recipient, fresh=fresh)
                ids = [aid] if aid else []
            out.extend(a for a in ids if a not in out)
        return out

    def _coordinated(self, h: Token) -> list[str] | None:
        """A group noun with coordinated modifiers names one party per modifier: "US and British
        forces" -> US forces, British forces; "Kenyan and Ugandan troops" -> Kenyan troops, Ugandan
        troops. Beside a named group, a country named as a noun is that country: "Congo and M23
        rebels" -> Congo, M23; "Israeli and Hamas negotiators" -> Israeli negotiators, Hamas.
        None when ``h`` has no coordinated modifiers or names no group."""
        mods = _coordinated_modifiers(h)
        sector = _role_sector(h.lemma_.lower()) or ("REB" if armed_group(h) else None)
        if not mods or sector is None:
            return None
        places = [gazetteer().lookup(m.text) for m in mods]
        if any(p is None and not self._named_body(m) for m, p in zip(mods, places, strict=True)):
            return None  # "American and regional mediators": one group
        beside_group = any(p is None or p.kind not in ("country", "demonym") for p in places)
        out: list[str] = []
        for m, place in zip(mods, places, strict=True):
            named = self.covering(m)
            if place is not None and place.kind in ("country", "demonym"):
                if beside_group and m.pos_ == "PROPN" and place.kind == "country":
                    out.append(named or self._country_actor(place.code, place.name, m))
                else:
                    out.append(self._add(f"{m.text} {h.text}", "group", place.code, sector, None, [(m.idx, m.idx + len(m.text), "group")]))
            elif named is not None:
                out.append(named)  # "M23 rebels": the named group itself
        return out

    def _named_body(self, m: Token) -> bool:
        """``m`` is the name of an organisation or group the actors stage found ("M23", "Hamas")."""
        named = self.covering(m)
        return named is not None and self.by_id[named].type in ("organization", "group") and normalise(self.by_id[named].name) == normalise(m.text)

    def _resolve_one(self, h: Token, *, create: bool, recipient: bool = False, fresh: bool = False) -> str | None:
        if h.lower_ in ("who", "which", "that") and h.head.dep_ == "relcl":
            h = h.head.head  # "the rebels, who attacked ..." -> the relative clause's head noun
        h = through(h)
        lemma = h.lemma_.lower()
        sector = _role_sector(lemma) if h.pos_ in ("NOUN", "PROPN") else None
        if sector is None and armed_group(h):
            sector = "REB"
        if side_noun(h):
            sector = None  # "the warring parties" are the two sides, no political party
        if not recipient and h.pos_ == "NOUN" and unowned_thing(h):
            return None  # "the drone had attacked": a thing, whatever party a coreference link made it
        linked = self.covering(h) if fresh and h.pos_ == "NOUN" else None  # the coreference link set aside
        covered = None if linked is not None else self.covering(h)
        if covered is not None:
            return covered
        if h.pos_ == "PRON" or h.lower_ in _pronouns():
            return None
        if lemma in data.words("events.document_nouns") and not recipient:
            return None  # "the Washington agreement calls for ...": a text is no actor (its owner may be a recipient)
        if not recipient and unowned_thing(h):
            return None  # "a drone struck the depot": a thing does nothing; its owner does, or no one named
        for c in h.children:  # "the group, al-Nusra Front": the apposed name
            if c.dep_ == "appos" and sector is None:
                aid = self.covering(c) or (self._proper_noun(c) if create else None)
                if aid:
                    return aid
        if create and in_name(h) and (lemma, "N") in patterns() and lemma not in data.words("events.document_nouns"):
            return self._proper_noun(h)  # "Christian Aid": an event word inside a name
        if create and titled_name_end(h) is not None:
            return self._titled_name(h)
        modifier = self._modifier_actor(h, person_like=sector is None and lemma not in data.words("events.place_nouns"))
        if modifier is not None and modifier == linked:
            modifier = None  # "the disgraced financier": the link covers the adjective too
        if sector is None:
            holder = held_by(h) if recipient and create else None
            if holder is not None:  # "shelled rebel positions": the rebels, wherever the positions are
                return self.covering(holder) or self._new_participant(holder, None, _role_sector(holder.lemma_.lower()))
            if modifier is not None:
                return modifier
            if linked is not None and create:  # a person the link made of it, but not that one
                return self._new_participant(h, None, None)
            if side_noun(h) and create:
                return self._new_participant(h, None, None)
            if h.pos_ == "NOUN" and not create:
                # "against Sweden's decision": the decision's owner
                owner = next((c for c in h.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                return self.covering(owner) if owner is not None else None
            return self._proper_noun(h) if create else None
        for c in h.children:  # "Israel's Prime Minister Benjamin Netanyahu": the named person
            if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN":
                aid = self.covering(c)
                if aid and self.by_id[aid].type == "person":
                    return aid
        if not create:
            return modifier
        return self._new_participant(h, modifier, sector)

    def _modifier_actor(self, h: Token, *, person_like: bool = False) -> str | None:
        """An actor named inside the phrase: "Israeli" troops, "Qatar's" emir, leaders "of Hamas".

        For a head that names no participant (``person_like``: "Elian's father", "supporters in
        Miami") a possessor or a place is someone else, not the phrase itself."""
        for c in h.children:
            if person_like and c.dep_ == "poss":
                continue
            if _against(c) or location_modifier(c, h):
                continue  # an "anti-Syria journalist" is no Syrian; "the Libya fighting" is no Libyan deed
            if c.dep_ in MODIFIER_DEPS:
                aid = self.covering(c) or self._modifier_actor_deep(c)
                if aid:
                    return aid
                place = gazetteer().lookup(re.sub(r"-(led|backed|based|born|controlled|held|run)$", "", c.text))
                if place is not None:
                    return self._country_actor(place.code, place.name, c)
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in (("of", "from", "for") if person_like else OF_PREPS):
                for g in c.children:
                    if g.dep_ == "pobj":
                        aid = self.covering(g) or self._modifier_actor(g)
                        if aid:
                            return aid
        return None

    def _modifier_actor_deep(self, c: Token) -> str | None:
        for g in c.children:
            if g.dep_ in ("compound", "poss", "amod"):
                aid = self.covering(g)
                if aid:
                    return aid
        return None

    def fold_into_country(self, participant_id: str, code: str) -> str:
        """"his country" is the country itself: move the participant's mentions to the country actor
        (added when the text names it nowhere else) and drop the participant."""
        part = self.by_id[participant_id]
        target = next((a for a in self.actors if a.type == "country" and a.country == code), None)
        if target is None:
            name = gazetteer().country_name(code) or code
            spans: list[tuple[int, int, MentionKind]] = [(m.start, m.end, "other") for m in part.mentions]
            new_id = self._add(name, "country", code, "GOV", None, spans)
        else:
            new_id = target.id
            for m in part.mentions:
                self._index(m.start, m.end, new_id)
        self.table.merge(self.index_of[participant_id], self.index_of[new_id])
        del self.by_id[participant_id]
        for ids in self.by_token.values():
            if participant_id in ids:
                ids[ids.index(participant_id)] = new_id
        for key, aid in list(self.by_name.items()):
            if aid == participant_id:
                del self.by_name[key]
        return new_id

    def _country_actor(self, code: str, name: str, tok: Token) -> str:
        for a in self.actors:
            if a.type == "country" and a.country == code:
                return a.id
        return self._add(name, "country", code, "GOV", None, [(tok.idx, tok.idx + len(tok.text), "demonym")])

    def _proper_noun(self, h: Token) -> str | None:
        """A proper noun the entity recogniser missed, coded through the phrase coder."""
        if h.pos_ != "PROPN" and not in_name(h):  # "Christian Aid": a common noun inside a name
            return None
        start, end = _phrase_bounds(h)
        text = self.text[start:end]
        place = gazetteer().lookup(text)
        if place is not None:
            return self._country_actor(place.code, place.name, h)
        coded = coding.code_phrase(text, published=self.published)
        if coded and coded[0]:
            return self._add(text, "organization", coded[0], coded[1], coded[2], [(start, end, "name")])
        if coded and coded[1] and coded[2]:  # "a Labour MP": a party name and a role noun, a person of that role
            return self._add(text, "person", None, coded[1], coded[2], [(start, end, "name")])
        if h.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE", "PRODUCT"):
            return None
        key = normalise(text)
        if key in self.by_name:
            return self.by_name[key]
        # a name the entity recogniser missed ("Human Rights Watch"): an actor of unknown coding
        return self._add(text, "unknown", None, None, None, [(start, end, "name")])

    def _titled_name(self, h: Token) -> str:
        """A name the recogniser missed, written in title case round a capitalised preposition:
        "Action Against Famine", "Friends Of The Earth" (coded when the phrase coder knows it)."""
        start, _ = _phrase_bounds(h)
        end = titled_name_end(h) or start
        text = self.text[start:end]
        key = normalise(text)
        if key in self.by_name:
            return self.by_name[key]
        coded = coding.code_phrase(text, published=self.published)
        if coded and coded[0]:
            return self._add(text, "organization", coded[0], coded[1], coded[2], [(start, end, "name")])
        return self._add(text, "organization", None, None, None, [(start, end, "name")])

    def _new_participant(self, h: Token, modifier: str | None, sector: str | None) -> str:
        start, end = _phrase_bounds(h)
        text = self.text[start:end]
        key = normalise(text)
        if key in self.by_name:
            aid = self.by_name[key]
            self._index(start, end, aid)
            return aid
        country = self.country_of(modifier) if modifier else None
        role = None
        coded = coding.code_phrase(text, published=self.published)
        if coded:
            country = coded[0] or country
            sector = coded[1] or sector
            role = coded[2]
        if side_noun(h):
            sector = None  # "the warring parties": sides, whatever "party" codes to
        kind: MentionKind = "group" if sector in GROUP_SECTORS or h.tag_ == "NNS" else "role"
        atype: ActorType = "group" if kind == "group" else ("organization" if h.tag_ != "NNP" and h.lemma_.lower() in data.words("events.institution_nouns") else "person")
        if kind == "group" and h.lemma_.lower() in data.words("events.institution_groups"):
            atype = "organization"
        return self._add(text, atype, country, sector, role, [(start, end, kind)])

    def _add(
        self,
        name: str,
        atype: ActorType,
        country: str | None,
        sector: str | None,
        role: str | None,
        spans: list[tuple[int, int, MentionKind]],
    ) -> str:
        index = self.table.new(name, atype, "events.participant", country=country)
        actor = self.table[index]
        actor.update(sector=sector, role=role)
        for s, e, k in spans:
            self.table.add(index, s, e, self.text[s:e], k)
        aid = actor.id
        self.by_id[aid] = actor
        self.index_of[aid] = index
        self.by_name.setdefault(normalise(name), aid)
        for s, e, _ in spans:
            self._index(s, e, aid)
        return aid


def unowned_thing(h: Token) -> bool:
    """A weapon or vehicle whose owner the phrase does not name is no actor: the actor is unknown.

    "A drone struck the depot", "Shells hit the market", "A warplane bombed the bridge": no actor;
    "A Freedonian drone", "Freedonia's warplanes", "drones of the coalition" keep their owner.
    """
    if h.lemma_.lower() not in weapons("munition", "vehicle", "emplaced"):
        return False
    owned = [c for c in h.children if c.dep_ in ("poss", "amod", "compound", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))]
    owned += [g for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children if g.dep_ == "pobj"]
    owned += [c for c in h.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
    return not owned


def _against(t: Token) -> bool:
    """"anti-Syria", "pro-Russian": the name says whom the phrase is for or against, not who it is."""
    doc = t.doc
    for i in (t.i - 2, t.i - 1):
        if i >= 0 and doc[i].lower_ in ("anti", "pro") or (i >= 0 and doc[i].lower_.startswith(("anti-", "pro-"))):
            return True
    return t.lower_.startswith(("anti-", "pro-"))


def _conjuncts(head: Token) -> list[Token]:
    out = [head]
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON") and len(out) < 8:
                out.append(c)
                stack.append(c)
    return out


def titled_name_end(h: Token) -> int | None:
    """The end (a character offset) of a name written in title case round a capitalised preposition
    after a capitalised head ("Action Against Famine", "Physicians For Peace"), else None."""
    if not h.text[:1].isupper() or h.pos_ not in ("NOUN", "PROPN") or title_case(h):
        return None
    for prep in syntax.children(h, ("prep",)):
        objs = syntax.children(prep, ("pobj",))
        if prep.i == h.i + 1 and prep.text[:1].isupper() and objs and all(t.text[:1].isupper() for t in objs[0].subtree if t.is_alpha and t.i > prep.i):
            last = max(t.i for t in objs[0].subtree)
            return h.doc[last].idx + len(h.doc[last].text)
    return None


def _coordinated_modifiers(h: Token) -> list[Token]:
    """The coordinated modifiers before a noun, in order: "US and British forces" -> US, British."""
    for c in h.children:
        if c.dep_ in ("nmod", "compound", "amod") and c.i < h.i and syntax.children(c, ("cc",)):
            conj = [g for g in c.children if g.dep_ == "conj" and c.i < g.i < h.i]
            if conj:
                return [c, *conj]
    return []


def _phrase_bounds(h: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase of ``h``: its left modifiers, without determiners and
    leading numbers/quantities ("more than 100 Palestinians" -> "Palestinians")."""
    left = h
    for c in h.lefts:
        if c.dep_ in ("det", "predet", "nummod", "quantmod", "punct", "cc", "advmod", "prep") or c.dep_ == "poss" and c.pos_ == "PRON":
            continue
        left = c
        break
    start_tok = min((t for t in left.subtree if t.i <= h.i), key=lambda t: t.i) if left is not h else h
    while start_tok.i < h.i and (start_tok.dep_ in ("det", "nummod", "quantmod", "punct", "cc", "predet") or start_tok.is_punct):
        start_tok = start_tok.doc[start_tok.i + 1]
    for t in h.doc[start_tok.i : h.i]:  # never reach back over a dateline's dash or parenthesis
        spaced = bool(t.whitespace_) or (t.i > 0 and bool(h.doc[t.i - 1].whitespace_))
        if (t.text in ("-", "\u2013", "\u2014") and spaced) or t.text in (")", ":", ";") or "\n" in t.whitespace_:
            start_tok = h.doc[t.i + 1]
    end = h.idx + len(h.text)
    return start_tok.idx, end
