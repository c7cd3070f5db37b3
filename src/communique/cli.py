"""The ``communique`` command line. The only place that prints, maps errors to messages and exits.

Exit status: 0 success; 1 an input (or, with ``--strict``, any input of a batch) failed; 2 usage error;
3 the store or the model could not be used.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from communique import __version__
from communique.corpus.export import ExportWhat
from communique.errors import (
    CommuniqueError,
    EvalDataMissing,
    InputError,
    ModelNotFound,
    NotEnglish,
    OutputError,
    StoreError,
)
from communique.records import Analysis, Article
from communique.settings import HELP, Settings, load_settings

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Communique: who said what, who did what to whom, when, and on whose word.",
)
# piped output (make run, CI logs) gets a readable width instead of rich's 80 columns
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else int(os.environ.get("COLUMNS", "140")))
err = Console(stderr=True, soft_wrap=True)


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def _fail(message: str, code: int) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, markup=True)
    return typer.Exit(code)


def _report(e: InputError) -> None:
    where = f"{e.source} (id {e.article_id})" if e.article_id and e.article_id not in e.source else e.source
    err.print(f"[red]error:[/red] {escape(where)}: {escape(e.reason)}", highlight=False, markup=True)


def _inputs(sources: list[str], settings: Settings, overrides: dict[str, Any]) -> Iterator[Article | InputError]:
    from communique.ingest.sources import read_run

    for item in read_run(sources, settings):  # ids unique across every input of the run
        if isinstance(item, Article) and overrides:
            item = replace(item, **overrides)
        yield item


def _is_batch(sources: list[str]) -> bool:
    return len(sources) > 1 or any(s.endswith(".jsonl") or Path(s).is_dir() for s in sources)


ConfigOpt = Annotated[Path | None, typer.Option("--config", help="TOML settings file (default ./communique.toml)")]
PublishedOpt = Annotated[str | None, typer.Option(
    help="publication date of every input: an ISO date or date-time (2025-03-04, 2025-03-04T14:05:00Z, "
         "'2025-03-04 14:05'); without it, read from the article's date lines")]


def _published(value: str | None, sources: list[str]) -> dict[str, Any]:
    """The article fields ``--published`` sets (the date, and that the input gave it); a bad value
    is one usage error naming the articles it was given for."""
    if value is None:
        return {}
    from communique.ingest import normalize_published

    try:
        when = normalize_published(value, ", ".join(sources))
    except InputError as e:
        raise _fail(f"{e.source}: --published {value!r} is not an ISO date or date-time "
                    "(2025-03-04, 2025-03-04T14:05:00Z)", 2) from None
    return {"published": when, "published_from": "input"}


def _warn(result: Analysis) -> None:
    """The analysis's warnings on stderr, each once, naming the article."""
    for w in dict.fromkeys(result.warnings):
        err.print(f"[yellow]warning:[/yellow] {escape(result.article.id)}: {escape(w)}", highlight=False, markup=True)
DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite store file [default: ./communique.db]")]


@app.command()
def analyze(
    article: Annotated[list[str], typer.Argument(help="a .txt/.html/.jsonl file, a folder, a URL, or - for stdin")],
    published: PublishedOpt = None,
    title: Annotated[str | None, typer.Option(help="article title")] = None,
    url: Annotated[str | None, typer.Option(help="article URL")] = None,
    fmt: Annotated[Format | None, typer.Option("--format", help="table (default on a terminal), json or jsonl")] = None,
    strict: Annotated[bool, typer.Option(help="exit 1 when any input of a batch fails")] = False,
    config: ConfigOpt = None,
) -> None:
    """Analyse articles and print actors, quotes, events and times (the output contract)."""
    from communique.pipeline import analyze_many

    settings = load_settings(config)
    overrides = {**_published(published, article), **{k: v for k, v in (("title", title), ("url", url)) if v is not None}}
    batch = _is_batch(article)
    chosen = fmt or (Format.table if out.is_terminal else Format.jsonl if batch else Format.json)
    failed = succeeded = 0
    try:
        for result in analyze_many(_inputs(article, settings, overrides), model=settings.model,
                                   time_limit=settings.article_timeout):
            if isinstance(result, InputError):
                failed += 1
                _report(result)
                if chosen is Format.jsonl:
                    line = {"id": result.article_id or result.source, "error": result.reason}
                    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
                    sys.stdout.flush()
                continue
            succeeded += 1
            _warn(result)
            _emit(result, chosen)
    except ModelNotFound as e:
        raise _fail(str(e), 3) from e
    if failed and (strict or not batch or succeeded == 0):
        raise typer.Exit(1)


