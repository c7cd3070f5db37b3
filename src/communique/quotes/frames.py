"""Attribution frames read off the dependency parse: a cue, its source and its content.

A frame is what one cue says: ``X said (that) ...``, ``..., X said``, ``X told Y that ...``, ``X urged Y
to ...``, parentheticals (``The talks, she said, would resume``), ``according to X, ...`` and participles
(``..., adding that ...``; ``a statement saying ...``). Frames are the raw material of indirect and mixed
quotes, and the first way a marked (direct) quote finds its cue.

``find_frames`` reads every cue token of the document (``Document.cue_verbs``, computed once); the content
of a cue is found by the first rule of ``CONTENT_RULES`` that applies to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.document.cues import Cue
from communique.document.marks import TOKEN_MARKS
from communique.syntax import SUBJECT_DEPS, children, first_child, is_negated, passive_agents, subjects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from communique.document import Document

SOURCE_DEPS = SUBJECT_DEPS | {"csubj"}
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "relcl", "acl", "pcomp", "prep"})
OBJECT_TO_VERBS = frozenset("urge call tell advise encourage".split())
NO_QUOTE_HEADS = frozenset({"decline", "refuse", "fail", "want", "need", "expect"})  # "declined to say"
QUOTING_VERBS = ("quote", "cite")  # "he was quoted as saying": the passive subject is the source
LEAD_PREPOSITIONS = ("by", "after", "before", "in", "while")


@dataclass(frozen=True, slots=True)
class Frame:
    """One attribution found on the parse; token offsets are ``[start, end)`` into the doc."""

    cue_start: int
    cue_end: int
    verb: int  # the token the cue hangs on (for dates and de-duplication)
    speaker: int | None  # head token of the source noun phrase
    content: tuple[int, int] | None
    entry: Cue | None
    rule: str


@dataclass(frozen=True, slots=True)
class CueSite:
    """A cue verb of the lexicon, with what every content rule reads about it."""

    document: Document
    verb: Token
    entry: Cue
    particle: Token | None
    speaker: Token | None


Content = tuple[tuple[int, int] | None, str]
"""A content rule's answer: the content's token range (None when it has none) and the rule's name."""


def _subject(v: Token) -> Token | None:
    """The first subject of ``v`` that is a word (a stray quotation mark parsed as subject is not)."""
    return next((c for c in subjects(v, SOURCE_DEPS) if not c.is_punct and c.text not in TOKEN_MARKS), None)


def find_speaker(v: Token) -> tuple[Token | None, str]:
    """Head token of the source of cue verb ``v``, and how it was found.

    The subject ("The minister said"), the agent of a passive ("was announced by the ministry"), or,
    for a cue without a subject, the subject of the clause it hangs on (``_inherited_subject``).
    """
    subj = _subject(v)
    if subj is not None and subj.dep_ == "nsubjpass":
        agents = passive_agents(v)
        if agents:
            return agents[0], "agent"
        if v.lemma_ not in QUOTING_VERBS:
            return None, ""
    if subj is not None:
        return subj, "subject"
    return _inherited_subject(v)


def _inherited_subject(v: Token) -> tuple[Token | None, str]:
    """The source of a cue with no subject of its own, climbing at most three clauses.

    A participle on a noun speaks for the noun ("a statement saying ..."); a cue under a preposition or
    in a clause of another verb takes that verb's subject ("Senator Ada Okafor ended the rally by telling
    voters that ..."); "declined to say" and a passive clause give no source.
    """
    cur = v
    for _ in range(3):
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return cur.head, "acl_noun"
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.lower_ in LEAD_PREPOSITIONS:
            cur = cur.head  # "pitched himself by telling them that ...", "After saying ..., she left"
        if cur.dep_ not in CLIMB_DEPS or cur.head.i == cur.i:
            break
        if cur.dep_ == "xcomp" and cur.head.lemma_ in NO_QUOTE_HEADS:
            return None, ""
        cur = cur.head
        subj = _subject(cur)
        if subj is not None:
            if subj.dep_ == "nsubjpass" and cur.lemma_ not in QUOTING_VERBS:
                return None, ""
            return subj, "inherited_subject"
    return None, ""


