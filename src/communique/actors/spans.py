"""Candidate name spans of a doc: spaCy entities cleaned up, and gazetteer aliases found by phrase match.

``candidate_spans`` is what the mention stage groups: the entities of the parse (PERSON, ORG, GPE, NORP,
LOC, FAC) with titles, possessors and hyphenated pairs handled, and the gazetteer aliases the phrase match
finds (``phrase_matches``); overlaps keep the longest span, the gazetteer on a tie. See
``communique.actors.mentions`` for the rules in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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
from communique.doctext import text_of
from communique.times.dateline import DATELINE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

HONORIFICS = re.compile(rf"^(?:(?:{alternation(data.words('actors.honorifics'))})\.?\s+)+", re.I)
COURTESY = data.words("actors.courtesy_titles")
LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
MAX_PHRASE_TOKENS = 8
POSSESSIVE = re.compile(r"['\u2018\u2019\u02bc`]s?$")
ARTICLES = data.words("actors.arabic_articles")  # "al-Qaeda", "al-Shabaab"
NAME_PARTICLES = data.words("actors.name_particles")
PAIR_HEADS = data.words("actors.pair_heads")


@dataclass
class NameSpan:
    """A candidate name: tokens ``i:j``, its label, and for people the title words before it."""

    i: int  # first token
    j: int  # one past the last token
    label: str  # spaCy label, or "GAZ" for a phrase match
    table: str = ""  # for phrase matches: person / body / place
    title: str = ""  # for people: the title words before the name ("Councillor", "Foreign Minister")

    def size(self, doc: Doc) -> int:
        """Tokens in the name, a trailing period the phrase match took ("Brandauer.") not counted."""
        n = self.j - self.i
        return n - 1 if n > 1 and doc[self.j - 1].text == "." else n


def _is_title_word(tok: Token, gaz: Gazetteer) -> bool:
    low = tok.lower_.rstrip(".")
    if HONORIFICS.match(tok.text + " "):
        return True
    if tok.lower_ in lexicon().forenames:
        return False  # "Christian Ferrante", "Dean Okonjo": a given name before a role noun
    return gaz.role(low) is not None or gaz.lookup(tok.text) is not None


def capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


@dataclass(frozen=True, slots=True)
class _TokenView:
    """What the phrase match reads of every token, read once (indexing a Doc builds a new Token each time)."""

    text: str  # the doc's text (``Doc.text`` joins every token on each call)
    toks: list[Token]
    texts: list[str]
    low: list[str]  # lower case, non-ASCII folded
    ws: list[bool]
    skip: list[bool]  # punctuation or space
    caps: list[bool]  # capitalised or a digit
    newlines: list[int]  # newlines before each token


def _view(doc: Doc) -> _TokenView:
    toks = list(doc)
    texts = [t.text for t in toks]
    newlines = [0]
    for x in texts:
        newlines.append(newlines[-1] + ("\n" in x))
    return _TokenView(
        text_of(doc), toks, texts, [t.lower_ if t.text.isascii() else fold(t.text).lower() for t in toks],
        [bool(t.whitespace_) for t in toks], [t.is_punct or t.is_space for t in toks],
        [x[:1].isupper() or x[:1].isdigit() for x in texts], newlines,
    )


def phrase_matches(doc: Doc, gaz: Gazetteer | None = None) -> list[NameSpan]:
    """Gazetteer aliases found in ``doc``: office-holders, bodies and groups, countries and seats of power.

    Left to right, the longest alias that starts at a token wins and the match goes on after it. A single
    ordinary word must be a proper noun (or an adjective, for demonyms) to count, so "Amnesty was granted"
    or "turkey" never match; acronyms match only in capitals.
    """
    gaz = gaz or gazetteer()
    view = _view(doc)
    firsts = gaz.first_words()
    out: list[NameSpan] = []
    i = 0
    while i < len(view.toks):
        article = _article_start(view, i)
        best = _longest_alias(view, i, article, gaz) if _may_start(view, i, article, firsts) else None
        if best is not None:
            out.append(best)
            i = best.j
        else:
            i += 1
    return out


def _article_start(view: _TokenView, i: int) -> bool:
    """Token ``i`` is an Arabic article joined to a capitalised name: "[al]-Qaeda"."""
    return view.toks[i].lower_ in ARTICLES and i + 2 < len(view.toks) and view.texts[i + 1] == "-" and view.caps[i + 2]


def _may_start(view: _TokenView, i: int, article: bool, firsts: frozenset[str]) -> bool:
    """An alias may start at token ``i``: a capitalised word (or an article) that starts some alias."""
    if not (view.caps[i] or article) or view.skip[i] or view.toks[i].lower_ == "the":
        return False
    return normalise(view.texts[i]) in firsts or person_key(view.texts[i]) in firsts


def _prefix_keys(view: _TokenView, i: int, top: int) -> list[str]:
    """The lower-case text of tokens ``i:k+1`` for every ``k`` below ``top``, spaces as written."""
    keys: list[str] = []
    acc = ""
    for k in range(i, top):
        keys.append(acc + view.low[k])
        acc += view.low[k] + (" " if view.ws[k] else "")
    return keys


def _is_alias_key(quick: str, span_text: str, keys: tuple[frozenset[str], frozenset[str], frozenset[str]]) -> bool:
    """The words are an alias key: plain (a trailing period optional), a person key, or an exact acronym."""
    plain, persons, exact = keys
    quick_trim = quick[:-1] if quick.endswith(".") else quick
    pkey = " ".join(quick.replace(".", " ").replace("-", " ").split())
    return quick in plain or quick_trim in plain or pkey in persons or span_text in exact


def _longest_alias(view: _TokenView, i: int, article: bool, gaz: Gazetteer) -> NameSpan | None:
    """The longest alias starting at token ``i`` (at most ``MAX_PHRASE_TOKENS`` tokens, one line), or None."""
    top = min(len(view.toks), i + MAX_PHRASE_TOKENS)
    quicks = _prefix_keys(view, i, top)
    keys = gaz.key_sets()
    first = view.toks[i]
    for j in range(top, i, -1):
        last = view.toks[j - 1]
        if (view.skip[j - 1] and view.texts[j - 1] != ".") or last.is_space or view.newlines[j] != view.newlines[i]:
            continue
        span_text = view.text[first.idx : last.idx + len(view.texts[j - 1])]
        if not _is_alias_key(quicks[j - i - 1], span_text, keys):
            continue
        table = _table_of(span_text, gaz)
        if table is None:
            continue
        size = j - i - (1 if j - i > 1 and view.texts[j - 1] == "." else 0)
        if size == 1 and not _single_word_ok(first, table, gaz):
            continue
        if j - i > 1 and not _name_shaped(view, i, j, article):
            continue
        return NameSpan(i, j, "GAZ", table)
    return None


def _name_shaped(view: _TokenView, i: int, j: int, article: bool) -> bool:
    """Every word of a multi-word match is capitalised, punctuation, a name particle or a possessive."""
    return all(
        view.caps[k] or view.toks[k].is_punct or (k == i and article) or view.low[k] in NAME_PARTICLES
        or POSSESSIVE.fullmatch(view.texts[k])
        for k in range(i, j)
    )


def trim_period(text: str) -> str:
    """A sentence-final period the tokenizer left on a name ("Khan Younis."), but not "Jr." or "U.S.";
    a possessive glued to the name by an odd apostrophe ("Trump\u2018s") goes too."""
    text = POSSESSIVE.sub("", text)
    if text.endswith(".") and not is_acronym(text) and not re.search(r"(?:\b[A-Z]|\bJr|\bSr|\bSt)\.$", text):
        return text[:-1]
    return text


def _table_of(span_text: str, gaz: Gazetteer) -> str | None:
    if span_text.endswith(".") and gaz.city(span_text) is not None and gaz.city(span_text[:-1]) is None:
        return "city"  # "Calif.", "Ont.": the period belongs to the abbreviation
    span_text = trim_period(span_text)
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
    return prev.pos_ == "PROPN" and capitalised(prev) and prev.ent_type_ == "PERSON" and tok.ent_type_ == "PERSON"


def _is_credit(doc: Doc, i: int, j: int) -> bool:
    """An outlet in a dateline, "ADEN, June 1 (Communique Wire) -": a credit, not an actor."""
    if i == 0 or j >= len(doc) or doc[i - 1].text != "(" or doc[j].text != ")":
        return False
    after = doc[j + 1].text if j + 1 < len(doc) else ""
    return after in ("-", "\u2013", "\u2014", "--") and doc[i - 1].i - doc[i - 1].sent.start < 12


def _entity_spans(doc: Doc, gaz: Gazetteer, bylines: frozenset[int]) -> list[NameSpan]:
    """The entities of the parse as name spans, cleaned up (see the module docstring of ``mentions``)."""
    out: list[NameSpan] = []
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
        i = _after_possessor(doc, i, j, ent.label_, gaz, known)
        title = ""
        label = ent.label_
        if label == "PERSON" and j - i > 1 and (gaz.city(trim_period(doc[i:j].text)) or gaz.lookup(doc[i:j].text)):
            label = "GPE"  # "Prince George", "Saint John" tagged as people: a known place keeps its title word
        if label == "PERSON":
            found = _person_name(doc, i, j, gaz)
            if found is None:
                continue
            i, title = found
        if i >= j:
            continue
        if label in ("ORG", "GPE") and _surname_of_known(doc, i, j, gaz, known):
            label = "PERSON"  # "Marsh said", "Ortega-Lind said" after the full name: a person
        pair = _hyphen_pair(doc, i, j)
        parts = _pair_parts(doc, pair, gaz, known) if pair is not None else None
        if parts is not None:
            out.extend(parts)
            continue
        out.append(NameSpan(i, j, label, title=title))
    return out


def _after_possessor(doc: Doc, i: int, j: int, label: str, gaz: Gazetteer, known: dict[str, set[str]]) -> int:
    """Where a name starts after a known possessor inside the entity ("Canada's [Justin Trudeau]",
    "Leeds's [Aidan Crewe]"); the possessor is left to the phrase match or its own entity."""
    cut = next((k for k in range(j - 1, i, -1) if POSSESSIVE.fullmatch(doc[k].text) and doc[k].text[:1] != "`"), None)
    if (
        cut is not None and cut + 1 < j and capitalised(doc[cut + 1]) and (label == "PERSON" or j - cut > 2)
        and _known_possessor(doc, i, cut, j, gaz, known)
    ):
        return cut + 1
    return i


def _person_name(doc: Doc, i: int, j: int, gaz: Gazetteer) -> tuple[int, str] | None:
    """Where a person entity's name starts, and the title words before it; None for a title alone.

    "Councillor Aaron Fry" -> "Aaron Fry", title "Councillor"; "Coun." tagged as a person on its own is
    dropped. The small model often drops a first given name ("Recep [Tayyip Erdogan]"): a proper-noun
    compound before the entity joins it, unless the entity starts with a known given name ("Crown Lands
    Minister [Odile Brassard]").
    """
    k = i
    while k < j and _is_title_word(doc[k], gaz) and k < j - 1:
        k += 1
        if k < j and doc[k].text == "." and k < j - 1:
            k += 1
    if k == j - 1 and doc[k].text == "." or (k == i and j - i == 1 and _title_only(doc, i, gaz)):
        return None
    title = doc[i:k].text if k > i else ""
    i = k
    while i > 0 and doc[i].lower_ not in lexicon().forenames:
        prev = doc[i - 1]
        if prev.pos_ == "PROPN" and capitalised(prev) and prev.dep_ == "compound" and not prev.ent_type_ \
                and not _is_title_word(prev, gaz):
            i -= 1
        else:
            break
    return i, (title or title_before(doc, i, gaz))


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


def _hyphen_pair(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """Tokens ``A - B`` (no spaces, both capitalised words): the indices of A and B, else None."""
    if j - i != 3 or doc[i + 1].text not in ("-", "\u2013") or doc[i].whitespace_ or doc[i + 1].whitespace_:
        return None
    a, b = doc[i], doc[i + 2]
    if not (a.is_alpha and b.is_alpha and capitalised(a) and capitalised(b)) or a.lower_ in ARTICLES:
        return None
    return i, i + 2


def _pair_parts(doc: Doc, pair: tuple[int, int], gaz: Gazetteer, known: dict[str, set[str]]) -> list[NameSpan] | None:
    """A hyphenated pair of names ("Okafor-Lindqvist", "Biden-Putin", "Russian-Ukrainian"): one span per
    part when each part is a known name, none when a summit or trade follows; None (keep the entity) for a
    double-barrelled surname ("Helen Ortega-Lind", then "Ortega-Lind")."""
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
        return [NameSpan(pair[0], pair[0] + 1, labels[0]), NameSpan(pair[1], pair[1] + 1, labels[1])]
    nxt = doc[pair[1] + 1] if pair[1] + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in PAIR_HEADS:
        return []  # "the Smith-Jones talks": two unknown parties, not one person
    return None


def _doc_surnames(doc: Doc) -> dict[str, set[str]]:
    """Last names of the article's multi-word person entities, and their name tails of two or more words
    (to tell "Ortega-Lind" the surname from a "Okafor-Lindqvist" pair)."""
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


def title_before(doc: Doc, i: int, gaz: Gazetteer) -> str:
    """Capitalised title words right before token ``i``: "[Sen.] Jon Tester", "[Foreign Minister] Wang Yi"."""
    k = i
    while k > 0:
        prev = doc[k - 1]
        if prev.text == "." and k > 1 and _title_role(doc[k - 2].text + ".", gaz) is not None:
            k -= 2
            continue
        if capitalised(prev) and not prev.is_punct and (
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


def candidate_spans(doc: Doc, gaz: Gazetteer | None = None) -> list[NameSpan]:
    """Non-overlapping name spans: entities and gazetteer matches, longest first, gazetteer on a tie."""
    gaz = gaz or gazetteer()
    bylines = _bylines(doc) | _datelines(doc)
    cands = [c for c in phrase_matches(doc, gaz) if c.i not in bylines] + _entity_spans(doc, gaz, bylines)
    cands.sort(key=lambda s: (-s.size(doc), 0 if s.label == "GAZ" else 1, s.i))
    taken: list[NameSpan] = []
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
            c.title = title_before(doc, c.i, gaz)  # "General [Michel Aoun]" before his presidency
    taken.sort(key=lambda s: s.i)
    return taken


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


def _datelines(doc: Doc) -> frozenset[int]:
    """Tokens of a wire dateline ("KHARKIV, Ukraine (AP) -", "ADEN/RIYADH -"): where the story was
    filed from, not a party to it. The credit in it is an outlet (``_is_credit``); the place is no actor."""
    spans = [m.span() for m in DATELINE.finditer(text_of(doc))]
    if not spans:
        return frozenset()
    return frozenset(t.i for t in doc if any(a <= t.idx < b for a, b in spans))