def _emit(result: Analysis, fmt: Format) -> None:
    if fmt is Format.table:
        _print_table(result)
        return
    text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2 if fmt is Format.json else None)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _print_table(a: Analysis) -> None:
    art = a.article
    out.rule(Text(art.title or art.id, style="bold"))
    out.print(Text(f"id {art.id}  published {art.published or '?'}  outlet {art.outlet or '?'}  url {art.url or '-'}"))
    names = {x.id: x.name for x in a.actors}
    t = Table("id", "actor", "type", "country", "sector", "role", "mentions", title="Actors", title_justify="left")
    for x in a.actors:
        _row(t, x.id, x.name, x.type, x.country or "", x.sector or "", x.role or "", str(len(x.mentions)))
    out.print(t)
    t = Table("id", "speaker", "kind", "cue", "date", "quote", title="Quotes", title_justify="left")
    for q in a.quotes:
        _row(t, q.id, names.get(q.speaker or "", "?"), q.kind, q.cue.text if q.cue else "", q.date or "",
                  _clip(q.text, 90))
    out.print(t)
    t = Table("id", "type", "cameo", "actors", "recipients", "date", "status", "evidence", title="Events",
              title_justify="left")
    for e in a.events:
        _row(t, e.id, e.type, e.cameo or "", ", ".join(names.get(i, i) for i in e.actors),
                  ", ".join(names.get(i, i) for i in e.recipients), e.date or "", e.status, _clip(e.evidence.text, 70))
    out.print(t)
    t = Table("text", "type", "value", title="Times", title_justify="left")
    for tm in a.times:
        _row(t, tm.text, tm.type, tm.value)
    out.print(t)
    if art.removed:
        out.print(Text(f"clean-up removed {len(art.removed)} piece(s): "
                       + "; ".join(f"{r.reason}: {_clip(r.text, 40)!r}" for r in art.removed)))


def _row(table: Table, *cells: str | Text) -> None:
    """A table row of user text: plain strings become ``Text``, so brackets in them are not markup."""
    table.add_row(*(c if isinstance(c, Text) else Text(c) for c in cells))


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, folders, URLs, - or a batch dataset folder to store")],
    db: DbOpt = None,
    published: PublishedOpt = None,
    strict: Annotated[bool, typer.Option(help="exit 1 when any input fails")] = False,
    workers: Annotated[int, typer.Option(min=1, help="analyse on N Dask worker processes (one writer)")] = 1,
    scheduler: Annotated[str | None, typer.Option(help="analyse on an existing Dask cluster (tcp://host:8786)")] = None,
    config: ConfigOpt = None,
) -> None:
    """Analyse articles and store them with their analyses; ingesting the same input twice adds nothing.
    A folder written by `communique batch` (it has a _manifest.json) is loaded as it is, not analysed again."""
    from communique.batch import loading
    from communique.batch.dataset import is_dataset
    from communique.batch.run import estimate_total
    from communique.corpus.index import hook
    from communique.pipeline import analyze_many
    from communique.progress import Progress
    from communique.store import open_store

    settings = load_settings(config, db=db)
    overrides = _published(published, paths)
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "duplicate": 0, "failed": 0, "skipped": 0}
    datasets = [p for p in paths if is_dataset(p)]
    inputs = [p for p in paths if p not in datasets]
    try:
        with open_store(settings.db) as store, Progress("ingest", console=err, total=estimate_total(inputs)) as bar:
            writer = _Writer(store, hook(settings), counts, bar)
            for folder in datasets:
                writer.write_all(loading.dataset_analyses(Path(folder)))
            if inputs:
                fresh = writer.fresh(_inputs(inputs, settings, overrides))
                parallel = workers > 1 or scheduler
                writer.write_all(loading.analyse_parallel(fresh, settings, workers=workers, scheduler=scheduler)
                                 if parallel else
                                 analyze_many(fresh, model=settings.model, time_limit=settings.article_timeout))
    except (StoreError, ModelNotFound, OutputError) as e:
        raise _fail(str(e), 3) from e
    err.print(escape(bar.summary()), highlight=False)
    err.print(
        f"{escape(str(settings.db))}: {counts['added']} added, {counts['replaced']} replaced, "
        f"{counts['unchanged']} unchanged, {counts['duplicate']} duplicate, {counts['failed']} failed"
        + (f", {counts['skipped']} stored unanalysed (not English)" if counts["skipped"] else ""),
        highlight=False,
    )
    processed = counts["added"] + counts["replaced"] + counts["unchanged"] + counts["duplicate"] + counts["skipped"]
    if counts["failed"] and (strict or processed == 0):
        raise typer.Exit(1)