def _edges(tokens: list[Token]) -> tuple[int, int] | None:
    """Token range of ``tokens`` with punctuation trimmed at both ends (a quote mark that closes an
    inner opening mark is kept)."""
    if not tokens:
        return None
    lo = min(t.i for t in tokens)
    hi = max(t.i for t in tokens) + 1
    doc = tokens[0].doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in TOKEN_MARKS:
        lo += 1
    while lo < hi and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        if doc[hi - 1].text in TOKEN_MARKS:
            inner = sum(1 for t in doc[lo : hi - 1] if t.text in TOKEN_MARKS)
            if inner % 2 == 1:
                break
        hi -= 1
    # a leading quote mark without its closing partner is dropped
    if lo < hi and doc[lo].text in TOKEN_MARKS:
        inner = sum(1 for t in doc[lo:hi] if t.text in TOKEN_MARKS)
        if inner % 2 == 1:
            lo += 1
    return (lo, hi) if hi > lo else None


def _without(head: Token, cut: Token) -> list[Token]:
    """The subtree of ``head`` minus the subtree of ``cut``, as a contiguous run on the longer side."""
    inner = {t.i for t in cut.subtree}
    toks = [t for t in head.subtree if t.i not in inner]
    if not toks:
        return []
    left = [t for t in toks if t.i < cut.left_edge.i]
    right = [t for t in toks if t.i > cut.right_edge.i]
    if left and right:
        # a parenthetical: the clause runs on both sides
        return toks
    return left or right


def _ends_sentence(doc: Doc, t: Token) -> bool:
    """Only punctuation follows ``t``'s subtree to the end of its sentence."""
    return all(x.is_punct or x.is_space for x in doc[t.right_edge.i + 1 : t.sent.end])


def according_to_frame(document: Document, t: Token) -> Frame | None:
    """"according to X": X is the source, the content is the longer side of the sentence.

    Example: "The convoy was hit twice, according to the relief agency." (content before the cue);
    "According to the relief agency, the convoy was hit twice." (content after it).
    """
    src = first_child(document.doc[t.i + 1], ("pobj",))
    if src is None:
        return None
    sent = t.sent
    end = max(src.right_edge.i, t.i + 1)
    before = [x for x in sent if x.i < t.i]
    after = [x for x in sent if x.i > end]
    region = before if sum(not x.is_punct for x in before) >= sum(not x.is_punct for x in after) else after
    return Frame(t.i, t.i + 2, t.i, src.i, _edges(region), document.cues.preps.get("according to"), "according_to")


def ccomp_content(site: CueSite) -> Content | None:
    """A cue with a clausal complement: the clause is the content.

    Example: "The minister said that the border would reopen." A complement before the cue that starts
    its sentence reports the whole sentence before the source: "The mayor had asked for an escort, but
    the chief refused, the aide added."
    """
    t, speaker, doc = site.verb, site.speaker, site.document.doc
    ccomp = children(t, ("ccomp",))
    if not ccomp:
        return None
    c = ccomp[0] if len(ccomp) == 1 else max(ccomp, key=lambda x: len(list(x.subtree)))
    content = _edges(list(c.subtree))
    sent = t.sent
    if (
        c.i < t.i and speaker is not None and c.right_edge.i < speaker.left_edge.i < t.i
        and _ends_sentence(doc, t) and c.left_edge.i - sent.start <= 1
    ):
        content = _edges(list(doc[sent.start : speaker.left_edge.i]))
    return content, "ccomp"


def noun_cue_content(site: CueSite) -> Content | None:
    """A that-clause hung on a cue noun after the verb: the clause is the content.

    Example: "The ministry said in a statement that two soldiers had been wounded."
    """
    cue_nouns = site.document.cue_nouns
    for prep in children(site.verb, ("prep",)):
        for noun in children(prep, ("pobj",)):
            if noun.i not in cue_nouns:
                continue
            for c in children(noun, ("acl", "ccomp", "relcl")):
                if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    return _edges(list(c.subtree)), "noun_cue"
    return None


def parenthetical_content(site: CueSite) -> Content | None:
    """A cue clause set in or after the report: the report around it is the content.

    Example: "The talks, she said, would resume next week." / "The vote was postponed, the aide added."
    """
    t, doc = site.verb, site.document.doc
    if not (
        t.dep_ == "parataxis"
        or (t.dep_ in ("ccomp", "advcl") and t.i > 0 and doc[t.i - 1].text == "," and site.speaker is not None and t.head.i > t.i)
    ):
        return None
    sent = t.sent
    if _ends_sentence(doc, t) and t.left_edge.i > sent.start:
        region = list(doc[sent.start : t.left_edge.i])  # the whole sentence before the cue clause
    else:
        region = _without(t.head, t)
    return _edges(region), "parenthetical"


