"""Quotes: direct, indirect and mixed, each with its cue and its resolved speaker.

The stage works on the existing parse, with no further spaCy pass:

1. ``marks``: quotation marks paired paragraph by paragraph, whatever their style or balance;
2. ``frames``: every cue of the lexicon (``data/cues.tsv``) with its source and content on the parse;
3. ``direct``: each marked quote takes the frame whose content it holds, or a cue beside its marks;
   marked text inside a larger frame content makes that content a mixed quote;
4. frames left over with a clausal content are indirect quotes;
5. ``floating``: a marked quote with no cue inherits the speaker of the quote before it (split quotes,
   quote paragraphs, paragraphs a long quote runs on into);
6. ``speakers``: each source mention is resolved to an actor (coreference already linked pronouns, role
   nouns and groups); sources no actor covers become new actors. Quotes by "I"/"we" are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from communique.actors.names import lexicon as name_lexicon
from communique.document import Document
from communique.document.cues import Lexicon, lexicon
from communique.document.marks import MarkedQuote
from communique.quotes.direct import Anchor, post_anchor, pre_anchor
from communique.quotes.floating import inherit_speakers
from communique.quotes.frames import Frame, find_frames
from communique.quotes.speakers import SpeakerIndex, mention_span
from communique.records import Actor, Quote, QuoteKind, Span, Timex
from communique.times import governing_time

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MIN_INDIRECT_TOKENS = 3
_LINK_LINE = re.compile(r"\s*(?:READ MORE|READ|WATCH|RELATED|MORE|LISTEN|SEE|PHOTOS|VIDEO)\s*:", re.I)
FLOATING_MIN_WORDS = 6
# documents and figures that speak in news: "the report says", "a memo states", "63 percent said"
TEXT_SOURCES = frozenset(
    "study survey poll data report document article analysis brief memo letter ad advert slide filing "
    "lawsuit complaint ruling indictment affidavit book essay column editorial email tweet post website".split()
)
NOT_SPEAKERS = frozenset("belief view opinion wisdom theory idea notion assumption perception sense logic".split())
QUANTIFIER_SOURCES = frozenset("one many some most several few both others other all percent majority minority half".split())


@dataclass
class Draft:
    """A quote before its speaker is turned into an actor id."""

    kind: QuoteKind
    start: int  # characters
    end: int
    speaker_tok: int | None
    cue: tuple[int, int] | None  # tokens
    verb: int | None
    rule: str
    mark: int | None = None  # index of the marked quote, for direct ones
    actor: str | None = None
    inherited: bool = False
    mention: tuple[int, int] | None = None  # characters of the speaker mention, where the parse can't give it


def extract_quotes(
    document: Document, actors: list[Actor], times: list[Timex], *, published: str | None = None
) -> tuple[list[Quote], list[Actor]]:
    """Quotes found in the document; returns them with the actor list, extended with any new speakers."""
    doc = document.doc
    if not len(doc):
        return [], list(actors)
    text = doc.text
    lex = document.cues
    marked = document.marks
    lay = document
    frames = find_frames(doc, lex, lay.quoted)
    by_verb = {f.verb: f for f in frames}
    drafts: list[Draft] = []
    used_frames: set[int] = set()
    mark_taken: set[int] = set()

    # 1. frames against marks: content inside the marks (direct), marks inside the content (mixed)
    for fi, f in enumerate(frames):
        if f.content is None or f.speaker is None:
            continue
        lo, hi = f.content
        holders = [qi for qi, (qlo, qhi, _, _) in enumerate(lay.spans) if lo >= qlo - 1 and hi <= qhi + 1 and qhi > qlo]
        if holders:
            continue  # decided per mark below
        inside = [qi for qi, (qlo, _, olo, _) in enumerate(lay.spans) if lo <= olo and qlo < hi]
        if inside:
            end = max([hi] + [lay.spans[qi][3] for qi in inside])
            drafts.append(_draft(doc, "mixed", lo, end, f, "quotes.mixed_" + f.rule))
            used_frames.add(fi)
            mark_taken.update(inside)

    # 2. each marked quote: frame inside it, else a cue next to it
    frame_ids = {f.verb: fi for fi, f in enumerate(frames)}
    anchors: dict[int, Anchor] = {}
    for qi, (qlo, qhi, olo, ohi) in enumerate(lay.spans):
        if qi in mark_taken:
            continue
        best: Frame | None = None
        for f in frames:
            if f.content is None or f.speaker is None:
                continue
            lo, hi = f.content
            if lo >= qlo - 1 and hi <= qhi + 1 and not (olo <= f.verb < ohi):
                if best is None or abs(f.verb - qhi) < abs(best.verb - qhi):
                    best = f
        anchor: Anchor | None = None
        if best is not None:
            anchor = Anchor(best.cue_start, best.cue_end, best.verb, best.speaker, "quotes.direct_" + best.rule)
        else:
            q = marked[qi]
            tail = text[q.end - 1 : q.end] if q.end > q.start else ""
            post_first = tail in (",", "?", "!", "\u2014", "-") or text[q.outer_end : q.outer_end + 1] == ","
            tries = (post_anchor, pre_anchor) if post_first else (pre_anchor, post_anchor)
            for fn in tries:
                anchor = fn(doc, lay, qi, lex, by_verb)
                if anchor is not None:
                    break
        if anchor is not None:
            anchors[qi] = anchor
            if anchor.verb in frame_ids:
                used_frames.add(frame_ids[anchor.verb])
    for qi, anchor in anchors.items():
        q = marked[qi]
        kind: QuoteKind = "mixed" if anchor.rule == "quotes.direct_call_label" else "direct"
        start = q.start
        if anchor.rule in ("quotes.direct_post_cue", "quotes.direct_dash"):
            lead = _clause_start(doc, lay, qi)
            if lead is not None:
                kind, start = "mixed", doc[lead].idx
        drafts.append(
            Draft(kind, start, q.end if kind == "direct" else q.outer_end, anchor.speaker,
                  (anchor.cue_start, anchor.cue_end) if anchor.cue_end > anchor.cue_start else None,
                  anchor.verb if anchor.cue_end > anchor.cue_start else None, anchor.rule if kind == "direct" else "quotes.mixed_post_cue",
                  mark=qi)
        )
        mark_taken.add(qi)

    # 3. indirect quotes: frames left with a clausal content outside any marked quote
    taken_chars = [(d.start, d.end) for d in drafts]
    for fi, f in enumerate(frames):
        if fi in used_frames or f.content is None or f.speaker is None:
            continue
        lo, hi = _cut_nested(doc, f, frames)
        hi = _trim_tail(doc, lo, hi, lex)
        if hi <= lo:
            continue
        if hi - lo < MIN_INDIRECT_TOKENS:
            continue
        if f.entry is not None and f.entry.strength == "weak":
            continue  # beliefs, findings, estimates: quotes only where quotation marks make them so
        if f.rule == "call_for":
            continue  # "called for the release": no words of the speaker
        if f.rule == "call_label" and f.content[1] - f.content[0] < 2:
            continue  # "called for the release", "what they call ...": no words of the speaker
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        if any(s < end and start < e and not _nested(s, e, start, end) for s, e in taken_chars):
            continue
        if any(lay.quoted[i] for i in range(lo, hi)):
            continue
        drafts.append(_draft(doc, "indirect", lo, hi, f, "quotes.indirect_" + f.rule))
        taken_chars.append((start, end))

    # 3a. embedded posts: "... pic.twitter.com/x — BC Hydro (@bchydro) December 22, 2018"
    for d in _embedded_posts(doc, lay):
        if not any(x < d.end and d.start < y for x, y in taken_chars):
            drafts.append(d)
            taken_chars.append((d.start, d.end))

    # 3b. headline attributions: "Sanders: Clinton needs to change course"
    for d in _headline_attributions(doc, lay):
        if not any(x < d.end and d.start < y for x, y in taken_chars):
            drafts.append(d)
            taken_chars.append((d.start, d.end))

    # 4. floating marked quotes and continued paragraphs
    floating: list[Draft] = []
    for qi, q in enumerate(marked):
        if qi in mark_taken:
            continue
        floating.append(Draft("direct", q.start, q.end, None, None, None, "quotes.floating", mark=qi))

    index = SpeakerIndex(doc, actors, lex)
    kept: list[Draft] = []
    for d in drafts:
        if _boilerplate(text, d.start):
            continue
        if d.kind != "direct" and d.speaker_tok is not None and not d.rule.endswith(("according_to", "headline")):
            if not _speaks(doc, index, d.speaker_tok):
                continue
        if d.kind == "indirect" and text[d.start : d.end].split(" ", 1)[0].lower() in ("if", "whether"):
            continue
        if d.kind == "indirect" and d.verb is not None and _adverbial_content(doc, d):
            continue  # "said no when reporters asked ...": a time clause, not what was said
        if d.speaker_tok is not None:
            head = doc[d.speaker_tok]
            if index.is_first_person(head):
                continue
            d.actor = _named_actor(index, head) if d.rule == "quotes.headline" else None
            d.actor = d.actor or index.resolve(head)
        kept.append(d)
    kept = inherit_speakers(kept, floating, marked, lay, FLOATING_MIN_WORDS, index)
    for d in kept:
        _transcript_label(doc, index, d)
    kept.sort(key=lambda d: (d.start, d.end))
    quotes: list[Quote] = []
    for d in kept:
        speaker_mention = None
        if d.speaker_tok is not None and not d.inherited:
            s, e = d.mention or mention_span(doc, doc[d.speaker_tok])
            speaker_mention = Span(s, e, text[s:e])
        cue = None
        if d.cue is not None:
            c0, c1 = _cue_words(doc, d.cue, d.verb)
            cs, ce = doc[c0].idx, doc[c1 - 1].idx + len(doc[c1 - 1].text)
            cue = Span(cs, ce, text[cs:ce])
        date = None
        if d.verb is not None:
            tx = governing_time(doc, d.verb, times, published)
            date = tx.value if tx is not None else None
        quotes.append(
            Quote(
                id=f"Q{len(quotes) + 1}", kind=d.kind, start=d.start, end=d.end, text=text[d.start : d.end],
                speaker=d.actor, speaker_mention=speaker_mention, cue=cue, date=date, provenance=d.rule,
            )
        )
    return quotes, index.actors


CUE_ADVERBS = frozenset("also later often repeatedly further then now still again previously earlier already once".split())


EMBED_TAIL = re.compile(
    r"(?:pic\.twitter\.com/\S+|https?://t\.co/\S+)\s*[\u2014\u2013-]+\s*([^()\n]{2,60}?)\s*\(@\w+\)[^\n]{0,40}$"
)


def _embedded_posts(doc: Doc, lay: Document) -> list[Draft]:
    """A post embedded in the page ("text pic.twitter.com/x — Name (@handle) date"): the author's own words."""
    out: list[Draft] = []
    text = doc.text
    for a, b in lay.para_bounds:
        b = min(b, len(doc))
        if b <= a:
            continue
        p0, p1 = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        m = EMBED_TAIL.search(text, p0, p1)
        if m is None or m.end() != p1:
            continue
        body = text[p0 : m.start()].rstrip()
        body = re.sub(r"(?:\s*#\w+)+$", "", body).rstrip()  # trailing hashtags
        if len(body.split()) < 4 or any(lay.quoted[i] for i in range(a, min(a + 2, b))):
            continue
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        dash = lay.char_tok[text.rfind(" ", 0, m.start(1) - 1) + 1] if m.start(1) > 1 else None
        if name is None:
            continue
        head = next((t for t in reversed(name) if t.pos_ in ("PROPN", "NOUN")), None)
        if head is None:
            continue
        cue = (dash, dash + 1) if dash is not None and doc[dash].text.strip("\u2014\u2013-") == "" else None
        d = Draft("direct", p0, p0 + len(body), head.i, cue, None, "quotes.embedded_post")
        d.mention = (m.start(1), m.end(1))
        out.append(d)
    return out


