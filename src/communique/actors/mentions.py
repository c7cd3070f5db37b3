"""Named mentions from spaCy entities and the gazetteers, grouped by alias within the article.

Candidates come from two sources: the entities of the parse (PERSON, ORG, GPE, NORP, LOC, FAC) and a
cheap phrase match of the gazetteer aliases over the doc's tokens (office-holders, international bodies,
armed groups, seats of power), which catches names the small model misses or cuts short ("Recep Tayyip
Erdogan" tagged as "Tayyip Erdogan", "Hamas" tagged as a person). Overlaps keep the longest span (a period
the phrase match took, "Greenspan.", does not count); on a tie the gazetteer wins.

Clean-up of the entities:

- titles: leading title and role words leave person names ("Councillor Aaron Fry", "Sen. Jon Tester",
  "Foreign Minister Wang Yi" -> the name alone; a "Coun." tagged as a person on its own is dropped); the
  title, inside the entity or right before it, becomes the person's role when it has none, with the
  sector of its role noun in ``roles.tsv`` (Senator LEG, Councillor GOV, Coach CVL);
- possessives: a possessor inside an entity is cut off ("Canada's [Justin Trudeau]"), a trailing
  "'s" or curly "’s" never belongs to the name;
- hyphenated pairs ("Gasol-Valanciunas", "Biden-Putin", "Russian-Ukrainian") split into one mention per
  part when each part is a known name (a surname of the article's people, an office-holder, a place or
  body), are dropped when a pair noun follows ("the Smith-Jones talks"), and stay whole as a
  double-barrelled surname of a person named in full ("Kathleen Wilson-Thompson", "Wilson-Thompson");
- a one-word organisation or place that is the surname of a person named in full ("Tester said") is
  that person.

Grouping, in this order:

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
  the fullest form; when two people share a surname ("Dorie Greenspan", "her husband Michael Greenspan")
  both stay apart and a bare "Greenspan" goes to the more mentioned of them (the more recent on a tie); two ministries of different countries ("Russia's Defence Ministry", "Ukraine's Defence
  Ministry") stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from communique import data
from communique.actors.gazetteer import (
    Gazetteer,
    RoleNoun,
    fold,
    gazetteer,
    is_acronym,
    normalise,
    person_key,
)
from communique.actors.names import alternation, lexicon
from communique.records import Actor, ActorType, Mention, MentionKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

HONORIFICS = re.compile(rf"^(?:(?:{alternation(data.words('actors.honorifics'))})\.?\s+)+", re.I)
COURTESY = data.words("actors.courtesy_titles")
NOT_ORGS = data.words("actors.not_orgs")  # time zones, lower-case
LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
MAX_PHRASE_TOKENS = 8
POSSESSIVE = re.compile(r"['\u2018\u2019\u02bc`]s?$")
ARTICLES = data.words("actors.arabic_articles")  # "al-Qaeda", "al-Shabaab"
GROUP_HEADS = frozenset({"MIL", "REB", "COP", "OPP", "PTY", "CRM"})
NAME_PARTICLES = data.words("actors.name_particles")


@dataclass
class _Span:
    i: int  # first token
    j: int  # one past the last token
    label: str  # spaCy label, or "GAZ" for a phrase match
    table: str = ""  # for phrase matches: person / body / place
    title: str = ""  # for people: the title words before the name ("Councillor", "Foreign Minister")

    def size(self, doc: Doc) -> int:
        """Tokens in the name, a trailing period the phrase match took ("Greenspan.") not counted."""
        n = self.j - self.i
        return n - 1 if n > 1 and doc[self.j - 1].text == "." else n


@dataclass
class _Group:
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


def strip_title(text: str) -> str:
    """``Mr. Erdogan`` -> ``Erdogan``; the article and a possessive go too."""
    text = POSSESSIVE.sub("", text).strip()
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return HONORIFICS.sub("", text).strip()


def _strip_article(text: str) -> str:
    text = POSSESSIVE.sub("", text).strip()
    return re.sub(r"^the\s+", "", text, flags=re.I).strip()


def _is_title_word(tok: Token, gaz: Gazetteer) -> bool:
    low = tok.lower_.rstrip(".")
    if HONORIFICS.match(tok.text + " "):
        return True
    if tok.lower_ in lexicon().forenames:
        return False  # "Christian Yelich", "Dean Smith": a given name before a role noun
    return gaz.role(low) is not None or gaz.lookup(tok.text) is not None


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def phrase_matches(doc: Doc, gaz: Gazetteer | None = None) -> list[_Span]:
    """Gazetteer aliases found in ``doc``: office-holders, bodies and groups, countries and seats of power.

    A single ordinary word must be a proper noun (or an adjective, for demonyms) to count, so "Amnesty was
    granted" or "turkey" never match; acronyms match only in capitals.
    """
    gaz = gaz or gazetteer()
    firsts = gaz.first_words()
    plain, persons, exact = gaz.key_sets()
    out: list[_Span] = []
    text = doc.text
    toks = list(doc)  # one pass: indexing a Doc builds a new Token each time
    n = len(toks)
    texts = [t.text for t in toks]
    low = [t.lower_ if t.text.isascii() else fold(t.text).lower() for t in toks]
    ws = [bool(t.whitespace_) for t in toks]
    skip = [t.is_punct or t.is_space for t in toks]
    caps = [x[:1].isupper() or x[:1].isdigit() for x in texts]
    newlines = [0]
    for x in texts:
        newlines.append(newlines[-1] + ("\n" in x))
    i = 0
    while i < n:
        tok = toks[i]
        lower = tok.lower_
        article = lower in ARTICLES and i + 2 < n and texts[i + 1] == "-" and caps[i + 2]
        if not (caps[i] or article) or skip[i] or lower == "the" or (
            normalise(texts[i]) not in firsts and person_key(texts[i]) not in firsts
        ):
            i += 1
            continue
        top = min(n, i + MAX_PHRASE_TOKENS)
        quicks: list[str] = []
        acc = ""
        for k in range(i, top):
            quicks.append(acc + low[k])
            acc += low[k] + (" " if ws[k] else "")
        best: _Span | None = None
        for j in range(top, i, -1):
            last = toks[j - 1]
            if (skip[j - 1] and texts[j - 1] != ".") or last.is_space or newlines[j] != newlines[i]:
                continue
            span_text = text[tok.idx : last.idx + len(texts[j - 1])]
            quick = quicks[j - i - 1]
            quick_trim = quick[:-1] if quick.endswith(".") else quick
            pkey = " ".join(quick.replace(".", " ").replace("-", " ").split())
            if not (quick in plain or quick_trim in plain or pkey in persons or span_text in exact):
                continue
            table = _table_of(span_text, gaz)
            if table is None:
                continue
            size = j - i - (1 if j - i > 1 and texts[j - 1] == "." else 0)
            if size == 1 and not _single_word_ok(tok, table, gaz):
                continue
            if j - i > 1 and not all(
                caps[k] or toks[k].is_punct or (k == i and article) or low[k] in NAME_PARTICLES or POSSESSIVE.fullmatch(texts[k])
                for k in range(i, j)
            ):
                continue
            best = _Span(i, j, "GAZ", table)
            break
        if best is not None:
            out.append(best)
            i = best.j
        else:
            i += 1
    return out


def _trim_period(text: str) -> str:
    """A sentence-final period the tokenizer left on a name ("Khan Younis."), but not "Jr." or "U.S.";
    a possessive glued to the name by an odd apostrophe ("Trump\u2018s") goes too."""
    text = POSSESSIVE.sub("", text)
    if text.endswith(".") and not is_acronym(text) and not re.search(r"(?:\b[A-Z]|\bJr|\bSr|\bSt)\.$", text):
        return text[:-1]
    return text


def _table_of(span_text: str, gaz: Gazetteer) -> str | None:
    if span_text.endswith(".") and gaz.city(span_text) is not None and gaz.city(span_text[:-1]) is None:
        return "city"  # "Calif.", "Ont.": the period belongs to the abbreviation
    span_text = _trim_period(span_text)
    if gaz.person_names(span_text, titles=False):
        return "person"
    if gaz.body(span_text) is not None:
        return "body"
    if gaz.lookup(span_text) is not None:
        return "place"
    if gaz.city(span_text) is not None:
        return "city"
    return None


def _single_word_ok(tok: Token, table: str, gaz: Gazetteer) -> bool:
    if tok.text.isupper() or any(c.isdigit() for c in tok.text):
        return True  # acronyms are matched case-sensitively already
    if table == "place":
        place = gaz.lookup(tok.text)
        if place is not None and place.kind == "demonym":
            return tok.pos_ in ("ADJ", "PROPN", "NOUN")
    if tok.i > 0 and doc_prev_is_name(tok):
        return False  # "Ana Harris": a surname alone inside an unknown name
    return tok.pos_ == "PROPN" or bool(tok.ent_type_)


def doc_prev_is_name(tok: Token) -> bool:
    prev = tok.doc[tok.i - 1]
    return prev.pos_ == "PROPN" and _capitalised(prev) and prev.ent_type_ == "PERSON" and tok.ent_type_ == "PERSON"


def _is_credit(doc: Doc, i: int, j: int) -> bool:
    """An outlet in a dateline, "ADEN, June 1 (Communique Wire) -": a credit, not an actor."""
    if i == 0 or j >= len(doc) or doc[i - 1].text != "(" or doc[j].text != ")":
        return False
    after = doc[j + 1].text if j + 1 < len(doc) else ""
    return after in ("-", "\u2013", "\u2014", "--") and doc[i - 1].i - doc[i - 1].sent.start < 12


def _entity_spans(doc: Doc, gaz: Gazetteer, bylines: frozenset[int]) -> list[_Span]:
    out: list[_Span] = []
    known = _doc_surnames(doc)
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        i, j = ent.start, ent.end
        while j > i and (POSSESSIVE.fullmatch(doc[j - 1].text) or doc[j - 1].is_space):
            j -= 1
        if j <= i or "\n" in doc[i:j].text or _is_credit(doc, i, j) or i in bylines:
            continue
        while i < j and doc[i].lower_ == "the":
            i += 1
        # "Kitchener's Frederick Mall", "Canada's Justin Trudeau": the name is what follows the possessive;
        # the possessor is left to the phrase match or its own entity
        cut = next((k for k in range(j - 1, i, -1) if POSSESSIVE.fullmatch(doc[k].text) and doc[k].text[:1] != "`"), None)
        if (
            cut is not None and cut + 1 < j and _capitalised(doc[cut + 1]) and (ent.label_ == "PERSON" or j - cut > 2)
            and _known_possessor(doc, i, cut, j, gaz, known)
        ):
            i = cut + 1
        title = ""
        label = ent.label_
        if label == "PERSON" and j - i > 1 and (gaz.city(_trim_period(doc[i:j].text)) or gaz.lookup(doc[i:j].text)):
            label = "GPE"  # "Prince George", "Saint John" tagged as people: a known place keeps its title word
        if label == "PERSON":
            k = i
            while k < j and _is_title_word(doc[k], gaz) and k < j - 1:
                k += 1
                if k < j and doc[k].text == "." and k < j - 1:
                    k += 1
            if k == j - 1 and doc[k].text == "." or (k == i and j - i == 1 and _title_only(doc, i, gaz)):
                continue  # "Coun." or "Det." tagged as a person on its own: a title, not a name
            title = doc[i:k].text if k > i else ""
            i = k
            # the small model often drops a first given name: "Recep [Tayyip Erdogan]"; not when the entity
            # starts with a known given name ("Crown-Indigenous Relations [Carolyn Bennett]")
            while i > 0 and doc[i].lower_ not in lexicon().forenames:
                prev = doc[i - 1]
                if prev.pos_ == "PROPN" and _capitalised(prev) and prev.dep_ == "compound" and not prev.ent_type_ and not _is_title_word(prev, gaz):
                    i -= 1
                else:
                    break
            title = _title_before(doc, i, gaz) if not title else title
        if i >= j:
            continue
        if label in ("ORG", "GPE") and _surname_of_known(doc, i, j, gaz, known):
            label = "PERSON"  # "Tester said", "Wilson-Thompson said" after the full name: a person
        pair = _hyphen_pair(doc, i, j)
        if pair is not None:
            parts = _pair_parts(doc, pair, gaz, known)
            if parts is not None:
                out.extend(parts)
                continue
        out.append(_Span(i, j, label, title=title))
    return out


def _known_possessor(doc: Doc, i: int, cut: int, j: int, gaz: Gazetteer, known: dict[str, set[str]]) -> bool:
    """Whether tokens ``i:cut`` are a possessor to cut from a name ("[Canada]'s Justin Trudeau"): a known
    place, body, office-holder or person of the article, and the whole is no known body ("Tigray People's
    Liberation Front")."""
    head = doc[i:cut].text
    whole = doc[i:j].text
    if gaz.body(whole) is not None or gaz.person_names(whole):
        return False
    return bool(
        gaz.lookup(head) or gaz.city(head) or gaz.body(head) or gaz.person_names(head, titles=False)
        or person_key(head) in known["surnames"]
    )


def _surname_of_known(doc: Doc, i: int, j: int, gaz: Gazetteer, known: dict[str, set[str]]) -> bool:
    """A one-word (or hyphenated) name that is the surname of a person named in full in the article and is
    no known place or body."""
    text = doc[i:j].text
    key = person_key(text)
    if not (key in known["surnames"] and j - i == 1 or key in known["tails"] and _hyphen_pair(doc, i, j)):
        return False
    return gaz.lookup(text) is None and gaz.city(text) is None and gaz.body(text) is None


PAIR_HEADS = data.words("actors.pair_heads")


def _hyphen_pair(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """Tokens ``A - B`` (no spaces, both capitalised words): the indices of A and B, else None."""
    if j - i != 3 or doc[i + 1].text not in ("-", "\u2013") or doc[i].whitespace_ or doc[i + 1].whitespace_:
        return None
    a, b = doc[i], doc[i + 2]
    if not (a.is_alpha and b.is_alpha and _capitalised(a) and _capitalised(b)) or a.lower_ in ARTICLES:
        return None
    return i, i + 2


def _pair_parts(doc: Doc, pair: tuple[int, int], gaz: Gazetteer, known: dict[str, set[str]]) -> list[_Span] | None:
    """A hyphenated pair of names ("Gasol-Valanciunas", "Biden-Putin", "Russian-Ukrainian"): one span per
    part when each part is a known name, none when a summit or trade follows; None (keep the entity) for a
    double-barrelled surname ("Kathleen Wilson-Thompson", then "Wilson-Thompson")."""
    a, b = doc[pair[0]], doc[pair[1]]
    whole = person_key(f"{a.text} {b.text}")
    text = doc[pair[0] : pair[1] + 1].text
    if whole in known["tails"] or gaz.lookup(text) or gaz.city(text) or gaz.body(text) or gaz.person_names(text):
        return None  # "Guinea-Bissau", "Baden-Wurttemberg": one known name
    labels: list[str] = []
    for tok in (a, b):
        word = tok.text
        if person_key(word) in known["surnames"] or gaz.person_names(word):
            labels.append("PERSON")
        elif gaz.lookup(word) is not None or gaz.city(word) is not None:
            labels.append("GPE")
        elif gaz.body(word) is not None:
            labels.append("ORG")
        else:
            labels.append("")
    if all(labels):
        return [_Span(pair[0], pair[0] + 1, labels[0]), _Span(pair[1], pair[1] + 1, labels[1])]
    nxt = doc[pair[1] + 1] if pair[1] + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in PAIR_HEADS:
        return []  # "the Smith-Jones talks": two unknown parties, not one person
    return None


def _doc_surnames(doc: Doc) -> dict[str, set[str]]:
    """Last names of the article's multi-word person entities, and their name tails of two or more words
    (to tell "Wilson-Thompson" the surname from a "Gasol-Valanciunas" pair)."""
    surnames: set[str] = set()
    tails: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        words = person_key(POSSESSIVE.sub("", ent.text)).split()
        if len(words) >= 2:
            surnames.add(words[-1])
        if len(words) >= 3:
            tails.add(" ".join(words[-2:]))
    return {"surnames": surnames, "tails": tails}


def _title_only(doc: Doc, i: int, gaz: Gazetteer) -> bool:
    """A one-token "person" that is a title abbreviation before a name: "[Coun]. Aaron Fry"."""
    tok = doc[i]
    return i + 1 < len(doc) and doc[i + 1].text == "." and _title_role(tok.text + ".", gaz) is not None


def _title_before(doc: Doc, i: int, gaz: Gazetteer) -> str:
    """Capitalised title words right before token ``i``: "[Sen.] Jon Tester", "[Foreign Minister] Wang Yi"."""
    k = i
    while k > 0:
        prev = doc[k - 1]
        if prev.text == "." and k > 1 and _title_role(doc[k - 2].text + ".", gaz) is not None:
            k -= 2
            continue
        if _capitalised(prev) and not prev.is_punct and (
            _title_role(prev.text, gaz) is not None or (k < i and gaz.role(f"{prev.text} {doc[k].text}".lower()) is not None)
        ):
            k -= 1  # "[Prime] Minister": a word that starts a role of two words counts too
            continue
        break
    return doc[k:i].text if k < i else ""


def _title_role(text: str, gaz: Gazetteer) -> RoleNoun | None:
    """The person role a title word or abbreviation names: "Sen." -> Senator, "Coach" -> Coach."""
    if text.lower() in COURTESY or text.isupper() or text.lower() in lexicon().forenames:
        return None
    return gaz.role(text.lower())


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


def candidate_spans(doc: Doc, gaz: Gazetteer | None = None) -> list[_Span]:
    """Non-overlapping name spans: entities and gazetteer matches, longest first, gazetteer on a tie."""
    gaz = gaz or gazetteer()
    bylines = _bylines(doc)
    cands = [c for c in phrase_matches(doc, gaz) if c.i not in bylines] + _entity_spans(doc, gaz, bylines)
    cands.sort(key=lambda s: (-s.size(doc), 0 if s.label == "GAZ" else 1, s.i))
    taken: list[_Span] = []
    used: set[int] = set()
    for c in cands:
        if any(k in used for k in range(c.i, c.j)):
            continue
        taken.append(c)
        used.update(range(c.i, c.j))
    for c in taken:  # "Mr. Erdogan": the courtesy title belongs to the mention
        if c.i > 0 and doc[c.i - 1].lower_ in COURTESY and (c.label == "PERSON" or c.table == "person") and (c.i - 1) not in used:
            c.i -= 1
            used.add(c.i)
        elif c.table == "person" and not c.title:
            c.title = _title_before(doc, c.i, gaz)  # "General [Michel Aoun]" before his presidency
    taken.sort(key=lambda s: s.i)
    return taken


def _title_tail(doc: Doc, s: _Span, gaz: Gazetteer) -> bool:
    """A one-word "organisation" that is part of a title: "Secretary of [State]", "[Defense] Minister"."""
    if s.j - s.i != 1:
        return False
    tok = doc[s.i]
    if tok.dep_ == "compound" and tok.head.i == tok.i + 1:
        role = gaz.role(tok.head.lower_)
        if role is not None and role.weight <= 1:
            return True
    return s.i >= 2 and doc[s.i - 1].lower_ == "of" and gaz.role(doc[s.i - 2].lower_) is not None


def _bylines(doc: Doc) -> frozenset[int]:
    """Tokens on a short line that starts with "By": the author, not an actor."""
    out: set[int] = set()
    start = 0
    toks = list(doc)
    for k, t in enumerate(toks):
        if "\n" in t.text_with_ws or k == len(toks) - 1:
            if toks[start].lower_ == "by" and k - start < 16:
                out.update(range(start, k + 1))
            start = k + 1
    return frozenset(out)


def _root(doc: Doc, s: _Span) -> Token:
    toks = doc[s.i : s.j]
    for t in toks:
        if t.head.i < s.i or t.head.i >= s.j or t.head.i == t.i:
            return t
    return toks[-1]


def _noun_use(tok: Token) -> bool:
    """A demonym used as a noun for people ("Palestinians fled"), not as a modifier ("Palestinian police")."""
    return tok.tag_ in ("NNS", "NNPS") and tok.dep_ not in ("amod", "compound", "poss")


def _context_country(doc: Doc, s: _Span, gaz: Gazetteer) -> str | None:
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


def group_entities(doc: Doc, *, published: str | None = None) -> list[Actor]:
    """Actors from the named mentions of ``doc``, grouped by alias (see the module docstring)."""
    gaz = gazetteer()
    groups: list[_Group] = []
    by_key: dict[tuple[str, ...], _Group] = {}

    def get(key: tuple[str, ...], make: _Group) -> _Group:
        g = by_key.get(key)
        if g is None:
            g = make
            by_key[key] = g
            groups.append(g)
        return g

    key: tuple[str, ...]
    full = doc.text
    for s in candidate_spans(doc, gaz):
        start, end = doc[s.i].idx, doc[s.j - 1].idx + len(doc[s.j - 1].text)
        end = start + len(_trim_period(full[start:end]))
        text = full[start:end]
        label = s.label
        if label == "PERSON" and gaz.lookup(text) is not None and not gaz.person_names(text):
            label = "GPE"  # "Jordan said" tagged as a person: a country first
        personal = label == "PERSON" or s.table == "person"
        core = (strip_title(text) if personal else _strip_article(text)) or text
        single = len(core.split()) == 1
        toks = {w for w in person_key(core).split() if w}

        city = None
        if label in ("GPE", "LOC", "FAC", "PERSON", "ORG") or s.table == "city":
            city = gaz.city(core) or (gaz.city(core + ".") if full[end : end + 1] == "." else None)
        if city is not None and (label == "PERSON" or doc[s.i].ent_type_ == "PERSON") and single and (
            core.lower() in lexicon().forenames or _unknown_person(groups, toks) is not None
        ):
            city = None  # "Florence" tagged as a person, "Surrey" after "Jane Surrey": a person first
        if city is not None and not gaz.person_names(core) and gaz.body(core) is None and gaz.lookup(core) is None:
            key = ("L", normalise(city.alias))
            name = core
            if normalise(core) != normalise(city.alias) and len(core) <= 6:  # "Ont." -> Ontario, period kept
                name = city.alias
                if full[end : end + 1] == ".":
                    end += 1
                    text = full[start:end]
            g = get(key, _Group(key, "unknown", name, city.code, "CVL", f"Place in {city.name}", "actors.gazetteer_place"))
            _add(g, start, end, text, "name", core, s.i)
            continue

        if label == "PERSON" or s.table == "person":
            local = _unknown_person(groups, toks) if single else None
            canonical = None if local else gaz.person_at(core, published, single=single)
            if canonical is not None:
                term = gaz.term_at(canonical, published)
                g = get(("P", canonical), _Group(("P", canonical), "person", core, provenance="actors.officeholder"))
                if term is not None and term.sector:
                    g.country, g.sector, g.role = term.country, term.sector, term.role or None
                elif term is not None:
                    g.country = term.country
                _add(g, start, end, text, "name", core, s.i)
                g.tokens |= toks
                _give_title(g, s.title, gaz)
                continue
            if label == "PERSON" or local is not None or (single and _tagged_person(doc[s.i])):  # a retired "Greenspan"
                found = local or _unknown_person(groups, toks)
                if found is None:
                    found = get(("U", str(len(groups))), _Group(("U", str(len(groups))), "person", core))
                _add(found, start, end, text, "name", core, s.i)
                found.tokens |= toks
                _give_title(found, s.title, gaz)
                continue

        body = gaz.body(core, published)
        if body is not None:
            key = ("B", body.name)
            g = get(key, _Group(key, body.type, core, body.country, body.sector, provenance="actors.gazetteer_body"))
            mend = end
            head = doc[s.j] if s.j < len(doc) else None
            if head is not None and _root(doc, s).head.i == head.i and head.pos_ == "NOUN":
                info = gaz.role(head.lower_)
                if info is not None and info.sector in GROUP_HEADS:
                    mend = head.idx + len(head.text)  # "Houthi rebels", "Hamas militants"
            _add(g, start, mend, full[start:mend], "name", core, s.i)
            continue

        place = gaz.lookup(core) if label in ("GPE", "NORP", "ORG", "FAC", "LOC", "GAZ") else None
        if place is not None:
            if place.kind == "metonym" and place.sector and place.sector != "GOV":
                key = ("M", place.code, normalise(place.alias))
                g = get(key, _Group(key, "organization", core, place.code, place.sector, provenance="actors.gazetteer_metonym"))
                _add(g, start, end, text, "metonym", core, s.i)
                continue
            root = _root(doc, s)
            if place.kind == "demonym" and _noun_use(root):
                code = _context_country(doc, s, gaz) or place.code  # "Bosnian Serbs" live in Bosnia
                key = ("D", code, normalise(core))
                g = get(key, _Group(key, "group", core, code, "CVL", provenance="actors.demonym_group"))
                _add(g, start, end, text, "group", core, s.i)
                continue
            key = ("C", place.code)
            g = get(key, _Group(key, "country", place.name, place.code, "GOV", provenance="actors.gazetteer_country"))
            kind: MentionKind = "country" if place.kind == "country" else ("demonym" if place.kind == "demonym" else "metonym")
            g.mentions.append(Mention(start, end, text, kind))
            g.last = s.i
            continue

        if label == "ORG" and (core.lower() in NOT_ORGS or _title_tail(doc, s, gaz)):
            continue  # time zones; "Secretary of [State]", "Secretary of [Defense]"
        if label == "ORG":
            ctx = _context_country(doc, s, gaz)
            norm = normalise(core)
            key = ("O", norm, ctx or "")
            org = by_key.get(key) if ctx else (_latest_org(groups, norm) or by_key.get(key))
            if org is None:
                org = get(key, _Group(key, "organization", core))
            _add(org, start, end, text, "name", core, s.i)
            continue

        if label == "NORP" and _noun_use(_root(doc, s)):
            key = ("N", normalise(core))
            g = get(key, _Group(key, "group", core, provenance="actors.ner_group"))
            _add(g, start, end, text, "group", core, s.i)

    return [
        Actor(
            id=f"A{i}",
            name=g.name,
            type=g.type,
            mentions=tuple(sorted(g.mentions, key=lambda m: (m.start, m.end))),
            country=g.country,
            sector=g.sector,
            role=g.role,
            provenance=g.provenance,
        )
        for i, g in enumerate(groups, 1)
    ]


def _add(g: _Group, start: int, end: int, text: str, kind: MentionKind, core: str, at: int) -> None:
    if any(m.start == start and m.end == end for m in g.mentions):
        return
    g.mentions.append(Mention(start, end, text, kind))
    if len(core) > len(g.name) and g.type in ("person", "organization", "group"):
        g.name = core
    g.last = at


def _unknown_person(groups: list[_Group], toks: set[str]) -> _Group | None:
    """The person whose name tokens include (or are included in) ``toks``. When several share them (two
    relatives, "Dorie Greenspan" and "her husband Michael Greenspan"), a bare "Greenspan" goes to the most
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