def call_label_content(site: CueSite) -> Content | None:
    """A call cue with an object and a label: the label (with the object when unquoted) is the content.

    Example: 'The ministry called the accusation "absurd".' A thing called by a name ("a group called
    the Northern Front") names, it does not quote.
    """
    t = site.verb
    if site.entry.cls != "call" or (t.tag_ == "VBN" and t.dep_ == "acl"):
        return None
    obj = first_child(t, ("dobj",))
    comp = next((c for c in t.children if c.dep_ in ("oprd", "acomp") or (c.dep_ in ("xcomp", "ccomp") and c.i > t.i + 1)), None)
    if comp is None:
        prep_as = next((c for c in children(t, ("prep",)) if c.lower_ == "as"), None)
        comp = first_child(prep_as, ("pobj",)) if prep_as is not None else None
    if comp is None:
        return None
    doc = site.document.doc
    content = _edges(list(comp.subtree))
    if obj is not None and obj.i < comp.i and content is not None and not any(doc[i].text in TOKEN_MARKS for i in range(*content)):
        content = _edges(list(obj.subtree) + list(comp.subtree))
    return content, "call_label"


def accusation_content(site: CueSite) -> Content | None:
    """"accuse X of Y": the accused and the charge, as one content.

    Example: "The mayor accused the regional government of hiding the report."
    """
    v = site.verb
    if v.lemma_.lower() != "accuse":
        return None
    obj = first_child(v, ("dobj",))
    of = next((c for c in children(v, ("prep",)) if c.lower_ == "of"), None)
    if of is None and obj is not None:
        of = next((c for c in children(obj, ("prep",)) if c.lower_ == "of"), None)
    if obj is None or of is None or not any(g.dep_ in ("pcomp", "pobj") for g in of.children):
        return None
    return _edges(list(obj.subtree) + list(of.subtree)), "accusation"


def object_to_content(site: CueSite) -> Content:
    """"urge X to do Y", "call on X to do Y": the addressee and the act are the content; "call for X":
    X alone (``call_for``, no words of the speaker). Always answers: a cue of this kind with neither has
    no content.

    Example: "The envoy urged both sides to return to the table."
    """
    t, particle = site.verb, site.particle
    if not (t.lemma_.lower() in OBJECT_TO_VERBS or (particle is not None and particle.lower_ in ("on", "for"))):
        return None, ""
    obj = first_child(t, ("dobj", "dative"))
    if particle is not None and obj is None:
        obj = first_child(particle, ("pobj",))
    xcomp = first_child(t, ("xcomp",))
    if obj is not None and xcomp is None:
        xcomp = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.i > obj.i), None)
    if obj is not None and xcomp is not None:
        return _edges(list(obj.subtree) + list(xcomp.subtree)), "object_to"
    if particle is not None and obj is not None and particle.lower_ == "for":
        return _edges(list(obj.subtree)), "call_for"
    return None, ""


CONTENT_RULES: tuple[Callable[[CueSite], Content | None], ...] = (
    ccomp_content,
    noun_cue_content,
    parenthetical_content,
    call_label_content,
    accusation_content,
    object_to_content,
)
"""How a cue finds its content, in order: the first rule that applies decides."""


def cue_frame(document: Document, t: Token) -> Frame | None:
    """The frame of cue verb ``t``: its source and the content of the first content rule that applies.

    A negated cue ("did not say whether ...") frames nothing.
    """
    entry, particle = document.verb_cue(t)
    if entry is None or is_negated(t):
        return None
    speaker, how = find_speaker(t)
    site = CueSite(document, t, entry, particle, speaker)
    content: tuple[int, int] | None = None
    rule = ""
    for content_rule in CONTENT_RULES:
        found = content_rule(site)
        if found is not None:
            content, rule = found
            break
    cue_end = (particle.i if particle is not None else t.i) + 1
    return Frame(t.i, cue_end, t.i, speaker.i if speaker is not None else None, content, entry, rule or how or "cue")


def find_frames(document: Document) -> list[Frame]:
    """Every attribution frame of the document, in text order; cues inside quotation marks (nested
    speech) are skipped."""
    doc = document.doc
    frames: list[Frame] = []
    for t in doc:
        if document.quoted[t.i]:
            continue
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            frame = according_to_frame(document, t)
        else:
            frame = cue_frame(document, t)
        if frame is not None:
            frames.append(frame)
    return frames