HEADLINE_LABELS = frozenset("watch read update updated note photo video editor correction related listen more see".split())


ADVERBIAL_OPENERS = frozenset("when while after before because since until as once".split())


def _adverbial_content(doc: Doc, d: Draft) -> bool:
    """Whether an indirect content is an adverbial clause of its cue ("when reporters asked ...")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or not len(span) or d.verb is None:
        return False
    first = span[0]
    return first.lower_ in ADVERBIAL_OPENERS and first.head.head.i == d.verb


TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]{2,})?):\s+")


def _transcript_label(doc: Doc, index: SpeakerIndex, d: Draft) -> None:
    """A transcript line inside a quote ("PENCE: Well, look, ..."): the capitalised label speaks the rest."""
    m = TRANSCRIPT_LABEL.match(doc.text, d.start, d.end)
    if m is None or m.end() >= d.end:
        return
    label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    colon = doc.char_span(m.end(1), m.end(1) + 1, alignment_mode="expand")
    if label is None or colon is None or len(label) > 3:
        return
    head = label[-1]
    d.start = m.end()
    d.speaker_tok = head.i
    d.inherited = False
    d.cue = (colon.start, colon.end)
    d.verb = None
    d.actor = _named_actor(index, head) or index.resolve(head)
    d.rule = "quotes.transcript"


def _named_actor(index: SpeakerIndex, head: Token) -> str | None:
    """The one person or organisation of the article whose name holds the headline's label word."""
    found = [a.id for a in index.actors if a.type in ("person", "organization") and head.lower_ in a.name.lower().replace("-", " ").split()]
    return found[0] if len(found) == 1 else None