class _Writer:
    """The single writer of ``ingest``: skips texts already stored (same id: unchanged; new id: a
    duplicate of the stored one), stores analyses with the corpus hook, stores articles in other
    languages unanalysed, reports each error once, and keeps the counts and the progress bar."""

    def __init__(self, store: Any, on_write: Any, counts: dict[str, int], bar: Any) -> None:
        self.store, self.on_write, self.counts, self.bar = store, on_write, counts, bar

    def duplicate(self, item: Article, owner: str) -> None:  # the same text under a new id
        from communique.corpus.index import record_copy

        self.counts["duplicate"] += 1
        record_copy(self.store.conn, item, owner)
        err.print(f"{escape(item.id)}: duplicate of {escape(owner)} (same text; counted once)", highlight=False)

    def fresh(self, items: Iterator[Article | InputError]) -> Iterator[Article | InputError]:
        for item in items:
            owner = self.store.content_owner(item.text) if isinstance(item, Article) else None
            if isinstance(item, Article) and owner is not None:
                if owner == item.id:
                    self.counts["unchanged"] += 1
                else:
                    self.duplicate(item, owner)
                self.bar.add(articles=1)
                continue
            yield item

    def write_all(self, results: Iterable[Any]) -> None:
        from communique.batch.tables import ErrorRow

        for result in results:
            if isinstance(result, NotEnglish):
                _store_skipped(self.store, result, self.counts)
                self.bar.add(articles=1)
            elif isinstance(result, InputError | ErrorRow):
                self.counts["failed"] += 1
                _report(result if isinstance(result, InputError)
                        else InputError(result.input, result.reason, article_id=result.id))
                self.bar.add(errors=1)
            else:
                self.write(result)

    def write(self, result: Analysis) -> None:
        _warn(result)
        written = self.store.add(result, hook=self.on_write)
        for article_id, reason in self.on_write.errors:  # stored, but outside the corpus tables
            err.print(f"[yellow]warning:[/yellow] {escape(article_id)}: {escape(reason)}", highlight=False,
                      markup=True)
        self.on_write.errors.clear()
        if written.duplicate_of is not None:
            self.duplicate(result.article, written.duplicate_of)
        else:
            self.counts[written.outcome] += 1
        self.bar.add(articles=1, quotes=len(result.quotes), events=len(result.events))


def _store_skipped(store: Any, e: NotEnglish, counts: dict[str, int]) -> None:
    """Store an article in another language unanalysed, with one warning line naming it and the reason."""
    where = f"{e.source} (id {e.article_id})" if e.article_id and e.article_id not in e.source else e.source
    err.print(f"[yellow]warning:[/yellow] {escape(where)}: {escape(e.reason)}; stored without analysis",
              highlight=False, markup=True)
    if store.add_skipped(e.article, e.reason).outcome == "unchanged":
        counts["unchanged"] += 1
    else:
        counts["skipped"] += 1


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="words to find in article and quote text")],
    db: DbOpt = None,
    what: Annotated[str, typer.Option(help="all, articles or quotes")] = "all",
    limit: Annotated[int, typer.Option(min=1, help="most hits per kind")] = 20,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table",
    config: ConfigOpt = None,
) -> None:
    """Full-text search of the store, with highlighted snippets."""
    from communique.store import open_store

    if what not in ("all", "articles", "quotes"):
        raise _fail(f"--what {what!r}: choose all, articles or quotes", 2)
    settings = load_settings(config, db=db)
    try:
        with open_store(settings.db, create=False) as store:
            hits = store.search(query, what=what, limit=limit)  # type: ignore[arg-type]
    except StoreError as e:
        raise _fail(str(e), 3) from e
    if fmt == "jsonl":
        for h in hits:
            sys.stdout.write(json.dumps({f.name: getattr(h, f.name) for f in fields(h)}, ensure_ascii=False) + "\n")
        return
    if not hits:
        err.print("no matches")
        return
    t = Table("kind", "article", "speaker", "snippet")
    for h in hits:
        _row(t, h.kind, h.title or h.article_id, h.speaker or "", _snippet(h.snippet))
    out.print(t)


