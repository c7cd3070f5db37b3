"""Event lexicons as data: trigger patterns, frame codes and the CAMEO -> PLOVER crosswalk.

The facts live in ``communique/data/event_patterns.tsv``, ``event_frames.tsv``,
``cameo2plover.tsv`` and ``event_participants.tsv`` (each with a header naming its sources); this
module only loads them and matches a token against them. Loading is cached per process because the
files are read-only.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique import data, syntax

if TYPE_CHECKING:
    from spacy.tokens import Token

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
OBJ_DEPS = ("dobj", "obj", "attr", "oprd")


@dataclass(frozen=True, slots=True)
class Code:
    """A CAMEO code with its PLOVER type, mode and contexts (from the crosswalk)."""

    cameo: str
    type: str
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One row of ``event_patterns.tsv``."""

    lemma: str
    pos: str  # "V" or "N"
    cameo: str  # "-" blocks
    type: str | None  # override of the crosswalk type
    conditions: tuple[tuple[str, frozenset[str]], ...]
    frame: str | None

    @property
    def blocked(self) -> bool:
        return self.cameo == "-"


@functools.cache
def crosswalk() -> dict[str, Code]:
    """CAMEO code -> PLOVER type, mode and contexts."""
    out: dict[str, Code] = {}
    for row in data.rows("cameo2plover.tsv"):
        row = row + ("",) * (5 - len(row))
        code, typ, mode, ctx = (c.strip() for c in row[:4])
        out[code] = Code(code, typ, mode or None, tuple(c for c in ctx.split(";") if c))
    return out


def code_of(cameo: str, type_override: str | None = None) -> Code | None:
    """The crosswalk entry for ``cameo`` (falling back to shorter prefixes), type overridden if given.

    An override may name a mode as well, ``TYPE/mode`` (``ASSAULT/crowd-control``), where the
    PLOVER manual gives the act a mode the crosswalk's code does not carry."""
    table = crosswalk()
    code = cameo
    while code and code not in table:
        code = code[:-1]
    if not code:
        return None
    entry = table[code]
    if not entry.type and not type_override:
        return None
    if code != cameo or type_override:
        typ, _, mode = (type_override or entry.type).partition("/")
        entry = Code(cameo, typ, mode or entry.mode, entry.context)
    return entry


@functools.cache
def patterns() -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """(lemma, pos) -> its patterns, most specific first."""
    table: dict[tuple[str, str], list[Pattern]] = {}
    for row in data.rows("event_patterns.tsv"):
        row = row + ("",) * (5 - len(row))
        lemma, pos, cameo, typ, cond = (c.strip() for c in row[:5])
        conditions: list[tuple[str, frozenset[str]]] = []
        frame = None
        for part in filter(None, (p.strip() for p in cond.split(","))):
            key, _, value = part.partition("=")
            if key == "frame":
                frame = value
            else:
                conditions.append((key, frozenset(value.split("|")) if value else frozenset()))
        pat = Pattern(lemma, pos, cameo, typ or None, tuple(conditions), frame)
        table.setdefault((lemma, pos), []).append(pat)
    return {k: tuple(sorted(v, key=lambda p: -len(p.conditions))) for k, v in table.items()}


@functools.cache
def frames() -> dict[str, dict[str, tuple[str, str | None]]]:
    """frame -> embedded (type or CAMEO prefix or "*") -> (cameo, type override)."""
    out: dict[str, dict[str, tuple[str, str | None]]] = {}
    for row in data.rows("event_frames.tsv"):
        row = row + ("",) * (4 - len(row))
        frame, embedded, cameo, typ = (c.strip() for c in row[:4])
        out.setdefault(frame, {})[embedded] = (cameo, typ or None)
    return out


