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


def test_schema_quotes_and_events_carry_a_date_basis_and_precision(story_analysis: Analysis) -> None:
    obj = story_analysis.to_dict()
    records = [*obj["quotes"], *obj["events"]]
    assert records
    for rec in records:
        keys = list(rec)
        assert keys.index("date_basis") == keys.index("date_text" if "date_text" in rec else "date") + 1
        assert keys.index("date_precision") == keys.index("date_basis") + 1
    assert {r["date_basis"] for r in records} <= {"explicit", "relative", "reporting", "publication", "none"}


def test_schema_rejects_an_unknown_date_basis_or_precision(story_analysis: Analysis) -> None:
    obj = copy.deepcopy(story_analysis.to_dict())
    obj["events"][0]["date_basis"] = "guessed"
    obj["quotes"][0]["date_precision"] = "hour"
    problems = "\n".join(validate(obj))
    assert "guessed" in problems and "hour" in problems
    obj = copy.deepcopy(story_analysis.to_dict())
    del obj["quotes"][0]["date_basis"]
    assert any("date_basis" in p for p in validate(obj))


def test_schema_validator_catches_a_date_that_disagrees_with_its_basis_or_precision(story_analysis: Analysis) -> None:
    obj = copy.deepcopy(story_analysis.to_dict())
    event = obj["events"][0]
    event.update(date="2025-03", date_basis="explicit", date_precision="day")
    assert any("date_precision 'day'" in p for p in validate(obj))
    event.update(date=None, date_basis="relative", date_precision="none")
    assert any("date_basis 'relative'" in p for p in validate(obj))
    event.update(date="199", date_basis="explicit", date_precision="decade")
    assert validate(obj) == []
