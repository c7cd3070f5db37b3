"""The times section validates against the package's output schema, anchors included."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

from communique.nlp import parse
from communique.records import Analysis, Article
from communique.times import extract_times

TEXT = (
    "KYIV, March 3, 2025 (Reuters) - Russia launched a three-day offensive on Tuesday, two weeks after "
    "talks collapsed, officials said. Talks will resume next month; fighting has gone on for years. "
    "Envoys meet every week, and the ceasefire starts at 8 p.m. tonight."
)


def test_times_section_validates_against_the_output_schema():
    schema = json.loads(resources.files("communique.schema").joinpath("analysis.schema.json").read_text())
    article = Article(id="t", text=TEXT, published="2025-03-03")
    times = extract_times(parse(TEXT), article.published)
    assert any(t.anchor for t in times)
    output = Analysis(article=article, times=tuple(times)).to_dict()["times"]
    jsonschema.validate(output, schema["properties"]["times"])
    assert {t["type"] for t in output} == {"DATE", "TIME", "DURATION", "SET"}