def frame_code(frame: str, embedded: Code | None) -> tuple[str, str | None] | None:
    """The (cameo, type override) a frame gives an embedded event: longest CAMEO prefix, type, ``*``."""
    table = frames().get(frame, {})
    if embedded is not None:
        for n in range(len(embedded.cameo), 1, -1):
            hit = table.get(embedded.cameo[:n])
            if hit:
                return hit
        if embedded.type in table:
            return table[embedded.type]
    return table.get("*")


@functools.cache
def participant_sectors() -> dict[str, str]:
    """Participant head noun (lemma) -> sector."""
    return {row[0].strip(): row[1].strip() for row in data.rows("event_participants.tsv") if len(row) >= 2}




@functools.cache
def weapons(*kinds: str) -> frozenset[str]:
    """Weapon nouns of the given kinds (munition, vehicle, attack, emplaced) from ``events.weapons``."""
    return frozenset(w for w, kind in data.word_map("events.weapons").items() if kind in kinds)


def through(n: Token) -> Token:
    """Look through a quantity noun: "part of a program" -> program, "thousands of Kurds" -> Kurds."""
    quantity = data.words("events.quantity_nouns")
    for _ in range(2):
        money = n.ent_type_ == "MONEY" or n.lemma_.lower() in data.words("events.currencies")
        if n.lemma_.lower() not in quantity and n.lower_ not in quantity and n.pos_ != "NUM" and not money:
            break
        preps = ("of", "in", "for", "worth") if money or n.lower_ in ("million", "billion", "$", "€", "£") else ("of",)
        nxt = next((g for c in n.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"), None)
        if nxt is None:
            break
        n = nxt
    return n


def objects(tok: Token) -> list[Token]:
    """Direct objects of ``tok`` (or its passive subject), looking through quantities and conjuncts."""
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS or c.dep_ == "nsubjpass"]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "the aid suspended by X": the head is the object
        objs.append(tok.head)
    out: list[Token] = []
    for o in objs:
        o = through(o)
        out.append(o)
        out.extend(c for c in o.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))
    return out


def _holds_noun(tok: Token, key: str, values: frozenset[str]) -> bool:
    """The conditions on a noun trigger: its modifiers, the preposition it hangs on, its of-phrase."""
    children = list(tok.children)
    if key == "comp":
        return any(
            c.dep_ in ("compound", "amod", "nmod", "npadvmod") and (c.lemma_.lower() in values or c.lower_ in values)
            for c in children
        )
    if key == "under":  # the preposition a noun is the object of: "announced *in* a release"
        return tok.dep_ == "pobj" and tok.head.lower_ in values
    # "noof": no of-phrase: "the release" alone, not "the release of the hostages"
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in children)


def object_words(tok: Token) -> list[Token]:
    """The words an ``obj=`` condition looks at: the objects, argument-preposition objects, compounds,
    small clauses, appositions and as-phrases of ``tok`` ("withdrew from talks", "called the arrests a
    provocation", "held them responsible", "described the claims as groundless")."""
    children = list(tok.children)
    cands = objects(tok)
    if tok.dep_ == "relcl":  # "a study which is being released": the relative pronoun stands for the noun
        cands = [tok.head if c.tag_ in ("WDT", "WP") else c for c in cands]
    for c in children:  # argument prepositions only: "withdrew from talks", not "under the peace deal"
        if c.dep_ in ("prep", "dative", "prt") and c.lower_ in data.words("events.arg_preps"):
            cands.extend(g for g in c.children if g.dep_ == "pobj")
    if tok.pos_ == "NOUN":
        cands.extend(c for c in children if c.dep_ == "compound")
    if tok.dep_ == "relcl" and any(c.dep_ == "oprd" for c in children) and not any(c.dep_ in ("dobj", "obj") for c in children):
        # a small clause in a relative: "an accusation the ministry called baseless": the relative's noun
        cands.append(tok.head)
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":  # "implement a halt to the fighting": the to-phrase hung on the verb
        cands.extend(g for c in tok.head.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("to", "of", "in") for g in c.children if g.dep_ == "pobj")
    cands.extend(g for o in objects(tok) for g in o.children if g.dep_ == "appos" and g.i > o.i)  # "called X a stupid guy"
    # a small clause: "found the officer guilty", "called the arrests a provocation", "held them fully responsible"
    cands.extend(c for c in children if c.dep_ == "oprd" or (c.dep_ in ("ccomp", "advcl") and c.pos_ == "ADJ"))
    cands.extend([g for o in list(cands) for g in o.children if g.dep_ in ("compound", "amod", "nmod")])
    # "hold families as human shields": the object's own as-phrase
    # (also an adjective there, and the verb's own: "described the claims as groundless", "... as false")
    ases = [p for x in [tok, *objects(tok)] for p in x.children if p.dep_ == "prep" and p.lower_ == "as"]
    cands.extend(g for p in ases for g in p.children if g.dep_ in ("pobj", "amod", "acomp") and (g.dep_ == "pobj" or g.pos_ == "ADJ"))
    return cands


