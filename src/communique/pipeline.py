"""Composes the stages, explicitly and in order: article -> spaCy doc -> times -> actors -> quotes -> events.

Each stage is a plain function over typed records (see ``records.py``); none mutates shared state.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from communique import nlp
from communique.actors import ActorTable, extract_actors
from communique.actors.home import at_home, home_country
from communique.document import Document
from communique.errors import InputError, TimeLimitExceeded
from communique.events import extract_events
from communique.limits import time_limit
from communique.quotes import extract_quotes
from communique.records import Analysis, Article
from communique.times import extract_times
from communique.times.dateline import publication_date

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


BATCH_SIZE = 16
"""Articles ``analyze_many`` parses per ``nlp.pipe`` batch."""

NO_PUBLICATION_DATE = "no publication date found; relative dates stay unresolved (give --published)"


def with_dateline(article: Article) -> Article:
    """Fill ``published`` from the date lines of the article's head (a wire dateline, a "Published:"
    line, a line holding only a date) when the input gave none; ``published_from`` says which."""
    if article.published:
        return article
    found = publication_date(article.text)
    return replace(article, published=found.date, published_from=found.source) if found else article


def _warnings(article: Article) -> tuple[str, ...]:
    """What the reader of the analysis should know: a truncated text, a missing publication date.
    The library never prints; the CLI prints these on stderr, once per article."""
    out = [f"article truncated at character {r.start} (setting max_chars)" for r in article.removed if r.reason == "truncated"]
    out += article.notes
    if not article.published:
        out.append(NO_PUBLICATION_DATE)
    return tuple(out)


def analyze_doc(article: Article, doc: Doc) -> Analysis:
    """Run every stage on an article already parsed into ``doc`` (``doc.text == article.text``)."""
    document = Document.build(doc)
    times = extract_times(doc, article.published)
    table = ActorTable(extract_actors(document, published=article.published))
    quotes = extract_quotes(document, table, times, published=article.published)
    events = extract_events(document, table, quotes, times, published=article.published)
    actors = table.freeze()
    home = home_country(doc, actors)  # parties and legislators named without a country are the story's country's
    actors = [at_home(a, home) for a in actors]
    return Analysis(
        article=article,
        actors=tuple(actors),
        quotes=tuple(quotes),
        events=tuple(events),
        times=tuple(times),
        warnings=_warnings(article),
    )


def analyze(article: Article, *, model: str = "") -> Analysis:
    """Analyse one article with the spaCy pipeline ``model`` (the setting ``model``; empty: the default)."""
    article = with_dateline(article)
    return analyze_doc(article, nlp.parse(article.text, model))


def analyze_with_limit(
    article: Article, model: Language, seconds: float | None, *, doc: Doc | None = None
) -> Analysis | InputError:
    """Analyse one article (parsing it with ``model`` unless ``doc`` is given) in at most ``seconds``
    (the setting ``article_timeout``; None: no limit). An article that takes longer, or that makes a
    stage fail, comes back as an ``InputError`` naming it and the reason; nothing is raised, and the
    process and ``model`` stay usable for the next article. Callable from the main thread or any other
    (a Dask worker): see ``communique.limits``."""
    try:
        with time_limit(seconds):
            return analyze_doc(article, doc if doc is not None else model(article.text))
    except TimeLimitExceeded as e:
        return InputError(article.source or article.id,
                          f"analysis stopped after {e.seconds:g} s (setting article_timeout)", article_id=article.id)
    except Exception as e:  # a stage bug must cost one article, not the batch
        return _failure(article, e)


def analyze_many(
    items: Iterable[Article | InputError], *, batch_size: int = BATCH_SIZE, model: str = "",
    time_limit: float | None = None
) -> Iterator[Analysis | InputError]:
    """Analyse a stream of articles in input order, parsing them in batches with ``nlp.pipe``.

    Input errors pass through in place; an article that makes a stage fail, or whose analysis takes
    longer than ``time_limit`` seconds (the setting ``article_timeout``; None: no limit), comes out as
    an ``InputError`` naming it and the reason, and the others go on. A batch's parse may take
    ``time_limit`` per article; past that, its articles are parsed one by one, each within the limit.
    """
    pipeline = nlp.load(model)
    buf: list[Article | InputError] = []
    for item in items:
        buf.append(with_dateline(item) if isinstance(item, Article) else item)
        if sum(isinstance(b, Article) for b in buf) >= batch_size:
            yield from _flush(pipeline, buf, time_limit)
            buf = []
    if buf:
        yield from _flush(pipeline, buf, time_limit)


def _failure(article: Article, e: Exception) -> InputError:
    return InputError(article.source or article.id, f"analysis failed: {type(e).__name__}: {e}", article_id=article.id)


def _flush(model: Language, buf: list[Article | InputError], seconds: float | None) -> Iterator[Analysis | InputError]:
    articles = [b for b in buf if isinstance(b, Article)]
    docs: Iterator[Doc] | None = None
    try:
        with time_limit(seconds * len(articles) if seconds and articles else None):
            docs = iter(list(model.pipe(a.text for a in articles)))
    except Exception:  # one text broke (or stalled) the batch: parse one by one so only that one fails
        docs = None
    for item in buf:
        if not isinstance(item, Article):
            yield item
            continue
        yield analyze_with_limit(item, model, seconds, doc=next(docs) if docs is not None else None)
