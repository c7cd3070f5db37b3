"""The corpus commands: ``actors``, ``actor``, ``stories``, ``incidents``, ``timeline`` and ``reanalyse``.

Registered on the main Typer app by ``cli.py`` (``register(app)``). Every listing reads through
``communique.corpus.views`` (the same functions the web uses) and prints a table by default, or
``--format json|jsonl|csv``. User text is printed as Rich ``Text``, never as markup.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from communique.errors import ModelNotFound, StoreError
from communique.settings import load_settings

out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True, soft_wrap=True)


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


DbOpt = Annotated[str | None, typer.Option("--db", help="SQLite store file [default: ./communique.db]")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="TOML settings file (default ./communique.toml)")]
FormatOpt = Annotated[ListFormat, typer.Option("--format", help="table, json, jsonl or csv")]
SinceOpt = Annotated[str | None, typer.Option(help="from this date (ISO prefix: 2025, 2025-03, 2025-03-04)")]
UntilOpt = Annotated[str | None, typer.Option(help="up to this date (ISO prefix, inclusive)")]
ActorOpt = Annotated[str | None, typer.Option(help="a global actor key or name (see `communique actors`)")]
CountryOpt = Annotated[str | None, typer.Option(help="ISO3 country code of an actor (RUS, UKR, IGO ...)")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER event type (ASSAULT, CONSULT ...)")]
StatusOpt = Annotated[str | None, typer.Option(help="asserted, reported, alleged, negated, hypothetical or future")]
OutletOpt = Annotated[str | None, typer.Option(help="only what this outlet reported")]
LimitOpt = Annotated[int, typer.Option(min=1, help="most rows")]


def _fail(message: str, code: int) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, markup=True)
    return typer.Exit(code)


@contextmanager
def _store(db: str | None, config: Path | None) -> Iterator[Any]:
    """The store's connection, read-only use; a store not yet indexed says how to index it."""
    from communique.corpus.common import unindexed
    from communique.store import open_store

    settings = load_settings(config, db=db)
    try:
        with open_store(settings.db, create=False) as store:
            missing = unindexed(store.conn)
            if missing:
                err.print(f"note: {missing} stored article(s) are not in the corpus tables yet; "
                          "run `communique reanalyse` (or `communique reanalyse --rebuild`)", highlight=False)
            yield store.conn
    except StoreError as e:
        raise _fail(str(e), 3) from e


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return value.get("name") or value.get("key") or json.dumps(value, ensure_ascii=False)
    return str(value)


def _emit(rows: list[dict[str, Any]], fmt: ListFormat, columns: list[str], title: str = "") -> None:
    """Rows as JSON (one array), JSONL, CSV (lists as JSON) or a table of ``columns``."""
    if fmt is ListFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is ListFormat.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt is ListFormat.csv:
        buf = io.StringIO()
        names = list(rows[0]) if rows else columns
        writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                             for k, v in r.items()})
        sys.stdout.write(buf.getvalue())
    elif not rows and title:
        out.print(Text(f"{title}: none"))
    else:
        table = Table(*columns, title=title or None, title_justify="left")
        for r in rows:
            table.add_row(*(Text(_clip(_cell(r.get(c)), 70)) for c in columns))
        out.print(table)


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _key(conn: Any, actor: str | None) -> str | None:
    """A global key from a key or a name; an unknown one is a usage error."""
    from communique.corpus.views import find_actor

    if actor is None:
        return None
    key = find_actor(conn, actor)
    if key is None:
        raise _fail(f"no actor {actor!r} in the store (see `communique actors --q NAME`)", 2)
    return key