def _snippet(snippet: str) -> Text:
    """A search snippet with its hits (between the store's ``HIT_START`` and ``HIT_END`` marks) styled;
    every other character, brackets included, is shown as it is in the text."""
    from communique.store import HIT_END, HIT_START

    text = Text()
    for i, part in enumerate(snippet.split(HIT_START)):
        hit, _, rest = part.partition(HIT_END) if i else ("", "", part)
        if hit:
            text.append(hit, style="bold reverse")
        text.append(rest)
    return text


@app.command()
def export(
    what: Annotated[ExportWhat, typer.Option("--what", help="articles, quotes, events, actors (global), "
                                                       "article-actors or incidents")] = ExportWhat.quotes,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="jsonl, csv or parquet")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--out", help="output file (required for parquet); never the "
                                                       "store itself")] = None,
    force: Annotated[bool, typer.Option("--force", help="replace an existing --out file")] = False,
    since: Annotated[str | None, typer.Option(help="from this date (ISO prefix)")] = None,
    until: Annotated[str | None, typer.Option(help="up to this date (ISO prefix, inclusive)")] = None,
    actor: Annotated[str | None, typer.Option(help="a global actor key or name")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 country code of an actor")] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type (events, incidents) or actor "
                                                           "type (actors)")] = None,
    status: Annotated[str | None, typer.Option(help="event status (events, incidents)")] = None,
    outlet: Annotated[str | None, typer.Option(help="only what this outlet reported")] = None,
    with_duplicates: Annotated[bool, typer.Option(help="include duplicate stories")] = False,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Export stored articles, quotes, events, actors or incidents, with the corpus context (global actor
    keys, outlet, date, incident) and the filters given."""
    from communique.corpus.export import Filters
    from communique.corpus.export import export as export_corpus
    from communique.corpus.views import find_actor
    from communique.outfile import check_output
    from communique.store import open_store

    settings = load_settings(config, db=db)
    if fmt is ExportFormat.parquet and output is None:
        raise _fail("--format parquet needs --out FILE", 2)
    try:
        if output is not None:
            check_output(output, settings.db, force=force)
        with open_store(settings.db, create=False) as store:
            key = find_actor(store.conn, actor) if actor else None
            if actor and key is None:
                raise _fail(f"no actor {actor!r} in the store (see `communique actors --q NAME`)", 2)
            filters = Filters(since, until, key, country, type, status, outlet, with_duplicates)
            text = export_corpus(store, what.value, fmt.value, output, filters, force=force)
    except OutputError as e:
        raise _fail(str(e), 2) from e
    except StoreError as e:
        raise _fail(str(e), 3) from e
    if text is not None:
        sys.stdout.write(text)


@app.command()
def summary(
    db: DbOpt = None,
    top: Annotated[int, typer.Option(min=1, help="how many top speakers")] = 10,
    per_article: Annotated[int, typer.Option(min=0, help="quotes shown per article")] = 3,
    with_duplicates: Annotated[bool, typer.Option(help="also count duplicate stories")] = False,
    config: ConfigOpt = None,
) -> None:
    """What the store holds: articles, top speakers, events by type, and who said what."""
    from communique.store import open_store

    settings = load_settings(config, db=db)
    try:
        with open_store(settings.db, create=False) as store:
            s = store.summary(top=top, per_article=per_article, with_duplicates=with_duplicates)
    except StoreError as e:
        raise _fail(str(e), 3) from e
    skipped = sum(n for _, n in s["skipped_by_language"])
    unanalysed = (f" ({skipped} in other languages, not analysed: "
                  + ", ".join(f"{lang} {n}" for lang, n in s["skipped_by_language"]) + ")") if skipped else ""
    dups = "" if with_duplicates or not s["duplicates"] else f" ({s['duplicates']} duplicate stories not counted)"
    out.print(Text.assemble((f"{s['articles']} articles", "bold"), unanalysed,
                            f", {s['actors']} actors, {s['quotes']} quotes, {s['events']} events, "
                            f"{s['times']} time expressions", dups))
    t = Table("speaker", "quotes", "articles", title="Top speakers", title_justify="left")
    for name, n, articles in s["top_speakers"]:
        _row(t, name, str(n), str(articles))
    out.print(t)
    t = Table("type", "events", title="Events by type", title_justify="left")
    for typ, n in s["events_by_type"]:
        _row(t, typ, str(n))
    out.print(t)
    t = Table("status", "events", title="Events by status", title_justify="left")
    for st, n in s["events_by_status"]:
        _row(t, st, str(n))
    out.print(t)
    t = Table("article", "speaker", "kind", "date", "said", title="Who said what", title_justify="left")
    for row in s["who_said_what"]:
        _row(t, row["article_id"], row["speaker_name"], row["kind"], row["date"] or "", _clip(row["text"], 80))
    out.print(t)


@app.command("eval")
def evaluate(
    task: Annotated[str, typer.Argument(help="quotes-ggt, quotes-polnear, events-plover, events-pentaclass, "
                                             "events-claims, times-te3 or ingest-articles")],
    data: Annotated[Path, typer.Option("--data", help="the shared eval folder")] = Path("../shared/eval"),
    split: Annotated[str, typer.Option("--split", help="tune, check or all: the half of the documents to score "
                                                       "(by sha1 of each document's id)")] = "all",
    errors: Annotated[bool, typer.Option("--errors", help="also list misses and false alarms (only with --split tune)")] = False,
    limit: Annotated[int | None, typer.Option(help="only the first N documents of the split")] = None,
) -> None:
    """Score Communique on a gold set by the protocol of shared/eval/README.md; prints JSON."""
    from communique.eval import SPLITS, TASKS, run_task

    if task not in TASKS:
        raise _fail(f"unknown task {task!r}; choose from {', '.join(TASKS)}", 2)
    if split not in SPLITS:
        raise _fail(f"unknown split {split!r}; choose from {', '.join(SPLITS)}", 2)
    if errors and split != "tune":
        raise _fail("--errors shows gold text, so it is only allowed with --split tune "
                    "(the check half is for judging, not for reading)", 2)
    from communique.progress import Progress, reporting

    try:
        with Progress(f"eval {task}", console=err) as bar, reporting(bar):
            result = run_task(task, data, split=split, errors=errors, limit=limit)
        err.print(escape(bar.summary()), highlight=False)
    except EvalDataMissing as e:
        err.print(f"skipped {escape(task)}: {escape(str(e))}", highlight=False)
        raise typer.Exit(0) from e
    except CommuniqueError as e:
        raise _fail(str(e), 3) from e
    sys.stdout.write(json.dumps({"task": task, **result}, ensure_ascii=False, indent=2) + "\n")


@app.command("settings")
def show_settings(config: ConfigOpt = None) -> None:
    """Every setting, its current value and what it does (defaults < config < COMMUNIQUE_* env < flags)."""
    s = load_settings(config)
    t = Table("setting", "env", "value", "help")
    for f in fields(s):
        value = str(getattr(s, f.name))
        shown = "(set)" if f.name == "api_token" and value else value  # a secret is never printed
        _row(t, f.name, f"COMMUNIQUE_{f.name.upper()}", shown, HELP.get(f.name, ""))
    out.print(t)


@app.command()
def version() -> None:
    """Print the version."""
    out.print(f"communique {__version__}")


def main() -> None:
    """Console-script entry point. A bad setting (config file, COMMUNIQUE_* variable, flag) from any command
    is one usage-error line and exit 2."""
    from rich.markup import escape

    from communique.errors import SettingsError

    try:
        app()
    except SettingsError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}", highlight=False, markup=True)
        sys.exit(2)


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="port to listen on")] = 8000,
    config: ConfigOpt = None,
) -> None:
    """Serve the store's web UI and JSON API (OpenAPI at /docs) until Ctrl-C. Read-only unless api_token is set."""
    from communique.api.server import serve as run_server

    settings = load_settings(config, db=db)
    try:
        run_server(settings, host, port, announce=lambda url: out.print(
            f"serving {escape(str(settings.db))} at {escape(url)} (Ctrl-C to stop)", highlight=False))
    except StoreError as e:
        raise _fail(str(e), 3) from e


# the corpus commands (actors, actor, stories, incidents, timeline, reanalyse) live in their own module
from communique.corpus.commands import register as _register_corpus_commands  # noqa: E402

_register_corpus_commands(app)

# batch analysis and feeds (communique.batch): their own module, registered here
from communique.batch.commands import batch as _batch  # noqa: E402
from communique.batch.commands import watch as _watch  # noqa: E402

app.command("batch")(_batch)
app.command("watch")(_watch)
