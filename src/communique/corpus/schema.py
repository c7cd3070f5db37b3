"""Store migration 3: the tables of the corpus layer, appended to ``store.MIGRATIONS`` as one script.

Every table is derived from the articles and their analyses (``communique reanalyse --rebuild``
recomputes them); the migration only creates them, so the rows of an older store are kept. Rows of
an article are removed with it (foreign keys with ``ON DELETE CASCADE``), and the corpus hook of
``index.py`` keeps incidents and stories in step before that.
"""

CORPUS_SCHEMA = """
    CREATE TABLE actor_links (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL,
        type TEXT NOT NULL, country TEXT, sector TEXT,
        quotes INTEGER NOT NULL DEFAULT 0, events INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (article_id, actor_id)
    );
    CREATE INDEX actor_links_key ON actor_links(key);
    CREATE TABLE actor_aliases (
        key TEXT NOT NULL, alias TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (key, alias, article_id)
    );
    CREATE INDEX actor_aliases_article ON actor_aliases(article_id);
    CREATE TABLE corpus_actors (
        key TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, country TEXT, sector TEXT,
        kind TEXT NOT NULL
    );
    CREATE TABLE story_signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, minhash BLOB NOT NULL,
        shingles INTEGER NOT NULL
    );
    CREATE TABLE story_bands (
        band TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (band, article_id)
    );
    CREATE INDEX story_bands_article ON story_bands(article_id);
    CREATE TABLE story_pairs (
        a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        similarity REAL NOT NULL, PRIMARY KEY (a, b)
    );
    CREATE INDEX story_pairs_b ON story_pairs(b);
    CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        cluster TEXT NOT NULL, representative INTEGER NOT NULL
    );
    CREATE INDEX story_members_cluster ON story_members(cluster);
    CREATE TABLE article_copies (
        id TEXT PRIMARY KEY, of_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        title TEXT, published TEXT, url TEXT, outlet TEXT, source TEXT,
        seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX article_copies_of ON article_copies(of_id);
    CREATE TABLE incident_events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, event_id TEXT NOT NULL,
        incident_id TEXT NOT NULL, type TEXT NOT NULL, lo TEXT NOT NULL, hi TEXT NOT NULL,
        wide INTEGER NOT NULL, actors TEXT NOT NULL, recipients TEXT NOT NULL,
        PRIMARY KEY (article_id, event_id)
    );
    CREATE INDEX incident_events_incident ON incident_events(incident_id);
    CREATE INDEX incident_events_window ON incident_events(type, wide, lo);
    CREATE TABLE incidents (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, date TEXT, lo TEXT NOT NULL, hi TEXT NOT NULL,
        first_reported TEXT, contested INTEGER NOT NULL, articles INTEGER NOT NULL, row TEXT NOT NULL
    );
    CREATE INDEX incidents_order ON incidents(lo DESC, id);
    CREATE TABLE incident_keys (
        incident_id TEXT NOT NULL, key TEXT NOT NULL, role TEXT NOT NULL,
        PRIMARY KEY (incident_id, key, role)
    );
    CREATE INDEX incident_keys_key ON incident_keys(key, role);
    CREATE TABLE analysis_versions (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        analyser TEXT NOT NULL, rules_hash TEXT NOT NULL
    );
    CREATE TABLE corpus_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    """