def _headline_attributions(doc: Doc, lay: Document) -> list[Draft]:
    """A one-line paragraph "Name: statement" (a headline's attribution): the name says the statement."""
    out: list[Draft] = []
    named = {t.lower_ for t in doc if t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN"}
    for a, b in lay.para_bounds:
        b = min(b, len(doc))
        colon = next((i for i in range(a, min(a + 6, b)) if doc[i].text == ":"), None)
        if colon is None or colon == a or "\n" in doc.text[doc[a].idx : doc[b - 1].idx]:
            continue
        label = [t for t in doc[a:colon] if not t.is_space]
        rest = [t for t in doc[colon + 1 : b] if not t.is_space]
        label = [t for t in label if t.text not in ("-", "\u2010", "\u2011")]  # "Okonjo-Iweala"
        if not label or len(label) > 4 or not all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in label):
            continue
        if any(t.lower_ in HEADLINE_LABELS for t in label) or lay.quoted[colon] or (rest and lay.quoted[rest[0].i]):
            continue
        words = [t for t in rest if not t.is_punct]
        if len(words) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
            continue
        head = label[-1]
        if not (head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or head.lower_ in named or head.lemma_.lower() in TEXT_SOURCES):
            continue
        end_tok = rest[-1] if rest[-1].text not in (".", ":") else rest[-2]
        start, end = rest[0].idx, end_tok.idx + len(end_tok.text)
        out.append(Draft("indirect", start, end, head.i, (colon, colon + 1), colon, "quotes.headline"))
    return out


