"""Schema fuzzing of the API with schemathesis: requests generated from the OpenAPI document, in
process (ASGI), against the demo store. Whatever the input, the answer is never a server error, and
every error is ``{"error": ...}``. Bounded: a few examples per operation, derandomised."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from communique.api import create_app
from communique.settings import Settings

EXAMPLES = 12


def _check(case: Any) -> None:
    response = case.call()
    where = (case.method, case.formatted_path, case.query, response.status_code, response.content[:300])
    assert response.status_code < 500, where
    if response.status_code >= 400:
        assert set(response.json()) == {"error"}, where


def test_api_never_answers_with_a_server_error(demo_db: Path) -> None:
    app = create_app(demo_db, Settings(db=str(demo_db)))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    for operation in operations:
        for mode in schemathesis.GenerationMode:  # valid inputs, then inputs that break the schema
            @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode))
            def fuzz(case: Any) -> None:
                _check(case)

            try:
                fuzz()
            except Unsatisfiable:  # an operation without parameters has no invalid input to make
                assert mode is schemathesis.GenerationMode.NEGATIVE, operation.label
