"""Which drafts are quotes of someone, and who that someone is (an actor id)."""

from __future__ import annotations

from collections.abc import Callable

from communique import data
from communique.actors.names import lexicon as name_lexicon
from communique.quotes.draft import Draft, Work
from communique.quotes.headlines import HEADLINE_RULE, named_actor
from communique.quotes.indirect import adverbial_content
from communique.syntax import SUBJECT_DEPS

SPEAKING_ENTITIES = ("PERSON", "ORG", "GPE", "NORP")
# rules whose source is no subject of a cue verb: the source of "according to X" or of a headline speaks
# by construction
SOURCE_GIVEN_RULES = ("according_to", "headline")


def resolve_speakers(work: Work) -> None:
    """Drop the drafts that are no one's words (``DROPS``, in order) and give the others their actor.

    A draft whose source is first person ("we said") is dropped too: the writer speaks. A headline's
    label is first matched against the names of the article's people and organisations ("Okonjo-Iweala:
    ..." -> Ngozi Okonjo-Iweala). Resolution can create actors, so drafts are resolved in order.
    """
    doc, index = work.doc, work.index
    kept: list[Draft] = []
    for d in work.drafts:
        if any(drop(work, d) for drop in DROPS):
            continue
        if d.speaker_tok is not None:
            head = doc[d.speaker_tok]
            if index.is_first_person(head):
                continue
            d.actor = named_actor(index, head) if d.rule == HEADLINE_RULE else None
            d.actor = d.actor or index.resolve(head)
        kept.append(d)
    work.drafts = kept


def on_link_line(work: Work, d: Draft) -> bool:
    """A draft on a link line left by scraping ("READ MORE: Talks resume in Doha")."""
    return work.document.link_line(d.start)


def mute_source(work: Work, d: Draft) -> bool:
    """An indirect or mixed draft whose source cannot speak ("A common belief says the cold snap ...")."""
    if d.kind == "direct" or d.speaker_tok is None or d.rule.endswith(SOURCE_GIVEN_RULES):
        return False
    return not speaks(work, d.speaker_tok)


def open_question(work: Work, d: Draft) -> bool:
    """An indirect content that is a question left open ("asked whether the talks would resume")."""
    return d.kind == "indirect" and work.document.text[d.start : d.end].split(" ", 1)[0].lower() in ("if", "whether")


def time_clause(work: Work, d: Draft) -> bool:
    """An indirect content that is a time clause of its cue ("said no when reporters asked ...")."""
    return d.kind == "indirect" and d.verb is not None and adverbial_content(work.doc, d)


DROPS: tuple[Callable[[Work, Draft], bool], ...] = (on_link_line, mute_source, open_question, time_clause)
"""Why a draft is no quote, asked in order."""


def speaks(work: Work, head_i: int) -> bool:
    """Whether a source can speak: a name, a pronoun, an actor, or a noun of people, organisations,
    statements or documents; an attitude ("belief") cannot, a quantity of people can as a subject
    ("many of whom say", "63 percent said")."""
    t = work.doc[head_i]
    if t.pos_ in ("PROPN", "PRON") or head_i in work.index.owner or t.ent_type_ in SPEAKING_ENTITIES:
        return True
    lemma = t.lemma_.lower()
    if lemma in data.words("quotes.quantifier_sources") and t.dep_ in SUBJECT_DEPS:
        return True
    if lemma in data.words("quotes.attitude_nouns"):
        return False
    return name_lexicon().noun(lemma) is not None or head_i in work.document.cue_nouns or lemma in data.words("quotes.text_sources")