def _cue_words(doc: Doc, cue: tuple[int, int], verb: int | None) -> tuple[int, int]:
    """The cue as written: with the auxiliaries and adverbs right before its verb ("has also said") and
    a colon right after it ("added:")."""
    c0, c1 = cue
    if verb is None or not (c0 <= verb < c1) or doc[verb].pos_ not in ("VERB", "AUX"):
        return c0, c1
    v = doc[verb]
    while c0 > 0:
        t = doc[c0 - 1]
        if t.head.i == v.i and (t.dep_ in ("aux", "auxpass") or (t.dep_ == "advmod" and t.lower_ in CUE_ADVERBS)):
            c0 -= 1
        else:
            break
    if c1 < len(doc) and doc[c1].text == ":":
        c1 += 1
    return c0, c1


RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose"})


def _trim_tail(doc: Doc, lo: int, hi: int, lex: Lexicon) -> int:
    """End of an indirect content without the writer's additions set off by a comma at its end: a
    relative clause (", which forced her to leave"), an appositive (", the presumed favourite") or a
    participle of another cue (", citing the strategic location")."""
    while hi - lo > MIN_INDIRECT_TOKENS:
        cut = None
        for k in range(hi - 1, lo + 1, -1):
            if doc[k - 1].text != ",":
                continue
            t = doc[k]
            node = next((x for x in doc[k:hi] if x.left_edge.i == k and x.right_edge.i >= hi - 1 and x.head.i < k), None)
            if node is None:
                continue
            if node.dep_ == "relcl" and t.lower_ in RELATIVE_WORDS:
                cut = k - 1
            elif node.dep_ == "appos" and node.pos_ in ("NOUN", "PROPN", "ADJ"):
                cut = k - 1
            elif node.tag_ == "VBG" and node.dep_ in ("advcl", "xcomp", "conj") and lex.verb(node.lemma_.lower()) is not None:
                cut = k - 1
            break
        if cut is None or cut - lo < MIN_INDIRECT_TOKENS:
            return hi
        hi = cut
    return hi


