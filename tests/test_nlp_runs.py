"""Long runs of one punctuation character are split before the tokenizer sees them (issue 14).

spaCy's suffix search is quadratic in such a run: 40 KB of '"' took minutes to parse.
"""

from __future__ import annotations

import time

import pytest

from communique import nlp
from communique.pipeline import analyze_many
from communique.records import Analysis, Article

NORMAL = [
    '"We will return," she said. "The talks -- if they resume -- will be long..."',
    "Officials said the truce\u2014agreed on Monday\u2014would hold... for now. Isn't it?",
    "KYIV, Ukraine (AP) \u2014 The mayor said: 'No.' Prices rose 3.5% (to $4.20) -- a record!!",
    "Headline\n\n  He said \"...\" and left --- then *** appeared ==== twice.\n",
]


def _tokens(doc: object) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in doc]  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", NORMAL)
def test_nlp_ordinary_text_tokenizes_exactly_as_the_plain_tokenizer(text: str) -> None:
    model = nlp.load()
    plain = model.tokenizer.tokenizer(text)  # type: ignore[attr-defined]
    assert _tokens(nlp.parse(text)) == _tokens(plain)


def test_nlp_forty_thousand_quote_marks_parse_quickly_in_bounded_tokens() -> None:
    text = '"' * 40_000
    start = time.monotonic()
    doc = nlp.parse(text)
    assert time.monotonic() - start < 10
    assert doc.text == text
    assert len(doc) <= 40_000 // nlp.RUN_CHUNK + 1


@pytest.mark.parametrize("ch", ['"', "-", ".", "*", "=", "_", "\u2014"])
def test_nlp_a_long_run_inside_text_keeps_the_text_and_offsets(ch: str) -> None:
    text = f"Envoys met in Oslo.{ch * 57} They said \"no\"{ch * 21}\n\n{ch * 300}  and left. {ch * 25}"
    doc = nlp.parse(text)
    assert doc.text == text
    assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert max(len(t.text) for t in doc) <= nlp.RUN_CHUNK
    assert [t.text for t in doc[:4]] == ["Envoys", "met", "in", "Oslo"]


def test_nlp_a_run_of_exactly_the_limit_is_left_to_the_tokenizer() -> None:
    text = "Wait" + "." * nlp.RUN_CHUNK + " then go."
    model = nlp.load()
    assert _tokens(nlp.parse(text)) == _tokens(model.tokenizer.tokenizer(text))  # type: ignore[attr-defined]


def test_nlp_the_batch_path_goes_through_the_guard_too() -> None:
    texts = ["Envoys met in Oslo.", '"' * 40_000, "Talks " + "=" * 5_000 + " ended."]
    start = time.monotonic()
    docs = list(nlp.load().pipe(texts))
    assert time.monotonic() - start < 10
    assert [d.text for d in docs] == texts
    assert all(len(t.text) <= nlp.RUN_CHUNK for d in docs for t in d)


def test_nlp_analyze_many_survives_a_wall_of_quote_marks() -> None:
    items = [Article(id="a", text="Envoys met in Oslo."), Article(id="b", text='She said ' + '"' * 40_000)]
    start = time.monotonic()
    results = list(analyze_many(items))
    assert time.monotonic() - start < 30
    assert [r.article.id if isinstance(r, Analysis) else r for r in results] == ["a", "b"]