def actors(
    q: Annotated[str | None, typer.Option("--q", help="part of a name or alias")] = None,
    country: CountryOpt = None,
    type: Annotated[str | None, typer.Option("--type", help="person, organization, country, group or unknown")] = None,
    limit: LimitOpt = 50,
    with_duplicates: Annotated[bool, typer.Option(help="also count duplicate stories")] = False,
    fmt: FormatOpt = ListFormat.table,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Global actors: key, name, codes, aliases, and article, quote and event counts."""
    from communique.corpus.views import list_actors

    with _store(db, config) as conn:
        rows, total = list_actors(conn, q=q, country=country, type=type, limit=limit, with_duplicates=with_duplicates)
    _emit(rows, fmt, ["key", "name", "type", "country", "sector", "articles", "quotes", "events", "aliases"],
          f"Actors ({len(rows)} of {total})")


def actor(
    key_or_name: Annotated[str, typer.Argument(help="a global key (country:RUS) or a name or alias")],
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="table or json")] = ListFormat.table,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """One actor's page: codes, aliases, quotes over time, events as actor and recipient, counterparts,
    statements and contradictions."""
    from communique.corpus.views import actor_page

    with _store(db, config) as conn:
        key = _key(conn, key_or_name)
        assert key is not None
        page = actor_page(conn, key, since=since, until=until)
    if page is None:
        raise _fail(f"no actor {key_or_name!r}", 2)
    if fmt is not ListFormat.table:
        sys.stdout.write(json.dumps(page, ensure_ascii=False, indent=2 if fmt is ListFormat.json else None) + "\n")
        return
    _print_page(page)


def _print_page(page: dict[str, Any]) -> None:
    out.rule(Text(f"{page['name']}  [{page['key']}]", style="bold"))
    out.print(Text(f"type {page['type']}  country {page['country'] or '-'}  sector {page['sector'] or '-'}  "
                   f"articles {page['articles']}  quotes {page['quote_count']}  events {page['events']}"))
    out.print(Text("aliases: " + "; ".join(page["aliases"])))
    _emit(page["quotes"], ListFormat.table, ["date", "published", "outlet", "cue", "text"], "Quotes over time")
    for side, title in (("as_actor", "Events as actor"), ("as_recipient", "Events as recipient")):
        _emit(page[side], ListFormat.table, ["date", "type", "status", "actors", "recipients", "outlet", "evidence"],
              title)
    _emit(page["counterparts"], ListFormat.table, ["key", "name", "events", "cooperation", "conflict"], "Counterparts")
    _emit(page["positions"], ListFormat.table, ["month", "counterpart", "role", "type", "status", "events"],
          "Events by counterpart, type and status over time")
    _emit(page["statements"], ListFormat.table, ["date", "type", "status", "recipients", "outlet", "quote"],
          "Positions (requests, rejections, agreements, accusations, threats)")
    rows = [{"incident": c["incident"], "type": c["type"], "date": c["date"],
             "asserted": [f"{x['name']}: {x['quote']}" for x in c["asserted_by"]],
             "denied": [f"{x['name']}: {x['quote']}" for x in c["denied_by"]]} for c in page["contradictions"]]
    _emit(rows, ListFormat.table, ["incident", "type", "date", "asserted", "denied"], "Contradictions")


def stories(fmt: FormatOpt = ListFormat.table, db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Duplicate stories: each cluster, its representative (earliest, then longest) and its articles."""
    from communique.corpus.views import list_stories

    with _store(db, config) as conn:
        rows, total = list_stories(conn)
    _emit(rows, fmt, ["cluster", "representative", "articles", "copies"], f"Duplicate stories ({total})")


def incidents(
    since: SinceOpt = None, until: UntilOpt = None, actor: ActorOpt = None,
    recipient: Annotated[str | None, typer.Option(help="a global actor key or name, as recipient")] = None,
    country: CountryOpt = None, type: TypeOpt = None, status: StatusOpt = None, outlet: OutletOpt = None,
    contested: Annotated[bool | None, typer.Option("--contested/--uncontested", help="only contested (or "
                                                   "uncontested) incidents")] = None,
    min_articles: Annotated[int, typer.Option(min=1, help="only incidents reported by this many articles")] = 1,
    limit: LimitOpt = 50, fmt: FormatOpt = ListFormat.table, db: DbOpt = None, config: ConfigOpt = None,
) -> None:
    """Incidents: reports of one happening merged across articles, with who reported it and how."""
    from communique.corpus.views import list_incidents

    with _store(db, config) as conn:
        rows, total = list_incidents(conn, type=type, actor=_key(conn, actor), recipient=_key(conn, recipient),
                                     status=status, country=country, outlet=outlet, since=since, until=until,
                                     contested=contested, limit=limit, min_articles=min_articles)
    if fmt is ListFormat.table:
        shown = [{**r, "reports": len(r["articles"]), "statuses": sorted(set(r["statuses"].values())),
                  "contested": "yes" if r["contested"] else ""} for r in rows]
        _emit(shown, fmt, ["id", "date", "type", "actors", "recipients", "reports", "outlets", "statuses", "contested"],
              f"Incidents ({len(rows)} of {total})")
        return
    _emit(rows, fmt, [])


def timeline(
    since: SinceOpt = None, until: UntilOpt = None, actor: ActorOpt = None, country: CountryOpt = None,
    type: TypeOpt = None, status: StatusOpt = None, outlet: OutletOpt = None, limit: LimitOpt = 500,
    fmt: FormatOpt = ListFormat.table, db: DbOpt = None, config: ConfigOpt = None,
) -> None:
    """Incidents and key quotes in date order, for the filters given."""
    from communique.corpus.views import timeline as read_timeline

    with _store(db, config) as conn:
        items = read_timeline(conn, actor=_key(conn, actor), type=type, status=status, country=country,
                              outlet=outlet, since=since, until=until, limit=limit)
    if fmt is not ListFormat.table:
        _emit(items, fmt, [])
        return
    rows = []
    for it in items:
        if it["kind"] == "incident":
            r = it["incident"]
            what = (f"{r['type']}: {_cell(r['actors']) or '?'} -> {_cell(r['recipients']) or '?'} "
                    f"({len(r['articles'])} report(s){', contested' if r['contested'] else ''})")
        else:
            what = f"{it['speaker']}: \u201c{it['quote']['text']}\u201d"
        rows.append({"date": it["date"], "kind": it["kind"], "what": what})
    _emit(rows, fmt, ["date", "kind", "what"], "Timeline")


def reanalyse(
    db: DbOpt = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="only rebuild the corpus tables from the stored "
                                                           "analyses (no NLP)")] = False,
    everything: Annotated[bool, typer.Option("--all", help="re-run every article, stale or not")] = False,
    config: ConfigOpt = None,
) -> None:
    """Re-run the analysis of stale articles (another analyser version or rule data) from their stored text,
    then rebuild incidents and global actors. A failed re-run keeps the article's stored analysis."""
    from communique.corpus.reanalyse import run
    from communique.progress import Progress, reporting
    from communique.store import open_store

    settings = load_settings(config, db=db)

    def report(article_id: str, reason: str) -> None:
        err.print(f"[red]error:[/red] {escape(article_id)}: {escape(reason)}", highlight=False, markup=True)

    try:
        with open_store(settings.db, create=False) as store, Progress("reanalyse", console=err) as bar, \
                reporting(bar):
            counts = run(store, settings, rebuild_only=rebuild, everything=everything, on_error=report)
    except (StoreError, ModelNotFound) as e:
        raise _fail(str(e), 3) from e
    if not rebuild:
        err.print(escape(bar.summary()), highlight=False)
    err.print(f"{escape(str(settings.db))}: {counts['reanalysed']} re-analysed, {counts['failed']} failed, "
              f"{counts['current']} current; corpus tables rebuilt over {counts['indexed']} article(s)", highlight=False)
    if counts["failed"]:
        raise typer.Exit(1)


COMMANDS: tuple[Callable[..., None], ...] = (actors, actor, stories, incidents, timeline, reanalyse)


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the ``communique`` app."""
    for command in COMMANDS:
        app.command()(command)
