"""Attribution frames read off the dependency parse: a cue, its source and its content.

A frame is what one cue says: ``X said (that) ...``, ``..., X said``, ``X told Y that ...``, ``X urged Y
to ...``, parentheticals (``The talks, she said, would resume``), ``according to X, ...`` and participles
(``..., adding that ...``; ``a statement saying ...``). Frames are the raw material of indirect and mixed
quotes, and the first way a marked (direct) quote finds its cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.document.cues import Cue, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "relcl", "acl", "pcomp", "prep"})
OBJECT_TO_VERBS = frozenset("urge call tell advise encourage".split())
NO_QUOTE_HEADS = frozenset({"decline", "refuse", "fail", "want", "need", "expect"})  # "declined to say"
OPEN_QUOTE_CHARS = "\"\u201c\u201d\u00ab\u00bb\u201e'\u2018\u2019"


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


def cue_entry(t: Token, lex: Lexicon) -> tuple[Cue | None, Token | None]:
    """The lexicon entry of verb ``t`` (with its particle, "point out"), and the particle token."""
    if not (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB")):
        return None, None
    lemma = t.lemma_.lower()
    for c in t.children:
        if c.dep_ in ("prt", "prep") and c.i == t.i + 1:
            entry = lex.verb(lemma, c.lower_)
            if entry is not None and entry.cue != lemma:
                return entry, c
            if c.dep_ == "prt":
                return None, None  # "sworn in", "called off": another verb than the cue
    return lex.verb(lemma), None


def _subject(v: Token) -> Token | None:
    for c in v.children:
        if c.dep_ in SUBJECTS and not c.is_punct and c.text not in OPEN_QUOTE_CHARS:
            return c
    return None


def find_speaker(v: Token) -> tuple[Token | None, str]:
    """Head token of the source of cue verb ``v``, and how it was found."""
    subj = _subject(v)
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            return pobj, "agent"
        if v.lemma_ not in ("quote", "cite"):
            return None, ""
    if subj is not None:
        return subj, "subject"
    cur = v
    for _ in range(3):
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return cur.head, "acl_noun"
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.lower_ in ("by", "after", "before", "in", "while"):
            cur = cur.head  # "pitched himself by telling them that ...", "After saying ..., she left"
        if cur.dep_ not in CLIMB_DEPS or cur.head.i == cur.i:
            break
        if cur.dep_ == "xcomp" and cur.head.lemma_ in NO_QUOTE_HEADS:
            return None, ""
        cur = cur.head
        subj = _subject(cur)
        if subj is not None:
            if subj.dep_ == "nsubjpass" and cur.lemma_ not in ("quote", "cite"):
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
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space) and doc[lo].text not in OPEN_QUOTE_CHARS:
        lo += 1
    while lo < hi and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        if doc[hi - 1].text in OPEN_QUOTE_CHARS:
            inner = sum(1 for t in doc[lo : hi - 1] if t.text in OPEN_QUOTE_CHARS)
            if inner % 2 == 1:
                break
        hi -= 1
    # a leading quote mark without its closing partner is dropped
    if lo < hi and doc[lo].text in OPEN_QUOTE_CHARS:
        inner = sum(1 for t in doc[lo:hi] if t.text in OPEN_QUOTE_CHARS)
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


def find_frames(doc: Doc, lex: Lexicon, quoted: list[bool]) -> list[Frame]:
    """Every attribution frame of ``doc``; cues inside quotation marks (nested speech) are skipped."""
    frames: list[Frame] = []
    for t in doc:
        if quoted[t.i]:
            continue
        low = t.lower_
        if low == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            to = doc[t.i + 1]
            src = next((c for c in to.children if c.dep_ == "pobj"), None)
            if src is None:
                continue
            # the content is the sentence on the longer side of "according to X" ("..., according to the
            # Tax Foundation, more than twice ..." / "According to X, ...")
            sent = t.sent
            end = max(src.right_edge.i, t.i + 1)
            before = [x for x in sent if x.i < t.i]
            after = [x for x in sent if x.i > end]
            region = before if sum(not x.is_punct for x in before) >= sum(not x.is_punct for x in after) else after
            frames.append(Frame(t.i, t.i + 2, t.i, src.i, _edges(region), lex.preps.get("according to"), "according_to"))
            continue
        entry, particle = cue_entry(t, lex)
        if entry is None:
            continue
        if any(c.dep_ == "neg" for c in t.children):
            continue
        cue_end = (particle.i if particle is not None else t.i) + 1
        speaker, how = find_speaker(t)
        ccomp = [c for c in t.children if c.dep_ == "ccomp" and c.i != t.i]
        content: tuple[int, int] | None = None
        rule = ""
        if ccomp:
            c = ccomp[0] if len(ccomp) == 1 else max(ccomp, key=lambda x: len(list(x.subtree)))
            content = _edges(list(c.subtree))
            rule = "ccomp"
            sent = t.sent
            if (
                c.i < t.i and speaker is not None and c.right_edge.i < speaker.left_edge.i < t.i
                and all(x.is_punct or x.is_space for x in doc[t.right_edge.i + 1 : sent.end])
                and c.left_edge.i - sent.start <= 1
            ):
                # "A, but B, the source added.": everything before the cue clause is the report
                content = _edges(list(doc[sent.start : speaker.left_edge.i]))
        elif (noun_clause := _noun_cue_clause(t, lex)) is not None:
            content = _edges(list(noun_clause.subtree))
            rule = "noun_cue"
        elif t.dep_ == "parataxis" or (
            t.dep_ in ("ccomp", "advcl") and t.i > 0 and doc[t.i - 1].text == "," and speaker is not None and t.head.i > t.i
        ):
            sent = t.sent
            if all(x.is_punct or x.is_space for x in doc[t.right_edge.i + 1 : sent.end]) and t.left_edge.i > sent.start:
                # "A, but B, the source added.": the report is the whole sentence before the cue clause
                region = list(doc[sent.start : t.left_edge.i])
            else:
                region = _without(t.head, t)
            content = _edges(region)
            rule = "parenthetical"
        elif entry.cls == "call" and not (t.tag_ == "VBN" and t.dep_ == "acl") and (label := _call_label(t)) is not None:
            # ("a group called Lashkar-e-Taiba" names; it does not quote)
            obj, comp = label
            content = _edges(list(comp.subtree))
            rule = "call_label"
            if obj is not None and obj.i < comp.i and content is not None and not _quoted_any(doc, content):
                content = _edges(list(obj.subtree) + list(comp.subtree))
        elif t.lemma_.lower() == "accuse" and (acc := _accusation(t)) is not None:
            content = _edges(acc)
            rule = "accusation"
        elif t.lemma_.lower() in OBJECT_TO_VERBS or (particle is not None and particle.lower_ in ("on", "for")):
            obj = next((c for c in t.children if c.dep_ in ("dobj", "dative")), None)
            if particle is not None and obj is None:
                obj = next((c for c in particle.children if c.dep_ == "pobj"), None)
            xcomp = next((c for c in t.children if c.dep_ == "xcomp"), None)
            if obj is not None and xcomp is None:
                xcomp = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.i > obj.i), None)
            if obj is not None and xcomp is not None:
                content = _edges(list(obj.subtree) + list(xcomp.subtree))
                rule = "object_to"
            elif particle is not None and obj is not None and particle.lower_ == "for":
                content = _edges(list(obj.subtree))
                rule = "call_for"
        frames.append(Frame(t.i, cue_end, t.i, speaker.i if speaker is not None else None, content, entry, rule or how or "cue"))
    return frames


def _accusation(v: Token) -> list[Token] | None:
    """"accused the government of lying": the accused and the charge, as one content."""
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    of = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and obj is not None:
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if obj is None or of is None or not any(g.dep_ in ("pcomp", "pobj") for g in of.children):
        return None
    return list(obj.subtree) + list(of.subtree)


def _call_label(v: Token) -> tuple[Token | None, Token] | None:
    """"Tehran called the accusation "absurd"": the object and the label it is given."""
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    comp = next((c for c in v.children if c.dep_ in ("oprd", "acomp") or (c.dep_ in ("xcomp", "ccomp") and c.i > v.i + 1)), None)
    if comp is None:
        prep_as = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        comp = next((g for g in prep_as.children if g.dep_ == "pobj"), None) if prep_as is not None else None
    return (obj, comp) if comp is not None else None


def _noun_cue_clause(v: Token, lex: Lexicon) -> Token | None:
    """"He said in a statement that ...": the that-clause hangs on the cue noun, not on the verb."""
    for prep in v.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in lex.nouns:
                for c in noun.children:
                    if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                        return c
    return None


def _quoted_any(doc: Doc, span: tuple[int, int]) -> bool:
    return any(doc[i].text in OPEN_QUOTE_CHARS for i in range(span[0], span[1]))
