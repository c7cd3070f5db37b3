"""The SQLite store: articles and their analyses, FTS5 search, exports. The only module that speaks SQL.

One file, WAL mode, schema versioned through ``PRAGMA user_version`` and an ordered list of migrations.
Writes are idempotent: an article whose content hash is already stored adds nothing; an article id
stored with other content is replaced. Each article is written in one transaction, so a failure
never leaves half an article behind.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from communique.corpus.schema import CORPUS_SCHEMA
from communique.errors import StoreError
from communique.records import Analysis, Article

DEFAULT_DB = "communique.db"
ExportWhat = Literal["articles", "quotes", "events", "actors"]

# the precision of a stored date, as records.date_precision reads it (for rows stored before migration 2)
PRECISION_SQL = """CASE
        WHEN date IS NULL THEN 'none'
        WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN 'day'
        WHEN date GLOB '[0-9][0-9][0-9][0-9]-W[0-9][0-9]*' THEN 'week'
        WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN 'month'
        WHEN date GLOB '[0-9][0-9][0-9][0-9]*' THEN 'year'
        WHEN date GLOB '[0-9][0-9][0-9]' THEN 'decade'
        ELSE 'none' END"""

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, analysis tables, full-text search
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT, published TEXT, url TEXT, outlet TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        source TEXT,
        text TEXT NOT NULL,
        analysis TEXT NOT NULL,
        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE actors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL,
        name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, sector TEXT, role TEXT,
        mention_count INTEGER NOT NULL,
        mentions TEXT NOT NULL,
        PRIMARY KEY (article_id, actor_id)
    );
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        quote_id TEXT NOT NULL,
        kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        speaker_id TEXT, speaker_name TEXT, speaker_mention TEXT, cue TEXT, date TEXT,
        PRIMARY KEY (article_id, quote_id)
    );
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_id TEXT NOT NULL,
        type TEXT NOT NULL, mode TEXT, context TEXT NOT NULL, cameo TEXT,
        actors TEXT NOT NULL, actor_names TEXT NOT NULL,
        recipients TEXT NOT NULL, recipient_names TEXT NOT NULL,
        date TEXT, date_text TEXT, status TEXT NOT NULL, source_id TEXT, source_name TEXT, quote_id TEXT,
        evidence TEXT NOT NULL, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
        confidence REAL NOT NULL,
        PRIMARY KEY (article_id, event_id)
    );
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_name);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_date ON events(date);
    CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text, tokenize='porter unicode61');
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        article_id UNINDEXED, quote_id UNINDEXED, speaker, text, tokenize='porter unicode61');
    """,
    # 2: what a quote's or event's date rests on and how fine it is; rows stored before keep a NULL basis
    # (unknown until the article is analysed again) and get the precision their date shows
    """
    ALTER TABLE quotes ADD COLUMN date_basis TEXT;
    ALTER TABLE quotes ADD COLUMN date_precision TEXT;
    ALTER TABLE events ADD COLUMN date_basis TEXT;
    ALTER TABLE events ADD COLUMN date_precision TEXT;
    UPDATE quotes SET date_precision = """ + PRECISION_SQL + """;
    UPDATE events SET date_precision = """ + PRECISION_SQL + """;
    """,
    # 3: the corpus layer (communique.corpus): global actors, duplicate stories, incidents, analysis versions
    CORPUS_SCHEMA,
    # 4: each article's language and whether it was analysed; an article in another language is stored
    # 'skipped' with the reason, its text searchable, its analysis null. Rows stored before were analysed
    # English articles.
    """
    ALTER TABLE articles ADD COLUMN language TEXT;
    ALTER TABLE articles ADD COLUMN analysis_status TEXT NOT NULL DEFAULT 'analyzed';
    ALTER TABLE articles ADD COLUMN status_reason TEXT;
    UPDATE articles SET language = 'en';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
# tables every Communique store has (from migration 1): a database without them is another program's
COMMUNIQUE_TABLES = frozenset({"articles", "actors", "quotes", "events", "times", "articles_fts", "quotes_fts"})
# SQLite's words for the failures a user can act on, in plain terms
SQLITE_REASONS: tuple[tuple[str, str], ...] = (
    ("database or disk is full", "the disk is full (or the store reached its size limit)"),
    ("file is not a database", "not a SQLite database (damaged, or another kind of file)"),
    ("database disk image is malformed", "the SQLite file is damaged (malformed)"),
    ("database is locked", "the store is locked by another program"),
    ("attempt to write a readonly database", "the store is read-only"),
    ("unable to open database file", "cannot open the file (missing folder or no permission)"),
    ("disk i/o error", "disk I/O error"),
)

# search snippets mark each hit between these two control characters, which the indexed copy of the text
# never holds (they are replaced by spaces there), so a hit cannot be confused with brackets of the text
HIT_START, HIT_END = "\x02", "\x03"
_UNMARKED = str.maketrans({HIT_START: " ", HIT_END: " "})
# a query's words past this many (after dropping repeats) are ignored: each term costs a pass over the index
MAX_QUERY_TERMS = 32
_TERM = re.compile(r"\w+")

EXPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "title", "published", "url", "outlet", "authors", "source", "content_hash", "ingested_at", "text",
                 "language", "analysis_status", "status_reason"),
    "actors": ("article_id", "actor_id", "name", "type", "country", "sector", "role", "mention_count", "mentions"),
    "quotes": ("article_id", "quote_id", "kind", "text", "start", "end", "speaker_id", "speaker_name",
               "speaker_mention", "cue", "date", "date_basis", "date_precision"),
    "events": ("article_id", "event_id", "type", "mode", "context", "cameo", "actors", "actor_names", "recipients",
               "recipient_names", "date", "date_text", "date_basis", "date_precision", "status", "source_id", "source_name", "quote_id",
               "evidence", "evidence_start", "evidence_end", "confidence"),
}
JSON_COLUMNS = {"authors", "mentions", "context", "actors", "actor_names", "recipients", "recipient_names"}


Outcome = Literal["added", "replaced", "unchanged", "duplicate"]
# called inside an article's write transaction: (connection, article id, "remove" before its rows are
# deleted, or "insert" after they are written); the corpus layer keeps its derived tables in step
ArticleHook = Callable[[sqlite3.Connection, str, Literal["remove", "insert"]], None]


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one ``add`` (or ``add_skipped``) did: ``added``, ``replaced`` (same id, new content; or an article
    stored unanalysed now analysed), ``unchanged`` (same id, same content) or ``duplicate`` (the same
    content is stored under the id ``duplicate_of``)."""

    article_id: str
    outcome: Outcome
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: an article or a quote, with a highlighted snippet."""

    kind: Literal["article", "quote"]
    article_id: str
    title: str | None
    snippet: str
    speaker: str | None = None
    quote_id: str | None = None


def content_hash(text: str) -> str:
    """SHA-256 of the cleaned article text: the identity of a stored article's content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store:
    """A Communique SQLite store. Use as a context manager, or call ``close()``.

    ``create=False`` (the reading commands) never makes a store: a missing file, or one without
    Communique's tables, is refused. A database of another program is refused either way, untouched.
    """

    def __init__(self, path: str | Path = DEFAULT_DB, *, create: bool = True) -> None:
        self.path = str(path)
        if Path(self.path).is_dir():
            raise StoreError(f"store {self.path} is a folder, not a SQLite file")
        if not create and not Path(self.path).exists():
            raise StoreError(f"store {self.path} does not exist; run `communique ingest` first")
        try:
            if create:
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            else:
                uri = Path(self.path).resolve().as_uri() + "?mode=rw"
                self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open store {self.path}: {describe_sqlite_error(e)}") from e
        try:
            self._check(create)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except BaseException as e:
            self.conn.close()
            if isinstance(e, sqlite3.Error):
                raise StoreError(f"cannot open store {self.path}: {describe_sqlite_error(e)}") from e
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- schema -------------------------------------------------------------------------------
    def _check(self, create: bool) -> None:
        """Refuse, before anything is written, a file that is not a Communique store we can use."""
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        tables = {t for t in tables if not t.startswith("sqlite_")}
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        if tables and (version == 0 or not COMMUNIQUE_TABLES <= tables):
            shown = ", ".join(sorted(tables)[:5]) + (" ..." if len(tables) > 5 else "")
            raise StoreError(f"{self.path} is not a Communique store: it holds other tables ({shown}); "
                             "refusing to use it (give --db a new file)")
        if version > SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema {version}, newer than this Communique ({SCHEMA_VERSION})")
        if not create and version == 0:
            raise StoreError(f"store {self.path} has no Communique tables; run `communique ingest` first")

    def _migrate(self) -> None:
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                for statement in _statements(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={number + 1}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error. SQLite rolls back by itself after some
        errors (a full disk), so the ROLLBACK is only sent while a transaction is open, and never hides
        the error that caused it."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing ------------------------------------------------------------------------------
    def has_content(self, text: str) -> bool:
        """Whether an article with exactly this cleaned text is stored analysed (lets callers skip analysis)."""
        with self._reading():
            row = self.conn.execute("SELECT 1 FROM articles WHERE content_hash=? AND analysis_status != 'skipped'",
                                    (content_hash(text),)).fetchone()
        return row is not None

    def content_owner(self, text: str) -> str | None:
        """The id of the stored article with exactly this cleaned text, if any."""
        with self._reading():
            row = self.conn.execute("SELECT id FROM articles WHERE content_hash=?", (content_hash(text),)).fetchone()
        return None if row is None else str(row[0])

    def add(self, analysis: Analysis, *, hook: ArticleHook | None = None, force: bool = False) -> WriteResult:
        """Store one analysed article in one transaction; idempotent by id and content hash. The same text
        stored unanalysed (``add_skipped``) is replaced by the analysis; ``force`` replaces the stored
        analysis of the same id and content (re-analysis); ``hook`` runs in the transaction around the
        rows written and deleted."""
        return self._write(analysis.article, lambda digest: self._insert(analysis, digest),
                           replace_skipped=True, hook=hook, force=force)

    def add_skipped(self, article: Article, reason: str) -> WriteResult:
        """Store an article that is not analysed (another language): its text and metadata, searchable and
        counted, with ``analysis_status`` 'skipped', ``reason`` and ``article.language``; analysis null."""
        return self._write(article, lambda digest: self._insert_article(article, digest, None, reason),
                           replace_skipped=False)

    def _write(self, art: Article, insert: Callable[[str], None], *, replace_skipped: bool,
               hook: ArticleHook | None = None, force: bool = False) -> WriteResult:
        digest = content_hash(art.text)
        outcome: Outcome = "added"
        try:
            with self._transaction():
                dup = self.conn.execute("SELECT id, analysis_status FROM articles WHERE content_hash=?",
                                        (digest,)).fetchone()
                replaceable = dup is not None and (
                    (replace_skipped and dup["analysis_status"] == "skipped") or (force and dup["id"] == art.id))
                if dup is not None and not replaceable:
                    if dup["id"] == art.id:
                        return WriteResult(art.id, "unchanged")
                    return WriteResult(art.id, "duplicate", dup["id"])
                for old in sorted({dup["id"] if dup is not None else art.id, art.id}):
                    if self.conn.execute("SELECT 1 FROM articles WHERE id=?", (old,)).fetchone():
                        if hook is not None:
                            hook(self.conn, old, "remove")
                        self._delete(old)
                        outcome = "replaced"
                insert(digest)
                if hook is not None:
                    hook(self.conn, art.id, "insert")
        except sqlite3.Error as e:
            raise StoreError(f"cannot store article {art.id} in {self.path}: {describe_sqlite_error(e)}") from e
        return WriteResult(art.id, outcome)

    def _delete(self, article_id: str) -> None:
        for table in ("actors", "quotes", "events", "times"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id=?", (article_id,))
        self.conn.execute("DELETE FROM articles_fts WHERE article_id=?", (article_id,))
        self.conn.execute("DELETE FROM quotes_fts WHERE article_id=?", (article_id,))
        self.conn.execute("DELETE FROM articles WHERE id=?", (article_id,))

    def _insert_article(self, art: Article, digest: str, data: dict[str, Any] | None, skipped: str | None) -> None:
        """The article's row and its full-text entry; ``skipped``: the reason it was not analysed."""
        self.conn.execute(
            "INSERT INTO articles (id, content_hash, title, published, url, outlet, authors, source, text, analysis,"
            " language, analysis_status, status_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (art.id, digest, art.title, art.published, art.url, art.outlet, json.dumps(list(art.authors)),
             art.source, art.text, json.dumps(data, ensure_ascii=False), art.language,
             "skipped" if skipped else "analyzed", skipped),
        )
        self.conn.execute(
            "INSERT INTO articles_fts (article_id, title, text) VALUES (?,?,?)",
            (art.id, _indexed(art.title or ""), _indexed(art.text)),
        )

    def _insert(self, analysis: Analysis, digest: str) -> None:
        art = analysis.article
        data = analysis.to_dict()
        names = {a.id: a.name for a in analysis.actors}
        self._insert_article(art, digest, data, None)
        self.conn.executemany(
            "INSERT INTO actors VALUES (?,?,?,?,?,?,?,?,?)",
            [(art.id, a["id"], a["name"], a["type"], a["country"], a["sector"], a["role"], len(a["mentions"]),
              json.dumps(a["mentions"], ensure_ascii=False)) for a in data["actors"]],
        )
        self.conn.executemany(
            _insert_sql("quotes"),
            [(art.id, q.id, q.kind, q.text, q.start, q.end, q.speaker, names.get(q.speaker or ""),
              q.speaker_mention.text if q.speaker_mention else None, q.cue.text if q.cue else None, q.date,
              q.date_basis, q.date_precision)
             for q in analysis.quotes],
        )
        self.conn.executemany(
            "INSERT INTO quotes_fts (article_id, quote_id, speaker, text) VALUES (?,?,?,?)",
            [(art.id, q.id, _indexed(names.get(q.speaker or "", "")), _indexed(q.text)) for q in analysis.quotes],
        )
        self.conn.executemany(
            _insert_sql("events"),
            [(art.id, e.id, e.type, e.mode, json.dumps(list(e.context)), e.cameo,
              json.dumps(list(e.actors)), json.dumps([names.get(x, x) for x in e.actors], ensure_ascii=False),
              json.dumps(list(e.recipients)), json.dumps([names.get(x, x) for x in e.recipients], ensure_ascii=False),
              e.date, e.date_text, e.date_basis, e.date_precision, e.status, e.source, names.get(e.source or ""), e.quote,
              e.evidence.text, e.evidence.start, e.evidence.end, float(e.confidence))
             for e in analysis.events],
        )
        self.conn.executemany(
            "INSERT INTO times VALUES (?,?,?,?,?,?,?)",
            [(art.id, i, t.start, t.end, t.text, t.type, t.value) for i, t in enumerate(analysis.times)],
        )

    # -- reading ------------------------------------------------------------------------------
    @contextmanager
    def _reading(self) -> Iterator[None]:
        """SQLite errors while reading (a file damaged past its header) as one StoreError."""
        try:
            yield
        except sqlite3.Error as e:
            raise StoreError(f"cannot read store {self.path}: {describe_sqlite_error(e)}") from e

    def count(self, table: ExportWhat) -> int:
        with self._reading():
            return int(self.conn.execute(f"SELECT count(*) FROM {_table(table)}").fetchone()[0])

    def analysis(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis object of one article, as ``analyze --format json`` printed it."""
        row = self.conn.execute("SELECT analysis FROM articles WHERE id=?", (article_id,)).fetchone()
        return json.loads(row["analysis"]) if row else None

    def rows(self, what: ExportWhat) -> Iterator[dict[str, Any]]:
        """Every row of one export table, JSON columns decoded, in a stable order."""
        cols = EXPORT_COLUMNS[what]
        order = "id" if what == "articles" else "article_id, rowid"
        sql = f"SELECT {', '.join(_q(c) for c in cols)} FROM {_table(what)} ORDER BY {order}"
        for row in self.conn.execute(sql):
            yield {c: (json.loads(row[c]) if c in JSON_COLUMNS and row[c] is not None else row[c]) for c in cols}

    def search(self, query: str, *, what: Literal["all", "articles", "quotes"] = "all", limit: int = 20) -> list[Hit]:
        """Full-text search over article text and quote text, best first. Each snippet marks its hits between
        ``HIT_START`` and ``HIT_END`` (``\\x02`` and ``\\x03``, never found in indexed text)."""
        match = fts_words(query)
        if not match:
            return []
        with self._reading():
            return self._search(match, what, limit)

    def _search(self, match: str, what: str, limit: int) -> list[Hit]:
        hits: list[Hit] = []
        if what in ("all", "quotes"):
            sql = (
                "SELECT f.article_id, f.quote_id, f.speaker, snippet(quotes_fts, 3, char(2), char(3), '…', 16) AS snip, a.title "
                "FROM quotes_fts f JOIN articles a ON a.id = f.article_id WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?"
            )
            for r in self.conn.execute(sql, (match, limit)):
                hits.append(Hit("quote", r["article_id"], r["title"], r["snip"], r["speaker"] or None, r["quote_id"]))
        if what in ("all", "articles"):
            sql = (
                "SELECT f.article_id, snippet(articles_fts, 2, char(2), char(3), '…', 16) AS snip, a.title "
                "FROM articles_fts f JOIN articles a ON a.id = f.article_id WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
            )
            for r in self.conn.execute(sql, (match, limit)):
                hits.append(Hit("article", r["article_id"], r["title"], r["snip"]))
        return hits

    def summary(self, *, top: int = 10, per_article: int = 3, with_duplicates: bool = False) -> dict[str, Any]:
        """Counts, top speakers, events by type and a who-said-what sample, for ``communique summary``.
        Duplicate stories (members other than their representative) are not counted unless asked."""
        with self._reading():
            return self._summary(top, per_article, with_duplicates)

    def _summary(self, top: int, per_article: int, with_duplicates: bool) -> dict[str, Any]:
        c = self.conn
        keep = "1=1" if with_duplicates else "{0} NOT IN (SELECT article_id FROM story_members WHERE representative=0)"
        speakers = c.execute(
            "SELECT a.name || coalesce(' (' || a.country || coalesce(' ' || a.sector, '') || ')', '') AS name,"
            " count(*) AS n, count(DISTINCT q.article_id) AS articles FROM quotes q"
            " JOIN actors a ON a.article_id = q.article_id AND a.actor_id = q.speaker_id"
            f" WHERE a.type != 'unknown' AND {keep.format('q.article_id')} GROUP BY 1 ORDER BY n DESC, name LIMIT ?",
            (top,)).fetchall()
        types = c.execute(f"SELECT type, count(*) AS n FROM events WHERE {keep.format('article_id')}"
                          " GROUP BY type ORDER BY n DESC, type").fetchall()
        statuses = c.execute(f"SELECT status, count(*) AS n FROM events WHERE {keep.format('article_id')}"
                             " GROUP BY status ORDER BY n DESC").fetchall()
        said = c.execute(
            "SELECT article_id, speaker_name, kind, text, date FROM ("
            " SELECT q.*, row_number() OVER (PARTITION BY q.article_id ORDER BY q.start) AS k"
            f" FROM quotes q WHERE q.speaker_name IS NOT NULL AND {keep.format('q.article_id')})"
            " WHERE k <= ? ORDER BY article_id, start", (per_article,)).fetchall()
        skipped = c.execute("SELECT coalesce(language, '?') AS language, count(*) AS n FROM articles"
                            f" WHERE analysis_status = 'skipped' AND {keep.format('id')} GROUP BY 1 ORDER BY n DESC, 1").fetchall()

        def count(table: str, col: str = "article_id") -> int:
            return int(c.execute(f"SELECT count(*) FROM {table} WHERE {keep.format(col)}").fetchone()[0])

        return {
            "articles": count("articles", "id"),
            "skipped_by_language": [(r["language"], r["n"]) for r in skipped],
            "actors": count("actors"),
            "quotes": count("quotes"),
            "events": count("events"),
            "times": count("times"),
            "duplicates": int(c.execute("SELECT count(*) FROM story_members WHERE representative=0").fetchone()[0]),
            "top_speakers": [(r["name"], r["n"], r["articles"]) for r in speakers],
            "events_by_type": [(r["type"], r["n"]) for r in types],
            "events_by_status": [(r["status"], r["n"]) for r in statuses],
            "who_said_what": [dict(r) for r in said],
        }


def describe_sqlite_error(e: sqlite3.Error) -> str:
    """SQLite's message in plain terms where it is one a user can act on (a full disk, a damaged file)."""
    message = str(e)
    for words, reason in SQLITE_REASONS:
        if words in message.lower():
            return reason
    return message


def _insert_sql(table: str) -> str:
    """An INSERT naming its columns (the export columns are every column of these tables), so the order
    of columns a migration added does not matter."""
    cols = EXPORT_COLUMNS[table]
    return f"INSERT INTO {table} ({', '.join(_q(c) for c in cols)}) VALUES ({','.join('?' * len(cols))})"


def _table(what: str) -> str:
    if what not in EXPORT_COLUMNS:
        raise StoreError(f"unknown table {what!r}; choose from {', '.join(EXPORT_COLUMNS)}")
    return what


def _q(col: str) -> str:
    return f'"{col}"'


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _indexed(text: str) -> str:
    """The copy of ``text`` the full-text index holds: the hit markers replaced by spaces (same offsets)."""
    return text.translate(_UNMARKED)


def fts_words(query: str) -> str:
    """User text to a safe FTS5 query: each word quoted (so ``U.S.-backed`` cannot be a syntax error), ANDed.

    A repeated word counts once (case aside), and words are kept only while they hold at most
    ``MAX_QUERY_TERMS`` index terms in all (``U.S.-backed`` is three), so the query's cost does not grow
    with the length of what was pasted into the search box."""
    unique: dict[str, str] = {}
    terms = 0
    for word in query.translate(_UNMARKED).split():
        w = word.replace('"', "")
        if not w or w.casefold() in unique:
            continue
        terms += max(1, len(_TERM.findall(w)))
        if terms > MAX_QUERY_TERMS:
            break
        unique[w.casefold()] = w
    return " ".join(f'"{w}"' for w in unique.values())


def open_store(path: str | Path = DEFAULT_DB, *, create: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at ``path``; ``create=False`` only opens an
    existing Communique store (migrating it if it is older)."""
    with closing(sqlite3.connect(":memory:")) as probe:
        if not probe.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')").fetchone()[0]:
            raise StoreError("this Python's SQLite has no FTS5")
    return Store(path, create=create)


def read_connection(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to an existing store (``sqlite3.Row`` rows), usable from any thread one at a
    time: for servers that read from worker threads. Open the store once with ``open_store(path,
    create=False)`` first, so its schema is checked and migrated; this one never writes."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only=ON")
    except sqlite3.Error as e:
        raise StoreError(f"cannot open store {path}: {describe_sqlite_error(e)}") from e
    return conn
