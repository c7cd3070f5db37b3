"""The cue lexicon is data: it loads, has the required size and classes, and looks verbs up."""

from __future__ import annotations

from communique import data
from communique.document.cues import lexicon, parse_rows


def test_cue_lexicon_has_at_least_250_entries_with_a_header():
    text = data.text("cues.tsv")
    rows = parse_rows(text)
    assert len(rows) >= 250
    assert any(line.startswith("# columns: cue | pos | class | strength") for line in text.splitlines())
    assert {r.pos for r in rows} == {"verb", "noun", "prep"}
    assert {r.strength for r in rows} <= {"core", "weak"}


def test_cue_lexicon_knows_verbs_particle_verbs_and_nouns():
    lex = lexicon()
    for verb in ("say", "tell", "insist", "warn", "deny", "reveal", "claim", "add", "quip", "sigh"):
        assert lex.verb(verb) is not None, verb
    assert lex.verb("point", "out") is not None
    assert "statement" in lex.nouns and "according to" in lex.preps
