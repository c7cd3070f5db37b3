"""Composes the stages, explicitly and in order: article -> spaCy doc -> times -> actors -> quotes -> events.

Each stage is a plain function over typed records (see ``records.py``); none mutates shared state.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from communique import nlp
from communique.actors import extract_actors
from communique.events import extract_events
from communique.quotes import extract_quotes
from communique.records import Analysis, Article
from communique.times import extract_times, published_from_dateline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def with_dateline(article: Article) -> Article:
    """Fill ``published`` from a plain-text dateline when the input gave none."""
    if article.published:
        return article
    found = published_from_dateline(article.text)
    return replace(article, published=found, published_from="dateline") if found else article


def analyze_doc(article: Article, doc: Doc) -> Analysis:
    """Run every stage on an article already parsed into ``doc`` (``doc.text == article.text``)."""
    times = extract_times(doc, article.published)
    actors = extract_actors(doc, published=article.published)
    quotes, actors = extract_quotes(doc, actors, times, published=article.published)
    events, actors = extract_events(doc, actors, quotes, times, published=article.published)
    return Analysis(
        article=article,
        actors=tuple(actors),
        quotes=tuple(quotes),
        events=tuple(events),
        times=tuple(times),
    )


def analyze(article: Article) -> Analysis:
    """Analyse one article."""
    article = with_dateline(article)
    return analyze_doc(article, nlp.parse(article.text))


def analyze_many(articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Analysis]:
    """Analyse a stream of articles, parsing them in batches with ``nlp.pipe``; order is kept."""
    model = nlp.load()
    prepared = (with_dateline(a) for a in articles)
    buf: list[Article] = []
    for article in prepared:
        buf.append(article)
        if len(buf) >= batch_size:
            yield from _flush(model, buf)
            buf = []
    if buf:
        yield from _flush(model, buf)


def _flush(model: Language, buf: list[Article]) -> Iterator[Analysis]:
    for article, doc in zip(buf, model.pipe(a.text for a in buf), strict=True):
        yield analyze_doc(article, doc)
