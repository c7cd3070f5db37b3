"""Helpers for quote tests: analyse a short text we wrote with the real model and look quotes up."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from communique.records import Analysis, Article


def _analyse(text: str) -> Analysis:
    from communique.pipeline import analyze

    return analyze(Article(id="t", text=text))


@pytest.fixture(scope="session")
def analyse() -> Callable[[str], Analysis]:
    return _analyse