def _holds(tok: Token, key: str, values: frozenset[str]) -> bool:
    if key in ("comp", "under", "noof"):
        return _holds_noun(tok, key, values)
    children = list(tok.children)
    if key == "prt":
        return any(c.dep_ == "prt" and c.lower_ in values for c in children)
    if key == "prep":  # "called on Tuesday" is no "call on": a time is no prepositional argument
        return any(
            c.dep_ in ("prep", "dative") and c.lower_ in values
            and not any(
                (g.ent_type_ in ("DATE", "TIME") or g.lower_.rstrip(".") in data.words("events.time_words")) and through(g).i == g.i
                for g in c.children if g.dep_ == "pobj"
            )  # "for the third day of talks" is a meeting, not a time
            for c in children
        )
    if key == "objent":  # "Trump called Erdogan": a named person as the object
        return any(o.ent_type_ in values for o in objects(tok))
    if key == "obj":
        return any(x in values for c in object_words(tok) for x in lemmas(c))  # "bases": lemma "basis", also "base"
    if key == "head":  # the governing verb: "went on strike", "staged a strike"
        gov = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and gov.dep_ == "attr":
            gov = gov.head  # "is one of the largest donors": the copula
        return gov.lemma_.lower() in values or gov.lower_ in values
    if key == "subj":  # "peacekeepers arrived": the subject's lemma, through quantities and of-phrases
        gov = tok.head if tok.dep_ in ("xcomp", "conj") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children) else tok
        subs = [through(c) for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]  # "began deploying": the governor's
        if gov.dep_ == "acl" or (gov.dep_ == "relcl" and all(s.tag_ in ("WDT", "WP") for s in subs)):
            subs = [gov.head]  # "sanctions targeting firms", "a law that targets migrants": the modified noun
        subs += [g for sub in list(subs) for p in sub.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        subs += [g for sub in list(subs) for g in sub.children if g.dep_ in ("compound", "amod")]
        return any(c.lemma_.lower() in values or c.lower_ in values for c in subs)
    if key == "purpose":  # "sent experts to investigate": the lemma of a to-infinitive of purpose
        return any(
            c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in values and any(a.lower_ == "to" for a in c.children)
            for c in children
        )
    if key == "xcomp":  # also "allow aid to reach the town", parsed as a clause with its own subject
        return any(c.lemma_.lower() in values for c in children if c.dep_ == "xcomp" or (c.dep_ == "ccomp" and syntax.has_infinitive_marker(c)))
    if key == "hasobj":
        return bool(objects(tok)) or any(c.dep_ == "ccomp" for c in children)
    if key == "noobj":
        return not objects(tok)
    if key == "gerund":  # "barred from *running*": the gerund under a prepositional argument
        return any(g.dep_ == "pcomp" and g.lemma_.lower() in values for c in children if c.dep_ == "prep" for g in c.children)
    return False


def lemmas(tok: Token) -> list[str]:
    """The lemma, and fall-backs for the lemmatiser's slips ("staged" -> "stag")."""
    low = tok.lower_
    out = [tok.lemma_.lower(), low]
    if tok.pos_ in ("VERB", "AUX"):
        for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                out.append(low[: -len(suffix)] + repl)
        out += prefixed_irregular(low)
    elif tok.pos_ in ("NOUN", "PROPN") and low.endswith("s"):
        out.append(low[:-1])
    return out


def prefixed_irregular(low: str) -> list[str]:
    """The lemma of an irregular past of a prefixed verb the lemmatiser leaves alone: "retook" ->
    retake, "overran" -> overrun, "withdrew" -> withdraw (``events.irregular_past``)."""
    table = data.word_map("events.irregular_past")
    for prefix in ("re", "over", "under", "with", "out", "up"):
        if low.startswith(prefix) and low[len(prefix):] in table:
            return [prefix + table[low[len(prefix):]]]
    return []


def match(tok: Token) -> Pattern | None:
    """The most specific pattern whose conditions hold for ``tok``, or None."""
    if in_name(tok):
        return None
    if misread_noun(tok):
        pos = "N"
    elif tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT", "ccomp", "conj", "amod")):
        pos = "V"
    elif tok.pos_ in ("NOUN", "PROPN"):
        pos = "N"
    else:
        return None
    if tok.dep_ == "amod" and pos == "V":
        return None  # "the besieged town": a participle used as an adjective
    if pos == "V" and tok.tag_ == "VBN" and tok.dep_ in ("acl", "compound", "nmod") and tok.i < tok.head.i:
        return None  # "the internationally recognised government": a participle before its noun
    if pos == "V" and tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("nsubj", "nsubjpass"):
        return None  # "Libya's internationally recognised Government ... announced": a misparsed modifier
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-" and tok.dep_ in ("amod", "compound", "npadvmod"):
        return None  # "free-trade"
    cands = None
    doc = tok.doc
    prefixed = []
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_:
        prefixed = [f"{doc[tok.i - 2].lower_}-{lemma}" for lemma in lemmas(tok)]  # "test-fired" -> test-fire
    for lemma in prefixed + lemmas(tok):
        cands = patterns().get((lemma, pos))
        if cands:
            break
    if not cands:
        return None
    for pat in cands:
        if all(_holds(tok, key, values) for key, values in pat.conditions):
            return None if pat.blocked else pat
    return None


def in_name(tok: Token) -> bool:
    """A capitalised common noun inside a proper name is part of the name, no event: "Harbour Flying
    Aid", "the Peace Now movement", "Mercy Relief" (a named organisation), not in a headline
    written in title case, and not a noun that opens the sentence."""
    if tok.pos_ not in ("NOUN", "PROPN") or not tok.text[:1].isupper() or tok.i == tok.sent.start or tok.text.isupper():
        return False
    if not (tok.ent_type_ in ("ORG", "FAC", "WORK_OF_ART", "LAW") or any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in tok.children)):
        return False
    return not title_case(tok)


def title_case(tok: Token) -> bool:
    """Whether the sentence of ``tok`` is a headline in title case (most longer words capitalised)."""
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
    return sum(t.text[:1].isupper() for t in words) * 2 >= len(words)


def misread_noun(tok: Token) -> bool:
    """A noun the tagger took for an adjective where only a noun phrase can stand: the subject, the
    object or a preposition's object ("a regime offensive on the town has displaced thousands",
    "the army pressed its offensive", "casualties of the offensive")."""
    return tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


def is_light(tok: Token) -> bool:
    """Whether ``tok`` is a light verb whose object noun names the event ("launched an offensive")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    for lemma in lemmas(tok):
        cands = patterns().get((lemma, "L"))
        if cands:
            return any(all(_holds(tok, k, v) for k, v in p.conditions) for p in cands)
    return False
