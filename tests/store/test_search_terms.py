"""Search: hits are marked unambiguously (brackets in the text stay text), and the query's size is bounded."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from communique.records import Analysis, Quote
from communique.store import HIT_END, HIT_START, MAX_QUERY_TERMS, fts_words, open_store


def _terms(match: str) -> list[str]:
    return [t for t in match.split('"') if t.strip()]


def test_search_query_repeated_words_count_once() -> None:
    assert fts_words(" ".join(["ceasefire"] * 4000)) == '"ceasefire"'
    assert fts_words("Truce truce TRUCE talks truce") == '"Truce" "talks"'


def test_search_query_keeps_at_most_max_terms_whatever_is_pasted() -> None:
    pasted = " ".join(f"word{i}" for i in range(4000))
    assert len(_terms(fts_words(pasted))) == MAX_QUERY_TERMS
    dotted = " ".join(".".join(f"w{i}x{j}" for j in range(40)) for i in range(100))  # 40 index terms per word
    assert fts_words(dotted) == ""  # the first word alone holds more terms than allowed
    mixed = "U.S.-backed " * 50 + "talks"
    assert _terms(fts_words(mixed)) == ["U.S.-backed", "talks"]


def test_search_query_drops_the_hit_marks_from_user_text() -> None:
    assert fts_words(f"{HIT_START}truce{HIT_END}") == '"truce"'


def test_search_snippet_marks_hits_apart_from_editorial_brackets(tmp_path: Path, story_analysis: Analysis) -> None:
    text = story_analysis.article.text + '\n\n"We told [the mediators] to wait [sic] for \x02 the answer," he said.\n'
    art = replace(story_analysis.article, id="brackets", text=text)
    start = text.index("We told")
    quote = Quote(id="Q9", kind="direct", text=text[start:text.index(',"', start)], start=start,
                  end=text.index(',"', start), speaker=None, speaker_mention=None, cue=None, date=None)
    with open_store(tmp_path / "s.db") as store:
        store.add(replace(story_analysis, article=art, quotes=(quote,), events=()))
        [hit] = store.search("mediators", what="quotes")
        assert hit.snippet.count(HIT_START) == hit.snippet.count(HIT_END) == 1
        assert f"[the {HIT_START}mediators{HIT_END}] to wait [sic] for   the answer" in hit.snippet
        art_hits = store.search("answer", what="articles")
        assert art_hits and f"[sic] for   the {HIT_START}answer{HIT_END}" in art_hits[0].snippet
        assert store.search("sic", what="quotes")[0].snippet.count(HIT_START) == 1
