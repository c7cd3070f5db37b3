"""The corpus layer: one story across many articles.

- ``keys``: global actor keys (one actor across articles, generic actors kept apart);
- ``dedup``: duplicate stories (MinHash/LSH over word shingles, kept in SQLite, incremental);
- ``incidents``: events of different articles reporting one happening, merged incrementally;
- ``index``: keeps those tables in step with the articles (the store calls it in each write);
- ``views``: the read functions the CLI and the web share (docs: CORPUS-VIEWS in the repository docs);
- ``versions`` and ``reanalyse``: which analyser made each article, and re-running stale ones;
- ``export`` and ``codebook``: the enriched export and the generated codebook.
"""
