"""The output contract: every analysis validates against the packaged JSON Schema, spans included."""

from __future__ import annotations

import copy

from communique.records import SCHEMA, Analysis
from communique.schema import analysis_schema, validate


def test_schema_file_loads_and_names_the_contract_version() -> None:
    schema = analysis_schema()
    assert schema["properties"]["schema"]["const"] == SCHEMA
    for key in ("article", "actors", "quotes", "events", "times"):
        assert key in schema["required"]


def test_schema_analysis_of_a_wire_story_validates(story_analysis: Analysis) -> None:
    obj = story_analysis.to_dict()
    assert validate(obj) == []
    assert obj["article"]["published"] == "2025-03-04"
    assert any(a["country"] == "QAT" for a in obj["actors"])


def test_schema_validator_catches_a_span_whose_text_is_wrong(story_analysis: Analysis) -> None:
    obj = copy.deepcopy(story_analysis.to_dict())
    actor = obj["actors"][0]
    actor["mentions"][0]["text"] = actor["mentions"][0]["text"] + "x"
    problems = validate(obj)
    assert problems and "mentions" in problems[0]


def test_schema_validator_catches_a_missing_field_and_a_bad_type(story_analysis: Analysis) -> None:
    obj = copy.deepcopy(story_analysis.to_dict())
    del obj["article"]["url"]
    obj["actors"][0]["type"] = "alien"
    problems = "\n".join(validate(obj))
    assert "url" in problems and "alien" in problems
