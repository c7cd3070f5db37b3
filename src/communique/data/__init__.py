"""Versioned data files (lexicons, gazetteers) and the one loader that reads them (``loader.py``).

``data.rows("cues.tsv")`` (rows of a file: ``data/<lang>/`` first, then ``data/``), ``data.text(name)``,
``data.words("pronouns.plural")`` (a word list of ``data/<lang>/words/*.tsv``), ``data.word_map(name)``.
"""

from communique.data.loader import LANG, list_names, parse, rows, text, word_map, words

__all__ = ["LANG", "list_names", "parse", "rows", "text", "word_map", "words"]