def _nested(s0: int, e0: int, s1: int, e1: int) -> bool:
    """One span strictly inside the other: a reported speech inside a report ("X says Y promised ... and
    said she would ..."), two attributions, each with its own source."""
    return (s0 <= s1 and e1 <= e0 and (s0, e0) != (s1, e1)) or (s1 <= s0 and e0 <= e1 and (s0, e0) != (s1, e1))


def _cut_nested(doc: Doc, f: Frame, frames: list[Frame]) -> tuple[int, int]:
    """A content that runs into a participle cue of its own ("..., saying the party needs to move on")
    ends before it: the participle is a second quote by the same speaker."""
    assert f.content is not None
    lo, hi = f.content
    for g in frames:
        if g is f or g.content is None or not (lo < g.verb < hi):
            continue
        v = doc[g.verb]
        if v.tag_ == "VBG" and v.dep_ in ("advcl", "conj", "xcomp") and g.content[1] <= hi:
            cut = v.left_edge.i
            while cut > lo and (doc[cut - 1].is_punct or doc[cut - 1].lower_ in ("and", "while")):
                cut -= 1
            hi = min(hi, cut)
    return lo, hi


def _clause_start(doc: Doc, lay: Document, qi: int) -> int | None:
    """First word of the sentence a marked quote sits in, when words of that sentence precede it."""
    _, _, olo, _ = lay.spans[qi]
    para = lay.paragraph_of(olo)
    p_start = lay.para_bounds[para][0] if lay.para_bounds else 0
    prev_close = lay.spans[qi - 1][3] if qi > 0 else 0
    k = olo - 1
    first = None
    words = 0
    while k >= max(p_start, prev_close):
        t = doc[k]
        if t.text in (".", "!", "?", ":") or t.is_space:
            break
        if not t.is_punct:
            words += 1
            first = k
        k -= 1
    return first if words >= 2 else None


def _speaks(doc: Doc, index: SpeakerIndex, head_i: int) -> bool:
    """Whether a source can speak: a name, a pronoun, an actor, or a noun of people or organisations."""
    t = doc[head_i]
    if t.pos_ in ("PROPN", "PRON") or head_i in index.owner or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    lemma = t.lemma_.lower()
    if lemma in QUANTIFIER_SOURCES and t.dep_ in ("nsubj", "nsubjpass"):
        return True  # "many of whom say", "one said", "63 percent said"
    if lemma in NOT_SPEAKERS:
        return False  # "common belief says": an attitude is no one's voice
    return name_lexicon().noun(lemma) is not None or lemma in lexicon().nouns or lemma in TEXT_SOURCES


def _boilerplate(text: str, start: int) -> bool:
    """A link line left by scraping ("READ MORE: ...", "WATCH: ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_LINK_LINE.match(text, line_start))


def _draft(doc: Doc, kind: QuoteKind, lo: int, hi: int, f: Frame, rule: str) -> Draft:
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
    return Draft(kind, start, end, f.speaker, (f.cue_start, f.cue_end), f.verb, rule)


__all__ = ["MarkedQuote", "extract_quotes"]
