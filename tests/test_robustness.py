"""Hostile and odd input never crashes a run: every text comes out as a schema-valid analysis or as
one InputError naming it, and the others go on."""

from __future__ import annotations

from communique.errors import InputError
from communique.ingest import article_from_text
from communique.pipeline import analyze_many
from communique.records import Analysis, Article
from communique.schema import validate

BASE = "Russia and Ukraine agreed on Monday to exchange prisoners, officials in Kyiv said."

NASTY = [
    '"' * 41 + BASE,  # an odd number of marks
    "«" + BASE + " \u201cHe said \u2018no\u201d » she said.\u2019 '' `` ''",  # nested and mismatched marks of every kind
    BASE + "\n\n" + "\u201c" + "We will never give up, " * 200,  # a quote that never closes
    BASE + " " + "\u202e\u200b\u200d\ufeff" * 20 + " Tehran warned.",  # bidi controls and zero-width characters
    BASE + " 🇺🇦🤝🇷🇺 " * 30,  # emoji
    ("Officials said. " * 400).strip(),  # many tiny sentences
    BASE.replace(" ", "\u00a0"),  # no ordinary spaces at all
    BASE + "\n" * 50 + BASE,  # long runs of blank lines
    "KYIV, (Wire) - - - " + BASE + ' — "' + BASE + '" —',  # dash layouts without a name
    BASE + " He said: " + "she said " * 300,  # a runaway cue
    "\t".join([BASE] * 20),  # tabs between sentences
    BASE + " On 31 February 2025, on Thursday last next week, in the 1990s of 2012, he said.",  # impossible dates
]


def test_robustness_odd_texts_never_crash_and_always_validate() -> None:
    items: list[Article | InputError] = []
    for i, text in enumerate(NASTY):
        try:
            items.append(article_from_text(text, id=f"nasty-{i}", published="2025-03-04", source=f"nasty-{i}"))
        except InputError as e:
            items.append(e)
    results = list(analyze_many(items))
    assert len(results) == len(NASTY)
    for r in results:
        if isinstance(r, InputError):
            assert r.source.startswith("nasty-") and r.reason
            assert "analysis failed" not in r.reason, r.reason  # a stage crash is a bug, not bad input
            continue
        assert isinstance(r, Analysis)
        assert validate(r.to_dict()) == [], r.article.id
    assert sum(isinstance(r, Analysis) for r in results) >= len(NASTY) - 2
