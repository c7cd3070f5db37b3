"""The quote stage: the ordered list of its rules, and the quote records they end in.

The stage works on the existing parse, with no further spaCy pass. ``document.marks`` holds the paired
quotation marks and ``frames.find_frames`` every cue of the lexicon with its source and content; then
``RULES`` run in order over one ``Work`` (see each rule's docstring for its construction and example):

1. ``mixed_frames``: a frame whose content holds marked text is a mixed quote;
2. ``direct_marks``: a marked quote with a cue inside, after or before its marks is direct;
3. ``indirect_frames``: frames left over with a clausal content are indirect quotes;
4. ``embedded_posts``: a social-media post quoted in the page is its author's direct quote;
5. ``headline_attributions``: "Name: statement" lines;
6. ``floating_marks``: the marked quotes left over become candidates for ``inherit_floating``;
7. ``resolve_speakers``: drafts that are no one's words are dropped; each source becomes an actor
   (coreference already linked pronouns, role nouns and groups; sources no actor covers become new
   actors). Quotes by "I"/"we" are left out;
8. ``inherit_floating``: a candidate that stands where quotes stand inherits the speaker before it;
9. ``transcript_labels``: "NAME: words" inside a quote gives the words to NAME.
"""

from __future__ import annotations

from collections.abc import Callable

from communique import data
from communique.actors.table import ActorTable
from communique.document import Document
from communique.quotes.direct import direct_marks
from communique.quotes.draft import Draft, Work
from communique.quotes.floating import floating_marks, inherit_floating
from communique.quotes.frames import find_frames
from communique.quotes.headlines import headline_attributions, transcript_labels
from communique.quotes.indirect import indirect_frames
from communique.quotes.mixed import mixed_frames
from communique.quotes.posts import embedded_posts
from communique.quotes.resolve import resolve_speakers
from communique.quotes.speakers import SpeakerIndex, mention_span
from communique.records import Quote, Span, Timex
from communique.times.dating import date_quote

RULES: tuple[Callable[[Work], None], ...] = (
    mixed_frames,
    direct_marks,
    indirect_frames,
    embedded_posts,
    headline_attributions,
    floating_marks,
    resolve_speakers,
    inherit_floating,
    transcript_labels,
)


def extract_quotes(
    document: Document, actors: ActorTable, times: list[Timex], *, published: str | None = None
) -> list[Quote]:
    """Quotes found in the document; a speaker no actor covers is added to ``actors`` as a new actor."""
    doc = document.doc
    if not len(doc):
        return []
    work = Work(document, find_frames(document), SpeakerIndex(document, actors))
    for rule in RULES:
        rule(work)
    drafts = sorted(work.drafts, key=lambda d: (d.start, d.end))
    quotes = [_record(work, d, f"Q{n}", times, published) for n, d in enumerate(drafts, 1)]
    return quotes


def _record(work: Work, d: Draft, qid: str, times: list[Timex], published: str | None) -> Quote:
    """The quote record of a draft: its speaker mention, its cue as written and the date of its cue."""
    doc, text = work.doc, work.document.text
    speaker_mention = None
    if d.speaker_tok is not None and not d.inherited:
        s, e = d.mention or mention_span(doc, doc[d.speaker_tok])
        speaker_mention = Span(s, e, text[s:e])
    cue = None
    if d.cue is not None:
        c0, c1 = _cue_words(work, d.cue, d.verb)
        cs, ce = doc[c0].idx, doc[c1 - 1].idx + len(doc[c1 - 1].text)
        cue = Span(cs, ce, text[cs:ce])
    dating = date_quote(doc, d.verb, times, published)
    return Quote(
        id=qid, kind=d.kind, start=d.start, end=d.end, text=text[d.start : d.end],
        speaker=d.actor, speaker_mention=speaker_mention, cue=cue, date=dating.value,
        date_basis=dating.basis, date_precision=dating.precision, provenance=d.rule,
    )


def _cue_words(work: Work, cue: tuple[int, int], verb: int | None) -> tuple[int, int]:
    """The cue as written: with the auxiliaries and adverbs right before its verb ("has also said") and
    a colon right after it ("added:")."""
    doc = work.doc
    c0, c1 = cue
    if verb is None or not (c0 <= verb < c1) or doc[verb].pos_ not in ("VERB", "AUX"):
        return c0, c1
    v = doc[verb]
    adverbs = data.words("quotes.cue_adverbs")
    while c0 > 0:
        t = doc[c0 - 1]
        if t.head.i == v.i and (t.dep_ in ("aux", "auxpass") or (t.dep_ == "advmod" and t.lower_ in adverbs)):
            c0 -= 1
        else:
            break
    if c1 < len(doc) and doc[c1].text == ":":
        c1 += 1
    return c0, c1
